"""Build tests/stories/blind2/corpus/feed.jsonl from src/*.yaml (the second, blind set).

The page logic is the original builder's (tests/stories/corpus/build_feed.py, imported and
called as ``build(SRC, order=by_crawled)``): originals and ``copy_of`` republications with ``lead``, ``drop_last``
and ``replace``, the same 120–350 word bounds and the same JSONL rendering.

One difference, on purpose: the feed order. The original sorts strictly by ``published``;
here an item may carry ``crawled`` (an ISO date, default: its ``published``), and the feed is
sorted by (crawled, source order). A few pages are crawled a day or more after they were
published, so the feed is mostly, not strictly, chronological — the way a crawler hands
pages over. ``published`` itself is unchanged and is what the engine is given.

    .venv/bin/python tests/stories/blind2/corpus/build_feed.py          # rewrite feed.jsonl
    .venv/bin/python tests/stories/blind2/corpus/build_feed.py --check  # exit 1 if stale
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FEED = HERE / "feed.jsonl"
_ORIG = HERE.parent.parent / "corpus" / "build_feed.py"


def _original() -> Any:
    name = "rasad_stories_build_feed"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _ORIG)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


bf = _original()


def by_crawled(it: dict[str, Any]) -> tuple[Any, ...]:
    """Feed order of this set: by `crawled` (default: published), then source order."""
    return (it.get("crawled", it["published"]), it["_order"])


def build() -> list[dict[str, Any]]:
    return bf.build(SRC, order=by_crawled)  # type: ignore[no-any-return]


def render(rows: list[dict[str, Any]]) -> str:
    return bf.render(rows)  # type: ignore[no-any-return]


if __name__ == "__main__":
    sys.exit(bf.cli(build(), FEED, __doc__))
