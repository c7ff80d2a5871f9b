"""Descriptions resolved by role and date, counterparts, organization roles, agreement,
context aliases and in-document coreference."""

from __future__ import annotations

import datetime as dt

import pytest

from rasad.actors import Gazetteer, link_actors, load_gazetteer
from rasad.records import ActorRef
from rasad.text.normalize import normalize

D = dt.date


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer(())


def _link(g: Gazetteer, text: str, on: dt.date | None = None) -> list[ActorRef]:
    return link_actors(text, normalize(text), g, on)


def _ids(g: Gazetteer, text: str, on: dt.date | None = None) -> list[str | None]:
    return [a.id for a in _link(g, text, on)]


@pytest.mark.parametrize(("on", "who"), [
    (D(2015, 8, 27), "mevlut-cavusoglu"),
    (D(2015, 8, 28), "feridun-sinirlioglu"),  # [start, end): the successor from that day
    (D(2015, 9, 15), "feridun-sinirlioglu"),  # Çavuşoğlu's 2015 gap
    (D(2015, 11, 24), "mevlut-cavusoglu"),
    (D(2020, 3, 5), "mevlut-cavusoglu"),
    (D(2023, 6, 3), "hakan-fidan"),
])
def test_turkish_foreign_minister_by_date(g: Gazetteer, on: dt.date, who: str) -> None:
    assert _ids(g, "قال وزير الخارجية التركي إن", on) == [who]
    assert _ids(g, "قال وزير خارجية تركيا إن", on) == [who]  # construct with the country


def test_no_date_keeps_the_ambiguity_visible(g: Gazetteer) -> None:
    (ref,) = _link(g, "قال وزير الخارجية التركي إن")
    assert ref.id == "TURGOV" and ref.via == "role"
    assert {"mevlut-cavusoglu", "feridun-sinirlioglu", "ahmet-davutoglu"} <= set(
        ref.alternatives)


def test_no_date_uses_the_person_the_page_names(g: Gazetteer) -> None:
    text = "قال مولود تشاووش أوغلو إن... وأضاف وزير الخارجية التركي"
    assert _ids(g, text)[-1] == "mevlut-cavusoglu"


def test_no_date_uses_the_years_the_page_mentions(g: Gazetteer) -> None:
    assert _ids(g, "في عام 2010 قال الرئيس الروسي إن") == ["dmitry-medvedev"]


def test_presidents_by_date(g: Gazetteer) -> None:
    assert _ids(g, "قال الرئيس الروسي إن", D(2010, 1, 1)) == ["dmitry-medvedev"]
    assert _ids(g, "قال الرئيس الروسي إن", D(2020, 3, 5)) == ["vladimir-putin"]
    assert _ids(g, "قال رئيس النظام السوري إن", D(2019, 1, 1)) == ["bashar-al-assad"]


def test_adjective_agreement(g: Gazetteer) -> None:
    # fem_nouns: "رئيس الحكومة" takes the feminine adjective; the masculine one is no role
    assert _ids(g, "قال رئيس الحكومة التركية إن", D(2010, 1, 1)) == ["recep-tayyip-erdogan"]
    assert _ids(g, "قال رئيس الوزراء التركي إن", D(2010, 1, 1)) == ["recep-tayyip-erdogan"]
    refs = _link(g, "قال الرئيس الروسية إن", D(2010, 1, 1))
    assert [(r.id, r.via) for r in refs] == [("RUS", "adjective")]


def test_fixed_phrases_and_spokespeople(g: Gazetteer) -> None:
    assert _ids(g, "قال المتحدث باسم الكرملين إن", D(2019, 1, 1)) == ["dmitry-peskov"]
    text = "قال رئيس دائرة الاتصال في الرئاسة التركية إن"
    assert _ids(g, text, D(2020, 1, 1)) == ["fahrettin-altun"]


def test_organization_roles(g: Gazetteer) -> None:
    assert _ids(g, "قال قائد هيئة تحرير الشام إن", D(2020, 1, 1)) == ["ahmed-al-sharaa"]
    assert _ids(g, "قال الأمين العام لحزب الله إن", D(2020, 1, 1)) == ["hassan-nasrallah"]
    assert _ids(g, "قال الأمين العام لحزب الله إن", D(2025, 1, 1)) == ["naim-qassem"]


def test_head_nouns_need_a_suffix(g: Gazetteer) -> None:
    text = "قال المندوب الروسي لدى الأمم المتحدة إن"
    assert _ids(g, text, D(2020, 1, 1)) == ["vassily-nebenzia"]
    assert "vassily-nebenzia" not in _ids(g, "قال السفير الروسي إن", D(2020, 1, 1))


def test_counterpart_takes_the_role_of_the_subject(g: Gazetteer) -> None:
    text = "التقى وزير الخارجية الروسي سيرغي لافروف نظيره التركي"
    refs = _link(g, text, D(2019, 5, 1))
    assert [(r.id, r.via) for r in refs] == [("sergey-lavrov", "name"),
                                              ("mevlut-cavusoglu", "counterpart")]
    refs = _link(g, "أبلغ أردوغان نظيره الروسي", D(2020, 2, 20))
    assert refs[-1].id == "vladimir-putin" and refs[-1].via == "counterpart"


def test_description_followed_by_a_name_is_one_mention(g: Gazetteer) -> None:
    refs = _link(g, "قال وزير الدفاع التركي خلوصي أكار إن", D(2020, 3, 5))
    assert [(r.text, r.id) for r in refs] == [("وزير الدفاع التركي خلوصي أكار", "hulusi-akar")]
    refs = _link(g, "ونقلت عن وزير الدفاع خلوصي أكار", D(2020, 3, 5))
    assert refs[-1].text == "وزير الدفاع خلوصي أكار"


def test_clitics_on_names(g: Gazetteer) -> None:
    text = "وقال لبوتين وبأردوغان وللرئيس الأسد والكرملين"
    assert _ids(g, text) == ["vladimir-putin", "recep-tayyip-erdogan", "bashar-al-assad",
                             "RUSGOV"]


def test_context_aliases_need_context(g: Gazetteer) -> None:
    syria = "قصفت قوات النظام إدلب في سوريا. وقال النظام إن الفصائل هاجمت مواقعه في سوريا"
    refs = _link(g, syria)
    ctx = [(r.text, r.id) for r in refs if r.via == "context"]
    assert ctx == [("النظام", "SYRGOV"), ("الفصائل", "unnamed-armed-groups")]
    # no Syrian context: "the system", not the Syrian government
    assert _ids(g, "ناقش المؤتمر النظام الجديد للضرائب") == []
    # a generic or another country's adjective: the common word
    assert "SYRGOV" not in _ids(g, "قال النظام الدولي في سوريا وسوريا وحلب")


def test_context_alias_of_a_person_needs_the_full_name(g: Gazetteer) -> None:
    assert _ids(g, "طالبوا بتطبيق الشرع في سوريا وسوريا") == ["SYR", "SYR"]
    refs = _link(g, "قال أبو محمد الجولاني إن... وأضاف الشرع")
    assert [r.id for r in refs] == ["ahmed-al-sharaa", "ahmed-al-sharaa"]


def test_bare_surname_links_to_the_earlier_full_mention(g: Gazetteer) -> None:
    refs = _link(g, "وقال مولود تشاووش أوغلو إن... وأضاف أوغلو")
    assert [(r.id, r.via) for r in refs] == [("mevlut-cavusoglu", "name"),
                                              ("mevlut-cavusoglu", "coref")]
    # two people share it: the most recent one, the other as an alternative
    refs = _link(g, "أحمد داود أوغلو ومولود تشاووش أوغلو. وقال أوغلو")
    assert refs[-1].id == "mevlut-cavusoglu" and refs[-1].alternatives == ("ahmet-davutoglu",)
    # nobody named before: no link
    assert _ids(g, "وقال أوغلو إن") == []


def test_compound_surname_links_to_the_earlier_full_mention(g: Gazetteer) -> None:
    # "عبد السلام", "بن سلمان": the last two words; "السلام" alone is no surname
    refs = _link(g, "قال المتحدث باسم الجماعة محمد عبد السلام إن... وقال عبد السلام للصحفيين")
    assert [(r.id, r.via, r.text) for r in refs][-1] == ("mohammed-abdulsalam", "coref",
                                                         "عبد السلام")
    refs = _link(g, "قال محمد عبد السلام إن عملية السلام متعثرة")
    assert [r.id for r in refs] == ["mohammed-abdulsalam"]
    # nobody named before: no link
    assert _ids(g, "وقال عبد السلام إن") == []


def test_force_majeure_names_no_cairo(g: Gazetteer) -> None:
    # "القوة القاهرة" is force majeure (data/name_idioms.yaml); "إلى القاهرة" is Cairo
    got = _ids(g, "وأعلنت المؤسسة حالة القوة القاهرة على الحقول، ثم توجه الوفد إلى القاهرة.")
    assert got.count("EGYGOV") == 1


def test_a_libyan_page_names_its_presidential_council_bare(g: Gazetteer) -> None:
    # a context alias: "المجلس الرئاسي" is Libya's on a page about Libya, nobody's elsewhere
    libya = "قالت الحكومة الليبية إن ليبيا تمر بأزمة، وإن ليبيا تحتاج إلى الحوار. "
    assert "libya-presidential-council" in _ids(g, libya + "ورفض المجلس الرئاسي القرار.")
    assert "libya-presidential-council" not in _ids(g, "ورفض المجلس الرئاسي القرار.")


def test_the_region_on_an_iraqi_page_is_the_kurdistan_government(g: Gazetteer) -> None:
    # "سلطات الإقليم", "الإقليم": a context alias, read only on a page about Iraq
    iraq = "قالت الحكومة العراقية إن العراق لن يعترف بالنتائج، وإن بغداد ستتخذ إجراءات. "
    assert "krg" in _ids(g, iraq + "وأمهل العبادي سلطات الإقليم ثلاثة أيام.")
    assert "krg" not in _ids(g, "وأمهل الرئيس سلطات الإقليم ثلاثة أيام.")
