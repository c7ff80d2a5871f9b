"""Score the second, blind story set (tests/stories/blind2) with the unchanged evaluator.

tests/stories/eval_stories.py is imported as it is and its functions are run on this set's
paths (``run_eval(order, feed=..., gold_path=...)``, then ``table``). Nothing is tuned here.

    .venv/bin/python tests/stories/blind2/eval_blind2.py [--order feed|reverse|shuffle] [--json PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import platform
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
FEED = HERE / "corpus" / "feed.jsonl"
GOLD = HERE / "gold.yaml"


def _eval_stories() -> Any:
    name = "rasad_eval_stories"   # the name tests/stories/test_stories_eval.py loads it under
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE.parent / "eval_stories.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


ev = _eval_stories()


def run_eval(order: str = "feed") -> dict[str, Any]:
    return ev.run_eval(order, feed=FEED, gold_path=GOLD)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--order", choices=["feed", "reverse", "shuffle"], default="feed")
    ap.add_argument("--json", type=Path, default=None, help="also write the full results here")
    args = ap.parse_args(argv)
    res = run_eval(args.order)
    print(ev.table(res))
    if args.json:
        res["machine"] = {"python": platform.python_version(), "system": platform.platform()}
        res["date"] = dt.date.today().isoformat()
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.path.append(str(ROOT / "src"))  # when rasad is not installed
    sys.exit(main())
