"""Gold loading and line-level scoring for the cleaning fixtures (shared by the quality gate
and ``compare_extractors.py``).

A page is cut into *units*: the non-empty lines of a scraped-text page, or the text blocks of
an HTML page (block elements and ``<br>`` end a unit). The gold lists the body units by
prefix; every other unit is boilerplate. A unit counts as kept when the extractor's output
holds it (a whole output line, the unit inside a longer line, or a cleaned version of it
that is most of the unit). F1 is computed on the body class over all units of all pages.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLD = HERE / "gold.yaml"
SEED_GOLD = HERE / "seed_gold.yaml"
SEEDS = HERE.parent.parent.parent / "shared" / "seeds"

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\xad]")
_BULLET = re.compile(r"^[\s•·*▪►◦‣\-–]+")


def norm_line(s: str) -> str:
    """Comparable form of a line: entities decoded, invisible marks and bullets removed,
    whitespace collapsed."""
    s = unicodedata.normalize("NFC", html.unescape(s))
    s = _INVISIBLE.sub("", s).replace("\xa0", " ")
    s = _BULLET.sub("", s)
    return " ".join(s.split())


def html_units(markup: str) -> list[str]:
    """Visible text blocks of an HTML page or fragment, in document order (the same block
    segmentation the HTML cleaner uses: rasad.clean.html.html_lines)."""
    from lxml import html as lh

    from rasad.clean.html import html_lines

    try:
        root = lh.fromstring(markup)
    except Exception:  # lxml raises ParserError/ValueError on junk
        return []
    return html_lines(root)


def text_units(content: str) -> list[str]:
    return [x for x in (ln.strip() for ln in content.replace("\r", "\n").split("\n")) if x]


@dataclass
class GoldPage:
    name: str
    path: Path
    split: str
    title: str | None
    published: str | None
    published_from: str | None
    window: str | None
    outlet: str | None
    body: list[str]
    optional: list[str] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)
    input: dict[str, str] = field(default_factory=dict)


def load_gold(path: Path = GOLD, base: Path = FIXTURES) -> list[GoldPage]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: list[GoldPage] = []
    for name, g in data["pages"].items():
        pub = g.get("published")
        out.append(GoldPage(
            name=name, path=base / g["file"], split=g.get("split", "dev"),
            title=g.get("title"), published=str(pub) if pub else None,
            published_from=g.get("published_from"), window=g.get("window"),
            outlet=g.get("outlet"), body=list(g.get("body") or []),
            optional=list(g.get("optional") or []), must_not=list(g.get("must_not") or []),
            input=dict(g.get("input") or {})))
    return out


def read_page(g: GoldPage) -> Any:
    """The RawInput the reader makes of the fixture (bytes decoded as in production)."""
    from rasad.read import read_file
    from rasad.records import RawInput

    items = list(read_file(g.path, str(g.path)))
    assert len(items) == 1 and isinstance(items[0], RawInput), items
    raw = items[0]
    for k, v in g.input.items():
        setattr(raw, k, v)
    return raw


def page_units(raw: Any) -> list[str]:
    units = html_units(raw.content) if raw.kind == "html" else text_units(raw.content)
    return [u for u in (norm_line(x) for x in units) if u]


def labels(g: GoldPage, units: list[str]) -> list[str | None]:
    """'body', 'boiler' or None (optional, not scored) for every unit."""
    body = [norm_line(b) for b in g.body]
    opt = [norm_line(b) for b in g.optional]
    out: list[str | None] = []
    for u in units:
        if any(u.startswith(b) for b in body):
            out.append("body")
        elif any(u.startswith(b) for b in opt):
            out.append(None)
        else:
            out.append("boiler")
    return out


def kept(units: list[str], output: str) -> list[bool]:
    """Whether each unit survives in the extractor's output."""
    outs = [norm_line(x) for x in output.split("\n")]
    outs = [o for o in outs if o]
    whole = set(outs)
    joined = " \n ".join(outs)
    res: list[bool] = []
    for u in units:
        ok = u in whole or (len(u) >= 15 and u in joined) or any(
            len(o) >= 15 and o in u and len(o) >= 0.5 * len(u) for o in outs)
        res.append(ok)
    return res


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def line_counts(g: GoldPage, units: list[str], output: str) -> tuple[Counts, list[str]]:
    """Counts for one page and the units that were misclassified (for messages)."""
    c = Counts()
    errors: list[str] = []
    for u, lab, k in zip(units, labels(g, units), kept(units, output), strict=True):
        if lab is None:
            continue
        if lab == "body" and k:
            c.tp += 1
        elif lab == "body":
            c.fn += 1
            errors.append(f"missed: {u[:70]}")
        elif k:
            c.fp += 1
            errors.append(f"leaked: {u[:70]}")
    return c, errors


def same_title(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return norm_line(a) == norm_line(b)


@dataclass
class Report:
    pages: int = 0
    lines: Counts = field(default_factory=Counts)
    titles_ok: int = 0
    dates_ok: int = 0
    dates_wrong: int = 0  # a date given that is not the gold date (boilerplate or other)
    outlets_ok: int = 0
    must_not_kept: int = 0
    failures: dict[str, list[str]] = field(default_factory=dict)

    def as_row(self) -> dict[str, float]:
        n = max(self.pages, 1)
        return {"pages": self.pages, "line_p": self.lines.precision,
                "line_r": self.lines.recall, "line_f1": self.lines.f1,
                "title": self.titles_ok / n, "date": self.dates_ok / n,
                "wrong_dates": self.dates_wrong, "outlet": self.outlets_ok / n,
                "must_not_kept": self.must_not_kept}


def evaluate(pages: Iterable[GoldPage], cleaner: Any = None) -> Report:
    """Run rasad.clean.clean (or `cleaner`) on every page and score it against the gold."""
    from rasad import errors
    from rasad.clean import clean as rasad_clean

    clean = cleaner or rasad_clean
    rep = Report()
    for g in pages:
        raw = read_page(g)
        units = page_units(raw)
        try:
            doc = clean(raw)
            text, title, pub, src, outlet = (doc.text, doc.title, doc.published,
                                             doc.published_from, doc.outlet)
            window = doc.published_window
        except errors.Drop:
            text, title, pub, src, outlet, window = "", None, None, None, None, None
        c, errs = line_counts(g, units, text)
        rep.pages += 1
        rep.lines.add(c)
        if same_title(title, g.title):
            rep.titles_ok += 1
        else:
            errs.append(f"title: {title!r} != {g.title!r}")
        if pub == g.published and src == g.published_from and window == g.window:
            rep.dates_ok += 1
        else:
            errs.append(f"date: {pub} {src} {window} != {g.published} {g.published_from} "
                        f"{g.window}")
        if pub is not None and pub != g.published:
            rep.dates_wrong += 1
        if same_title(outlet, g.outlet):
            rep.outlets_ok += 1
        else:
            errs.append(f"outlet: {outlet!r} != {g.outlet!r}")
        for bad in g.must_not:
            if bad in text:
                rep.must_not_kept += 1
                errs.append(f"must_not kept: {bad}")
        if errs:
            rep.failures[g.name] = errs
    return rep
