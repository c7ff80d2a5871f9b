"""How often the coder's events are right, by group, with their mean confidence.

Groups: a source or not, a target, a date and where it came from, reported speech, the type,
the source's kind; the mean confidence shows which groups the coder ranks too high.

    .venv/bin/python tools/event_groups.py                 # the development sets
    .venv/bin/python tools/event_groups.py --sets tune     # one set

An event is right as `make eval` scores it (type, actors and date match a gold or also_ok
event of its page). The groups are the ones the coder's confidence rules read
(rasad.events.coder.SOURCELESS_CONFIDENCE: an act that needs a source and has none). Only
development sets are offered: reading a blind set's events would make it a tuning set.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEV = ("tune", "tune2", "blind2")


def main(argv: list[str] | None = None) -> int:
    from rasad.eval.gold_pages import _actors_match, event_match, extract_gold_pages
    from rasad.events.coder import NEEDS_ACTOR

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="+", default=list(DEV), choices=DEV)
    args = ap.parse_args(argv)
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    conf: Counter[str] = Counter()  # summed confidence, for the mean
    for name in args.sets:
        here = ROOT / "tests" / "events" / name
        gold, xs = extract_gold_pages(here / "gold.yaml", here / "pages")
        for page, g in gold["pages"].items():
            allowed = (g.get("events") or []) + (g.get("also_ok") or [])
            for ev in xs[page].events:
                e = ev.to_dict()
                ok = any(event_match(ge, e) for ge in allowed)
                src, tgt = e["source_actor"] is not None, e["target_actor"] is not None
                groups = ["all", "with a source" if src else "no source",
                          f"source {'yes' if src else 'no'}, target {'yes' if tgt else 'no'}",
                          "dated" if e["date"] else "undated",
                          "reported (reported_by)" if e.get("reported_by") else "not reported"]
                if e["type"] in NEEDS_ACTOR:
                    groups.append("needs a source: " + ("has one" if src else "has none"))
                # where the date came from; "actors right" counts only events whose type
                # and actors match a gold event, so that "right" there means the date
                whence = "undated" if not e["date"] else (
                    "dated by the publication day" if not e.get("date_text") and
                    e["date"] == str(g["published"]) else "date from the text")
                if whence != "undated":  # ("undated" is a group already)
                    groups.append(whence)
                groups.append(f"type {e['type']}")
                groups.append("source kind " + (e["source_actor"]["kind"] or "?" if src
                                                else "none"))
                if any(ge["type"] == e["type"] and _actors_match(ge, e) for ge in allowed):
                    groups.append(whence + ", actors right")
                for k in groups:
                    seen[k] += 1
                    right[k] += ok
                    conf[k] += e["confidence"] or 0.0
    print(f"sets: {' '.join(args.sets)}")
    for k in sorted(seen):
        print(f"{k:44} {right[k]:4} of {seen[k]:4} right ({right[k] / seen[k]:.2f}); "
              f"mean confidence {conf[k] / seen[k]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
