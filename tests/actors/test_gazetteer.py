"""Loading: every documented key is read, user files extend and correct the dictionary,
and the on-disk cache gives the same gazetteer."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from rasad.actors import gazetteer as gz
from rasad.actors import link_actors, load_gazetteer
from rasad.text.normalize import normalize


def test_documented_keys_are_read() -> None:
    g = load_gazetteer(())
    assert "النظام" in g.actors["SYRGOV"].context_aliases
    sharaa = g.actors["ahmed-al-sharaa"]
    assert {r.org for r in sharaa.roles} >= {"jabhat-al-nusra", "hayat-tahrir-al-sham"}
    spec = g.role_specs["un_ambassador"]
    assert spec.head_nouns and spec.suffixes and not spec.nouns
    pm = g.role_specs["prime_minister"]
    assert pm.genders("رئيس الحكومة") == frozenset({"f"})
    assert pm.genders("رئيس الوزراء") == frozenset({"m"})
    assert g.role_specs["chancellor"].countries == frozenset({"DEU", "AUT"})
    assert g.role_specs["foreign_minister"].genders("وزير الخارجية") == frozenset({"m", "f"})
    assert "SYR" in dict(g.role_specs["intelligence_chief"].phrases_by_country)
    assert g.places["moscow-kremlin"].context_aliases == ("الكرملين",)


def test_user_files_add_and_correct_entries(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASAD_NO_CACHE", "1")  # no pickle of this test's dictionary
    d = tmp_path / "dict"
    d.mkdir()
    (d / "actors.user.yaml").write_text(
        "- id: sultan-suleiman-shah-division\n  kind: armed_group\n  country: SYR\n"
        "  name: Sultan Suleiman Shah Division\n  name_ar: فرقة السلطان سليمان شاه\n"
        "  aliases: [فرقة السلطان سليمان شاه, فرقة العمشات]\n"
        "- id: abu-amsha\n  kind: person\n  country: SYR\n  name: Abu Amsha\n"
        "  name_ar: أبو عمشة\n  aliases: [أبو عمشة, محمد الجاسم]\n"
        "  roles:\n    - {role: commander, country: SYR, start: 2016-01-01, end: null,"
        " org: sultan-suleiman-shah-division}\n"
        "- id: SYRGOV\n  kind: government\n  country: SYR\n  name: Syrian government (user)\n"
        "  name_ar: الحكومة السورية\n  aliases: [الحكومة السورية, حكومة دمشق]\n",
        encoding="utf-8")
    (d / "places.user.yaml").write_text(
        "- id: my-village\n  name: My village\n  name_ar: قرية التجربة\n  kind: village\n"
        "  country: SYR\n  lat: 36.1\n  lon: 36.9\n  aliases: [قرية التجربة]\n",
        encoding="utf-8")
    g = load_gazetteer((str(d),))
    assert g.actors["SYRGOV"].name == "Syrian government (user)"  # same id replaces
    text = "قال أبو عمشة في قرية التجربة"
    n = normalize(text)
    assert [a.id for a in link_actors(text, n, g, dt.date(2020, 1, 1))] == ["abu-amsha"]
    text2 = "قال قائد فرقة العمشات إن"
    assert [a.id for a in link_actors(text2, normalize(text2), g, dt.date(2020, 1, 1))] == [
        "abu-amsha"]
    from rasad.actors import find_places

    assert [p.id for p in find_places(text, n, g)] == ["my-village"]
    # RASAD_DICT_PATH is read too, and part of the cache key
    monkeypatch.setenv("RASAD_DICT_PATH", str(d))
    assert "abu-amsha" in load_gazetteer().actors


def _tmp_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fresh cache directory, with the GeoNames subset copied over (parsing GeoNames'
    JSON again would only make the test slow)."""
    load_gazetteer(())  # the default cache holds the subset now
    for f in gz.cache_dir().glob("geonames-ar-*.pickle"):
        shutil.copy(f, tmp_path / f.name)
    monkeypatch.setenv("RASAD_CACHE_DIR", str(tmp_path))


def test_disk_cache_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tmp_cache(tmp_path, monkeypatch)
    monkeypatch.setenv("RASAD_DICT_PATH", "")
    gz._load.cache_clear()
    try:
        first = load_gazetteer(())
        files = list(tmp_path.glob("gazetteer-*.pickle"))
        assert len(files) == 1
        gz._load.cache_clear()
        second = load_gazetteer(())
        assert second is not first
        assert second.actors == first.actors and second.places.keys() == first.places.keys()
        text = "قال الرئيس الروسي في موسكو"
        n = normalize(text)
        assert [a.id for a in link_actors(text, n, second, dt.date(2020, 1, 1))] == [
            "vladimir-putin", "RUSGOV"]
    finally:
        gz._load.cache_clear()


def test_no_cache_when_disabled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tmp_cache(tmp_path, monkeypatch)
    monkeypatch.setenv("RASAD_NO_CACHE", "1")
    monkeypatch.setenv("RASAD_DICT_PATH", str(tmp_path / "none"))
    load_gazetteer(())
    assert not list(tmp_path.glob("gazetteer-*.pickle"))


def test_adjective_forms() -> None:
    assert gz.adjective_form("السوري") == ("m", True)
    assert gz.adjective_form("سورية") == ("f", False)
    assert gz.adjective_form("الأتراك") == ("p", True)
    assert gz.adjective_form("السوريون") == ("p", True)


def test_the_opt_in_extra_dictionary_loads_and_adds_actors() -> None:
    # dictionaries/extra (README): new ids only, each linked by its full name
    from pathlib import Path

    from rasad.actors import link_actors, load_gazetteer
    from rasad.text.normalize import normalize

    extra = Path(__file__).resolve().parents[2] / "dictionaries" / "extra"
    base, g = load_gazetteer(()), load_gazetteer((str(extra),))
    added = set(g.actors) - set(base.actors)
    assert len(added) == 40 and not set(base.actors) - set(g.actors)
    text = "وحذّر حاكم إقليم دارفور مني أركو مناوي من هجوم على الفاشر."
    assert "minni-minnawi" in {a.id for a in link_actors(text, normalize(text), g, None)}
    assert "minni-minnawi" not in {a.id for a in link_actors(text, normalize(text), base, None)}
