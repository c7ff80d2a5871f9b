"""Events on the seed pages against the project's gold (tests/events/seed_events.yaml).

Reads the pages at ../shared/seeds when present; the real publication dates are injected
as a feed line would give them. Floors are pinned at what the coder achieves; they only go
up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rasad.pipeline import extract
from rasad.read import iter_inputs
from rasad.records import RawInput

GOLD = Path(__file__).with_name("seed_events.yaml")
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

RECALL_TYPE_FLOOR = 0.96
RECALL_FULL_FLOOR = 0.9
SPURIOUS_CEILING = 1.0


def _ok(accepted: list[str | None] | None, got: dict[str, Any] | None) -> bool:
    if accepted is None:
        return True
    return (got or {}).get("id") in accepted


def score() -> dict[str, float]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["pages"]
    n = by_type = full = 0
    extra = 0
    pages = 0
    for name, g in gold.items():
        raw = next(iter_inputs([str(SEEDS / name)]))
        assert isinstance(raw, RawInput)
        raw.published = g["published"]
        evs = [e.to_dict() for e in extract(raw).events]
        used: set[str] = set()
        pages += 1
        for ge in g["events"]:
            n += 1
            same = [e for e in evs if e["type"] == ge["type"]]
            by_type += bool(same)
            good = [e for e in same if _ok(ge.get("source"), e["source_actor"]) and
                    _ok(ge.get("target"), e["target_actor"]) and
                    (ge.get("date") is None or (e["date"] or "").startswith(ge["date"])) and
                    (ge.get("fatalities") is None or e["fatalities"] == ge["fatalities"])]
            full += bool(good)
            used |= {e["id"] for e in good}
        for ge in g.get("also_ok") or []:
            used |= {e["id"] for e in evs if e["type"] == ge["type"] and
                     _ok(ge.get("source"), e["source_actor"]) and
                     _ok(ge.get("target"), e["target_actor"]) and
                     (ge.get("date") is None or (e["date"] or "").startswith(ge["date"]))}
        extra += len([e for e in evs if e["id"] not in used])
    return {"recall_type": by_type / n, "recall_full": full / n,
            "spurious_per_page": extra / pages, "n": n}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_seed_event_recall() -> None:
    s = score()
    assert s["recall_type"] >= RECALL_TYPE_FLOOR, s
    assert s["recall_full"] >= RECALL_FULL_FLOOR, s
    assert s["spurious_per_page"] <= SPURIOUS_CEILING, s


if __name__ == "__main__":
    print(score())
