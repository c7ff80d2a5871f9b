"""Security forces named without a country are the home country's (rasad.actors.link.
home_forces, data/home_forces.yaml). Sentences written for the test."""

from __future__ import annotations

import pytest

from rasad.actors import Gazetteer, link_actors, load_gazetteer
from rasad.text.normalize import normalize

IRAQ = ("تظاهر آلاف العراقيين في بغداد ضد الحكومة العراقية، وقالت المفوضية العراقية لحقوق "
        "الإنسان إن العراق يشهد أوسع احتجاجات منذ سنوات. ")


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer(())


def _ids(g: Gazetteer, text: str) -> list[tuple[str, str | None]]:
    return [(a.text, a.id) for a in link_actors(text, normalize(text), g, None)]


def test_bare_security_forces_are_those_of_the_country_the_page_is_about(g: Gazetteer) -> None:
    got = _ids(g, IRAQ + "وأطلقت قوات الأمن الغاز المسيل للدموع، واعتقلت الشرطة عشرة محتجين.")
    assert ("قوات الأمن", "IRQCOP") in got
    assert ("الشرطة", "IRQCOP") in got


def test_a_nisba_after_the_noun_is_another_body(g: Gazetteer) -> None:
    got = _ids(g, IRAQ + "وانتشرت قوات الأمن الكردية في أربيل.")
    assert not any(i == "IRQCOP" for _, i in got)


def test_no_home_country_no_link(g: Gazetteer) -> None:
    # one mention each of Iraq and Syria: the page is about no one country
    got = _ids(g, "قال مسؤول عراقي ومسؤول سوري إن قوات الأمن أغلقت المعبر.")
    assert all(t != "قوات الأمن" for t, _ in got)


def test_on_a_digest_each_paragraph_has_its_home(g: Gazetteer) -> None:
    # no one country leads the page; each paragraph names its own twice
    text = ("تظاهر آلاف الجزائريين في الجزائر العاصمة، واستخدمت الشرطة الغاز المسيل للدموع.\n"
            "وفي السودان، خرج آلاف السودانيين إلى الشوارع، واعتقلت الشرطة عشرات المحتجين.")
    got = [i for t, i in _ids(g, text) if t == "الشرطة"]
    assert got == ["DZACOP", "SDNCOP"]
    # a paragraph that names its country once has no home
    text = ("قال مسؤول جزائري إن الشرطة أغلقت الطريق.\n"
            "وقال مسؤول سوداني إن الشرطة فتحت المعبر.")
    assert all(t != "الشرطة" for t, _ in _ids(g, text))


def test_government_forces_are_the_army_of_the_country_the_page_is_about(g: Gazetteer
                                                                         ) -> None:
    got = _ids(g, IRAQ + "وقالت مصادر إن القوات الحكومية استعادت السيطرة على البلدة.")
    assert ("القوات الحكومية", "IRQMIL") in got


def test_a_named_force_keeps_its_own_country(g: Gazetteer) -> None:
    got = _ids(g, IRAQ + "وقالت الشرطة الإسرائيلية إنها اعتقلت مشتبها به.")
    assert ("الشرطة الإسرائيلية", "ISRCOP") in got


# --- ministries the dictionary lacks (link.government_bodies, data/government_bodies.yaml)
def test_a_portfolio_the_dictionary_lacks_is_its_countrys_government(g: Gazetteer) -> None:
    got = _ids(g, "أعلنت وزارة الموارد المائية والري المصرية انتهاء جولة المفاوضات.")
    assert ("وزارة الموارد المائية والري المصرية", "EGYGOV") in got
    got = _ids(g, "وقالت وزيرة التضامن الاجتماعي المصرية إن الحكومة سترسل مساعدات.")
    assert ("وزيرة التضامن الاجتماعي المصرية", "EGYGOV") in got
    # written with diacritics, as some outlets do
    got = _ids(g, "أعلنت وزارةُ الزراعة المصريّة خطة جديدة.")
    assert ("وزارةُ الزراعة المصريّة", "EGYGOV") in got


def test_a_portfolio_needs_a_head_noun_and_an_agreeing_adjective(g: Gazetteer) -> None:
    # no ministry before the adjective: it stays the country's adjective
    got = _ids(g, "وصل الوفد الأمني المصري إلى غزة.")
    assert ("الوفد الأمني المصري", "EGYGOV") not in got
    # the masculine adjective does not end a feminine ministry ("وزارة ... المصري")
    got = _ids(g, "أصدرت وزارة الموارد المائية بيانا عن السد المصري الجديد.")
    assert not any(i == "EGYGOV" for _, i in got)


def test_a_government_seated_in_a_country_is_its_government(g: Gazetteer) -> None:
    # "الحكومة [نعت] في <بلد>": the country's government, not the country
    got = _ids(g, "وأعلنت الحكومة الجديدة في الصومال تأجيل الانتخابات.")
    assert ("الحكومة الجديدة في الصومال", "SOMGOV") in got
    got = _ids(g, "وقالت السلطات في تونس إنها أوقفت عشرة أشخاص.")
    assert ("السلطات في تونس", "TUNGOV") in got
    # a place after في that is no country, or a noun that is no government, stays as it is
    got = _ids(g, "وانتشرت القوات في سوريا منذ سنوات.")
    assert not any(i == "SYRGOV" for _, i in got)


def test_the_head_of_a_states_intelligence_is_not_its_head_of_state(g: Gazetteer) -> None:
    # "رئيس جهاز الموساد" heads the Mossad; "رئيس" + a country's intelligence body does not
    # make the president, and the bare role noun does not hide the body's name
    got = _ids(g, "وشارك في الاجتماع رئيس المخابرات العامة المصرية ورئيس جهاز الموساد.")
    assert ("المخابرات العامة المصرية", "EGYINT") in got
    assert ("جهاز الموساد", "ISRINT") in got
    assert not any(i in ("abdel-fattah-el-sisi", "isaac-herzog") for _, i in got)


# --- the government named without a country (data/home_government.yaml) -----------------
SUDAN = ("شهدت الخرطوم احتجاجات واسعة، وقال تجمع المهنيين السودانيين إن السودان يمر بمرحلة "
         "حرجة، ودعا المجلس العسكري السوداني إلى التهدئة. ")


def test_the_authorities_are_the_government_of_the_country_the_page_is_about(g: Gazetteer
                                                                             ) -> None:
    got = _ids(g, SUDAN + "ودعا الأمين العام السلطات إلى تحقيق مستقل.")
    assert ("السلطات", "SDNGOV") in got


def test_the_federal_government_is_the_home_government(g: Gazetteer) -> None:
    got = _ids(g, IRAQ + "ودعا زعيم كردي الحكومة الاتحادية إلى الحوار.")
    assert ("الحكومة الاتحادية", "IRQGOV") in got


def test_the_government_delegation_is_the_home_government(g: Gazetteer) -> None:
    got = _ids(g, IRAQ + "واتهم زعيم كردي الوفد الحكومي بالتعنت.")
    assert ("الوفد الحكومي", "IRQGOV") in got


def test_bare_authorities_beside_a_rival_government_stay_unlinked(g: Gazetteer) -> None:
    # the page names the Kurdistan Region's government: "السلطات" may be either
    text = IRAQ + "وقالت حكومة إقليم كردستان إن السلطات أغلقت المطار."
    got = _ids(g, text)
    assert ("حكومة إقليم كردستان", "krg") in got
    assert all(t != "السلطات" for t, _ in got)
    # the federal government is named outright
    got = _ids(g, text + " ودعت الحكومة الاتحادية إلى الحوار.")
    assert ("الحكومة الاتحادية", "IRQGOV") in got


def test_a_government_to_be_formed_is_no_actor(g: Gazetteer) -> None:
    got = _ids(g, IRAQ + "ودعا المتظاهرون إلى تشكيل الحكومة الاتحادية خلال شهر.")
    assert all(t != "الحكومة الاتحادية" for t, _ in got)


def test_a_preposition_after_the_noun_is_no_nisba(g: Gazetteer) -> None:
    # "إلى" reads like a nisba with the article ("الى"): it must not block the link
    got = _ids(g, IRAQ + "ووصلت قوات الأمن إلى ساحة التحرير.")
    assert ("قوات الأمن", "IRQCOP") in got
