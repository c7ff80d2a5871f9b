"""Score a page gold set (a directory with gold.yaml and pages/) on the code of any source
tree, for the numbers of a set at an older commit, when that commit did not know the set yet:

    git worktree add /tmp/s9 1fcf64f
    .venv/bin/python tools/score_pages.py tests/events/blind4 --src /tmp/s9/src

Without --src it scores with this checkout's code (the same rows as `make eval`). Prints the
set's rows as JSON, totals only: the errors of a blind set are not shown.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("set_dir", type=Path)
    ap.add_argument("--src", type=Path, default=Path(__file__).resolve().parents[1] / "src")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.src.resolve()))
    from rasad.eval.gold_pages import score_gold_file

    here = args.set_dir.resolve()
    rows = score_gold_file(here / "gold.yaml", here / "pages").rows(here.name)
    print(json.dumps(rows, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
