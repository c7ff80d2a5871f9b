"""Find time expressions in Arabic text and resolve them against a reference date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from rasad.time.model import TimeExpr
from rasad.time.patterns import lookback, master, master_for, start_classes
from rasad.time.resolve import HANDLERS, Hit, Match
from rasad.time.textview import NormView

_WORD = re.compile(r"\w+")
_NONE: frozenset[str] = frozenset()
_DIGIT = frozenset({"digit"})

_LOOKBACK_WIDTH = 60
_EXTENDABLE = frozenset({"date", "relative", "time_of_day", "duration"})


def find_time_expressions(text: str, reference: dt.date | None) -> list[TimeExpr]:
    """All time expressions in text, sorted by start, non-overlapping, resolved against
    reference (the publication date); relative ones get value None without a reference."""
    norm = NormView(text)
    hits = _scan(norm.text, reference)
    return [_to_expr(text, norm, hit) for hit in hits]


def parse_date_text(text: str) -> tuple[str, str] | None:
    """An explicit absolute date (day or month precision) in a short string such as a
    dateline -> (iso_value, precision); None for relative expressions, a bare year or a
    day-month without a year."""
    best: tuple[str, str] | None = None
    for hit in _scan(NormView(text).text, None):
        if hit.kind != "date" or hit.value is None:
            continue
        if hit.precision == "day":
            return hit.value, "day"
        if hit.precision == "month" and best is None:
            best = (hit.value, "month")
    return best


def _candidates(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """(match, rule) pairs, trying only the rules that can start at each word."""
    table = start_classes()
    pos = 0
    for word in _WORD.finditer(text):
        start = word.start()
        if start < pos:
            continue
        w = word.group()
        classes = table.get(w, _NONE)
        if w[0] in "وف" and len(w) > 2:
            classes = classes | table.get(w[1:], _NONE)
        if not w.isalpha():
            classes = classes | _DIGIT
        if not classes:
            continue
        m = master_for(classes).match(text, start)
        if m is not None and m.lastgroup is not None:
            pos = m.end()
            yield m, m.lastgroup


def _every_position(text: str) -> Iterator[tuple[re.Match[str], str]]:
    for m in master().finditer(text):
        if m.lastgroup is not None:
            yield m, m.lastgroup


def _scan(text: str, reference: dt.date | None, *, exhaustive: bool = False) -> list[Hit]:
    """Resolved hits in order; `exhaustive` tries every position (slow; for tests)."""
    hits: list[Hit] = []
    last_end = 0
    for m, rule in (_every_position(text) if exhaustive else _candidates(text)):
        hit = HANDLERS[rule](Match(m, rule, text, reference))
        if hit is None:
            continue
        _extend_left(text, hit, last_end)
        hits.append(hit)
        last_end = hit.end
    return hits


def _extend_left(text: str, hit: Hit, floor: int) -> None:
    """Take in "منذ" (-> interval start), "بداية/منتصف/..." and "يوم" just before the core."""
    if hit.kind not in _EXTENDABLE:
        return
    window_start = max(floor, hit.start - _LOOKBACK_WIDTH)
    lb = lookback().search(text, window_start, hit.start)
    if lb is None or lb.start() == lb.end():
        return
    for group in ("since", "bound", "yawm"):
        if lb.group(group) is not None:
            if group != "since" and hit.kind == "duration":
                return
            hit.start = lb.start(group)
            break
    if lb.group("since") is not None and hit.kind != "duration":
        hit.kind = "interval_start"


def _to_expr(original: str, norm: NormView, hit: Hit) -> TimeExpr:
    start, end = norm.to_original(hit.start, hit.end)
    return TimeExpr(start=start, end=end, text=original[start:end], value=hit.value,
                    precision=hit.precision, kind=hit.kind, end_value=hit.end_value,
                    future=hit.future)

