"""Quality floors for stories on every story set, through one evaluator (eval_stories.py).

- ``first``  tests/stories: 50 pages, 6 stories; no longer blind (used to tune the engine).
- ``blind2`` tests/stories/blind2: 42 pages, 5 stories; written blind and scored once, then
  used to tune the arc rule (results.md), so no longer blind.
- ``blind3`` tests/stories/blind3: 45 pages, 8 stories; written blind (README.md), not tuned on.

Floors are measured values rounded down to 0.01; row counts are ceilings (fewer rows per key
event is better). They only go up: raise them when the engine gets better, never lower them
to let a change pass. Print the numbers with
``.venv/bin/python tests/stories/eval_stories.py --set NAME``.
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
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


ev = _load("rasad_eval_stories", HERE / "eval_stories.py")

# pages and duplicate pairs each set must hold (guards against a truncated feed)
SIZES = {"first": ((45, 60), (8, 10)), "blind2": ((38, 45), (6, 8)), "blind3": ((43, 48), (9, 9))}

FLOORS: dict[str, dict[str, Any]] = {
    # first: re-pinned several times while the engine was tuned on it (docs/stories.md); raised
    # when arcs had to share a place of the page's lead (F1 0.912 -> 0.997: the Turkey-Greece
    # border pages became a story of their own).
    "first": {"clustering": {"precision": 1.00, "recall": 0.99, "f1": 0.99},
              "clustering_episode": {"f1": 0.29}, "dedup": {"precision": 1.00, "recall": 1.00},
              "key_events_complete": 4, "key_events_once": 4},
    # blind2: scored once on 56866f0 (F1 0.914); raised with the lead-place arc rule, a change
    # made after looking at its failures (P 0.923 -> 1.000, F1 0.951).
    "blind2": {"clustering": {"precision": 1.00, "recall": 0.90, "f1": 0.95},
               "clustering_episode": {"f1": 0.25}, "dedup": {"precision": 1.00, "recall": 1.00},
               "key_events_complete": 3, "key_events_once": 3},
    # blind3: first scored on 30dd93a (results.md): P 0.868 R 0.973 F1 0.918, duplicates 9/9,
    # the four Idlib key events each on one row with every outlet.
    "blind3": {"clustering": {"precision": 0.86, "recall": 0.97, "f1": 0.91},
               "clustering_episode": {"f1": 0.24}, "dedup": {"precision": 1.00, "recall": 1.00},
               "key_events_complete": 4, "key_events_once": 4},
}
# coded: reporting pages whose reporting sentence got an event of the right type;
# coverage: share of reporting outlets on the best row; rows/twins: ceilings;
# killed: how many of the gold's killed figures survive on the key event's rows
KEY_EVENT_FLOORS: dict[str, dict[str, dict[str, Any]]] = {
    "first": {
        "saraqeb-shelling": {"coded": 5, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 4},
        "balyun-strike": {"coded": 5, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 4},
        "moscow-ceasefire": {"coded": 5, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 0},
        "joint-patrol": {"coded": 4, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 0},
    },
    "blind2": {
        "peace-spring-launch": {"coded": 4, "coverage": 0.75, "rows": 3, "twins": 0,
                                "killed": 1},
        "sochi-memorandum": {"coded": 4, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 0},
        "first-joint-patrol": {"coded": 3, "coverage": 1.00, "rows": 1, "twins": 0,
                               "killed": 0},
        "convoy-strike": {"coded": 3, "coverage": 0.66, "rows": 2, "twins": 0, "killed": 1},
        "moscow-meeting": {"coded": 3, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 0},
    },
    "blind3": {
        "saraqeb-shelling": {"coded": 5, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 3},
        "balyun-strike": {"coded": 5, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 3},
        "moscow-ceasefire": {"coded": 4, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 0},
        "first-m4-patrol": {"coded": 3, "coverage": 1.00, "rows": 1, "twins": 0, "killed": 0},
    },
}
NAMES = sorted(FLOORS)


@pytest.fixture(scope="module", params=NAMES)
def story_set(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    name = request.param
    feed, gold = ev.set_paths(name)
    return name, ev.run_eval("feed", feed=feed, gold_path=gold)


# -- the sets themselves ---------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_feed_is_built_from_sources(name: str) -> None:
    d = ev.SETS[name]
    bf = _load(f"rasad_{name}_build_feed", d / "corpus" / "build_feed.py")
    assert (d / "corpus" / "feed.jsonl").read_text(encoding="utf-8") == bf.render(bf.build()), \
        f"feed.jsonl is out of date: run {d / 'corpus' / 'build_feed.py'}"


@pytest.mark.parametrize("name", NAMES)
def test_gold_covers_the_feed(name: str) -> None:
    feed, gold_path = ev.set_paths(name)
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    rows = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in rows]
    (lo, hi), (dlo, dhi) = SIZES[name]
    assert lo <= len(ids) <= hi
    assert sorted(ids) == sorted(gold["items"])
    for r in rows:
        assert r["url"].split("/")[2].endswith(".example"), r["id"]
    dup_pairs = ev.pairs_of(ev.dup_groups(
        {i: v["duplicate_of"] for i, v in gold["items"].items()}))
    assert dlo <= len(dup_pairs) <= dhi
    text = {r["id"]: r["text"] for r in rows}
    for kname, ke in gold["key_events"].items():
        for item, anchor in ke["reported_by"].items():
            assert anchor in text[item], (kname, item)
            assert gold["items"][item]["story"] == ke["story"], (kname, item)


@pytest.mark.parametrize("name", ["blind2", "blind3"])
def test_feed_is_mostly_but_not_strictly_chronological(name: str) -> None:
    feed, _ = ev.set_paths(name)
    dates = [json.loads(line)["published"]
             for line in feed.read_text(encoding="utf-8").splitlines()]
    inversions = sum(1 for a, b in itertools.pairwise(dates) if b < a)
    assert 1 <= inversions <= len(dates) // 5


def test_scoring_helpers() -> None:
    groups = ev.dup_groups({"a": None, "b": "a", "c": "b", "d": None})
    assert ev.pairs_of(groups) == {frozenset(p) for p in (("a", "b"), ("a", "c"), ("b", "c"))}
    s = ev.prf({frozenset(("a", "b"))}, {frozenset(("a", "b")), frozenset(("c", "d"))})
    assert (s["precision"], s["recall"]) == (1.0, 0.5)
    assert ev.date_ok("2020-02-28", "2020-02-27") and not ev.date_ok("2020-03-01", "2020-02-27")
    assert ev.date_ok("2020-02", "2020-02-27") and ev.date_ok(None, "2020-02-27")


# -- floors ---------------------------------------------------------------------------------
def test_every_page_is_stored(story_set: tuple[str, dict[str, Any]]) -> None:
    assert story_set[1]["missing"] == []


def test_pairwise_floors(story_set: tuple[str, dict[str, Any]]) -> None:
    name, result = story_set
    for block in ("clustering", "clustering_episode", "dedup"):
        for key, floor in FLOORS[name][block].items():
            assert result[block][key] >= floor, f"{name} {block} {key} {result[block][key]}"


def test_key_events(story_set: tuple[str, dict[str, Any]]) -> None:
    name, result = story_set
    assert result["key_events_complete"] >= FLOORS[name]["key_events_complete"]
    assert result["key_events_once"] >= FLOORS[name]["key_events_once"]
    assert sorted(result["key_events"]) == sorted(KEY_EVENT_FLOORS[name])
    for kname, f in KEY_EVENT_FLOORS[name].items():
        r = result["key_events"][kname]
        assert r["items_with_mention"] >= f["coded"], (name, kname, r["item_status"])
        assert r["best_row_outlet_coverage"] >= f["coverage"], (name, kname)
        assert r["rows"] <= f["rows"], (name, kname)
        assert r["lookalike_rows"] <= f["twins"], (name, kname)
        assert len(r["gold_killed_kept"]) >= f["killed"], (name, kname)
