"""Offline maps and the page helpers: borders data, projection, insets, highlighting."""

from __future__ import annotations

from importlib import resources
from typing import Any

from rasad.web import geo, labels
from rasad.web.render import Mark, _figure_groups, _timeline_strip, highlight, safe_url

IDLIB = {"id": "idlib", "lat": 35.93, "lon": 36.63, "n": 5, "label": "إدلب"}
SARAQIB = {"id": "saraqib", "lat": 35.86, "lon": 36.8, "n": 2, "label": "سراقب"}
MOSCOW = {"id": "moscow", "lat": 55.75, "lon": 37.62, "n": 1, "label": "موسكو"}


def test_borders_are_small_licensed_and_load() -> None:
    static = resources.files("rasad") / "web" / "static"
    assert len((static / "borders.json").read_bytes()) < 300_000
    note = (static / "BORDERS-LICENSE.txt").read_text("utf-8")
    assert "Natural Earth" in note and "public domain" in note
    tiers = geo.load_borders()
    assert set(tiers) == {"world", "region"}
    ids = {c.id for c in tiers["region"].countries}
    assert {"SYR", "TUR", "IRQ", "LBN", "ISR", "JOR", "IRN", "EGY", "SAU"} <= ids
    assert len(tiers["world"].countries) > 150
    syr = next(c for c in tiers["region"].countries if c.id == "SYR")
    assert 35.5 < syr.box[0] < 36 and 42 < syr.box[2] < 42.5  # Syria's west and east ends


def test_story_map_draws_borders_and_places() -> None:
    m = geo.build_map([IDLIB, SARAQIB], {}, {"SYR": "سوريا", "TUR": "تركيا"})
    assert m.tier == "region" and not m.empty and m.inset is None
    assert {"SYR", "TUR"} <= {c["id"] for c in m.countries}
    assert all(c["d"].startswith("M") for c in m.countries)
    for p in m.places:
        assert 0 <= p["x"] <= m.width and 0 <= p["y"] <= m.height
    big = next(p for p in m.places if p["id"] == "idlib")
    small = next(p for p in m.places if p["id"] == "saraqib")
    assert big["r"] > small["r"]  # circles sized by number of events
    assert small["x"] > big["x"]  # east is right
    assert m.scale_bar and m.scale_bar["label"].endswith("كم")


def test_far_places_go_to_an_inset() -> None:
    m = geo.build_map([IDLIB, SARAQIB, MOSCOW], {}, {})
    assert {p["id"] for p in m.places} == {"idlib", "saraqib"}
    assert [p["id"] for p in m.outside] == ["moscow"]
    assert m.inset is not None and len(m.inset["dots"]) == 3
    frame = m.inset["frame"]
    assert frame["w"] < m.inset["width"] / 2


def test_country_only_locations_shade_the_country() -> None:
    m = geo.build_map([], {"SYR": {"n": 3}}, {"SYR": "سوريا"})
    assert not m.empty and [c["id"] for c in m.countries if c["hit"]] == ["SYR"]
    assert geo.build_map([], {}, {}).empty


def test_highlight_handles_nested_and_overlapping_marks() -> None:
    text = "قتل سبعة جنود أتراك اليوم"
    marks = [Mark(0, 25, "quote", "q", href="#q1", prio=0),
             Mark(4, 19, "fig", "killed 7", href="#ev1", anchor="t-f1", prio=2),
             Mark(0, 3, "trig t-assault", "ASSAULT", href="#ev1", prio=3),
             Mark(20, 25, "timex", "2020-02-03", prio=1), Mark(3, 99, "bad", "")]
    segs = highlight(text, marks)
    assert "".join(s["text"] for s in segs) == text
    fig = next(s for s in segs if s["text"] == "سبعة جنود أتراك")
    assert fig["cls"] == "fig quote" and fig["href"] == "#ev1" and fig["anchors"] == ["t-f1"]
    assert next(s for s in segs if s["text"] == "اليوم")["href"] == "#q1"
    assert highlight("", []) == []


def test_figure_groups_keep_every_value() -> None:
    figs = [{"category": "killed", "quantity": 7, "qualifier": "exact", "subject": "جنود",
             "doc_id": "a", "outlet": "A"},
            {"category": "killed", "quantity": 1, "qualifier": "exact", "subject": "مدني",
             "doc_id": "a", "outlet": "A"},
            {"category": "killed", "quantity": 6, "qualifier": "approx", "doc_id": "b",
             "outlet": "B"}]
    (g,) = _figure_groups(figs)
    assert g["range"] == "6–8" and g["disagree"]
    assert [(r["value"], r["outlet"]) for r in g["reports"]] == [(6, "B"), (8, "A")]
    assert g["reports"][0]["qualifier"] == "نحو"
    (g,) = _figure_groups(figs, per_doc=False)
    assert [r["value"] for r in g["reports"]] == [1, 6, 7] and not g["disagree"]


def test_timeline_strip_shortens_long_gaps() -> None:
    groups: list[dict[str, Any]] = [{"date": "2018", "events": [{"type": "AGREE"}]},
              {"date": "2020-02-27", "events": [{"type": "ASSAULT"}] * 3},
              {"date": "2020-03-05", "events": [{"type": "AGREE"}, {"type": "CONSULT"}]},
              {"date": None, "events": [{"type": "AGREE"}]}]
    s = _timeline_strip(groups)
    assert s is not None and len(s["ticks"]) == 3 and s["breaks"]
    xs = [t["x"] for t in s["ticks"]]
    assert xs[0] > xs[1] > xs[2]  # earliest on the right
    assert xs[1] - xs[2] > 20  # the busy weeks keep room despite the 2018 outlier
    assert {a["label"] for a in s["axis"]} >= {"2018", "2020-03-05"}
    assert _timeline_strip([{"date": None, "events": []}]) is None


def test_labels_and_urls() -> None:
    assert labels.date_ar("2020-03-05") == "5 مارس/آذار 2020"
    assert labels.date_ar("2019-08") == "أغسطس/آب 2019"
    assert labels.date_ar(None) == "بلا تاريخ"
    assert labels.n_outlets(1) == "مصدر واحد" and labels.n_outlets(2) == "مصدران"
    assert labels.n_outlets(3) == "3 مصادر" and labels.n_outlets(11) == "11 مصدرًا"
    assert set(labels.TYPE_AR) == set(labels.PLOVER_TYPES)
    assert safe_url("https://a.example/x") == "https://a.example/x"
    assert safe_url("javascript:alert(1)") == "" and safe_url(None) == ""
    assert safe_url(" JavaScript:alert(1)") == ""
