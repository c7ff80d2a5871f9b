"""Build tests/stories/blind2/corpus/feed.jsonl from src/*.yaml (the second, blind set).

The page logic is the original builder's (tests/stories/corpus/build_feed.py, imported, not
copied or modified): originals and ``copy_of`` republications with ``lead``, ``drop_last``
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

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import Any

import yaml

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


def load_sources() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for f in sorted(SRC.glob("*.yaml")):
        for i, it in enumerate(yaml.safe_load(f.read_text(encoding="utf-8")) or []):
            it["_order"] = (f.name, i)
            items.append(it)
    return items


def build() -> list[dict[str, Any]]:
    items = load_sources()
    by_id = {it["id"]: it for it in items}
    if len(by_id) != len(items):
        raise SystemExit("duplicate item ids in src/*.yaml")
    out = []
    for it in sorted(items, key=lambda x: (x.get("crawled", x["published"]), x["_order"])):
        paras = bf.body_of(it, by_id)
        text = "\n".join([*bf._lines(it.get("header")), "", "\n\n".join(paras), "",
                          *bf._lines(it.get("footer"))]).strip() + "\n"
        n = len(bf._WORD.findall(text))
        if not bf.MIN_WORDS <= n <= bf.MAX_WORDS:
            raise SystemExit(f"{it['id']}: {n} words, outside {bf.MIN_WORDS}-{bf.MAX_WORDS}")
        out.append({"id": it["id"], "url": it["url"], "outlet": it["outlet"],
                    "published": it["published"], "title": it["title"], "text": text})
    return out


def render(rows: list[dict[str, Any]]) -> str:
    return bf.render(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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
