"""The event judge: the confidence it sets and the events a threshold keeps, with and
without a learned model; and the --min-confidence / min_confidence knobs end to end."""

from __future__ import annotations

from typing import Any

import pytest

from rasad.config import Config
from rasad.events import judge
from rasad.pipeline import extract
from rasad.records import RawInput

PAGE = (
    "أنقرة - وكالة الاختبار\n"
    "قصفت قوات النظام السوري صباح اليوم الاثنين مواقع للجيش التركي قرب سراقب في ريف إدلب، ما "
    "أسفر عن مقتل 5 جنود أتراك، بحسب بيان لوزارة الدفاع التركية.\n"
    "واتهم وزير الدفاع التركي خلوصي أكار الحكومة السورية بخرق الاتفاق، وهدد بالرد.\n"
    "وكانت اشتباكات قد اندلعت في المنطقة العام الماضي.\n"
)


def _x(cfg: Config | None = None) -> Any:
    return extract(RawInput(source="t.txt", external_id="t", kind="text", content=PAGE,
                            published="2020-03-02"), cfg or Config())


def test_features_describe_each_event() -> None:
    x = _x(Config(event_judge=False))
    assert x.events
    feats = judge.features(x)
    assert len(feats) == len(x.events)
    for e, f in zip(x.events, feats, strict=True):
        assert f[f"type_{e.type}"] == 1.0
        assert ("src_none" in f) == (e.source_actor is None)
        assert 0.0 <= f["position"] < 1.0
    assault = next(f for e, f in zip(x.events, feats, strict=True) if e.type == "ASSAULT")
    assert assault.get("date_page_day") == 1.0 and assault.get("date_in_clause") == 1.0
    # "قصفت قوات النظام السوري": the trigger is the verb, its subject follows it
    assert assault.get("src_after") == 1.0 and "src_before" not in assault


def test_a_model_sets_confidence_and_a_threshold_cuts() -> None:
    x = _x(Config(event_judge=False))
    n = len(x.events)
    # a hand model: events with a source are likely right, events without are not
    m = judge.Model({"bias": 2.0, "src_none": -4.0}, {})
    dropped = judge.apply(x, 0.5, m)
    assert all(e.source_actor is not None for e in x.events)
    assert dropped == n - len(x.events)
    assert all(e.confidence == pytest.approx(0.881, abs=1e-3) for e in x.events)


def test_without_a_model_the_coder_confidence_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(judge, "load_model", lambda: None)
    x = _x(Config(event_judge=False))
    before = [round(e.confidence, 3) for e in x.events]
    assert judge.apply(x, 0.0) == 0
    assert [e.confidence for e in x.events] == before
    low = min(before)
    assert judge.apply(x, low + 1e-6) == before.count(low)


def test_min_event_confidence_keeps_a_subset() -> None:
    every = _x(Config(min_event_confidence=0.0)).events
    confs = sorted(e.confidence for e in every)
    assert len(set(confs)) > 1  # the test needs events on both sides of the cut
    cut = confs[len(confs) // 2]
    kept = _x(Config(min_event_confidence=cut)).events
    assert 0 < len(kept) < len(every)
    assert all(e.confidence >= cut for e in kept)
    assert {e.id for e in kept} <= {e.id for e in every}


def test_model_file_format_is_checked() -> None:
    with pytest.raises(ValueError, match="rasad-event-judge"):
        judge.model_from_dict({"format": "other", "weights": {}})
    m = judge.model_from_dict({"format": judge.FORMAT, "weights": {"bias": 0.0}})
    assert m.probability({"bias": 1.0}) == 0.5
