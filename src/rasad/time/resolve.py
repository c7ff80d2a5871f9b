"""Turn one master-pattern match into a resolved hit (value, precision, kind).

One handler per rule of `rasad.time.patterns`. A handler gets a `Match` view (groups by
their short name), returns a `Hit` over the normalized text, or None to drop the match
(e.g. "اليوم" in the outlet name "العرب اليوم").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from rasad.time import calendar as cal
from rasad.time import lexicon as lx
from rasad.time.patterns import future_verb

_SENTENCE_END = re.compile(r"[.!?\n;:]")
# "منذ" just before an expression: it cannot point after the reference
_SINCE = re.compile(r"(?<!\w)منذ\s+(?:(?:بدايه|مطلع|اوايل|اواسط|منتصف|اواخر|نهايه|مستهل)\s+)?"
                    r"(?:يوم\s+)?$")


@dataclass(slots=True)
class Hit:
    """A resolved expression over the normalized text."""

    start: int
    end: int
    value: str | None
    precision: str | None
    kind: str
    end_value: str | None = None
    future: bool = False


class Match:
    """The groups of one rule inside a master-pattern match, by short name."""

    __slots__ = ("m", "prefix", "ref", "text")

    def __init__(self, m: re.Match[str], rule: str, text: str, ref: dt.date | None) -> None:
        self.m = m
        self.prefix = rule + "_"
        self.text = text
        self.ref = ref

    def g(self, name: str) -> str | None:
        return self.m.group(self.prefix + name)

    def span(self, name: str = "core") -> tuple[int, int]:
        return self.m.span(self.prefix + name)

    def hit(self, value: str | None, precision: str | None, kind: str, *,
            end_value: str | None = None, future: bool = False,
            core: str = "core") -> Hit:
        start, end = self.span(core)
        after = self.ref is not None and _after(self.ref, value, precision)
        return Hit(start, end, value if precision else None, precision, kind,
                   end_value, future or after)


# ---------------------------------------------------------------- small helpers


def _after(ref: dt.date, value: str | None, precision: str | None) -> bool:
    if value is None or precision is None:
        return False
    if precision == "day":
        return value > ref.isoformat()
    if precision == "month":
        return value > ref.isoformat()[:7]
    return value > ref.isoformat()[:4]


def _month(m: Match, name: str = "m") -> int:
    return lx.month_table()[lx.key(m.g(name) or "")]


def _weekday(word: str) -> int:
    stem = word[3:] if word.startswith("بال") else word[2:]
    return lx.weekday_table()[stem]


def _rel_mode(rel: str | None) -> str | None:
    """'last' | 'last2' | 'next' | 'current' for a relative modifier, None if absent."""
    if not rel:
        return None
    word = lx.key(rel)
    if word.startswith("قبل"):
        return "last2"
    word = word[:-1] if word.endswith("ه") else word
    if word in lx.REL_LAST:
        return "last"
    if word in lx.REL_NEXT:
        return "next"
    return "current"


_OFFSETS = {"last": -1, "last2": -2, "next": 1, "current": 0}


def _sentence_before(text: str, start: int, width: int = 80) -> str:
    window = text[max(0, start - width):start]
    cuts = [mt.end() for mt in _SENTENCE_END.finditer(window)]
    return window[cuts[-1]:] if cuts else window


def _is_future_verb(word: str) -> bool:
    if word in lx.FUTURE_CUE_WORDS:
        return True
    if not future_verb().fullmatch(word):
        return False
    bare = word[1:] if word[0] in "وف" else word
    return bare not in lx.FUTURE_FALSE_WORDS and not bare.startswith(lx.FUTURE_FALSE_PREFIXES)


def future_context(text: str, start: int) -> bool:
    """True when one of the few words before `start` (same sentence) marks the future, or a
    planning word ("من المقرر أن", "يعتزم") opens the clause the expression is in."""
    words = _sentence_before(text, start, 60).split()[-5:]
    if any(_is_future_verb(w.strip("\"'()[],")) for w in words):
        return True
    clause = _sentence_before(text, start, 120).split("،")[-1].split(",")[-1]
    return any(w.strip("\"'()[],") in lx.PLAN_CLAUSE_WORDS for w in clause.split())


def _mode(m: Match, rel: str | None = None) -> str:
    explicit = _rel_mode(rel)
    if explicit in ("last", "next", "current"):
        return explicit
    if _SINCE.search(m.text, max(0, m.span()[0] - 30), m.span()[0]):
        return "since"
    return "future" if future_context(m.text, m.span()[0]) else "past"


def _prev_word(text: str, start: int) -> str:
    words = text[max(0, start - 30):start].split()
    return words[-1].strip("\"'(),-") if words else ""


def _next_word(text: str, end: int) -> str:
    words = text[end:end + 30].split()
    return words[0].strip("\"'(),-.") if words else ""


# ---------------------------------------------------------------- day-level values


def _day_hit(m: Match, day: dt.date | None, kind: str, future: bool = False) -> Hit:
    if day is None:
        return m.hit(None, None, kind, future=future)
    return m.hit(cal.iso_day(day), "day", kind, future=future)


def _dm_value(m: Match, month: int, day: int, rel: str | None, yrel: str | None) -> Hit:
    if m.ref is None:
        return m.hit(None, None, "date", future=_rel_mode(rel) == "next")
    if yrel:
        year = m.ref.year + _OFFSETS[_rel_mode(yrel) or "current"]
        return _day_hit(m, cal.safe_date(year, month, day), "date")
    return _day_hit(m, cal.infer_day_month(m.ref, month, day, _mode(m, rel)), "date")


def _month_value(m: Match, month: int, rel: str | None, yrel: str | None) -> Hit:
    if m.ref is None:
        return m.hit(None, None, "date", future=_rel_mode(rel) == "next")
    if yrel:
        year = m.ref.year + _OFFSETS[_rel_mode(yrel) or "current"]
    else:
        year, month = cal.infer_month(m.ref, month, _mode(m, rel))
    return m.hit(cal.iso_month(year, month), "month", "date")


def _year_num(m: Match, name: str = "y") -> int:
    return int(m.g(name) or 0)


# ---------------------------------------------------------------- handlers


def h_midnight_wd(m: Match) -> Hit:
    future = future_context(m.text, m.span()[0]) or _midnight_future(m)
    if m.ref is None:
        return m.hit(None, None, "time_of_day", future=future)
    first = cal.resolve_weekday(m.ref, _weekday(m.g("a") or ""), "future" if future else "past")
    gap = (_weekday(m.g("b") or "") - first.weekday()) % 7 or 7
    return _day_hit(m, first + dt.timedelta(days=gap), "time_of_day")


def h_night_wd(m: Match) -> Hit:
    future = future_context(m.text, m.span()[0])
    if m.ref is None:
        return m.hit(None, None, "time_of_day", future=future)
    day = cal.resolve_weekday(m.ref, _weekday(m.g("a") or ""), "future" if future else "past")
    return _day_hit(m, day, "time_of_day")


def _midnight_future(m: Match) -> bool:
    before = _sentence_before(m.text, m.span()[0], 120)
    return any(cue in before for cue in lx.MIDNIGHT_FUTURE_CUES)


def h_midnight(m: Match) -> Hit:
    """Bare midnight: the one ending the reference day in a truce/future context, else the
    one that began it (the reference day itself)."""
    future = _midnight_future(m) or future_context(m.text, m.span()[0])
    if m.ref is None:
        return m.hit(None, None, "time_of_day", future=future)
    return _day_hit(m, m.ref + dt.timedelta(days=1 if future else 0), "time_of_day", future)


def h_tod(m: Match) -> Hit | None:
    rel = m.g("rel")
    if rel is not None and _next_word(m.text, m.span()[1]) in lx.SAME_DAY_AFTER:
        return None  # "مساء اليوم نفسه": the evening of a day named before, not today
    if rel is not None:
        offset = lx.day_word_table()[lx.key(rel)]
        day = m.ref + dt.timedelta(days=offset) if m.ref else None
        return _day_hit(m, day, "time_of_day", offset > 0)
    wd, r = m.g("wd") or "", m.g("r")
    if m.ref is None:
        return m.hit(None, None, "time_of_day", future=_rel_mode(r) == "next")
    return _day_hit(m, cal.resolve_weekday(m.ref, _weekday(wd), _mode(m, r)), "time_of_day")


def h_tonight(m: Match) -> Hit:
    offset = -1 if _rel_mode(m.g("r")) == "last" else 0
    day = m.ref + dt.timedelta(days=offset) if m.ref else None
    return _day_hit(m, day, "time_of_day", _rel_mode(m.g("r")) == "next")


def h_range_dmdm(m: Match) -> Hit | None:
    m1, m2 = _month(m, "m1"), _month(m, "m2")
    d1, d2 = int(m.g("d1") or 0), int(m.g("d2") or 0)
    y2 = _year_num(m, "y2") or None
    y1 = _year_num(m, "y1") or (y2 - 1 if y2 and m1 > m2 else y2)
    return _range_days(m, (y1, m1, d1), (y2, m2, d2))


def h_range_dm(m: Match) -> Hit | None:
    month, year = _month(m), _year_num(m) or None
    d1, d2 = int(m.g("d1") or 0), int(m.g("d2") or 0)
    return _range_days(m, (year, month, d1), (year, month, d2), m.g("r"))


def _range_days(m: Match, a: tuple[int | None, int, int], b: tuple[int | None, int, int],
                rel: str | None = None) -> Hit:
    (y1, m1, d1), (y2, m2, d2) = a, b
    if y1 is None:
        if m.ref is None:
            return m.hit(None, None, "range", future=_rel_mode(rel) == "next")
        start = cal.infer_day_month(m.ref, m1, d1, _mode(m, rel))
        if start is None:
            return m.hit(None, None, "range")
        y1 = start.year
        y2 = y1 + 1 if (m2, d2) < (m1, d1) else y1
    first, last = cal.safe_date(y1, m1, d1), cal.safe_date(y2 or y1, m2, d2)
    if first is None or last is None:
        return m.hit(None, None, "range")
    return m.hit(cal.iso_day(first), "day", "range", end_value=cal.iso_day(last))


def h_range_m(m: Match) -> Hit:
    m1, m2, year = _month(m, "m1"), _month(m, "m2"), _year_num(m) or None
    if year is None:
        if m.ref is None:
            return m.hit(None, None, "range")
        year, _ = cal.infer_month(m.ref, m1, _mode(m))
        y1, y2 = year, year + (1 if m2 < m1 else 0)
    else:
        y1, y2 = (year - 1 if m2 < m1 else year), year
    return m.hit(cal.iso_month(y1, m1), "month", "range", end_value=cal.iso_month(y2, m2))


def h_range_y(m: Match) -> Hit | None:
    y1, y2 = _year_num(m, "y1"), _year_num(m, "y2")
    if y2 <= y1:
        return None
    return m.hit(cal.iso_year(y1), "year", "range", end_value=cal.iso_year(y2))


def h_dmy(m: Match) -> Hit:
    day = cal.safe_date(_year_num(m), _month(m), int(m.g("d") or 0))
    return _day_hit(m, day, "date")


def h_ydm(m: Match) -> Hit:
    return h_dmy(m)


def h_hdmy(m: Match) -> Hit:
    hm = lx.hijri_table()[lx.key(m.g("hm") or "")]
    day = cal.hijri_to_date(_year_num(m, "hy"), hm, int(m.g("d") or 0))
    return _day_hit(m, day, "date")


def h_numeric(m: Match) -> Hit | None:
    a, b, year = int(m.g("a") or 0), int(m.g("b") or 0), _year_num(m)
    day = cal.safe_date(year, b, a) or cal.safe_date(year, a, b)  # day-first, else US order
    return _day_hit(m, day, "date") if day else None


def h_iso(m: Match) -> Hit | None:
    day = cal.safe_date(_year_num(m), int(m.g("a") or 0), int(m.g("b") or 0))
    return _day_hit(m, day, "date") if day else None


def h_ord_dm(m: Match) -> Hit:
    day = lx.ordinal_table()[lx.key(m.g("o") or "")]
    if m.g("y"):
        return _day_hit(m, cal.safe_date(_year_num(m), _month(m), day), "date")
    return _dm_value(m, _month(m), day, m.g("r"), m.g("yr"))


def h_month_part(m: Match) -> Hit:
    """"النصف الثاني من أيلول": the month."""
    if m.g("y"):
        return m.hit(cal.iso_month(_year_num(m), _month(m)), "month", "date")
    return _month_value(m, _month(m), m.g("r"), m.g("yr"))


def h_day_rel_month(m: Match) -> Hit:
    """"السابع من الشهر الجاري": that day of the month the modifier names (none: this one)."""
    day = lx.ordinal_table()[lx.key(m.g("o") or "")] if m.g("o") else int(m.g("d") or 0)
    if m.ref is None:
        return m.hit(None, None, "relative", future=_rel_mode(m.g("r")) == "next")
    year, month = cal.shift_month(m.ref.year, m.ref.month,
                                  _OFFSETS[_rel_mode(m.g("r")) or "current"])
    return _day_hit(m, cal.safe_date(year, month, day), "relative")


def h_dm(m: Match) -> Hit:
    return _dm_value(m, _month(m), int(m.g("d") or 0), m.g("r"), m.g("yr"))


def h_my(m: Match) -> Hit:
    return m.hit(cal.iso_month(_year_num(m), _month(m)), "month", "date")


def h_hmy(m: Match) -> Hit:
    hm = lx.hijri_table()[lx.key(m.g("hm") or "")]
    ym = cal.hijri_month_gregorian(_year_num(m, "hy"), hm)
    return m.hit(cal.iso_month(*ym) if ym else None, "month" if ym else None, "date")


def h_hy(m: Match) -> Hit:
    year = cal.hijri_year_gregorian(_year_num(m, "hy"))
    return m.hit(cal.iso_year(year) if year else None, "year" if year else None, "date")


def h_month_rel(m: Match) -> Hit:
    return _month_value(m, _month(m), m.g("r"), m.g("yr"))


def h_month_bare(m: Match) -> Hit:
    if m.g("core2") is not None:
        hit = _month_value(m, _month(m, "m2"), None, None)
        hit.start, hit.end = m.span("core2")
        return hit
    return _month_value(m, _month(m), None, None)


def h_quarter(m: Match) -> Hit:
    return m.hit(cal.iso_year(_year_num(m)), "year", "date")


def h_unit_bound(m: Match) -> Hit | None:
    """"مطلع الشهر", "نهاية العام": the boundary of the current unit."""
    if m.ref is None:
        return m.hit(None, None, "relative")
    if m.g("u") in ("عام", "سنه"):
        return m.hit(cal.iso_year(m.ref.year), "year", "relative")
    return m.hit(cal.iso_month(m.ref.year, m.ref.month), "month", "relative")


def h_year(m: Match) -> Hit:
    return m.hit(cal.iso_year(_year_num(m)), "year", "date")


def h_year_weak(m: Match) -> Hit:
    return h_year(m)


def h_week_rel(m: Match) -> Hit:
    """A week as the month holding its middle day (the contract has no week precision)."""
    offset = 7 * _OFFSETS[_rel_mode(m.g("r")) or "current"]
    if m.ref is None:
        return m.hit(None, None, "relative", future=offset > 0)
    mid = m.ref + dt.timedelta(days=offset)
    return m.hit(cal.iso_month(mid.year, mid.month), "month", "relative", future=offset > 0)


def h_month_unit_rel(m: Match) -> Hit:
    offset = _OFFSETS[_rel_mode(m.g("r")) or "current"]
    if m.ref is None:
        return m.hit(None, None, "relative", future=offset > 0)
    year, month = cal.shift_month(m.ref.year, m.ref.month, offset)
    return m.hit(cal.iso_month(year, month), "month", "relative")


def h_year_unit_rel(m: Match) -> Hit:
    offset = _OFFSETS[_rel_mode(m.g("r")) or "current"]
    if m.ref is None:
        return m.hit(None, None, "relative", future=offset > 0)
    return m.hit(cal.iso_year(m.ref.year + offset), "year", "relative")


def h_season(m: Match) -> Hit:
    """A season as the year it falls in (a winter: the year it ends in)."""
    if m.g("s3"):
        return m.hit(cal.iso_year(_year_num(m)), "year", "date")
    name = m.g("s") or m.g("s2") or m.g("s4") or ""
    first, last = lx.SEASONS[name]
    if m.g("s4"):
        rel = _rel_mode(m.g("r2")) or "current"
        if m.ref is None:
            return m.hit(None, None, "relative", future=rel == "next")
        return m.hit(cal.iso_year(m.ref.year + _OFFSETS[rel]), "year", "relative")
    rel = _rel_mode(m.g("r")) or "current"
    if m.ref is None:
        return m.hit(None, None, "relative", future=rel == "next")
    year = cal.season_year(m.ref, first, last, "last" if rel == "last2" else rel)
    return m.hit(cal.iso_year(year), "year", "relative", future=rel == "next")


def h_rel_day(m: Match) -> Hit | None:
    word = lx.key(m.g("w") or "")
    start, end = m.span("w")
    if word == "اليوم" and (_prev_word(m.text, start) in lx.TODAY_BLOCK_BEFORE
                           or _next_word(m.text, end) in lx.TODAY_BLOCK_AFTER):
        return None
    if word == "الغد" and _prev_word(m.text, start) in lx.TOMORROW_BLOCK_BEFORE:
        return None
    offset = lx.day_word_table()[word]
    day = m.ref + dt.timedelta(days=offset) if m.ref else None
    return _day_hit(m, day, "relative", offset > 0)


def h_weekday(m: Match) -> Hit | None:
    wd, r = m.g("wd") or "", m.g("r")
    if wd.endswith("اثنين") and _prev_word(m.text, m.span()[0]) in ("كلا", "هذين"):
        return None
    if _prev_word(m.text, m.span()[0]) in lx.WEEKDAY_BLOCK_BEFORE:
        return None  # "سوق الجمعة": a place
    if m.ref is None:
        return m.hit(None, None, "relative", future=_rel_mode(r) == "next")
    mode = _mode(m, r)
    if _rel_mode(r) == "last2":
        day = cal.resolve_weekday(m.ref, _weekday(wd), "last") - dt.timedelta(days=7)
        return _day_hit(m, day, "relative")
    return _day_hit(m, cal.resolve_weekday(m.ref, _weekday(wd), mode), "relative")


def h_duration(m: Match) -> Hit:
    return m.hit(None, None, "duration", future=_rel_mode(m.g("r")) == "next")


HANDLERS: dict[str, Callable[[Match], Hit | None]] = {
    "midnight_wd": h_midnight_wd, "night_wd": h_night_wd, "midnight": h_midnight,
    "tod": h_tod, "tonight": h_tonight,
    "range_dmdm": h_range_dmdm, "range_dm": h_range_dm, "range_m": h_range_m,
    "range_y": h_range_y,
    "dmy": h_dmy, "hdmy": h_hdmy, "ydm": h_ydm, "numeric": h_numeric, "iso": h_iso,
    "ord_dm": h_ord_dm, "day_rel_month": h_day_rel_month, "month_part": h_month_part, "dm": h_dm, "my": h_my, "hmy": h_hmy, "hy": h_hy,
    "month_rel": h_month_rel, "month_bare": h_month_bare,
    "quarter": h_quarter, "year": h_year, "year_weak": h_year_weak, "unit_bound": h_unit_bound,
    "week_rel": h_week_rel, "month_unit_rel": h_month_unit_rel,
    "year_unit_rel": h_year_unit_rel, "season": h_season,
    "rel_day": h_rel_day, "weekday": h_weekday, "duration": h_duration,
}
