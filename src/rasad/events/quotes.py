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


def _actor_near(actors: list[ActorRef], lo: int, hi: int, prefer_first: bool = True,
                allow_adjective: bool = False) -> ActorRef | None:
    inside = [a for a in actors if lo <= a.start and a.end <= hi and
              (allow_adjective or a.via != "adjective")]
    if not inside:
        return None
    return inside[0] if prefer_first else inside[-1]


def find_quotes(text: str, sentences: list[Sentence], actors: list[ActorRef],
                lx: EventLexicons) -> list[QuoteSpan]:
    """Direct and indirect quotes of a document, with speakers where found."""
    verbs = _speech_verb_positions(text, lx)
    quotes: list[QuoteSpan] = []
    last_speaker: ActorRef | None = None
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
        before = [v for v in verbs if lo <= v[0] < qs]
        if before:
            v = before[-1]
            verb_at = v[0]
            speaker = _actor_near(actors, v[1], qs, True, True) or _actor_near(actors, lo, v[0], False)
            if speaker is None:
                speaker = last_speaker
        else:
            after = [v for v in verbs if m.end() <= v[0] < m.end() + 60]
            if after:
                verb_at = after[0][0]
                speaker = _actor_near(actors, after[0][1], after[0][1] + 80, True, True)
            else:
                prev = [a for a in actors if lo <= a.start and a.end <= qs and
                        a.via != "adjective"]
                if prev and (text[prev[-1].end:qs].strip(" ،,:") == "" or
                             text[qs - 2:qs - 1] == ":"):
                    speaker = prev[-1]
        if speaker is not None:
            last_speaker = speaker
        quotes.append(QuoteSpan(qs, qe, True, speaker, verb_at))
    # indirect speech: verb ... أن/إن <clause>
    for s in sentences:
        for v in verbs:
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
            speaker = _actor_near(actors, v[1], comp.start(), True, True) or _actor_near(
                actors, s.start, v[0], False)
            if speaker is None and norm(text[v[0]:v[1]]).startswith("و"):
                speaker = last_speaker
            if speaker is not None:
                last_speaker = speaker
            quotes.append(QuoteSpan(qs, qe, False, speaker, v[0]))
            break
    quotes.sort(key=lambda q: q.start)
    return quotes
