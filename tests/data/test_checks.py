"""The two standalone data checks run under pytest: check_dictionaries.py (actors, roles,
places) and check_triggers.py (triggers, cues) must report no error on the shipped data
(warnings are allowed), and each must still catch a broken copy."""

from __future__ import annotations

import copy
import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml

HERE = Path(__file__).resolve().parent
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def dicts() -> ModuleType:
    return _load("check_dictionaries")


@pytest.fixture(scope="module")
def trig() -> ModuleType:
    return _load("check_triggers")


# --- dictionaries ----------------------------------------------------------------------

def test_dictionaries_have_no_errors(dicts: ModuleType) -> None:
    rep, _found = dicts.check()
    assert rep.errors == []


@pytest.fixture()
def data_copy(dicts: ModuleType, tmp_path: Path) -> Path:
    for name in ("actors.yaml", "roles.yaml", "places.yaml"):
        shutil.copy(dicts.DATA_DIR / name, tmp_path / name)
    return tmp_path


def _edit(path: Path, change) -> None:
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    change({e["id"]: e for e in entries})
    path.write_text(yaml.dump(entries, Dumper=DUMPER, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")


def test_copy_of_the_data_is_clean(dicts: ModuleType, data_copy: Path) -> None:
    _edit(data_copy / "actors.yaml", lambda by_id: None)  # a YAML round trip changes nothing
    assert dicts.check(data_copy)[0].errors == []


def test_person_without_roles_list_is_an_error(dicts: ModuleType, data_copy: Path) -> None:
    _edit(data_copy / "actors.yaml", lambda by_id: by_id["osman-saleh"].pop("roles"))
    errors = dicts.check(data_copy)[0].errors
    assert errors == ["actors.yaml:osman-saleh: persons need a roles list (may be empty)"]


def test_country_without_adjectives_is_an_error(dicts: ModuleType, data_copy: Path) -> None:
    def change(by_id: dict) -> None:
        del by_id["CAF"]["adjectives"]          # no key at all
        by_id["MLI"].pop("no_adjectives")       # an empty list without its reason
        by_id["TUR"]["no_adjectives"] = "x"     # a reason next to real adjectives

    _edit(data_copy / "actors.yaml", change)
    errors = "\n".join(dicts.check(data_copy)[0].errors)
    assert "CAF: countries need adjectives" in errors
    assert "MLI: empty adjectives need a no_adjectives reason" in errors
    assert "TUR: no_adjectives goes only with an empty adjectives list" in errors


def test_country_without_place_is_an_error(dicts: ModuleType, data_copy: Path) -> None:
    path = data_copy / "places.yaml"
    places = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER)
    path.write_text(yaml.dump([p for p in places if p["id"] != "KEN"], Dumper=DUMPER,
                              allow_unicode=True), encoding="utf-8")
    errors = dicts.check(data_copy)[0].errors
    assert errors == ["places.yaml: countries without a place entry: ['KEN']"]


def test_overlapping_role_holders_are_an_error(dicts: ModuleType, data_copy: Path) -> None:
    def change(by_id: dict) -> None:  # a second Bahraini foreign minister in 2010
        by_id["abdullatif-al-zayani"]["roles"][0]["start"] = "2010-01-01"

    _edit(data_copy / "actors.yaml", change)
    errors = "\n".join(dicts.check(data_copy)[0].errors)
    assert "overlapping holders of ('foreign_minister', 'BHR', None)" in errors


def test_dictionaries_main_exit_code(dicts: ModuleType, data_copy: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert dicts.main(["check_dictionaries.py", str(data_copy)]) == 0
    (data_copy / "places.yaml").write_text("- [not, a, mapping]\n", encoding="utf-8")
    assert dicts.main(["check_dictionaries.py", str(data_copy)]) == 1
    assert "ERROR:" in capsys.readouterr().out


# --- triggers and cues -------------------------------------------------------------------

def test_triggers_have_no_errors(trig: ModuleType) -> None:
    rep, stats, cues = trig.check(*trig.load())
    assert rep.errors == []
    assert set(stats) == set(trig.TYPES)
    assert cues


def test_broken_triggers_are_caught(trig: ModuleType) -> None:
    triggers, cues = trig.load()
    bad = copy.deepcopy(triggers)
    bad["ASSAULT"][0]["mode"] = "picnic"                               # unknown mode
    bad["AGREE"].append({"mode": "deal", "pos": "noun", "strength": "strong",
                         "forms": [bad["ASSAULT"][0]["forms"][0]]})    # an undeclared shared form
    bad_cues = {k: v for k, v in cues.items() if k != "negation"}      # a required list missing
    errors = "\n".join(trig.check(bad, bad_cues)[0].errors)
    assert "mode 'picnic' not allowed for ASSAULT" in errors
    assert "not declared in ambiguous" in errors
    assert "cues.yaml: list 'negation' is missing" in errors
