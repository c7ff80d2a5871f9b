"""Trigger and cue lexicons for the event coder (data files: triggers.yaml, cues.yaml)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from rasad.actors.lexicon import Lexicon, Match, clitic_variants
from rasad.text.function_words import COMPLEMENTIZERS, CONTRAST, RELATIVE_PRONOUNS
from rasad.text.normalize import norm


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str
    pos: str  # verb | noun | phrase
    strong: bool
    # a future form: made by `future_form`, or listed in an entry with `modality: planned`
    # ("سيزور"); the coder reads it as planned, whatever letter the form begins with
    future: bool = False


@dataclass
class EventLexicons:
    triggers: Lexicon[Trigger] = field(default_factory=Lexicon)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    cue_phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # clitic/suffix expansions left out because they spell a frequent word: surface -> form
    collisions: dict[str, str] = field(default_factory=dict)
    # surfaces that are a trigger form + the pronoun ه (and only that)
    pronoun_h: set[str] = field(default_factory=set)
    verb_h: list[tuple[str, frozenset[str]]] = field(default_factory=list)  # while loading
    # two-word verb phrases ("استدعت سفيرها", "قطعت علاقاتها"), by their verb: the verb and
    # its object may stand apart, with the subject between (split_triggers)
    split: dict[str, list[tuple[str, Trigger, int]]] = field(default_factory=dict)

    def is_cue(self, name: str, token: str) -> bool:
        return token in self.cues.get(name, frozenset())

    def ta_marbuta_reading(self, nsurface: str, original: str) -> bool:
        """Is a "verb" or "noun + pronoun ه" match written with a ta marbuta in the text
        (دعاة "preachers", not دعاه "he called him")? Neither is ever written ة."""
        last = nsurface.split()[-1] if nsurface.split() else ""
        return last in self.pronoun_h and original.rstrip().endswith("ة")


def collision_surfaces(words: list[str]) -> frozenset[str]:
    """Every clitic form of the given words, with and without the article."""
    out: set[str] = set()
    for w in words:
        f = norm(w).strip()
        if not f or " " in f:
            continue
        bare = f[2:] if f.startswith("ال") else f
        out |= clitic_variants(bare) | clitic_variants("ال" + bare)
    return frozenset(out)


def add_trigger_form(lx: EventLexicons, form: str, trig: Trigger, suffixes: bool,
                     frequent: frozenset[str]) -> None:
    """Add a trigger form with its clitic (and suffix) expansions, except the expansions
    that spell a frequent word (و + زار + ه = وزاره "ministry"): the general check that
    replaces hand lists of blocked surfaces. A form that is itself such a word (دعاه,
    also دعاة) keeps its expansions: the ambiguity is the form's own, and the coder's
    ta-marbuta check at match time resolves it."""
    base = norm(form).strip()
    variants = clitic_variants(form, suffixes)
    plain = clitic_variants(form, False)
    own = base in frequent
    for v in variants:
        if not own and v != base and v in frequent:
            lx.collisions[v] = base
            continue
        lx.triggers.add(v, trig, clitics=False)
    if " " in base:
        return
    # a pronoun ه is never written ة: see ta_marbuta_reading. The pronoun is the one the
    # loader adds (suffixes: true), or a listed verb form that is another listed form + ه
    # (دعاه = دعا + ه); a listed "ه" form may also be a participle's ta marbuta (نافية).
    ends_h = {v for v in variants - plain if v.endswith("ه") and not v.endswith("ته")}
    lx.pronoun_h |= ends_h - lx.collisions.keys()
    if trig.pos == "verb" and base.endswith("ه"):
        lx.verb_h.append((base, frozenset(plain)))


def _finish_pronoun_h(lx: EventLexicons) -> None:
    """Listed verb forms that are another listed form + ه (دعاه = دعا + ه), once every
    form is loaded."""
    for base, plain in lx.verb_h:
        if lx.triggers.lookup(base[:-1]):
            lx.pronoun_h |= {v for v in plain if v.endswith(base)}
    lx.verb_h.clear()


def future_form(form: str, trig: Trigger) -> str | None:
    """The future of a present-tense verb form: س + يفعل/تفعل/نفعل ("يزور" → "سيزور",
    "تشن هجوما" → "ستشن هجوما"), so that every listed present verb also matches with the
    future prefix, marked `future` (the coder reads it as planned: docs/events.md). None for
    other forms."""
    f = norm(form).strip()
    if trig.pos != "verb" or f[:1] not in "يتن" or len(f.split()[0]) < 3:
        return None
    return "س" + f


def _yaml(name: str) -> Any:
    import yaml

    f = resources.files("rasad") / "data" / name
    if not f.is_file():
        return {}
    return yaml.safe_load(f.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def load_event_lexicons() -> EventLexicons:
    """Load triggers.yaml and cues.yaml once (lazily)."""
    lx = EventLexicons()
    data = _yaml("triggers.yaml")
    cues = _yaml("cues.yaml")
    frequent = collision_surfaces([str(w) for w in (cues.get("clitic_collisions") or [])]
                                  if isinstance(cues, dict) else [])
    for etype, entries in data.items():
        if etype == "ambiguous" or not isinstance(entries, list):
            continue
        for ent in entries:
            if not isinstance(ent, dict):
                continue
            trig = Trigger(type=str(etype), mode=str(ent.get("mode") or ""),
                           pos=str(ent.get("pos") or "verb"),
                           strong=str(ent.get("strength", "strong")) != "weak",
                           future=ent.get("modality") == "planned")
            for form in ent.get("forms") or []:
                if isinstance(form, str) and form.strip():
                    add_trigger_form(lx, form, trig, bool(ent.get("suffixes")), frequent)
                    _add_split(lx, form, trig)
                    future = future_form(form, trig)
                    if future is not None:
                        add_trigger_form(lx, future, replace(trig, future=True),
                                         bool(ent.get("suffixes")), frequent)
    _finish_pronoun_h(lx)
    # phrases that contain a trigger word but report no event swallow it (longest match)
    block = Trigger(type="BLOCK", mode="", pos="phrase", strong=False)
    for phrase in (cues.get("blocking_phrases") or []) if isinstance(cues, dict) else []:
        if isinstance(phrase, str) and phrase.strip():
            lx.triggers.add(phrase, block)
    for name, forms in (cues.items() if isinstance(cues, dict) else []):
        if not isinstance(forms, list):
            continue
        normed = [norm(str(f)).strip() for f in forms if str(f).strip()]
        lx.cues[name] = frozenset(f for f in normed if " " not in f)
        lx.cue_phrases[name] = tuple(f for f in normed if " " in f)
    return lx


# particles that open a listed phrase but are no verb ("لن تتردد", "لا تسمح")
_NOT_VERBS = frozenset(norm(w) for w in ["لن", "لا", "لم", "غير", "قد", "ما", "إلى", "على",
                                         "في", "من", "عن", "مع"])
# how many words may stand between a phrase's verb and its object (a subject with its
# title, a time adverbial: "استدعت الحكومة العراقية، اليوم الثلاثاء، سفيرها"; conjoined
# subjects and a time: "قطعت المملكة العربية السعودية والإمارات والبحرين ومصر، فجر اليوم
# الاثنين، علاقاتها", nine words, so 8 → 10 in session 15: tune2 + actors 0.431 → 0.474 with
# the conjoined subjects skipped as objects, no other development row moved)
SPLIT_GAP = 10
_SPLIT_STOP = re.compile(r"[.:؟?!؛;]")
# a complement or relative clause, or the narrator's next clause, ends the search
_SPLIT_CLAUSE = COMPLEMENTIZERS | RELATIVE_PRONOUNS | CONTRAST | frozenset(
    norm(w) for w in ["كما", "حيث"])
_EDGE = re.compile(r"^\W+|\W+$")


def _spaced_tokens(ntext: str) -> list[tuple[int, int, str, str]]:
    """The space-separated words of a normalized text: (start, end, word, raw), where word
    is raw without edge punctuation and start is where the word itself begins ("«سنرسل":
    after the quote mark)."""
    out = []
    for m in re.finditer(r"\S+", ntext):
        raw = m.group(0)
        w = _EDGE.sub("", raw)
        start = m.start() + raw.index(w) if w else m.start()
        out.append((start, m.end(), w, raw[raw.index(w):] if w else raw))
    return out


def _add_split(lx: EventLexicons, form: str, trig: Trigger) -> None:
    words = norm(form).split()
    if trig.pos != "verb" or len(words) != 2 or words[0] in _NOT_VERBS or len(words[0]) < 3:
        return
    for clitic in ("", "و", "ف"):
        lx.split.setdefault(clitic + words[0], []).append((words[1], trig, len(clitic)))


def split_triggers(ntext: str, found: list[Match[Trigger]], lx: EventLexicons,
                   in_name: Callable[[int, int], bool] = lambda s, e: False
                   ) -> list[Match[Trigger]]:
    """A two-word verb phrase whose verb and object stand apart ("استدعت الحكومة العراقية،
    اليوم الثلاثاء، سفيرها لدى طهران"): a match on the verb alone, with the phrase's
    trigger, when the object word follows within SPLIT_GAP words of the same clause, with
    no other trigger between, and neither word is part of another match or of a name
    (`in_name`, on normalized offsets: "نشر قائد قوات الدعم السريع" has no object). The coder then reads the verb's subject and
    object as for any verb."""
    covered = [(m.start, m.end) for m in found]

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in covered)

    toks = _spaced_tokens(ntext)
    out: list[Match[Trigger]] = []
    for i, (s, _e, w, raw) in enumerate(toks):
        phrases = lx.split.get(w)
        if not phrases or not free(s, s + len(w)) or _SPLIT_STOP.search(raw[len(w):]):
            continue
        for j in range(i + 2, min(len(toks), i + 2 + SPLIT_GAP)):
            s2, _e2, w2, raw2 = toks[j]
            if w2 in _SPLIT_CLAUSE or (j > i + 1 and not free(*toks[j - 1][:2])):
                break  # a new clause, or another trigger between: another predicate
            hit = [(t, k) for obj, t, k in phrases if obj == w2]
            if hit and free(s2, s2 + len(w2)) and not in_name(s2, s2 + len(w2)):
                out.append(Match(s, s + len(w), w, (hit[0][0],), prefix=hit[0][1]))
                break
            if _SPLIT_STOP.search(raw2):
                break
    return out


@dataclass(frozen=True, slots=True)
class ObjectFrame:
    """A general verb that is an act of `trigger.type` when one of `objects` follows it
    (object_frames.yaml): objects by their first word's surfaces, each with the second words
    it needs (empty: one word is enough)."""
    trigger: Trigger
    gap: int
    objects: dict[str, tuple[frozenset[str], ...]]
    # the verb halts what its object names: an act noun in the object, or conjoined right
    # after it, is not an act of its own ("وقف الاتصالات السياسية والتفاوض مع")
    halts: bool = False


def _surfaces(word: str) -> set[str]:
    """A word with its proclitics, with and without the article."""
    w = norm(word).strip()
    bare = w[2:] if w.startswith("ال") else w
    return clitic_variants(bare) | clitic_variants("ال" + bare)


@lru_cache(maxsize=1)
def load_object_frames() -> dict[str, tuple[ObjectFrame, ...]]:
    """Frames by the surfaces of their verbs and verbal nouns (with و/ف, and the future س
    of present forms)."""
    out: dict[str, list[ObjectFrame]] = {}
    for ent in (_yaml("object_frames.yaml").get("frames") or []):
        objects: dict[str, list[frozenset[str]]] = {}
        for obj in ent.get("objects") or []:
            words = norm(str(obj)).split()
            if not words:
                continue
            second = frozenset(_surfaces(words[1]) if len(words) > 1 else ())
            for s in _surfaces(words[0]):
                objects.setdefault(s, []).append(second)
        for pos in ("verb", "noun"):
            trig = Trigger(type=str(ent["type"]), mode=str(ent.get("mode") or ""), pos=pos,
                           strong=True)
            forms = [str(f) for f in ent.get("verbs" if pos == "verb" else "nouns") or []]
            frame = ObjectFrame(trig, int(ent.get("gap", SPLIT_GAP)),
                                {k: tuple(v) for k, v in objects.items()},
                                bool(ent.get("halts", False)))
            future = replace(frame, trigger=replace(trig, future=True))
            for f in forms:
                fut = future_form(f, trig)
                for w, fr in [(f, frame)] + ([(fut, future)] if fut else []):
                    nw = norm(w).strip()
                    for v in {nw, "و" + nw, "ف" + nw}:
                        out.setdefault(v, []).append(fr)
    return {k: tuple(v) for k, v in out.items()}


def object_triggers(ntext: str, found: list[Match[Trigger]],
                    frames: dict[str, tuple[ObjectFrame, ...]] | None = None
                    ) -> list[Match[Trigger]]:
    """The matches with the acts a general verb names by its object (object_frames.yaml):
    "أرسلت مصر فرق إنقاذ ومستشفى ميدانياً" adds an AID match on أرسلت. The object follows
    within the frame's gap, in the same clause, with no trigger of another type between;
    it may itself be a match of the frame's type ("مساعدات"), whose mode the verb takes.
    Other readings of the verb at that place go ("سترسل" as a deployment)."""
    frames = load_object_frames() if frames is None else frames
    toks = _spaced_tokens(ntext)

    def covering(a: int, b: int) -> list[Match[Trigger]]:
        return [m for m in found if m.start < b and a < m.end]

    new: list[Match[Trigger]] = []
    drop: set[int] = set()
    for i, (s, _e, w, raw) in enumerate(toks):
        for fr in frames.get(w, ()):
            here = covering(s, s + len(w))
            if any(fr.trigger.type in {p.type for p in m.payloads} for m in here) or \
                    any(m.end > s + len(w) for m in here) or _SPLIT_STOP.search(raw[len(w):]):
                continue  # already that act, or a word of a longer phrase
            hit = _object_after(toks, i, fr, covering)
            if hit is None:
                continue
            mode = next((p.mode for m in covering(*hit) for p in m.payloads
                         if p.type == fr.trigger.type), fr.trigger.mode)
            drop |= {id(m) for m in here}
            if fr.halts:
                drop |= {id(m) for m in _halted(toks, hit, covering)
                         if fr.trigger.type not in {p.type for p in m.payloads}}
            new.append(Match(s, s + len(w), w, (replace(fr.trigger, mode=mode),)))
            break
    if not new:
        return found
    return sorted([m for m in found if id(m) not in drop] + new, key=lambda m: m.start)


def _halted(toks: list[tuple[int, int, str, str]], hit: tuple[int, int],
            covering: Callable[[int, int], list[Match[Trigger]]]) -> list[Match[Trigger]]:
    """The matches a halting verb's object names: those inside it, and one on the word
    right after it when that word is joined by و ("الاتصالات السياسية والتفاوض")."""
    out = covering(*hit)
    nxt = next((t for t in toks if t[0] >= hit[1]), None)
    if nxt is not None and nxt[2].startswith("و") and not _SPLIT_STOP.search(
            next((t[3] for t in toks if t[1] == hit[1]), "")):
        out += covering(nxt[0], nxt[1])
    return out


def _object_after(toks: list[tuple[int, int, str, str]], i: int, fr: ObjectFrame,
                  covering: Callable[[int, int], list[Match[Trigger]]]
                  ) -> tuple[int, int] | None:
    """Where the frame's object begins and ends after token `i`, or None."""
    for j in range(i + 1, min(len(toks), i + 1 + fr.gap)):
        s2, e2, w2, raw2 = toks[j]
        if w2 in _SPLIT_CLAUSE:
            return None
        for seconds in fr.objects.get(w2, ()):
            if not seconds:
                return s2, e2
            if j + 1 < len(toks) and toks[j + 1][2] in seconds and \
                    not _SPLIT_STOP.search(raw2):
                return s2, toks[j + 1][1]
        if any(fr.trigger.type not in {p.type for p in m.payloads}
               for m in covering(s2, e2)):
            return None  # another act's trigger between: the verb is not this act's
        if _SPLIT_STOP.search(raw2):
            return None
    return None
