"""Build tests/stories/corpus/feed.jsonl from the human-editable sources in src/*.yaml.

Each source item is either an original page (header, body paragraphs, footer) or a
republished copy of another item (``copy_of``) with its own boilerplate and headline and
optionally a changed lead paragraph (``lead``), dropped last paragraphs (``drop_last``) or
house-style spelling changes (``replace``). The feed is written in publication order, the
way a crawler would hand pages to ``rasad ingest``.

    .venv/bin/python tests/stories/corpus/build_feed.py          # rewrite feed.jsonl
    .venv/bin/python tests/stories/corpus/build_feed.py --check  # exit 1 if out of date
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
FEED = HERE / "feed.jsonl"
MIN_WORDS, MAX_WORDS = 120, 350
_WORD = re.compile(r"[\w\u0600-\u06FF]+")


def _lines(block: str | None) -> list[str]:
    return [ln.strip() for ln in (block or "").splitlines() if ln.strip()]


def _paragraphs(block: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", block.strip()) if p.strip()]


def load_sources(src: Path = SRC) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for f in sorted(src.glob("*.yaml")):
        for i, it in enumerate(yaml.safe_load(f.read_text(encoding="utf-8")) or []):
            it["_order"] = (f.name, i)
            items.append(it)
    return items


def body_of(item: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> list[str]:
    if "copy_of" not in item:
        return _paragraphs(item["body"])
    paras = list(body_of(by_id[item["copy_of"]], by_id))
    if item.get("lead"):
        paras[0] = " ".join(item["lead"].split())
    if item.get("drop_last"):
        paras = paras[: -int(item["drop_last"])]
    for old, new in item.get("replace", []):
        paras = [p.replace(old, new) for p in paras]
    return paras


def by_published(it: dict[str, Any]) -> tuple[Any, ...]:
    """Feed order of this set: strictly by publication date, then source order."""
    return (it["published"], it["_order"])


def build(src: Path = SRC, order: Any = by_published, min_words: int = MIN_WORDS
          ) -> list[dict[str, Any]]:
    """The feed rows of the set whose sources are in `src`, in `order` (a sort key); every
    page has min_words..MAX_WORDS words, header and footer included. The other story sets
    call this with their own folder and order."""
    items = load_sources(src)
    by_id = {it["id"]: it for it in items}
    if len(by_id) != len(items):
        raise SystemExit("duplicate item ids in src/*.yaml")
    out = []
    for it in sorted(items, key=order):
        paras = body_of(it, by_id)
        text = "\n".join([*_lines(it.get("header")), "", "\n\n".join(paras), "",
                          *_lines(it.get("footer"))]).strip() + "\n"
        n = len(_WORD.findall(text))
        if not min_words <= n <= MAX_WORDS:
            raise SystemExit(f"{it['id']}: {n} words, outside {min_words}-{MAX_WORDS}")
        out.append({"id": it["id"], "url": it["url"], "outlet": it["outlet"],
                    "published": it["published"], "title": it["title"], "text": text})
    return out


def render(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def cli(rows: list[dict[str, Any]], feed: Path, doc: str | None) -> int:
    """`build_feed.py [--check]` for any story set: write its feed, or say if it is stale."""
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if feed.jsonl is out of date")
    args = ap.parse_args()
    text = render(rows)
    if args.check:
        ok = feed.exists() and feed.read_text(encoding="utf-8") == text
        print("feed.jsonl is up to date" if ok else "feed.jsonl is out of date: rebuild it")
        return 0 if ok else 1
    feed.write_text(text, encoding="utf-8")
    print(f"wrote {feed} ({text.count(chr(10))} items)")
    return 0


if __name__ == "__main__":
    sys.exit(cli(build(), FEED, __doc__))
