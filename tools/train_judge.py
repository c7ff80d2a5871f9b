"""Train the learned event judge (rasad.events.judge) on the development page sets.

    .venv/bin/python tools/train_judge.py            # CV report, writes src/rasad/data/judge_model.json
    .venv/bin/python tools/train_judge.py --no-write # CV report only
    .venv/bin/python tools/train_judge.py --score blind4   # totals of one set at a few
                                                     # thresholds, and the AUCs

Data: every event the rule coder proposes on the pages of the development sets (tune,
tune2, blind2 under tests/events, and the seed pages when ../shared/seeds is present),
labelled right when it matches a gold or also_ok event of its page on type, actors and
date (rasad.eval.gold_pages.event_match). The blind sets (blind, blind3, blind4, blind5)
are never read here except by --score, which prints totals only.

Model: L2 logistic regression (scikit-learn, the `train` extra) over judge.features.
Cross-validation is grouped by page (every event of a page in one fold), repeated with
fixed seeds; for each candidate C and threshold it re-scores the pages with the events
kept, with the project's own page scorer, so the trade-off is read in the measures
`make eval` prints: recall with actors and date, precision and spurious events per page.
C is chosen by the out-of-fold AUC. The pipeline keeps every event by default (the
probability becomes the event's confidence); the precision/recall curve over thresholds is
printed and stored in the model file's meta, for docs/events_judge.md and for users who set
--min-confidence.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rasad.config import Config  # noqa: E402
from rasad.eval.gold_pages import (  # noqa: E402
    PageScores,
    event_match,
    extract_gold_pages,
    score_pages,
)
from rasad.events import judge  # noqa: E402
from rasad.records import Extraction  # noqa: E402

DEV_SETS = ("tune", "tune2", "blind2")
BLIND_SETS = ("blind", "blind3", "blind4", "blind5")
CS = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.0, 0.81, 0.05))


def set_paths(name: str) -> tuple[Path, Path] | None:
    if name == "seeds":
        g, p = ROOT / "tests/events/seed_events.yaml", ROOT.parent / "shared" / "seeds"
    else:
        g, p = ROOT / "tests/events" / name / "gold.yaml", ROOT / "tests/events" / name / "pages"
    return (g, p) if g.is_file() and p.is_dir() else None


def extract_set(name: str, cfg: Config) -> tuple[dict[str, Any], dict[str, Extraction]]:
    paths = set_paths(name)
    if paths is None:
        return {"pages": {}}, {}
    return extract_gold_pages(*paths, cfg)


def dataset(names: tuple[str, ...], cache: Path | None) -> list[dict[str, Any]]:
    """One row per page: set, name, gold, extraction (judge off), features, labels."""
    if cache and cache.is_file():
        rows = pickle.loads(cache.read_bytes())
        for r in rows:
            r["feats"] = judge.features(r["x"])
        return rows
    cfg = Config(event_judge=False)
    rows: list[dict[str, Any]] = []
    for name in names:
        gold, xs = extract_set(name, cfg)
        for page, x in xs.items():
            g = gold["pages"][page]
            allowed = (g.get("events") or []) + (g.get("also_ok") or [])
            labels = [int(any(event_match(ge, e.to_dict()) for ge in allowed))
                      for e in x.events]
            rows.append({"set": name, "page": page, "gold": g, "x": x,
                         "feats": judge.features(x), "labels": labels})
    if cache:
        cache.write_bytes(pickle.dumps(rows))
    return rows


def vectorize(rows: list[dict[str, Any]], keys: list[str] | None = None
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    feats = [f for r in rows for f in r["feats"]]
    if keys is None:
        keys = sorted({k for f in feats for k in f})
    ix = {k: i for i, k in enumerate(keys)}
    X = np.zeros((len(feats), len(keys)))
    for i, f in enumerate(feats):
        for k, v in f.items():
            if k in ix:
                X[i, ix[k]] = v
    y = np.array([lab for r in rows for lab in r["labels"]])
    groups = np.array([i for i, r in enumerate(rows) for _ in r["labels"]])
    return X, y, groups, keys


def fit(X: np.ndarray, y: np.ndarray, C: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    # the bias is a feature column ("bias"), so the solver's own intercept is off and the
    # shipped weights are one dict
    m = LogisticRegression(C=C, fit_intercept=False, max_iter=5000, solver="lbfgs")
    return m.fit(X, y)


def rescore(rows: list[dict[str, Any]], probs: list[list[float]], t: float) -> PageScores:
    """Score the pages with only the events whose probability reaches t."""
    by_page = {(r["set"], r["page"]): (r, p) for r, p in zip(rows, probs, strict=True)}
    gold = {"pages": {}}
    for (s, page), (r, _) in by_page.items():
        gold["pages"][f"{s}/{page}"] = r["gold"]

    def page_fn(key: str, published: str) -> Extraction:
        s, page = key.split("/", 1)
        r, p = by_page[(s, page)]
        x = r["x"]
        return replace(x, events=[e for e, pr in zip(x.events, p, strict=True) if pr >= t])

    return score_pages(gold, page_fn)


def summary(s: PageScores) -> dict[str, float]:
    p = s.correct / s.predicted if s.predicted else 0.0
    r = s.found_full / s.gold if s.gold else 0.0
    return {"recall_type": s.found_type / s.gold, "recall_actors": s.found_actors / s.gold,
            "recall": r, "precision": p, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "spurious": (s.predicted - s.correct) / s.pages, "events": s.predicted}


def cv_probs(rows: list[dict[str, Any]], C: float, seeds: tuple[int, ...], folds: int
             ) -> list[list[list[float]]]:
    """Out-of-fold probabilities per page, one list per repeat."""
    X, y, groups, _ = vectorize(rows)
    out = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        order = rng.permutation(len(rows))
        fold_of = {int(p): i % folds for i, p in enumerate(order)}
        pr = np.zeros(len(y))
        for f in range(folds):
            test = np.array([fold_of[int(g)] == f for g in groups])
            m = fit(X[~test], y[~test], C)
            pr[test] = m.predict_proba(X[test])[:, 1]
        per_page: list[list[float]] = []
        at = 0
        for r in rows:
            per_page.append(list(pr[at:at + len(r["labels"])]))
            at += len(r["labels"])
        out.append(per_page)
    return out


def auc(y: np.ndarray, p: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, p))


def fmt(d: dict[str, float]) -> str:
    return (f"R type {d['recall_type']:.3f} actors {d['recall_actors']:.3f} full "
            f"{d['recall']:.3f}  P {d['precision']:.3f}  F1 {d['f1']:.3f}  spurious/page "
            f"{d['spurious']:.2f}  events {d['events']:.0f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--cache", type=Path, default=None, help="pickle the extractions here")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--score", choices=BLIND_SETS + DEV_SETS, default=None)
    args = ap.parse_args()
    if args.score:
        rows = dataset((args.score,), None)
        model = judge.load_model()
        if model is None:
            raise SystemExit("no shipped judge model")
        probs = [[model.probability(f) for f in r["feats"]] for r in rows]
        y = np.array([lab for r in rows for lab in r["labels"]])
        coder = np.array([e.confidence for r in rows for e in r["x"].events])
        print(f"{args.score}: AUC of the coder's confidence {auc(y, coder):.3f}, of the "
              f"judge's {auc(y, np.concatenate([np.array(p) for p in probs])):.3f}")
        for t in (0.0, 0.3, 0.5, 0.7):
            print(f"{args.score}: min confidence {t:.1f}  ", fmt(summary(rescore(rows, probs, t))))
        return
    names = (*DEV_SETS, "seeds")
    rows = dataset(names, args.cache)
    n = sum(len(r["labels"]) for r in rows)
    pos = sum(sum(r["labels"]) for r in rows)
    print(f"{len(rows)} pages ({', '.join(sorted({r['set'] for r in rows}))}), "
          f"{n} coded events, {pos} right ({pos / n:.3f})")
    base = summary(rescore(rows, [[1.0] * len(r["labels"]) for r in rows], 0.0))
    print("rule coder alone:      ", fmt(base))
    seeds = tuple(range(args.repeats))
    y = np.array([lab for r in rows for lab in r["labels"]])
    coder = np.array([e.confidence for r in rows for e in r["x"].events])
    print(f"coder's own confidence: AUC {auc(y, coder):.3f}")
    # C by the out-of-fold ranking (AUC); the threshold is the user's choice, so the whole
    # precision/recall curve of the chosen C is printed and stored
    best: tuple[float, float, list[list[list[float]]]] | None = None
    for C in CS:
        reps = cv_probs(rows, C, seeds, args.folds)
        flat = [np.concatenate([np.array(p) for p in pr]) for pr in reps]
        a = float(np.mean([auc(y, p) for p in flat]))
        print(f"C={C}  out-of-fold AUC {a:.3f}  "
              f"Brier {np.mean([np.mean((p - y) ** 2) for p in flat]):.3f}")
        if best is None or a > best[0]:
            best = (a, C, reps)
    assert best is not None
    a, C, reps = best
    print(f"chosen: C={C} (out-of-fold AUC {a:.3f})")
    curve = []
    for t in THRESHOLDS:
        ds = [summary(rescore(rows, pr, t)) for pr in reps]
        d = {k: round(float(np.mean([x[k] for x in ds])), 3) for k in ds[0]}
        print(f"  t={t:.2f}  {fmt(d)}")
        curve.append({"threshold": t, **d})
    print("calibration (out-of-fold): predicted band -> share right")
    flat = np.concatenate([np.concatenate([np.array(p) for p in pr]) for pr in reps])
    yy = np.tile(y, len(reps))
    calibration = []
    for lo in np.arange(0.0, 1.0, 0.1):
        m = (flat >= lo) & (flat < lo + 0.1)
        if m.sum():
            print(f"  {lo:.1f}-{lo + 0.1:.1f}: {yy[m].mean():.2f} of {m.sum() / len(reps):.0f}")
            calibration.append({"band": round(float(lo), 1), "right": round(float(yy[m].mean()), 3),
                                "events": round(float(m.sum() / len(reps)), 1)})
    X, y, _, keys = vectorize(rows)
    m = fit(X, y, C)
    weights = {k: round(float(w), 5) for k, w in zip(keys, m.coef_[0], strict=True)
               if abs(w) > 1e-6}
    for k, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:25]:
        print(f"  {w:+.3f}  {k}")
    if args.no_write:
        return
    out = {"format": judge.FORMAT, "weights": weights,
           "meta": {"trained_on": sorted({r["set"] for r in rows}), "pages": len(rows),
                    "events": n, "right": pos, "C": C, "cv_auc": round(a, 4),
                    "coder_auc": round(auc(y, coder), 4), "folds": args.folds,
                    "repeats": args.repeats, "cv_curve": curve, "calibration": calibration}}
    path = ROOT / "src/rasad/data" / judge.MODEL_NAME
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                    encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
