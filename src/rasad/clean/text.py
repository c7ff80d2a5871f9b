"""Scraped-text cleaning: a line classifier and a body-run selector.

Each non-empty line gets a class from its own features (length, sentence punctuation,
markers, stamps, teasers, repetition within the page). The article body is the run of
text lines with the most text, allowing single short lines (sub-headings) and "read also"
blocks inside it, and stopping at section markers (comments, latest news, source line).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rasad.clean import common
from rasad.records import CleanDoc, RawInput
from rasad.text.normalize import norm

_TERMINAL = re.compile(r"[.!?؟:\"»”]\s*$")
_STAMP = re.compile(
    r"^\W*(gmt|آخر تحديث|اخر تحديث|منذ \d+|·?منذ|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\W*$|"
    r"\d{1,2}:\d{2})", re.I)
_TEASER = re.compile(r"(…|\.\.\.)\s*$")
_DATELINE = re.compile(r"^\s*([\u0600-\u06FF ]{2,25}?)\s*[-–ـ]\s*([\u0600-\u06FF\w ]{2,40}?)\s*-?\s*$")
_WORD = re.compile(r"[\w\u0600-\u06FF]+")
_STOP = {norm(w) for w in ["في", "على", "من", "إلى", "عن", "مع", "أن", "إن", "الى", "التي", "الذي", "هذا", "هذه", "بين", "بعد", "قبل", "و"]}

TEXT, SHORT, HARD, RELATED, SOURCE, STAMP, TEASER, BOILER = (
    "text", "short", "hard", "related", "source", "stamp", "teaser", "boiler")


@dataclass(slots=True)
class Line:
    i: int
    text: str
    cls: str
    words: int
    repeated: bool


def classify(lines: list[str]) -> list[Line]:
    """Class of every non-empty line."""
    stripped = [x.strip().lstrip("•·*-–▪► ").strip() for x in lines]
    counts = Counter(norm(x) for x in stripped if x)
    out: list[Line] = []
    for i, s in enumerate(stripped):
        if not s:
            continue
        words = len(_WORD.findall(s))
        arabic = sum(1 for c in s if "\u0600" <= c <= "\u06ff")
        letters = sum(1 for c in s if c.isalpha()) or 1
        if common.SOURCE_PREFIX.match(s):
            cls = SOURCE
        elif common.is_hard_marker(s):
            cls = HARD
        elif common.is_related_marker(s):
            cls = RELATED
        elif _STAMP.match(s):
            cls = STAMP
        elif common.has_boiler_phrase(s) and words < 40:
            cls = BOILER
        elif _TEASER.search(s) and words >= 5:
            cls = TEASER
        elif words >= 10 and arabic / letters > 0.5 and (_TERMINAL.search(s) or words >= 18):
            cls = TEXT
        else:
            cls = SHORT
        out.append(Line(i, s, cls, words, counts[norm(s)] > 1))
    return out


def _runs(lines: list[Line]) -> list[tuple[int, int, int]]:
    """Candidate body runs as (first index, last index, text chars) over `lines`."""
    runs: list[tuple[int, int, int]] = []
    k = 0
    n = len(lines)
    while k < n:
        ln = lines[k]
        if ln.cls != TEXT or ln.repeated:
            k += 1
            continue
        start = k
        last = k
        chars = 0
        gap = 0
        j = k
        while j < n:
            c = lines[j]
            if c.cls == TEXT and not c.repeated:
                last, chars, gap = j, chars + len(c.text), 0
            elif c.cls in (HARD, SOURCE):
                break
            elif c.cls == RELATED:
                gap = -2  # the marker and up to two headlines after it may be skipped
            elif c.cls in (SHORT, TEASER) and not c.repeated:
                gap += 1
                if gap > 1:
                    break
            else:
                break
            j += 1
        runs.append((start, last, chars))
        k = j if j > k else k + 1
    return runs


def _tokens(s: str) -> set[str]:
    toks = set()
    for w in _WORD.findall(norm(s)):
        for p in ("وال", "بال", "لل", "فال", "ال", "و", "ب", "ل"):
            if w.startswith(p) and len(w) - len(p) >= 3:
                w = w[len(p):]
                break
        if w not in _STOP and len(w) > 1:
            toks.add(w)
    return toks


def pick_title(lines: list[Line], body: tuple[int, int], lead: str, outlet: str | None
               ) -> str | None:
    """The headline: a short line outside the body most like the lead, repeated ones preferred."""
    lead_toks = _tokens(lead)
    best: tuple[float, str] | None = None
    for idx, ln in enumerate(lines):
        if body[0] <= idx <= body[1]:
            continue
        if ln.cls not in (SHORT, TEXT) or not 3 <= ln.words <= 30:
            continue
        if outlet and norm(outlet) in norm(ln.text) and ln.words <= len(outlet.split()) + 2:
            continue
        toks = _tokens(ln.text)
        if not toks:
            continue
        overlap = len(toks & lead_toks) / len(toks)
        score = overlap
        if ln.repeated:
            score += 0.25
        dist = body[0] - idx
        if 0 < dist <= 4:
            score += 0.15
        elif idx > body[1]:
            score -= 0.1
        if score >= 0.35 and (best is None or score > best[0]):
            best = (score, ln.text)
    return best[1] if best else None


def _outlet(lines: list[Line], body: tuple[int, int]) -> tuple[str | None, int | None]:
    """Outlet from a source line after the body or a dateline before it; dateline index."""
    for ln in lines[body[1] + 1:]:
        m = common.SOURCE_PREFIX.match(ln.text)
        if m:
            return m.group(2).strip(), None
        if ln.cls == HARD:
            break
    for idx in range(max(0, body[0] - 3), body[0] + 1):
        m = _DATELINE.match(lines[idx].text)
        if m and lines[idx].words <= 6:
            return m.group(2).strip(), idx
    return None, None


def clean_text(raw: RawInput) -> CleanDoc:
    """Clean a scraped-text page."""
    all_lines = raw.content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = classify(all_lines)
    runs = _runs(lines)
    if not runs:
        return CleanDoc(raw, None, "", raw.outlet, raw.url, None, None, "und")
    first, last, _ = max(runs, key=lambda r: r[2])
    body_lines: list[str] = []
    skip_after_related = 0
    for ln in lines[first:last + 1]:
        if ln.cls == RELATED:
            skip_after_related = 2
            continue
        if ln.cls in (SHORT, TEASER) and skip_after_related:
            skip_after_related -= 1
            continue
        skip_after_related = 0
        if ln.cls in (TEXT, SHORT):
            body_lines.append(ln.text)
    text = "\n".join(body_lines)
    outlet, dateline_idx = _outlet(lines, (first, last))
    outlet = outlet or common.outlet_from_url(raw.url)
    title = pick_title(lines, (first, last), "\n".join(body_lines[:2]), outlet)
    published, published_from = None, None
    url_date = common.date_from_url(raw.url)
    if url_date:
        published, published_from = url_date, "url"
    else:
        # Only the top of the page and the first body line may carry the date.
        for ln in lines[max(0, first - 4):first + 1]:
            if ln.words > 12 and ln.i != lines[first].i:
                continue
            d = common.parse_explicit_date(ln.text if ln.words <= 12 else ln.text[:60])
            if d:
                published = d
                published_from = "dateline" if dateline_idx is not None else "text"
                break
    comments = _comments(lines, last)
    return CleanDoc(raw=raw, title=title, text=text, outlet=outlet, url=raw.url,
                    published=published, published_from=published_from, language="und",
                    comments=comments)


def _comments(lines: list[Line], last: int) -> list[str]:
    """Reader comments after a comments marker (kept apart; never a source of events)."""
    out: list[str] = []
    on = False
    for ln in lines[last + 1:]:
        if ln.cls == HARD:
            on = "تعليق" in norm(ln.text) or "comment" in ln.text.lower()
            continue
        if on and ln.cls in (TEXT, SHORT) and ln.words >= 4:
            out.append(ln.text)
    return out
