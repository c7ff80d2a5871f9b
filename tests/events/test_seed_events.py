"""Events on the seed pages against the project's gold (tests/events/seed_events.yaml).

Reads the pages at ../shared/seeds when present; the real publication dates are injected
as a feed line would give them. Scored by rasad.eval.gold_pages. Floors are pinned at what
the coder achieves; they only go up."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasad.eval.gold_pages import PageScores, score_gold_file

GOLD = Path(__file__).with_name("seed_events.yaml")
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

RECALL_TYPE_FLOOR = 0.96
RECALL_FULL_FLOOR = 0.9
SPURIOUS_CEILING = 1.0
# where the found events happened (seed_places.yaml); session 14's locator: 0.667 / 0.867
LOCATION_RECALL_FLOOR = 0.66
LOCATION_PRECISION_FLOOR = 0.86


def score() -> PageScores:
    return score_gold_file(GOLD, SEEDS, places_path=GOLD.with_name("seed_places.yaml"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_seed_event_recall() -> None:
    s = score()
    assert s.found_type / s.gold >= RECALL_TYPE_FLOOR, s.misses
    assert s.found_full / s.gold >= RECALL_FULL_FLOOR, s.misses
    assert (s.predicted - s.correct) / s.pages <= SPURIOUS_CEILING, s.rows("seeds")
    assert s.location_found / s.location_gold >= LOCATION_RECALL_FLOOR, s.rows("seeds")
    assert s.location_correct / s.location_predicted >= LOCATION_PRECISION_FLOOR, \
        s.rows("seeds")


if __name__ == "__main__":
    print(score().rows("seeds"))
