"""Quotes: direct (« », " ", “ ”) and indirect (قال/أكد/أوضح ... أن/إن) with speakers.

A speaker is the actor attached to the speech verb before the quote ("وقال بوتين:"),
after it ("، قال أكار"), or carried over from the previous attribution ("وأضاف:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.events.lexicons import EventLexicons
from rasad.records import ActorRef, Sentence
from rasad.text.normalize import norm

_DIRECT = re.compile(r"«([^«»]{3,3000}?)»|“([^“”]{3,3000}?)”|\"([^\"\n]{3,3000}?)\"|"
                     r"”([^”“\n]{3,3000}?)”")
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


def _verb_subjects(text: str, verbs: list[tuple[int, int, str]], actors: list[ActorRef]
                   ) -> list[ActorRef | None]:
    """The speaker of each speech verb: VSO subject, else SVO subject, else the previous
    speaker ("وأضاف" continues the last one)."""
    out: list[ActorRef | None] = []
    prev: ActorRef | None = None
    for i, (vs, ve, _) in enumerate(verbs):
        nxt = verbs[i + 1][0] if i + 1 < len(verbs) else len(text)
        stop = _QUOTE_OPEN.search(text, ve, min(ve + 30, nxt))
        limit = stop.start() if stop else min(ve + 30, nxt)
        for tm in _TOKEN.finditer(text, ve, limit):  # "أكد أن روسيا": the subject is dropped
            if norm(tm.group(0)) in _COMPLEMENTIZER or norm(tm.group(0)) in ("ان", "انه"):
                limit = tm.start()
                break
        after = [a for a in actors if ve <= a.start < limit]
        subj: ActorRef | None = after[0] if after else None
        form = verbs[i][2]
        if subj is None and ((form.startswith("م") and form.endswith("ا")) or form == "قايلا"):
            # "…، قائلا:" / "مؤكدا أن": the participle's subject is the sentence's subject
            start = max(text.rfind(".", 0, vs), text.rfind("\n", 0, vs)) + 1
            lead = [a for a in actors if start <= a.start < vs and a.via != "adjective"]
            subj = lead[0] if lead else None
        if subj is None:
            before = [a for a in actors if a.end <= vs and text[a.end:vs].strip() == "" and
                      a.via != "adjective"]
            subj = before[-1] if before else None
        if subj is None:
            subj = prev
        out.append(subj)
        prev = subj
    return out


def find_quotes(text: str, sentences: list[Sentence], actors: list[ActorRef],
                lx: EventLexicons) -> list[QuoteSpan]:
    """Direct and indirect quotes of a document, with speakers where found."""
    verbs = _speech_verb_positions(text, lx)
    subjects = _verb_subjects(text, verbs, actors)
    quotes: list[QuoteSpan] = []
    para_start = {s.paragraph: s.start for s in reversed(sentences)}
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
