"""List the demo corpus's gold events that the coder finds by type but not by actors.

    .venv/bin/python tools/event_errors.py            # every such gold event, with the
                                                      # coder's events of that type
    .venv/bin/python tools/event_errors.py --summary  # counts only

For each gold event (demo/corpus/GOLD.yaml) that some coded event matches by type but none
by type + source + target (as `rasad.eval` scores it), print the gold, then every coded
event of that type in the page: its trigger, source and target ids, and its sentence. The
closest event (most actors right) comes first. The failure causes in docs/events.md were
classified by reading this output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _aid(a: dict[str, Any] | None) -> str | None:
    return a.get("id") if a else None


def main(argv: list[str] | None = None) -> int:
    import yaml

    from rasad.eval import _same_actor, load_corpus, same_actors

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--summary", action="store_true", help="print the counts only")
    ap.add_argument("--corpus", default=str(ROOT / "demo" / "corpus"))
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    gold = yaml.safe_load((corpus / "GOLD.yaml").read_text(encoding="utf-8"))
    xs, _ = load_corpus(corpus)
    n_gold = n_type = n_actors = 0
    for g in gold["documents"]:
        x = xs.get(g["file"])
        if x is None:
            continue
        evs = [e.to_dict() for e in x.events]
        for ge in g.get("events") or []:
            n_gold += 1
            same = [e for e in evs if e["type"] == ge["type"]]
            if not same:
                continue
            n_type += 1

            def score(e: dict[str, Any], ge: dict[str, Any] = ge) -> int:
                return (_same_actor(ge.get("source"), e["source_actor"]) +
                        _same_actor(ge.get("target"), e["target_actor"]))

            if any(same_actors(ge, e) for e in same):
                n_actors += 1
                continue
            if args.summary:
                continue
            print(f"=== {g['file']}")
            print(f"GOLD {ge['type']:<9} src={ge.get('source')} tgt={ge.get('target')} "
                  f"date={ge.get('date')}  # {ge.get('note', '')}")
            for e in sorted(same, key=score, reverse=True):
                print(f"  got src={_aid(e['source_actor'])} tgt={_aid(e['target_actor'])} "
                      f"trigger={e.get('trigger')!r} date={e['date']}")
                print(f"      {' '.join(e['sentence'].split())}")
            print()
    print(f"gold events: {n_gold}; right type: {n_type}; right type+actors: {n_actors}; "
          f"type but not actors: {n_type - n_actors}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
