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


def _party(aid: str, country: str | None, kind: str = "person") -> ActorRef:
    return ActorRef(text=aid, start=0, end=0, id=aid, name=aid, country=country, kind=kind)


def _merged(*pairs: tuple[ActorRef | None, ActorRef | None]) -> list[dict[str, Any]]:
    evs = []
    for i, (src, tgt) in enumerate(pairs):
        e = _ev("CONSULT", "asserted")
        e.id, e.date, e.source_actor, e.target_actor = f"ev{i}", "2020-02-28", src, tgt
        evs.append(e)
    doc = Document(id="doc", external_id="x", url=None, outlet="o", title=None,
                   published="2020-02-28", published_from="input", language="ar", text="",
                   source="x")
    engine = StoryEngine(_NoStoryEvents())  # type: ignore[arg-type]
    return engine.merge_events(Extraction(document=doc, events=evs), "st")


def test_two_party_acts_merge_only_between_the_same_two_parties() -> None:
    putin, erdogan = _party("vladimir-putin", "RUS"), _party("recep-tayyip-erdogan", "TUR")
    ankara, nato = _party("TURGOV", "TUR", "government"), _party("nato", None, "organization")
    # a Putin-Erdoğan call and Ankara's NATO meeting the same day share only Turkey
    assert len(_merged((putin, erdogan), (ankara, nato))) == 2
    # the same call told either way round, or with one side unnamed, is one row, and the
    # row keeps the two parties (not Erdoğan with himself)
    (se,) = _merged((erdogan, _party("RUSGOV", "RUS", "government")), (putin, erdogan),
                    (erdogan, None))
    assert {se["source_actor"]["id"], se["target_actor"]["id"]} == {
        "recep-tayyip-erdogan", "vladimir-putin"}


def test_a_call_is_not_the_visit_of_the_same_two_that_day() -> None:
    putin, erdogan = _party("vladimir-putin", "RUS"), _party("recep-tayyip-erdogan", "TUR")
    doc = Document(id="doc", external_id="x", url=None, outlet="o", title=None,
                   published="2020-02-28", published_from="input", language="ar", text="",
                   source="x")
    evs = []
    for i, mode in enumerate(("visit", "phone", "talks")):
        e = _ev("CONSULT", "asserted")
        e.id, e.date, e.mode, e.source_actor, e.target_actor = \
            f"ev{i}", "2020-02-28", mode, erdogan, putin
        evs.append(e)
    engine = StoryEngine(_NoStoryEvents())  # type: ignore[arg-type]
    rows = engine.merge_events(Extraction(document=doc, events=evs), "st")
    # talks may be either: they join the first row they fit
    assert sorted(len(r["mention_ids"]) for r in rows) == [1, 2]
    assert {r["mode"] for r in rows} == {"visit", "phone"}
