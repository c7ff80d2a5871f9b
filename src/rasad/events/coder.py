"""The event coder: PLOVER events from trigger matches, with actors, place, date,
fatalities, negation, modality and reported speech.

Rules (PLOVER.md conventions):
* one event per act: several triggers of one type in a clause make one event;
* a speech act (REQUEST, THREATEN, ACCUSE, REJECT, SUPPORT) swallows the acts it is
  about when they are nouns ("طالب بوقف إطلاق النار" is one REQUEST);
* an event inside a quote or a "قال X إن ..." clause gets X as ``reported_by``;
* the event's date comes from the nearest time expression in its sentence, else the
  publication date; a planned act carries its future date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rasad.actors.lexicon import Match
from rasad.events.lexicons import EventLexicons, Trigger
from rasad.events.quotes import QuoteSpan
from rasad.records import ActorRef, Event, Figure, PlaceRef, Sentence, short_hash
from rasad.text.normalize import Normalized, norm

SPEECH_ACTS = {"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"}
_TOKEN = re.compile(r"\w+")
_AGENT_CUES = ("من قبل", "شنته", "شنها", "نفذه", "نفذها", "شنتها", "شنه", "يشنها", "تشنها")
_CEASEFIRE_IN_FORCE = ("حيز التنفيذ", "صامد", "دخل", "يسري", "سريان", "التزام", "خرق", "انتهاك")
_FUTURE_PREFIX = ("ست", "سي", "سن", "سا")


@dataclass(slots=True)
class TimeRef:
    """What the coder needs of a time expression."""

    start: int
    end: int
    text: str
    value: str | None
    future: bool
    kind: str


@dataclass(slots=True)
class _Cand:
    trig: Trigger
    type: str
    start: int  # original offsets
    end: int
    surface: str


def _tokens_before(ntext: str, pos: int, k: int) -> list[str]:
    return _TOKEN.findall(ntext[max(0, pos - 80):pos])[-k:]


def code_events(doc_id: str, text: str, n: Normalized, sentences: list[Sentence],
                trig_matches: list[Match[Trigger]], actors: list[ActorRef],
                places: list[PlaceRef], times: list[TimeRef], figures: list[Figure],
                quotes: list[QuoteSpan], published: dt.date | None, lx: EventLexicons
                ) -> list[Event]:
    """Events of one document."""
    events: list[Event] = []
    by_sentence: dict[int, list[_Cand]] = {}
    for m in trig_matches:
        s, e = n.to_original(m.start, m.end)
        si = _sentence_index(sentences, s)
        if si is None:
            continue
        trig = _choose(m.payloads, text[sentences[si].start:sentences[si].end])
        by_sentence.setdefault(si, []).append(_Cand(trig, trig.type, s, e, text[s:e]))
    for si, cands in sorted(by_sentence.items()):
        sent = sentences[si]
        events += _code_sentence(doc_id, text, sent, cands, actors, places, times, figures,
                                 quotes, published, lx)
    return events


def _sentence_index(sentences: list[Sentence], pos: int) -> int | None:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = sentences[mid]
        if pos < s.start:
            hi = mid - 1
        elif pos >= s.end:
            lo = mid + 1
        else:
            return mid
    return None


def _choose(payloads: tuple[Trigger, ...], sentence: str) -> Trigger:
    """Pick one reading of an ambiguous trigger from its sentence."""
    if len({p.type for p in payloads}) == 1:
        return payloads[0]
    ns = norm(sentence)
    if any(c in ns for c in map(norm, _CEASEFIRE_IN_FORCE)):
        for p in payloads:
            if p.type == "RETREAT":
                return p
    for p in payloads:
        if p.type == "AGREE":
            return p
    return payloads[0]


def _code_sentence(doc_id: str, text: str, sent: Sentence, cands: list[_Cand],
                   actors: list[ActorRef], places: list[PlaceRef], times: list[TimeRef],
                   figures: list[Figure], quotes: list[QuoteSpan], published: dt.date | None,
                   lx: EventLexicons) -> list[Event]:
    ns = norm(sent.text)
    s_actors = [a for a in actors if sent.start <= a.start < sent.end and a.id]
    s_places = [p for p in places if sent.start <= p.start < sent.end]
    s_figs = [f for f in figures if sent.start <= f.span[0] < sent.end]
    if any(c in ns.split() for c in lx.cues.get("opinion_cues", ())):
        return []
    out: list[Event] = []
    seen_types: set[str] = set()
    speech_act_at: int | None = None
    threat_at: int | None = None
    for c in sorted(cands, key=lambda c: c.start):
        if not c.trig.strong and not (s_actors or s_places or s_figs):
            continue
        if speech_act_at is not None and c.trig.pos == "noun" and c.type not in SPEECH_ACTS:
            continue  # the act a demand/threat/accusation is about
        if threat_at is not None and c.type in ("ASSAULT", "MOBILIZE", "COERCE", "SANCTION"):
            continue
        if c.type in seen_types:
            continue
        seen_types.add(c.type)
        if c.type in SPEECH_ACTS:
            speech_act_at = c.start
            if c.type == "THREATEN":
                threat_at = c.start
        out.append(_event(doc_id, text, sent, c, s_actors, s_places, times, s_figs, quotes,
                          published, lx))
    return out


def _event(doc_id: str, text: str, sent: Sentence, c: _Cand, s_actors: list[ActorRef],
           s_places: list[PlaceRef], times: list[TimeRef], s_figs: list[Figure],
           quotes: list[QuoteSpan], published: dt.date | None, lx: EventLexicons) -> Event:
    quote = next((q for q in quotes if q.start <= c.start < q.end), None)
    reported_by = None
    lo = sent.start
    if quote is not None and c.type not in SPEECH_ACTS or (
            quote is not None and quote.verb_start is not None and quote.verb_start < c.start):
        reported_by = quote.speaker
        lo = max(lo, quote.start)
    source, target = _roles(text, c, [a for a in s_actors if a.start >= lo], sent)
    if reported_by is not None and source is not None and source.id == reported_by.id and \
            quote is not None and not quote.direct:
        reported_by = None
    negated, modality = _modality(text, sent, c, lx)
    date, date_text, future = _date(c, sent, times, published)
    if future and modality == "asserted":
        modality = "planned"
    location = _location(c, s_places)
    fatalities = None
    if c.type == "ASSAULT":
        killed = [f for f in s_figs if f.category == "killed"]
        if killed:
            fatalities = int(sum(f.quantity for f in killed))
    conf = 0.45 + (0.2 if source else 0) + (0.1 if target else 0) + (
        0.1 if c.trig.strong else -0.1) + (0.1 if c.trig.pos != "noun" else 0) + (
        0.05 if location else 0)
    eid = "ev_" + short_hash(doc_id, str(c.start), c.type)
    return Event(id=eid, doc_id=doc_id, type=c.type, mode=c.trig.mode or None,
                 source_actor=source, target_actor=target, date=date, date_text=date_text,
                 location=location, fatalities=fatalities, negated=negated, modality=modality,
                 sentence=sent.text, span=(sent.start, sent.end), trigger=c.surface,
                 confidence=min(conf, 0.99), reported_by=reported_by)


def _roles(text: str, c: _Cand, acts: list[ActorRef], sent: Sentence
           ) -> tuple[ActorRef | None, ActorRef | None]:
    """Source and target from word order around the trigger."""
    after = [a for a in acts if a.start >= c.end]
    before = [a for a in acts if a.end <= c.start]
    source: ActorRef | None = None
    target: ActorRef | None = None
    if c.trig.pos == "noun":
        for a in after[:3]:
            gap = norm(text[c.end:a.start])
            if a.start - c.end > 70:
                break
            if any(cue in gap for cue in map(norm, _AGENT_CUES)) or (
                    norm(a.text).startswith("لل") and a.start - c.end < 40):
                source = a
                break
        if source is None and before:
            b = before[-1]
            if c.start - b.end < 50:
                source = b
        rest = [a for a in after if a is not source and (source is None or a.id != source.id)]
        if rest and rest[0].start - c.end < 80:
            target = rest[0]
        if source is None and c.type in ("AGREE", "CONSULT", "COOPERATE") and len(rest) > 1:
            source, target = rest[0], next((a for a in rest[1:] if a.id != rest[0].id), None)
        return source, target
    # verbs: VSO first (subject right after the verb), else SVO (subject before it)
    if after and after[0].start - c.end <= 25:
        source = after[0]
    elif before and c.start - before[-1].end <= 60:
        source = before[-1]
    elif after and after[0].start - c.end <= 60:
        source = after[0]
    for a in after:
        if source is not None and (a is source or a.id == source.id):
            continue
        if a.start - c.end > 160:
            break
        target = a
        break
    return source, target


def _modality(text: str, sent: Sentence, c: _Cand, lx: EventLexicons) -> tuple[bool, str]:
    nbefore = norm(text[sent.start:c.start])
    toks = _TOKEN.findall(nbefore)
    near = toks[-3:]
    negated = any(lx.is_cue("negation", t) for t in near)
    surface = norm(c.surface)
    bare = surface[1:] if surface[:1] in "وف" else surface
    modality = "asserted"
    if any(lx.is_cue("denial_verbs", t) for t in toks[-8:]):
        return True, "denied"
    hypo = lx.cues.get("hypothetical", frozenset())
    if any(t in hypo for t in toks[-8:]) or any(p in nbefore[-40:] for p in
                                               lx.cue_phrases.get("hypothetical", ())):
        modality = "hypothetical"
    elif c.type != "THREATEN" and (any(lx.is_cue("threat_cues", t) for t in toks[-6:]) or any(
            p in nbefore[-50:] for p in lx.cue_phrases.get("threat_cues", ()))):
        modality = "threatened"
    elif (c.trig.pos == "verb" and bare.startswith(_FUTURE_PREFIX)) or any(
            lx.is_cue("future_planned", t) for t in toks[-4:]) or any(
            p in nbefore[-40:] for p in lx.cue_phrases.get("future_planned", ())):
        modality = "planned"
    return negated, modality


def _date(c: _Cand, sent: Sentence, times: list[TimeRef], published: dt.date | None
          ) -> tuple[str | None, str | None, bool]:
    cands = [t for t in times if sent.start <= t.start < sent.end and t.value and
             t.kind != "duration"]
    if cands:
        t = min(cands, key=lambda t: min(abs(t.start - c.end), abs(c.start - t.end)))
        return t.value, t.text, t.future
    if published is not None:
        return published.isoformat(), None, False
    return None, None, False


def _location(c: _Cand, places: list[PlaceRef]) -> PlaceRef | None:
    if not places:
        return None
    fine = [p for p in places if p.place_kind != "country"]
    pool = fine or places
    after = [p for p in pool if p.start >= c.end]
    return after[0] if after else pool[-1]
