"""Side-by-side: Rasad, trafilatura and jusText on the same pages (not run in CI).

    .venv/bin/pip install justext        # for this comparison only; not a dependency
    .venv/bin/python tests/clean/compare_extractors.py

HTML pages (the .html fixtures and the HTML pasted into .txt files): line-level precision,
recall and F1 of the body against the gold, plus exact titles and publication dates where
the tool gives them. Scraped-text pages (the .txt fixtures and the seeds): Rasad, and what
trafilatura and jusText return when given the text itself. Prints Markdown tables (the ones
in docs/cleaning.md).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clean_gold import (
    SEED_GOLD,
    SEEDS,
    Counts,
    GoldPage,
    line_counts,
    load_gold,
    page_units,
    read_page,
    same_title,
)

Extractor = Callable[[str], tuple[str, str | None, str | None]]  # text, title, date


def rasad(raw: object) -> tuple[str, str | None, str | None]:
    from rasad import errors
    from rasad.clean import clean

    try:
        d = clean(raw)  # type: ignore[arg-type]
    except errors.Drop:
        return "", None, None
    return d.text, d.title, d.published


def keep_everything(content: str) -> tuple[str, str | None, str | None]:
    """Baseline: every line kept (the body share of the page is its precision)."""
    from clean_gold import html_units

    from rasad.clean.common import looks_like_html

    return ("\n".join(html_units(content)) if looks_like_html(content) else content), None, None


def trafilatura_default(content: str) -> tuple[str, str | None, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(content, with_metadata=True)
    if doc is None:
        return "", None, None
    return doc.text or "", doc.title, doc.date


def trafilatura_precision(content: str) -> tuple[str, str | None, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(content, with_metadata=True, favor_precision=True)
    if doc is None:
        return "", None, None
    return doc.text or "", doc.title, doc.date


def justext_arabic(content: str) -> tuple[str, str | None, str | None]:
    import justext

    paras = justext.justext(content.encode("utf-8"), justext.get_stoplist("Arabic"),
                            encoding="utf-8")
    return "\n".join(p.text for p in paras if not p.is_boilerplate), None, None


def justext_arabic_short(content: str) -> tuple[str, str | None, str | None]:
    """jusText with the length thresholds halved: news paragraphs here are 100-300 chars,
    and the defaults (70/200) leave most of them 'near-good' among 'bad' neighbours."""
    import justext

    paras = justext.justext(content.encode("utf-8"), justext.get_stoplist("Arabic"),
                            encoding="utf-8", length_low=35, length_high=100)
    return "\n".join(p.text for p in paras if not p.is_boilerplate), None, None


@dataclass
class Row:
    lines: Counts = field(default_factory=Counts)
    pages: int = 0
    titles: int = 0
    dated: int = 0  # pages whose gold has a date
    dates: int = 0  # ... and the tool gives that date
    wrong_dates: int = 0  # dates given that are not the page's date
    empty: int = 0


def score(pages: list[GoldPage], run: Callable[[object], tuple[str, str | None, str | None]],
          raw_input: bool) -> Row:
    row = Row()
    for g in pages:
        raw = read_page(g)
        text, title, date = run(raw if raw_input else raw.content)
        c, _ = line_counts(g, page_units(raw), text)
        row.lines.add(c)
        row.pages += 1
        row.titles += same_title(title, g.title)
        date = (date or "")[:10] or None
        row.dated += g.published is not None
        row.dates += g.published is not None and date == g.published
        row.wrong_dates += date is not None and date != g.published
        row.empty += not text.strip()
    return row


def table(title: str, pages: list[GoldPage], tools: list[tuple[str, Callable[[object], tuple[
        str, str | None, str | None]], bool]], meta: bool) -> None:
    print(f"\n### {title} ({len(pages)} pages)\n")
    head = "| tool | line P | line R | line F1 | empty output |"
    sep = "|---|---|---|---|---|"
    if meta:
        head += " title exact | date right (dated pages) | wrong dates |"
        sep += "---|---|---|"
    print(head)
    print(sep)
    for name, run, raw_input in tools:
        r = score(pages, run, raw_input)
        cells = (f"| {name} | {r.lines.precision:.3f} | {r.lines.recall:.3f} | "
                 f"{r.lines.f1:.3f} | {r.empty}/{r.pages} |")
        if meta:
            cells += f" {r.titles}/{r.pages} | {r.dates}/{r.dated} | {r.wrong_dates} |"
        print(cells)


def main() -> None:
    fixtures = load_gold()
    html_pages = [g for g in fixtures if read_page(g).kind == "html"]
    text_pages = [g for g in fixtures if read_page(g).kind == "text"]
    tools: list[tuple[str, Callable[[object], tuple[str, str | None, str | None]], bool]] = [
        ("Rasad", rasad, True),
        ("keep every line (baseline)", keep_everything, False),  # type: ignore[list-item]
        ("trafilatura 2 (default)", trafilatura_default, False),  # type: ignore[list-item]
        ("trafilatura 2 (favor_precision)", trafilatura_precision, False),  # type: ignore[list-item]
        ("jusText 3 (Arabic stoplist)", justext_arabic, False),  # type: ignore[list-item]
        ("jusText 3 (Arabic, length thresholds 35/100)", justext_arabic_short,
         False),  # type: ignore[list-item]
    ]
    for part, label in (("dev", "DEV"), ("heldout", "HELD-OUT"), ("heldout3", "HELD-OUT 3")):
        sel = [g for g in html_pages if g.split == part]
        if sel:
            table(f"HTML fixtures, {label}", sel, tools, meta=True)
    table("HTML fixtures, all", html_pages, tools, meta=True)
    table("Scraped-text fixtures, all", text_pages, tools, meta=True)
    if SEEDS.is_dir():
        table("Seed pages (scraped text)", load_gold(SEED_GOLD, SEEDS), tools, meta=True)


if __name__ == "__main__":
    main()
