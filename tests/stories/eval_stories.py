"""Story evaluation on a held-out set: clustering, near-duplicates and key events.

The feed (tests/stories/corpus/feed.jsonl, 50 Arabic pages written by the project, invented
outlets, real events) is ingested with the real engine (``rasad.ingest.ingest``) into a
temporary database, then compared with tests/stories/gold.yaml:

(a) story clustering: pairwise precision / recall / F1 over pairs of pages filed in the same
    story (and, for information, against the finer ``episode`` grouping);
(b) near-duplicates: precision / recall over pairs of pages in the same duplicate group;
(c) key events: for each of the four Idlib key events, the ``story_event`` rows of the right
    type that carry mentions from the pages reporting it, and whether they collapse to ONE
    row holding every reporting outlet (the issue's target).

Nothing here tunes anything. Run it as a script (prints a table, writes
bench/results/stories_eval.json) or import :func:`evaluate`:

    .venv/bin/python tests/stories/eval_stories.py [--set first|blind2|blind3]
        [--order feed|reverse|shuffle] [--no-write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import platform
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FEED = HERE / "corpus" / "feed.jsonl"
GOLD = HERE / "gold.yaml"
RESULTS = ROOT / "bench" / "results" / "stories_eval.json"
# every story set: its directory (corpus/feed.jsonl, corpus/build_feed.py, gold.yaml)
SETS = {"first": HERE, "blind2": HERE / "blind2", "blind3": HERE / "blind3"}


def set_paths(name: str) -> tuple[Path, Path]:
    """(feed, gold) of a story set."""
    d = SETS[name]
    return d / "corpus" / "feed.jsonl", d / "gold.yaml"

SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}


# -- scoring helpers -------------------------------------------------------------------------
def pairs_of(groups: dict[str, str]) -> set[frozenset[str]]:
    """Unordered pairs of items sharing a label ({item: label})."""
    by: dict[str, list[str]] = defaultdict(list)
    for item, label in groups.items():
        by[label].append(item)
    return {frozenset(p) for members in by.values()
            for p in itertools.combinations(sorted(members), 2)}


def prf(pred: set[frozenset[str]], gold: set[frozenset[str]]) -> dict[str, Any]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else (1.0 if not gold else 0.0)
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "pred_pairs": len(pred), "gold_pairs": len(gold), "true_pairs": tp}


def dup_groups(dup_of: dict[str, str | None]) -> dict[str, str]:
    """{item: group root} from duplicate_of links (union-find; singletons included)."""
    parent = {k: k for k in dup_of}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k, v in dup_of.items():
        if v:
            parent[find(k)] = find(v)
    return {k: find(k) for k in dup_of}


def _day(s: str | None) -> dt.date | None:
    if not s or len(s) < 10:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def date_ok(event_date: str | None, gold_date: str, slack_days: int = 1) -> bool:
    """An event date agrees with the key event's day (a month or year contains it)."""
    if not event_date:
        return True
    if len(event_date) < 10:
        return gold_date.startswith(event_date)
    d, g = _day(event_date), _day(gold_date)
    return d is not None and g is not None and abs((d - g).days) <= slack_days


def _country(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    return actor.get("country") or actor.get("id")


def actors_ok(ev: dict[str, Any], ke: dict[str, Any]) -> bool:
    src, tgt = _country(ev.get("source_actor")), _country(ev.get("target_actor"))
    if ke["type"] in SYMMETRIC:
        allowed = {ke["source_country"], ke["target_country"]}
        return all(c is None or c in allowed for c in (src, tgt))
    return (src in (None, ke["source_country"])) and (tgt in (None, ke["target_country"]))


# -- ingest ----------------------------------------------------------------------------------
def read_feed(feed: Path, order: str = "feed", seed: int = 13) -> list[Any]:
    from rasad.read import iter_inputs

    items = list(iter_inputs([str(feed)]))
    if order == "reverse":
        items.reverse()
    elif order == "shuffle":
        random.Random(seed).shuffle(items)
    return items


def ingest_feed(db_path: Path, items: Iterable[Any]) -> dict[str, Any]:
    from rasad.ingest import ingest
    from rasad.store import Store

    store = Store(db_path)
    try:
        t0 = time.perf_counter()
        summary = ingest(items, store)
        secs = time.perf_counter() - t0
        state = snapshot(store)
    finally:
        store.close()
    state["summary"] = summary.to_dict()
    state["ingest_seconds"] = round(secs, 2)
    return state


def snapshot(store: Any) -> dict[str, Any]:
    """What the evaluation needs from a store, read through its public interface."""
    docs = {d["id"]: d for d in store.iter_records("document")}
    # duplicate_of and story_id as the store holds them now (a later, more complete copy can
    # take over as canonical after the first copy was saved)
    for row in store.db.execute("SELECT id, duplicate_of, story_id FROM documents"):
        if row[0] in docs:
            docs[row[0]]["duplicate_of"], docs[row[0]]["story_id"] = row[1], row[2]
    return {"documents": docs,
            "events": {e["id"]: e for e in store.iter_records("event")},
            "story_events": list(store.iter_records("story_event")),
            "stories": {s["id"]: s for s in store.iter_records("story")}}


# -- evaluation ------------------------------------------------------------------------------
def evaluate(state: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    items: dict[str, dict[str, Any]] = gold["items"]
    docs = state["documents"]
    by_ext = {d["external_id"]: d for d in docs.values()}
    ext_of = {d["id"]: d["external_id"] for d in docs.values()}
    missing = sorted(i for i in items if i not in by_ext)

    # (a) clustering — a page the engine did not store is a singleton of its own
    pred_story = {i: (by_ext[i]["story_id"] if i in by_ext else f"(missing {i})") for i in items}
    gold_story = {i: v["story"] for i, v in items.items()}
    gold_episode = {i: v["episode"] for i, v in items.items()}
    clustering = prf(pairs_of(pred_story), pairs_of(gold_story))
    episode = prf(pairs_of(pred_story), pairs_of(gold_episode))
    pred_clusters: dict[str, list[str]] = defaultdict(list)
    for i, s in pred_story.items():
        pred_clusters[s].append(i)
    clusters = []
    for sid, members in sorted(pred_clusters.items(), key=lambda kv: -len(kv[1])):
        labels = Counter(gold_story[m] for m in members)
        major = labels.most_common(1)[0][0]
        title = state["stories"].get(sid, {}).get("title")
        clusters.append({"story_id": sid, "title": title, "size": len(members),
                         "gold": dict(labels), "majority": major,
                         "intruders": sorted(m for m in members if gold_story[m] != major)})
    split = {}
    for g in sorted(set(gold_story.values())):
        where = Counter(pred_story[i] for i in items if gold_story[i] == g)
        split[g] = {"n_items": sum(where.values()), "n_pred_stories": len(where),
                    "pred_stories": dict(where.most_common())}

    # (b) near-duplicates
    gold_dup = dup_groups({i: v.get("duplicate_of") for i, v in items.items()})
    pred_links: dict[str, str | None] = {}
    for i in items:
        d = by_ext.get(i)
        pred_links[i] = ext_of.get(d["duplicate_of"]) if d and d.get("duplicate_of") else None
    pred_dup = dup_groups(pred_links)
    dedup = prf(pairs_of(pred_dup), pairs_of(gold_dup))
    gp, pp = pairs_of(gold_dup), pairs_of(pred_dup)
    dedup["missed"] = sorted(sorted(p) for p in gp - pp)
    dedup["false"] = sorted(sorted(p) for p in pp - gp)
    dedup["canonical"] = {i: pred_links[i] for i in items if pred_links[i]}

    # (c) key events
    key_events = {k: key_event_report(k, ke, state, by_ext, ext_of, gold_story)
                  for k, ke in gold["key_events"].items()}

    return {
        "items": len(items), "stored": len(items) - len(missing), "missing": missing,
        "clustering": clustering, "clustering_episode": episode,
        "pred_stories": len(pred_clusters), "gold_stories": len(set(gold_story.values())),
        "clusters": clusters, "gold_split": split,
        "dedup": dedup, "key_events": key_events,
        "key_events_one_row": sum(1 for r in key_events.values() if r["one_row"]),
        "key_events_complete": sum(1 for r in key_events.values() if r["complete"]),
        "key_events_once": sum(1 for r in key_events.values() if r["appears_once"]),
    }


def key_event_report(name: str, ke: dict[str, Any], state: dict[str, Any],
                     by_ext: dict[str, dict[str, Any]], ext_of: dict[str, str],
                     gold_story: dict[str, str]) -> dict[str, Any]:
    """Where the engine put one key event.

    A reporting page's mention is the event of the key event's type coded from the sentence
    the gold points at. The target: all mentions on ONE story_event row that lists every
    reporting outlet, and no other row in that story that looks like the same event (same
    type, compatible date and actors) — i.e. the event appears once in the timeline.
    """
    reporting: dict[str, str] = dict(ke["reported_by"])
    outlets_needed = sorted({by_ext[i]["outlet"] for i in reporting if i in by_ext})
    events = state["events"]
    per_item: dict[str, dict[str, Any]] = {}
    qualifying: set[str] = set()
    for item, anchor in reporting.items():
        d = by_ext.get(item)
        evs = [e for e in events.values() if d and e["doc_id"] == d["id"]
               and anchor in (e.get("sentence") or "")]
        right = [e for e in evs if e["type"] == ke["type"]]
        qualifying.update(e["id"] for e in right)
        status = "ok" if right else ("wrong type" if evs else "not coded")
        per_item[item] = {"status": status, "types": sorted({e["type"] for e in evs}),
                          "mentions": [e["id"] for e in right]}
    rows = []
    for se in state["story_events"]:
        if se["type"] != ke["type"]:
            continue
        mine = [m for m in se["mention_ids"] if m in qualifying]
        if mine:
            rows.append(_row(se, mine, ke, reporting, events, ext_of, outlets_needed))
    rows.sort(key=lambda r: (-r["reporting_outlets_covered"], -r["key_mentions"]))
    best = rows[0] if rows else None
    coverage = (best["reporting_outlets_covered"] / len(outlets_needed)
                if best and outlets_needed else 0.0)
    row_ids = {r["id"] for r in rows}
    lookalikes = []
    if best:
        for se in state["story_events"]:
            if (se["story_id"] == best["story_id"] and se["type"] == ke["type"]
                    and se["id"] not in row_ids and date_ok(se.get("date"), ke["date"])
                    and actors_ok(se, ke) and (se.get("source_actor") or se.get("target_actor"))):
                lookalikes.append(_row(se, [], ke, reporting, events, ext_of, outlets_needed))
    gold_figs = sorted(set(ke.get("figures", {}).values()))
    killed = sorted({q for r in rows for q in r["killed_figures"]})
    majority_story = Counter(by_ext[i]["story_id"] for i in reporting if i in by_ext)
    complete = len(rows) == 1 and coverage == 1.0
    return {
        "type": ke["type"], "date": ke["date"],
        "reporting_items": len(reporting), "reporting_outlets": len(outlets_needed),
        "items_with_mention": sum(1 for v in per_item.values() if v["status"] == "ok"),
        "item_status": per_item,
        "rows": len(rows), "one_row": len(rows) == 1,
        "best_row_outlet_coverage": round(coverage, 4),
        "complete": complete,
        "lookalike_rows": len(lookalikes),
        "appears_once": complete and not lookalikes,
        "best_row_in_main_story": best is not None and bool(majority_story)
        and best["story_id"] == majority_story.most_common(1)[0][0],
        "gold_killed": gold_figs,
        "killed_on_rows": killed,
        "gold_killed_kept": sorted(set(gold_figs) & set(killed)),
        "row_details": rows, "lookalike_details": lookalikes,
    }


def _row(se: dict[str, Any], mine: list[str], ke: dict[str, Any], reporting: dict[str, str],
         events: dict[str, Any], ext_of: dict[str, str], outlets_needed: list[str]
         ) -> dict[str, Any]:
    mention_items = [ext_of.get(events[m]["doc_id"], "?") for m in se["mention_ids"]
                     if m in events]
    foreign = sorted({i for i in mention_items if i not in reporting
                      and i not in ke.get("also_mentioned_by", [])})
    killed = sorted({f["quantity"] for f in se.get("figures", []) if f.get("category") == "killed"})
    covered = sorted(set(se.get("outlets", [])) & set(outlets_needed))
    return {"id": se["id"], "story_id": se["story_id"], "date": se.get("date"),
            "source": _country(se.get("source_actor")), "target": _country(se.get("target_actor")),
            "corroboration": se.get("corroboration"), "outlets": se.get("outlets", []),
            "reporting_outlets_covered": len(covered),
            "mentions": len(se["mention_ids"]), "key_mentions": len(mine),
            "mention_items": sorted(set(mention_items)), "foreign_items": foreign,
            "sentences": sorted({(events[m].get("sentence") or "")[:90]
                                 for m in se["mention_ids"] if m in events}),
            "killed_figures": killed}


# -- running ---------------------------------------------------------------------------------
def run_eval(order: str = "feed", feed: Path = FEED, gold_path: Path = GOLD) -> dict[str, Any]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    items = read_feed(feed, order)
    with tempfile.TemporaryDirectory(prefix="rasad-stories-eval-") as tmp:
        state = ingest_feed(Path(tmp) / "eval.db", items)
    res = evaluate(state, gold)
    res["order"] = order
    res["ingest_seconds"] = state["ingest_seconds"]
    res["summary"] = state["summary"]
    return res


def table(res: dict[str, Any]) -> str:
    c, e, d = res["clustering"], res["clustering_episode"], res["dedup"]
    out = [f"Rasad story evaluation — {res['items']} pages ({res['stored']} stored), "
           f"order={res['order']}, {res['ingest_seconds']} s",
           "",
           f"{'measure':38} {'P':>6} {'R':>6} {'F1':>6}  pairs pred/gold/true",
           f"{'story clustering (pairwise)':38} {c['precision']:6.3f} {c['recall']:6.3f} "
           f"{c['f1']:6.3f}  {c['pred_pairs']}/{c['gold_pairs']}/{c['true_pairs']}",
           f"{'  vs episodes (informative)':38} {e['precision']:6.3f} {e['recall']:6.3f} "
           f"{e['f1']:6.3f}  {e['pred_pairs']}/{e['gold_pairs']}/{e['true_pairs']}",
           f"{'near-duplicates (pairs)':38} {d['precision']:6.3f} {d['recall']:6.3f} "
           f"{d['f1']:6.3f}  {d['pred_pairs']}/{d['gold_pairs']}/{d['true_pairs']}",
           f"stories: {res['pred_stories']} predicted, {res['gold_stories']} in gold",
           "",
           f"{'key event':18} {'type':9} {'items':>5} {'coded':>5} {'rows':>4} "
           f"{'outlets':>8} {'one row':>7} {'twins':>5}  killed kept / gold"]
    for k, r in res["key_events"].items():
        best = r["row_details"][0] if r["row_details"] else None
        cov = f"{best['reporting_outlets_covered'] if best else 0}/{r['reporting_outlets']}"
        out.append(f"{k:18} {r['type']:9} {r['reporting_items']:5} {r['items_with_mention']:5} "
                   f"{r['rows']:4} {cov:>8} {'yes' if r['complete'] else 'no':>7} "
                   f"{r['lookalike_rows']:5}  {r['gold_killed_kept']} / {r['gold_killed']}")
    out.append(f"key events on one row with every outlet: {res['key_events_complete']}/"
               f"{len(res['key_events'])}; and nothing else like them in the story "
               f"(appear once): {res['key_events_once']}/{len(res['key_events'])}")
    out.append("(coded = reporting pages whose reporting sentence got an event of the type; "
               "twins = other rows of the type, date and actors in the same story)")
    mixed = [cl for cl in res["clusters"] if cl["intruders"]]
    if mixed:
        out.append("")
        out.append("predicted stories holding pages of another gold story:")
        for cl in mixed:
            out.append(f"  {cl['story_id']} ({cl['majority']}, {cl['size']} pages): "
                       f"{', '.join(cl['intruders'])}")
    frag = {g: s for g, s in res["gold_split"].items() if s["n_pred_stories"] > 1}
    if frag:
        out.append("gold stories split over several predicted stories:")
        for g, s in frag.items():
            out.append(f"  {g}: {s['n_items']} pages in {s['n_pred_stories']} stories "
                       f"{list(s['pred_stories'].values())}")
    if d["missed"] or d["false"]:
        out.append(f"duplicates missed: {d['missed']}")
        out.append(f"duplicates wrongly folded: {d['false']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--order", choices=["feed", "reverse", "shuffle"], default="feed",
                    help="ingestion order (feed = publication order, as a crawler sends it)")
    ap.add_argument("--no-write", action="store_true", help="do not write the JSON results")
    ap.add_argument("--set", choices=sorted(SETS), default="first",
                    help="which story set (first: tests/stories; blind2, blind3: its subfolders)")
    ap.add_argument("--out", type=Path, default=None,
                    help="JSON results (default: bench/results/stories_eval[_SET].json)")
    args = ap.parse_args(argv)
    feed, gold = set_paths(args.set)
    res = run_eval(args.order, feed=feed, gold_path=gold)
    res["set"] = args.set
    if args.out is None:
        args.out = RESULTS if args.set == "first" else RESULTS.with_name(
            f"stories_eval_{args.set}.json")
    print(table(res))
    if not args.no_write:
        res["machine"] = {"python": platform.python_version(), "system": platform.platform()}
        res["date"] = dt.date.today().isoformat()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n",
                            encoding="utf-8")
        print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.path.append(str(ROOT / "src"))  # when rasad is not installed
    sys.exit(main())
