"""Source and target of an event from the words around its trigger.

The rules follow Arabic word order and news style (docs/events.md has the list and the
numbers behind it). In order of trust:

* **verbs**: a relative clause gives the verb its antecedent as subject ("القوات التي
  قصفت"), unless the verb carries an object pronoun ("المهلة التي حددها أردوغان": the
  antecedent is the object, the subject follows); a pronoun subject after إنّ/أنّ ("قال
  بوتين إنه اتفق") is the speaker; an actor right before the verb is its subject (SVO,
  also after a topicalizing أنّ/إنّ: "غير أن موسكو تتهم أنقرة"); else the actor right
  after it (VSO); a passive verb (marked with a damma: "قُصف") has its patient after it
  and its agent only after من قبل / على يد; a verb with an object pronoun ("دعاه") has
  the actor it refers back to as target. A clause with no subject of its own (after a
  comma or و) shares the sentence's subject.
* **nouns** (masdars): the agent is named inside the phrase ("دوريات روسية تركية"), by an
  agent marker or a support verb with a resumptive pronoun ("هجوم شنته X", "اتفاق أبرمه
  X"), by لـ after the masdar and its adjectives ("قصف مدفعي مكثف للنظام"), by a nisba
  adjective ("قصف تركي"), by a genitive ("هجمات قوات النظام": the agent, except for
  patient nouns such as مقتل or استهداف), or it is the subject of the support verb that
  governs the masdar ("تشن القوات ... حملة", "أعرب X عن تضامن", "قدم X لنظيره التعازي").
* **across sentences** (rasad.events.coref): a verb that carries a dropped subject
  ("ودعا روسيا إلى") has it as source and the actor after it as object; a verb does not
  take as subject an actor of the other gender right after it ("سيزور تركيا"); a noun
  with the speaker's pronoun before the verb ("إن طائراته قصفت") is the speaker's force.
* **never a source**: an actor after a preposition (على، ضد، مع، إلى، لـ، بـ، عن، من …),
  or separated from a verb by a comma (a new clause); the first of conjoined subjects
  ("بوتين وأردوغان اتفقا") is the source and, for the symmetric types, the second one the
  target. But a partitive ("عناصر من حزب الله اقتحموا") is a subject.
* **never a target**: the source's voice or head ("على لسان المتحدث باسمها X", "وقالت
  رئيستها X"), a subject conjoined with the source of a one-sided act ("دعت واشنطن ولندن
  الطرفين"), a capital after في, a country after من that says where from ("صواريخ أطلقت
  من لبنان"), anything after a new clause ("، وقالت إن …", "فيما …").
* **more agents**: after a speech verb and its subject the trigger is a masdar whose
  genitive is the agent ("أعلن المكتب، اليوم، توصل الطرفين"); a masdar with the subject's
  own forces ("أعلن الجيش انسحاب قواته"); a military speaker's bare "القوات"/"الضربات"
  ("قال التحالف إن الضربات استهدفت"); the parties of a clash ("اشتباكات بين X وY",
  "المعارك مع X" fought by the subject force); the one blamed after حمّل. An act
  condemned or called for ("دانت الوزارة الاستهداف") or a topic ("جلسة بشأن الهجوم") does
  not take the clause's subject as its agent. Word lists: cues.yaml "roles (helper)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rasad.events.coref import (
    actor_gender,
    conjoined,
    load_coref_data,
    masdar_like,
    partitive_start,
    second_party,
    verb_reading,
)
from rasad.events.lexicons import EventLexicons, Trigger, load_event_lexicons
from rasad.records import ActorRef, Sentence
from rasad.text.function_words import (
    ATTRIBUTION,
    CONTRAST,
    PREPOSITION_CLITICS,
    PREPOSITIONS,
    PRONOUN_SUFFIXES,
    without_conjunction,
)
from rasad.text.function_words import RELATIVE_PRONOUNS as _RELATIVE_PRONOUNS
from rasad.text.normalize import norm, normalize
from rasad.text.tokens import WORD
from rasad.time.lexicon import TIME_WORDS

SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_TOKEN = re.compile(r"\w+")
# a word of the original text, with its diacritics ("شنّت" is one word, not شن + ت)
_WORD = WORD  # words with their diacritics (rasad.text.tokens)
_DAMMA = "\u064f"
_OBJECT_SUFFIXES = PRONOUN_SUFFIXES
# what may stand between a relative pronoun and its verb ("التي كانت قد قصفت")
_RELATIVE_FILLERS = frozenset(norm(w) for w in [
    "كان", "كانت", "كانوا", "كانا", "قد", "لقد", "لم", "لا", "ما", "سبق", "سبقت", "ان"])
# what may stand between a subject and its verb ("موسكو قد اتهمت")
# (a negation, "X وY لم يلتقيا", and an auxiliary, "أن تركيا كانت تستهدف", too)
_SVO_FILLERS = frozenset(norm(w) for w in [
    "و", "ف", "قد", "لقد", "ثم", "لم", "لن", "لا", "ولم", "ولن", "ولا", "فلم", "فلن", "فلا",
    "كان", "كانت", "كانوا", "كانا", "كانتا"])
# before a topicalized subject: "أن موسكو تتهم", "لكن أنقرة ردت"
_PRONOUN_SUBJECT = frozenset(norm(w) for w in [
    "إنه", "انه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "إنهما", "أنهما", "بأنه", "بأنها",
    "لكنه", "لكنها", "ولكنه", "ولكنها", "لكنهم", "فإنه", "فإنها", "وإنه", "وإنها", "وأنه",
    "وأنها"])
# a topicalized subject comes right after one of these ("غير أن موسكو، …، تتهم")
_SUBORDINATORS = CONTRAST | frozenset(norm(w) for w in [
    "أن", "إن", "وأن", "وإن", "بأن", "لأن", "لكن", "ولكن", "إذ", "حيث"])
_PREPOSITIONS = PREPOSITIONS | frozenset(norm(w) for w in [
    "وعلى", "وضد", "ومع", "وإلى", "وعن", "ومن",
    "وفي", "وبين", "لصالح", "بمشاركة", "بدعم", "بطلب", "بمبادرة", "بحضور", "برعاية"])
# what follows a verb that has no object: a preposition (with a pronoun), a form of كان, a
# time word or a subordinating conjunction ("قتلوا عندما استهدفت …")
_NO_OBJECT = _PREPOSITIONS | frozenset(norm(w) for w in [
    "فيها", "فيه", "فيهم", "منها", "منه", "عليها", "عليه", "بها", "به", "لها", "له", "جراء",
    "إثر", "اثر", "بعد", "قبل", "كان", "كانت", "كانوا", "كانا", "أمس", "اليوم", "ليلا",
    "فجر", "صباح", "مساء", "عندما", "حين", "حينما", "بعدما", "لدى", "عقب", "إذ", "حيث",
    "وأصيب", "وجرح"]) | CONTRAST
# proclitic prepositions in front of an actor: بـ, لـ (with the article: بال, لل)
_PREP_CLITICS = ("بال", "لل", "وبال", "ولل", "فبال", "فلل", "بنظير", "لنظير", "وبنظير",
                 "ولنظير", "بنظيرت", "لنظيرت")
# an attribution ("بحسب بيان للرئاسة التركية") names a source of news, not a party
_ATTRIBUTION = re.compile(r"\b(" + "|".join(sorted(ATTRIBUTION, key=len, reverse=True)) + r")\b")
# where an act happens or passes ("في أنقرة", "داخل سوريا", "عبر تركيا"): a capital or a
# country after these is a place, not a party
_LOCATIVE_PREPS = frozenset(norm(w) for w in ["في", "وفي", "داخل", "بداخل", "عبر", "وعبر"])
# the prepositions of an act's object: "غارات على مواقع", "حملة ضد عناصر"
_OBJECT_PREPOSITIONS = frozenset(norm(w) for w in [
    "على", "ضد", "نحو", "باتجاه", "تجاه", "وعلى", "وضد"])
# words that open a new clause with its own subject: no object of the act is after them
_NEW_CLAUSE = CONTRAST | frozenset(norm(w) for w in [
    "حين", "حينما", "وفيما", "وبينما", "عندما", "بعدما"])
# "لن ينسحبوا من مواقعهم ما دامت القوات الإريترية موجودة": a condition with its own
# subject; no party of the act stands in it (normalized text)
_AS_LONG_AS = re.compile(r"(?:^|\s)(?:[وف]?طالما|[وف]?ما\s+دام(?:ت|وا|ا)?)\s")


# participles that attach a backer or a patron to the noun before them ("القوات الحكومية
# المدعومة من التحالف", "الفصائل الموالية لتركيا", normalized)
_ATTRIBUTIVE = frozenset(norm(w) for w in [
    "المدعومة", "المدعوم", "المدعومين", "المدعومتين", "الموالية", "الموالي", "الموالين",
    "التابعة", "التابع", "التابعين", "المقربة", "المقرب", "المقربين", "المرتبطة", "المرتبط",
    "المتحالفة", "المتحالف", "المحسوبة", "المحسوب"])


def _attribute_spans(text: str, acts: Sequence[ActorRef]) -> list[tuple[int, int]]:
    """The spans "المدعومة من X", "الموالية لX": an attributive participle right after an
    actor, then (من or a proclitic ل/ب) an actor; from the participle to that actor's end."""
    out: list[tuple[int, int]] = []
    for x, a in pairwise(acts):
        words = list(_WORD.finditer(text, x.end, a.start))
        if not words or len(words) > 2 or norm(words[0].group(0)) not in _ATTRIBUTIVE:
            continue
        if len(words) == 2 and norm(words[1].group(0)) != "من":
            continue
        if len(words) == 1 and not a.proclitic.endswith(("ل", "ب")) and \
                not norm(a.text).startswith(("ل", "ب")):
            continue
        out.append((words[0].start(), a.end))
    return out


# the past of a verb of the eighth (or seventh, tenth) form is written with a bare alif
# ("اتّهم", "انتقد", "اعتقل"); with a hamza it is "I …" in the present ("أتّهم", "أنتقد")
_FORM_VIII = re.compile(r"^ا(?:ت|.ت|ست)")


# first-person singular presents of speech acts that no past is spelled like ("وأدعو
# الجميع إلى التهدئة"); not a form IV verb, whose past "أفرج" and present "يفرج" a hamza
# alone does not tell apart
_FIRST_PERSON_ACTS = frozenset(norm(w) for w in [
    "أدعو", "أطالب", "أناشد", "أحذر", "أرفض", "أدين", "أندد", "أستنكر", "أحمل"])


def first_person_singular(c: Cand) -> bool:
    """Is the verb trigger written as a first-person singular present ("أتهم", "أنتقد")
    where its past would have a bare alif, or one of the speech acts no past is spelled like
    ("أدعو", "أطالب")? (Only its raw spelling tells the first apart.)"""
    if c.trig.pos != "verb":
        return False
    raw = c.surface.split()[0] if c.surface.split() else ""
    raw = raw[1:] if raw[:1] in "وف" and len(raw) > 3 else raw
    return (raw[:1] == "أ" and bool(_FORM_VIII.match(norm(raw)))) or \
        norm(raw) in _FIRST_PERSON_ACTS


def _condition_start(text: str, c: Cand, limit: int = 160) -> int | None:
    """Where an "as long as" clause after the trigger opens (its offset in text)."""
    n = normalize(text[c.end:c.end + limit])
    m = _AS_LONG_AS.search(n.text)
    return None if m is None else c.end + n.to_original(m.start(), m.end())[0]


_CLAUSE_OPENER = re.compile(r"[,;:]|\b(ان|انه|انها|انهم|لكن|لكنه|لكنها|بينما|فيما|حيث|اذ)\b")


@dataclass(slots=True)
class Cand:
    """A trigger match in the original text."""

    trig: Trigger
    type: str
    start: int  # original offsets
    end: int
    surface: str


def side(a: ActorRef) -> str:
    """The party an actor stands for: its country, else its id's first letters (for a
    country's own state actors, ids like TURMIL)."""
    return a.country or (a.id or "")[:3]


def ntoks(text: str) -> list[str]:
    return _TOKEN.findall(norm(text))


def prev_word(text: str, pos: int) -> str:
    toks = ntoks(text[max(0, pos - 30):pos])
    return toks[-1] if toks else ""


def words_between(text: str, a: int, b: int) -> int:
    return len(_TOKEN.findall(text[a:b]))


def support_verb_forms(lx: EventLexicons) -> frozenset[str]:
    return lx.cues.get("support_verbs", frozenset())


def resumptive_agent_verbs(lx: EventLexicons) -> frozenset[str]:
    """"شنته", "قدمه", "أبرماه": a support verb with a pronoun that points back to the act
    noun before it; the actor after it is the act's agent (built once per lexicon)."""
    return _with_pronoun(support_verb_forms(lx) | lx.cues.get("resumptive_verbs", frozenset()))


@lru_cache(maxsize=4)
def _with_pronoun(verbs: frozenset[str]) -> frozenset[str]:
    """Verbs with the pronoun that points back to the act ("شنها", "يشنها", "شنته")."""
    return frozenset(v + s for v in verbs for s in _OBJECT_SUFFIXES) | frozenset(
        v[:-1] + "ت" + s for v in verbs if v.endswith("ه") for s in _OBJECT_SUFFIXES) | \
        frozenset(v[:-1] + "ا" + s for v in verbs if v.endswith("ي") and len(v) > 3
                  for s in _OBJECT_SUFFIXES)  # a final ى is written ا before it: تبناها


def agent_markers(lx: EventLexicons) -> tuple[str, ...]:
    """"من قبل", "على يد", "شنته": what introduces the agent of an act."""
    return tuple(lx.cues.get("agent_markers", ())) + lx.cue_phrases.get("agent_markers", ())


def governed_by_preposition(text: str, a: ActorRef) -> bool:
    """"على مواقع …", "مع روسيا", "بنظيره", "للرئاسة": the actor is a prepositional
    object, so it is not a subject (but "عناصر من حزب الله" is a partitive: the group
    is the one acting)."""
    na = norm(a.text)
    if na.startswith(_PREP_CLITICS) or (a.via == "role" and any(
            p in a.proclitic for p in PREPOSITION_CLITICS)):
        # the dictionary read the description "بأمير قطر" as ب + "أمير قطر" (names read
        # so, "لحزب الله", stay as they were: later rules lean on them, and extending it to
        # them lost two events on the blind floors, session 11)
        return True
    return prev_word(text, a.start) in _PREPOSITIONS and partitive_start(text, a) is None


def _head_start(text: str, a: ActorRef) -> int:
    p = partitive_start(text, a)
    return a.start if p is None else p


_POSSESSIVE_TITLES: dict[frozenset[str], frozenset[str]] = {}


def _possessive_titles() -> frozenset[str]:
    """"باسمها", "رئيستها", "خارجيتها": cues.yaml representative_titles with a pronoun."""
    titles = load_event_lexicons().cues.get("representative_titles", frozenset())
    out = _POSSESSIVE_TITLES.get(titles)
    if out is None:
        out = frozenset((t[:-1] + "ت" if t.endswith("ه") else t) + suf for t in titles
                        for suf in ("ه", "ها", "هم", "هما"))
        _POSSESSIVE_TITLES.clear()
        _POSSESSIVE_TITLES[titles] = out
    return out


def speaks_for_another(text: str, a: ActorRef) -> bool:
    """"على لسان المتحدث باسمها X", "وقالت رئيستها X": X is named as the voice or head of
    an actor named before, so X is on that actor's side (never the target of its act). Not
    the host named after لدى: "سفيرها لدى طهران" is the ambassador to Tehran."""
    toks = ntoks(text[max(0, a.start - 40):a.start])[-3:]
    if toks and toks[-1] == norm("لدى"):
        return False
    titles = _possessive_titles()
    return any(without_conjunction(t) in titles or t in ("لسان", "بلسان") for t in toks)




def object_suffix(c: Cand, lx: EventLexicons) -> bool:
    """Does a verb trigger carry an object pronoun ("دعاه", "استهدفها")?"""
    toks = ntoks(c.surface)
    if not toks:
        return False
    first = c.surface.split()[0] if c.surface.split() else ""
    if re.sub(r"[\u064b-\u0652]+$", "", first).endswith("ة"):
        return False  # "داعية", "محذرة": a feminine participle, not a verb with "ـه"
    bare = without_conjunction(toks[0])
    for s in _OBJECT_SUFFIXES:
        if bare.endswith(s) and len(bare) - len(s) >= 2:
            stem = bare[:-len(s)]
            if any(t.pos != "noun" for t in lx.triggers.lookup(stem)) or any(
                    t.pos != "noun" for t in lx.triggers.lookup(stem + "ا")):
                return True
    return False




# the preposition by which a verb of a type takes the one it is addressed to, when that
# one is a pronoun right after it ("وطلب منه التريث", "والتقى به"): its antecedent is the
# target, as for a pronoun on the verb
_ADDRESSEE_PREPOSITIONS = {"REQUEST": ("من",), "CONSULT": ("ب", "مع")}


def pronoun_addressee(text: str, c: Cand) -> bool:
    """Is the word right after a verb trigger a preposition with an object pronoun that
    names whom the act is addressed to ("طلب منه", "اجتمع معها", "اتصل به")?"""
    preps = _ADDRESSEE_PREPOSITIONS.get(c.type)
    if not preps or c.trig.pos == "noun":
        return False
    rest = text[c.end:c.end + 24]
    m = _WORD.search(rest)  # (with its diacritics: "منْه")
    if m is None or rest[:m.start()].strip():
        return False
    w = norm(m.group(0))
    return any(w == p + s for p in preps for s in _OBJECT_SUFFIXES)


def passive(c: Cand, text: str = "", times: Sequence[tuple[int, int]] = ()) -> bool:
    """A verb written with a damma on its first letter ("قُتل", "يُستهدف"): passive. A
    killing verb followed by a preposition, not an object ("الجنود الذين قتلوا في الغارة",
    "قتل 5 مدنيين في قصف") reads as passive too: news names the dead, not the killers."""
    if c.type == "ASSAULT" and c.trig.pos == "verb" and c.trig.mode != "clash" and text \
            and len(ntoks(c.surface)) == 1:
        # a transitive attack verb with no object after it: "الجنود الذين استهدفوا كانوا";
        # a time adverbial first is skipped ("قصفت فجر اليوم مواقع", "استهدفت في 17 آب
        # الماضي حقل الشيبة" have their objects)
        at = c.end
        for ts, te in sorted(times):
            if ts >= at and re.fullmatch(r"[\s,،]*(?:في)?\s*", norm(text[at:ts])):
                at = te
        nxt = [t for t in ntoks(text[at:at + 60]) if t not in TIME_WORDS][:1]
        if nxt and nxt[0] == "علي" and load_event_lexicons().is_cue(
                "ala_object_verbs", without_conjunction(norm(c.surface))):
            pass  # "أغارت على مواقع": على brings the verb's own object
        elif not nxt or nxt[0] in _NO_OBJECT or (c.trig.mode == "killing" and
                                                 nxt[0].isdigit()):
            return True
    s = c.surface.lstrip()
    if s[:1] in ("و", "ف") and len(s) > 2 and s[1] != _DAMMA:
        s = s[1:]
    return len(s) > 1 and s[1] == _DAMMA


def gap_tokens(text: str, a: int, b: int, times: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Normalized tokens between a and b, leaving out time expressions (a time adverbial
    between commas is parenthetical in news style: "أعلنت الوزارة، اليوم الاثنين، …")."""
    parts: list[str] = []
    pos = a
    for s, e in sorted(times):
        if s >= pos and e <= b:
            parts.append(text[pos:s])
            pos = e
    parts.append(text[pos:b])
    return ntoks(" ".join(parts))


def gap_has_comma(text: str, a: int, b: int, times: Sequence[tuple[int, int]] = ()) -> bool:
    """Is there a comma between a and b, other than those around a time adverbial?"""
    out = []
    pos = a
    for s, e in sorted(times):
        if s >= pos and e <= b:
            out.append(text[pos:s] + "\x00")
            pos = e
    out.append(text[pos:b])
    gap = re.sub(r"[,،]?\s*\x00\s*[,،]?", " ", "".join(out))
    return bool(re.search(r"[,;:،؛]", gap))


def conjunct_head(acts: Sequence[ActorRef], a: ActorRef, text: str) -> ActorRef:
    """The first of conjoined actors ending with `a` ("بوتين وأردوغان" → بوتين)."""
    i = next((k for k, x in enumerate(acts) if x is a), None)
    head = a
    while i is not None and i > 0 and conjoined(head):
        prev = acts[i - 1]
        if prev.end > head.start or text[prev.end:head.start].strip():
            break  # "موسكو، حليفة دمشق، وتركيا": an apposition, not a conjunction
        head, i = prev, i - 1
    return head


def next_conjunct(acts: Sequence[ActorRef], a: ActorRef, text: str) -> ActorRef | None:
    """The actor conjoined right after `a` ("X ونظيره Y", "روسيا وتركيا"), past a place
    that locates `a` ("السفارة الأمريكية في مقديشو وبعثة الأمم المتحدة")."""
    if a.pair is not None:
        return a.pair  # "الطرفان": the second of the two parties (coref.dual_mentions)
    end = a.end
    for b in acts:
        if b.start < end:
            continue
        gap = ntoks(text[end:b.start])
        if conjoined(b) and not gap and b.id != a.id:
            return b
        if len(gap) == 1 and gap[0] in _LOCATIVE_PREPS and not gap[0].startswith("و") and \
                not conjoined(b):
            end = b.end  # "في مقديشو": where `a` is, not another party
            continue
        return None
    return None


def _attributed(text: str, c_end: int, a: ActorRef) -> bool:
    return bool(_ATTRIBUTION.search(norm(text[c_end:a.start])))


def _checked_target(text: str, c: Cand, acts: Sequence[ActorRef], source: ActorRef | None,
                    target: ActorRef | None) -> ActorRef | None:
    """What no act has as its target: the source's own voice or head ("نفت الوزارة على
    لسان المتحدث باسمها X"), an actor conjoined with the source of a one-sided act ("دعت
    واشنطن ولندن الطرفين": both are sources), a place after في ("يعقد اللقاء في أنقرة")."""
    if target is None:
        return None
    if speaks_for_another(text, target) and target.start < c.start + 120:
        return None
    if any(a is target or (a.start, a.end) == (target.start, target.end)
           for a in _source_conjuncts(text, c, acts, source)):
        return None
    if prev_word(text, target.start) in _LOCATIVE_PREPS and target.kind in (
            "country", "government", "place"):
        return None
    if prev_word(text, target.start) in ("من", "ومن") and target.kind == "country" and \
            c.type != "RETREAT":
        return None  # "صواريخ أطلقت من لبنان", "سحب قواته من سوريا": where from
    return target


# --- verbs -----------------------------------------------------------------------------
def verb_roles(text: str, c: Cand, acts: Sequence[ActorRef], lx: EventLexicons,
               times: Sequence[tuple[int, int]] = (), speaker: ActorRef | None = None,
               lead: ActorRef | None = None, act_subject: bool = False,
               next_act: int | None = None) -> tuple[ActorRef | None, ActorRef | None]:
    """Subject and object of a verb trigger (see the module docstring). `act_subject`: an
    act noun stands right before the verb as its subject ("القصف استهدف تعزيزات تركية"),
    so the actors after the verb are objects. `next_act`: where the next trigger of the
    same type starts (the actors after it belong to that act)."""
    source, target = _verb_roles(text, c, acts, lx, times, speaker, lead, act_subject,
                                 next_act)
    return source, _checked_target(text, c, acts, source, target)


def _verb_roles(text: str, c: Cand, acts: Sequence[ActorRef], lx: EventLexicons,
                times: Sequence[tuple[int, int]] = (), speaker: ActorRef | None = None,
                lead: ActorRef | None = None, act_subject: bool = False,
                next_act: int | None = None) -> tuple[ActorRef | None, ActorRef | None]:
    cond = _condition_start(text, c)
    after = [a for a in acts if a.start >= c.start and a.end > c.end and
             (next_act is None or a.start < next_act) and (cond is None or a.start < cond)]
    before = [a for a in acts if a.end <= c.start]
    attrs = _attribute_spans(text, before)
    if attrs:
        # "وكانت القوات الحكومية المدعومة من التحالف … قد أطلقت": the backer named in an
        # attribute of the subject is no subject, and the attribute is no gap
        before = [a for a in before if not any(s <= a.start and a.end <= e for s, e in attrs)]
        times = [*times, *attrs]
    has_obj = object_suffix(c, lx) or pronoun_addressee(text, c)
    zero = carried_subject(c, acts)
    if zero is not None:
        # "ودعا روسيا إلى": the verb carries its subject (rasad.events.coref); what
        # follows it is its object
        if has_obj and before:
            return zero, before[-1] if before[-1].id != zero.id else None
        return zero, _first_after(text, c, after, zero)
    if c.type in SYMMETRIC_TYPES and after and after[0].pair is not None and not \
            gap_tokens(text, c.end, after[0].start, times):
        return after[0], after[0].pair  # "توصل الطرفان إلى اتفاق": the two are its sides
    marker = _agent_after(text, c, after, lx)  # "قُصفت البلدة من قبل الطائرات"
    source: ActorRef | None = None
    target: ActorRef | None = None
    ante: ActorRef | None = None  # what an object or relative pronoun points back to

    vgender = _verb_gender(c, lx)

    # "ودعت إلى انسحاب القوات": after a trigger that ends in its preposition comes its
    # object, never its subject
    prep_final = len(ntoks(c.surface)) > 1 and ntoks(c.surface)[-1] in _PREPOSITIONS

    # "واتهمت إسرائيل بالتصعيد": one party after an accusing verb, then the charge (ب …),
    # is the accused; the accuser is the clause's own subject, not named here
    accused = after[0] if c.type == "ACCUSE" and c.trig.mode == "accuse" and \
        c.trig.pos == "verb" and after and _charge_follows(text, after[0], after[1:]) and \
        words_between(text, c.end, after[0].start) == 0 else None

    def post_subject() -> ActorRef | None:
        if prep_final or accused is not None:
            return None
        # (a title between is the subject's head noun, whose gender the verb shows: "أشاد
        # رئيس مفوضية الاتحاد"; so is a partitive's head: "اقتحم مسلحون من حركة الشباب")
        head = _head_start(text, after[0]) if after else 0
        if after and words_between(text, c.end, head) <= 1 and not _possessed_after(
                text, c, after[0], lx, times) and not \
                governed_by_preposition(text, after[0]) and not gap_has_comma(
                    text, c.end, after[0].start) and not (
                        _disagrees(vgender, after[0]) and head == after[0].start and
                        not _title_between(text, c, after[0])):
            return after[0]
        # the holder named after a title phrase, which may name whom he speaks for
        # ("اتهم المتحدث باسم الجماعة وكبير مفاوضيها محمد عبد السلام")
        holder = next((a for a in after[:3] if _title_phrase(text, c, a, lx, times)), None)
        if holder is not None:
            return holder
        if after and _spoken_for(text, c, after[0], times):
            return after[0]
        return None

    gap_before = gap_tokens(text, before[-1].end, c.start, times) if before else \
        ntoks(text[max(0, c.start - 12):c.start])[-1:]
    if act_subject or _act_antecedent(text, c, lx) or first_person_singular(c):
        # ("«أتهم راشد الغنوشي باغتيال أخي»": I accuse; the one after the verb is its object)
        return None, _first_after(text, c, after, None)
    if passive(c, text, times):
        # the patient is the antecedent of a relative pronoun, the subject before the verb
        # ("الجنود … قتلوا في"), or the one right after it ("قُتل 22 جنديا تركيا"); the
        # agent comes only after an agent marker
        rel = before[-1] if before and _relative_gap(text, before[-1], c, gap_before) else None
        pre = next((a for a in reversed(before) if not governed_by_preposition(text, a)
                    and c.start - a.end <= 60 and not _CLAUSE_OPENER.search(
                        norm(text[a.end:c.start]))), None)
        post = next((a for a in after if a is not marker and
                     words_between(text, c.end, a.start) <= 3 and
                     not governed_by_preposition(text, a) and
                     not gap_has_comma(text, c.end, a.start, times)), None)
        target = rel or pre or post
        if marker is not None and target is not None and marker.id == target.id:
            marker = None
        return marker, target
    near = ntoks(text[max(0, c.start - 40):c.start])  # the words right before the verb
    blame = _blame(text, before, acts, min((a.start for a in acts), default=0), lx) if \
        c.type == "ACCUSE" else None
    if blame is not None:
        return blame  # "وحمّلت الحكومة الإسرائيلية المسؤولية"
    if before and _relative_gap(text, before[-1], c, gap_before):
        # "القوات التي قصفت" (the antecedent is the subject) / "… التي استهدفها X"
        if has_obj:
            source, ante = post_subject(), before[-1]
        else:
            source = conjunct_head(before, before[-1], text)
    elif gap_before and gap_before[-1] in _PRONOUN_SUBJECT:
        source = speaker  # "قال بوتين إنه اتفق": the pronoun is the speaker
    elif before and lead is not None and lead.end <= before[-1].start and \
            lead.id != before[-1].id and \
            _conjoined_after(text, c, before[-1], lx):
        # "والتقى الوزير الرئيسَ ودعاه إلى": a verb with و right after the last clause's
        # object goes on with that clause's subject
        source = lead
    elif len(near) >= 2 and _own_force(near[-2], _last_content(near), speaker, lx) and \
            not nisba(near[-1], lx) and not (before and before[-1].end > c.start - len(
                near[-1]) - 2):
        # "قال الجيش إن القوات انسحبت": a military speaker's bare "the forces"
        return speaker, _first_after(text, c, after, speaker)
    elif gap_before and _possessive_subject(_last_content(gap_before)):
        # "قال الجيش إن طائراته قصفت": the speaker's own forces are the subject; a speaker
        # that is not a force leaves it to the coder ("بلاده", "قواته": its country)
        own = speaker is not None and speaker.kind in ("military", "armed_group") and \
            without_conjunction(_last_content(gap_before)) in load_coref_data().possessive_forces
        return (speaker if own else None), _first_after(text, c, after, speaker)
    elif before and all(t in _SVO_FILLERS for t in gap_before) and not gap_has_comma(
            text, before[-1].end, c.start, times) and not governed_by_preposition(
            text, before[-1]) and _speech_subject(text, before, lx):
        # "أعلن المكتب، اليوم، توصل الطرفين إلى اتفاق": after a speech verb and its
        # subject the trigger is the verb's object, a masdar (تَوَصُّل reads as تَوَصَّلَ);
        # its genitive, right after it, is its agent
        gen = after[0] if after and all(lx.is_cue("human_heads", t) for t in ntoks(
            text[c.end:after[0].start])) and not governed_by_preposition(text, after[0]) \
            else None  # "توصل وفدي الحكومة …": a head noun of people may stand first
        if gen is None and _subjects_pronoun(text, c):
            # "أعلنت الجزائر قطع علاقاتها مع المغرب", "أعلن الجيش سحب قواته": the pronoun
            # is the subject's, and so is the act
            gen = conjunct_head(before, before[-1], text)
        return gen, _first_after(text, c, after, gen)
    elif before and all(t in _SVO_FILLERS for t in gap_before) and not gap_has_comma(
            text, before[-1].end, c.start, times) and not governed_by_preposition(
            text, before[-1]):
        # SVO: "أن موسكو تتهم أنقرة", "بوتين وأردوغان اتفقا"
        source = conjunct_head(before, before[-1], text)
        if source is not before[-1] and c.type in SYMMETRIC_TYPES:
            target = before[-1]
    if source is None and before and _topicalized(text, before, c, times):
        source = conjunct_head(before, before[-1], text)  # "أن بوتين ونظيره، أشادا"
    if source is None:
        source = post_subject()  # VSO
    if source is None and after and not prep_final and accused is None and \
            after[0].start - c.end <= 25 and not _possessed_after(
                text, c, after[0], lx, times) and \
            not governed_by_preposition(text, after[0]) and not gap_has_comma(
                text, c.end, after[0].start) and not _attributed(text, c.end, after[0]) and \
            not _disagrees(vgender, after[0]):
        source = after[0]
    if source is None and before and c.start - before[-1].end <= 60 and not \
            _CLAUSE_OPENER.search(norm(text[before[-1].end:c.start])) and not \
            governed_by_preposition(text, before[-1]) and not _speech_subject(
                text, before, lx):
        # "أما السراج وحفتر فحضرا المدينة ولم يلتقيا": a conjoined subject is one subject
        source = conjunct_head(before, before[-1], text)
        if source is not before[-1] and c.type in SYMMETRIC_TYPES:
            target = before[-1]
    if source is None and lead is not None and _continues_clause(text, c, lead):
        source = lead  # "وكان أردوغان قد أجرى …، دعاه فيه": the sentence's subject
    if has_obj and ante is None:
        ante = next((a for a in reversed(before) if source is None or a.id != source.id),
                    None)
    if target is None and has_obj and ante is not None and (
            source is None or ante.id != source.id):
        target = ante  # "دعاه": the object pronoun's antecedent
    if target is None:
        target = _first_after(text, c, after, source)
    if target is None and source is not None and c.type in SYMMETRIC_TYPES:
        target = next_conjunct(acts, source, text)
    return source, target


def _possessed_after(text: str, c: Cand, a: ActorRef, lx: EventLexicons,
                     times: Sequence[tuple[int, int]] = ()) -> bool:
    """"سيقصف مواقع حزب الله": a noun of places or things held (cues.yaml
    `possession_heads`) between the verb and the actor makes the actor the object's owner,
    not the verb's subject."""
    return any(lx.is_cue("possession_heads", without_conjunction(t))
               for t in gap_tokens(text, c.end, _head_start(text, a), times))


def _speech_subject(text: str, before: Sequence[ActorRef], lx: EventLexicons) -> bool:
    """"أعلن مكتب المبعوث، اليوم، توصل الطرفين": the actor right before the trigger is the
    subject of a speech verb before it, so the trigger is that verb's object (a masdar or
    a new clause), not a second verb of the same subject."""
    head = conjunct_head(before, before[-1], text)
    seg = re.split(r"[,;:.،؛]", text[max(0, head.start - 40):head.start])[-1]
    toks = ntoks(seg)[-3:]  # "أعلن مكتب المبعوث": the verb, maybe a head noun or two
    for i in range(len(toks) - 1, -1, -1):
        w = toks[i]
        if w in _SUBORDINATORS or w in _PRONOUN_SUBJECT:
            return False
        if lx.is_cue("speech_verbs", w) or lx.is_cue("speech_verbs", without_conjunction(w)):
            return True
    return False


def _own_force(before: str, noun: str, speaker: ActorRef | None, lx: EventLexicons
               ) -> bool:
    """"قال التحالف إن الضربات استهدفت", "أعلن الجيش أن القوات انسحبت": a bare force or
    strike noun (cues.yaml own_force_nouns) opening the complement of a military
    speaker's words is the speaker's own."""
    return speaker is not None and speaker.kind in ("military", "armed_group") and \
        before in _SUBORDINATORS and lx.is_cue("own_force_nouns", noun)


def nisba(tok: str, lx: EventLexicons) -> bool:
    """"الإسرائيلية", "الروسي": an adjective that may name a party (not "الجوية")."""
    return tok.endswith(("يه", "ي", "يين", "يتين", "يان")) and not lx.is_cue(
        "head_modifiers", tok)


def _last_content(gap: Sequence[str]) -> str:
    """The last word before the verb but قد ("أن تكون قواته قد استهدفت": قواته)."""
    return next((t for t in reversed(gap) if t not in ("قد", "لقد")), "")


def _possessive_subject(tok: str) -> bool:
    """"طائراته", "قواتها", "بلاده": a noun with a pronoun that points back to the speaker,
    standing right before the verb as its subject (coref.yaml `possessive_subjects`); also
    the last of conjoined ones ("طائراته ومدفعيته قصفت")."""
    d = load_coref_data()
    tok = without_conjunction(tok)
    return tok in d.possessive_forces or tok in d.possessive_country


_WITH_PARTICIPANTS = re.compile(r"\b[و]?(بمشاركه|بحضور)\b")


def participants(text: str, c: Cand, acts: Sequence[ActorRef]
                 ) -> tuple[ActorRef | None, ActorRef | None]:
    """The first two parties listed after "بمشاركة"/"بحضور" right after a meeting trigger
    ("عقد اجتماع في الدوحة بمشاركة X، وY"): the meeting's sides when it names no subject."""
    m = _WITH_PARTICIPANTS.search(norm(text[c.end:c.end + 60]))
    if m is None:
        return None, None
    at = c.end + m.end()
    end = next((k.start() + at for k in re.finditer(r"[.؛;]", text[at:at + 300])), at + 300)
    listed = [a for a in acts if at <= a.start < end and a.id]
    if not listed:
        return None, None
    first = listed[0]
    return first, next((a for a in listed[1:] if a.id != first.id), None)


def _subjects_pronoun(text: str, c: Cand) -> bool:
    """Does the masdar carry, in its phrase or right after it, a pronoun that points back
    to the subject of the verb it is the object of ("انسحاب قواته", "قطع علاقاتها")?"""
    return _possessive_inside(c) or _possessive_subject(
        (ntoks(text[c.end:c.end + 20]) or [""])[0])


def _possessive_inside(c: Cand) -> bool:
    """A trigger phrase whose noun carries a pronoun ("قطع علاقاتها", "سحب سفيره",
    "استدعاء سفيرها"): the pronoun points back to the subject of the verb it is the object
    of ("أعلنت الجزائر قطع علاقاتها")."""
    toks = ntoks(c.surface)
    return len(toks) > 1 and any(len(t) > 4 and t.endswith(_OBJECT_SUFFIXES)
                                 for t in toks[1:])


# what a verb of expressing governs its masdar with, as a word of its own: "أعرب عن تضامنه"
# (the clitic ب of "رحب بدعمها" is never a word of the gap, so it is not listed)
_EXPRESS_PREPOSITIONS = frozenset(norm(w) for w in ["عن"])


def _expressed(text: str, before: Sequence[ActorRef], lx: EventLexicons) -> bool:
    """Is the subject right before the trigger that of a verb of expressing ("أعرب
    الأمين العام لجامعة الدول العربية أحمد أبو الغيط عن …")? The verb stands within the
    three words before the subject's first mention."""
    first = before[0]
    for a in before:  # the subject phrase: the mentions chained up to the last one
        if a.end <= before[-1].start and len(ntoks(text[a.end:before[-1].start])) <= 3:
            first = a
            break
    return any(lx.is_cue("express_verbs", without_conjunction(t))
               for t in ntoks(text[max(0, first.start - 30):first.start])[-3:])


def _own_masdar(c: Cand, lx: EventLexicons) -> bool:
    """A one-word masdar with a pronoun suffix on a listed trigger noun ("تضامنهما",
    "دعمها", "ترحيبه"): the pronoun is its agent's."""
    toks = ntoks(c.surface)
    if len(toks) != 1:
        return False
    w = without_conjunction(toks[0])
    for suf in sorted(_OBJECT_SUFFIXES, key=len, reverse=True):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            stem = w[:-len(suf)]
            stems = {stem, stem[:-1] + "ه" if stem.endswith("ت") else stem}
            return any(t.pos == "noun" and t.type == c.type for st in stems
                       for t in lx.triggers.lookup(st))
    return False


def _verb_trigger(w: str, lx: EventLexicons) -> bool:
    """Is the normalized word an event verb of the lexicon ("دعا", "اتهم")?"""
    return any(p.pos == "verb" for p in lx.triggers.lookup(w))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """The first words of the actor dictionary's role nouns (roles.yaml: رئيس، وزير، مبعوث،
    المتحدث …), with and without the article."""
    from rasad.actors import load_gazetteer

    out: set[str] = set()
    for spec in load_gazetteer().role_specs.values():
        for noun in (*spec.nouns, *spec.head_nouns):
            w = norm(noun).split()[0]
            out |= {w, w[2:] if w.startswith("ال") else "ال" + w}
    return frozenset(out)


def _title_between(text: str, c: Cand, a: ActorRef) -> bool:
    """Is the one word between a verb and an actor a title whose holder the actor names
    ("أشاد رئيس مفوضية الاتحاد": a role noun of the actor dictionary)?"""
    gap = ntoks(text[c.end:a.start])
    return len(gap) == 1 and gap[0] in title_words()


_TITLE_PHRASE_MAX = 6  # words of a title phrase before its holder's name


def _title_phrase(text: str, c: Cand, a: ActorRef, lx: EventLexicons,
                  times: Sequence[tuple[int, int]] = ()) -> bool:
    """Does a title phrase the dictionary does not name stand between a verb and a name,
    the name being its holder and so the verb's subject ("ودان رئيس حكومة تصريف الأعمال
    نجيب ميقاتي", "اتهم المتحدث باسم الجماعة وكبير مفاوضيها محمد عبد السلام")? It opens
    with a role noun of the actor dictionary and holds no comma, preposition or verb."""
    gap = gap_tokens(text, c.end, a.start, times)
    if not gap or gap[0] not in title_words() or len(gap) > _TITLE_PHRASE_MAX or \
            gap_has_comma(text, c.end, a.start, times) or a.via != "name" or \
            a.kind != "person":
        return False  # (a title's holder is a person: "الناطق باسم الحركة الحكومة" is no
        # spokesman named "the government")
    return not any(t in _PREPOSITIONS or _verb_trigger(without_conjunction(t), lx) or
                   t in _NEW_CLAUSE for t in gap[1:])


def _charge_follows(text: str, a: ActorRef, rest: Sequence[ActorRef]) -> bool:
    """Does the charge (ب + noun: "بالتصعيد", "بـ\"عسكرة") come right after the actor, with
    no other party first ("اتهمت إسرائيل حماس بخرق": two parties, the first accuses)?"""
    m = re.match(r"[\s\"«“]*(\w+)", text[a.end:a.end + 40])
    if m is None or (rest and rest[0].start < a.end + m.end()):
        return False
    w = norm(m.group(1))
    return w[:1] == "ب" and (len(w) >= 4 or w == "ب")


def _spoken_for(text: str, c: Cand, a: ActorRef,
                times: Sequence[tuple[int, int]] = ()) -> bool:
    """Is the actor the one a spokesman right after the verb speaks for ("واتهم المتحدث
    باسم الحركة علي طيري الحكومة": الحركة, a description the dictionary's role phrases do
    not cover)? The words between are a title phrase ending in باسم, with no comma."""
    gap = gap_tokens(text, c.end, a.start, times)
    if gap_has_comma(text, c.end, a.start, times):
        return False
    # "وحذّر القيادي في جماعة الحوثي …", "وقال مسؤول في الحكومة العراقية": a member speaks
    # for the body he belongs to
    return (2 <= len(gap) <= 4 and gap[0] in title_words() and gap[-1] == "باسم") or (
        len(gap) == 2 and gap[0] in _MEMBER_TITLES and gap[1] == "في")


# the titles of a member or official of a body ("القيادي في الحركة", "مسؤول في الوزارة")
_MEMBER_TITLES = frozenset(norm(w) for w in [
    "القيادي", "قيادي", "العضو", "عضو", "المسؤول", "مسؤول", "المسؤولة", "مسؤولة"])


def _verb_gender(c: Cand, lx: EventLexicons) -> str | None:
    """The gender a verb trigger shows ("قالت", "تقصف": f; "قال", "سيزور": m)."""
    if c.trig.pos != "verb":
        return None
    first = c.surface.split()[:1]
    v = verb_reading(first[0], lx) if first else None
    if v is None or (masdar_like(v.form) and v.gender == "m") or (
            v.form[:1] in ("ل", "ب", "ك") and verb_reading(v.form[1:], lx) is not None):
        # "قصف القوات التركية" may be the noun "the shelling by …"; "لقصف" is ل + noun
        return None
    return v.gender


def _disagrees(vgender: str | None, a: ActorRef) -> bool:
    """A verb does not agree with an actor after it, which is then its object, not its
    subject: "سيزور تركيا", "دعا روسيا" (a masculine verb, a feminine country)."""
    if vgender is None:
        return False
    ga = actor_gender(a, load_coref_data())
    return ga is not None and ga != vgender


def carried_subject(c: Cand, acts: Sequence[ActorRef]) -> ActorRef | None:
    """The dropped subject a verb trigger carries: a "zero" mention on its first word."""
    return next((a for a in acts if a.via == "zero" and c.start <= a.start < c.end), None)


# "وكان أردوغان، …، قد دعا": كان opens a clause whose subject comes before its verb
_KANA = frozenset(norm(w) for w in ["كان", "وكان", "فكان", "كانت", "وكانت", "فكانت"])


def _topicalized(text: str, before: Sequence[ActorRef], c: Cand,
                 times: Sequence[tuple[int, int]]) -> bool:
    """"أن الرئيس بوتين ونظيره أردوغان، أشادا", "وكان الرئيس التركي، أردوغان، قد دعا": a
    subject right after أنّ/إنّ or كان, then only a comma (and time words, قد) before its
    verb."""
    last = before[-1]
    head = conjunct_head(before, last, text)
    if [t for t in gap_tokens(text, last.end, c.start, times) if t not in _SVO_FILLERS]:
        return False
    return prev_word(text, head.start) in _SUBORDINATORS | _KANA and not \
        governed_by_preposition(text, head)


def _act_antecedent(text: str, c: Cand, lx: EventLexicons) -> bool:
    """"الغارة التي استهدفت الجنود": the relative clause's subject is the act noun."""
    toks = ntoks(text[max(0, c.start - 40):c.start])
    i = len(toks)
    while i > 0 and (toks[i - 1] in _RELATIVE_FILLERS):
        i -= 1
    if i < 2 or toks[i - 1] not in _RELATIVE_PRONOUNS:
        return False
    for w in toks[max(0, i - 3):i - 1]:  # the noun, maybe with an adjective after it
        if any(t.type == c.type for t in lx.triggers.lookup(w)):
            return True
    return False


def _relative_gap(text: str, ante: ActorRef, c: Cand, gap: list[str]) -> bool:
    """Is the verb the head of a relative clause on `ante` ("القوات التي كانت تستهدف")?"""
    return bool(gap) and any(t in _RELATIVE_PRONOUNS for t in gap) and all(
        t in _RELATIVE_PRONOUNS or t in _RELATIVE_FILLERS for t in gap) and not \
        gap_has_comma(text, ante.end, c.start)


def conjoined_verb(c: Cand, lx: EventLexicons) -> bool:
    """Does the verb open a conjoined clause ("ودانت فرنسا الهجوم وأكدت دعمها"), so that
    the noun before it is the last clause's object, not its subject? (A verb that begins
    with و itself, "وقع", is no conjunction.)"""
    words = norm(c.surface).split()
    first = words[0] if words else ""
    rest = without_conjunction(first)
    return rest != first and bool(lx.triggers.lookup(rest) or lx.triggers.lookup(
        " ".join([rest, *words[1:]])))


def _conjoined_after(text: str, c: Cand, last: ActorRef, lx: EventLexicons) -> bool:
    """Is the trigger a verb with a conjunction standing right after `last`, with no word or
    comma between ("… الرئيس المصري ودعاه")? Such an actor ends the clause before; it is
    not the verb's subject (a subject before its verb takes no و)."""
    return not text[last.end:c.start].strip() and c.trig.pos == "verb" and \
        conjoined_verb(c, lx)


def _continues_clause(text: str, c: Cand, lead: ActorRef) -> bool:
    """Is the verb the head of a clause that continues the sentence without a subject of
    its own ("…، دعاه فيه", "… واتفقا")?"""
    if lead.end > c.start:
        return False
    gap = norm(text[lead.end:c.start])
    if re.search(r"\b(ان|انه|انها|انهم|الذي|التي|الذين)\b", gap):
        return False  # the verb is inside a complement or relative clause
    first = ntoks(c.surface)[:1]
    return gap.rstrip().endswith((",", "،")) or bool(first and first[0].startswith("و"))


AGENT_REACH = 70  # characters from an act to its agent marker's agent
AGENT_REACH_FAR = 160  # ... when a support verb with a pronoun stands right before it


def _agent_after(text: str, c: Cand, after: Sequence[ActorRef], lx: EventLexicons
                 ) -> ActorRef | None:
    cues = agent_markers(lx)
    resumptive = resumptive_agent_verbs(lx)
    support = _with_pronoun(support_verb_forms(lx))
    for a in after[:3]:
        if a.start - c.end > AGENT_REACH_FAR:
            break
        gap = norm(text[c.end:a.start])
        gtoks = _TOKEN.findall(gap)
        if a.start - c.end > AGENT_REACH and not (
                gtoks and without_conjunction(gtoks[-1]) in support and
                not re.search(r"[.:;؛]", gap) and not _ATTRIBUTION.search(gap)):
            # (farther only with the support verb right before the agent: "استشهد عشرة …،
            # منذ فجر أمس، في عملية عسكرية يشنها الجيش الإسرائيلي")
            break
        if a.via == "adjective":
            # "غارة شنتها طائرة مسيرة إسرائيلية": the nisba's head nouns follow the verb
            while gtoks and (lx.is_cue("human_heads", gtoks[-1]) or
                             lx.is_cue("head_modifiers", gtoks[-1])):
                gtoks = gtoks[:-1]
        hits = [cue for cue in cues if cue in gap]
        if hits and all(lx.is_cue("belonging_markers", h) for h in hits) and any(
                t in _OBJECT_PREPOSITIONS for t in gtoks):
            continue  # "غارات على مواقع تابعة للجماعة": the target's owner
        if hits or (gtoks and (
                without_conjunction(gtoks[-1]) in resumptive or gtoks[-1] in resumptive)
                and not _ATTRIBUTION.search(gap)):
            return a  # (not "بحسب ما أعلنته المفوضية": who reports it, not who does it)
    return None


def _participle(w: str) -> bool:
    """"معتبرا", "مؤكدة", "قائلا": a circumstantial participle continues the clause of the
    act (its complement may name the act's object: "رفضه دورا لإيران، معتبرا أن طهران …")."""
    return (w.startswith("م") or w.startswith("قائل")) and w.endswith(("ا", "ه", "ين"))


_WITH_TOPIC = re.compile(r"^\W*(?:\w+\W+){0,3}?مع\W+(?:\w+\W+){0,5}?(علي|حول|بشان|بخصوص)\b")  # normalized: على is علي


def _first_after(text: str, c: Cand, after: Sequence[ActorRef], source: ActorRef | None,
                 limit: int = 90) -> ActorRef | None:
    """The first actor after the trigger that is not its source, before an attribution
    ("بحسب …") or a complement clause ("أن …") starts. Conjoined subjects after the
    trigger do not count against the limit ("قطعت السعودية والإمارات والبحرين ومصر، فجر
    اليوم الاثنين، علاقاتها الدبلوماسية مع قطر")."""
    fellows = [a for a in _source_conjuncts(text, c, after, source) if a is not source]
    end = max([c.end] + [a.end for a in fellows if a.start >= c.end]) + limit
    rest = norm(text[c.end:end])
    stop = _ATTRIBUTION.search(rest) or re.search(
        r"\b(قال|قالت|قالوا|اعلن|اعلنت|مضيفا|مشيرا|كما|(?:بعد|قبل|منذ) ان)\b", rest)
    if stop:
        end = c.end + stop.start()
    if c.type in SYMMETRIC_TYPES:
        # "اتفق مع ضيفه التركي على خطوات لتحييد الجماعات الإرهابية": the other party is in
        # the مع phrase; what follows its على/حول/بشأن is what they agreed on or discussed
        with_ = _WITH_TOPIC.search(norm(text[c.end:end]))
        if with_ is not None:
            end = c.end + with_.start(1)
    lx = load_event_lexicons()
    speech = lx.cues.get("speech_verbs", frozenset())
    for m in _WORD.finditer(text[c.end:end]):
        t = norm(m.group(0))
        w = without_conjunction(t)
        after_comma = re.search(r"[,،]\s*$", text[c.end:c.end + m.start()])
        if (w != t and (w in speech or _verb_trigger(w, lx)) and not _participle(w) and
                after_comma) or t in _NEW_CLAUSE or (
                after_comma and _participle(t) and not _complement_subject(
                    text, c.end + m.end(), after)):
            # "رفضت البيان، وقالت إن …", "رحب بالتوقيع، ودعا إلى", "…، فيما دعت واشنطن":
            # a new clause; so does a circumstantial participle after a comma ("وانتقد
            # ليبرمان الاتفاق، معتبراً أنه لا يضمن نزع سلاح حماس"), unless its complement
            # opens with the party the act is about ("رفضه لأي دور إيراني، معتبرا أن طهران")
            end = c.end + m.start()
            break
    for a in after:
        if source is not None and (a is source or a.id == source.id):
            continue
        if source is not None and c.end <= source.start and a.start < source.start:
            continue  # VSO: the object follows the subject (not "باسم الجماعة" before it)
        if a.start >= end:
            return None
        if any(a is f for f in fellows):
            continue  # "قطعت السعودية والإمارات … علاقاتهما مع قطر": a subject, not the object
        if source is not None and source.kind != "person" and a.kind == "person" and \
                a.via == "name" and source.end <= a.start and \
                not text[source.end:a.start].strip():
            # "رحّب رئيس المجلس الانتقالي عيدروس الزبيدي": the name of the one who heads the
            # subject (a person right after a person is the object: "استقبل أردوغان بوتين")
            continue
        nxt = _after_parenthetical(text, c, a, after)
        if nxt is not None:
            return _against(text, after, nxt)
        return _against(text, after, a)
    return None


def _after_parenthetical(text: str, c: Cand, a: ActorRef, after: Sequence[ActorRef]
                         ) -> ActorRef | None:
    """"طالب مجلس الأمن، في قرار تبنّاه بأغلبية 14 صوتاً وامتناع روسيا عن التصويت، قوات
    الدعم السريع بإنهاء حصارها": an actor inside a parenthetical set off by commas is not
    the object when an actor stands right after the closing comma; that one is."""
    opened = text.rfind("،", c.end, a.start)
    opened = max(opened, text.rfind(",", c.end, a.start))
    if opened < 0:
        return None
    close = min([i for i in (text.find("،", a.end), text.find(",", a.end)) if i >= 0],
                default=-1)
    if close < 0 or close - a.end > _PARENTHETICAL_TAIL:
        return None
    b = next((x for x in after if x.start > close), None)
    if b is None or _WORD.findall(text[close:b.start]) or b.id == a.id or \
            re.search(r"[.:;؛]", text[a.end:close]):
        return None
    return b


_PARENTHETICAL_TAIL = 60  # how far after the actor the parenthetical may close


def _complement_subject(text: str, at: int, after: Sequence[ActorRef]) -> bool:
    """Does the complement after a participle ending at `at` open with an actor ("، معتبرا
    أن طهران …")?"""
    m = re.match(r"\s*(?:ب?[أا]ن)\s+", text[at:])
    return m is not None and any(a.start == at + m.end() for a in after)


def _source_conjuncts(text: str, c: Cand, acts: Sequence[ActorRef], source: ActorRef | None
                      ) -> list[ActorRef]:
    """The source of a one-sided act and the actors conjoined with it ("قطعت السعودية
    والإمارات"): each is a source (coder._each_conjunct), none its target. Not for a
    two-sided act or a clash ("اشتباكات بين الجيش وقوات الدعم السريع": two sides)."""
    if source is None or c.type in SYMMETRIC_TYPES or source.via == "zero" or \
            c.trig.mode == "clash":
        return []
    out: list[ActorRef] = []
    nxt: ActorRef | None = conjunct_head(acts, source, text)
    while nxt is not None:
        out.append(nxt)
        nxt = next_conjunct(acts, nxt, text)
    return out


# --- nouns -----------------------------------------------------------------------------
def noun_roles(text: str, c: Cand, acts: Sequence[ActorRef], sent: Sentence,
               lx: EventLexicons, times: Sequence[tuple[int, int]] = (),
               place_spans: Iterable[tuple[int, int]] = (), next_act: int | None = None,
               speaker: ActorRef | None = None
               ) -> tuple[ActorRef | None, ActorRef | None, bool]:
    """Agent and patient of a noun (masdar) trigger; the flag says whether the agent was
    named by the grammar of the phrase itself (not guessed from position). The actors
    after `next_act` (the next trigger of the same type) belong to that act."""
    source, target, named = _noun_roles(text, c, acts, sent, lx, times, place_spans,
                                        next_act, speaker)
    return source, _checked_target(text, c, acts, source, target), named


_SAYING_NOUNS = frozenset({"REQUEST", "REJECT", "ACCUSE"})
# acts whose announcer is their agent (cues.yaml announce_verbs): a sanction is announced by
# the one imposing it ("أعلنت واشنطن فرض عقوبات"), a killing not by the one doing it
_ANNOUNCED_OWN = frozenset({"SANCTION"})


def _noun_roles(text: str, c: Cand, acts: Sequence[ActorRef], sent: Sentence,
                lx: EventLexicons, times: Sequence[tuple[int, int]] = (),
                place_spans: Iterable[tuple[int, int]] = (), next_act: int | None = None,
                speaker: ActorRef | None = None
                ) -> tuple[ActorRef | None, ActorRef | None, bool]:
    after = [a for a in acts if a.start >= c.end and (next_act is None or a.start < next_act)]
    before = [a for a in acts if a.end <= c.start]
    inside = [a for a in acts if c.start <= a.start and a.end <= c.end and a.via != "zero"]
    if inside:
        # "دوريات روسية تركية مشتركة": the parties are named inside the phrase
        first = inside[0]
        second = next((a for a in inside[1:] if a.id != first.id), None)
        if second is None and c.type in SYMMETRIC_TYPES:
            second = next_conjunct(acts, first, text) or next(
                (a for a in after if a.start - c.end < 12 and a.via == "adjective" and
                 a.id != first.id), None)
        return first, second, True
    if c.trig.mode == "clash":
        between = _clash_parties(text, c, after) or _clash_with(text, c, acts, after, sent)
        if between is not None:
            return between[0], between[1], True
    places = set(place_spans)
    patient = _patient_noun(c, lx)
    periphrastic = prev_word(text, c.start) in lx.cues.get("passive_auxiliaries", ())
    source: ActorRef | None = None
    named = False
    agent = _agent_after(text, c, after, lx)
    from_agent = _from_agent(text, c, after, patient, lx)
    if agent is not None:
        source, named = agent, True
    elif from_agent is not None:
        # "بدعم من روسيا", "بطلب من أنقرة": من after a masdar introduces its agent; with the
        # ب of accompaniment the clause before names the one it is for
        source, named = from_agent, True
        if ntoks(c.surface)[0].startswith("ب") and before and not governed_by_preposition(
                text, before[-1]) and c.start - before[-1].end < 80 and not any(
                    t in _SUBORDINATORS for t in ntoks(text[before[-1].end:c.start])):
            # (not across أن: "وأوضح أن العملية نفذت بدعم من أستراليا" is not support for
            # the one who explains)
            return source, conjunct_head(before, before[-1], text), True
    elif after and not periphrastic:
        a = after[0]
        gap = gap_tokens(text, c.end, a.start)
        na = norm(a.text)
        if (na.startswith(("لل", "ولل")) or (na.startswith("ل") and _cue_stem(
                ntoks(c.surface)[0], "intransitive_nouns", lx))) and len(gap) <= 2 and not any(
                t.endswith("ا") or lx.triggers.lookup(t) or lx.is_cue("against_words", t)
                for t in gap):
            # (not "الاحتجاجات المناهضة للحكومة": what a protest is against)
            source, named = a, True  # "قصف مدفعي مكثف للنظام السوري"; an act noun that
            # takes no object has its agent after any لـ: "انتشار كثيف لقوات الدعم السريع"
        elif a.via == "adjective" and len(gap) <= 1 and not patient:
            source, named = a, True  # "قصف تركي", "غارات روسية"
        elif not gap and not patient and ((a.start, a.end) not in places or
                                          c.type in _SAYING_NOUNS) and not \
                (conjoined(a) or na.startswith(("ف", "ب", "ل", "ك"))) and \
                a.via != "adjective":
            # "هجمات قوات النظام", "دعوة الرئيس التركي"; a country after a call, a refusal
            # or an accusation made it ("بدعوة روسيا إلى الحوار"; "قصف سوريا" is not Syria's)
            source, named = a, True
    topic = lx.is_cue("topic_prepositions", prev_word(text, c.start))
    if source is None and not topic:
        # (not "يعقد المجلس جلسة بشأن الهجوم": the act is the session's topic)
        sv = _support_verb_subject(text, c, acts, sent, lx, times, speaker)
        if sv is not None:
            source, named = sv, True
    if source is None and not topic and c.type in _ANNOUNCED_OWN:
        # "أعلنت القيادة الفلسطينية، عقب اجتماع طارئ …، وقف جميع الاتصالات": an announced
        # sanction is the announcer's (a killing announced is not: "أعلن الجيش مقتل")
        ann = _support_verb_subject(text, c, acts, sent, lx, times, speaker,
                                    lx.cues.get("announce_verbs", frozenset()))
        if ann is not None:
            source, named = ann, True
    if source is None and not inside and len(ntoks(c.surface)) == 1 and _own_force(
            prev_word(text, c.start), ntoks(c.surface)[0], speaker, lx) and not nisba(
            (ntoks(text[c.end:c.end + 30]) or [""])[0], lx):
        # "قال التحالف إن الضربات استهدفت معاقل الجماعة": the speaker's own strikes
        source, named = speaker, True
    if source is None and before and _subjects_pronoun(text, c):
        # "أعلن الجيش، مساء أمس، انسحاب قواته": the masdar's genitive is the force of the
        # governing verb's subject, right before it (time words aside)
        b = before[-1]
        if not gap_tokens(text, b.end, c.start, times) and not gap_has_comma(
                text, b.end, c.start, times) and not governed_by_preposition(text, b):
            source, named = conjunct_head(before, b, text), True
    if source is None and before and not patient and (
            _own_masdar(c, lx) or _expressed(text, before, lx)):
        # "أعربت فرنسا وبريطانيا عن تضامنهما مع الحكومة": the masdar's pronoun is the
        # subject before it, after the preposition its verb governs; "أعرب أبو الغيط عن
        # تضامن الجامعة": a verb of expressing makes its subject the masdar's agent
        b = before[-1]
        gap = gap_tokens(text, b.end, c.start, times)
        if gap and all(t in _EXPRESS_PREPOSITIONS for t in gap) and not gap_has_comma(
                text, b.end, c.start, times) and not governed_by_preposition(text, b):
            source, named = conjunct_head(before, b, text), True
    blamed: ActorRef | None = None
    blame = _blame(text, before, acts, sent.start, lx) if source is None else None
    pronoun_patient: ActorRef | None = None
    if blame is None and source is None and before and patient_pronoun(c, lx) and not \
            gap_tokens(text, before[-1].end, c.start, times) and not gap_has_comma(
                text, before[-1].end, c.start, times):
        # "عزل الجيش الرئيس عمر البشير واعتقاله": the pronoun is the one arrested, and the
        # mention right before it, which it points back to, is no agent (only right before
        # it: in "تواصل إسرائيل قصف غزة وحصارها" it is the place)
        pronoun_patient = conjunct_head(before, before[-1], text)
    if blame is not None:
        source, blamed = blame
    elif source is None and before and pronoun_patient is None:
        b = before[-1]
        if c.type in SYMMETRIC_TYPES and governed_by_preposition(text, b):
            # "أن أردوغان قال لبوتن في اتصال هاتفي": the one spoken to is the other party
            b = next((a for a in reversed(before) if c.start - a.end < 80 and
                      not governed_by_preposition(text, a)), b)
        head = conjunct_head(before, b, text)
        if governed_by_preposition(text, b) or periphrastic or topic or _verb_before(
                text, head, lx, "", c.type):
            # "جلسة بشأن الهجوم": a topic; "دانت الوزارة الاستهداف": the act condemned,
            # denied or called for is another's
            pass
        elif c.type in SYMMETRIC_TYPES and c.start - b.end < 80:
            source = head  # "وقال بوتين، في مؤتمر صحفي مشترك"
        elif c.start - b.end < 50 and not _CLAUSE_OPENER.search(norm(
                text[b.end:c.start])) and not any(
                t in _RELATIVE_PRONOUNS for t in ntoks(text[b.end:c.start])):
            # not across a relative clause ("الجنود الذين قتلوا في الغارة")
            source = head
    rest = [a for a in after if a is not source and (source is None or a.id != source.id)]
    if named and source is not None and source.start >= c.end:
        # "الاتفاق الذي أبرمه بوتين وأردوغان": the parties come after the named agent
        rest = [a for a in rest if a.start > source.end]
    target: ActorRef | None = None
    if rest and rest[0].start - c.end < 80 and not _CLAUSE_OPENER.search(
            norm(text[c.end:rest[0].start])) and not _attributed(text, c.end, rest[0]):
        # (not across a comma or into a complement: "وقال أردوغان في مؤتمر صحفي مشترك إن
        # هجمات قوات النظام": the regime's forces are what he spoke of)
        target = _against(text, rest, rest[0])
    if blamed is not None:
        target = blamed
    if pronoun_patient is not None and (source is None or source.id != pronoun_patient.id):
        target = pronoun_patient
    recipient = _recipient(text, c, acts, source)
    if target is None and recipient is not None:
        target = recipient
    if source is not None and c.type in SYMMETRIC_TYPES:
        co = next_conjunct(acts, source, text)
        if co is not None and (target is None or target.start > co.start):
            target = co
    if target is None and source is not None and c.type in SYMMETRIC_TYPES:
        # "أردوغان قال لبوتن في اتصال هاتفي": both parties precede the noun
        others = [a for a in before if a.id != source.id and c.start - a.end < 80 and (
            governed_by_preposition(text, a) or not _speech_subject(text, [a], lx))]
        # (not the one announcing it; "قال لبوتن": the one told is)
        if others:
            target = others[-1]
    if source is None and c.type in SYMMETRIC_TYPES and len(rest) > 1 and \
            rest[1].start - c.end < 80 and not _CLAUSE_OPENER.search(
                norm(text[c.end:rest[1].start])):
        source, target = rest[0], next((a for a in rest[1:] if a.id != rest[0].id), None)
    return source, target, named


_ADDRESSEE = frozenset(norm(w) for w in ["إلى", "الى", "لدى"])
_AGAINST = frozenset(norm(w) for w in ["ضد", "وضد"])


def _against(text: str, rest: Sequence[ActorRef], first: ActorRef) -> ActorRef:
    """"شكوى إلى مجلس الأمن ضد إيران": the one a complaint or a case is against, not the
    one it is addressed to, is the act's target."""
    if prev_word(text, first.start) not in _ADDRESSEE:
        return first
    for a in rest:
        if a.start <= first.start:
            continue
        if a.start - first.end > 40 or re.search(r"[,،.]", text[first.end:a.start]):
            break
        if prev_word(text, a.start) in _AGAINST:
            return a
    return first


# speech acts about another's act: condemning it, calling for it
_CONDEMN_TYPES = frozenset({"REQUEST", "ACCUSE"})


def _verb_before(text: str, a: ActorRef, lx: EventLexicons, cue: str = "",
                 other_than: str = "") -> bool:
    """Is the actor the one right after a verb of the `cue` list ("حمّلت الحكومة"), or
    (no cue given) after a verb that condemns or calls for an act, of another type than
    `other_than` ("دانت الوزارة الاستهداف", "طالبت الحكومة بالانسحاب"): the actor is that
    verb's subject, and an act noun after it is another's act."""
    w = prev_word(text, a.start)
    if not w or re.search(r"[,;:.،؛]", text[max(0, a.start - 3):a.start]):
        return False
    forms = (w, without_conjunction(w))
    if cue:
        return any(lx.is_cue(cue, f) for f in forms)
    if other_than != "ACCUSE" and any(lx.is_cue("condemn_verbs", f) for f in forms):
        return True
    # (not a denial: "نفى الجيش استهداف المستشفى" denies its own act; not a threat or
    # praise, whose subject may well be the act's agent or party)
    return any(t.pos != "noun" and ((t.type in _CONDEMN_TYPES and t.type != other_than) or (
        t.type == "REJECT" and other_than in _REJECTED_TYPES))
               for f in forms for t in lx.triggers.lookup(f))


# what one rejects is another's act: "ورفض الوفد الحكومي مقترحاً", "رفضت الدوحة الاتهامات"
# (not a refusal to act, "رفض الجيش الانسحاب", which is the subject's own act)
_REJECTED_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SANCTION"})


def _blame(text: str, before: Sequence[ActorRef], acts: Sequence[ActorRef], lo: int,
           lx: EventLexicons) -> tuple[ActorRef | None, ActorRef] | None:
    """"وحمّلت الحكومة الإسرائيلية المسؤولية": the actor right after حمّل (cues.yaml
    blame_verbs) is the one blamed. The blamer is the subject the verb carries, or that of
    the clause it continues ("دانت الوزارة العملية، وحمّلت …"), else it is not named."""
    if not before:
        return None
    blamed = conjunct_head(before, before[-1], text)
    if not _verb_before(text, blamed, lx, "blame_verbs"):
        return None
    verb = list(_WORD.finditer(text[max(lo, blamed.start - 30):blamed.start]))
    if not verb:
        return None
    vs = max(lo, blamed.start - 30) + verb[-1].start()
    zero = next((a for a in acts if a.via == "zero" and vs <= a.start < blamed.start), None)
    if zero is not None:
        return zero, blamed
    if not norm(verb[-1].group(0)).startswith("و") or not re.search(
            r"[,،]\s*$", text[lo:vs]):
        return None, blamed
    return next((b for b in acts if lo <= b.start and b.end <= vs and b.via != "adjective"
                 and not governed_by_preposition(text, b)), None), blamed


def _clash_with(text: str, c: Cand, acts: Sequence[ActorRef], after: Sequence[ActorRef],
                sent: Sentence) -> tuple[ActorRef, ActorRef] | None:
    """"أعلن الجيش انسحاب قواته بعد أيام من المعارك مع قوات الدعم السريع": a clash with X
    (مع right after the noun) is fought by the clause's subject, when that is a force and
    no complement clause (أن، إن) stands between them."""
    if not after or prev_word(text, after[0].start) not in ("مع", "ومع") or \
            words_between(text, c.end, after[0].start) > 2 or re.search(
                r"[,;:.،؛]", text[c.end:after[0].start]):
        return None
    subj = next((a for a in acts if sent.start <= a.start and a.end <= c.start and
                 a.via != "adjective" and not governed_by_preposition(text, a)), None)
    if subj is None or subj.kind not in ("military", "armed_group") or \
            subj.id == after[0].id or any(t in _SUBORDINATORS or t in _PRONOUN_SUBJECT
                                          for t in ntoks(text[subj.end:c.start])):
        return None
    return subj, after[0]


def _clash_parties(text: str, c: Cand, after: Sequence[ActorRef]
                   ) -> tuple[ActorRef, ActorRef | None] | None:
    """"المواجهات بين الجيش وهيئة تحرير الشام", "اشتباكات بين قوات موالية لX وأخرى
    داعمة لY": the parties of a clash after بين (the first is coded as the source)."""
    if not after or after[0].start - c.end > 80:
        return None
    first = after[0]
    # بين a few words on, maybe in a relative clause ("اشتباكات أغسطس، التي اندلعت بين")
    toks = [(norm(m.group(0)), c.end + m.end()) for m in _WORD.finditer(
        text[c.end:first.start])]
    i = next((k for k, (t, _) in enumerate(toks) if t == "بين"), None)
    if i is None or i > 8 or len(toks) - i - 1 > 3:
        return None
    if any(t in _RELATIVE_PRONOUNS for t, _ in toks[:i]):
        pass  # "…، التي اندلعت بين": the comma before the relative clause is allowed
    elif re.search(r"[,;:.،؛]", text[c.end:toks[i][1]]):
        return None
    if re.search(r"[,;:.،؛]", text[toks[i][1]:first.start]):
        return None
    return first, second_party(text, first, after, _CLASH_REACH)


_CLASH_REACH = 10  # words from the first party of a clash to the second


def _from_agent(text: str, c: Cand, after: Sequence[ActorRef], patient: bool,
                lx: EventLexicons | None = None) -> ActorRef | None:
    """"دعم جوي من روسيا": the actor after من that follows the masdar (and at most one
    adjective; not a verb: "صواريخ أطلقت من لبنان" names where they came from)."""
    if patient or not after:
        return None
    gap = ntoks(text[c.end:after[0].start])
    if len(gap) == 2 and lx is not None and not gap[0].startswith(("ب", "ل")) and (
            gap[0] in support_verb_forms(lx) or any(
                t.pos != "noun" for t in lx.triggers.lookup(gap[0]))):
        return None
    if 1 <= len(gap) <= 2 and gap[-1] == "من" and not text[c.end:after[0].start].count(","):
        return after[0]
    if c.type in _GIVEN and gap and gap[0] == "من" and len(gap) <= 6 and not re.search(
            r"[,،;؛.:]", text[c.end:after[0].start]) and lx is not None and not any(
            any(r.pos != "noun" for r in lx.triggers.lookup(t)) or t in support_verb_forms(lx)
            for t in gap[1:]):
        # "بدعم من ميليشيات عشائرية محلية وضربات جوية أمريكية": the giver is named in the
        # من phrase, after the words for what is given
        return after[0]
    return None


# acts whose من phrase after the masdar names the giver however long it is
_GIVEN = frozenset({"SUPPORT", "AID"})


def _patient_noun(c: Cand, lx: EventLexicons) -> bool:
    """"مقتل", "استهداف", "اعتقال": masdars whose genitive is the one acted upon."""
    toks = ntoks(c.surface)
    return bool(toks) and _cue_stem(toks[0], "patient_nouns", lx)


def _cue_stem(t: str, cue: str, lx: EventLexicons) -> bool:
    """Is the word, its proclitics and article aside, one of the cues.yaml list `cue`
    ("واعتقال" in patient_nouns, "بانتشار" in intransitive_nouns)?"""
    for p in ("وب", "ول", "وال", "بال", "لل", "ال", "و", "ف", "ب", "ل"):
        if t.startswith(p) and lx.is_cue(cue, t[len(p):]):
            return True
    return lx.is_cue(cue, t)


def patient_pronoun(c: Cand, lx: EventLexicons) -> bool:
    """A one-word masdar of an act done to someone, with a pronoun ("واعتقاله", "مقتلهم",
    "اغتيالها"): the pronoun is the one acted upon, never the agent."""
    toks = ntoks(c.surface)
    if len(toks) != 1 or c.type not in _DONE_TO:
        return False
    w = toks[0]
    return any(w.endswith(suf) and len(w) - len(suf) >= 3 and
               _cue_stem(w[:-len(suf)], "patient_nouns", lx) for suf in _OBJECT_SUFFIXES)


_DONE_TO = frozenset({"ASSAULT", "COERCE"})


def _support_verb_subject(text: str, c: Cand, acts: Sequence[ActorRef], sent: Sentence,
                          lx: EventLexicons, times: Sequence[tuple[int, int]],
                          speaker: ActorRef | None = None,
                          verbs: frozenset[str] | None = None) -> ActorRef | None:
    """"تشن القوات …، منذ نيسان، حملة", "أعرب X عن تضامن", "قدم X لنظيره التعازي": the
    masdar is the object of a support verb (or of one of `verbs`) earlier in its clause;
    its agent is that verb's subject."""
    seg_start = max(sent.start, c.start - 120)
    seg = text[seg_start:c.start]
    verbs = support_verb_forms(lx) if verbs is None else verbs
    found = None
    for m in _TOKEN.finditer(seg):
        tok = norm(m.group(0))
        if tok in verbs or without_conjunction(tok) in verbs:
            found = m
    if found is None:
        return None
    vs, ve = seg_start + found.start(), seg_start + found.end()
    between = norm(text[ve:c.start])
    if _CLAUSE_OPENER.search(between.replace(",", "")) or len(_TOKEN.findall(between)) > 14:
        return None
    # commas are allowed only around parentheticals that hold no other actor-verb clause
    pseudo = Cand(trig=Trigger(type="", mode="", pos="verb", strong=True), type="",
                  start=vs, end=ve, surface=text[vs:ve])
    acts_here = [a for a in acts if a.end <= c.start]
    # "أعلن الجيش أنه شن هجوما": the pronoun subject of the support verb is the speaker
    src, _ = verb_roles(text, pseudo, acts_here, lx, times, speaker)
    if src is not None and src.end <= c.start:
        return src
    return None


def _recipient(text: str, c: Cand, acts: Sequence[ActorRef], source: ActorRef | None
               ) -> ActorRef | None:
    """"قدم X لنظيره التعازي": the لـ-actor between the support verb and the masdar."""
    prev = [a for a in acts if a.end <= c.start and c.start - a.end < 20 and
            (source is None or a.id != source.id)]
    if prev and norm(prev[-1].text).startswith(("ل", "لل")) and not ntoks(
            text[prev[-1].end:c.start]):
        return prev[-1]
    return None


def asserted_by_clause(text: str, c: Cand, lx: EventLexicons) -> bool:
    """"الاتفاق الذي أبرمه الرئيسان", "تنفيذا لاتفاق موسكو الذي وقعه الطرفان": a support
    verb with a pronoun pointing back to the noun reports the act itself, even where the
    noun is only referred to (after تنفيذ، بموجب، لـ)."""
    toks = ntoks(text[c.end:c.end + 60])[:4]
    verbs = resumptive_agent_verbs(lx)
    return any(t in verbs or without_conjunction(t) in verbs for t in toks)


def sentence_speaker(text: str, sent: Sentence, c: Cand, acts: Sequence[ActorRef],
                     lx: EventLexicons) -> tuple[ActorRef | None, int]:
    """The subject of the last speech verb before the trigger in its sentence ("قال
    إردوغان للصحفيين إن بلاده ردت": إردوغان), and where that verb ends (-1: none). Used
    for the pronouns that point back to the speaker (إنه، لكنه، بلاده، قواتها) when the
    quote finder has no quote there."""
    seg = text[sent.start:c.start]
    last = None
    for m in _WORD.finditer(seg):
        tok = norm(m.group(0))
        if any(lx.is_cue(cue, t) for cue in ("speech_verbs", "denial_verbs")
               for t in (tok, without_conjunction(tok))):
            last = m  # (a denial is speech too: "نفى الجيش أن تكون قواته …")
    if last is None:
        return None, -1
    vs, ve = sent.start + last.start(), sent.start + last.end()
    zero = next((a for a in acts if a.via == "zero" and a.start <= vs < a.end), None)
    if zero is not None:
        return zero, ve  # "وأضاف أنه …": the verb carries its subject
    after = [a for a in acts if ve <= a.start < c.start]
    before = [a for a in acts if a.end <= vs]
    if after and words_between(text, ve, after[0].start) <= 1 and not \
            governed_by_preposition(text, after[0]):
        return after[0], ve
    if before and all(t in _SVO_FILLERS for t in ntoks(text[before[-1].end:vs])) and not \
            gap_has_comma(text, before[-1].end, vs) and not governed_by_preposition(
            text, before[-1]):
        return before[-1], ve
    return None, ve
