"""List what the coder gets wrong on a page gold set that may be tuned on.

    .venv/bin/python tools/page_errors.py                 # the tuning set (tests/events/tune)
    .venv/bin/python tools/page_errors.py --page 06_      # pages whose name starts so
    .venv/bin/python tools/page_errors.py --spurious      # only the wrong coded events
    .venv/bin/python tools/page_errors.py --misses        # gold events missed, by cause
    .venv/bin/python tools/page_errors.py --places        # wrong or missing event places
    .venv/bin/python tools/page_errors.py --ranked        # every event by confidence, right or not

For each page: every coded event that matches no gold or also_ok event (with its cause, as
`make eval` splits it: wrong date, empty actor, wrong actor, or a type the page lacks), then
every gold event not found in full, with the coded events of its type. The first blind set
(tests/events/blind), tests/events/blind3 and tests/events/blind4 are not offered: reading
their errors would make them tuning sets. blind2 is offered since session 5, when it became
a development set.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SETS = {"tune": ROOT / "tests" / "events" / "tune",
        # blind2 became a development set in session 5 (its README says so)
        "blind2": ROOT / "tests" / "events" / "blind2",
        # tune2 was written as a development set in session 10 (first scored blind)
        "tune2": ROOT / "tests" / "events" / "tune2",
        # tune3 was written as a development set in session 20 (first scored blind)
        "tune3": ROOT / "tests" / "events" / "tune3",
        # the seed pages: their gold and places files live in tests/events
        "seeds": ROOT.parent / "shared" / "seeds"}


def _gold_files(name: str) -> tuple[Path, Path, Path]:
    """The gold file, the pages directory and the places file of a set."""
    if name == "seeds":
        ev = ROOT / "tests" / "events"
        return ev / "seed_events.yaml", SETS[name], ev / "seed_places.yaml"
    return SETS[name] / "gold.yaml", SETS[name] / "pages", SETS[name] / "places.yaml"


def _place(loc: dict[str, Any] | None) -> str:
    return f"{loc['text']} ({loc['id']})" if loc else "none"


def place_report(name: str, g: dict[str, Any],
                 evs: list[dict[str, Any]], places: dict[str, Any]) -> dict[str, int]:
    """Print the gold events found in full whose coded place is wrong or missing."""
    from rasad.eval.gold_pages import event_match, location_ok

    wheres = (places.get("pages") or {}).get(name) or []
    counts: dict[str, int] = {}
    for ge, gp in zip(g.get("events") or [], wheres, strict=False):
        full = [e for e in evs if event_match(ge, e)]
        if not full:
            continue
        where, about = list(gp.get("where") or []), list(gp.get("about") or [])
        loc = full[0]["location"]
        if location_ok(loc, where + about) or (loc is None and not where):
            why = "right"
        elif loc is None:
            why = "not placed"
        elif not where and not about:
            why = "placed, the page gives none"
        else:
            why = "wrong place"
        counts[why] = counts.get(why, 0) + 1
        if why != "right":
            print(f"  {why.upper()}: {ge['type']} got {_place(loc)} want {where}"
                  f"{' about ' + str(about) if about else ''}  # {ge.get('what')}\n"
                  f"      {' '.join((full[0].get('sentence') or '').split())[:300]}")
    return counts


def _aid(a: dict[str, Any] | None) -> str | None:
    return a.get("id") if a else None


def _line(e: dict[str, Any]) -> str:
    mod = "negated" if e.get("negated") else e.get("modality")
    return (f"{e['type']:<9} {_aid(e['source_actor'])} -> {_aid(e['target_actor'])} "
            f"date={e['date']} modality={mod} trigger={e.get('trigger')!r}\n"
            f"      {' '.join((e.get('sentence') or '').split())[:300]}")


def miss_cause(ge: dict[str, Any], evs: list[dict[str, Any]], known: set[str]) -> str:
    """Why a gold event is not found by type, actors and date (fatalities are not checked
    here, unlike `make eval`'s full recall): no event of its type, the date, or which
    side is wrong among the coded events of its type (and whether every acceptable id of
    that side is missing from the actor dictionary, `known`)."""
    from rasad.eval.gold_pages import _actors_match, _date_match, _ok

    same = [e for e in evs if e["type"] == ge["type"]]
    if not same:
        return "type not coded"
    if any(_actors_match(ge, e) for e in same):
        return "found" if any(_actors_match(ge, e) and _date_match(ge, e) for e in same) \
            else "actors right, date wrong"
    parts = []
    for key, side in (("source", "source_actor"), ("target", "target_actor")):
        if not any(_ok(ge.get(key), e[side]) for e in same):
            ids = [i for i in ge.get(key) or [] if i]
            parts.append(key + (" (id not in dictionary)" if ids and not set(ids) & known
                                else ""))
    return "wrong " + " and ".join(parts) if parts else "each side right, in different events"


def main(argv: list[str] | None = None) -> int:
    import yaml

    from rasad.eval.gold_pages import _actors_match, _date_match, event_match, spurious_cause
    from rasad.pipeline import extract
    from rasad.read import iter_inputs
    from rasad.records import RawInput

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="tune", choices=sorted(SETS))
    ap.add_argument("--page", default="", help="only pages whose file name starts so")
    ap.add_argument("--spurious", action="store_true", help="only the wrong coded events")
    ap.add_argument("--misses", action="store_true",
                    help="only counts: gold events not found in full, by cause")
    ap.add_argument("--places", action="store_true",
                    help="only the places of the gold events found in full (places file)")
    ap.add_argument("--ranked", action="store_true",
                    help="every coded event by confidence, right or wrong (what the "
                         "confidence AUC of make eval ranks)")
    args = ap.parse_args(argv)
    known = {a["id"] for a in yaml.safe_load((ROOT / "src" / "rasad" / "data" / "actors.yaml")
                                            .read_text(encoding="utf-8"))}
    misses: dict[str, int] = {}
    gold_path, pages, places_path = _gold_files(args.set)
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    places = yaml.safe_load(places_path.read_text(encoding="utf-8")) \
        if args.places and places_path.is_file() else None
    if args.places and places is None:
        print(f"{places_path}: no places file")
        return 1
    counts: dict[str, int] = {}
    ranked: list[tuple[float, bool, str, dict[str, Any]]] = []
    for name, g in gold["pages"].items():
        if not name.startswith(args.page):
            continue
        raw = next(iter_inputs([str(pages / name)]))
        if not isinstance(raw, RawInput):
            print(f"{name}: {raw.reason}")
            continue
        raw.published = g["published"]
        evs = [e.to_dict() for e in extract(raw).events]
        if args.misses:
            for ge in g.get("events") or []:
                why = miss_cause(ge, evs, known)
                misses[why] = misses.get(why, 0) + 1
            continue
        allowed = (g.get("events") or []) + (g.get("also_ok") or [])
        if args.ranked:
            ranked += [(e.get("confidence", 0.0), any(event_match(ge, e) for ge in allowed),
                        name, e) for e in evs]
            continue
        print(f"=== {name}")
        if places is not None:
            for why, n in place_report(name, g, evs, places).items():
                counts[why] = counts.get(why, 0) + n
            continue
        for e in evs:
            if not any(event_match(ge, e) for ge in allowed):
                why = spurious_cause(allowed, e)
                counts[why] = counts.get(why, 0) + 1
                print(f"  SPURIOUS ({why}) {_line(e)}")
        if args.spurious:
            continue
        for ge in g.get("events") or []:
            full = [e for e in evs if event_match(ge, e) and _actors_match(ge, e) and
                    _date_match(ge, e)]
            if full:
                continue
            print(f"  MISSED {ge['type']:<9} {ge.get('source')} -> {ge.get('target')} "
                  f"date={ge.get('date')} modality={ge.get('modality')}  # {ge.get('what')}")
            for e in evs:
                if e["type"] == ge["type"]:
                    print(f"    got {_line(e)}")
    if args.ranked:
        for conf, good, name, e in sorted(ranked, key=lambda r: (-r[0], r[2])):
            print(f"{conf:.3f} {'RIGHT' if good else 'wrong'} {name[:24]:<24} {_line(e)}")
        return 0
    if args.misses:
        for why, n in sorted(misses.items(), key=lambda kv: -kv[1]):
            print(f"{n:4d}  {why}")
        return 0
    print("places of the gold events found in full:" if places is not None
          else "spurious by cause:", counts)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
