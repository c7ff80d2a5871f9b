#!/usr/bin/env python3
"""PER and LOC precision/recall of Rasad's dictionary matcher on an Arabic NER corpus.

Usage:
    python tools/ner_eval.py CORPUS.txt [--split test|dev|all] [--errors N]

CORPUS.txt is in the CoNLL two-column layout of ANERcorp (one ``token TAG`` per line, blank
lines or sentence-final periods between sentences; tags B-PERS/I-PERS, B-LOC/I-LOC, B-ORG,
B-MISC, O). For ANERcorp use the CAMeL Lab release (ANERCorp_CamelLab_train.txt /
ANERCorp_CamelLab_test.txt, CC BY-SA 4.0); no copy ships with Rasad, and none is on the
package registries this project can reach (see docs/actors.md).

The split (the matcher is not trained, so the split only keeps a part unseen while the
dictionary is tuned): sentences in file order; ``dev`` is the sentences holding the first
5/6 of the tokens, ``test`` the rest -- the same sequential 5/6 rule that CAMeL Lab used to
cut ANERcorp into train and test. Report ``test``; look at errors on ``dev`` only.

What is predicted: every token sequence that the actor dictionary names as a person (a name
or a bare surname linked to a full mention) is PER; every place (hand-entered or GeoNames,
countries included) is LOC. Role descriptions ("الرئيس الروسي") are not names and are not
counted. Scoring is CoNLL-style exact entity match, and token-level as a second view.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

TYPES = ("PER", "LOC")
_TAG_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


@dataclass(frozen=True, slots=True)
class Sentence:
    tokens: tuple[str, ...]
    tags: tuple[str, ...]  # normalized BIO: B-PER, I-LOC, O ...


def read_conll(lines: Iterable[str]) -> list[Sentence]:
    """Sentences of a two-column CoNLL file (a blank line or a lone '.' ends one)."""
    out: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if toks:
            out.append(Sentence(tuple(toks), tuple(tags)))
            toks.clear()
            tags.clear()

    for raw in lines:
        parts = raw.strip().split()
        if len(parts) < 2:
            flush()
            continue
        tok, tag = parts[0], parts[-1]
        if tag != "O" and "-" in tag:
            prefix, _, label = tag.partition("-")
            tag = f"{prefix}-{_TAG_MAP.get(label, label)}"
        toks.append(tok)
        tags.append(tag)
        if tok in (".", "؟", "!") and tag == "O":
            flush()
    flush()
    return out


def split(sents: Sequence[Sentence], part: str) -> list[Sentence]:
    """Sequential 5/6 split by tokens: 'dev' (first 5/6), 'test' (the rest) or 'all'."""
    if part == "all":
        return list(sents)
    total = sum(len(s.tokens) for s in sents)
    seen = 0
    dev: list[Sentence] = []
    test: list[Sentence] = []
    for s in sents:
        (dev if seen < total * 5 / 6 else test).append(s)
        seen += len(s.tokens)
    return dev if part == "dev" else test


def entities(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """(type, first token, last token + 1) of each BIO entity."""
    out: set[tuple[str, int, int]] = set()
    start, kind = -1, ""
    for i, t in enumerate([*tags, "O"]):
        inside = t.startswith("I-") and t[2:] == kind and start >= 0
        if not inside:
            if start >= 0:
                out.add((kind, start, i))
            start, kind = (i, t[2:]) if t != "O" else (-1, "")
    return out


def predict(sent: Sentence) -> list[str]:
    """BIO tags from the dictionary matcher for one sentence (tokens joined by spaces)."""
    from rasad.actors import find_places, link_actors, load_gazetteer
    from rasad.text.normalize import normalize

    g = load_gazetteer(())
    text = " ".join(sent.tokens)
    starts, pos = [], 0
    for t in sent.tokens:
        starts.append(pos)
        pos += len(t) + 1
    n = normalize(text)
    spans: list[tuple[str, int, int]] = []
    for a in link_actors(text, n, g, None):
        if a.kind == "person" and a.via in ("name", "coref", "context"):
            spans.append(("PER", a.start, a.end))
    spans += [("LOC", p.start, p.end) for p in find_places(text, n, g)]
    tags = ["O"] * len(sent.tokens)
    for kind, s, e in sorted(spans, key=lambda x: (x[1], -(x[2] - x[1]))):
        idx = [i for i, st in enumerate(starts) if st < e and s < st + len(sent.tokens[i])]
        if not idx or any(tags[i] != "O" for i in idx):
            continue
        tags[idx[0]] = f"B-{kind}"
        for i in idx[1:]:
            tags[i] = f"I-{kind}"
    return tags


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]
          ) -> tuple[dict[str, Score], dict[str, Score]]:
    """Entity-level and token-level scores per type."""
    ent = {t: Score() for t in TYPES}
    tok = {t: Score() for t in TYPES}
    for gt, pt in zip(gold, pred, strict=True):
        ge, pe = entities(gt), entities(pt)
        for t in TYPES:
            g_t = {x for x in ge if x[0] == t}
            p_t = {x for x in pe if x[0] == t}
            ent[t].tp += len(g_t & p_t)
            ent[t].fp += len(p_t - g_t)
            ent[t].fn += len(g_t - p_t)
            for a, b in zip(gt, pt, strict=True):
                ga, pb = a[2:] == t, b[2:] == t
                tok[t].tp += ga and pb
                tok[t].fp += pb and not ga
                tok[t].fn += ga and not pb
    return ent, tok


def table(ent: dict[str, Score], tok: dict[str, Score]) -> str:
    rows = ["| type | P | R | F1 | token P | token R | token F1 |",
            "|---|---|---|---|---|---|---|"]
    for t in TYPES:
        e, k = ent[t], tok[t]
        rows.append(f"| {t} | {e.p:.3f} | {e.r:.3f} | {e.f1:.3f} | {k.p:.3f} | {k.r:.3f} | "
                    f"{k.f1:.3f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--split", choices=("test", "dev", "all"), default="test")
    ap.add_argument("--errors", type=int, default=0, help="show N missed and N spurious "
                    "entities (use with --split dev)")
    args = ap.parse_args(argv)
    sents = split(read_conll(args.corpus.read_text(encoding="utf-8").splitlines()),
                  args.split)
    preds = [predict(s) for s in sents]
    ent, tok = score([s.tags for s in sents], preds)
    print(f"{args.corpus.name} [{args.split}]: {len(sents)} sentences, "
          f"{sum(len(s.tokens) for s in sents)} tokens")
    print(table(ent, tok))
    if args.errors:
        missed: Counter[str] = Counter()
        spurious: Counter[str] = Counter()
        for s, p in zip(sents, preds, strict=True):
            ge, pe = entities(s.tags), entities(p)
            for t, a, b in ge - pe:
                if t in TYPES:
                    missed[f"{t} {' '.join(s.tokens[a:b])}"] += 1
            for t, a, b in pe - ge:
                spurious[f"{t} {' '.join(s.tokens[a:b])}"] += 1
        print("\nmissed:", *(f"  {k} ×{v}" for k, v in missed.most_common(args.errors)),
              sep="\n")
        print("\nspurious:", *(f"  {k} ×{v}" for k, v in spurious.most_common(args.errors)),
              sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
