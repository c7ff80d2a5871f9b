"""The clitic-aware matcher: proclitics, article forms, suffixes, boundaries, longest match,
and the compact (match-time clitics) mode giving the same matches as the expanded one."""

from __future__ import annotations

import pytest

from rasad.actors.lexicon import Lexicon, clitic_variants
from rasad.text.normalize import norm

FORMS = {"بوتين": "P", "الرئيس الروسي": "R", "الرئيس": "N", "إدلب": "I", "ريف إدلب": "RI",
         "مذكرة": "M", "لبنان": "L", "بنان": "B"}
TEXTS = [
    "قال بوتين وبوتين لبوتين فبوتين كبوتين وبالرئيس الروسي",
    "وللرئيس الروسي والرئيس الروسي للرئيس",
    "في ريف إدلب وبريف إدلب ولإدلب بإدلب",
    "بوتينات زبوتين الرئيسي",
    "مذكرته مذكرتها بمذكرتهم المذكرة",
    "في لبنان ولبنان للبنان",
]


def _lex(compact: bool) -> Lexicon[str]:
    lex: Lexicon[str] = Lexicon(compact=compact)
    for f, p in FORMS.items():
        lex.add(f, p, suffixes=(f == "مذكرة"))
    return lex


def _spans(lex: Lexicon[str], text: str) -> list[tuple[str, tuple[str, ...]]]:
    n = norm(text)
    return [(n[m.start:m.end], m.payloads) for m in lex.find(n)]


@pytest.mark.parametrize("text", TEXTS)
def test_compact_mode_matches_like_expanded(text: str) -> None:
    assert _spans(_lex(True), text) == _spans(_lex(False), text)


def test_proclitics_and_article_forms() -> None:
    got = _spans(_lex(True), TEXTS[0])
    assert [s for s, _ in got] == ["بوتين", "وبوتين", "لبوتين", "فبوتين", "كبوتين",
                                   "وبالرييس الروسي"]
    assert got[-1][1] == ("R",)
    got = _spans(_lex(True), TEXTS[1])
    assert [p for _, p in got] == [("R",), ("R",), ("N",)]  # "للرئيس" = ل + الرئيس


def test_word_boundaries_and_longest_match() -> None:
    assert _spans(_lex(True), TEXTS[3]) == []  # inside longer words: no match
    got = _spans(_lex(True), TEXTS[2])
    assert [p for _, p in got] == [("RI",), ("RI",), ("I",), ("I",)]


def test_attached_pronouns_and_ta_marbuta() -> None:
    got = _spans(_lex(True), TEXTS[4])
    assert [p for _, p in got] == [("M",), ("M",), ("M",)]  # "المذكرة": no article form


def test_clitic_reading_is_kept_visible() -> None:
    """"لبنان" is also ل + "بنان": both readings are one match, payloads merged."""
    lex = _lex(True)
    m = lex.find(norm("في لبنان"))[0]
    assert set(m.payloads) == {"L", "B"}


def test_prefix_length_is_reported() -> None:
    lex = _lex(True)
    ms = lex.find(norm("وبالرئيس الروسي للرئيس"))
    assert [m.prefix for m in ms] == [2, 1]


def test_lookup_accepts_proclitics() -> None:
    lex = _lex(True)
    assert lex.lookup("بوتين") == ["P"]
    assert lex.lookup("وبوتين") == ["P"]
    assert lex.lookup("بوتينات") == []


def test_clitic_variants_expansion() -> None:
    v = clitic_variants("الرئيس")
    assert {"الرييس", "والرييس", "بالرييس", "للرييس", "وللرييس"} <= v
    assert "لالرييس" not in v


def test_spelling_variants_join_and_split_name_particles() -> None:
    from rasad.actors.lexicon import spelling_variants

    assert spelling_variants("عبد الله بو حبيب") == {"عبد الله بو حبيب", "عبدالله بوحبيب"}
    assert "عبد الرحمن" in spelling_variants("عبدالرحمن")
    assert spelling_variants("أبو مازن") == {"ابو مازن", "ابومازن"}
    assert spelling_variants("بشار الأسد") == {"بشار الاسد"}  # nothing to join


def test_nisba_forms_add_the_inflections_the_dictionary_leaves_out() -> None:
    from rasad.actors.gazetteer import nisba_forms

    assert {"مصريا", "مصريان", "مصريين"} <= nisba_forms("مصري")
    assert {"الاسراييليتين", "الاسراييليتان", "الاسراييليات"} <= nisba_forms("الإسرائيلية")
    assert nisba_forms("المصريون") == {"المصريون"}
