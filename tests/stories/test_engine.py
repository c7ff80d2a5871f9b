"""Story engine rules that the story sets do not isolate."""

from __future__ import annotations

from typing import Any

import pytest

from rasad.records import ActorRef, Document, Event, Extraction
from rasad.stories.engine import StoryEngine, _happens


def _ev(etype: str, modality: str, negated: bool = False) -> Event:
    return Event(id="ev", doc_id="doc", type=etype, mode=None, source_actor=None,
                 target_actor=None, date=None, date_text=None, location=None, fatalities=None,
                 negated=negated, modality=modality, sentence="", span=(0, 0), trigger="",
                 confidence=1.0)


@pytest.mark.parametrize(("etype", "modality", "negated", "merged"), [
    ("ASSAULT", "asserted", False, True),
    ("COOPERATE", "planned", False, True),  # the announced patrol is the patrol's story event
    ("ASSAULT", "asserted", True, False),  # "لم تقصف"
    ("ASSAULT", "denied", False, False),  # "نفى أن تكون قواته قصفت": no corroboration
    ("ASSAULT", "hypothetical", False, False),
    ("ASSAULT", "threatened", False, False),  # the threatened strike did not happen
    ("THREATEN", "threatened", False, True),  # the threat did
    ("THREATEN", "hypothetical", False, False),
])
def test_which_mentions_join_story_events(etype: str, modality: str, negated: bool,
                                          merged: bool) -> None:
    assert _happens(_ev(etype, modality, negated)) is merged


class _NoStoryEvents:
    """The one store call merge_events makes: no story events exist yet."""

    def story_events_of(self, *args: Any) -> list[dict[str, Any]]:
        return []


def _actor(aid: str, kind: str) -> ActorRef:
    return ActorRef(text=aid, start=0, end=0, id=aid, name=aid, country="SYR", kind=kind)


def test_a_story_event_never_pairs_one_state_with_itself() -> None:
    """"Syria → ?" in one sentence and "? → Syrian army" in another are one story event,
    but not Syria against its own army (the coder's one_side rule, across mentions)."""
    first, second = _ev("RETREAT", "asserted"), _ev("RETREAT", "asserted")
    first.id, first.source_actor = "ev1", _actor("SYR", "country")
    second.id, second.target_actor = "ev2", _actor("SYRMIL", "military")
    doc = Document(id="doc", external_id="x", url=None, outlet="o", title=None,
                   published="2020-03-06", published_from="input", language="ar", text="",
                   source="x")
    engine = StoryEngine(_NoStoryEvents())  # type: ignore[arg-type]
    (se,) = engine.merge_events(Extraction(document=doc, events=[first, second]), "st")
    assert se["mention_ids"] == ["ev1", "ev2"]
    assert se["source_actor"]["id"] == "SYR" and se["target_actor"] is None
