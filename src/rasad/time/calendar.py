"""Date arithmetic for resolving expressions against a reference (publication) date.

Direction modes used throughout:
- ``past``: plain past-tense news; the most recent fitting date, allowing a short look ahead
  (`FUTURE_WINDOW_DAYS`) for dates just after the reference;
- ``future``: the sentence is about something to come (a future verb, "من المقرر");
- ``last`` / ``next``: explicit "الماضي" / "المقبل": strictly before / after the reference;
- ``current``: explicit "الجاري" / "الحالي": the reference's own year;
- ``since``: after "منذ": never after the reference.
"""

from __future__ import annotations

import datetime as dt

FUTURE_WINDOW_DAYS = 62  # past-tense news: a day-month up to ~2 months ahead stays this year
FUTURE_SLACK_DAYS = 14  # future-tense news: a day-month up to 2 weeks back stays this year
FUTURE_WINDOW_MONTHS = 1  # past-tense news: a bare month name up to next month stays this year

Date = dt.date


def iso_day(day: Date) -> str:
    return day.isoformat()


def iso_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def iso_year(year: int) -> str:
    return f"{year:04d}"


def safe_date(year: int, month: int, day: int) -> Date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve_weekday(ref: Date, weekday: int, mode: str) -> Date:
    """The day with `weekday` nearest to `ref` in the given direction."""
    back = (ref.weekday() - weekday) % 7
    ahead = (weekday - ref.weekday()) % 7
    if mode == "last":
        return ref - dt.timedelta(days=back or 7)
    if mode == "next":
        return ref + dt.timedelta(days=ahead or 7)
    if mode == "future":
        return ref + dt.timedelta(days=ahead)
    return ref - dt.timedelta(days=back)  # past, since


def infer_day_month(ref: Date, month: int, day: int, mode: str) -> Date | None:
    """Year for a day-month written without one."""
    if mode == "current":
        return safe_date(ref.year, month, day)
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1)
                  if (d := safe_date(y, month, day)) is not None]
    if not candidates:
        return None
    if mode == "last":
        fit = [d for d in candidates if d < ref]
        return fit[-1] if fit else None
    if mode == "next":
        fit = [d for d in candidates if d > ref]
        return fit[0] if fit else None
    if mode == "since":
        fit = [d for d in candidates if d <= ref]
        return fit[-1] if fit else None
    if mode == "future":
        floor = ref - dt.timedelta(days=FUTURE_SLACK_DAYS)
        fit = [d for d in candidates if d >= floor]
        return fit[0] if fit else None
    ceiling = ref + dt.timedelta(days=FUTURE_WINDOW_DAYS)
    fit = [d for d in candidates if d <= ceiling]
    return fit[-1] if fit else None


def infer_month(ref: Date, month: int, mode: str) -> tuple[int, int]:
    """Year for a month name written without one."""
    if mode == "current":
        return ref.year, month
    here = ref.year * 12 + ref.month - 1
    options = [(y, month) for y in (ref.year - 1, ref.year, ref.year + 1)]

    def index(ym: tuple[int, int]) -> int:
        return ym[0] * 12 + ym[1] - 1

    if mode == "last":
        return [o for o in options if index(o) < here][-1]
    if mode == "next":
        return next(o for o in options if index(o) > here)
    if mode == "future":
        return next(o for o in options if index(o) >= here)
    if mode == "since":
        return [o for o in options if index(o) <= here][-1]
    # past-tense news: at most next month stays this year
    return [o for o in options if index(o) <= here + FUTURE_WINDOW_MONTHS][-1]


def season_year(ref: Date, first: int, last: int, direction: str) -> int:
    """Year of a season relative to ref; a winter (Dec-Feb) belongs to the year it ends in."""
    if first > last:  # winter
        in_season = ref.month >= first or ref.month <= last
        label = ref.year + 1 if ref.month >= first else ref.year
        if direction == "last":
            return label - 1 if in_season else ref.year
        if direction == "next":
            return label + 1 if in_season else ref.year + 1
        return label if in_season else (ref.year + 1 if ref.month >= 9 else ref.year)
    if direction == "last":
        return ref.year if ref.month > last else ref.year - 1
    if direction == "next":
        return ref.year if ref.month < first else ref.year + 1
    return ref.year


def hijri_to_date(year: int, month: int, day: int) -> Date | None:
    """Gregorian date of a Hijri (Umm al-Qura) date, None outside hijridate's range."""
    from hijridate import Hijri  # imported on first use: most pages have no Hijri date

    try:
        day_: Date = Hijri(year, month, day).to_gregorian()
        return day_
    except (ValueError, OverflowError):
        return None


def hijri_month_gregorian(year: int, month: int) -> tuple[int, int] | None:
    """Gregorian (year, month) holding the middle of a Hijri month."""
    mid = hijri_to_date(year, month, 15)
    return (mid.year, mid.month) if mid else None


def hijri_year_gregorian(year: int) -> int | None:
    """Gregorian year holding the middle of a Hijri year."""
    mid = hijri_to_date(year, 7, 1)
    return mid.year if mid else None
