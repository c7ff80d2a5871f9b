"""Quotes: direct (« », " ", “ ”) and indirect (قال/أكد/أوضح ... أن/إن) with speakers.

A speaker is the actor attached to the speech verb before the quote ("وقال بوتين:"),
after it ("، قال أكار"), or carried over from the previous attribution ("وأضاف:"). Dropped
subjects and bare descriptions across sentences ("وأضاف أن"، "وقالت الوزارة") come resolved
from rasad.events.coref; a carry-over inside the page respects gender ("وقالت" does not
continue a man's words), the coref.yaml window, and a new speaker the dictionary does not
know ("وقالت مصادر محلية" is nobody, and ends it). A direct quotation that goes on in the
next sentence or paragraph keeps its speaker.

Every complement of every speech verb is an indirect quote ("قال إن A، وإن B"، "…، مضيفا
أن C"), also after a reporting act ("نفى أن"، "حذر من أن"); a quote ends where the next
clause of speech begins, and a direct quotation inside it speaks with its verb. A verb or
participle inside its sentence with no subject of its own takes that of the clause before
it ("وزار الدبيبة …، وتعهد …، قائلا:"، "غير أن الوزارة رفضت …، وقالت"، its mouthpiece "على
لسان X"), a relative clause its antecedent ("والاتحاد الأفريقي، الذي أكد"), "أما X فأوضح"
its topic (nobody when X is not known); never an actor inside the reported clause or
governed by a preposition ("وقال أمام البرلمان").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.events.coref import (
    DIRECT_QUOTE,
    PREPOSITIONS,
    CorefData,
    actor_gender,
    load_coref_data,
    narrative_ranks,
    participle,
    quoted_sentences,
    verb_reading,
)
from rasad.events.lexicons import EventLexicons
from rasad.records import ActorRef, Sentence
from rasad.text.function_words import COMPLEMENTIZERS as _COMPLEMENTIZER
from rasad.text.function_words import CONTRAST
from rasad.text.function_words import RELATIVE_PRONOUNS as _RELATIVE
from rasad.text.normalize import norm, normalize
from rasad.text.tokens import WORD

_DIRECT = DIRECT_QUOTE
_TOKEN = WORD  # words with their diacritics ("وحذّر" is one word)
_QUOTE_OPEN = re.compile(r"[«“\"”:]")
_MIN_DIRECT_WORDS = 4


@dataclass(slots=True)
class QuoteSpan:
    start: int  # quote text span (without the quote marks for direct quotes)
    end: int
    direct: bool
    speaker: ActorRef | None
    verb_start: int | None = None  # the attribution verb, if any
    # the attribution's own wording when no actor is resolved ("وقالت مصادر محلية",
    # "قال المتحدث باسم التحالف محمد المولود رمضان"): shown, never coded
    speaker_text: str | None = None


# Acts that report speech when a complement follows ("نفى أن"، "حذر من أن"، "ووصفها بأنها"):
# events for the coder, quotes here only with their complement.
_REPORTING_ACTS = frozenset(norm(w) for w in [
    "نفى", "نفت", "نفوا", "ينفي", "تنفي", "نافيا", "نافية", "حذر", "حذرت", "حذروا", "يحذر",
    "تحذر", "محذرا", "محذرة", "وصف", "وصفت", "وصفوا", "يصف", "تصف", "واصفا", "واصفة"])
_OBJECT_SUFFIX = ("هما", "هم", "ها", "ه")


def _speech_verb_positions(text: str, lx: EventLexicons) -> list[tuple[int, int, str]]:
    out = []
    prev = ""
    for m in _TOKEN.finditer(text):
        t = norm(m.group(0))
        if prev == "عدم":
            prev = t
            continue  # "طالبا عدم ذكر اسمه": a masdar, not a verb of speech
        prev = t
        for cand in (t, t[1:] if t[:1] in "وف" else None):
            if cand and lx.is_cue("speech_verbs", cand):
                out.append((m.start(), m.end(), cand))
                break
            if cand and _reporting_act(cand) and _act_complement(text, m.end(), lx):
                out.append((m.start(), m.end(), cand))
                break
    return out


def _act_complement(text: str, end: int, lx: EventLexicons) -> bool:
    """A complementizer within the next few words of a reporting act, before punctuation
    or a speech verb ("نفى الغنوشي أن"، "حذرت من أن"; not "حذر من هجوم")."""
    for k, tm in enumerate(_TOKEN.finditer(text, end, end + 80)):
        if k >= 6 or re.search(r"[.:؛;«\"“]", text[end:tm.start()]):
            return False
        w = norm(tm.group(0))
        if w in _COMPLEMENTIZER:
            return True
        if lx.is_cue("speech_verbs", w) or lx.is_cue("speech_verbs", w[1:]):
            return False
    return False


def _reporting_act(w: str) -> bool:
    """"نفت", "محذرا", "ووصفها" (with an object pronoun): a reporting act."""
    return w in _REPORTING_ACTS or any(
        w.endswith(p) and w[:-len(p)] in _REPORTING_ACTS for p in _OBJECT_SUFFIX)


def _sentence_of(sentences: list[Sentence], pos: int) -> int:
    """Index of the sentence that holds pos (the last one starting at or before it)."""
    k = 0
    for i, s in enumerate(sentences):
        if s.start <= pos:
            k = i
        else:
            break
    return k


def _verb_subjects(text: str, verbs: list[tuple[int, int, str]], actors: list[ActorRef],
                   sentences: list[Sentence] | None = None,
                   lx: EventLexicons | None = None) -> list[ActorRef | None]:
    """The speaker of each speech verb, in order of trust:
    * the dropped subject the verb carries (a "zero" mention of rasad.events.coref);
    * the VSO subject ("وقال بوتين"), also named "ما يسمى «X»" or after "نقلا عن";
    * for a participle ("مؤكدة أن", "لافتا إلى"), the sentence's subject if it agrees;
    * the SVO subject ("وكان أكار قد أعلن", "وكان لافرينتيف، قال");
    * the previous speaker ("وأضاف" continues the last one), when the verb has no subject
      of its own, agrees with that speaker in gender and is near it (coref.yaml windows);
      for a verb inside its sentence, else the sentence's subject if it agrees.
    A subject the dictionary does not know ("وقالت مصادر") is nobody, and ends the
    carry-over."""
    data = load_coref_data()
    sentences = sentences or []
    ranks = narrative_ranks(quoted_sentences(text, sentences))
    out: list[ActorRef | None] = []
    prev: ActorRef | None = None
    prev_at = -1  # the sentence of prev's verb
    for i, (vs, ve, form) in enumerate(verbs):
        si = _sentence_of(sentences, vs) if sentences else -1
        start = sentences[si].start if si >= 0 else max(text.rfind(".", 0, vs),
                                                       text.rfind("\n", 0, vs)) + 1
        zero = next((a for a in actors if a.via == "zero" and a.start <= vs < a.end), None)
        if zero is not None:
            out.append(zero)
            prev, prev_at = zero, si
            continue
        nxt = verbs[i + 1][0] if i + 1 < len(verbs) else len(text)
        if si >= 0:
            nxt = min(nxt, sentences[si].end)  # the subject is in the verb's sentence
        named = _NAMED_AS.match(text, ve)
        stop = _QUOTE_OPEN.search(text, named.end() if named else ve, min(ve + 30, nxt))
        limit = stop.start() if stop else min(ve + 30, nxt)
        for tm in _TOKEN.finditer(text, ve, limit):  # "أكد أن روسيا": the subject is dropped
            if norm(tm.group(0)) in _COMPLEMENTIZER:
                limit = tm.start()
                break
        overt = _overt_subject(text, ve, lx, data)
        after = [a for a in actors if ve <= a.start < limit and
                 _subject_position(text, ve, a, overt)]
        # "قال وزير الدولة الإماراتي للشؤون الخارجية أنور قرقاش": the name, not the
        # adjective before it, a little further when titles come first
        if all(a.via == "adjective" for a in after):
            far = _QUOTE_OPEN.search(text, ve, min(ve + 60, nxt))
            far_end = _first_complement(text, ve, far.start() if far else min(ve + 60, nxt))
            after = [a for a in actors if ve <= a.start < far_end and a.kind == "person" and
                     a.via != "adjective" and _subject_position(text, ve, a, overt)] or after
        after = [a for a in after if a.via != "adjective"] or after
        after = _titled_person(text, ve, after) or after
        subj: ActorRef | None = after[0] if after else _reported_from(text, ve, nxt, actors)
        relay = _relay_at(text, start, vs) if norm(form) in _HIS_SAYING else None
        if relay is not None:
            # "ونقلت الوكالة عن ولي العهد قوله إن": the outlet relays; the one after عن
            # speaks, and when he is not known, nobody known does
            told = next((a for a in actors if relay <= a.start and a.end <= vs and
                         a.via != "adjective"), None)
            subj, overt = told, True
        reading = verb_reading(form, lx) if lx is not None else None
        gv = reading.gender if reading is not None else None
        first_comp = _first_complement(text, start, vs)
        lead = next((a for a in actors if start <= a.start and a.end <= min(vs, first_comp)
                     and a.via != "adjective"), None)
        topic = _AMMA.search(text, start, vs) if text[vs:vs + 1] == "ف" else None
        if subj is None and topic is not None:
            # "أما رئيس الوفد الحكومي فأوضح أن": the topic is the subject, named or not
            named_topic = [a for a in actors if topic.start() <= a.start and a.end <= vs and
                           a.via != "adjective"]
            subj = named_topic[-1] if named_topic else None
            overt = overt or subj is None
        if subj is None and not overt:
            before = [a for a in actors if a.end <= vs and a.via != "adjective" and
                      _SVO_GAP.match(text[a.end:vs]) and (
                          ("،" not in text[a.end:vs] and "," not in text[a.end:vs]) or
                          a is lead)]
            subj = before[-1] if before else _relative_antecedent(text, start, vs, actors)
        clause: tuple[bool, ActorRef | None] = (False, None)
        if subj is None and not overt and si >= 0 and lx is not None:
            # "وتعهد …، قائلا:"، "نفت الوزارة على لسان المتحدث X …، وقال إن": a verb inside
            # its sentence shares the subject of the clause before it
            clause = _clause_subject(text, vs, gv, sentences[si], actors, verbs[:i], out,
                                     lx, data)
            subj = clause[1]
        if subj is None and not clause[0] and participle(form) and \
                lead is not None and _agrees(gv, lead, lx, data):
            subj = lead  # "…، قائلا:", "مؤكدة أن": the participle shares the sentence's subject
        if subj is None and not clause[0] and not overt:
            subj = _carried(text, ve, form, prev, prev_at, si, sentences, ranks, lx, data,
                            actors)
            if subj is None and prev_at != si and lead is not None and vs > start + 2 and \
                    not overt and _agrees(gv, lead, lx, data) and gv is not None:
                subj = lead  # "لكن موسكو … اشتكت …، وقالت إن": the sentence's subject
        if subj is None and (overt or clause[0]):
            prev = None  # "وقالت مصادر محلية": someone else speaks now
        out.append(subj)
        if subj is not None:
            prev, prev_at = subj, si
    return out


# "أما X فقال": the topic before a verb with ف
_AMMA = re.compile(r"(?:^|(?<=[\s،,]))و?[أا]ما\s+[^،,.:؛«»\"]*$")
# between a direct quotation and the next one that continues it: punctuation, line breaks
_CONTINUES = re.compile(r"[\s.،,:؛;…]*")
# "ادعى ما يسمى «مركز المصالحة»": the subject named in quotation marks
_NAMED_AS = re.compile(r"\s*(ما\s+يسمى|ما\s+تسمى|ما\s+يعرف\s+ب|المدعو|المدعوة)\s*[«\"“]?")
# between an SVO subject and its verb: "أكار قد أعلن", "لافرينتيف، قال"
_SVO_GAP = re.compile(r"^[\s،,]*(قد|لقد)?\s*$")
_REPORTED_FROM = re.compile(r"(نقلا|نقلاً)\s+عن\s+$")


def _titled_person(text: str, ve: int, after: list[ActorRef]) -> list[ActorRef]:
    """"قال الأمين العام للحزب حسن نصر الله", "قال مبعوثها إلى ليبيا عبد الله باتيلي": a
    title the dictionary does not know opens the subject, and the body or country in it is
    not the speaker; the person the title names is. Only when a word that is no actor comes
    first, and nothing but the title stands between (no comma, quotation or conjunction)."""
    from rasad.events.roles import governed_by_preposition

    first = _TOKEN.search(text, ve)
    if not after or first is None or first.start() >= after[0].start:
        return []
    for a in after[1:]:
        between = text[ve:a.start]
        if a.kind == "person" and a.via == "name" and \
                not re.search(r"[،,:«\"“()]", between) and \
                not any(norm(t) == "و" or norm(t).startswith("وال")
                        for t in _TOKEN.findall(between)) and \
                not governed_by_preposition(text, a):
            return [a]
    return []


# "قوله" after "نقلت الوكالة عن X": X's saying, relayed (the participle frame "نقلا عن X"
# is _reported_from's)
_HIS_SAYING = frozenset(norm(w) for w in ["قوله", "قولها", "قولهم", "قولهما"])
_RELAY = re.compile(r"(?:^|\s)[وف]?(?:نقل|نقلت|نقلوا|ينقل|تنقل)\s[^.،,]*?\sعن\s+")


def _relay_at(text: str, start: int, vs: int) -> int | None:
    """Where the one relayed is named ("نقلت الوكالة عن ولي العهد قوله": after عن), when
    the saying noun at vs follows a relaying verb in its clause; else None."""
    n = normalize(text[start:vs])
    found = list(_RELAY.finditer(n.text))
    return start + n.to_original(found[-1].end(), found[-1].end())[0] if found else None


def _reported_from(text: str, ve: int, nxt: int, actors: list[ActorRef]) -> ActorRef | None:
    """"وذكرت الوكالة نقلا عن وزير الدفاع خلوصي أكار أن": the one quoted speaks."""
    for a in actors:
        if ve <= a.start < min(nxt, ve + 120) and a.via != "adjective" and \
                _REPORTED_FROM.search(text[max(ve, a.start - 20):a.start]):
            between = norm(text[ve:a.start])
            if not any(t in _COMPLEMENTIZER for t in _TOKEN.findall(between)):
                return a
    return None


# the outlet one speaks to: "قالت مصادر لوكالة الأنباء الألمانية" (Germany does not speak)
_ADDRESSEES = frozenset(norm(w) for w in [
    "وكالة", "قناة", "صحيفة", "موقع", "إذاعة", "تلفزيون", "الصحفيين", "الصحافيين",
    "وسائل", "مراسل", "مراسلة"])


def _addressee(w: str) -> bool:
    """Is the normalized word ل + an outlet or the press ("لوكالة", "لقناة", "للصحفيين")?"""
    return w[:1] == "ل" and (w[1:] in _ADDRESSEES or (w[1:2] == "ل" and
                                                      "ال" + w[2:] in _ADDRESSEES))


def _subject_position(text: str, ve: int, a: ActorRef, overt: bool) -> bool:
    """Can the actor after a speech verb be its subject? Not one governed by a
    preposition when the verb's own subject is dropped ("وقال أمام البرلمان الأوروبي"),
    nor a country adjective past a preposition ("قال مصدر في مستشفى الكندي")."""
    from rasad.events.roles import governed_by_preposition

    if a.via == "adjective":
        return not any(norm(t) in PREPOSITIONS or _addressee(norm(t))
                       for t in _TOKEN.findall(text[ve:a.start]))
    return overt or not governed_by_preposition(text, a)


def _first_complement(text: str, start: int, end: int) -> int:
    """Where the first complementizer between start and end is (end if none)."""
    for tm in _TOKEN.finditer(text, start, end):
        if norm(tm.group(0)) in _COMPLEMENTIZER:
            return tm.start()
    return end




def _relative_antecedent(text: str, start: int, vs: int, actors: list[ActorRef]
                         ) -> ActorRef | None:
    """"…، والاتحاد الأفريقي، الذي أكد أن": the actor the relative pronoun refers to."""
    toks = list(_TOKEN.finditer(text, max(start, vs - 30), vs))
    if not toks or norm(toks[-1].group(0)) not in _RELATIVE or text[toks[-1].end():vs].strip():
        return None
    rel = toks[-1].start()
    return next((a for a in actors if start <= a.start and a.end <= rel and
                 a.via != "adjective" and re.fullmatch(r"[\s،,]*", text[a.end:rel])), None)


def _agrees(gv: str | None, a: ActorRef, lx: EventLexicons | None, data: CorefData) -> bool:
    """Gender agreement of a speech verb with a candidate speaker (an unlisted person is a
    man here; a dropped subject agrees with the verb that carries it)."""
    if a.via == "zero":
        pv = verb_reading(a.text, lx) if lx is not None else None
        ga = pv.gender if pv is not None else None
    else:
        ga = actor_gender(a, data, certain=False)
    return gv is None or ga is None or ga == gv


# words that open a clause without being its subject ("، ثم قال"، "غير أن الوزارة رفضت")
_OPENERS = CONTRAST | frozenset(norm(w) for w in [
    "و", "ف", "ثم", "كما", "وكما", "وفيما", "وبينما", "قد", "وقد", "لقد",
    "ولقد", "كان", "وكان", "كانت", "وكانت", "لكن", "ولكن", "بل", "غير", "الا", "اما", "واما"])
_PRONOUN_OPENERS = {norm("لكنه"): "m", norm("ولكنه"): "m", norm("لكنها"): "f",
                    norm("ولكنها"): "f"}
_CLAUSE_BREAK = re.compile(r"[،,؛;:()«»\"“”]")


def _clause_subject(text: str, vs: int, gv: str | None, sent: Sentence,
                    actors: list[ActorRef], verbs: list[tuple[int, int, str]],
                    subjects: list[ActorRef | None], lx: EventLexicons, data: CorefData
                    ) -> tuple[bool, ActorRef | None]:
    """The subject of a verb without one of its own inside its sentence: that of the
    nearest clause before it ("وزار الدبيبة …، وتعهد …، قائلا:"، "غير أن الوزارة رفضت …،
    وقالت إن"), walking back over clauses whose subject is dropped too. A clause with a
    subject of the other gender stops the walk unless it names its mouthpiece ("نفت
    الوزارة على لسان المتحدث باسمها X …، وقال"); one whose subject the dictionary does not
    know stops it too. (False, None) when no clause before the verb tells."""
    from rasad.events.roles import governed_by_preposition

    quoted = [(m.start(), m.end()) for m in _DIRECT.finditer(text, sent.start, sent.end)]
    toks = [m for m in _TOKEN.finditer(text, sent.start, vs)
            if not any(a <= m.start() < b for a, b in quoted)]
    segs: list[list[re.Match[str]]] = []
    for m in toks:
        if not segs or _CLAUSE_BREAK.search(text[segs[-1][-1].end():m.start()]):
            segs.append([])
        segs[-1].append(m)
    speech_at = {v[0]: k for k, v in enumerate(verbs)}
    for seg in reversed(segs):
        k = 0
        pron: str | None = None
        while k < len(seg) and norm(seg[k].group(0)) in _OPENERS | set(_PRONOUN_OPENERS):
            pron = _PRONOUN_OPENERS.get(norm(seg[k].group(0)), pron)
            k += 1
            if k < len(seg) and norm(seg[k - 1].group(0)) in ("غير", "الا") and \
                    norm(seg[k].group(0)) == "ان":
                k += 1  # "غير أن"، "إلا أن": however
        if k >= len(seg):
            continue
        head = seg[k]
        subj: ActorRef | None = None
        verb: re.Match[str] | None = None
        svo = next((a for a in actors if a.start == head.start() and a.via != "adjective"),
                   None)
        if svo is not None:  # "غير أن وزارة الخارجية رفضت"
            rest = [m for m in seg if m.start() >= svo.end]
            if rest and not text[svo.end:rest[0].start()].strip() and \
                    verb_reading(rest[0].group(0), lx) is not None:
                subj, verb = svo, rest[0]
        elif verb_reading(head.group(0), lx) is not None:
            verb = head
        else:
            # a verb the lexicons lack, right before a named actor ("دان وزير الخارجية
            # الأمريكي"، "وقطع الرئيس"): VSO, whatever the verb
            after = next((a for a in actors if a.start > head.start() and a.via != "adjective"
                          and a.start <= seg[-1].start() and (
                              not text[head.end():a.start].strip() or (
                                  a.kind == "person" and
                                  len(_TOKEN.findall(text[head.end():a.start])) <= 4))),
                         None)
            w = norm(head.group(0))
            if after is not None and _bare_verb(head.group(0), w):
                subj, verb = after, head
        if verb is None:
            continue  # not a clause of its own ("صباح اليوم"، "الذي يتولى …")
        reading = verb_reading(verb.group(0), lx)
        if reading is not None and (participle(reading.form) or
                                    reading.form in data.impersonal):
            continue  # a participle shares the subject of the clause before it
        vg = pron or (reading.gender if reading is not None else None)
        if subj is None and verb.start() in speech_at and \
                speech_at[verb.start()] < len(subjects):
            subj = subjects[speech_at[verb.start()]]
        if subj is None and pron is None:
            end = verb.end() + 40
            cands = [a for a in actors if verb.end() <= a.start < end and
                     a.start < seg[-1].end() + 1 and a.via != "adjective" and
                     not governed_by_preposition(text, a) and
                     _first_complement(text, verb.end(), a.start) == a.start]
            if cands and (vg is None or _agrees(vg, cands[0], lx, data)):
                subj = cands[0]
            elif not cands and reading is not None and reading.speech and \
                    _overt_subject(text, verb.end(), lx, data):
                return True, None  # "وقال مصدر …، وأضاف": someone the dictionary lacks
        if subj is None:
            if gv is not None and vg is not None and vg != gv:
                continue  # "لكنها قبلت": another subject, inside the speech
            continue  # dropped here too: the clause before tells
        if _agrees(gv, subj, lx, data):
            return True, subj
        mouth = _MOUTHPIECE.search(text, verb.end(), vs)
        if mouth is not None:
            said = next((a for a in actors if mouth.end() <= a.start < mouth.end() + 40 and
                         a.via != "adjective" and a.end <= vs), None)
            if said is not None and _agrees(gv, said, lx, data):
                return True, said
        return True, None
    return False, None


def _bare_verb(raw: str, w: str) -> bool:
    """Could this word be a past verb the lexicons lack (no article, no preposition, no
    tanween or ta marbuta, three to five letters once و/ف is taken off)?"""
    stem = w[1:] if w[:1] in ("و", "ف") and len(w) > 3 else w
    return not (w.startswith("ال") or w in PREPOSITIONS or w in _OPENERS or
                raw.endswith(("ة", "\u064b")) or not 3 <= len(stem) <= 5)


# "على لسان المتحدث باسمها": the one who speaks for the clause's subject
_MOUTHPIECE = re.compile(r"على\s+لسان")


def _overt_subject(text: str, ve: int, lx: EventLexicons | None, data: CorefData) -> bool:
    """Does a word that is not an actor follow the verb as its subject ("وقالت مصادر")?"""
    m = _TOKEN.search(text, ve, ve + 40)
    if m is None or re.match(r"\s*[:«\"“,،]", text[ve:m.start() + 1]):
        return False
    w = norm(m.group(0))
    if w in _COMPLEMENTIZER or w in data.after_dropped or w in data.statement_nouns or \
            w in PREPOSITIONS or (
            w[:1] in ("ل", "ب") and len(w) >= 4 and w not in data.bl_nouns):
        return False
    return not (lx is not None and verb_reading(m.group(0), lx) is not None)


_MAX_SPEAKER_WORDS = 9
# where an unknown subject's wording ends: its verb's complement or quotation, a comma, or a
# word that opens a circumstance or an addressee ("في مؤتمر صحفي", "لوكالة", "اليوم")
_SUBJECT_END = re.compile(r"[:«\"“”،,.؛;()\n]")


# "وصف اليماني الاتفاق بأنه", "ينقل خام الإقليم": a subject and an object run together
_TWO_OBJECTS = frozenset(norm(w) for w in [
    "وصف", "وصفت", "وصفوا", "يصف", "تصف", "واصفا", "واصفة", "نقل", "نقلت", "نقلوا", "ينقل",
    "تنقل", "ناقلا", "ناقلة"])


def _two_objects(form: str) -> bool:
    w = norm(form)
    return w in _TWO_OBJECTS or (w[:1] in ("و", "ف") and w[1:] in _TWO_OBJECTS)


def _subject_wording(text: str, ve: int, limit: int, lx: EventLexicons | None,
                     data: CorefData) -> str | None:
    """The words of a speech verb's overt subject that no actor resolved ("مصادر محلية",
    "وزير الموارد المائية والري هاني سويلم"), or None when they cannot be told apart."""
    if not _overt_subject(text, ve, lx, data):
        return None
    stop = _SUBJECT_END.search(text, ve, limit)
    end = stop.start() if stop else limit
    words: list[str] = []
    for tm in _TOKEN.finditer(text, ve, end):
        w = norm(tm.group(0))
        if w in _COMPLEMENTIZER or w in PREPOSITIONS or \
                w in data.after_dropped or (w[:1] == "ل" and len(w) >= 4 and
                                            w not in data.bl_nouns) or (
                lx is not None and verb_reading(tm.group(0), lx) is not None):
            break
        words.append(tm.group(0))
    if not words or len(words) > _MAX_SPEAKER_WORDS:
        return None
    return " ".join(words)


def _carried(text: str, ve: int, form: str, prev: ActorRef | None, prev_at: int, si: int,
             sentences: list[Sentence], ranks: list[int], lx: EventLexicons | None,
             data: CorefData, actors: list[ActorRef]) -> ActorRef | None:
    """The previous speaker for a verb without a subject of its own: in the same sentence,
    or within the dropped-subject window, when the verb agrees with it in gender."""
    if prev is None or _overt_subject(text, ve, lx, data):
        return None
    if sentences and si != prev_at:
        win = data.dropped
        if ranks[si] - ranks[prev_at] > win.sentences or (
                sentences[si].paragraph - sentences[prev_at].paragraph > win.paragraphs):
            return None
    reading = verb_reading(form, lx) if lx is not None else None
    if reading is not None and reading.plural:
        # a dual or plural verb ("وأكدا"): only after conjoined speakers ("قال بوتين
        # وأردوغان"), whose first one stands for them
        return prev if _conjoined(text, prev, actors) else None
    return prev if _agrees(reading.gender if reading else None, prev, lx, data) else None


def _conjoined(text: str, a: ActorRef, actors: list[ActorRef]) -> bool:
    """Is `a` followed by another actor joined with و ("بوتين وأردوغان")?"""
    return any(b.start >= a.end and not text[a.end:b.start].strip() and
               norm(b.text).startswith("و") and b.id != a.id for b in actors)


# a further complement of the same verb: "قال إن A، وإن B"، "مؤكدا أن A، وأن B"
_NEXT_COMPLEMENT = re.compile(r"[،,]\s*(و|ف)?(أن|إن|أنّ|إنّ|بأن|أنه|إنه|أنها|إنها|بأنه|بأنها)\s")


def _complements(text: str, sentences: list[Sentence], verbs: list[tuple[int, int, str]],
                 lx: EventLexicons) -> list[tuple[int, int, int]]:
    """The complements of the speech verbs, as (start, end, verb index): from the word
    after أن/إن to the end of the sentence, or to the next clause of speech ("…، مضيفا
    أن"، "…، بعد أن قالت إن"), one for each "، وأن …" of the same verb."""
    out: list[tuple[int, int, int]] = []
    for s in sentences:
        vis = [i for i, v in enumerate(verbs) if s.start <= v[0] < s.end]
        heads: list[tuple[int, int]] = []  # (verb index, end of its complementizer)
        for n, i in enumerate(vis):
            lim = min(s.end, verbs[i][1] + 120, *(verbs[j][0] for j in vis[n + 1:n + 2]))
            comp = next((tm for tm in _TOKEN.finditer(text, verbs[i][1], lim)
                         if norm(tm.group(0)) in _COMPLEMENTIZER), None)
            if comp is not None:
                heads.append((i, comp.end()))
        for i, qs in heads:
            while qs < s.end and text[qs] in " ،,:":
                qs += 1
            qe = s.end
            other = _OTHER_CLAUSE.search(text, qs, qe)
            if other is not None:
                qe = other.start()  # "…»، كما دانته الولايات المتحدة": another subject's clause
            for j in vis:
                if verbs[j][0] <= qs:
                    continue
                cut = _clause_start(text, qs, verbs[j][0])
                if cut is not None:
                    qe = cut  # "…، مضيفا أن": the next clause of speech
                    break
            while True:
                m = _NEXT_COMPLEMENT.search(text, qs, qe)
                if m is None:
                    break
                out.append((qs, m.start(), i))
                qs = m.end()
            out.append((qs, qe, i))
    return [(a, b, i) for a, b, i in out if b > a]


# a main clause of the narrator's after the reported one: "، كما دانته واشنطن", "، فيما دعت"
_OTHER_CLAUSE = re.compile(r"[،,]\s*(?:كما|فيما|بينما|في حين)\s")


def _clause_start(text: str, lo: int, vs: int) -> int | None:
    """Where the clause of a speech verb at vs begins, if a comma opens it within three
    words ("، مضيفا"، "، وقال"، "، بعد أن قالت"): the comma; else None (a verb inside the
    reported clause)."""
    seg = text[lo:vs]
    k = max(seg.rfind("،"), seg.rfind(","), seg.rfind("؛"))
    if k < 0 or len(_TOKEN.findall(seg[k:])) > 3:
        return None
    return lo + k


def find_quotes(text: str, sentences: list[Sentence], actors: list[ActorRef],
                lx: EventLexicons, media: frozenset[str] = frozenset()) -> list[QuoteSpan]:
    """Direct and indirect quotes of a document, with speakers where found. `media` are
    the news outlets' ids: one after ل is the one spoken to ("وقالت مصادر لوكالة فرانس
    برس"), not the speaker."""
    verbs = _speech_verb_positions(text, lx)
    actors = [a for a in actors if not (a.id in media and a.proclitic == "ل")]
    subjects = _verb_subjects(text, verbs, actors, sentences, lx)
    data = load_coref_data()
    ends = [min(verbs[i + 1][0] if i + 1 < len(verbs) else len(text),
                sentences[_sentence_of(sentences, vs)].end if sentences else len(text), ve + 120)
            for i, (vs, ve, _) in enumerate(verbs)]
    wording = [None if subjects[i] is not None or _two_objects(form) else
               _subject_wording(text, ve, ends[i], lx, data)
               for i, (_, ve, form) in enumerate(verbs)]
    quotes: list[QuoteSpan] = []
    para_start = {s.paragraph: s.start for s in reversed(sentences)}
    last: tuple[int, int, QuoteSpan] | None = None  # the last direct quote: end, paragraph
    win = load_coref_data().dropped
    comps = _complements(text, sentences, verbs, lx)
    for m in _DIRECT.finditer(text):
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        qs, qe = m.start(g), m.end(g)
        body = m.group(g)
        if len(_TOKEN.findall(body)) < _MIN_DIRECT_WORDS:
            continue
        para = next((s.paragraph for s in sentences if s.start <= qs < s.end + 2), 0)
        lo = max(para_start.get(para, 0), qs - 250)
        speaker = None
        verb_at = None
        said: str | None = None
        before = [i for i, v in enumerate(verbs) if lo <= v[0] < qs]
        within = next((c for c in comps if c[0] - 3 <= qs < c[1]), None)
        own = {c[2] for c in comps}
        after = [i for i, v in enumerate(verbs) if m.end() <= v[0] < m.end() + 60 and
                 i not in own]
        if before and after and within is None and \
                _sentence_of(sentences, verbs[before[-1]][0]) != _sentence_of(sentences, qs):
            before = []  # «…»، قال أحد المحتجين: the verb after it, not one of a sentence before
        if within is not None:
            # "قال إن القوات «انسحبت …»، وإن القيادة «…»": the verb of the complement speaks
            verb_at = verbs[within[2]][0]
            speaker, said = subjects[within[2]], wording[within[2]]
        elif before:
            verb_at = verbs[before[-1]][0]
            speaker, said = subjects[before[-1]], wording[before[-1]]
        else:
            # «…»، قال أكار: a verb after the quotation, not one with a complement of its own
            # («…». تقول الأمم المتحدة إن …)
            if after:
                verb_at = verbs[after[0]][0]
                speaker, said = subjects[after[0]], wording[after[0]]
            elif last is not None and _CONTINUES.fullmatch(text[last[0]:m.start()]) and \
                    para - last[1] <= win.paragraphs:
                # «…». «…»: a quotation that goes on in the next sentence or paragraph
                speaker, verb_at = last[2].speaker, last[2].verb_start
                said = last[2].speaker_text
            else:
                prev = [a for a in actors if lo <= a.start and a.end <= qs and
                        a.via != "adjective"]
                if prev and text[prev[-1].end:qs].strip(" \"«“”") == ":":
                    speaker = prev[-1]  # "بوتين: «…»" (but "وحملت إسرائيل «…»": an object)
                elif prev:
                    # «كما شكر "الشركاء …"»: no speech verb — the sentence's subject speaks
                    start = max(text.rfind(".", 0, qs), text.rfind("\n", 0, qs)) + 1
                    lead = [a for a in prev if a.start >= start]
                    speaker = lead[0] if lead else None
        quotes.append(QuoteSpan(qs, qe, True, speaker, verb_at,
                                said if speaker is None else None))
        last = (m.end(), para, quotes[-1])
    # indirect speech: verb ... أن/إن <clause>, and each further "، وأن …" of the same verb
    for qs, qe, i in comps:
        if qe - qs < 15 or any(q.start <= qs < q.end or (
                q.direct and qs <= q.start <= qs + 2 and q.end - q.start > (qe - qs) * 0.6)
                for q in quotes):
            continue  # inside a direct quotation, or a direct quotation itself
        quotes.append(QuoteSpan(qs, qe, False, subjects[i], verbs[i][0], wording[i]))
    quotes.sort(key=lambda q: q.start)
    return quotes
