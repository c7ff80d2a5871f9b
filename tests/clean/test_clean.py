"""Behaviour of the cleaning stage: modes, dates, outlets, encodings and the gold itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from clean_gold import (
    FIXTURES,
    SEED_GOLD,
    SEEDS,
    html_units,
    labels,
    load_gold,
    norm_line,
    page_units,
    read_page,
)

from rasad import errors
from rasad.clean import clean
from rasad.clean.common import looks_like_html, outlet_from_copyright
from rasad.records import CleanDoc, RawInput

BODY = ("قالت وزارة الدفاع التركية إن قواتها ردت على مصادر النيران في ريف إدلب الجنوبي، "
        "مؤكدة أن الجيش سيواصل تعزيز نقاط المراقبة في المنطقة.\n\n"
        "وأضافت الوزارة في بيان أن الاتصالات مع الجانب الروسي مستمرة لضمان وقف إطلاق النار "
        "وعودة الهدوء إلى المنطقة في أقرب وقت.\n")


def _raw(content: str, kind: str = "text", **kw: str) -> RawInput:
    return RawInput(source="t", external_id="t", kind=kind, content=content,  # type: ignore[arg-type]
                    **kw)


def _doc(name: str) -> CleanDoc:
    g = next(p for p in load_gold() if p.name == name)
    return clean(read_page(g))


# ---------------------------------------------------------------- modes


def test_two_modes_agree_on_the_same_article() -> None:
    html_doc = _doc("d21_pair_corridor")
    text_doc = _doc("d22_pair_corridor")
    pasted = _doc("d23_pair_corridor_pasted_page")
    assert html_doc.text == text_doc.text == pasted.text
    assert html_doc.title == text_doc.title == pasted.title
    assert html_doc.published == text_doc.published == pasted.published == "2020-03-13"
    assert html_doc.outlet == text_doc.outlet == pasted.outlet


def test_pasted_html_is_treated_as_html_even_if_read_as_text() -> None:
    markup = (FIXTURES / "heldout" / "h08_pasted_html.txt").read_text(encoding="utf-8")
    assert looks_like_html(markup)
    as_text = clean(_raw(markup, "text"))
    as_html = clean(_raw(markup, "html"))
    assert as_text.text == as_html.text and as_text.title == as_html.title
    assert "<" not in as_text.text and "&quot;" not in as_text.text
    assert as_text.title == 'واشنطن تحذر من "تداعيات خطيرة" لأي هجوم واسع على إدلب'


def test_scraped_text_with_a_stray_tag_stays_text() -> None:
    assert not looks_like_html(BODY + "صورة <img src='a.jpg' /> من الموقع\n")


# ---------------------------------------------------------------- dates


def test_dates_never_come_from_boilerplate() -> None:
    page = ("أنقرة ترد على قصف لقوات النظام في ريف إدلب\n\n" + BODY +
            "\nالأكثر قراءة\nارتفاع أسعار الذهب إلى مستوى قياسي جديد\n12/03/2025\n"
            "التعليقات\nسامر\nمنذ 6 سنوات\nالله يحمي أهلنا في إدلب من القصف المتواصل\n"
            "جميع الحقوق محفوظة © 2025\n")
    doc = clean(_raw(page))
    assert doc.published is None and doc.published_from is None
    assert any(w.startswith("W201") for w in doc.warnings)
    assert doc.comments == ["الله يحمي أهلنا في إدلب من القصف المتواصل"]
    assert "الله يحمي" not in doc.text and "الذهب" not in doc.text


def test_date_order_input_metadata_url_dateline() -> None:
    page = "عنوان الخبر عن إدلب والمراقبة التركية\nالخميس 5 مارس 2020\n\n" + BODY
    assert clean(_raw(page)).published_from == "dateline"
    url = "https://site.example/2020/03/06/story/"
    doc = clean(_raw(page, url=url))
    assert (doc.published, doc.published_from) == ("2020-03-06", "url")
    doc = clean(_raw(page, url=url, published="2020-03-07"))
    assert (doc.published, doc.published_from) == ("2020-03-07", "input")


def test_estimated_window_only_from_since_an_absolute_date() -> None:
    page = BODY + "وتعرضت القاعدة لعشرات الهجمات منذ بداية العام 2020، وفق البيان الرسمي للوزارة.\n"
    doc = clean(_raw(page))
    assert doc.published is None
    assert (doc.published_from, doc.published_window) == ("estimated", ">=2020")
    assert any(w.startswith("W202") for w in doc.warnings)
    # "منذ" + a relative expression gives no window
    doc = clean(_raw(BODY + "ونزح الآلاف منذ مطلع الشهر الماضي نحو الحدود التركية بحثا عن الأمان.\n"))
    assert (doc.published, doc.published_from, doc.published_window) == (None, None, None)


# ---------------------------------------------------------------- outlets


def test_outlet_from_dateline_and_generic_sources_rejected() -> None:
    doc = clean(_raw("تصعيد جديد في ريف إدلب الجنوبي رغم الهدنة\nدمشق - العرب اليوم\n\n" + BODY))
    assert doc.outlet == "العرب اليوم"
    doc = clean(_raw("تصعيد جديد في ريف إدلب الجنوبي رغم الهدنة\n\n" + BODY + "\nالمصدر: وكالات\n"))
    assert doc.outlet is None
    doc = clean(_raw(BODY + "\nالمصدر: وكالات\n", url="https://www.news-site.example/a/1"))
    assert doc.outlet == "news-site.example"


def test_outlet_from_copyright_lines() -> None:
    assert outlet_from_copyright("جميع الحقوق محفوظة لموقع دار الخبر 2021") == "دار الخبر"
    assert outlet_from_copyright("جميع الحقوق محفوظة © 2024") is None


def test_input_fields_win() -> None:
    doc = clean(_raw("عنوان ما عن إدلب والمراقبة\n\n" + BODY, outlet="Feed", title="T"))
    assert (doc.outlet, doc.title) == ("Feed", "T")


# ---------------------------------------------------------------- encodings and drops


def test_cp1256_bom_and_entities() -> None:
    cp = _doc("h12_darkhabar_cp1256")
    assert cp.outlet == "دار الخبر" and "عقد وفدان عسكريان" in cp.text
    assert any("cp1256" in w for w in cp.raw.warnings)
    bom = _doc("h13_bom_crlf_morek")
    assert bom.title == "الجيش التركي يبدأ إخلاء نقطة المراقبة المحاصرة في مورك"
    assert "\ufeff" not in bom.text and "\r" not in bom.text
    ent = _doc("d19_entities_in_text")
    assert '"السلام' in ent.text and "&quot;" not in ent.text and "&amp;" not in ent.text


def test_unusable_pages_are_dropped() -> None:
    with pytest.raises(errors.Drop) as e:
        clean(_raw("الرئيسية\nسياسة\nاتصل بنا\n"))
    assert e.value.code == errors.E_NO_BODY
    with pytest.raises(errors.Drop) as e:
        clean(_raw("The Kremlin said on Friday that Turkey must rein in militants in Idlib, "
                   "Syria, after a phone call between the two presidents."))
    assert e.value.code == errors.E_LANGUAGE


# ---------------------------------------------------------------- the gold itself


def test_fixture_set_and_split() -> None:
    pages = load_gold()
    assert len(pages) >= 30
    assert sum(g.split == "heldout" for g in pages) >= 12
    assert {g.split for g in pages} == {"dev", "dev2", "heldout", "heldout3"}
    assert all(g.path.is_file() for g in pages)
    on_disk = {p for p in FIXTURES.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert on_disk == {g.path for g in pages}


@pytest.mark.parametrize("gold_file", ["fixtures", "seeds"])
def test_every_gold_line_names_exactly_one_line(gold_file: str) -> None:
    if gold_file == "seeds":
        if not SEEDS.is_dir():
            pytest.skip("../shared/seeds not present")
        pages = load_gold(SEED_GOLD, SEEDS)
    else:
        pages = load_gold()
    for g in pages:
        units = page_units(read_page(g))
        for prefix in g.body + g.optional:
            hits = [u for u in units if u.startswith(norm_line(prefix))]
            assert len(hits) == 1, (g.name, prefix, len(hits))
        assert labels(g, units).count("body") == len(g.body), g.name


def test_seed_gold_keeps_only_short_substrings() -> None:
    for g in load_gold(SEED_GOLD, Path(".")):
        for s in [*g.body, *g.optional, *g.must_not, g.title or ""]:
            assert len(s) < 80, s
        assert all(len(s) <= 60 for s in g.body + g.optional + g.must_not)


def test_html_units_split_blocks_and_breaks() -> None:
    units = html_units("<div><p>أ <b>ب</b></p>ج<br>د<script>x</script></div>")
    assert units == ["أ ب", "ج", "د"]
