"""Build tests/stories/blind3/corpus/feed.jsonl from src/*.yaml (the third, blind set).

A thin wrapper: the builder is blind2's (tests/stories/blind2/corpus/build_feed.py), loaded as
it is under a module name of its own, with its ``SRC`` and ``FEED`` pointed at this folder. No
page logic is copied or changed: originals and ``copy_of`` republications with ``lead``,
``drop_last`` and ``replace``; ``crawled`` (default: ``published``) sets the feed order, so a few
late-crawled pages make the feed mostly, not strictly, chronological; the builder's own word
bounds (120–350, header and footer included) apply. One extra check here: every page of this
set has at least ``MIN_WORDS`` (150) words.

    .venv/bin/python tests/stories/blind3/corpus/build_feed.py          # rewrite feed.jsonl
    .venv/bin/python tests/stories/blind3/corpus/build_feed.py --check  # exit 1 if stale
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FEED = HERE / "feed.jsonl"
MIN_WORDS = 150
_BUILDER = HERE.parent.parent / "blind2" / "corpus" / "build_feed.py"


def _builder() -> Any:
    name = "rasad_blind3_feed_builder"   # its own instance: blind2's module is left untouched
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _BUILDER)
        assert spec and spec.loader
        new = importlib.util.module_from_spec(spec)
        sys.modules[name] = new
        spec.loader.exec_module(new)
    mod: Any = sys.modules[name]
    mod.SRC, mod.FEED = SRC, FEED
    return mod


_b = _builder()


def build() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = _b.build()
    for r in rows:
        n = len(_b.bf._WORD.findall(r["text"]))
        if n < MIN_WORDS:
            raise SystemExit(f"{r['id']}: {n} words, fewer than {MIN_WORDS}")
    return rows


def render(rows: list[dict[str, Any]]) -> str:
    text: str = _b.render(rows)
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if feed.jsonl is out of date")
    args = ap.parse_args()
    text = render(build())
    if args.check:
        ok = FEED.exists() and FEED.read_text(encoding="utf-8") == text
        print("feed.jsonl is up to date" if ok else "feed.jsonl is out of date: rebuild it")
        return 0 if ok else 1
    FEED.write_text(text, encoding="utf-8")
    print(f"wrote {FEED} ({text.count(chr(10))} items)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
