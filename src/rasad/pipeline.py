"""The pipeline: stages in order, from a RawInput to an Extraction (stateless).

read → clean → normalize → sentences → actors/places → time → figures → coreference →
quotes → events.
Stories and duplicates need the other documents and live in :mod:`rasad.stories`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from rasad import errors
from rasad.config import Config
from rasad.records import (
    Document,
    Extraction,
    Figure,
    Quote,
    RawInput,
    Rejected,
    Timex,
    short_hash,
)


def _as_date(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract(raw: RawInput, cfg: Config | None = None) -> Extraction:
    """Run every stage on one page; raise :class:`rasad.errors.Drop` when unusable."""
    from rasad.actors import find_places, link_actors, load_gazetteer, outside_places
    from rasad.clean import clean
    from rasad.events.coder import TimeRef, code_events
    from rasad.events.coref import resolve_references
    from rasad.events.figures import find_figures
    from rasad.events.lexicons import load_event_lexicons, object_triggers, split_triggers
    from rasad.events.quotes import find_quotes
    from rasad.text.normalize import normalize
    from rasad.text.sentences import split_sentences
    from rasad.time import find_time_expressions

    cfg = cfg or Config()
    cd = clean(raw, min_body_chars=cfg.min_body_chars)
    text = cd.text
    doc_id = "doc_" + short_hash(text, cd.url or "", cd.outlet or "")
    doc = Document(id=doc_id, external_id=raw.external_id, url=cd.url, outlet=cd.outlet,
                   title=cd.title, published=cd.published, published_from=cd.published_from,
                   language=cd.language, text=text, source=raw.source,
                   warnings=list(raw.warnings) + list(cd.warnings), comments=cd.comments,
                   published_window=cd.published_window)
    pub = _as_date(cd.published)
    n = normalize(text)
    sentences = split_sentences(text)
    g = load_gazetteer(cfg.dictionary_dirs)
    lx = load_event_lexicons()
    places = find_places(text, n, g)
    actors = outside_places(link_actors(text, n, g, pub), places)
    texprs = find_time_expressions(text, pub)
    timexes = [Timex(doc_id, t.text, t.value, (t.start, t.end), t.precision, t.kind)
               for t in texprs]
    times = [TimeRef(t.start, t.end, t.text, t.value, t.future, t.kind) for t in texprs]
    figures: list[Figure] = []
    for s in sentences:
        for fm in find_figures(s.text):
            fs, fe = s.start + fm.start, s.start + fm.end
            loc = next((p for p in places if s.start <= p.start < s.end and
                        p.place_kind != "country"), None)
            near = [t for t in times if s.start <= t.start < s.end and t.value and
                    t.kind != "duration"]
            date = near[0].value if near else (cd.published if cd.published else None)
            figures.append(Figure(
                id="fig_" + short_hash(doc_id, str(fs), fm.category), doc_id=doc_id,
                category=fm.category, quantity=fm.quantity, qualifier=fm.qualifier,
                subject=fm.subject, date=date, location=loc, sentence=s.text,
                span=(fs, fe), text=text[fs:fe]))
    # descriptions and dropped subjects that refer back to an actor named earlier
    ractors = resolve_references(text, sentences, actors, g, pub, lx)
    qspans = find_quotes(text, sentences, ractors, lx, g.media_ids)
    quotes = [Quote(id="q_" + short_hash(doc_id, str(q.start)), doc_id=doc_id, speaker=q.speaker,
                    text=text[q.start:q.end], span=(q.start, q.end), direct=q.direct,
                    date=cd.published, speaker_text=q.speaker_text) for q in qspans]
    trig = lx.triggers.find(n.text)
    names = [(a.start, a.end) for a in ractors if a.via == "name"]

    def in_name(s: int, e: int) -> bool:
        os_, oe = n.to_original(s, e)
        return any(a <= os_ and oe <= b for a, b in names)

    trig = sorted(trig + split_triggers(n.text, trig, lx, in_name), key=lambda m: m.start)
    trig = object_triggers(n.text, trig)
    events = code_events(doc_id, text, n, sentences, trig, ractors, places, times, figures,
                         qspans, pub, lx, g.media_ids, g.country_names)
    x = Extraction(document=doc, events=events, quotes=quotes, figures=figures,
                   timexes=timexes, actors=actors, places=places, mentions=ractors)
    if cfg.event_judge:
        from rasad.events.judge import apply as judge_events

        judge_events(x, cfg.min_event_confidence)
    # fatalities are linked to the event that counts them
    for ev in x.events:
        if ev.fatalities is not None:
            for f in figures:
                if f.category == "killed" and f.span[0] >= ev.span[0] and f.span[1] <= ev.span[1]:
                    f.event_id = ev.id
    return x


def run(inputs: Iterable[RawInput | Rejected], cfg: Config | None = None
        ) -> Iterator[Extraction | Rejected]:
    """Extract every input; unusable ones become Rejected records (never dropped)."""
    cfg = cfg or Config()
    for item in inputs:
        if isinstance(item, Rejected):
            yield item
            continue
        try:
            yield extract(item, cfg)
        except errors.Drop as d:
            yield Rejected(item.source, d.reason, d.code)
        except Exception as exc:  # a bug on one page must not stop the run
            yield Rejected(item.source, f"internal error: {type(exc).__name__}: {exc}", "E999")
