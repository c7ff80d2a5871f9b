"""Ingest: the pipeline plus duplicates, stories and the store (stateful)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from rasad.config import Config
from rasad.pipeline import run
from rasad.records import Extraction, RawInput, Rejected
from rasad.store import Store
from rasad.stories import StoryEngine


@dataclass
class RunSummary:
    """Every input accounted for."""

    inputs: int = 0
    documents: int = 0
    new_documents: int = 0
    unchanged: int = 0
    duplicates: int = 0
    events: int = 0
    quotes: int = 0
    figures: int = 0
    rejected: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    rejected_items: list[tuple[str, str]] = field(default_factory=list)

    def add_rejected(self, r: Rejected) -> None:
        self.rejected += 1
        self.reasons[r.code + " " + r.reason.split(" (")[0].split(":")[0]] += 1
        self.rejected_items.append((r.source, r.reason))

    def to_dict(self) -> dict[str, Any]:
        return {"inputs": self.inputs, "documents": self.documents,
                "new_documents": self.new_documents, "unchanged": self.unchanged,
                "duplicates": self.duplicates, "events": self.events, "quotes": self.quotes,
                "figures": self.figures, "rejected": self.rejected,
                "reasons": dict(self.reasons)}


def ingest(inputs: Iterable[RawInput | Rejected], store: Store, cfg: Config | None = None,
           progress: Callable[[], None] | None = None) -> RunSummary:
    """Extract, fold duplicates, assign stories, merge events and store everything."""
    cfg = cfg or Config()
    engine = StoryEngine(store, cfg)
    summary = RunSummary()
    batch: list[Extraction] = []

    def flush() -> None:
        # single-pass clustering is order-dependent: within a batch, pages are assigned in
        # publication order (undated pages last), as they would have arrived
        batch.sort(key=lambda x: (x.document.published is None, x.document.published or ""))
        with store.batch():  # one commit per batch
            for item in batch:
                _store_one(item, store, engine, summary)
        batch.clear()

    for item in run(inputs, cfg):
        summary.inputs += 1
        if progress:
            progress()
        if isinstance(item, Rejected):
            summary.add_rejected(item)
            store.save_rejected(item)
            continue
        assert isinstance(item, Extraction)
        summary.documents += 1
        batch.append(item)
        if len(batch) >= cfg.ingest_batch:
            flush()
    flush()
    return summary


def _store_one(item: Extraction, store: Store, engine: StoryEngine, summary: RunSummary
               ) -> None:
    if store.has_document(item.document.id):
        summary.unchanged += 1
        return
    a = engine.assign(item)
    item.document.duplicate_of = a.duplicate_of
    item.document.story_id = a.story_id
    item.document.episode_id = a.episode_id
    for ev in item.events:
        ev.story_id = a.story_id
    story_events = engine.merge_events(item, a.story_id)
    if a.duplicate_of or a.swap_canonical:
        summary.duplicates += 1
    store.save_extraction(item, a.signature, a.bands, a.story_profile, story_events,
                          a.features, a.swap_canonical, a.terms, a.episode_profile,
                          a.entities)
    summary.new_documents += 1
    summary.events += len(item.events)
    summary.quotes += len(item.quotes)
    summary.figures += len(item.figures)
