"""Quotes: direct (« », " ", “ ”) and indirect (قال/أكد/أوضح ... أن/إن) with speakers.

A speaker is the actor attached to the speech verb before the quote ("وقال بوتين:"),
after it ("، قال أكار"), or carried over from the previous attribution ("وأضاف:"). Dropped
subjects and bare descriptions across sentences ("وأضاف أن"، "وقالت الوزارة") come resolved
from rasad.events.coref; a carry-over inside the page respects gender ("وقالت" does not
continue a man's words), the coref.yaml window, and a new speaker the dictionary does not
know ("وقالت مصادر محلية" is nobody, and ends it). A direct quotation that goes on in the
next sentence or paragraph keeps its speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.events.coref import (
    DIRECT_QUOTE,
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
from rasad.text.normalize import norm

_DIRECT = DIRECT_QUOTE
_TOKEN = re.compile(r"\w+")
_QUOTE_OPEN = re.compile(r"[«“\"”:]")
_COMPLEMENTIZER = {"ان", "بان", "انه", "انها", "انهم", "بانه", "بانها", "انهما", "بانهم"}
_MIN_DIRECT_WORDS = 4


@dataclass(slots=True)
class QuoteSpan:
    start: int  # quote text span (without the quote marks for direct quotes)
    end: int
    direct: bool
    speaker: ActorRef | None
    verb_start: int | None = None  # the attribution verb, if any


def _speech_verb_positions(text: str, lx: EventLexicons) -> list[tuple[int, int, str]]:
    out = []
    for m in _TOKEN.finditer(text):
        t = norm(m.group(0))
        for cand in (t, t[1:] if t[:1] in "وف" else None):
            if cand and lx.is_cue("speech_verbs", cand):
                out.append((m.start(), m.end(), cand))
                break
    return out


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
        named = _NAMED_AS.match(text, ve)
        stop = _QUOTE_OPEN.search(text, named.end() if named else ve, min(ve + 30, nxt))
        limit = stop.start() if stop else min(ve + 30, nxt)
        for tm in _TOKEN.finditer(text, ve, limit):  # "أكد أن روسيا": the subject is dropped
            if norm(tm.group(0)) in _COMPLEMENTIZER or norm(tm.group(0)) in ("ان", "انه"):
                limit = tm.start()
                break
        after = [a for a in actors if ve <= a.start < limit]
        subj: ActorRef | None = after[0] if after else _reported_from(text, ve, nxt, actors)
        reading = verb_reading(form, lx) if lx is not None else None
        gv = reading.gender if reading is not None else None
        lead = next((a for a in actors if start <= a.start and a.end <= vs and
                     a.via != "adjective"), None)
        if subj is None and (participle(form) or form == "قايلا") and lead is not None and \
                _agrees(gv, lead, lx, data):
            subj = lead  # "…، قائلا:", "مؤكدة أن": the participle shares the sentence's subject
        if subj is None:
            before = [a for a in actors if a.end <= vs and a.via != "adjective" and
                      _SVO_GAP.match(text[a.end:vs]) and (
                          ("،" not in text[a.end:vs] and "," not in text[a.end:vs]) or
                          a is lead)]
            subj = before[-1] if before else None
        if subj is None:
            subj = _carried(text, ve, form, prev, prev_at, si, sentences, ranks, lx, data,
                            actors)
            if subj is None and prev_at != si and lead is not None and vs > start + 2 and \
                    not _overt_subject(text, ve, lx, data) and _agrees(gv, lead, lx, data) \
                    and gv is not None:
                subj = lead  # "لكن موسكو … اشتكت …، وقالت إن": the sentence's subject
            if subj is None and _overt_subject(text, ve, lx, data):
                prev = None  # "وقالت مصادر محلية": someone else speaks now
        out.append(subj)
        if subj is not None:
            prev, prev_at = subj, si
    return out


# between a direct quotation and the next one that continues it: punctuation, line breaks
_CONTINUES = re.compile(r"[\s.،,:؛;…]*")
# "ادعى ما يسمى «مركز المصالحة»": the subject named in quotation marks
_NAMED_AS = re.compile(r"\s*(ما\s+يسمى|ما\s+تسمى|ما\s+يعرف\s+ب|المدعو|المدعوة)\s*[«\"“]?")
# between an SVO subject and its verb: "أكار قد أعلن", "لافرينتيف، قال"
_SVO_GAP = re.compile(r"^[\s،,]*(قد|لقد)?\s*$")
_REPORTED_FROM = re.compile(r"(نقلا|نقلاً)\s+عن\s+$")


def _reported_from(text: str, ve: int, nxt: int, actors: list[ActorRef]) -> ActorRef | None:
    """"وذكرت الوكالة نقلا عن وزير الدفاع خلوصي أكار أن": the one quoted speaks."""
    for a in actors:
        if ve <= a.start < min(nxt, ve + 120) and a.via != "adjective" and \
                _REPORTED_FROM.search(text[max(ve, a.start - 20):a.start]):
            between = norm(text[ve:a.start])
            if not any(t in _COMPLEMENTIZER for t in _TOKEN.findall(between)):
                return a
    return None


def _agrees(gv: str | None, a: ActorRef, lx: EventLexicons | None, data: CorefData) -> bool:
    """Gender agreement of a speech verb with a candidate speaker (an unlisted person is a
    man here; a dropped subject agrees with the verb that carries it)."""
    if a.via == "zero":
        pv = verb_reading(a.text, lx) if lx is not None else None
        ga = pv.gender if pv is not None else None
    else:
        ga = actor_gender(a, data, certain=False)
    return gv is None or ga is None or ga == gv


def _overt_subject(text: str, ve: int, lx: EventLexicons | None, data: CorefData) -> bool:
    """Does a word that is not an actor follow the verb as its subject ("وقالت مصادر")?"""
    m = _TOKEN.search(text, ve, ve + 40)
    if m is None or re.match(r"\s*[:«\"“,،]", text[ve:m.start() + 1]):
        return False
    w = norm(m.group(0))
    if w in _COMPLEMENTIZER or w in data.after_dropped or w in data.statement_nouns or (
            w[:1] in ("ل", "ب") and len(w) >= 4 and w not in data.bl_nouns):
        return False
    return not (lx is not None and verb_reading(m.group(0), lx) is not None)


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


def find_quotes(text: str, sentences: list[Sentence], actors: list[ActorRef],
                lx: EventLexicons) -> list[QuoteSpan]:
    """Direct and indirect quotes of a document, with speakers where found."""
    verbs = _speech_verb_positions(text, lx)
    subjects = _verb_subjects(text, verbs, actors, sentences, lx)
    quotes: list[QuoteSpan] = []
    para_start = {s.paragraph: s.start for s in reversed(sentences)}
    last: tuple[int, int, QuoteSpan] | None = None  # the last direct quote: end, paragraph
    win = load_coref_data().dropped
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
        before = [i for i, v in enumerate(verbs) if lo <= v[0] < qs]
        if before:
            verb_at = verbs[before[-1]][0]
            speaker = subjects[before[-1]]
        else:
            after = [i for i, v in enumerate(verbs) if m.end() <= v[0] < m.end() + 60]
            if after:
                verb_at = verbs[after[0]][0]
                speaker = subjects[after[0]]
            elif last is not None and _CONTINUES.fullmatch(text[last[0]:m.start()]) and \
                    para - last[1] <= win.paragraphs:
                # «…». «…»: a quotation that goes on in the next sentence or paragraph
                speaker, verb_at = last[2].speaker, last[2].verb_start
            else:
                prev = [a for a in actors if lo <= a.start and a.end <= qs and
                        a.via != "adjective"]
                if prev and text[prev[-1].end:qs].strip(" ،,:\"«“”") == "":
                    speaker = prev[-1]
                elif prev:
                    # «كما شكر "الشركاء …"»: no speech verb — the sentence's subject speaks
                    start = max(text.rfind(".", 0, qs), text.rfind("\n", 0, qs)) + 1
                    lead = [a for a in prev if a.start >= start]
                    speaker = lead[0] if lead else None
        quotes.append(QuoteSpan(qs, qe, True, speaker, verb_at))
        last = (m.end(), para, quotes[-1])
    # indirect speech: verb ... أن/إن <clause>
    for s in sentences:
        for i, v in enumerate(verbs):
            if not s.start <= v[0] < s.end:
                continue
            comp = None
            for tm in _TOKEN.finditer(text, v[1], min(s.end, v[1] + 120)):
                if norm(tm.group(0)) in _COMPLEMENTIZER:
                    comp = tm
                    break
            if comp is None:
                continue
            qs, qe = comp.end(), s.end
            while qs < qe and text[qs] in " ،,:":
                qs += 1
            if qe - qs < 15 or any(q.start <= qs < q.end or qs <= q.start < qe for q in quotes):
                continue
            quotes.append(QuoteSpan(qs, qe, False, subjects[i], v[0]))
            break
    quotes.sort(key=lambda q: q.start)
    return quotes
