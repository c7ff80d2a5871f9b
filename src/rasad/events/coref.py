"""Cross-sentence actor coreference: who a description or a dropped subject refers to.

News names an actor once and then refers back to it:

* a **bare description** — an office noun ("وأضاف الوزير"، "وتابع الرئيس"، "وأشار
  المتحدث"; the `anaphors:` of roles.yaml) or an institution noun ("وقال الجيش"،
  "وقصفت القوات"، "وقالت الحركة"; data/coref.yaml) — is resolved to the most salient
  earlier mention it fits: a person who held that office on the page's date (of the
  country of an adjective that follows: "الوزير الروسي"), or an institution of a fitting
  kind whose mention or dictionary name holds the noun. In the nearest sentence with a
  fitting mention, one actor must stand out (the only one, or the only one that is the
  sentence's subject); else the description stays unresolved;
* a **dropped subject** — a clause-initial verb with no subject of its own ("وأضاف أن"،
  "وقالت إن"، "ودعا روسيا إلى": a masculine verb, so the feminine روسيا is its object) —
  continues the subject of the nearest earlier sentence that has one, when the verb agrees
  with it in gender; a sentence whose subject the dictionary does not know ("وقالت مصادر
  محلية") ends the chain. "وقال البيان" takes the subject of the sentence before, too.

Windows (sentences back, paragraph breaks crossed), the institution nouns and the gender
lists are data (data/coref.yaml). The result is the linker's mentions plus new ones:
descriptions (``via="coref"``, their own span) and dropped subjects (``via="zero"``, the
span of the verb that carries them); the quote finder and the event coder read both like
any other mention. A wrong actor is worse than none: every rule can only leave it empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from importlib import resources
from itertools import pairwise
from typing import Any

from rasad.actors.gazetteer import Gazetteer, definite_nisba
from rasad.events.lexicons import EventLexicons, load_event_lexicons, load_object_frames
from rasad.records import ActorRef, Sentence
from rasad.text.function_words import has_article, without_conjunction
from rasad.text.normalize import norm
from rasad.text.tokens import WORD as _WORD_D
from rasad.text.tokens import Token, tokens
from rasad.time.lexicon import TIME_WORDS

_WORD = re.compile(r"\w+")
_TA_MARBUTA = "ة"
# a direct quotation (the quote finder's pattern, rasad.events.quotes)
DIRECT_QUOTE = re.compile(r"«([^«»]{3,3000}?)»|“([^“”]{3,3000}?)”|\"([^\"\n]{3,3000}?)\"|"
                          r"”([^”“\n]{3,3000}?)”")
_SUBORDINATORS = frozenset(norm(w) for w in ["أن", "إن", "بأن", "وأن", "وإن", "لأن"])
# "المتحدث باسم الجيش": the body a spokesman speaks for, and a statement's author
_ON_BEHALF = frozenset(norm(w) for w in ["باسم", "بإسم"])
# "وكانت الجماعة قد استهدفت": the auxiliary of the pluperfect stands where a verb would
_AUXILIARY = frozenset(norm(w) for w in ["كان", "كانت", "كانوا", "كانا", "كانتا"])
_STATEMENT_HEADS = frozenset(norm(w) for w in ["بيان", "بلاغ", "تصريح", "تصريحات"])
_PREPOSITIONS = frozenset(norm(w) for w in [
    "في", "على", "عن", "من", "إلى", "الى", "مع", "ضد", "بين", "لدى", "عند", "خلال", "عبر",
    "بعد", "قبل", "عقب", "نحو", "تجاه", "حول", "بشأن", "أمام", "وفي", "وعلى", "ومن", "وإلى",
    "ومع", "وخلال", "وبعد", "وعقب"])

PREPOSITIONS = _PREPOSITIONS  # for the quote finder


@dataclass(frozen=True, slots=True)
class Window:
    sentences: int
    paragraphs: int


@dataclass(frozen=True)
class CorefData:
    """The word lists of data/coref.yaml, normalized."""

    dropped: Window = Window(2, 1)
    description: Window = Window(4, 2)
    institution_nouns: dict[str, frozenset[str]] = field(default_factory=dict)  # bare noun
    statement_nouns: frozenset[str] = frozenset()
    article_ok: frozenset[str] = frozenset()
    office_ok: frozenset[str] = frozenset()
    openers: tuple[tuple[str, ...], ...] = ()  # token sequences, longest first
    after_dropped: frozenset[str] = frozenset()
    feminine_people: frozenset[str] = frozenset()
    masculine_countries: frozenset[str] = frozenset()
    masculine_heads: frozenset[str] = frozenset()
    feminine_heads: frozenset[str] = frozenset()
    masculine_ta_marbuta: frozenset[str] = frozenset()
    impersonal: frozenset[str] = frozenset()
    passive_prone: frozenset[str] = frozenset()
    bl_nouns: frozenset[str] = frozenset()
    positions: frozenset[str] = frozenset({"after_verb", "after_preposition"})
    possessive_forces: frozenset[str] = frozenset()
    possessive_country: frozenset[str] = frozenset()
    possessive_speakers: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()  # "قوات الجبهة": after_member position


def _words(v: Any) -> list[str]:
    return [str(x) for x in v] if isinstance(v, list) else []


def _normset(v: Any) -> frozenset[str]:
    return frozenset(norm(w).strip() for w in _words(v) if str(w).strip())


def _window(v: Any, default: Window) -> Window:
    if not isinstance(v, dict):
        return default
    return Window(int(v.get("sentences", default.sentences)),
                  int(v.get("paragraphs", default.paragraphs)))


@lru_cache(maxsize=1)
def load_coref_data() -> CorefData:
    """data/coref.yaml, parsed once."""
    import yaml

    f = resources.files("rasad") / "data" / "coref.yaml"
    d: dict[str, Any] = (yaml.safe_load(f.read_text(encoding="utf-8")) or {}) \
        if f.is_file() else {}
    win = d.get("windows") or {}
    inst: dict[str, frozenset[str]] = {}
    for noun, kinds in (d.get("institution_nouns") or {}).items():
        inst[_strip_article(norm(str(noun)))] = frozenset(_words(kinds))
    openers = sorted((tuple(norm(o).split()) for o in _words(d.get("openers"))),
                     key=len, reverse=True)
    return CorefData(
        dropped=_window(win.get("dropped_subject"), Window(2, 1)),
        description=_window(win.get("description"), Window(4, 2)),
        institution_nouns=inst,
        statement_nouns=_normset(d.get("statement_nouns")),
        article_ok=_normset(d.get("article_followers_ok")),
        office_ok=_normset(d.get("office_followers_ok")),
        openers=tuple(openers),
        after_dropped=_normset(d.get("after_verb_dropped")) | TIME_WORDS,
        feminine_people=frozenset(_words(d.get("feminine_people"))),
        masculine_countries=frozenset(_words(d.get("masculine_countries"))),
        masculine_heads=_normset(d.get("masculine_heads")),
        feminine_heads=_normset(d.get("feminine_heads")),
        masculine_ta_marbuta=_normset(d.get("masculine_ta_marbuta")),
        impersonal=_normset(d.get("impersonal_verbs")),
        passive_prone=frozenset(_words(d.get("passive_prone_types"))),
        bl_nouns=_normset(d.get("subject_nouns_with_b_or_l")),
        positions=frozenset(_words(d.get("description_positions")) or
                            ["after_verb", "after_preposition"]),
        possessive_forces=_normset((d.get("possessive_subjects") or {}).get("forces")),
        possessive_country=_normset((d.get("possessive_subjects") or {}).get("country")),
        possessive_speakers=_normset(d.get("possessive_speakers")),
        member_nouns=_normset(d.get("member_nouns")))


# --- words -----------------------------------------------------------------------------
def _strip_article(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 3 else w


def bases(tok: str) -> set[str]:
    """Readings of a normalized token without its proclitics and article ("والقوات" →
    قوات, "للحركة" → حركه); the token itself is always one of them ("وزاره")."""
    out = {tok}
    for p in ("وال", "فال", "بال", "كال", "وبال", "فبال", "ال"):
        if tok.startswith(p) and len(tok) - len(p) >= 2:
            out.add(tok[len(p):])
    for p in ("ولل", "فلل", "لل"):
        if tok.startswith(p) and len(tok) - len(p) >= 2:
            out.add(tok[len(p):])
    for p in ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"):
        if tok.startswith(p) and len(tok) - len(p) >= 3:
            out.add(tok[len(p):])
    return out


def word_gender(word: str, data: CorefData) -> str | None:
    """Grammatical gender of a noun as written (original spelling, clitics allowed): ta
    marbuta or the plural -ات is feminine, the masculine heads are masculine, a sound
    masculine plural is masculine; otherwise unknown."""
    w = word.strip()
    n = norm(w)
    bs = bases(n)
    if bs & data.masculine_ta_marbuta:
        return "m"
    if w.endswith(_TA_MARBUTA) or any(b.endswith("ات") and len(b) > 3 for b in bs - {n}) or (
            n.endswith("ات") and len(n) > 4):
        return "f"
    if bs & data.feminine_heads:
        return "f"
    if bs & data.masculine_heads:
        return "m"
    if any(b.endswith(("ون", "ين", "ان")) and len(b) > 4 for b in bs):
        return "m"  # "الحوثيون", "الطرفين", "الطرفان": masculine plurals and duals
    return None


def actor_gender(a: ActorRef, data: CorefData, g: Gazetteer | None = None,
                 certain: bool = True) -> str | None:
    """The gender a verb takes with this actor as its subject. People are masculine unless
    listed (with `certain`, an unlisted person is unknown: a woman the list lacks), and a
    feminine office noun in the mention ("وزيرة الخارجية …") makes a woman; countries
    feminine unless listed; other actors take their head noun's gender, a one-word name
    ("حماس", "قسد") its dictionary name's, a capital ("أنقرة") is feminine."""
    if a.id is None or a.via == "adjective":
        return None
    first = _WORD.findall(a.text)[:1]
    if a.kind == "person":
        # a family name with the article ("الدبيبة", "الطراونة") is no woman's given name
        if a.id in data.feminine_people or (first and first[0].endswith(_TA_MARBUTA) and
                                            not bases(norm(first[0])) &
                                            data.masculine_ta_marbuta and not (
                                                a.via == "name" and
                                                norm(first[0]).startswith("ال"))):
            return "f"
        return None if certain else "m"
    if a.via in ("role", "counterpart") and first:
        # an office that resolved to an institution: "الرئيس الفنزويلي" is a man
        return "f" if first[0].endswith(_TA_MARBUTA) else "m"
    if a.kind == "country":
        return "m" if a.id in data.masculine_countries else "f"
    if a.via == "zero":
        return None
    words = _WORD.findall(a.text)
    if not words:
        return None
    if len(words) == 1 and a.kind == "government" and not norm(words[0]).startswith("ال"):
        return "f"  # a capital named for its government: "أنقرة", "واشنطن", "طهران" (its
        # -ان is no dual)
    gw = word_gender(words[0], data)
    if gw is not None:
        return gw
    if len(words) == 1 and g is not None:
        if bases(norm(words[0])) & _place_names(g):
            return "f"  # a capital or a city: "القاهرة", "الرياض"
        ent = g.actors.get(a.id)
        if ent is not None and ent.name_ar:
            head = _WORD.findall(ent.name_ar)[:1]
            if head and norm(head[0]) != norm(words[0]):
                return word_gender(head[0], data)
    return None


_PLACES: dict[int, frozenset[str]] = {}


def _place_names(g: Gazetteer) -> frozenset[str]:
    """Normalized one-word names of hand-entered populated places (capitals, cities)."""
    key = id(g)
    if key not in _PLACES:
        names: set[str] = set()
        for p in g.places.values():
            if p.source == "hand" and p.kind in ("city", "town", "village"):
                for f in (p.name_ar, *p.aliases):
                    nf = norm(f).strip()
                    if nf and " " not in nf:
                        names.add(nf)
        _PLACES.clear()
        _PLACES[key] = frozenset(names)
    return _PLACES[key]


@dataclass(frozen=True, slots=True)
class VerbReading:
    form: str  # normalized, without و/ف
    gender: str | None  # f | m | None (dual, plural, or what the form does not show)
    speech: bool  # a speech verb (cues.yaml speech_verbs)
    types: frozenset[str]  # event types of its trigger readings
    strong: bool = False  # some trigger reading reports an act alone (triggers.yaml)
    plural: bool = False  # a dual or plural ("قالا", "قالوا")


def _verb_types(w: str, lx: EventLexicons) -> frozenset[str]:
    return frozenset(t.type for t in lx.triggers.lookup(w) if t.pos != "noun")


def _known_verb(w: str, lx: EventLexicons) -> bool:
    """A speech verb, a verb of the trigger lexicon, or the verb of an object frame (a
    general verb that names an act by its object: "أرسلت", "حمّلت")."""
    return lx.is_cue("speech_verbs", w) or bool(_verb_types(w, lx)) or any(
        f.trigger.pos == "verb" for f in load_object_frames().get(w, ()))


def masdar_like(w: str) -> bool:
    """A bare three-letter past form ("قصف", "دعم", "رفض") is also the verbal noun: "قصف
    القوات التركية" is "the Turkish forces' shelling", so gender tells nothing there."""
    return len(w) == 3 and "ا" not in w


def participle(w: str) -> bool:
    """An accusative active participle used as a حال (normalized): derived forms begin
    with م ("مؤكدا", "مشيرة"), form I is فاعلا ("لافتا", "قائلة", "داعيا")."""
    if not w.endswith(("ا", "ه")) or w.endswith("وا"):
        return False
    return (w.startswith("م") and len(w) >= 5) or (len(w) == 5 and w[1] == "ا")


def _gender(w: str, lx: EventLexicons) -> tuple[str | None, bool]:
    """(gender, plural) of a known verb form. A masculine singular is only told when the
    lexicon also has its feminine ("دعا"/"دعت", "يقول"/"تقول"): a form without one may be
    a verbal noun ("انتشار", "إطلاق") that the trigger lexicon lists among its verbs."""
    for suf in ("وا", "ون", "ان", "تا"):
        stem = w[:-2]
        if w.endswith(suf) and len(w) > 3 and (
                _known_verb(stem, lx) or _known_verb(stem + "ا", lx)):
            return None, True  # plural, dual: "قالوا", "يؤكدان", "قالتا", "دعوا"
    if participle(w):
        return ("f" if w.endswith("ه") else "m"), False  # "مؤكدة", "لافتا", "قائلا"
    if w.endswith("ا") and len(w) > 3 and _known_verb(w[:-1], lx):
        return None, True  # dual: "قالا", "اتفقا"
    if w.endswith("ت") and len(w) > 2 and any(
            _known_verb(w[:-1] + e, lx) for e in ("", "ا", "ي")):
        return "f", False  # "قالت", "أكدت", "قصفت"; "دعت" (دعا), "نفت" (نفى)
    if w.startswith("ت") and _known_verb("ي" + w[1:], lx):
        return "f", False  # "تقول", "تؤكد"
    if w.startswith("ست") and _known_verb("سي" + w[2:], lx):
        return "f", False
    if w.startswith("ي") and _known_verb("ت" + w[1:], lx):
        return "m", False  # "يقول"
    if w.startswith("سي") and _known_verb("ست" + w[2:], lx):
        return "m", False  # "سيزور"
    if _known_verb(w + "ت", lx) or (w[-1:] in ("ا", "ي") and _known_verb(w[:-1] + "ت", lx)):
        return "m", False  # "قال" (قالت), "دعا" (دعت)
    return None, False


def verb_reading(tok: str, lx: EventLexicons) -> VerbReading | None:
    """A token read as a finite verb of the speech or trigger lexicons (None if it is not
    one), with its gender: 'f' for the feminine singular ("قالت", "تقول"), 'm' for the
    masculine singular ("قال", "يقول", "دعا"), None for duals and plurals ("قالا",
    "قالوا") and where the form does not show it."""
    n = norm(tok)
    # the form without the conjunction first ("ودعت" is و + دعت), then as written ("وقع")
    cands = ([n[1:]] if n[:1] in ("و", "ف") and len(n) > 3 else []) + [n]
    for w in cands:
        if not _known_verb(w, lx):
            continue
        speech, types = lx.is_cue("speech_verbs", w), _verb_types(w, lx)
        gender, plural = _gender(w, lx)
        strong = any(t.strong for t in lx.triggers.lookup(w) if t.pos != "noun")
        return VerbReading(w, gender, speech, types, strong, plural)
    return None


# --- the stage ---------------------------------------------------------------------------
@dataclass(slots=True)
class _Subject:
    """What a sentence says about its subject: an actor, or 'none' (a subject the
    dictionary does not know), or 'unknown' (the words do not tell)."""

    status: str  # actor | none | unknown
    actor: ActorRef | None = None


@dataclass(frozen=True, slots=True)
class _Anaphor:
    roles: frozenset[str]
    gender: str  # m | f


_ANAPHORS: dict[int, dict[tuple[str, ...], _Anaphor]] = {}


def _role_anaphors(g: Gazetteer) -> dict[tuple[str, ...], _Anaphor]:
    """Office nouns (roles.yaml `anaphors:`), as normalized token sequences (built once
    per gazetteer)."""
    cached = _ANAPHORS.get(id(g))
    if cached is not None:
        return cached
    out: dict[tuple[str, ...], _Anaphor] = {}
    for r in g.roles:
        role = str(r.get("role") or "")
        for noun in _words(r.get("anaphors")):
            key = tuple(norm(noun).split())
            if not key:
                continue
            first = noun.split()[0]
            gender = "f" if first.endswith(_TA_MARBUTA) else "m"
            old = out.get(key)
            out[key] = _Anaphor((old.roles if old else frozenset()) | {role}, gender)
    _ANAPHORS.clear()
    _ANAPHORS[id(g)] = out
    return out


def quoted_sentences(text: str, sentences: Sequence[Sentence]) -> list[bool]:
    """Which sentences begin inside a direct quotation (the speaker's own words: their
    verbs are not the narrative's, and they do not count in the windows)."""
    spans = [(m.start(), m.end()) for m in DIRECT_QUOTE.finditer(text)]
    out = []
    k = 0
    for s in sentences:
        while k < len(spans) and spans[k][1] <= s.start:
            k += 1
        out.append(k < len(spans) and spans[k][0] < s.start < spans[k][1] - 1)
    return out


def narrative_ranks(quoted: Sequence[bool]) -> list[int]:
    """For each sentence, how many sentences outside quotations precede it (the distance
    the windows count)."""
    out, n = [], 0
    for q in quoted:
        out.append(n)
        n += not q
    return out


def resolve_references(text: str, sentences: Sequence[Sentence], actors: Sequence[ActorRef],
                       g: Gazetteer, on: dt.date | None, lx: EventLexicons,
                       data: CorefData | None = None) -> list[ActorRef]:
    """The linker's mentions plus the descriptions and dropped subjects resolved to a named
    actor (see the module docstring); a country adjective that completes a resolved
    description ("الوزير الروسي") is absorbed into it; the generic head of a partitive
    ("مسلحون من حركة الشباب") gives way to its whole, and so do its later definite mentions
    (`partitive_wholes`)."""
    data = data or load_coref_data()
    anaphors = _role_anaphors(g)
    max_len = max((len(k) for k in anaphors), default=1)
    mentions = sorted((a for a in actors), key=lambda a: a.start)
    added: list[ActorRef] = []
    absorbed: set[int] = set()  # id() of absorbed adjective mentions
    subjects: list[_Subject] = []
    seen: list[tuple[int, list[ActorRef]]] = []  # (sentence index, its linked mentions)
    quoted = quoted_sentences(text, sentences)
    ranks = narrative_ranks(quoted)
    firsts = {k[0] for k in anaphors}
    for si, sent in enumerate(sentences):
        toks = tokens(text, sent.start, sent.end)
        here = [a for a in mentions if sent.start <= a.start < sent.end]
        first = _skip_openers(toks, text, data)
        new = _descriptions(text, si, toks, first, here, anaphors, firsts, max_len, seen,
                            sentences, ranks, g, on, lx, data, absorbed)
        new += _spokesmen(text, toks, here, subjects[-1] if subjects else None, data, g)
        added += new
        here = sorted([a for a in here if id(a) not in absorbed] + new, key=lambda a: a.start)
        if quoted[si]:
            subj, zero = _Subject("unknown"), None  # the speaker's own words
        else:
            subj, zero = _subject(text, si, toks, first, here, subjects, sentences, ranks,
                                  g, lx, data)
        if zero is not None:
            added.append(zero)
            here = sorted([*here, zero], key=lambda a: a.start)
        subjects.append(subj)
        seen.append((si, [a for a in here if a.id and a.via != "adjective"]))
    out = [a for a in mentions if id(a) not in absorbed] + added
    out += apposition_aliases(text, out)
    out += dual_mentions(text, sentences, out)
    out.sort(key=lambda a: (a.start, a.end))
    return partitive_wholes(text, out)


# --- the two parties ("الطرفان") -------------------------------------------------------------
# the dual nouns for "the two parties / sides", normalized, with the clitics they take
_DUALS = frozenset(p + w for w in ("الطرفين", "الطرفان", "الجانبين", "الجانبان", "البلدين",
                                   "البلدان", "الدولتين", "الدولتان")
                   for p in ("", "و", "ف", "ب", "ل", "وب", "ول"))
_DUALS = _DUALS | frozenset(p + w for w in ("للطرفين", "للجانبين", "للبلدين", "للدولتين")
                            for p in ("", "و"))
_STATE_DUAL = re.compile(r"(البلد|الدولت)(ين|ان)$")
# how many sentences back a pair of parties is looked for, and how many words after بين the
# first party may come
DUAL_WINDOW = 2
_BETWEEN_REACH = 6


def dual_mentions(text: str, sentences: Sequence[Sentence], actors: Sequence[ActorRef]
                  ) -> list[ActorRef]:
    """"توصل الطرفين إلى اتفاق", "ودعا الطرفين إلى": the dual "the two parties" names the
    pair most recently set side by side: "بين X و Y" (the first actor after بين, and the
    next actor of another id that a و-word opens), "X … مع Y" (X not a prepositional
    object, Y right after مع), or two conjoined actors ("إسرائيل وحماس"), in its sentence
    before it or in the two sentences before ("البلدين", "الدولتين" too). It becomes one
    mention of the first party (via "coref") that carries the second as its `pair` (its
    conjunct for `roles.next_conjunct`). No pair found, no mention: a wrong party is
    worse than none."""
    pool = sorted((a for a in actors if a.id and a.via not in ("zero", "adjective") and
                   a.pair is None and a.kind != "place"), key=lambda a: a.start)
    # (not a nisba: "بين المطارات اليمنية والسعودية" sets places side by side)
    out: list[ActorRef] = []
    for si, sent in enumerate(sentences):
        for tok in tokens(text, sent.start, sent.end):
            if tok.w not in _DUALS:
                continue
            lo = sentences[max(0, si - DUAL_WINDOW)].start
            here = [a for a in pool if lo <= a.start and a.end <= tok.start]
            pair = _pair_before(text, lo, tok.start, here)
            if pair is None or (_STATE_DUAL.search(tok.w) and not all(
                    x.kind in ("country", "government") for x in pair)):
                continue  # ("البلدين" are two states, not two presidents)
            a, b = pair
            out.append(replace(_copy(a, text, tok.start, tok.end, "coref"),
                               pair=_copy(b, text, tok.start, tok.end, "coref")))
    return out


# description nouns that begin with و themselves ("وزير" is not و + "زير"), for the
# mentions coreference makes, which no dictionary match has read
_WAW_NOUNS = tuple(norm(w) for w in [
    "وزارة", "وزير", "وزيرة", "وكالة", "وفد", "ولي", "وحدات", "وحدة"])
# the mentions the dictionary read carry their proclitics ("واشنطن" is a name, "وتركيا"
# is و + "تركيا")
_READ = frozenset({"name", "role", "context", "home", "counterpart", "adjective", "noun"})


def conjoined(a: ActorRef) -> bool:
    """Does the mention begin with the conjunction و ("وتركيا", "ونظيره", "وواشنطن")?"""
    if a.via in _READ:
        return a.proclitic.startswith("و")
    na = norm(a.text)
    return na.startswith("و") and (na.startswith("وو") or not na.startswith(_WAW_NOUNS))


def second_party(text: str, first: ActorRef, later: Sequence[ActorRef],
                 reach: int = _BETWEEN_REACH) -> ActorRef | None:
    """The party set beside `first` after بين ("بين الجيش وهيئة تحرير الشام", "بين قوات
    موالية لX وأخرى داعمة لY", "بين وفد الحكومة … ووفد جماعة الحوثي"): the next actor of
    another id, in the same clause (no sign between, at most `reach` words), that a و opens:
    its own, or the first or last word of the gap. Used by the clash nouns
    (roles._clash_parties) and by "the two parties" (dual_mentions)."""
    b = next((x for x in later if x.start >= first.end and x.id != first.id), None)
    if b is None:
        return None
    gap = text[first.end:b.start]
    words = [norm(w) for w in _WORD.findall(gap)]
    if re.search(r"[,;:.،؛]", gap) or len(words) > reach:
        return None
    return b if conjoined(b) or (words and (words[0].startswith("و") or
                                            words[-1].startswith("و"))) else None


def _pair_before(text: str, lo: int, at: int, here: list[ActorRef]
                 ) -> tuple[ActorRef, ActorRef] | None:
    best: tuple[int, tuple[ActorRef, ActorRef]] | None = None
    for m in re.finditer(r"(?<!\w)بين(?!\w)", text[lo:at]):
        start = lo + m.end()
        firsts = [a for a in here if a.start >= start]
        if not firsts or len(_WORD.findall(text[start:firsts[0].start])) > _BETWEEN_REACH:
            continue
        b = second_party(text, firsts[0], firsts)
        if b is not None and (best is None or b.end > best[0]):
            best = (b.end, (firsts[0], b))
    for m in re.finditer(r"(?<!\w)مع(?!\w)", text[lo:at]):
        # "بحث أوستن الحادث في اتصال هاتفي مع نظيره التركي": the one before مع and the one
        # right after it
        after = [x for x in here if x.start >= lo + m.end()]
        before = [x for x in here if x.end <= lo + m.start()]
        if not after or not before or len(_WORD.findall(
                text[lo + m.end():after[0].start])) > 1:
            continue
        a, b = before[-1], after[0]
        between = text[a.end:lo + m.start()]
        if a.id == b.id or re.search(r"[,.;:،؛]", between) or len(_WORD.findall(between)) > 8 \
                or norm(a.text).startswith(("ب", "ل")) or (
                    _WORD.findall(text[max(lo, a.start - 12):a.start]) or [""])[-1] in \
                _PREPOSITIONS:
            continue
        if best is None or b.end > best[0]:
            best = (b.end, (a, b))
    for a, b in pairwise(here):
        if b.id != a.id and conjoined(b) and not text[a.end:b.start].strip() and (
                best is None or b.end > best[0]):
            best = (b.end, (a, b))
    return best[1] if best is not None else None


# --- appositions ---------------------------------------------------------------------------
_APPOSITION_MAX = 3  # words of a describing phrase


# adjectives that make a noun a time ("الشهر الجاري", "الأسبوع المقبل")
_TIME_ADJECTIVES = frozenset({"الجاري", "المقبل", "المقبله", "القادم", "القادمه"})


def _time_word(w: str) -> bool:
    return w in TIME_WORDS or w in _TIME_ADJECTIVES


def apposition_aliases(text: str, actors: Sequence[ActorRef]) -> list[ActorRef]:
    """"اتفقت روسيا وتركيا وإيران، الدول الضامنة لمسار أستانة": a phrase of two or three
    words with the article, set off by a comma right after a named actor (or conjoined
    actors), describes it; the same phrase later on the page ("وستنشر الدول الضامنة قوات",
    "للدول الضامنة") is that actor — the first one named, as for conjoined subjects. Not a
    phrase the dictionary links itself ("بشار الأسد، الرئيس السوري"), not a time ("روسيا،
    اليوم الجمعة،"), and not a phrase two actors are given."""
    named = sorted((a for a in actors if a.id and a.via in ("name", "role")),
                   key=lambda a: a.start)
    covered = [(a.start, a.end) for a in actors]
    alias: dict[tuple[str, ...], ActorRef | None] = {}
    start_after: dict[tuple[str, ...], int] = {}
    k = 0
    while k < len(named):
        first = named[k]
        end = first.end
        k += 1
        while k < len(named) and re.fullmatch(r"\s+", text[end:named[k].start] or "x") and \
                norm(named[k].text).startswith("و"):
            end = named[k].end  # "روسيا وتركيا وإيران"
            k += 1
        m = re.match(r"\s*[،,]\s*", text[end:end + 4])
        if m is None:
            continue
        words: list[str] = []
        pos = end + m.end()
        last = pos
        for t in _WORD_D.finditer(text, pos, min(len(text), pos + 80)):
            if text[last:t.start()].strip() or len(words) == _APPOSITION_MAX:
                break
            w = norm(t.group(0))
            if not w.startswith("ال") or _time_word(w):
                break
            words.append(w)
            last = t.end()
        if len(words) < 2 or any(a < last and pos < b for a, b in covered):
            continue
        key = tuple(words)
        given = alias.get(key, first)
        alias[key] = first if given is not None and given.id == first.id else None
        # (None: two actors were given the same description)
        start_after.setdefault(key, last)
    out: list[ActorRef] = []
    if not alias:
        return out
    toks = list(_WORD_D.finditer(text))
    words_n = [norm(t.group(0)) for t in toks]
    for key, owner in alias.items():
        if owner is None:
            continue
        n = len(key)
        for i in range(len(toks) - n + 1):
            if toks[i].start() < start_after[key]:
                continue
            w0 = words_n[i]
            if (w0 != key[0] and key[0][2:] not in bases(w0)) or \
                    tuple(words_n[i + 1:i + n]) != key[1:]:
                continue
            s, e = toks[i].start(), toks[i + n - 1].end()
            if any(a < e and s < b for a, b in covered):
                continue
            out.append(_copy(owner, text, s, e, "coref"))
    return out


# --- "المتحدث باسمها" -----------------------------------------------------------------------
_SPOKESMEN = frozenset(norm(w) for w in ["المتحدث", "المتحدثة", "الناطق", "الناطقة", "متحدث",
                                         "متحدثة", "ناطق", "ناطقة"])
# "باسمه" / "باسمها" / "باسمهم": the body a spokesman speaks for, and its gender
_ON_BEHALF_OF: dict[str, str | None] = {p + suf: g for p in _ON_BEHALF for suf, g in
                 (("ه", "m"), ("ها", "f"), ("هم", None))}


def _spokesmen(text: str, toks: list[Token], here: list[ActorRef], prev: _Subject | None,
               data: CorefData, g: Gazetteer) -> list[ActorRef]:
    """"أعربت اليونيفيل عن قلقها … وقال المتحدث باسمها إن": the spokesman speaks for the
    subject of the sentence before (a body, not a person), when the pronoun agrees with it."""
    if prev is None or prev.actor is None or prev.actor.kind == "person":
        return []
    out: list[ActorRef] = []
    for i in range(len(toks) - 1):
        if without_conjunction(toks[i].w) not in _SPOKESMEN or toks[i + 1].w not in _ON_BEHALF_OF:
            continue
        if _covered(toks[i], here) or _covered(toks[i + 1], here):
            continue
        want = _ON_BEHALF_OF[toks[i + 1].w]
        have = actor_gender(prev.actor, data, g)
        if want is not None and have is not None and want != have:
            continue
        out.append(_copy(prev.actor, text, toks[i].start, toks[i + 1].end, "coref"))
    return out


# --- partitives ----------------------------------------------------------------------------
_EACH = frozenset({"كل", "كلا"})  # "كلٌّ من", "كلاً من" (diacritics and tanween alif normalized)


def partitive_start(text: str, a: ActorRef) -> int | None:
    """Where a partitive phrase ending with `a` starts ("عناصر من الجيش" → at عناصر), or
    None. A country after من is a place of origin ("قوات من سوريا"), not a partitive, unless
    the head is the quantifier "كل" ("ودانت كل من الإمارات والبحرين": each of them acts)."""
    lo = max(0, a.start - 40)
    toks = list(_WORD_D.finditer(text[lo:a.start]))
    if len(toks) < 2 or norm(toks[-1].group(0)) != "من":
        return None
    head = without_conjunction(norm(toks[-2].group(0)))
    if head in _EACH and not re.search(r"[,;:،؛]", text[lo + toks[-2].end():a.start]):
        return lo + toks[-2].start()
    if a.kind == "country":
        return None
    if load_event_lexicons().is_cue("partitive_heads", head) and not re.search(
            r"[,;:،؛]", text[lo + toks[-2].end():a.start]):
        return lo + toks[-2].start()
    return None


def partitive_wholes(text: str, actors: list[ActorRef]) -> list[ActorRef]:
    """"اقتحمه مسلحون من حركة الشباب": a generic mention that is the head of a partitive
    ("مسلحون", "عناصر" … من X) names members of X, so X is the actor and the head is
    dropped. A later definite mention of the same generic ("المسلحين فجّروا سيارة") refers
    to those members, so it is X too, until an indefinite one brings in others ("مسلحون
    آخرون"), or when the page has given the generic more than one whole."""
    heads: dict[int, ActorRef] = {}
    for a in actors:
        at = partitive_start(text, a)
        if at is None:
            continue
        for h in actors:
            if h is not a and h.start == at and h.end <= a.start:
                heads[id(h)] = a
    if not heads:
        return actors
    out: list[ActorRef] = []
    whole: dict[str, ActorRef | None] = {}  # generic id → the whole it stands for (None: two)
    for a in sorted(actors, key=lambda x: x.start):
        if id(a) in heads:
            w = heads[id(a)]
            if a.id is not None:
                seen = whole.get(a.id, w)
                whole[a.id] = w if seen is not None and seen.id == w.id else None
            continue
        key = a.id
        if key is not None and key in whole and a.via == "name":
            owner = whole[key]
            if _definite(a.text) and owner is not None:
                a = replace(owner, text=a.text, start=a.start, end=a.end, via="coref",
                            proclitic=a.proclitic)
            else:
                whole.pop(key)  # an indefinite mention: other members
        out.append(a)
    return out


def _definite(surface: str) -> bool:
    w = norm(surface).split()[:1]
    return bool(w) and has_article(w[0])


# --- descriptions ------------------------------------------------------------------------
def _covered(tok: Token, mentions: Iterable[ActorRef]) -> bool:
    return any(a.start < tok.end and tok.start < a.end for a in mentions
               if a.via != "adjective")


def _descriptions(text: str, si: int, toks: list[Token], first: int, here: list[ActorRef],
                  anaphors: dict[tuple[str, ...], _Anaphor], firsts: set[str], max_len: int,
                  seen: list[tuple[int, list[ActorRef]]], sentences: Sequence[Sentence],
                  ranks: Sequence[int], g: Gazetteer, on: dt.date | None, lx: EventLexicons,
                  data: CorefData, absorbed: set[int]) -> list[ActorRef]:
    out: list[ActorRef] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if not any(f in firsts for f in _article_forms(tok.w)) and \
                _institution_noun(tok.w, data) is None:
            i += 1  # neither an office noun nor an institution noun starts here
            continue
        if _covered(tok, here):
            i += 1
            continue
        found = _match_anaphor(toks, i, anaphors, max_len)
        inst: str | None = None
        if found is not None:
            k, ana = found
            kind: str = "office"
        else:
            inst = _institution_noun(tok.w, data)
            if inst is None:
                i += 1
                continue
            k, ana, kind = 1, None, "institution"
        j = i + k
        if any(_covered(t, here) for t in toks[i:j]) or not _position_ok(
                toks, i, first, text, lx, data.positions, data.member_nouns):
            i += 1
            continue
        adj = _adjective_at(toks, j, here)
        gender = ana.gender if ana is not None else word_gender(tok.raw, data)
        if adj is None and not _follower_ok(toks, j, kind, gender, text, data):
            i = j
            continue
        start, end = tok.start, (adj.end if adj is not None else toks[j - 1].end)
        earlier = [a for a in here if a.end <= tok.start and a.id and a.via != "adjective"]
        ante = _antecedent(earlier, si, seen, sentences, ranks, data.description, text,
                           partial(_fits, ana=ana, inst=inst, adj=adj, g=g, on=on, data=data))
        if ante is not None:
            if adj is not None:
                absorbed.add(id(adj))
            ref = _copy(ante, text, start, end, "coref")
            out.append(ref)
            here = sorted([*here, ref], key=lambda a: a.start)
        i = j + (1 if adj is not None else 0)
    return out


def _position_ok(toks: list[Token], i: int, first: int, text: str, lx: EventLexicons,
                 positions: frozenset[str], members: frozenset[str] = frozenset()) -> bool:
    """Is the word at i in one of the positions where a description is resolved (coref.yaml
    `description_positions`): right after a verb ("وقال الجيش", "وقصفت القوات"), after a
    preposition ("على القوات", "للحركة"), at the start of the sentence, after أنّ/إنّ?"""
    if i and without_conjunction(toks[i - 1].w) in _AUXILIARY and not re.search(
            r"[,،:;.«\"“]", text[toks[i - 1].end:toks[i].start]):
        return "after_verb" in positions  # (an opener the sentence's subject search skips)
    if i == first:
        return "sentence_start" in positions
    if toks[i].w.startswith(("لل", "بال", "ولل", "وبال")):
        return "after_preposition" in positions  # "للحركة", "بالقوات"
    if i == 0 or re.search(r"[,،:;.«\"“]", text[toks[i - 1].end:toks[i].start]):
        return False
    prev = toks[i - 1]
    if prev.w in _PREPOSITIONS or prev.w in _ON_BEHALF or (
            bases(prev.w) & _STATEMENT_HEADS and i >= 2 and
            verb_reading(toks[i - 2].raw, lx) is not None):
        # "على القوات", "ضد الحركة"; whose voice or statement: "المتحدث باسم الجيش",
        # "وحذر بيان الجيش"
        return "after_preposition" in positions
    if prev.w in _SUBORDINATORS:
        return "after_complementizer" in positions
    v = verb_reading(prev.raw, lx)
    if v is not None and participle(v.form) and v.types and not (
            i >= 2 and toks[i - 2].w in _PREPOSITIONS):
        # "متهما الحزب بإطلاق", "داعيا الحركة إلى": a trigger's circumstantial participle
        # governs its object as the verb does
        return "after_verb" in positions
    if v is not None and not participle(v.form) and not prev.w.startswith(
            ("ال", "بال", "لل", "وال")) and not (i >= 2 and toks[i - 2].w in _PREPOSITIONS):
        return "after_verb" in positions
    if without_conjunction(prev.w) in members:
        # "قوات الجبهة", "مقاتلي الحركة": the group's own members or forces
        return "after_member" in positions
    # in construct after a noun: "مقار الجيش" (a target), but not after an act noun
    # ("عن تضامن الحلف"), whose genitive the coder reads as the agent
    return "after_noun" in positions and not lx.triggers.lookup(prev.w) and not any(
        lx.triggers.lookup(b) for b in bases(prev.w))


def _match_anaphor(toks: list[Token], i: int, anaphors: dict[tuple[str, ...], _Anaphor],
                   max_len: int) -> tuple[int, _Anaphor] | None:
    for k in range(min(max_len, len(toks) - i), 0, -1):
        words = [t.w for t in toks[i:i + k]]
        for first in _article_forms(words[0]):
            ana = anaphors.get((first, *words[1:]))
            if ana is not None:
                return k, ana
    return None


def _article_forms(tok: str) -> list[str]:
    """The token and its readings without و/ف ("والرئيس" → الرئيس)."""
    out = [tok]
    if tok[:1] in ("و", "ف") and len(tok) > 3:
        out.append(tok[1:])
    return out


def _institution_noun(tok: str, data: CorefData) -> str | None:
    """A bare institution noun with the article ("الجيش", "والقوات", "للحركة")."""
    for p in ("وال", "فال", "ال"):
        if tok.startswith(p):
            rest = tok[len(p):]
            if rest in data.institution_nouns:
                return rest
    for p in ("ولل", "فلل", "لل"):
        if tok.startswith(p):
            rest = tok[len(p):]
            if rest in data.institution_nouns:
                return rest
    return None


def _adjective_at(toks: list[Token], j: int, here: list[ActorRef]) -> ActorRef | None:
    """A country adjective right after the description ("الوزير الروسي")."""
    if j >= len(toks):
        return None
    t = toks[j]
    return next((a for a in here if a.via == "adjective" and a.start == t.start and
                 norm(a.text).startswith("ال")), None)


def _follower_ok(toks: list[Token], j: int, kind: str, gender: str | None, text: str,
                 data: CorefData) -> bool:
    """Does what follows leave the description bare? An adjective makes it another office
    or body ("الرئيس السابق", "الجيش الوطني", "القوات الخاصة"): a word with the article
    that is a nisba, agrees with the noun in gender, or (after a masculine noun, whose
    adjectives show no gender) is not known to be feminine; a definite word of the other
    gender is the verb's object ("وأدانت الوزارة الهجوم"). After an office noun, an unknown
    word may be a name the dictionary lacks ("الرئيس مادورو")."""
    if j >= len(toks):
        return True
    nxt = toks[j]
    gap = text[toks[j - 1].end:nxt.start]
    w = nxt.w
    if w.startswith("ال") and w not in data.article_ok and w not in _PREPOSITIONS and \
            w not in data.office_ok and not re.search(r"[,،:;.]", gap):
        gw = word_gender(nxt.raw, data)
        nisba = definite_nisba(w)  # (w has the article here)
        if nisba or gender is None or gw == gender or (gender == "m" and gw != "f"):
            return False
    if kind == "institution" or re.search(r"[,،:;.\"«(]", gap):
        return True
    return w in data.office_ok or w in _PREPOSITIONS or (
        w[:1] in ("ب", "ل") and len(w) >= 5 and w not in data.bl_nouns) or (
        w[1:] in data.office_ok and w[:1] in ("و", "ف"))


def _fits(a: ActorRef, ana: _Anaphor | None, inst: str | None, adj: ActorRef | None,
          g: Gazetteer, on: dt.date | None, data: CorefData) -> bool:
    """Can the earlier mention `a` be what the description refers to?"""
    if adj is not None and a.country != adj.id:
        return False
    if ana is not None:
        if a.kind != "person":
            return False
        ent = g.actors.get(a.id or "")
        if ent is None or not any(r.role in ana.roles and (on is None or r.holds(on))
                                  for r in ent.roles):
            return False
        fem = a.id in data.feminine_people
        return fem == (ana.gender == "f")
    if inst is None:
        return False
    if a.kind not in data.institution_nouns.get(inst, frozenset()):
        return False
    words = {b for w in _WORD.findall(norm(a.text)) for b in bases(w)}
    if inst in words:
        return True
    ent = g.actors.get(a.id or "")
    head = _WORD.findall(norm(ent.name_ar))[:1] if ent is not None else []
    return bool(head) and inst in bases(head[0])


def _antecedent(earlier: list[ActorRef], si: int, seen: list[tuple[int, list[ActorRef]]],
                sentences: Sequence[Sentence], ranks: Sequence[int], win: Window, text: str,
                fits: Any) -> ActorRef | None:
    """The one fitting mention of the nearest sentence (this one first) that has any: the
    only actor that fits, or the only fitting one that is its sentence's subject."""
    pools: list[list[ActorRef]] = [earlier]
    para = sentences[si].paragraph
    for sj, ms in reversed(seen):
        if ranks[si] - ranks[sj] > win.sentences or \
                para - sentences[sj].paragraph > win.paragraphs:
            break
        pools.append(ms)
    for pool in pools:
        fit = [a for a in pool if fits(a)]
        if not fit:
            continue
        if len({a.id for a in fit}) == 1:
            return fit[-1]
        subj = _first_subject(pool, text)
        if subj is not None and subj.id in {a.id for a in fit}:
            return subj
        return None
    return None


def _first_subject(pool: list[ActorRef], text: str) -> ActorRef | None:
    """The first mention of a sentence that no preposition governs (its subject)."""
    from rasad.events.roles import governed_by_preposition

    for a in pool:
        if a.via not in ("adjective",) and not governed_by_preposition(text, a):
            return a
    return None


# --- subjects --------------------------------------------------------------------------
def _skip_openers(toks: list[Token], text: str, data: CorefData) -> int:
    """Index of the first token after discourse openers ("من جهته،", "وكان قد", "كما")
    and a fronted adverbial closed by a comma ("وفي بيان لها، قالت …")."""
    i = 0
    moved = True
    while moved and i < len(toks):
        moved = False
        for op in data.openers:
            if tuple(t.w for t in toks[i:i + len(op)]) == op:
                i += len(op)
                moved = True
                break
    if i < len(toks) and toks[i].w in _PREPOSITIONS:
        for k in range(i + 1, min(len(toks), i + 8)):
            if re.search(r"[,،]", text[toks[k - 1].end:toks[k].start]):
                return k
    return i


def _mention_at(here: list[ActorRef], tok: Token) -> ActorRef | None:
    return next((a for a in here if a.start == tok.start and a.id and a.via not in
                 ("adjective",)), None)


def _subject(text: str, si: int, toks: list[Token], first: int, here: list[ActorRef],
             subjects: list[_Subject], sentences: Sequence[Sentence], ranks: Sequence[int],
             g: Gazetteer, lx: EventLexicons, data: CorefData
             ) -> tuple[_Subject, ActorRef | None]:
    """The sentence's subject, and a dropped-subject mention on its first verb if the verb
    has none of its own and an earlier sentence gives one."""
    from rasad.events.roles import governed_by_preposition

    i = first
    if i >= len(toks):
        return _Subject("unknown"), None
    t = toks[i]
    m = _mention_at(here, t)
    if m is not None:
        if governed_by_preposition(text, m):
            return _inner_speaker(text, toks, here, lx, data, g), None
        return _Subject("actor", m), None  # SVO: "القوات التركية قصفت"
    verb = verb_reading(t.raw, lx)
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    gap = text[t.end:nxt.start] if nxt is not None else ""
    if nxt is not None and re.search(r"[,،]", gap):
        # "وأكدت، اليوم، وزارة الخارجية": the subject after a parenthetical
        for k in range(i + 2, min(len(toks), i + 8)):
            if re.search(r"[,،]", text[toks[k - 1].end:toks[k].start]):
                nxt, gap = toks[k], " "
                break
    after = _mention_at(here, nxt) if nxt is not None and not re.search(r"[,،:;.]", gap) \
        else None
    if after is not None and governed_by_preposition(text, after):
        after = None
    if verb is None or verb.form in data.impersonal or _marked_passive(t.raw) or (
            not verb.speech and not verb.strong and not any(a.id for a in here)):
        # a weak trigger ("وحذر") needs support in its own clause: a subject carried over
        # from another sentence is not that
        if after is not None and (verb is None or actor_gender(after, data, g) in (
                None, verb.gender) or verb.gender is None):
            return _Subject("actor", after), None  # "أصدرت وزارة الخارجية بيانا"
        return _inner_speaker(text, toks, here, lx, data, g), None
    gv = verb.gender
    statement = nxt is not None and after is None and nxt.w in data.statement_nouns and \
        verb.speech
    owner = _speaker_of(nxt, data) if nxt is not None and after is None and verb.speech \
        and not re.search(r"[,،:;.]", gap) else None
    if owner is not None and nxt is not None:
        # "وأوضح مكتبه أن"، "وقال المتحدث باسمها": speaks for the subject before
        ante = _chain(si, subjects, sentences, ranks, data.dropped)
        if ante is None or not _agrees_probable(owner, ante, data, g):
            return _Subject("none"), None
        return _Subject("actor", ante), _copy(ante, text, nxt.start, nxt.end, "coref")
    if after is not None:
        ga = actor_gender(after, data, g)
        if gv is None or ga is None or ga == gv:
            return _Subject("actor", after), None  # VSO: "وقال الوزير"
        if masdar_like(verb.form) and gv == "m":
            return _Subject("unknown"), None  # "ودعم تركيا للمعارضة": a noun, not a verb
        # "ودعا روسيا إلى": the verb does not agree, so the actor is its object
    elif gv is None and not verb.plural and not statement:
        return _Subject("unknown"), None  # the form does not show it is a finite verb
    elif not statement and nxt is not None and not re.match(r"\s*:", gap):
        prone = not verb.speech and verb.types and verb.types <= data.passive_prone
        if not _dropped_after(nxt, gap, gv, data, evidence_only=bool(prone)):
            return _Subject("none"), None  # "وقالت مصادر محلية": one the dictionary lacks
    if verb.plural:
        return _Subject("none"), None  # a dual or plural verb: a group, not one actor
    if gv is None and not statement:
        return _Subject("unknown"), None
    ante = _chain(si, subjects, sentences, ranks, data.dropped)
    if ante is None or (not statement and not _agrees_probable(gv, ante, data, g)):
        return _Subject("none"), None
    if statement and nxt is not None:
        return _Subject("actor", ante), _copy(ante, text, nxt.start, nxt.end, "coref")
    return _Subject("actor", ante), _copy(ante, text, t.start, t.end, "zero")


def _speaker_of(tok: Token, data: CorefData) -> str | None:
    """The gender of the one a possessive speaker noun points back to ("مكتبه": m,
    "مكتبها": f; coref.yaml `possessive_speakers`), or None if it is not one."""
    for w in (tok.w, tok.w[1:] if tok.w[:1] in ("و", "ف") else ""):
        if w in data.possessive_speakers:
            return "f" if w.endswith("ها") else "m"
    return None


def _marked_passive(word: str) -> bool:
    """A damma on the first letter of the verb ("قُتل", "وأُعلن")."""
    w = word[1:] if word[:1] in ("و", "ف") and len(word) > 2 and word[1] != "\u064f" else word
    return len(w) > 1 and w[1] == "\u064f"


def _inner_speaker(text: str, toks: list[Token], here: list[ActorRef], lx: EventLexicons,
                   data: CorefData, g: Gazetteer) -> _Subject:
    """A sentence that does not open with its subject may still name its speaker later
    ("«…»، قال بيسكوف", "وفي أنقرة، أكد أكار"): the subject of its last speech verb."""
    from rasad.events.roles import governed_by_preposition

    for k in range(len(toks) - 1, -1, -1):
        w = toks[k].w
        if not (lx.is_cue("speech_verbs", w) or (w[:1] in ("و", "ف") and lx.is_cue(
                "speech_verbs", w[1:]))):
            continue
        v = verb_reading(toks[k].raw, lx)
        if v is None or not v.speech or v.form in data.impersonal:
            continue
        if k + 1 >= len(toks):
            return _Subject("unknown")
        nxt = toks[k + 1]
        gap = text[toks[k].end:nxt.start]
        m = _mention_at(here, nxt) if not re.search(r"[,،:;.]", gap) else None
        if m is not None and not governed_by_preposition(text, m) and (
                v.gender is None or actor_gender(m, data, g) in (None, v.gender)):
            return _Subject("actor", m)
        if m is None and not re.match(r"\s*:", gap) and not _dropped_after(
                nxt, gap, v.gender, data):
            return _Subject("none")
        return _Subject("unknown")
    return _Subject("unknown")


def _dropped_after(nxt: Token, gap: str, gv: str | None, data: CorefData,
                   evidence_only: bool = False) -> bool:
    """Does the word after a verb show that the verb has no subject of its own ("أن",
    "في بيان", "إلى", or a noun of the other gender, its object: "ودعت الطرفين")? With
    `evidence_only` (a verb often read as a passive) only the gender tells."""
    w = nxt.w
    if not evidence_only:
        if w in data.after_dropped or w in _PREPOSITIONS or re.search(r"[,،]", gap):
            return True
        if w[:1] in ("ل", "ب") and len(w) >= 4 and w not in data.bl_nouns:
            return True  # "بمزيد", "بالقول", "للصحفيين": a complement, not a subject
    gw = word_gender(nxt.raw, data)
    return gv is not None and gw is not None and gw != gv


def _agrees_probable(gv: str | None, a: ActorRef, data: CorefData, g: Gazetteer) -> bool:
    """Gender agreement for a dropped subject: an unlisted person counts as a man here (a
    feminine verb after a man's words is someone else speaking)."""
    ga = actor_gender(a, data, g, certain=False)
    return gv is None or ga is None or ga == gv


def _chain(si: int, subjects: list[_Subject], sentences: Sequence[Sentence],
           ranks: Sequence[int], win: Window) -> ActorRef | None:
    """The subject a dropped subject continues: that of the nearest earlier sentence that
    has one, within the window; a sentence with an unknown subject ends the chain."""
    para = sentences[si].paragraph
    for sj in range(si - 1, -1, -1):
        if ranks[si] - ranks[sj] > win.sentences or \
                para - sentences[sj].paragraph > win.paragraphs:
            return None
        s = subjects[sj]
        if s.status == "actor":
            return s.actor
        if s.status == "none":
            return None
    return None


def _copy(a: ActorRef, text: str, start: int, end: int, via: str) -> ActorRef:
    """A new mention of `a` at [start, end)."""
    return replace(a, text=text[start:end], start=start, end=end, via=via, proclitic="")
