"""Number parsing: digits, Eastern digits, number words, composites, vague plurals, duals."""

from __future__ import annotations

import pytest

from rasad.events.numbers import NumberMatch, dual_base, find_numbers, tokenize
from rasad.text.normalize import norm


def _read(text: str) -> list[tuple[str, float, bool]]:
    return [(text[m.start:m.end], m.value, m.vague) for m in find_numbers(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # digits
    ("قتل 1800 مدني", [("1800", 1800, False)]),
    ("قتل 1,800 مدني", [("1,800", 1800, False)]),
    ("قتل 1.800 مدني", [("1.800", 1800, False)]),
    ("نما بنسبة 3.7 بالمئة", [("3.7", 3.7, False)]),
    ("نحو 2,5 مليون", [("2,5 مليون", 2_500_000, False)]),
    ("1,300,000 نازح", [("1,300,000", 1_300_000, False)]),
    ("3٫7 بالمئة", [("3٫7", 3.7, False)]),
    ("1.500 مليون دولار", [("1.500 مليون", 1_500_000, False)]),
    # Eastern digits are read through normalization; spans stay in the original
    ("مقتل ٣ جنود و١٢٠ مدنيا", [("٣", 3, False), ("١٢٠", 120, False)]),
    ("۱۵ شخصا", [("۱۵", 15, False)]),
    # units, teens, tens, hundreds
    ("واحد", [("واحد", 1, False)]),
    ("ثلاثة جنود", [("ثلاثة", 3, False)]),
    ("ثماني سنوات", [("ثماني", 8, False)]),
    ("عشرة أشخاص", [("عشرة", 10, False)]),
    ("أحد عشر شخصا", [("أحد عشر", 11, False)]),
    ("إحدى عشرة امرأة", [("إحدى عشرة", 11, False)]),
    ("اثنا عشر جنديا", [("اثنا عشر", 12, False)]),
    ("ستة عشر شخصا", [("ستة عشر", 16, False)]),
    ("عشرون", [("عشرون", 20, False)]),
    ("ثلاثة وثلاثين", [("ثلاثة وثلاثين", 33, False)]),
    ("خمسة وعشرون شخصا", [("خمسة وعشرون", 25, False)]),
    ("مئة", [("مئة", 100, False)]),
    ("مائة", [("مائة", 100, False)]),
    ("مئتين", [("مئتين", 200, False)]),
    ("مئتا ألف", [("مئتا ألف", 200_000, False)]),
    ("ثلاثمئة", [("ثلاثمئة", 300, False)]),
    ("ثلاثمائة وخمسون", [("ثلاثمائة وخمسون", 350, False)]),
    ("ثلاث مئة ألف", [("ثلاث مئة ألف", 300_000, False)]),
    ("ثلاثمئة وخمسة وعشرين", [("ثلاثمئة وخمسة وعشرين", 325, False)]),
    # scales and composites
    ("ألف", [("ألف", 1000, False)]),
    ("ألفين", [("ألفين", 2000, False)]),
    ("250 ألف شخص", [("250 ألف", 250_000, False)]),
    ("مليون و300 ألف", [("مليون و300 ألف", 1_300_000, False)]),
    ("مليون و 300 ألف", [("مليون و 300 ألف", 1_300_000, False)]),
    ("نحو ثلاثة آلاف", [("ثلاثة آلاف", 3000, False)]),
    ("بعزل 24 ألفأ من", [("24 ألفأ", 24_000, False)]),
    ("24 ألفا", [("24 ألفا", 24_000, False)]),
    ("مئة وخمسين ألفا", [("مئة وخمسين ألفا", 150_000, False)]),
    ("ألف وخمسمئة", [("ألف وخمسمئة", 1500, False)]),
    ("ستة ملايين و600 ألف", [("ستة ملايين و600 ألف", 6_600_000, False)]),
    ("3.6 مليون", [("3.6 مليون", 3_600_000, False)]),
    ("مليونين", [("مليونين", 2_000_000, False)]),
    ("مليوني شخص", [("مليوني", 2_000_000, False)]),
    ("270.6 مليار دولار", [("270.6 مليار", 270_600_000_000, False)]),
    ("نصف مليون", [("نصف مليون", 500_000, False)]),
    ("مليون ونصف", [("مليون ونصف", 1_500_000, False)]),
    ("ألفين وعشرين", [("ألفين وعشرين", 2020, False)]),
    # clitics before a number
    ("لـ15 اعتداء", [("15", 15, False)]),
    ("بثلاثة", [("ثلاثة", 3, False)]),
    ("وخمسة آلاف", [("خمسة آلاف", 5000, False)]),
    # vague plurals: the lower bound
    ("عشرات الغارات", [("عشرات", 20, True)]),
    ("العشرات", [("عشرات", 20, True)]),
    ("المئات من العناصر", [("مئات", 200, True)]),
    ("آلاف النازحين", [("آلاف", 2000, True)]),
    ("عشرات الآلاف", [("عشرات الآلاف", 20_000, True)]),
    ("مئات الآلاف من المدنيين", [("مئات الآلاف", 200_000, True)]),
    ("ملايين السوريين", [("ملايين", 2_000_000, True)]),
    ("بضعة آلاف", [("بضعة آلاف", 3000, True)]),
    # duals of counted nouns with a broken plural
    ("مقتل جنديين", [("جنديين", 2, False)]),
    ("وجنديان", [("جنديان", 2, False)]),
    ("غارتين", [("غارتين", 2, False)]),
    # two numbers, not one
    ("بين 5 و10", [("5", 5, False), ("10", 10, False)]),
    ("مليون ومليون", [("مليون", 1_000_000, False), ("مليون", 1_000_000, False)]),
])
def test_numbers(text: str, expected: list[tuple[str, float, bool]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize("text", [
    "يوم الاثنين",                      # Monday, not 2
    "القرن الواحد والعشرين",            # a century
    "أحد أقوى حلفاء الحكومة",           # "one of"
    "إحدى المدن",
    "لقاء ثالثا",                       # ordinal
    "ثالث يوم من المحادثات",
    "الطريق السريع M4",                 # glued to Latin letters
    "1.2K",
    "GMT04:20:04",
    "04/12/2025",
    "كمية كبيرة",                        # ك + مية
    "لست أدري",                          # ل + ست
    "عسكريين أتراك",                     # also a plural: never a dual
    "الربع الثالث",
    "نصف ساعة",
    "لم يتحدد عدد",
])
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_values_are_floats_and_spans_follow_original_text() -> None:
    text = "قُتِلَ ثلاثةُ جنودٍ"
    (m,) = find_numbers(text)
    assert isinstance(m, NumberMatch)
    assert isinstance(m.value, float) and m.value == 3.0
    assert text[m.start:m.end] == "ثلاثةُ"  # trailing diacritic kept in the span


def test_dual_base() -> None:
    assert dual_base(norm("جنديين")) == norm("جندي")
    assert dual_base(norm("غارتان")) == norm("غارة")
    assert dual_base(norm("مدنيين")) is None
    assert dual_base(norm("ثلاثة")) is None


def test_tokenize_kinds() -> None:
    kinds = [(t.text, t.kind) for t in tokenize(norm("قتل 5 في M4 يوم 04/12 ."))]
    assert kinds == [("قتل", "word"), ("5", "num"), ("في", "word"), ("m4", "latin"),
                     ("يوم", "word"), ("04/12", "date"), (".", "punct")]
