"""The page gold scorer on a hand-made extraction: every count can fail."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from rasad.eval.gold_pages import event_match, score_pages


def _ev(t: str, src: str | None, tgt: str | None, date: str | None, **kw: Any) -> Any:
    d = {"type": t, "source_actor": {"id": src} if src else None,
         "target_actor": {"id": tgt} if tgt else None, "date": date, "fatalities": None,
         "negated": False, "modality": None, **kw}
    return SimpleNamespace(to_dict=lambda: d)


def _x(events: list[Any], quotes: list[Any] = (), figures: list[Any] = ()) -> Any:  # type: ignore[assignment]
    return SimpleNamespace(events=events, quotes=list(quotes), figures=list(figures))


GOLD = {"pages": {"p1": {
    "published": "2020-03-05",
    "events": [
        {"type": "ASSAULT", "source": ["SYRMIL"], "target": ["TURMIL"], "date": "2020-03",
         "fatalities": 8},
        {"type": "AGREE", "source": ["RUS"], "target": None, "date": None,
         "modality": "planned"},
    ],
    "also_ok": [{"type": "CONSULT", "source": None, "target": None, "date": None}],
    "quotes": [{"speaker": ["vladimir-putin"], "text": "نأمل أن"},
               {"speaker": ["x"], "text": "جملة اختيارية", "optional": True}],
    "figures": [{"category": "killed", "quantity": 8, "qualifier": "exact"}],
}}}


def test_counts() -> None:
    x = _x([_ev("ASSAULT", "SYRMIL", "TURMIL", "2020-03-03", fatalities=8),
            _ev("AGREE", "RUS", None, None, modality="planned"),
            _ev("CONSULT", "RUS", "TUR", None),
            _ev("PROTEST", None, None, None)],
           quotes=[SimpleNamespace(text="قال: نأمل أن يصمد", speaker=SimpleNamespace(id="TUR"))],
           figures=[SimpleNamespace(category="killed", quantity=8.0, qualifier="exact"),
                    SimpleNamespace(category="injured", quantity=3.0, qualifier="exact")])
    s = score_pages(GOLD, lambda name, published: x)
    assert (s.gold, s.found_type, s.found_actors, s.found_full) == (2, 2, 2, 2)
    assert (s.predicted, s.correct) == (4, 3)  # the PROTEST is spurious; CONSULT is also_ok
    assert (s.modality_gold, s.modality_ok) == (1, 1)
    assert (s.quotes_gold, s.quotes_found, s.quotes_speaker_ok) == (1, 1, 0)
    assert (s.figures_gold, s.figures_found, s.figures_predicted, s.figures_correct) == \
        (1, 1, 2, 1)
    rows = s.rows("t")
    assert rows["t.events.spurious_per_page"] == 1.0
    assert rows["t.events.spurious_invented_per_page"] == 1.0  # no PROTEST on the page
    assert rows["t.events.spurious_misattributed_per_page"] == 0.0
    assert rows["t.quotes.speaker"] == 0.0


def test_wrong_fatalities_or_actor_is_a_miss() -> None:
    x = _x([_ev("ASSAULT", "SYRMIL", "TURMIL", "2020-03-03", fatalities=7),
            _ev("AGREE", "TUR", None, None)])
    s = score_pages(GOLD, lambda name, published: x)
    assert (s.found_type, s.found_actors, s.found_full) == (2, 1, 0)
    assert len(s.misses) == 2
    # the AGREE by the wrong actor is spurious, but of a type the page has
    assert (s.predicted, s.correct, s.wrong_attribution) == (2, 1, 1)
    assert event_match({"type": "AGREE", "source": None, "target": None, "date": "2020"},
                       _ev("AGREE", "X", None, "2020-01-02").to_dict())


def test_spurious_events_are_split_by_cause() -> None:
    x = _x([_ev("AGREE", None, None, None),  # no actor where the gold names Russia
            _ev("AGREE", "TUR", None, None),  # a wrong actor
            _ev("ASSAULT", "SYRMIL", "TURMIL", "2019-01-01"),  # right actors, wrong date
            _ev("PROTEST", None, None, None)])  # nothing like it on the page
    s = score_pages(GOLD, lambda name, published: x)
    assert (s.predicted, s.correct) == (4, 0)
    assert (s.wrong_attribution, s.wrong_date, s.missing_actor) == (3, 1, 1)
    rows = s.rows("t")
    assert rows["t.events.spurious_invented_per_page"] == 1.0


def test_confidence_rows_rank_and_cut() -> None:
    x = _x([_ev("ASSAULT", "SYRMIL", "TURMIL", "2020-03-03", fatalities=8, confidence=0.9),
            _ev("AGREE", "RUS", None, None, modality="planned", confidence=0.3),
            _ev("PROTEST", None, None, None, confidence=0.6),
            _ev("AGREE", "TUR", None, None, confidence=0.2)])
    s = score_pages(GOLD, lambda name, published: x)
    rows = s.rows("t")
    # right events 0.9 and 0.3 against wrong 0.6 and 0.2: 3 of 4 pairs ranked right
    assert rows["t.events.confidence_auc"] == 0.75
    # at 0.5 the ASSAULT (right) and the PROTEST (wrong) stay; the planned AGREE is lost
    assert rows["t.events.recall_confident"] == 0.5
    assert rows["t.events.precision_confident"] == 0.5
    assert rows["t.events.spurious_confident_per_page"] == 1.0


GOLD_PLACED = {"pages": {"p1": {
    "published": "2020-02-28",
    "events": [
        {"type": "ASSAULT", "source": ["SYRMIL"], "target": ["TURMIL"], "date": None,
         "what": "air strike"},
        {"type": "CONSULT", "source": ["TURGOV"], "target": ["RUSGOV"], "date": None,
         "what": "phone call"},
        {"type": "REQUEST", "source": ["TURGOV"], "target": None, "date": None,
         "what": "calls for a ceasefire"},
        {"type": "AGREE", "source": ["RUS"], "target": None, "date": None, "what": "missed"},
    ]}}}
PLACES = {"pages": {"p1": [
    {"what": "air strike", "where": ["بليون", "إدلب"]},
    {"what": "phone call", "where": []},
    {"what": "calls for a ceasefire", "where": [], "about": ["إدلب"]},
    {"what": "missed", "where": ["سوتشي"]},
]}}


def _at(text: str, pid: str) -> dict[str, Any]:
    return {"text": text, "id": pid}


def test_locations() -> None:
    import pytest

    from rasad.eval.gold_pages import check_places

    x = _x([_ev("ASSAULT", "SYRMIL", "TURMIL", None, location=_at("لمحافظة إدلب", "x-gov")),
            _ev("CONSULT", "TURGOV", "RUSGOV", None, location=_at("إدلب", "idlib")),
            _ev("REQUEST", "TURGOV", None, None, location=_at("بإدلب", "idlib"))])
    s = score_pages(GOLD_PLACED, lambda name, published: x, PLACES)
    # the strike is placed by a place noun and the name ("محافظة إدلب" is إدلب), the
    # call is placed where the page says nothing, the call for a ceasefire at what it is
    # about; the missed agreement counts for nothing
    assert (s.location_gold, s.location_found) == (1, 1)
    assert (s.location_predicted, s.location_correct) == (3, 2)
    rows = s.rows("t")
    assert rows["t.events.location_recall"] == 1.0
    assert rows["t.events.location_precision"] == 0.667
    wrong = {"pages": {"p1": PLACES["pages"]["p1"][:3]}}
    with pytest.raises(ValueError, match="3 entries for 4 gold events"):
        check_places(GOLD_PLACED, wrong)
    swapped = {"pages": {"p1": [PLACES["pages"]["p1"][i] for i in (1, 0, 2, 3)]}}
    with pytest.raises(ValueError, match="entry 0"):
        check_places(GOLD_PLACED, swapped)
