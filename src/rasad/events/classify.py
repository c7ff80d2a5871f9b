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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from rasad.text.normalize import norm

TYPES = ("ASSAULT", "PROTEST")
MODEL_NAME = "gsr_model.json"
FORMAT = "rasad-gsr-linear/2"
FORMATS = ("rasad-gsr-linear/1", FORMAT)  # the formats `model_from_dict` reads (/1: no structure)

_NONWORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")
_TOKEN = re.compile(r"\w+")

# -- lexical features ---------------------------------------------------------------------


def prepare(sentence: str) -> str:
    """The string lexical features are read from: normalized Arabic, every run of digits
    folded to one ``0``, punctuation to single spaces, one space on each side."""
    return _prepare_normalized(norm(sentence))


def _prepare_normalized(ntext: str) -> str:
    t = _NONWORD.sub(" ", _DIGITS.sub("0", ntext)).strip()
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

RULE_FEATURES = ("strong", "weak", "verb", "many", "first", "neg_before", "modal_before",
                 "other_type", "blocked", "casualty", "crowd", "speech", "history", "opinion",
                 "sports", "question")

_CASUALTY_WORDS = frozenset(norm(w) for w in [
    "قتل", "قتلى", "قتيل", "قتيلا", "قتيلان", "قتيلين", "مقتل", "مصرع", "حتفه", "حتفهم",
    "جرح", "جرحى", "جريح", "جريحا", "اصابة", "إصابة", "إصابات", "اصيب", "أصيب", "أصيبوا",
    "اصيبوا", "بجروح", "استشهد", "استشهاد", "شهيد", "شهداء", "ضحايا", "ضحية", "قتلوا",
    "لقي", "لقوا", "مقتله", "مقتلهم", "جثث", "جثة"])
_NUMBER_WORDS = frozenset(norm(w) for w in [
    "0", "واحد", "اثنان", "اثنين", "شخصان", "شخصين", "ثلاثة", "اربعة", "خمسة", "ستة",
    "سبعة", "ثمانية", "تسعة", "عشرة", "عشرات", "مئات", "الاف", "آلاف", "عدد", "عشرين",
    "ثلاثين", "اربعين", "خمسين", "مئة", "مائة", "جنديين", "مدنيين", "شخصا", "اشخاص"])
_CROWD_NUMBERS = frozenset(norm(w) for w in [
    "0", "عشرات", "مئات", "الاف", "آلاف", "الآلاف", "مئات الالاف", "عشرات الالاف", "الف",
    "ألف", "حشد", "حشود", "جموع", "الاف", "نحو", "حوالي", "زهاء", "قرابة"])
_STRIP_CLITIC = ("و", "ف", "ب", "ل")


def _bare(tok: str) -> str:
    return tok[1:] if len(tok) > 3 and tok[0] in _STRIP_CLITIC else tok


def rule_features(sentence: str, etype: str) -> dict[str, float]:
    """What the lexicons say about one sentence, for one event type (0/1 values)."""
    return rule_features_all(sentence, (etype,))[etype]


def rule_features_all(sentence: str, types: Iterable[str] = TYPES) -> dict[str, dict[str, float]]:
    """Rule features of one sentence for several types (one trigger scan)."""
    return _rule_features_normalized(norm(sentence), tuple(types))


def _rule_features_normalized(ntext: str, types: tuple[str, ...],
                              matches: list[Any] | None = None) -> dict[str, dict[str, float]]:
    from rasad.events.lexicons import load_event_lexicons

    lx = load_event_lexicons()
    cues = lx.cues
    empty: frozenset[str] = frozenset()
    if matches is None:
        matches = lx.triggers.find(ntext)
    toks = _TOKEN.findall(ntext)
    tokset = set(toks)
    bare = [_bare(t) for t in toks]
    bareset = set(bare)
    common: dict[str, float] = {}
    if bareset & _CASUALTY_WORDS:
        for i, t in enumerate(bare):
            if t in _CASUALTY_WORDS and any(
                    w in _NUMBER_WORDS or w.isdigit() for w in bare[max(0, i - 3):i + 4]):
                common["casualty"] = 1.0
                break
    speech = cues.get("speech_verbs", empty)
    if tokset & speech or bareset & speech:
        common["speech"] = 1.0
    if tokset & cues.get("historical_cues", empty):
        common["history"] = 1.0
    if tokset & cues.get("opinion_cues", empty):
        common["opinion"] = 1.0
    if len(tokset & cues.get("sports_context", empty)) >= 2:
        common["sports"] = 1.0
    if tokset & cues.get("question_cues", empty) or "?" in ntext:
        common["question"] = 1.0
    return {etype: {**common, **_trigger_features(lx, ntext, matches, etype)}
            for etype in types}


def _trigger_features(lx: Any, ntext: str, matches: list[Any], etype: str) -> dict[str, float]:
    out: dict[str, float] = {}
    own: list[Any] = []
    seen_other = False
    for m in matches:
        types = {p.type for p in m.payloads}
        if etype in types:
            if not own and not seen_other:
                out["first"] = 1.0
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
            seen_other = True
    if len(own) > 1:
        out["many"] = 1.0
    for m in own[:3]:
        before = _TOKEN.findall(ntext[max(0, m.start - 60):m.start])
        if any(lx.is_cue("negation", t) for t in before[-3:]):
            out["neg_before"] = 1.0
        if any(lx.is_cue(c, t) for t in before[-6:] for c in _MODAL_CUES):
            out["modal_before"] = 1.0
    if own:
        # a crowd size just before the type's first trigger ("خمسة آلاف متظاهر")
        near = [_bare(t) for t in _TOKEN.findall(ntext[max(0, own[0].start - 30):own[0].start])]
        if any(t in _CROWD_NUMBERS or t.isdigit() for t in near[-3:]):
            out["crowd"] = 1.0
    return out


_MODAL_CUES = ("hypothetical", "threat_cues", "future_planned", "prevention_cues",
               "purpose_cues", "failure_cues")


# -- structure features ------------------------------------------------------------------------

STRUCT_FEATURES = ("recent", "source", "comment", "plural", "ordinal", "demonst", "legal", "year",
                   "cause", "result", "demand", "call", "police", "length", "fig_casualty",
                   "fig_detained", "fig_count", "time_relative", "time_date", "quote",
                   "trig_pos", "trig_early", "trig_count", "trig_after_prep", "trig_verb",
                   "no_trig", "ev", "ev_head", "noun", "def_only", "secondary", "anaph")
FEATURES_FILE = "gsr_features.yaml"
_PREPS = frozenset(("في", "علي", "من", "عن", "الي", "بعد", "منذ", "قبل"))


@dataclass(frozen=True)
class _Lists:
    cues: dict[str, frozenset[str]]
    event_verbs: dict[str, frozenset[str]]
    openers: frozenset[str]
    protest_nouns: frozenset[str]
    protesters_definite: frozenset[str]
    protest_secondary: frozenset[str]
    assault_anaphora: frozenset[str]
    anaphora_after: frozenset[str]
    anaphora_before: frozenset[str]


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    import yaml

    data = yaml.safe_load((resources.files("rasad") / "data" / FEATURES_FILE)
                          .read_text(encoding="utf-8"))

    def words(xs: Iterable[str]) -> frozenset[str]:
        return frozenset(norm(str(w)) for w in xs)

    return _Lists(
        cues={k: words(v) for k, v in data["cues"].items()},
        event_verbs={k: words(v) for k, v in data["event_verbs"].items()},
        **{k: words(data[k]) for k in ("openers", "protest_nouns", "protesters_definite",
                                        "protest_secondary", "assault_anaphora",
                                        "anaphora_after", "anaphora_before")})


def structure_features(sentence: str, etype: str) -> dict[str, float]:
    """How the sentence is built around the event (values in [0, 1]; see gsr_features.yaml):
    cue families, length, casualty figures (rasad.events.figures), time expressions
    (rasad.time), quotes, where the type's first trigger stands, and whether an event verb
    is the main predicate or the event is only referred back to."""
    from rasad.events.lexicons import load_event_lexicons

    ntext = norm(sentence)
    matches = load_event_lexicons().triggers.find(ntext)
    return _structure_normalized(sentence, ntext, matches, etype)


@dataclass
class _Common:
    """The type-independent part of the structure features of one sentence."""

    features: dict[str, float]
    bare: list[str]
    words: set[str]
    n: int


def _structure_normalized(sentence: str, ntext: str, matches: list[Any], etype: str,
                          common: _Common | None = None) -> dict[str, float]:
    common = common or _structure_common(sentence, ntext)
    f = dict(common.features)
    f.update(_structure_typed(ntext, matches, etype, common))
    return f


def _structure_common(sentence: str, ntext: str) -> _Common:
    from rasad.events.figures import find_figures
    from rasad.time.extract import find_time_expressions

    ls = _lists()
    toks = _TOKEN.findall(ntext)
    n = max(1, len(toks))
    bare = [_bare(t) for t in toks]
    words = set(toks) | set(bare)
    f: dict[str, float] = {}
    for name, ws in ls.cues.items():
        if words & ws:
            f[name] = 1.0
    f["length"] = math.log(n) / 4
    figs = find_figures(sentence)
    cats = {g.category for g in figs}
    if cats & {"killed", "injured"}:
        f["fig_casualty"] = 1.0
    if "detained" in cats:
        f["fig_detained"] = 1.0
    if figs:
        f["fig_count"] = math.log1p(len(figs)) / 2
    times = find_time_expressions(sentence, None)
    if any(e.kind == "relative" for e in times):
        f["time_relative"] = 1.0
    if any(e.precision == "year" or (e.value and len(e.value) >= 4 and e.kind == "date")
           for e in times):
        f["time_date"] = 1.0
    if "«" in sentence or '"' in sentence or "“" in sentence:
        f["quote"] = 1.0
    return _Common(f, bare, words, n)


def _structure_typed(ntext: str, matches: list[Any], etype: str, common: _Common
                     ) -> dict[str, float]:
    ls = _lists()
    bare, words, n = common.bare, common.words, common.n
    f: dict[str, float] = {}
    own = [m for m in matches if any(p.type == etype for p in m.payloads)]
    if own:
        first = own[0]
        pos = len(_TOKEN.findall(ntext[:first.start]))
        f["trig_pos"] = pos / n
        if pos <= 4:
            f["trig_early"] = 1.0
        f["trig_count"] = math.log1p(len(own)) / 2
        prev = _TOKEN.findall(ntext[max(0, first.start - 20):first.start])
        if prev and prev[-1] in _PREPS:
            f["trig_after_prep"] = 1.0
        if any(p.pos == "verb" for m in own for p in m.payloads if p.type == etype):
            f["trig_verb"] = 1.0
    else:
        f["no_trig"] = 1.0
    head = set([b for b in bare[:8] if b not in ls.openers][:4])
    verbs = ls.event_verbs.get(etype, frozenset())
    has_verb = bool(words & verbs)
    if etype == "PROTEST":
        if has_verb:
            f["ev"] = 1.0
        if head & verbs:
            f["ev_head"] = 1.0
        if words & ls.protest_nouns:
            f["noun"] = 1.0
        if words & ls.protesters_definite and not has_verb and not words & ls.protest_nouns:
            f["def_only"] = 1.0
        if head & ls.protest_secondary and words & ls.protesters_definite:
            f["secondary"] = 1.0
    elif etype == "ASSAULT":
        if head & verbs:
            f["ev_head"] = 1.0
        if has_verb:
            f["ev"] = 1.0
        for i, b in enumerate(bare):
            if b in ls.assault_anaphora and (
                    (i + 1 < len(bare) and bare[i + 1] in ls.anaphora_after)
                    or (i and bare[i - 1] in ls.anaphora_before)):
                f["anaph"] = 1.0
                break
    return f


# -- the model ------------------------------------------------------------------------------


@dataclass
class TypeModel:
    """One logistic regression over (lexical, rule) features."""

    idf: dict[int, float]  # vocabulary index -> idf (the type's lexical features)
    coef: dict[int, float]  # vocabulary index -> weight (non-zero weights only)
    rules: dict[str, float]  # rule feature -> weight
    bias: float
    threshold: float
    structure: dict[str, float] = field(default_factory=dict)  # structure feature -> weight


@dataclass
class Model:
    vocab: list[str]
    types: dict[str, TypeModel]
    meta: dict[str, Any] = field(default_factory=dict)
    _auto: Any = field(default=None, repr=False, compare=False)
    _arrays: Any = field(default=None, repr=False, compare=False)

    @property
    def rule_types(self) -> tuple[str, ...]:
        return tuple(t for t, tm in self.types.items() if tm.rules or tm.structure)

    def automaton(self) -> Any:
        if self._auto is None:
            import ahocorasick

            a = ahocorasick.Automaton()
            for i, key in enumerate(self.vocab):
                a.add_word(key, i)
            a.make_automaton()
            self._auto = a
        return self._auto

    def _dense(self) -> tuple[Any, Any, Any]:
        """(idf, coef) as (types x vocabulary) arrays (idf 0: not the type's feature), bias."""
        if self._arrays is None:
            import numpy as np

            idf = np.zeros((len(self.types), len(self.vocab)))
            coef = np.zeros_like(idf)
            for r, tm in enumerate(self.types.values()):
                for i, v in tm.idf.items():
                    idf[r, i] = v
                for i, v in tm.coef.items():
                    coef[r, i] = v
            bias = np.array([tm.bias for tm in self.types.values()])
            self._arrays = (idf, coef, bias)
        return self._arrays

    def counts(self, prepared: str) -> dict[int, int]:
        """Occurrences of every vocabulary key in a prepared string (overlaps counted)."""
        return Counter([i for _, i in self.automaton().iter(prepared)])

    def decision(self, sentence: str) -> dict[str, float]:
        """The linear score (log-odds) per type."""
        import numpy as np

        idf, coef, bias = self._dense()
        z = bias.copy()
        ntext = norm(sentence)
        counts = self.counts(_prepare_normalized(ntext))
        if counts:
            n = len(counts)
            idx = np.fromiter(counts.keys(), dtype=np.intp, count=n)
            tf = np.fromiter(counts.values(), dtype=np.float64, count=n)
            x = idf.take(idx, axis=1) * (1.0 + np.log(tf))
            sq = (x * x).sum(axis=1)
            dot = (x * coef.take(idx, axis=1)).sum(axis=1)
            z += dot / np.sqrt(np.maximum(sq, 1e-300))  # dot is 0 where sq is
        out = dict(zip(self.types, z.tolist(), strict=True))
        rule_types = self.rule_types
        if rule_types:
            from rasad.events.lexicons import load_event_lexicons

            matches = load_event_lexicons().triggers.find(ntext)
            rules = _rule_features_normalized(ntext, rule_types, matches)
            common = None
            for etype in rule_types:
                tm = self.types[etype]
                out[etype] += sum(v * tm.rules.get(name, 0.0) for name, v in rules[etype].items())
                if tm.structure:
                    common = common or _structure_common(sentence, ntext)
                    st = _structure_normalized(sentence, ntext, matches, etype, common)
                    out[etype] += sum(v * tm.structure.get(name, 0.0) for name, v in st.items())
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
    if data.get("format") not in FORMATS:
        raise ValueError(f"not a {FORMAT} model: {data.get('format')!r}")
    vocab = list(data["vocab"])
    types: dict[str, TypeModel] = {}
    for etype, t in data["types"].items():
        idx: Iterable[int] = t["index"]
        idf = dict(zip(idx, t["idf"], strict=True))
        coef = {i: c for i, c in zip(t["index"], t["coef"], strict=True) if c != 0.0}
        types[etype] = TypeModel(idf=idf, coef=coef, rules=dict(t.get("rules") or {}),
                                 bias=float(t["bias"]), threshold=float(t["threshold"]),
                                 structure=dict(t.get("structure") or {}))
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


# -- the held-out measurement ---------------------------------------------------------------

GSR_FILES = {"ASSAULT": "assault_gsr.csv", "PROTEST": "protest_gsr.csv"}


def is_heldout(row_id: str) -> bool:
    """The fixed split of the gold sentences: a row is held out iff its id ends in an odd
    digit (1 3 5 7 9); the model was trained and tuned on the others only."""
    return row_id[-1:] in ("1", "3", "5", "7", "9")


def heldout_rows(data_dir: Any, etype: str) -> list[tuple[str, int]]:
    """(sentence, 1 if "yes" else 0) for the held-out rows of one type; "ambiguous" rows are
    left out (neither positive nor negative)."""
    import csv
    from pathlib import Path

    path = Path(data_dir) / GSR_FILES[etype]
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["text"], int(r["label"].strip() == "yes")) for r in csv.DictReader(f)
                if is_heldout(r["id"]) and r["label"].strip() != "ambiguous"]


def evaluate_heldout(data_dir: Any, model: Model | None = None) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 of `predict` per type on the held-out gold sentences
    (``../shared/data/arabic_event_gsr``)."""
    model = model or load_model()
    out: dict[str, dict[str, float]] = {}
    for etype in TYPES:
        tp = fp = fn = 0
        rows = heldout_rows(data_dir, etype)
        for text, y in rows:
            hit = model.score(text)[etype] >= model.types[etype].threshold
            tp += hit and y
            fp += hit and not y
            fn += (not hit) and y
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[etype] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                      "n": len(rows), "positives": tp + fn}
    return out
