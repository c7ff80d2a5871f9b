"""Page vectors for story clustering: content words of the title and lead (light-stemmed,
normalized Arabic, stop words of data/stop_words.yaml left out) plus the page's actors,
places and event types, weighted by TF-IDF with document frequencies kept in the store (so
the weights follow the corpus as it grows)."""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import yaml

from rasad.records import Extraction
from rasad.text.normalize import norm

_WORD = re.compile(r"[\u0621-\u064a\w]+")
_PREFIXES = ("وبال", "وال", "بال", "فال", "لل", "كال", "ال", "و", "ف", "ب", "ل")
_SUFFIXES = ("هما", "هم", "ها", "ات", "ون", "ين", "ه", "ة")
LEAD_WORDS = 120
TOP_TERMS = 40


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The story stage's stop words (data/stop_words.yaml), normalized."""
    text = (resources.files("rasad") / "data" / "stop_words.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    return frozenset(norm(str(w)).strip() for w in data.get("stop_words") or [])


def stem(word: str) -> str:
    """A light stem: clitic prefixes and common suffixes off, keeping at least 3 letters."""
    w = word
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    for s in _SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[: -len(s)]
            break
    return w


def terms(x: Extraction) -> Counter[str]:
    """Raw term counts of a page (words of title and lead, entity and event features)."""
    c: Counter[str] = Counter()
    d = x.document
    stop = stop_words()
    words = _WORD.findall(norm(d.title or ""))
    for w in words:
        if w not in stop and not w.isdigit() and len(w) > 2:
            c["w:" + stem(w)] += 2
    for w in _WORD.findall(norm(d.text))[:LEAD_WORDS]:
        if w not in stop and not w.isdigit() and len(w) > 2:
            c["w:" + stem(w)] += 1
    for a in x.actors:
        if a.id and a.via != "adjective":
            c["a:" + a.id] += 1
    for p in x.places:
        c["p:" + p.id] += 1
    for e in x.events:
        c["e:" + e.type] += 1
    return c


def tfidf(counts: Counter[str], df: dict[str, int], n_docs: int) -> dict[str, float]:
    """Sublinear TF times smoothed IDF, L2-normalized, top terms only."""
    vec = {t: (1 + math.log(c)) * math.log((1 + n_docs) / (1 + df.get(t, 0)) + 1)
           for t, c in counts.items()}
    top = dict(sorted(vec.items(), key=lambda kv: -kv[1])[:TOP_TERMS])
    norm2 = math.sqrt(sum(v * v for v in top.values())) or 1.0
    return {t: v / norm2 for t, v in top.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    nb = math.sqrt(sum(v * v for v in b.values())) or 1.0
    na = math.sqrt(sum(v * v for v in a.values())) or 1.0
    return dot / (na * nb)
