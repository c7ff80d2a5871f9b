"""Train and measure the ASSAULT / PROTEST sentence classifier (rasad.events.classify).

    python tools/train_gsr.py             # CV on the training half, held-out table, model
    python tools/train_gsr.py --cv-only   # tune by cross-validation, never read held-out
    python tools/train_gsr.py --no-write  # everything but writing the model file

Data: the Open Event Data Alliance's Arabic gold sentences (MIT), read from
``../shared/data/arabic_event_gsr`` (relative to the repository) or ``--data``; nothing
from them is copied into the repository.

Split (fixed, from the ids alone): a row is HELD OUT when the last character of its `id`
is an odd digit (1 3 5 7 9), TRAINING otherwise. Gold: label "yes" is positive, "easy no"
and "difficult no" are negative, "ambiguous" rows are left out of training and scoring.
Training rows whose prepared text equals a held-out row's (exact duplicates under other
ids) are dropped from training.

Tuning uses only the training half: repeated 5-fold cross-validation grouped by source
document; the threshold of each type is the one that maximizes the out-of-fold F1. The best
configuration of each family in grid() is then scored ONCE on the held-out half and printed;
the one written is the best by cross-validation, not by the held-out score. Its log-odds and
thresholds are then moved by VETO_SHIFT (predict() unchanged; only the coder's P < 0.3 veto
moves). Features: n-grams, rule features and structure features (classify.RULE_FEATURES,
classify.STRUCT_FEATURES; word lists in src/rasad/data/gsr_features.yaml).

NOTE (docs/events_model.md, "Why the candidate is not shipped"): a full run writes this
round's candidate, which the shipped file does not hold yet; use --no-write or --out to
retrain without adopting it.

Needs scikit-learn and scipy at training time only (``pip install scikit-learn``); the
shipped model is read by pure Python.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasad.events import classify as C  # noqa: E402
from rasad.events.lexicons import load_event_lexicons  # noqa: E402
from rasad.text.normalize import normalize  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "arabic_event_gsr"
FILES = C.GSR_FILES
OUT = ROOT / "src" / "rasad" / "data" / C.MODEL_NAME
SEED = 20240601
NEGATIVE = ("easy no", "difficult no")
VETO = 0.3  # see docs/events_model.md, "Using it with the rule coder"
# Added to the shipped models' log-odds, with the thresholds moved by the same amount, so that
# predict() and every GSR number are unchanged: only the coder's fixed veto (P < VETO) moves.
# Chosen on the project's own seed and demo gold, not on the GSR (docs/events_model.md).
VETO_SHIFT = 0.2


# -- data -----------------------------------------------------------------------------------


@dataclass
class Row:
    id: str
    label: str
    text: str
    y: int  # 1 yes, 0 easy/difficult no, -1 ambiguous (never scored)
    doc: str
    accept: int = 0
    reject: int = 0
    prepared: str = ""

    @property
    def vote(self) -> float:
        """Share of annotators who accepted the type (the soft label)."""
        return self.accept / (self.accept + self.reject) if self.accept + self.reject else 0.0


def is_heldout(row_id: str) -> bool:
    """The fixed split: held out iff the id ends in an odd digit (classify.is_heldout)."""
    return C.is_heldout(row_id)


def doc_of(row_id: str) -> str:
    """The source document of a sentence id (AAW_ARB_20080913.0007-59, <hash>_6)."""
    cut = max(row_id.rfind("-"), row_id.rfind("_"))
    return row_id[:cut] if cut > 0 else row_id


def load(etype: str, data: Path) -> tuple[list[Row], list[Row], dict[str, int]]:
    """(training rows incl. ambiguous, held-out rows excl. ambiguous, counts) for one type."""
    path = data / FILES[etype]
    with path.open(encoding="utf-8", newline="") as f:
        raw = list(csv.DictReader(f))
    train: list[Row] = []
    test: list[Row] = []
    held_texts: set[str] = set()
    stats: Counter[str] = Counter()
    for r in raw:
        label = r["label"].strip()
        part = "heldout" if is_heldout(r["id"]) else "train"
        stats[f"{part}:{label}"] += 1
        if label not in ("yes", "ambiguous", *NEGATIVE):
            raise ValueError(f"unknown label {label!r} in {path}")
        y = 1 if label == "yes" else -1 if label == "ambiguous" else 0
        row = Row(r["id"], label, r["text"], y, doc_of(r["id"]), int(r["accept"] or 0),
                  int(r["reject"] or 0), C.prepare(r["text"]))
        if part == "heldout":
            held_texts.add(row.prepared)
            if y >= 0:
                test.append(row)
        else:
            train.append(row)
    kept = [r for r in train if r.prepared not in held_texts]
    stats["train:dropped_duplicate_of_heldout"] = len(train) - len(kept)
    return kept, test, dict(sorted(stats.items()))


# -- features -------------------------------------------------------------------------------


def all_counts(prepared: str, fs: FeatureSpec) -> Counter[str]:
    """Occurrences of every candidate key (what the run-time automaton counts)."""
    c: Counter[str] = Counter()
    n = len(prepared)
    for k in range(fs.char_min, fs.char_max + 1):
        for i in range(n - k + 1):
            g = prepared[i:i + k]
            if g.strip():
                c[g] += 1
    words = prepared.split()
    for k in range(1, fs.word_ngrams + 1):
        for i in range(len(words) - k + 1):
            key = " " + " ".join(words[i:i + k]) + " "
            if not fs.char_min <= len(key) <= fs.char_max:  # else counted above
                c[key] += 1
    return c


@dataclass(frozen=True)
class FeatureSpec:
    char_min: int = 2
    char_max: int = 5
    word_ngrams: int = 2
    min_df: int = 2
    max_features: int = 0  # 0: no cap (by document frequency)
    lexical: bool = True
    rules: bool = True
    rule_scale: float = 0.1  # rule columns = 0/1 * scale (the lexical block has unit norm)
    struct: bool = False  # the structure features (classify.structure_features)
    struct_scale: float = 0.1  # structure columns = value * scale
    lex_scale: float = 1.0  # lexical block * scale (a larger scale = weaker L2 on it)


@dataclass
class Fitted:
    vocab: list[str]
    idf: np.ndarray
    coef: np.ndarray
    rule_coef: np.ndarray
    bias: float
    spec: FeatureSpec
    threshold: float = 0.5
    struct_coef: np.ndarray = field(default_factory=lambda: np.zeros(0))


def select_vocab(counts: Sequence[Counter[str]], fs: FeatureSpec) -> tuple[list[str], np.ndarray]:
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    keys = [k for k, d in df.items() if d >= fs.min_df]
    keys.sort(key=lambda k: (-df[k], k))
    if fs.max_features:
        keys = keys[:fs.max_features]
    keys.sort()
    n = len(counts)
    idf = np.array([math.log((1 + n) / (1 + df[k])) + 1.0 for k in keys])
    return keys, idf


def lexical_matrix(counts: Sequence[Counter[str]], vocab: list[str], idf: np.ndarray) -> Any:
    from scipy.sparse import csr_matrix

    index = {k: i for i, k in enumerate(vocab)}
    data: list[float] = []
    cols: list[int] = []
    indptr = [0]
    for c in counts:
        row: list[tuple[int, float]] = []
        for k, tf in c.items():
            i = index.get(k)
            if i is not None:
                row.append((i, (1.0 + math.log(tf)) * idf[i]))
        norm = math.sqrt(sum(v * v for _, v in row)) or 1.0
        for i, v in row:
            cols.append(i)
            data.append(v / norm)
        indptr.append(len(cols))
    return csr_matrix((data, cols, indptr), shape=(len(counts), len(vocab)))


NR = len(C.RULE_FEATURES)


def rule_matrix(texts: Sequence[str], etype: str) -> np.ndarray:
    """The dense features of each text: rule features, then structure features."""
    m = np.zeros((len(texts), NR + len(C.STRUCT_FEATURES)))
    pos = {n: i for i, n in enumerate(C.RULE_FEATURES)}
    spos = {n: NR + i for i, n in enumerate(C.STRUCT_FEATURES)}
    for r, t in enumerate(texts):
        for name, v in C.rule_features(t, etype).items():
            m[r, pos[name]] = v
        for name, v in C.structure_features(t, etype).items():
            m[r, spos[name]] = v
    return m


@dataclass(frozen=True)
class Config:
    name: str
    spec: FeatureSpec
    C: float = 3.0
    soft: bool = False  # train on annotator vote shares, ambiguous rows included


def _train_lr(X: Any, rows: Sequence[Row], cfg: Config) -> tuple[np.ndarray, float]:
    """Balanced logistic regression on hard labels, or on vote shares (`cfg.soft`)."""
    from scipy.sparse import vstack
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=cfg.C, solver="liblinear", max_iter=5000, random_state=0,
                             class_weight=None if cfg.soft else "balanced")
    if cfg.soft:
        share = np.array([1.0 if r.y == 1 else r.vote for r in rows])
        pos, neg = share.sum(), (1 - share).sum()
        clf.fit(vstack([X, X]).tocsr(), np.r_[np.ones(len(rows)), np.zeros(len(rows))],
                sample_weight=np.r_[share * (neg / pos), 1 - share])
    else:
        clf.fit(X, np.array([r.y for r in rows]))
    return clf.coef_[0], float(clf.intercept_[0])


def fit(rows: Sequence[Row], counts: Sequence[Counter[str]], rules: np.ndarray, cfg: Config,
        lex: tuple[list[str], np.ndarray, Any] | None = None) -> Fitted:
    """Train one configuration on `rows` (ambiguous ones are used only by soft configs).

    `lex`: a precomputed (vocab, idf, lexical matrix of all `rows`)."""
    from scipy.sparse import csr_matrix, hstack

    fs = cfg.spec
    use = np.array([cfg.soft or r.y >= 0 for r in rows])
    vocab: list[str] = []
    idf = np.zeros(0)
    parts = []
    if fs.lexical:
        if lex is None:
            vocab, idf = select_vocab(counts, fs)
            parts.append(lexical_matrix(counts, vocab, idf)[use] * fs.lex_scale)
        else:
            vocab, idf = lex[0], lex[1]
            parts.append(lex[2][use] * fs.lex_scale)
    if fs.rules:
        parts.append(csr_matrix(rules[use, :NR] * fs.rule_scale))
    if fs.struct:
        parts.append(csr_matrix(rules[use, NR:] * fs.struct_scale))
    w, b = _train_lr(hstack(parts).tocsr(), [r for r, u in zip(rows, use, strict=True) if u], cfg)
    nlex = len(vocab)
    nr = NR if fs.rules else 0
    return Fitted(vocab, idf, w[:nlex] * fs.lex_scale,
                  w[nlex:nlex + nr] * fs.rule_scale if fs.rules else np.zeros(0), b, fs,
                  struct_coef=w[nlex + nr:] * fs.struct_scale if fs.struct else np.zeros(0))


def decision(f: Fitted, counts: Sequence[Counter[str]], rules: np.ndarray) -> np.ndarray:
    z = np.full(len(counts), f.bias)
    if f.spec.lexical:
        z += lexical_matrix(counts, f.vocab, f.idf) @ f.coef
    if f.spec.rules:
        z += rules[:, :NR] @ f.rule_coef
    if f.spec.struct:
        z += rules[:, NR:] @ f.struct_coef
    return z


# -- metrics --------------------------------------------------------------------------------


def prf(y: np.ndarray, pred: np.ndarray) -> tuple[float, float, float]:
    tp = int(np.sum((pred == 1) & (y == 1)))
    fp = int(np.sum((pred == 1) & (y == 0)))
    fn = int(np.sum((pred == 0) & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(y: np.ndarray, prob: np.ndarray) -> tuple[float, float]:
    """The probability threshold with the best F1 (midpoint between scores, ties → higher)."""
    best = (0.0, 0.5)
    cands = np.unique(np.round(prob, 6))
    for t in cands:
        f1 = prf(y, (prob >= t).astype(int))[2]
        if f1 > best[0] + 1e-12:
            best = (f1, float(t))
    # place the threshold half-way to the next lower score, so it is not on a training point
    lower = cands[cands < best[1]]
    t = (best[1] + lower.max()) / 2 if len(lower) else best[1]
    return best[0], float(t)


def bootstrap_f1(y: np.ndarray, pred: np.ndarray, n: int = 2000, seed: int = SEED
                 ) -> tuple[float, float]:
    """95% interval of F1 over resamples (with replacement) of the same predictions."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        i = rng.integers(0, len(y), len(y))
        out.append(prf(y[i], pred[i])[2])
    lo, hi = np.percentile(out, [2.5, 97.5])
    return float(lo), float(hi)


def vote_ceiling(rows: Sequence[Row], sims: int = 200, seed: int = SEED) -> dict[str, float]:
    """How far annotator disagreement alone caps F1 (training half only).

    Each sentence has a latent acceptance rate q; its annotators accept independently with
    probability q (an adaptive number of annotators does not change this likelihood). The
    distribution of q is estimated nonparametrically (EM on a grid) from the (accept,
    reject) counts of all training rows. An oracle that knows each sentence's q (drawn from
    its posterior) ranks by q; the labels are drawn again with the same number of
    annotators (yes: none rejects; ambiguous: exactly one rejects, not scored; else no).
    Returns the oracle's mean best F1 and its 5-95% range over the simulations."""
    from scipy.stats import binom

    grid = np.linspace(0.001, 0.999, 200)
    a = np.array([r.accept for r in rows])
    n = np.array([r.accept + r.reject for r in rows])
    lik = binom.pmf(a[:, None], n[:, None], grid[None, :])
    w = np.full(len(grid), 1 / len(grid))
    for _ in range(3000):
        post = lik * w
        post /= post.sum(1, keepdims=True)
        w = post.mean(0)
    post = lik * w
    post /= post.sum(1, keepdims=True)
    cdf = np.cumsum(post, axis=1)
    rng = np.random.default_rng(seed)
    f1s = []
    for _ in range(sims):
        u = rng.random(len(rows))[:, None]
        q = grid[np.minimum((cdf < u).sum(1), len(grid) - 1)]
        rej = n - rng.binomial(n, q)
        y = np.where(rej == 0, 1, np.where(rej == 1, -1, 0))
        keep = y >= 0
        order = np.argsort(-q[keep])
        ys = y[keep][order]
        tp = np.cumsum(ys)
        f1s.append(float((2 * tp / (np.arange(1, len(ys) + 1) + ys.sum())).max()))
    lo, hi = np.percentile(f1s, [5, 95])
    return {"oracle_f1": float(np.mean(f1s)), "p5": float(lo), "p95": float(hi),
            "mass_q_over_half": float(w[grid > 0.5].sum())}


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def group_folds(rows: Sequence[Row], k: int, seed: int) -> list[np.ndarray]:
    """Test folds over the scored rows (y >= 0), stratified, grouped by document."""
    from sklearn.model_selection import StratifiedGroupKFold

    scored = np.array([i for i, r in enumerate(rows) if r.y >= 0])
    y = np.array([rows[i].y for i in scored])
    groups = np.array([rows[i].doc for i in scored])
    skf = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    return [scored[test] for _, test in skf.split(np.zeros(len(scored)), y, groups)]


@dataclass
class CVResult:
    f1_at_best: float  # out-of-fold F1 at the out-of-fold best threshold (pooled repeats)
    threshold: float
    f1_at_half: float
    per_repeat: list[float] = field(default_factory=list)


def cross_validate(rows: Sequence[Row], counts: Sequence[Counter[str]], rules: np.ndarray,
                   cfgs: Sequence[Config], repeats: int = 3, k: int = 5
                   ) -> dict[str, CVResult]:
    """Out-of-fold probabilities of every configuration, all on the same folds. A training
    fold holds no sentence of a document in the test fold (ambiguous rows included)."""
    scored = np.array([i for i, r in enumerate(rows) if r.y >= 0])
    y = np.array([rows[i].y for i in scored])
    probs: dict[str, list[np.ndarray]] = {c.name: [] for c in cfgs}
    for rep in range(repeats):
        oof = {c.name: np.zeros(len(rows)) for c in cfgs}
        for test in group_folds(rows, k, SEED + rep):
            docs = {rows[i].doc for i in test}
            tr = np.array([i for i, r in enumerate(rows) if r.doc not in docs])
            tr_rows = [rows[i] for i in tr]
            tr_counts = [counts[i] for i in tr]
            te_counts = [counts[i] for i in test]
            cache: dict[tuple[int, int], tuple[list[str], np.ndarray, Any]] = {}
            for cfg in cfgs:
                lex = None
                if cfg.spec.lexical:
                    key = (cfg.spec.min_df, cfg.spec.max_features)
                    if key not in cache:
                        vocab, idf = select_vocab(tr_counts, cfg.spec)
                        cache[key] = (vocab, idf, lexical_matrix(tr_counts, vocab, idf))
                    lex = cache[key]
                f = fit(tr_rows, tr_counts, rules[tr], cfg, lex)
                oof[cfg.name][test] = sigmoid(decision(f, te_counts, rules[test]))
        for name, p in oof.items():
            probs[name].append(p[scored])
    out: dict[str, CVResult] = {}
    pooled_y = np.concatenate([y] * repeats)
    for name, ps in probs.items():
        per = [best_threshold(y, p)[0] for p in ps]
        pooled = np.concatenate(ps)
        f1, t = best_threshold(pooled_y, pooled)
        half = prf(pooled_y, (pooled >= 0.5).astype(int))[2]
        out[name] = CVResult(f1, t, half, per)
    return out


# -- configurations ----------------------------------------------------------------------------

def grid() -> list[Config]:
    """The configurations tuned by cross-validation (training half only); the family is the
    first word of the name. Kept from the previous round (docs/events_model.md): lexical
    only, lexical + rule features (hard labels), the two configurations shipped before
    (lexical + rules, trained on vote shares), rule features only. New: the structure
    features added to those (two scales), the same with the lexical block scaled down
    against rule and structure features at full scale (`lx` = lexical scale, rs = ss = 1),
    and rule + structure features without the lexical block. Vocabularies are capped so
    that the shipped file stays well under 2 MB."""
    out: list[Config] = [
        Config("lex mf=8000 C=1", FeatureSpec(rules=False, max_features=8000), 1.0),
        Config("lex+rules mf=8000 rs=0.1 C=1", FeatureSpec(max_features=8000, rule_scale=0.1),
               1.0),
    ]
    prev = {8000: (0.1, 1.0), 20000: (0.3, 10.0)}  # the previous shipped (rs, C) per cap
    for mf, (rs, c) in prev.items():
        out.append(Config(f"lex+rules+soft mf={mf} rs={rs:g} C={c:g}",
                          FeatureSpec(max_features=mf, rule_scale=rs), c, soft=True))
    for mf, (rs, c) in prev.items():
        for ss in (0.1, 0.3):
            spec = FeatureSpec(max_features=mf, rule_scale=rs, struct=True, struct_scale=ss)
            out.append(Config(f"lex+rules+struct+soft mf={mf} rs={rs:g} ss={ss:g} C={c:g}",
                              spec, c, soft=True))
    for mf in (8000, 20000):
        for lx in (1.0, 2.0, 4.0):
            for c in (0.3, 1.0):
                spec = FeatureSpec(max_features=mf, rule_scale=1.0, struct=True,
                                   struct_scale=1.0, lex_scale=lx)
                out.append(Config(f"lex+rules+struct+soft mf={mf} rs=1 ss=1 lx={lx:g} C={c:g}",
                                  spec, c, soft=True))
    for c in (0.3, 1.0):
        out.append(Config(f"rules+struct+soft C={c:g}",
                          FeatureSpec(lexical=False, rule_scale=1.0, struct=True,
                                      struct_scale=1.0), c, soft=True))
    out.append(Config("rules C=0.3", FeatureSpec(lexical=False, rule_scale=1.0), 0.3))
    return out


# -- baselines on the held-out half ------------------------------------------------------------


def keyword_pred(texts: Sequence[str], etype: str, strong_only: bool) -> np.ndarray:
    lx = load_event_lexicons()
    out = []
    for t in texts:
        hit = False
        for m in lx.triggers.find(normalize(t).text):
            if any(p.type == etype and (p.strong or not strong_only) for p in m.payloads):
                hit = True
                break
        out.append(int(hit))
    return np.array(out)


def tfidf_plain(train: Sequence[Row], test: Sequence[Row]) -> np.ndarray:
    """A plain TF-IDF (words) + logistic regression, library defaults, threshold 0.5."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    train = [r for r in train if r.y >= 0]
    vec = TfidfVectorizer()
    X = vec.fit_transform([r.text for r in train])
    clf = LogisticRegression(max_iter=2000)
    clf.fit(X, [r.y for r in train])
    return np.asarray(clf.predict(vec.transform([r.text for r in test])))


def tfidf_balanced(train: Sequence[Row], test: Sequence[Row]) -> np.ndarray:
    """The same with class_weight="balanced" (the class prior is ~10% / ~5% positive)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    train = [r for r in train if r.y >= 0]
    vec = TfidfVectorizer()
    X = vec.fit_transform([r.text for r in train])
    clf = LogisticRegression(max_iter=2000, class_weight="balanced")
    clf.fit(X, [r.y for r in train])
    return np.asarray(clf.predict(vec.transform([r.text for r in test])))


# -- export ---------------------------------------------------------------------------------


def _r(x: float, digits: int = 5) -> float:
    return float(f"{x:.{digits}g}")


def export(fitted: dict[str, Fitted], meta: dict[str, Any]) -> dict[str, Any]:
    vocab = sorted({k for f in fitted.values() for k in f.vocab})
    index = {k: i for i, k in enumerate(vocab)}
    types: dict[str, Any] = {}
    for etype, f in fitted.items():
        types[etype] = {
            "index": [index[k] for k in f.vocab],
            "idf": [_r(v) for v in f.idf],
            "coef": [_r(v, 4) for v in f.coef],
            "rules": {n: _r(float(v), 4) for n, v in zip(C.RULE_FEATURES, f.rule_coef,
                                                          strict=False)} if f.spec.rules else {},
            "structure": {n: _r(float(v), 4) for n, v in zip(C.STRUCT_FEATURES, f.struct_coef,
                                                             strict=True)}
            if f.spec.struct else {},
            "bias": _r(f.bias, 6),
            "threshold": _r(f.threshold, 4),
        }
    return {"format": C.FORMAT, "meta": meta, "vocab": vocab, "types": types}


def lexicon_digest() -> str:
    h = hashlib.sha256()
    for name in ("triggers.yaml", "cues.yaml", C.FEATURES_FILE):
        h.update((ROOT / "src" / "rasad" / "data" / name).read_bytes())
    return h.hexdigest()[:16]


# -- main -----------------------------------------------------------------------------------


@dataclass
class TypeData:
    train: list[Row]
    test: list[Row]
    stats: dict[str, int]
    tr_counts: list[Counter[str]]
    te_counts: list[Counter[str]]
    tr_rules: np.ndarray
    te_rules: np.ndarray


def prepare_type(etype: str, data: Path, fs: FeatureSpec) -> TypeData:
    train, test, stats = load(etype, data)
    return TypeData(train, test, stats,
                    [all_counts(r.prepared, fs) for r in train],
                    [all_counts(r.prepared, fs) for r in test],
                    rule_matrix([r.text for r in train], etype),
                    rule_matrix([r.text for r in test], etype))


def fmt(p: float, r: float, f: float) -> str:
    return f"{p:.3f} | {r:.3f} | {f:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--cv-only", action="store_true", help="tune only; never read held-out")
    ap.add_argument("--no-write", action="store_true", help="do not write the model file")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--json", type=Path, help="write every result here as JSON")
    args = ap.parse_args(argv)
    if not (args.data / FILES["ASSAULT"]).is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    t0 = time.time()
    fs = FeatureSpec()
    td = {t: prepare_type(t, args.data, fs) for t in C.TYPES}
    report: dict[str, Any] = {"split": {t: d.stats for t, d in td.items()}, "cv": {}, "heldout": {}}
    for t, d in td.items():
        ntr = sum(r.y >= 0 for r in d.train)
        print(f"{t}: train {ntr} scored ({sum(r.y == 1 for r in d.train)} yes) + "
              f"{len(d.train) - ntr} ambiguous, held-out {len(d.test)} "
              f"({sum(r.y for r in d.test)} yes); {d.stats}")

    # 1. tune by cross-validation on the training half
    chosen: dict[str, tuple[Config, CVResult]] = {}
    for t, d in td.items():
        print(f"\n== {t}: {args.repeats}x5-fold grouped CV on the training half")
        best: tuple[Config, CVResult] | None = None
        results = cross_validate(d.train, d.tr_counts, d.tr_rules, grid(),
                                 repeats=args.repeats)
        for cfg in grid():
            res = results[cfg.name]
            report["cv"].setdefault(t, {})[cfg.name] = res.__dict__
            print(f"  {cfg.name:40s} F1@best {res.f1_at_best:.3f} (t={res.threshold:.3f}, "
                  f"per repeat {' '.join(f'{x:.3f}' for x in res.per_repeat)}) "
                  f"F1@0.5 {res.f1_at_half:.3f}")
            if best is None or res.f1_at_best > best[1].f1_at_best + 1e-9:
                best = (cfg, res)
        assert best is not None
        chosen[t] = best
        print(f"  -> chosen by CV: {best[0].name} (F1 {best[1].f1_at_best:.3f}, "
              f"threshold {best[1].threshold:.3f})")
    print(f"\n(CV took {time.time() - t0:.0f}s)")
    for t, d in td.items():
        vc = vote_ceiling(d.train)
        report.setdefault("vote_ceiling", {})[t] = vc
        print(f"{t}: F1 of an oracle that knows each training sentence's annotator acceptance "
              f"rate: {vc['oracle_f1']:.3f} (5-95% {vc['p5']:.3f}-{vc['p95']:.3f})")
    if args.cv_only:
        if args.json:
            args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1))
        return 0

    # 2. the held-out half: every reported configuration, once
    finals: dict[str, Fitted] = {}
    print("\n== held-out half (odd ids); ambiguous rows excluded")
    for t, d in td.items():
        y = np.array([r.y for r in d.test])
        texts = [r.text for r in d.test]
        rows: list[tuple[str, np.ndarray]] = [
            ("keyword: any trigger of the type", keyword_pred(texts, t, strong_only=False)),
            ("rules: a strong trigger of the type", keyword_pred(texts, t, strong_only=True)),
            ("TF-IDF words + LR (defaults, t=0.5)", tfidf_plain(d.train, d.test)),
            ("TF-IDF words + LR (balanced, t=0.5)", tfidf_balanced(d.train, d.test)),
        ]
        cfg_best = chosen[t][0]
        # the best CV configuration of each family, plus the chosen one
        fams: dict[str, str] = {}
        for name, r in report["cv"][t].items():
            fam = name.split(" ")[0]
            if fam not in fams or r["f1_at_best"] > report["cv"][t][fams[fam]]["f1_at_best"]:
                fams[fam] = name
        by_name = {c.name: c for c in grid()}
        model_preds: dict[str, np.ndarray] = {}
        for fam, name in fams.items():
            cfg = by_name[name]
            cvr = report["cv"][t][name]
            f = fit(d.train, d.tr_counts, d.tr_rules, cfg)
            f.threshold = cvr["threshold"]
            prob = sigmoid(decision(f, d.te_counts, d.te_rules))
            pred = (prob >= f.threshold).astype(int)
            model_preds[fam] = pred
            rows.append((f"model {name} (t={f.threshold:.3f} from CV)", pred))
            if name == cfg_best.name:
                finals[t] = f
        # the veto shift: same decisions at the model's threshold, higher P for the coder
        fin = finals[t]
        fin.bias += VETO_SHIFT
        fin.threshold = float(sigmoid(np.array(math.log(fin.threshold / (1 - fin.threshold))
                                               + VETO_SHIFT)))
        rules_pred = rows[1][1]
        best_fam = cfg_best.name.split(" ")[0]
        rows.append((f"rules OR model[{best_fam}]", np.maximum(rules_pred, model_preds[best_fam])))
        rows.append((f"rules AND model[{best_fam}]", np.minimum(rules_pred, model_preds[best_fam])))
        # the pipeline setting suggested in docs/events_model.md: the model only vetoes rule
        # hits it finds very unlikely (VETO was chosen on the project's own demo and seed
        # gold, where the GSR threshold drops most true events, not on this table)
        shipped_prob = sigmoid(decision(finals[t], d.te_counts, d.te_rules))
        veto = (shipped_prob >= VETO).astype(int)
        rows.append((f"model[{best_fam}] P >= {VETO}", veto))
        rows.append((f"rules AND model[{best_fam}] P >= {VETO} (pipeline veto)",
                     np.minimum(rules_pred, veto)))
        print(f"\n{t} (held-out: {len(y)} sentences, {int(y.sum())} yes)")
        print("| configuration | P | R | F1 | F1 95% bootstrap |\n|---|---|---|---|---|")
        for name, pred in rows:
            p, r, f1 = prf(y, pred)
            lo, hi = bootstrap_f1(y, pred)
            shipped = name.startswith(f"model {cfg_best.name} ")
            report["heldout"].setdefault(t, {})[name] = {"P": p, "R": r, "F1": f1,
                                                         "F1_95": [lo, hi], "shipped": shipped}
            print(f"| {name}{' **(CV choice)**' if shipped else ''} | {fmt(p, r, f1)} "
                  f"| {lo:.2f}-{hi:.2f} |")
        # diagnostic for the shipped model: who are its false positives, and its score
        # when the "difficult no" rows (1-2 annotators said yes) are left out
        pred = (shipped_prob >= finals[t].threshold).astype(int)
        labels = np.array([r.label for r in d.test])
        fp = (pred == 1) & (y == 0)
        easy = labels != "difficult no"
        p, r, f1 = prf(y[easy], pred[easy])
        diag = {"false_positives": int(fp.sum()),
                "false_positives_difficult_no": int((fp & (labels == "difficult no")).sum()),
                "yes_vs_easy_no": {"P": p, "R": r, "F1": f1}}
        report["heldout_diagnostic"] = {**report.get("heldout_diagnostic", {}), t: diag}
        print(f"shipped model: {diag['false_positives']} false positives, "
              f"{diag['false_positives_difficult_no']} of them 'difficult no'; yes vs easy no "
              f"only: {fmt(p, r, f1)}")

    # 3. ship the models chosen by CV, trained on the whole training half
    meta = {"trained_on": "arabic_event_gsr, rows whose id ends in an even digit",
            "heldout": "rows whose id ends in an odd digit (1 3 5 7 9)",
            "configs": {t: chosen[t][0].name for t in C.TYPES},
            "cv_f1": {t: round(chosen[t][1].f1_at_best, 4) for t in C.TYPES},
            "lexicon_sha256_16": lexicon_digest(),
            "features": "char 2-5 + word 1-2 keys of classify.prepare(); rule features "
                        + ",".join(C.RULE_FEATURES) + "; structure features "
                        + ",".join(C.STRUCT_FEATURES)}
    model = export(finals, meta)
    text = json.dumps(model, ensure_ascii=False, separators=(",", ":"))
    # check: the pure-Python model agrees with the training-side decision function
    m = C.model_from_dict(json.loads(text))
    worst = 0.0
    for t, d in td.items():
        z = decision(finals[t], d.te_counts, d.te_rules)
        for i, r in enumerate(d.test[:200]):
            worst = max(worst, abs(m.decision(r.text)[t] - z[i]))
    print(f"\nrun-time vs training decision values: max |diff| {worst:.2e}")
    if worst > 1e-2:
        print("MISMATCH between classify.py and the trainer", file=sys.stderr)
        return 1
    if not args.no_write:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out} ({len(text.encode('utf-8')) / 1024:.0f} KiB, "
              f"{len(model['vocab'])} keys)")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1))
    print(f"total {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
