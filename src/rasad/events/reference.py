"""Reference mentions: a noun trigger that points back to an act the page has already
reported, or that names the occasion of a statement, is not a new event.

News names an act once and then refers to it: "دانت الخارجية الإماراتية الاستهداف
الإرهابي" (the event is the condemnation; the attack was reported above), "جلسة مغلقة بشأن
الهجوم", "وتبنت الحركة الهجوم", "الاتفاق «خطوة أولى»", "وانفجرت السيارة المفخخة الأولى",
"إذا صمدت الهدنة". Coded as events, such mentions duplicate the act with wrong or empty
actors. The rules, from Arabic structure:

* a mention can only refer when it is definite: the article (after the clitics و ف ب ل ك),
  a pronoun suffix ("اغتياله"), or a demonstrative ("هذا الهجوم", "الهجمات هذه");
* and when the page has an earlier act of the same type (a previous sentence, asserted or
  planned) that the mention fits: a place named with the mention must be the act's place or
  named in the act's sentence; for a bare definite, a time expression of its clause must
  agree with the act's explicit date;
* a mention governed by a reaction, talk, circumstance, claim or blame word (reference.yaml
  governors: "دان", "بشأن", "رغم", "منذ بدء", "موقع", "تبنى", "مسؤولية"), or by a
  demonstrative, refers whatever its clause's time (the time is the reaction's: "جلسة بشأن
  الهجوم يوم غد");
* never a reference: an indefinite noun ("إثر غارة جوية استهدفت …" reports a new attack), a
  noun followed by a word that makes it another act ("هجوم مماثل", "الجولة الثالثة"), a
  noun whose relative clause reports the act with its agent ("الهدنة التي أعلنتها
  الفصائل", see roles.asserted_by_clause) unless a governor or demonstrative says
  otherwise, and a noun under a denial ("نفى … أي صلة بالهجوم": the denied act is coded,
  tests/events/tune/gold.yaml convention);
* a same-type verb whose subject is the referring noun ("الضربات استهدفت معاقل") or that sits
  in its relative clause ("الغارة التي استهدفت …") refers with it.

A reference creates no event; what it tells about the act is added to it where the act
lacks it: the attacker named by a claim of responsibility ("وتبنت حركة الشباب الهجوم"), the
dead counted in the mention's sentence, the place named with the mention.

Occasion nouns ("قال في مؤتمر صحفي", "خلال جولة على الحدود") are answered by
`occasion_noun`, for the coder's `_skip_noun`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from rasad.events.lexicons import EventLexicons
from rasad.events.roles import SYMMETRIC_TYPES, Cand, asserted_by_clause, side
from rasad.records import ActorRef, Event, Figure, PlaceRef, Sentence
from rasad.text.function_words import (
    PREPOSITION_CLITICS,
    PRONOUN_SUFFIXES,
    has_article,
)
from rasad.text.function_words import RELATIVE_PRONOUNS as _RELATIVES
from rasad.text.function_words import without_conjunction as _unclitic
from rasad.text.normalize import norm
from rasad.text.tokens import Token, tokens

# how far back from the noun a governor may stand (words), and how far after it a place,
# a time or a marker of another act belongs to the mention
GOVERNOR_REACH = 6
PHRASE_REACH = 4
# how long (words) a relative clause set off by commas inside a mention's clause may be
RELATIVE_ASIDE = 16
# the modalities of an earlier act that a later mention may refer to
ANTECEDENT_MODALITIES = frozenset({"asserted", "planned"})
_PROCLITICS = ("و", "ف")
_PREPOSITIONS = PREPOSITION_CLITICS
_SUFFIXES = PRONOUN_SUFFIXES
_NEGATIONS = frozenset(("لم", "لن", "لا", "ما", "عدم", "ولم", "ولن", "ولا"))
_CLAUSE_SIGNS = frozenset(",;:.?!()[]")
_PUNCTUATION = re.compile(r"[,;:.?!،؛؟]")
_CLAUSE_WORDS = frozenset(("ان", "انه", "انها", "بان", "وان"))
_CONDITIONALS = frozenset(norm(w) for w in ("إذا", "وإذا", "فإذا", "لو", "ولو", "حال"))
_FIRST = frozenset(norm(w) for w in ("أولى", "الأولى"))
_PP_HEADS = frozenset(norm(w) for w in ("على", "في", "ضد", "قرب", "من"))


@dataclass(frozen=True, slots=True)
class Occasion:
    """A frame in which a trigger noun names the occasion of a statement."""

    before: frozenset[str]  # the word right before the noun
    nouns: tuple[tuple[str, ...], ...]  # the noun (one or more words), normalized
    unless_after: frozenset[str]  # a word right after the noun that breaks the frame


@dataclass(frozen=True, slots=True)
class ReferenceWords:
    """The word lists of reference.yaml, normalized."""

    demonstratives: frozenset[str]
    governors: dict[str, frozenset[str]]  # kind -> single words
    governor_phrases: dict[str, tuple[tuple[str, ...], ...]]  # kind -> phrases
    agent_kinds: frozenset[str]
    new_markers: frozenset[str]
    occasions: tuple[Occasion, ...]
    topic_shifts: tuple[str, ...] = ()  # normalized phrases
    obliques: frozenset[str] = frozenset()
    kind_nouns: frozenset[str] = frozenset()
    sequence_words: frozenset[str] = frozenset()


@dataclass(slots=True)
class Reference:
    """A trigger that refers to an earlier act instead of reporting a new one."""

    start: int  # the trigger's offsets in the document text
    end: int
    type: str
    why: str  # demonstrative | governor:<kind> | definite | predicate (a verb of the noun)
    antecedent: Event
    governor: str | None = None  # the governor's kind, when one governs the noun
    governor_at: int = -1  # where the governor word starts
    alone: Sequence[Event] = ()  # the mention coded on its own (what it would have said)
    clause: tuple[int, int] = (0, 0)  # the mention's clause: its actors are the act's


def _words(value: Any) -> list[str]:
    return [norm(str(w)).strip() for w in (value or []) if str(w).strip()]


@lru_cache(maxsize=1)
def load_reference_words() -> ReferenceWords:
    """reference.yaml, read once (lazily)."""
    import yaml

    f = resources.files("rasad") / "data" / "reference.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8")) if f.is_file() else {}
    data = data if isinstance(data, dict) else {}
    governors: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
    for kind, forms in (data.get("governors") or {}).items():
        ws = _words(forms)
        governors[str(kind)] = frozenset(w for w in ws if " " not in w)
        phrases[str(kind)] = tuple(tuple(w.split()) for w in ws if " " in w)
    occasions = tuple(
        Occasion(before=frozenset(_words(o.get("before"))),
                 nouns=tuple(tuple(w.split()) for w in _words(o.get("noun"))),
                 unless_after=frozenset(_words(o.get("unless_after"))))
        for o in data.get("occasions") or [] if isinstance(o, dict))
    return ReferenceWords(
        demonstratives=frozenset(_words(data.get("demonstratives"))),
        governors=governors, governor_phrases=phrases,
        agent_kinds=frozenset(_words(data.get("agent_governors"))),
        new_markers=frozenset(_words(data.get("new_markers"))), occasions=occasions,
        topic_shifts=tuple(_words(data.get("topic_shifts"))),
        obliques=frozenset(_words(data.get("obliques"))),
        kind_nouns=frozenset(_words(data.get("kind_nouns"))),
        sequence_words=frozenset(_words(data.get("sequence_words"))))


def _bare(w: str) -> set[str]:
    """A word without its proclitics (و ف, then ب ل ك) and without the article."""
    forms = {w}
    for group in (_PROCLITICS, _PREPOSITIONS):
        forms |= {f[1:] for f in forms if f[:1] in group and len(f) > 3}
    forms |= {"ال" + f[2:] for f in forms if f.startswith("لل") and len(f) > 4}
    forms |= {f[2:] for f in forms if f.startswith("ال") and len(f) > 4}
    return forms


def _skeleton(w: str) -> str:
    """A rough root of a noun or verb, to tell the same act word ("القمة" / "قمة", "الهجوم"
    / "هاجمت" / "هجمات"): clitics, article, plural and feminine endings and long vowels
    taken off."""
    bare = min(_bare(w), key=len)
    for end in ("ات", "ين", "ون", "ه", "ت"):
        if bare.endswith(end) and len(bare) - len(end) >= 3:
            bare = bare[:-len(end)]
            break
    return "".join(ch for ch in bare if ch not in "اويى")


def _is(words: frozenset[str], w: str) -> bool:
    return bool(_bare(w) & words)


def _pronoun_definite(w: str, c: Cand, lx: EventLexicons) -> bool:
    """"اغتياله", "هجومها": a trigger noun with a pronoun suffix."""
    for s in _SUFFIXES:
        if not w.endswith(s) or len(w) - len(s) < 3:
            continue
        stem = w[:-len(s)]
        for form in {stem, stem[:-1] + "ه" if stem.endswith("ت") else stem}:
            for f in _bare(form):
                if any(t.type == c.type for t in lx.triggers.lookup(f)):
                    return True
    return False


def _index(toks: Sequence[Token], pos: int) -> int:
    return next((k for k, t in enumerate(toks) if t.end > pos), len(toks))


def _breaks(tok: Token) -> bool:
    return tok.w in _CLAUSE_SIGNS or tok.w in _CLAUSE_WORDS


def _hard_break(tok: Token) -> bool:
    """A full stop or a complementizer ("قال X إن …"): not a comma."""
    return (tok.w in _CLAUSE_SIGNS and tok.w != ",") or tok.w in _CLAUSE_WORDS


@dataclass(slots=True)
class _Mention:
    """What the rules read of one noun mention."""

    definite: bool
    demonstrative: bool
    governor: str | None
    governor_at: int
    denied: bool
    another: bool  # a word after it makes it another act ("هجوم مماثل")
    place: PlaceRef | None  # a place named with it
    clause: tuple[int, int]  # its clause in the document text (up to commas)
    wide: tuple[int, int]  # its clause up to a complementizer or a full stop, past commas
    oblique: bool  # after a preposition or governor: not the subject of a verb after it
    reach: int  # where its phrase ends (the words after it, up to a relative or a break)
    to_come: bool  # "اللقاء قد يعقد", "إذا عقد اللقاء": a possible or conditional act
    stands_for_other: bool  # "هذه الاحتجاجات بعد موجة أولى": names another act of its kind


def _governor(toks: Sequence[Token], t: int, words: ReferenceWords) -> tuple[str | None, int]:
    """The governor kind among the GOVERNOR_REACH words before word t, in its clause."""
    lo = t - 1
    while lo >= 0 and t - lo <= GOVERNOR_REACH and not _breaks(toks[lo]):
        lo -= 1
    seg = [tok.w for tok in toks[lo + 1:t]]
    for k in range(len(seg) - 1, -1, -1):
        for kind, single in words.governors.items():
            hit = _is(single, seg[k])
            if not hit:
                hit = any(len(ph) <= len(seg) - k and ph[0] in _bare(seg[k]) and
                          tuple(seg[k + 1:k + len(ph)]) == ph[1:]
                          for ph in words.governor_phrases.get(kind, ()))
            if hit:
                neg = k > 0 and seg[k - 1] in _NEGATIONS
                return (None, -1) if neg else (kind, toks[lo + 1 + k].start)
    return None, -1


def _denied(toks: Sequence[Token], t: int, lx: EventLexicons) -> bool:
    """A denial verb before the noun in its clause ("نفى … أي صلة بالهجوم")."""
    lo = t - 1
    while lo >= 0 and toks[lo].w not in _CLAUSE_SIGNS - {","} and t - lo <= 25:
        if _is(lx.cues.get("denial_verbs", frozenset()), toks[lo].w):
            return True
        lo -= 1
    seg = " ".join(tok.w for tok in toks[max(0, t - 25):t])
    return any(p in seg for p in lx.cue_phrases.get("denial_verbs", ()))


def _read(text: str, sent: Sentence, c: Cand, places: Sequence[PlaceRef],
          lx: EventLexicons, words: ReferenceWords) -> _Mention | None:
    toks = tokens(text, sent.start, sent.end, signs=True)
    t = _index(toks, c.start)
    t_end = _index(toks, c.end)
    if t >= len(toks):
        return None
    first = toks[t].w
    prev = toks[t - 1].w if t > 0 else ""
    nxt = toks[t_end].w if t_end < len(toks) else ""
    demonstrative = _is(words.demonstratives, prev) or nxt in words.demonstratives
    definite = demonstrative or has_article(first) or _pronoun_definite(first, c, lx)
    kind, at = _governor(toks, t, words)
    after: list[Token] = []
    relative = False  # a relative clause opens right after the noun phrase
    for tok in toks[t_end:t_end + PHRASE_REACH]:
        relative = tok.w in _RELATIVES
        if _breaks(tok) or relative:
            break
        after.append(tok)
    another = any(_is(words.new_markers, tok.w) for tok in after[:3])
    place = next((p for p in places if after and after[0].start <= p.start <= after[-1].end),
                 None)
    lo, hi = t, t_end
    while lo > 0 and not _breaks(toks[lo - 1]):
        lo -= 1
    while hi < len(toks) and not _breaks(toks[hi]):
        hi += 1
    clause = (toks[lo].start, toks[hi - 1].end if hi > lo else toks[lo].end)
    wlo, whi = t, t_end
    while wlo > 0 and not _hard_break(toks[wlo - 1]):
        wlo -= 1
    while whi < len(toks) and not _hard_break(toks[whi]):
        whi += 1
    wide = (toks[wlo].start, toks[whi - 1].end if whi > wlo else toks[wlo].end)
    oblique = kind is not None or (first[:1] in _PREPOSITIONS and has_article(first)) or (
        prev in words.obliques or _unclitic(prev) in words.obliques)
    nxt2 = [tok.w for tok in toks[t_end:t_end + 2]]
    to_come = (bool(nxt2) and nxt2[0] == "قد" and len(nxt2) > 1 and nxt2[1][:1] in "يتن") or \
        any(tok.w in _CONDITIONALS for tok in toks[lo:hi])
    return _Mention(definite=definite, demonstrative=demonstrative, governor=kind,
                    governor_at=at, denied=_denied(toks, t, lx), another=another,
                    place=place, clause=clause, wide=wide, oblique=oblique,
                    reach=clause[1] if relative else (after[-1].end if after else c.end),
                    to_come=to_come,
                    stands_for_other=_another_of_kind(toks, t_end, hi, words))


def _another_of_kind(toks: Sequence[Token], t_end: int, hi: int,
                     words: ReferenceWords) -> bool:
    """"بعد موجة أولى", "عقب جولة سابقة" in the mention's clause after it: a sequence word,
    a kind noun, a marker of another act (reference.yaml kind_nouns)."""
    seg = [tok.w for tok in toks[t_end:hi]]
    for k, w in enumerate(seg):
        if not _is(words.sequence_words, w):
            continue
        for j in range(k + 1, min(k + 3, len(seg))):
            if _is(words.kind_nouns, seg[j]) and any(
                    _is(words.new_markers, x) or x in _FIRST for x in seg[j + 1:j + 3]):
                return True
    return False


def _dates_agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _fits(ev: Event, m: _Mention, clause_dates: Sequence[str], places: Sequence[PlaceRef],
          check_date: bool) -> bool:
    """Can the mention be a reference to the earlier act `ev`?"""
    if ev.negated or ev.modality not in ANTECEDENT_MODALITIES:
        return False
    if m.place is not None:
        named = {p.id for p in places if ev.span[0] <= p.start < ev.span[1]}
        if (ev.location is None or ev.location.id != m.place.id) and m.place.id not in named:
            return False  # "الغارة على الصوانة" fits an act whose sentence names الصوانة
    if check_date and ev.date_text is not None and ev.date and clause_dates:
        return all(_dates_agree(d, ev.date) for d in clause_dates)
    return True


def _antecedent(c: Cand, m: _Mention, earlier: Sequence[Event], clause_dates: Sequence[str],
                places: Sequence[PlaceRef], check_date: bool,
                named: dict[str, set[str]] | None = None) -> Event | None:
    """The earlier act of the type that the mention fits: the latest one named by the same
    word ("القمة" after "قمة"), or referred to by it before ("وتبنت الحركة الهجوم … ودان
    الرئيس الهجوم": the attack claimed, not a killing told in between), else the latest."""
    fit = [ev for ev in earlier if ev.type == c.type and
           _fits(ev, m, clause_dates, places, check_date)]
    if not fit:
        return None
    word = _mention_word(c)
    same = [ev for ev in fit if _same_word(c, ev) or word in (named or {}).get(ev.id, ())]
    return (same or fit)[-1]


def _mention_word(c: Cand) -> str:
    own = norm(c.surface).split()
    return _skeleton(own[0]) if own else ""


def _same_word(c: Cand, ev: Event) -> bool:
    """Is the act named by the mention's word ("القمة" for "قمة", "الهجوم" for "هاجمت")?"""
    own, theirs = norm(c.surface).split(), norm(ev.trigger).split()
    return bool(own and theirs) and _skeleton(own[0]) == _skeleton(theirs[0])


def _in(a: ActorRef | None, clause: tuple[int, int]) -> ActorRef | None:
    """The actor if it stands in the clause (not the speaker of "قال X إن …")."""
    return a if a is not None and clause[0] <= a.start < clause[1] else None


def _conflicts(ev: Event, alone: Sequence[Event], clause: tuple[int, int]) -> bool:
    """Does the mention, coded alone, give a source or a target (named in its clause) of
    another side than the act's? Then it is another act ("اتفاقهما" of two other parties,
    "المواجهات بين …" naming other forces)."""
    theirs = {x.id for x in (ev.source_actor, ev.target_actor) if x is not None}
    for a in alone:
        if a.type != ev.type:
            continue
        for mine, act in ((_in(a.source_actor, clause), ev.source_actor),
                          (_in(a.target_actor, clause), ev.target_actor)):
            if mine is not None and act is not None and mine.id not in theirs and \
                    side(mine) != side(act):
                return True
    return False


def find_references(text: str, sent: Sentence, cands: Sequence[Cand], earlier: Sequence[Event],
                    places: Sequence[PlaceRef], times: Sequence[Any], lx: EventLexicons,
                    alone: Callable[[Cand], Sequence[Event]] | None = None,
                    words: ReferenceWords | None = None,
                    named: dict[str, set[str]] | None = None) -> list[Reference]:
    """The triggers of one sentence that refer to an act in `earlier` (the events the page
    has coded in the sentences before), with the act each refers to. `times` are the
    coder's TimeRefs (start, value); `alone(c)` codes one trigger on its own (the coder's
    reading of the mention, to compare its actors with the act's and to carry them).
    `named` (event id → the words that referred to it) is the page's memory of references,
    read and extended here."""
    words = words or load_reference_words()
    out: list[Reference] = []
    nouns = sorted((c for c in cands if c.trig.pos == "noun" and c.type != "BLOCK"),
                   key=lambda c: c.start)
    opening = " ".join(t.w for t in tokens(text, sent.start, min(sent.end, sent.start + 40)))
    shifted = any(_unclitic(opening).startswith(p) or opening.startswith(p)
                  for p in words.topic_shifts)
    for c in nouns:
        if not any(ev.type == c.type for ev in earlier):
            continue
        m = _read(text, sent, c, places, lx, words)
        if m is None or not m.definite or m.another or m.stands_for_other or (
                m.denied and m.governor != "aftermath"):
            continue  # (a denial does not reach "موقع الانفجار": the site presupposes it)
        strong = m.demonstrative or m.governor is not None
        if not strong and (shifted or asserted_by_clause(text, c, lx)):
            continue  # "الهدنة التي أعلنتها الفصائل": the clause reports the act
        # the mention's own time: in its clause before it, in its phrase ("اشتباكات أغسطس
        # 2022") or its own relative clause ("الاشتباكات التي شهدتها المدينة في 2008"); not
        # one of a relative clause about another noun after it
        dates = [str(tm.value) for tm in times if tm.value and (
            m.wide[0] <= tm.start < c.start or c.end <= tm.start < m.reach)]
        ev = _antecedent(c, m, earlier, dates, places, check_date=not strong, named=named)
        if ev is None:
            continue
        said = alone(c) if alone is not None else ()
        if not strong and _conflicts(ev, said, m.wide):
            continue
        if not strong and ev.modality == "asserted" and not _same_word(c, ev) and (
                m.to_come or any(a.type == c.type and a.modality in ("planned", "hypothetical")
                                 for a in said)):
            continue  # "اللقاء قد يعقد": a meeting to come is not the summit held
        why = "demonstrative" if m.demonstrative else (
            f"governor:{m.governor}" if m.governor else "definite")
        out.append(Reference(c.start, c.end, c.type, why, ev, m.governor, m.governor_at,
                             said, m.wide))
        if named is not None:
            named.setdefault(ev.id, set()).add(_mention_word(c))
        if not m.oblique:
            out += _predicates(text, sent, c, cands, ev, lx)
        out += _harm_of(text, sent, c, cands, ev, lx, {r.start for r in out})
    return out


def _relative_aside(toks: Sequence[Token], at: int) -> int | None:
    """When a comma at `at` opens a relative clause closed by another comma ("، الذي طال
    منزلاً في حي سكني،"), the index just after the closing comma; else None."""
    if toks[at].w not in (",", "،") or at + 1 >= len(toks) or \
            _unclitic(toks[at + 1].w) not in _RELATIVES:
        return None
    for j in range(at + 2, min(len(toks), at + 2 + RELATIVE_ASIDE)):
        if _hard_break(toks[j]):
            return None
        if toks[j].w in (",", "،"):
            return j + 1
    return None


def _harm_of(text: str, sent: Sentence, c: Cand, cands: Sequence[Cand], ev: Event,
             lx: EventLexicons, taken: set[int]) -> list[Reference]:
    """The casualty words of the referring act in its clause ("أسفرت الغارة على الصوانة عن
    مقتل امرأة"): one act, its dead (PLOVER.md); they refer with it."""
    toks = tokens(text, sent.start, sent.end, signs=True)
    t = _index(toks, c.start)
    lo = t
    while lo > 0 and not _breaks(toks[lo - 1]):
        lo -= 1
    hi = _index(toks, c.end)
    skipped = 0  # a relative clause set off by commas ("وأدى القصف، الذي طال منزلاً، إلى مقتل")
    while hi < len(toks) and hi - t - skipped <= 10:
        if _breaks(toks[hi]):
            end = _relative_aside(toks, hi)
            if end is None:
                break
            skipped += end - hi
            hi = end
            continue
        hi += 1
    clause = " ".join(tok.w for tok in toks[lo:hi])
    cues = lx.cues.get("consequence_cues", frozenset())
    if not any(_is(cues, tok.w) for tok in toks[lo:hi]) and not any(
            p in clause for p in lx.cue_phrases.get("consequence_cues", ())):
        return []
    harm = lx.cues.get("harm_words", frozenset())
    end = toks[hi - 1].end if hi > t else c.end
    return [Reference(o.start, o.end, o.type, "harm", ev) for o in cands
            if o.type == c.type and c.end <= o.start < end and o.start not in taken and
            all(_is(harm, w.w) for w in tokens(o.surface))]


def _predicates(text: str, sent: Sentence, c: Cand, cands: Sequence[Cand], ev: Event,
                lx: EventLexicons) -> list[Reference]:
    """The same-type verb that says what the referring noun (a subject) did: its predicate
    right after it, past a place phrase ("الضربات استهدفت", "الغارة على النبطية دمرت"), or
    the verb of its relative clause ("الغارة التي استهدفت"). Not a verb joined by و/ف to
    another verb ("وطاردت القوات المهاجمين فقتلت …"), nor one with a subject of its own
    right after it."""
    toks = tokens(text, c.end, sent.end, signs=True)
    verb = next((o for o in sorted(cands, key=lambda o: o.start)
                 if o.start >= c.end and o.type == c.type), None)
    if verb is None or verb.trig.pos == "noun":
        return []
    between = [tok for tok in toks if tok.end <= verb.start]
    if len(between) > 3 or any(_breaks(tok) for tok in between):
        return []
    lead = between[0].w if between else ""
    if lead and lead not in _RELATIVES and lead not in _PP_HEADS and lead != '"' and \
            lead[:1] not in _PREPOSITIONS:
        return []  # another noun phrase stands between: not this noun's verb
    first = norm(verb.surface).split()[0] if verb.surface.split() else ""
    if first[:1] in _PROCLITICS and any(t.type == c.type for t in lx.triggers.lookup(first[1:])):
        return []  # a verb joined to the verb before it shares that verb's subject
    return [Reference(verb.start, verb.end, verb.type, "predicate", ev)]


def carry(ref: Reference, text: str, sent: Sentence, actors: Sequence[ActorRef],
          places: Sequence[PlaceRef], figures: Sequence[Figure],
          others: Sequence[Cand] = ()) -> None:
    """Add what a reference tells to the act it refers to, where the act lacks it:
    * the attacker of a claim of responsibility ("وتبنت حركة الشباب الهجوم");
    * for a bare definite or a demonstrative (not a governed mention, whose roles are the
      reaction's), the actors of the mention coded alone (`ref.alone`: "واندلعت المواجهات بين
      الردع واللواء 444");
    * the dead of the mention's sentence, when no other act of the type is coded in it
      (`others`: the sentence's triggers that are not references);
    * the place named with the mention."""
    ev = ref.antecedent
    words = load_reference_words()
    if ref.governor in words.agent_kinds and ev.source_actor is None and ref.governor_at >= 0:
        before = [a for a in actors if sent.start <= a.start and a.end <= ref.governor_at
                  and a.id and a.via != "adjective"]
        after = [a for a in actors if ref.governor_at < a.start < ref.start and a.id and
                 a.via != "adjective"]
        agent = after[0] if after else (before[-1] if before else None)
        if agent is not None and (ev.target_actor is None or ev.target_actor.id != agent.id):
            ev.source_actor = agent
    if ref.governor is None:
        for a in ref.alone:
            if a.type != ev.type or a.negated or a.modality not in ANTECEDENT_MODALITIES:
                continue
            for side in ("source_actor", "target_actor"):
                got = _in(getattr(a, side), ref.clause)
                if got is not None and got.start < ref.start and ev.type not in SYMMETRIC_TYPES:
                    continue  # the subject of the verb whose object the noun is; a party
                    # only of a meeting or a deal ("استهل بوتين المحادثات")
                taken = {x.id for x in (ev.source_actor, ev.target_actor) if x is not None}
                if getattr(ev, side) is None and got is not None and got.id not in taken:
                    setattr(ev, side, got)
    if ev.fatalities is None and ref.type == "ASSAULT" and not any(
            o.type == "ASSAULT" for o in others):
        killed = [f for f in figures if f.category == "killed" and
                  sent.start <= f.span[0] < sent.end]
        if killed:
            ev.fatalities = int(sum(f.quantity for f in killed))
    if ev.location is None:
        near = [p for p in places if ref.end <= p.start < ref.end + 40 and
                not text[ref.end:p.start].count(",") and not text[ref.end:p.start].count("،")]
        if near:
            ev.location = near[0]


# the types of a reaction to an act: condemning it blames its author, praising or welcoming
# it supports its author ("دانت سلطنة عمان الضربات", "أشاد بالعملية"), vowing to answer it
# threatens its author ("هذا العدوان لن يمر دون رد")
REACTION_TYPES = frozenset({"ACCUSE", "SUPPORT", "THREATEN"})
# how many words may stand between a reaction trigger and the act noun in its clause: after
# a governing reaction verb (its subject may be long: "ودان رئيس حكومة تصريف الأعمال نجيب
# ميقاتي الغارة"), and otherwise
REACTION_REACH = 12
REACTION_NEAR = 3


def _victims_act(ref: Reference, reactor: ActorRef | None, earlier: Sequence[Event]
                 ) -> Event:
    """The act a reaction answers: the antecedent, unless the reactor's country was the
    target of another earlier act of the type ("وفي أبوظبي، دانت الخارجية الإماراتية
    الاستهداف": the attack on the UAE, not the strikes reported after it). An antecedent
    with no author stays so: guessing another act of the type ("the latest one with an
    author") lost an event on the first blind set (session 6)."""
    country = reactor.country if reactor is not None else None
    ante = ref.antecedent
    authored = [e for e in earlier if e.type == ante.type and e.source_actor is not None and
                not e.negated and e.modality in ANTECEDENT_MODALITIES]
    if country is not None and not (ante.target_actor is not None and
                                    ante.target_actor.country == country):
        hit = [e for e in authored if e.target_actor is not None and
               e.target_actor.country == country and e.source_actor is not None and
               e.source_actor.country != country]
        if hit:
            return hit[-1]
    return ante


def aim_reaction(ref: Reference, text: str, sent: Sentence, coded: Sequence[Event],
                 earlier: Sequence[Event] = (), words: ReferenceWords | None = None) -> None:
    """A reaction to an act already reported is aimed at the act's author: "ودان ميقاتي
    الغارة" (the strike of the sentence before, by Israel) is an ACCUSE of Israel.

    The reaction is a coded ACCUSE, SUPPORT or THREATEN event of the sentence:
    * whose trigger is a reaction governor (reference.yaml: دان، استنكر، رحب، أشاد …), or a
      vow, before the noun in its clause (its complement clause included), however long the
      subject between. Its target becomes the act's
      author when it has none, or when the one it has stands after the act noun's phrase (an
      actor of another clause: "دانت عمان الضربات، … في وقت تواصل فيه إسرائيل");
    * or whose trigger stands next to the noun in one clause ("توعد بأن هذا العدوان لن يمر
      دون رد"). It then takes the author only when it has no target.
    Acts between two parties (a deal, a meeting) have no one author and are left alone."""
    words = words or load_reference_words()
    if ref.antecedent.type in SYMMETRIC_TYPES:
        return
    reaction = words.governors.get("reaction", frozenset())
    for ev in coded:
        if ev.type not in REACTION_TYPES:
            continue
        author = _victims_act(ref, ev.source_actor, earlier).source_actor
        if author is None:
            return
        before = text.rfind(ev.trigger, sent.start, ref.start)
        at = before if before >= 0 else text.find(ev.trigger, ref.end, sent.end)
        first = norm(ev.trigger).split()[:1]
        if at < 0 or not first:
            continue
        lo, hi = (at + len(ev.trigger), ref.start) if before >= 0 else (ref.end, at)
        between = tokens(text, lo, hi)
        # a reaction verb, or a vow, governs the act noun of its object or its complement
        # clause ("توعد بأن هذا العدوان لن يمر"); no punctuation may stand between
        # (not a warning: "محذرة من أن استمرار القتال" is aimed at no one)
        governs = before >= 0 and (_is(reaction, first[0]) or (
            ev.type == "THREATEN" and ev.mode != "warning"))
        if _PUNCTUATION.search(text[lo:hi]) or (not governs and any(_breaks(t)
                                                                    for t in between)):
            continue
        if len(between) > (REACTION_REACH if governs else REACTION_NEAR):
            continue
        if ev.source_actor is not None and ev.source_actor.id == author.id:
            return
        tgt = ev.target_actor
        if tgt is None or (governs and tgt.start >= ref.end + PHRASE_REACH * 8):
            ev.target_actor = author
            for other in coded:  # the copies for its conjoined sources ("دانت X وY الهجوم")
                if other is not ev and other.type == ev.type and other.trigger == ev.trigger \
                        and other.target_actor is None and other.source_actor is not None \
                        and other.source_actor.id != author.id:
                    other.target_actor = author
        return


def occasion_noun(text: str, c: Cand, words: ReferenceWords | None = None) -> bool:
    """Is the noun the occasion of a statement ("قال في مؤتمر صحفي", "خلال جولة على
    الحدود") rather than an act (reference.yaml occasions)?"""
    words = words or load_reference_words()
    before = tokens(text, max(0, c.start - 30), c.start)
    prev = before[-1].w if before else ""
    own = [t.w for t in tokens(text, c.start, c.end)]
    after = tokens(text, c.end, min(len(text), c.end + 40), signs=True)
    for o in words.occasions:
        if not _is(o.before, prev):
            continue
        for noun in o.nouns:
            if tuple(own[:len(noun)]) != noun:
                continue
            rest = [t.w for t in after]
            if len(own) > len(noun):
                rest = own[len(noun):] + rest
            # "مؤتمر صحفي مشترك": a joint press conference is a CONSULT (PLOVER.md)
            return not (rest and (rest[0] in o.unless_after or _is(o.unless_after, rest[0])))
    return False
