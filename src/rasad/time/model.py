"""The typed result of the time stage."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One time expression found in a text.

    ``start``/``end`` index the ORIGINAL text given ([start, end)); ``text`` is that slice.
    ``value`` is ISO 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' at ``precision`` 'day' | 'month' |
    'year', or None (with precision None) when it cannot be resolved: a duration, or a
    relative expression without a reference date. ``kind`` is 'date' | 'relative' |
    'interval_start' | 'range' | 'duration' | 'time_of_day'; a range has its end in
    ``end_value``. ``future`` marks expressions pointing after the reference date.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    kind: str
    end_value: str | None = None
    future: bool = False
