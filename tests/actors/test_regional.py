"""Regional coverage: Sudan, Yemen, Libya, Iraq, Lebanon, Palestine, Israel, Egypt and Sinai,
Somalia, the Gulf and the Maghreb — names, adjectives, institutions (GOV, MIL, COP, LEG),
armed groups, UN missions and date-bounded role descriptions. Sentences written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from rasad.actors import Gazetteer, link_actors, load_gazetteer
from rasad.text.normalize import normalize

D = dt.date


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer(())


def _ids(g: Gazetteer, text: str, on: dt.date | None = None) -> list[str | None]:
    return [a.id for a in link_actors(text, normalize(text), g, on)]


@pytest.mark.parametrize(("text", "expected"), [
    # Sudan
    ("اشتبك الجيش السوداني مع قوات الدعم السريع في الخرطوم", ["SDNMIL", "rapid-support-forces", "SDNGOV"]),
    ("قال مجلس السيادة إن الحركة الشعبية لتحرير السودان - شمال رفضت الهدنة", ["SDNGOV", "splm-n"]),
    ("أعلنت شبكة أطباء السودان مقتل مدنيين بقصف لميليشيا الدعم السريع", ["sudan-doctors-network", "rapid-support-forces"]),
    # Yemen
    ("هاجم الحوثيون مواقع لقوات المجلس الانتقالي الجنوبي وألوية العمالقة", ["houthis", "southern-transitional-council", "giants-brigades"]),
    ("قالت حكومة صنعاء إن طيران التحالف العربي قصف الحديدة", ["houthis", "saudi-led-coalition"]),
    ("أعلن تنظيم القاعدة في جزيرة العرب مسؤوليته", ["aqap"]),
    # Libya
    ("تقدمت قوات حكومة الوحدة الوطنية نحو مواقع الجيش الوطني الليبي", ["LBYMIL", "libyan-national-army"]),
    ("دعت بعثة الأمم المتحدة للدعم في ليبيا مجلس النواب الليبي والمجلس الأعلى للدولة إلى التوافق",
     ["unsmil", "LBYLEG", "libya-high-council-of-state"]),
    # Iraq
    ("استهدفت كتائب حزب الله وعصائب أهل الحق قاعدة أمريكية", ["kataib-hezbollah", "asaib-ahl-al-haq", "USA"]),
    ("قالت خلية الإعلام الأمني إن الشرطة العراقية اعتقلت مطلوبين", ["IRQMIL", "IRQCOP"]),
    ("صوت مجلس النواب العراقي على القانون وانسحبت الكتلة الصدرية", ["IRQLEG", "sadrist-movement"]),
    # Lebanon
    ("قالت وزارة الصحة اللبنانية إن غارة إسرائيلية قتلت عنصرين من حركة أمل", ["LBNGOV", "ISR", "amal-movement"]),
    ("اتهم حزب القوات اللبنانية الجيش اللبناني بالتقصير", ["lebanese-forces-party", "LBNMIL"]),
    ("أعلنت قوات اليونيفيل أن قوى الأمن الداخلي انتشرت", ["unifil", "LBNCOP"]),
    # Palestine and Israel
    ("أعلنت كتائب القسام وسرايا القدس قصف مواقع جيش الاحتلال", ["al-qassam-brigades", "al-quds-brigades", "ISRMIL"]),
    ("قالت وزارة الصحة في غزة إن الدفاع المدني الفلسطيني انتشل جثامين", ["gaza-health-ministry", "palestinian-civil-defence"]),
    ("هاجم مستوطنون قرية فلسطينية بحماية شرطة الاحتلال", ["israeli-settlers", "PSE", "ISRCOP"]),
    ("صادق الكنيست على القانون وانتقدته الأونروا", ["ISRLEG", "unrwa"]),
    # Egypt and Sinai
    ("قتل عناصر من ولاية سيناء في اشتباك مع القوات المسلحة المصرية", ["wilayat-sinai", "EGYMIL"]),
    # Somalia
    ("هاجمت حركة الشباب قاعدة للجيش الصومالي وبعثة الاتحاد الأفريقي في الصومال",
     ["al-shabaab", "SOMMIL", "au-mission-somalia"]),
    ("قالت الحكومة الصومالية إن مقديشو ستتعاون مع الاتحاد الأفريقي", ["SOMGOV", "SOMGOV", "african-union"]),
    # Gulf, Maghreb, neighbours
    ("رحبت الحكومة الكويتية والحكومة العمانية بالاتفاق", ["KWTGOV", "OMNGOV"]),
    ("نفذت القوات المسلحة الملكية عملية ضد جبهة البوليساريو", ["MARMIL", "polisario-front"]),
    ("أعلنت حركة طالبان أن كابل ستحاور إسلام آباد", ["taliban", "AFGGOV", "PAKGOV"]),
    ("أدانت منظمة العفو الدولية وهيومن رايتس ووتش وأطباء بلا حدود القصف",
     ["amnesty-international", "human-rights-watch", "msf"]),
])
def test_regional_names_and_institutions(g: Gazetteer, text: str, expected: list[str]) -> None:
    assert _ids(g, text) == expected


@pytest.mark.parametrize(("text", "on", "who"), [
    # Sudan
    ("قال الرئيس السوداني إن", D(2018, 5, 1), "omar-al-bashir"),
    ("قال رئيس مجلس السيادة السوداني إن", D(2024, 1, 10), "abdel-fattah-al-burhan"),
    ("قال قائد قوات الدعم السريع إن", D(2023, 6, 1), "mohamed-hamdan-dagalo"),
    ("قال رئيس الوزراء السوداني إن", D(2020, 5, 1), "abdalla-hamdok"),
    # Yemen
    ("قال الرئيس اليمني إن", D(2016, 1, 1), "abdrabbuh-mansur-hadi"),
    ("قال رئيس مجلس القيادة الرئاسي إن", D(2023, 1, 1), "rashad-al-alimi"),
    ("قال المبعوث الأممي إلى اليمن إن", D(2019, 1, 1), "martin-griffiths"),
    ("قال المبعوث الأممي إلى اليمن إن", D(2023, 1, 1), "hans-grundberg"),
    ("قال زعيم جماعة الحوثي إن", D(2020, 1, 1), "abdul-malik-al-houthi"),
    # Libya
    ("قال رئيس الحكومة الليبية إن", D(2022, 1, 1), "abdul-hamid-dbeibah"),
    ("قال رئيس مجلس النواب الليبي إن", D(2020, 1, 1), "aguila-saleh"),
    ("قال المتحدث باسم الجيش الوطني الليبي إن", D(2019, 4, 10), "ahmed-al-mismari"),
    ("قال المبعوث الأممي إلى ليبيا إن", D(2018, 1, 1), "ghassan-salame"),
    # Iraq
    ("قال الرئيس العراقي إن", D(2020, 1, 1), "barham-salih"),
    ("قال وزير الخارجية العراقي إن", D(2021, 1, 1), "fuad-hussein"),
    ("قال وزير الدفاع العراقي إن", D(2023, 1, 1), "thabit-al-abbasi"),
    ("قال زعيم التيار الصدري إن", D(2022, 8, 1), "muqtada-al-sadr"),
    # Lebanon
    ("قال رئيس مجلس النواب اللبناني إن", D(2023, 1, 1), "nabih-berri"),
    ("قال قائد الجيش اللبناني إن", D(2015, 1, 1), "jean-kahwagi"),
    ("قال رئيس الحكومة اللبنانية إن", D(2025, 3, 1), "nawaf-salam"),
    ("قال وزير الصحة اللبناني إن", D(2024, 10, 1), "firass-abiad"),
    # Palestine and Israel
    ("قال الرئيس الفلسطيني إن", D(2020, 1, 1), "mahmoud-abbas"),
    ("قال رئيس المكتب السياسي لحركة حماس إن", D(2020, 1, 1), "ismail-haniyeh"),
    ("قال رئيس المكتب السياسي لحركة حماس إن", D(2015, 1, 1), "khaled-meshaal"),
    ("قال الأمين العام لحركة الجهاد الإسلامي إن", D(2022, 1, 1), "ziyad-al-nakhalah"),
    ("قال المتحدث باسم كتائب القسام إن", D(2023, 11, 1), "abu-obeida"),
    ("قال وزير الدفاع الإسرائيلي إن", D(2023, 11, 1), "yoav-gallant"),
    ("قال وزير الدفاع الإسرائيلي إن", D(2025, 1, 1), "israel-katz"),
    ("قال رئيس أركان الجيش الإسرائيلي إن", D(2024, 1, 1), "herzi-halevi"),
    ("قال الرئيس الإسرائيلي إن", D(2022, 1, 1), "isaac-herzog"),
    ("قال المتحدث باسم الجيش الإسرائيلي إن", D(2024, 1, 1), "avichay-adraee"),
    # Egypt
    ("قال الرئيس المصري إن", D(2010, 1, 1), "hosni-mubarak"),
    ("قال رئيس الوزراء المصري إن", D(2020, 1, 1), "mostafa-madbouly"),
    ("قال وزير الخارجية المصري إن", D(2025, 1, 1), "badr-abdelatty"),
    # Somalia
    ("قال الرئيس الصومالي إن", D(2019, 1, 1), "mohamed-abdullahi-farmajo"),
    ("قال الرئيس الصومالي إن", D(2023, 1, 1), "hassan-sheikh-mohamud"),
    # Gulf, Jordan, Maghreb, Iran
    ("قال وزير الدفاع السعودي إن", D(2023, 1, 1), "khalid-bin-salman"),
    ("قال رئيس الوزراء القطري إن", D(2024, 1, 1), "mohammed-bin-abdulrahman"),
    ("قال سلطان عمان إن", D(2021, 1, 1), "haitham-bin-tariq"),
    ("قال رئيس الوزراء الأردني إن", D(2022, 1, 1), "bisher-khasawneh"),
    ("قال الرئيس الجزائري إن", D(2021, 1, 1), "abdelmadjid-tebboune"),
    ("قال الرئيس التونسي إن", D(2022, 1, 1), "kais-saied"),
    ("قال العاهل المغربي إن", D(2022, 1, 1), "mohammed-vi"),
    ("قال رئيس أركان الجيش الإيراني إن", D(2020, 1, 1), "mohammad-bagheri"),
])
def test_regional_roles_by_date(g: Gazetteer, text: str, on: dt.date, who: str) -> None:
    assert _ids(g, text, on) == [who]


def test_successors_share_a_boundary_day(g: Gazetteer) -> None:
    assert _ids(g, "قال الرئيس اليمني إن", D(2022, 4, 6)) == ["abdrabbuh-mansur-hadi"]
    assert _ids(g, "قال الرئيس اليمني إن", D(2022, 4, 7)) == ["rashad-al-alimi"]


@pytest.mark.parametrize(("text", "expected"), [
    ("قال مسؤولون سودانيون", ["SDN"]),
    ("جنديان صوماليان", ["SOM"]),  # duals derived from the listed forms (nisba_forms)
    ("قالت مصادر يمنية وليبية", ["YEM", "LBY"]),
    ("أفاد مسؤول جنوب سوداني", ["SSD"]),
])
def test_regional_adjectives(g: Gazetteer, text: str, expected: list[str]) -> None:
    assert _ids(g, text) == expected


@pytest.mark.parametrize("text", [
    "سافر الوفد إلى عمان",          # Amman or Oman: no actor
    "زار الوزير طرابلس",            # Tripoli (Libya or Lebanon): no government alias
    "شهد الحشد العسكري على الحدود",  # "الحشد" alone is not the PMF
    "الحمد لله على السلامة",
])
def test_ambiguous_words_are_not_actors(g: Gazetteer, text: str) -> None:
    assert _ids(g, text) == []


def test_hamas_and_its_armed_wing_are_distinct(g: Gazetteer) -> None:
    assert _ids(g, "قالت حركة حماس إن كتائب عز الدين القسام") == ["hamas", "al-qassam-brigades"]


def test_state_news_agencies_are_media_not_their_country(g: Gazetteer) -> None:
    # the country adjective inside an agency's name is part of the name; agencies are
    # sources (Gazetteer.media_ids), never parties to an event
    text = ("نقلت وكالة الأنباء السعودية ووكالة أنباء الإمارات ووكالة الأنباء الجزائرية "
            "ووكالة السودان للأنباء عن مسؤولين قولهم إن الاجتماع انتهى.")
    ids = _ids(g, text)
    assert ids == ["saudi-press-agency", "wam", "algeria-press-service", "suna"]
    assert set(ids) <= g.media_ids


def test_a_country_ending_a_liberation_groups_name_is_no_mention_of_it(g: Gazetteer) -> None:
    # "حركة تحرير السودان" (a group the dictionary does not name on its own) is not Sudan;
    # "حرب تحرير الكويت" still names Kuwait
    on = D(2020, 10, 4)
    assert "SDN" not in _ids(g, "رفضت حركة تحرير السودان الانضمام إلى المفاوضات.", on)
    assert "SDN" not in _ids(g, "وأعلن جيش تحرير السودان السيطرة على البلدة.", on)
    assert "KWT" in _ids(g, "قال إن حرب تحرير الكويت انتهت.", on)


def test_a_capital_naming_talks_or_an_accord_is_no_party(g: Gazetteer) -> None:
    # "مفاوضات جوبا", "اتفاق الخرطوم": the name of talks; "أعلنت موسكو" and "اتفاق الحكومة
    # السودانية" still name parties
    on = D(2020, 10, 4)
    assert "SSDGOV" not in _ids(g, "رفضت الحركة الانضمام إلى مفاوضات جوبا.", on)
    assert "SDNGOV" not in _ids(g, "وقّع الطرفان اتفاق الخرطوم للسلام.", on)
    assert "RUSGOV" in _ids(g, "وأعلنت موسكو أنها ترحب بالاتفاق.", on)
    assert "SDNGOV" in _ids(g, "وقال إن اتفاق الحكومة السودانية مع الحركات صامد.", on)
