"""Score rasad.time on the blind held-out set (tests/time/heldout.tsv).

The held-out set was written by someone who had not seen the temporal module's code or its
gold files. Each row marks ONE expression in a sentence with its publication date and the value
a careful reader gives it. A row is correct when:

- gold value is a date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``): some expression found by
  ``find_time_expressions`` that overlaps the marked substring has exactly that value;
- gold value is ``NONE`` (durations, numbers that are not dates, bare clock times): no
  expression overlapping the marked substring has a non-None value.

Usage: ``python tests/time/score_heldout.py`` prints a Markdown report.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

HELDOUT = Path(__file__).resolve().parent / "heldout.tsv"
KINDS = ("date", "relative", "interval_start", "range", "duration", "time_of_day", "none")


class Row(NamedTuple):
    line: int
    sentence: str
    reference: dt.date
    expression: str
    value: str | None
    kind: str


class Outcome(NamedTuple):
    row: Row
    correct: bool
    got: str


def load_rows(path: Path = HELDOUT) -> list[Row]:
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        for line, rec in enumerate(reader, start=2):
            value = rec["value"].strip()
            kind = rec["kind"].strip()
            if kind not in KINDS:
                raise ValueError(f"line {line}: unknown kind {kind!r}")
            if rec["expression"] not in rec["sentence"]:
                raise ValueError(f"line {line}: expression not in sentence")
            rows.append(
                Row(
                    line=line,
                    sentence=rec["sentence"],
                    reference=dt.date.fromisoformat(rec["reference"].strip()),
                    expression=rec["expression"],
                    value=None if value.upper() == "NONE" else value,
                    kind=kind,
                )
            )
    return rows


def _describe(found: Sequence[Any]) -> str:
    if not found:
        return "(nothing found)"
    return "; ".join(f"«{e.text}» → {e.value} [{e.kind}]" for e in found)


def score_row(row: Row, finder: Callable[[str, dt.date | None], Sequence[Any]]) -> Outcome:
    start = row.sentence.index(row.expression)
    end = start + len(row.expression)
    try:
        found = list(finder(row.sentence, row.reference))
    except Exception as exc:  # a crash is a miss, reported as such
        return Outcome(row, False, f"ERROR {type(exc).__name__}: {exc}")
    overlapping = [e for e in found if e.start < end and start < e.end]
    if row.value is None:
        correct = all(e.value is None for e in overlapping)
    else:
        correct = any(e.value == row.value for e in overlapping)
    return Outcome(row, correct, _describe(overlapping))


def score(
    rows: Sequence[Row], finder: Callable[[str, dt.date | None], Sequence[Any]] | None = None
) -> list[Outcome]:
    if finder is None:
        from rasad.time import find_time_expressions

        finder = find_time_expressions
    return [score_row(row, finder) for row in rows]


def accuracy(outcomes: Sequence[Outcome]) -> float:
    return sum(o.correct for o in outcomes) / len(outcomes) if outcomes else 0.0


def report(outcomes: Sequence[Outcome]) -> str:
    total = Counter(o.row.kind for o in outcomes)
    right = Counter(o.row.kind for o in outcomes if o.correct)
    n_right = sum(right.values())
    lines = [
        f"Overall: {n_right}/{len(outcomes)} = {accuracy(outcomes):.3f}",
        "",
        "| kind | correct | rows | accuracy |",
        "|---|---:|---:|---:|",
    ]
    for kind in KINDS:
        if total[kind]:
            lines.append(
                f"| {kind} | {right[kind]} | {total[kind]} | {right[kind] / total[kind]:.3f} |"
            )
    misses = [o for o in outcomes if not o.correct]
    lines += ["", f"## Misses ({len(misses)})", ""]
    for o in misses:
        gold = o.row.value or "NONE"
        lines.append(
            f"- line {o.row.line} [{o.row.kind}] ref {o.row.reference.isoformat()} "
            f"«{o.row.expression}» gold {gold}; got {o.got}"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    print(report(score(load_rows())), end="")


if __name__ == "__main__":
    main()
