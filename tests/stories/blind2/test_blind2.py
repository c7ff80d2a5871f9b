"""Floors on the second, blind story set (tests/stories/blind2).

The set was written blind to the engine's story rules and scored once (results.md). The floors
are the measured values of that one run, rounded down to 0.01; row counts are ceilings. They
only go up: when the engine gets better here, raise them. A change made after looking at this
set's failures makes it no longer blind — record that in results.md.
"""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).resolve().parent


def _load(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


eb = _load("rasad_eval_blind2", HERE / "eval_blind2.py")
ev = eb.ev
bf = _load("rasad_blind2_build_feed", HERE / "corpus" / "build_feed.py")

# Measured once on the engine of 56866f0, feed order (results.md). Raised when the arc rule
# learned to read the lead's places (P 0.923 -> 1.000, F1 0.914 -> 0.951) — a change made
# after looking at this set's failures, so from then on the set is no longer blind.
FLOORS: dict[str, Any] = {
    "clustering": {"precision": 1.00, "recall": 0.90, "f1": 0.95},
    "clustering_episode": {"f1": 0.29},
    "dedup": {"precision": 1.00, "recall": 1.00},
    "key_events_complete": 3,
    "key_events_once": 3,
}
KEY_EVENT_FLOORS: dict[str, Any] = {
    # coded: reporting pages whose reporting sentence got an event of the right type
    # coverage: share of reporting outlets on the best row; rows/twins: ceilings
    # killed: how many of the gold's killed figures survive on the key event's rows
    "peace-spring-launch": {"coded": 4, "coverage": 0.75, "rows": 3, "twins": 0, "killed": 1},
    "sochi-memorandum": {"coded": 4, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 0},
    "first-joint-patrol": {"coded": 3, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 0},
    "convoy-strike": {"coded": 3, "coverage": 0.66, "rows": 2, "twins": 0, "killed": 1},
    "moscow-meeting": {"coded": 3, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 0},
}


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return eb.run_eval("feed")


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return yaml.safe_load(eb.GOLD.read_text(encoding="utf-8"))


# -- the evaluation set itself --------------------------------------------------------------
def test_feed_is_built_from_sources() -> None:
    assert eb.FEED.read_text(encoding="utf-8") == bf.render(bf.build()), \
        "feed.jsonl is out of date: run tests/stories/blind2/corpus/build_feed.py"


def test_gold_covers_the_feed(gold: dict[str, Any]) -> None:
    rows = [json.loads(line) for line in eb.FEED.read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in rows]
    assert 38 <= len(ids) <= 45
    assert sorted(ids) == sorted(gold["items"])
    for r in rows:
        assert r["url"].split("/")[2].endswith(".example"), r["id"]
    dup_pairs = ev.pairs_of(ev.dup_groups(
        {i: v["duplicate_of"] for i, v in gold["items"].items()}))
    assert 6 <= len(dup_pairs) <= 8
    text = {r["id"]: r["text"] for r in rows}
    for name, ke in gold["key_events"].items():
        for item, anchor in ke["reported_by"].items():
            assert anchor in text[item], (name, item)
            assert gold["items"][item]["story"] == ke["story"], (name, item)
        for item in ke.get("also_mentioned_by", []):
            assert item in text, (name, item)


def test_feed_is_mostly_but_not_strictly_chronological() -> None:
    dates = [json.loads(line)["published"]
             for line in eb.FEED.read_text(encoding="utf-8").splitlines()]
    inversions = sum(1 for a, b in itertools.pairwise(dates) if b < a)
    assert 1 <= inversions <= len(dates) // 5


# -- floors ---------------------------------------------------------------------------------
def test_every_page_is_stored(result: dict[str, Any]) -> None:
    assert result["missing"] == []


@pytest.mark.parametrize("block", ["clustering", "clustering_episode", "dedup"])
def test_pairwise_floors(result: dict[str, Any], block: str) -> None:
    for key, floor in FLOORS[block].items():
        assert result[block][key] >= floor, f"{block} {key} {result[block][key]} < {floor}"


def test_key_events_on_one_row(result: dict[str, Any]) -> None:
    assert result["key_events_complete"] >= FLOORS["key_events_complete"]
    assert result["key_events_once"] >= FLOORS["key_events_once"]


@pytest.mark.parametrize("name", sorted(KEY_EVENT_FLOORS))
def test_key_event_floors(result: dict[str, Any], name: str) -> None:
    r, f = result["key_events"][name], KEY_EVENT_FLOORS[name]
    assert r["items_with_mention"] >= f["coded"], r["item_status"]
    assert r["best_row_outlet_coverage"] >= f["coverage"]
    assert r["rows"] <= f["rows"]
    assert r["lookalike_rows"] <= f["twins"]
    assert len(r["gold_killed_kept"]) >= f["killed"]
