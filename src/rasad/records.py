"""Typed records passed between stages, and their contract (JSON) form.

Every stage takes and returns these dataclasses; ``to_dict`` gives the public data
contract (docs/contract.md, schema/contract.schema.json). Field names in ``to_dict``
are the contract: add fields freely, rename none without bumping CONTRACT_VERSION.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

CONTRACT_VERSION = "1.0"

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "planned", "threatened", "denied", "hypothetical")
FIGURE_CATEGORIES = ("killed", "injured", "displaced", "detained", "attacks", "other")
QUALIFIERS = ("exact", "approx", "more_than", "less_than")
PUBLISHED_FROM = ("metadata", "url", "dateline", "text", "input", "estimated")

InputKind = Literal["text", "html"]


def short_hash(*parts: str, n: int = 16) -> str:
    """Stable hex digest of the parts (used for content-addressed ids)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:n]


@dataclass(slots=True)
class RawInput:
    """One page as read from a file, a feed line or a WARC record (stage: read)."""

    source: str  # path, URL or "feed.jsonl:12" — what a person would look for
    external_id: str
    kind: InputKind
    content: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # given by the input; wins over anything found
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Rejected:
    """An input that could not be used, with a one-line reason."""

    source: str
    reason: str
    code: str = "E000"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "rejected", "source": self.source, "reason": self.reason,
                "code": self.code}


@dataclass(slots=True)
class CleanDoc:
    """The article as the clean stage found it."""

    raw: RawInput
    title: str | None
    text: str
    outlet: str | None
    url: str | None
    published: str | None
    published_from: str | None
    language: str
    comments: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    published_window: str | None = None  # for "estimated" dates: e.g. ">=2020"


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(slots=True)
class ActorRef:
    """An actor mention resolved (or not) against the dictionary."""

    text: str
    start: int
    end: int
    id: str | None
    name: str | None
    country: str | None
    kind: str | None
    via: str = "name"  # name | role | coref | counterpart | adjective | context | pronoun | zero
    alternatives: tuple[str, ...] = ()  # other ids when ambiguous
    # a capital named (موسكو, أنقرة): "actor" (the government speaks: "أعلنت أنقرة"),
    # "place" ("في أنقرة") or "both" (undecided); None for every other mention. The same
    # span's PlaceRef carries the same reading. Internal: not part of to_dict.
    reading: str | None = None
    # what the dictionary the mention was linked with says of the actor, for the event
    # coder (so that a user's dictionary counts there too). Internal: not part of to_dict.
    # `armed_org`: the armed group it speaks for (itself, or the group of a person's
    # open-ended office) as (id, name, country, kind); `international`: a person in an
    # open-ended office of an organization of no country (his nationality is not his side)
    armed_org: tuple[str, str | None, str | None, str | None] | None = None
    international: bool = False
    # the proclitics the dictionary match left before the form it knows, normalized ("ب" of
    # "بأمير قطر", "و" of "وروسيا"; empty for mentions coreference makes): the event coder
    # reads a conjunction and, for role descriptions, a preposition in them
    # (rasad.events.roles). Internal: not part of to_dict.
    proclitic: str = ""
    # the second of "the two parties" ("الطرفان") when the mention is the first
    # (rasad.events.coref.dual_mentions); its conjunct for the coder. Internal.
    pair: ActorRef | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"text": self.text, "id": self.id, "name": self.name,
                             "country": self.country, "kind": self.kind}
        if self.alternatives:
            d["alternatives"] = list(self.alternatives)
        return d


@dataclass(slots=True)
class PlaceRef:
    text: str
    start: int
    end: int
    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    place_kind: str = "city"
    admin1: str | None = None  # the first-level region (governorate, province), when known
    # a capital (أنقرة) or seat of power (الكرملين) that also names a government: "place"
    # ("في أنقرة"), "actor" ("أعلنت أنقرة": the government, not the scene) or "both"
    # (undecided); None for every other place. Internal: not part of to_dict.
    reading: str | None = None
    # named by description ("في العاصمة الفرنسية", "بالعاصمة"), not by its name. Internal.
    described: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "id": self.id, "name": self.name, "country": self.country,
                "lat": self.lat, "lon": self.lon}


@dataclass(slots=True)
class Timex:
    doc_id: str
    text: str
    value: str | None
    span: tuple[int, int]
    precision: str | None = None
    type: str = "date"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "timex", "doc_id": self.doc_id, "text": self.text, "value": self.value,
                "span": list(self.span), "precision": self.precision, "type": self.type}


@dataclass(slots=True)
class Figure:
    id: str
    doc_id: str
    category: str
    quantity: float
    qualifier: str
    subject: str | None
    date: str | None
    location: PlaceRef | None
    sentence: str
    span: tuple[int, int]
    event_id: str | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        q: float | int = int(self.quantity) if float(self.quantity).is_integer() else self.quantity
        return {"kind": "figure", "id": self.id, "doc_id": self.doc_id, "category": self.category,
                "quantity": q, "qualifier": self.qualifier, "subject": self.subject,
                "date": self.date, "location": self.location.to_dict() if self.location else None,
                "sentence": self.sentence, "span": list(self.span), "event_id": self.event_id,
                "text": self.text}


@dataclass(slots=True)
class Quote:
    id: str
    doc_id: str
    speaker: ActorRef | None
    text: str
    span: tuple[int, int]
    direct: bool
    date: str | None = None
    # the attribution's wording when no actor was resolved ("مصادر محلية"): the speaker
    # is then {"text": speaker_text, "id": null, "name": null}
    speaker_text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        sp = None
        if self.speaker is not None:
            sp = {"text": self.speaker.text, "id": self.speaker.id, "name": self.speaker.name}
        elif self.speaker_text:
            sp = {"text": self.speaker_text, "id": None, "name": None}
        return {"kind": "quote", "id": self.id, "doc_id": self.doc_id, "speaker": sp,
                "text": self.text, "span": list(self.span), "direct": self.direct,
                "date": self.date}


@dataclass(slots=True)
class Event:
    id: str
    doc_id: str
    type: str
    mode: str | None
    source_actor: ActorRef | None
    target_actor: ActorRef | None
    date: str | None
    date_text: str | None
    location: PlaceRef | None
    fatalities: int | None
    negated: bool
    modality: str
    sentence: str
    span: tuple[int, int]
    trigger: str
    confidence: float
    reported_by: ActorRef | None = None
    story_id: str | None = None
    corroboration: int = 1
    # where the trigger word starts in the page text (internal: for the learned stages
    # that look at the words around it; not part of to_dict)
    trigger_start: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "event", "id": self.id, "doc_id": self.doc_id, "type": self.type,
            "mode": self.mode,
            "source_actor": self.source_actor.to_dict() if self.source_actor else None,
            "target_actor": self.target_actor.to_dict() if self.target_actor else None,
            "date": self.date, "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities, "negated": self.negated, "modality": self.modality,
            "sentence": self.sentence, "span": list(self.span), "trigger": self.trigger,
            "confidence": round(self.confidence, 3),
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "story_id": self.story_id, "corroboration": self.corroboration,
        }


@dataclass(slots=True)
class Document:
    id: str
    external_id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    published_from: str | None
    language: str
    text: str
    source: str
    duplicate_of: str | None = None
    story_id: str | None = None
    warnings: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    published_window: str | None = None  # with published_from "estimated": e.g. ">=2020"
    episode_id: str | None = None  # the news event within the story (ingest only)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "document", "id": self.id, "external_id": self.external_id,
                "url": self.url, "outlet": self.outlet, "title": self.title,
                "published": self.published, "published_from": self.published_from,
                "language": self.language, "text": self.text, "duplicate_of": self.duplicate_of,
                "story_id": self.story_id, "warnings": list(self.warnings),
                "comments": list(self.comments), "source": self.source,
                "published_window": self.published_window, "episode_id": self.episode_id}


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one page (stateless: no stories, no duplicates)."""

    document: Document
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    actors: list[ActorRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    # the actor mentions the event coder saw: `actors` plus the descriptions and dropped
    # subjects coreference resolved (internal: not exported)
    mentions: list[ActorRef] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [self.document.to_dict()]
        out += [e.to_dict() for e in self.events]
        out += [q.to_dict() for q in self.quotes]
        out += [f.to_dict() for f in self.figures]
        out += [t.to_dict() for t in self.timexes]
        return out


@dataclass(slots=True)
class Story:
    id: str
    title: str | None
    doc_ids: list[str]
    first_date: str | None
    last_date: str | None
    outlets: list[str]
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "story", "id": self.id, "title": self.title, "doc_ids": self.doc_ids,
                "first_date": self.first_date, "last_date": self.last_date,
                "outlets": self.outlets, "actors": self.actors, "places": self.places}
