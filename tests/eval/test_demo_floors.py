"""Floors on the demo corpus gold (demo/corpus/GOLD.yaml, scored by rasad.eval.evaluate_demo,
the first block of `make eval`). The demo corpus was written by the project and the coder
has been tuned on it since session 2, so these floors guard against regressions; they are
not a measure of generalization (tests/events/test_page_sets.py has the blind set).

Measured values rounded down to 0.01; floors only go up."""

from __future__ import annotations

from pathlib import Path

from rasad.eval import evaluate_demo

CORPUS = Path(__file__).resolve().parents[2] / "demo" / "corpus"

# session 4 (first pinned): events 0.864 / 0.466 / 0.347; figures 0.933 (0.733 before the
# figure rules of that session); cleaning 1.0 everywhere. Session 13: 0.483 / 0.364 ->
# 0.508 / 0.39 (one word of sport, a rank or "targets", no longer drops a sentence's attacks),
# then 0.517 with actors (a capital naming talks is no party)
FLOORS = {
    "clean.must_survive": 1.0,
    "clean.must_drop": 1.0,
    "clean.title_exact": 1.0,
    "clean.published_exact": 1.0,
    "clean.outlet_exact": 1.0,
    "events.recall_type": 0.86,
    # session 16: 0.517 / 0.424 -> 0.525 / 0.432 (a demand is no withdrawal; what two parties
    # agree on names no party; a meeting noun's target is not in the complement)
    # session 18: 0.525 / 0.432 -> 0.534 / 0.441 (the one who "will pay the price" is
    # threatened) -> 0.542 / 0.449 (the victim's blame names an unnamed attacker); session 19:
    # 0.551 / 0.458 (a military threat answers the last attack on its side)
    "events.recall_type_actors": 0.55,
    "events.recall_type_actors_date": 0.45,  # session 15: 0.39 -> 0.424 ("من الشهر الجاري")
    "figures.recall": 0.93,
    "read.expected_rejections": 1.0,
}


def test_demo_corpus_floors() -> None:
    rows = evaluate_demo(CORPUS).rows
    low = {k: (rows.get(k), floor) for k, floor in FLOORS.items()
           if rows.get(k) is None or rows[k] < floor}
    assert not low, f"below floor (got, floor): {low}"
