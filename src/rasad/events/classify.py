"""A small learned sentence classifier for ASSAULT and PROTEST.

Trained by ``tools/train_gsr.py`` on the even-id half of the Open Event Data Alliance's
Arabic gold sentences (``../shared/data/arabic_event_gsr``) and measured on the odd-id
half, which nothing was trained or tuned on (docs/events_model.md has the split and the
results). The model ships as ``rasad/data/gsr_model.json``; inference is pure Python over
one Aho-Corasick automaton (pyahocorasick, already a dependency) — no scikit-learn at run
time, and no work at import time.

Features, for each type (one logistic regression per type):

* lexical: counts of character n-grams and whole words / word pairs of the normalized
  sentence (digits folded to ``0``, punctuation to spaces, padded with spaces, so
  ``" قصف "`` is the whole word and ``" 0 قتلي"`` a number before "killed"), weighted
  ``(1 + log tf) * idf`` and L2-normalized over the model's vocabulary;
* rules: what the trigger lexicon (triggers.yaml, cues.yaml) says about the sentence —
  a strong or weak trigger of the type, a negation, condition, threat or prevention
  word just before it, a casualty count, reported speech, history, sports.

``score(sentence)`` gives P(type) per type; ``predict(sentence)`` the types whose
probability reaches the threshold stored in the model file (chosen by cross-validation
on the training half).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rasad.text.normalize import norm

TYPES = ("ASSAULT", "PROTEST")
MODEL_NAME = "gsr_model.json"
FORMAT = "rasad-gsr-linear/1"

_NONWORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")
_TOKEN = re.compile(r"\w+")

# -- lexical features ---------------------------------------------------------------------


def prepare(sentence: str) -> str:
    """The string lexical features are read from: normalized Arabic, every run of digits
    folded to one ``0``, punctuation to single spaces, one space on each side."""
    t = _DIGITS.sub("0", norm(sentence))
    t = _NONWORD.sub(" ", t).strip()
    return f" {t} "


def candidate_keys(prepared: str, char_min: int = 2, char_max: int = 5,
                   word_ngrams: int = 2) -> set[str]:
    """Every feature key a prepared string offers (training only: the model keeps some).

    A key is a substring of the prepared string: character n-grams (spaces included, so
    they mark word edges) and whole words or word pairs wrapped in spaces. Its value in a
    sentence is the number of times it occurs there (overlaps counted), which is what the
    run-time automaton counts.
    """
    keys: set[str] = set()
    n = len(prepared)
    for k in range(char_min, char_max + 1):
        for i in range(n - k + 1):
            g = prepared[i:i + k]
            if g.strip():
                keys.add(g)
    words = prepared.split()
    for k in range(1, word_ngrams + 1):
        for i in range(len(words) - k + 1):
            keys.add(" " + " ".join(words[i:i + k]) + " ")
    return keys


# -- rule features --------------------------------------------------------------------------

RULE_FEATURES = ("strong", "weak", "verb", "many", "neg_before", "modal_before", "other_type",
                 "blocked", "casualty", "speech", "history", "opinion", "sports", "question")

_CASUALTY_WORDS = frozenset(norm(w) for w in [
    "قتل", "قتلى", "قتيل", "قتيلا", "قتيلان", "قتيلين", "مقتل", "مصرع", "حتفه", "حتفهم",
    "جرح", "جرحى", "جريح", "جريحا", "اصابة", "إصابة", "إصابات", "اصيب", "أصيب", "أصيبوا",
    "اصيبوا", "بجروح", "استشهد", "استشهاد", "شهيد", "شهداء", "ضحايا", "ضحية", "قتلوا",
    "لقي", "لقوا", "مقتله", "مقتلهم", "جثث", "جثة"])
_NUMBER_WORDS = frozenset(norm(w) for w in [
    "0", "واحد", "اثنان", "اثنين", "شخصان", "شخصين", "ثلاثة", "اربعة", "خمسة", "ستة",
    "سبعة", "ثمانية", "تسعة", "عشرة", "عشرات", "مئات", "الاف", "آلاف", "عدد", "عشرين",
    "ثلاثين", "اربعين", "خمسين", "مئة", "مائة", "جنديين", "مدنيين", "شخصا", "اشخاص"])
_STRIP_CLITIC = ("و", "ف", "ب", "ل")


def _bare(tok: str) -> str:
    return tok[1:] if len(tok) > 3 and tok[0] in _STRIP_CLITIC else tok


def rule_features(sentence: str, etype: str) -> dict[str, float]:
    """What the lexicons say about one sentence, for one event type (0/1 values)."""
    from rasad.events.lexicons import load_event_lexicons

    lx = load_event_lexicons()
    ntext = norm(sentence)
    out: dict[str, float] = {}
    own = []
    for m in lx.triggers.find(ntext):
        types = {p.type for p in m.payloads}
        if etype in types:
            own.append(m)
            mine = [p for p in m.payloads if p.type == etype]
            if any(p.strong for p in mine):
                out["strong"] = 1.0
            else:
                out["weak"] = 1.0
            if any(p.pos == "verb" for p in mine):
                out["verb"] = 1.0
        elif "BLOCK" in types:
            out["blocked"] = 1.0
        else:
            out["other_type"] = 1.0
    if len(own) > 1:
        out["many"] = 1.0
    toks = _TOKEN.findall(ntext)
    tokset = set(toks)
    for m in own[:3]:
        before = _TOKEN.findall(ntext[max(0, m.start - 60):m.start])
        if any(lx.is_cue("negation", t) for t in before[-3:]):
            out["neg_before"] = 1.0
        if any(lx.is_cue(c, t) for t in before[-6:] for c in (
                "hypothetical", "threat_cues", "future_planned", "prevention_cues",
                "purpose_cues", "failure_cues")):
            out["modal_before"] = 1.0
    bare = [_bare(t) for t in toks]
    for i, t in enumerate(bare):
        if t in _CASUALTY_WORDS and any(
                w in _NUMBER_WORDS or w.isdigit() for w in bare[max(0, i - 3):i + 4]):
            out["casualty"] = 1.0
            break
    if any(lx.is_cue("speech_verbs", _bare(t)) or lx.is_cue("speech_verbs", t) for t in toks):
        out["speech"] = 1.0
    if any(lx.is_cue("historical_cues", t) for t in tokset):
        out["history"] = 1.0
    if any(lx.is_cue("opinion_cues", t) for t in tokset):
        out["opinion"] = 1.0
    if sum(1 for t in tokset if lx.is_cue("sports_context", t)) >= 2:
        out["sports"] = 1.0
    if any(lx.is_cue("question_cues", t) for t in tokset) or "?" in ntext:
        out["question"] = 1.0
    return out


# -- the model ------------------------------------------------------------------------------


@dataclass
class TypeModel:
    """One logistic regression over (lexical, rule) features."""

    idf: dict[int, float]  # vocabulary index -> idf (the type's lexical features)
    coef: dict[int, float]  # vocabulary index -> weight (non-zero weights only)
    rules: dict[str, float]  # rule feature -> weight
    bias: float
    threshold: float
    use_rules: bool = True


@dataclass
class Model:
    vocab: list[str]
    types: dict[str, TypeModel]
    meta: dict[str, Any] = field(default_factory=dict)
    _auto: Any = None

    def automaton(self) -> Any:
        if self._auto is None:
            import ahocorasick

            a = ahocorasick.Automaton()
            for i, key in enumerate(self.vocab):
                a.add_word(key, i)
            a.make_automaton()
            self._auto = a
        return self._auto

    def counts(self, prepared: str) -> dict[int, int]:
        """Occurrences of every vocabulary key in a prepared string (overlaps counted)."""
        c: dict[int, int] = {}
        get = c.get
        for _, i in self.automaton().iter(prepared):
            c[i] = get(i, 0) + 1
        return c

    def decision(self, sentence: str) -> dict[str, float]:
        """The linear score (log-odds) per type."""
        counts = self.counts(prepare(sentence))
        out: dict[str, float] = {}
        for etype, tm in self.types.items():
            sq = 0.0
            dot = 0.0
            idf = tm.idf
            coef = tm.coef
            for i, c in counts.items():
                w = idf.get(i)
                if w is None:
                    continue
                x = (1.0 + math.log(c)) * w if c > 1 else w
                sq += x * x
                dot += x * coef.get(i, 0.0)
            z = tm.bias + (dot / math.sqrt(sq) if sq > 0 else 0.0)
            if tm.use_rules and tm.rules:
                for name, v in rule_features(sentence, etype).items():
                    z += v * tm.rules.get(name, 0.0)
            out[etype] = z
        return out

    def score(self, sentence: str) -> dict[str, float]:
        return {t: _sigmoid(z) for t, z in self.decision(sentence).items()}

    def predict(self, sentence: str) -> set[str]:
        return {t for t, p in self.score(sentence).items() if p >= self.types[t].threshold}


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def model_from_dict(data: dict[str, Any]) -> Model:
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} model: {data.get('format')!r}")
    vocab = list(data["vocab"])
    types: dict[str, TypeModel] = {}
    for etype, t in data["types"].items():
        idx: Iterable[int] = t["index"]
        idf = dict(zip(idx, t["idf"], strict=True))
        coef = {i: c for i, c in zip(t["index"], t["coef"], strict=True) if c != 0.0}
        types[etype] = TypeModel(idf=idf, coef=coef, rules=dict(t.get("rules") or {}),
                                 bias=float(t["bias"]), threshold=float(t["threshold"]),
                                 use_rules=bool(t.get("rules")))
    return Model(vocab=vocab, types=types, meta=dict(data.get("meta") or {}))


def model_path() -> Any:
    return resources.files("rasad") / "data" / MODEL_NAME


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model (read once, on first use)."""
    return model_from_dict(json.loads(model_path().read_text(encoding="utf-8")))


def score(sentence: str) -> dict[str, float]:
    """P(ASSAULT) and P(PROTEST) for one sentence."""
    return load_model().score(sentence)


def predict(sentence: str) -> set[str]:
    """The event types whose probability reaches the model's threshold."""
    return load_model().predict(sentence)
