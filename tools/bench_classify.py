"""How fast is the ASSAULT / PROTEST classifier (rasad.events.classify)?

    python tools/bench_classify.py [--rounds 5]

Reads the project's own demo corpus (demo/corpus/text/*.txt), cuts it into sentences
(a simple split on . ! ? ؟ and line ends) and into 3 KB "pages", and reports the cost of
`score()` per sentence and per 3 KB page, and of its parts: the lexical features, the rule
features (which re-scan the sentence with the trigger lexicon) and the structure features
(casualty figures, time expressions, word lists), plus the one-time load cost.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasad.events import classify as C  # noqa: E402

_SPLIT = re.compile(r"(?<=[.!?؟])\s+|\n+")


def sentences(root: Path) -> list[str]:
    out: list[str] = []
    for p in sorted((root / "demo" / "corpus" / "text").glob("*.txt")):
        out += [s.strip() for s in _SPLIT.split(p.read_text(encoding="utf-8")) if len(s.strip()) > 20]
    return out


def pages(sents: list[str], size: int = 3000) -> list[list[str]]:
    """Group sentences into pages of about `size` UTF-8 bytes."""
    out: list[list[str]] = [[]]
    n = 0
    for s in sents:
        b = len(s.encode("utf-8"))
        if n + b > size and out[-1]:
            out.append([])
            n = 0
        out[-1].append(s)
        n += b
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    t0 = time.perf_counter()
    model = C.load_model()
    model.automaton()
    from rasad.events.lexicons import load_event_lexicons

    load_event_lexicons().triggers.find("قصف")
    load_s = time.perf_counter() - t0
    sents = sentences(ROOT)
    pgs = pages(sents)
    chars = sum(len(s) for s in sents)
    print(f"model: {C.model_path()} ({len(model.vocab)} keys); load + automaton + lexicon: "
          f"{load_s * 1000:.0f} ms (once per process)")
    print(f"corpus: {len(sents)} sentences, {chars} chars, {len(pgs)} pages of ~3 KB "
          f"(~{len(sents) / len(pgs):.1f} sentences each)")
    for label, fn in (("full model (every feature it uses)", model.score),
                      ("lexical part only", lambda s: model.counts(C.prepare(s))),
                      ("rule features only", C.rule_features_all),
                      ("structure features only (both types)",
                       lambda s: [C.structure_features(s, t) for t in C.TYPES])):
        times = []
        for _ in range(args.rounds):
            t = time.perf_counter()
            for s in sents:
                fn(s)
            times.append(time.perf_counter() - t)
        best = min(times)
        med = statistics.median(times)
        print(f"{label:40s} {best / len(sents) * 1e6:7.1f} us/sentence  "
              f"{best / len(pgs) * 1e3:6.3f} ms/page (best of {args.rounds}; median "
              f"{med / len(pgs) * 1e3:.3f} ms/page)")
    # the suggested pipeline use scores only sentences where the coder has an ASSAULT or
    # PROTEST candidate: their share of the corpus, and the cost per page that implies
    from rasad.text.normalize import norm

    lx = load_event_lexicons()
    gated = [s for s in sents if any(p.type in C.TYPES for m in lx.triggers.find(norm(s))
                                     for p in m.payloads)]
    best = min(_time(model.score, gated) for _ in range(args.rounds)) if gated else 0.0
    print(f"gated (sentences with an ASSAULT/PROTEST trigger: {len(gated)} of {len(sents)}): "
          f"{best / len(pgs) * 1e3:.3f} ms/page")
    return 0


def _time(fn: object, items: list[str]) -> float:
    t = time.perf_counter()
    for s in items:
        fn(s)  # type: ignore[operator]
    return time.perf_counter() - t


if __name__ == "__main__":
    raise SystemExit(main())
