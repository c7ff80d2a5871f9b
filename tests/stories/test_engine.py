"""Story engine rules that the story sets do not isolate."""

from __future__ import annotations

import pytest

from rasad.records import Event
from rasad.stories.engine import _happens


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
