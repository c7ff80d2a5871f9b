"""Build tests/stories/blind3/corpus/feed.jsonl from src/*.yaml (the third, blind set).

A thin caller: the page logic is the first set's builder (tests/stories/corpus/build_feed.py,
``build(src, order, min_words)``) with blind2's feed order (``by_crawled``): originals and ``copy_of`` republications with ``lead``,
``drop_last`` and ``replace``; ``crawled`` (default: ``published``) sets the feed order, so a few
late-crawled pages make the feed mostly, not strictly, chronological; every page of this set
has ``MIN_WORDS`` (150) to 350 words, header and footer included.

    .venv/bin/python tests/stories/blind3/corpus/build_feed.py          # rewrite feed.jsonl
    .venv/bin/python tests/stories/blind3/corpus/build_feed.py --check  # exit 1 if stale
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FEED = HERE / "feed.jsonl"
MIN_WORDS = 150
_BLIND2 = HERE.parent.parent / "blind2" / "corpus" / "build_feed.py"


def _blind2() -> Any:
    name = "rasad_blind2_build_feed"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _BLIND2)
        assert spec and spec.loader
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[name]


b2 = _blind2()


def build() -> list[dict[str, Any]]:
    return b2.bf.build(SRC, order=b2.by_crawled, min_words=MIN_WORDS)  # type: ignore[no-any-return]


def render(rows: list[dict[str, Any]]) -> str:
    return b2.render(rows)  # type: ignore[no-any-return]


if __name__ == "__main__":
    sys.exit(b2.bf.cli(build(), FEED, __doc__))
