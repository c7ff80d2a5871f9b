"""Arabic time lexicons, in the normalized orthography of `rasad.text.normalize`.

Every word here is written as `normalize()` outputs it: alef forms are ا, ى/ئ are ي,
ة is ه, diacritics and tatweel are gone ("آذار" -> "اذار", "الأولى" -> "الاولي",
"هـ" -> "ه"). Multi-word names use single spaces; patterns accept any run of spaces.

The tables are plain constants (cheap to import); the regular-expression fragments built
from them are cached functions, so nothing is compiled until first use.
"""

from __future__ import annotations

import re
from functools import cache

# Gregorian months in the three naming systems used in Arabic news (Egypt/Gulf,
# Levant/Iraq, Maghreb incl. Moroccan spellings). (name, month number, ambiguous):
# an ambiguous name is also an everyday word ("اب" father, "ماي"), so it only counts
# next to a day number, a year or its pair name, never alone.
MONTHS: tuple[tuple[str, int, bool], ...] = (
    ("يناير", 1, False), ("جانفي", 1, False), ("ينار", 1, False),
    ("كانون الثاني", 1, False), ("كانون ثاني", 1, False),
    ("فبراير", 2, False), ("فيفري", 2, False), ("فبرير", 2, False), ("شباط", 2, False),
    ("مارس", 3, False), ("اذار", 3, False),
    ("ابريل", 4, False), ("افريل", 4, False), ("نيسان", 4, False),
    ("مايو", 5, False), ("ماي", 5, True), ("ايار", 5, False),
    ("يونيو", 6, False), ("يونيه", 6, False), ("جوان", 6, False), ("حزيران", 6, False),
    ("يوليو", 7, False), ("يوليه", 7, False), ("يوليوز", 7, False), ("جويليه", 7, False),
    ("تموز", 7, False),
    ("اغسطس", 8, False), ("اغشت", 8, False), ("اوت", 8, False), ("اب", 8, True),
    ("سبتمبر", 9, False), ("شتنبر", 9, False), ("ايلول", 9, False),
    ("اكتوبر", 10, False), ("تشرين الاول", 10, False), ("تشرين اول", 10, False),
    ("نوفمبر", 11, False), ("نونبر", 11, False),
    ("تشرين الثاني", 11, False), ("تشرين ثاني", 11, False),
    ("ديسمبر", 12, False), ("دجنبر", 12, False),
    ("كانون الاول", 12, False), ("كانون اول", 12, False),
)

HIJRI_MONTHS: tuple[tuple[str, int], ...] = (
    ("محرم", 1), ("صفر", 2),
    ("ربيع الاول", 3), ("ربيع اول", 3),
    ("ربيع الاخر", 4), ("ربيع الثاني", 4), ("ربيع ثاني", 4),
    ("جمادي الاولي", 5), ("جمادي الاول", 5),
    ("جمادي الاخره", 6), ("جمادي الاخر", 6), ("جمادي الثانيه", 6),
    ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10),
    ("ذو القعده", 11), ("ذي القعده", 11), ("ذوالقعده", 11),
    ("ذو الحجه", 12), ("ذي الحجه", 12), ("ذوالحجه", 12),
)

# Weekday stems (after ال) -> Python weekday (Monday = 0).
WEEKDAYS: tuple[tuple[str, int], ...] = (
    ("اثنين", 0), ("ثلاثاء", 1), ("اربعاء", 2), ("خميس", 3),
    ("جمعه", 4), ("سبت", 5), ("احد", 6),
)

# Ordinal day words used as "الخامس من مارس" (stem after ال -> day).
_UNITS_ORD = (
    ("حادي", 1), ("ثاني", 2), ("ثالث", 3), ("رابع", 4), ("خامس", 5),
    ("سادس", 6), ("سابع", 7), ("ثامن", 8), ("تاسع", 9),
)
ORDINAL_DAYS: tuple[tuple[str, int], ...] = (
    ("اول", 1),
    *_UNITS_ORD[1:],
    ("عاشر", 10),
    *((f"{w} عشر", n + 10) for w, n in _UNITS_ORD),
    ("عشرين", 20),
    *((f"{w} والعشرين", n + 20) for w, n in _UNITS_ORD),
    ("ثلاثين", 30),
    ("حادي والثلاثين", 31),
)

# Relative modifiers after a unit or a name, grouped by direction.
REL_LAST = ("الماضي", "المنصرم", "الفايت", "السابق")
REL_NEXT = ("المقبل", "القادم")
REL_CURRENT = ("الجاري", "الحالي")

# Deictic day words -> offset from the reference date.
DAY_WORDS: tuple[tuple[str, int], ...] = (
    ("امس الاول", -2), ("اول امس", -2), ("اول من امس", -2),
    ("بعد غد", 2), ("بعد الغد", 2),
    ("اليوم", 0), ("امس", -1), ("الامس", -1), ("بالامس", -1), ("البارحه", -1),
    ("غدا", 1), ("الغد", 1), ("غد", 1),
)

# Times of day that may head an expression ("مساء أمس", "فجر الجمعة").
TIMES_OF_DAY = ("صباح", "مساء", "ظهر", "ظهيره", "عصر", "فجر", "ليل", "ليله", "ضحي",
                "منتصف نهار")

# One-word time adverbials, normalized: what may stand between a verb and its subject or
# object ("قصفت فجر اليوم مواقع", "أعلن يوم الأربعاء أن", "قتل أمس 5").
# A weekday without the article only when it cannot be read otherwise: bare "أحد" is "one
# of" ("وقال أحد المسؤولين"), "اثنين" two, "خميس" and "جمعة" are names.
_BARE_WEEKDAYS_OTHERWISE = frozenset({"احد", "اثنين", "خميس", "جمعه"})
TIME_WORDS: frozenset[str] = frozenset(
    [w for w, _ in DAY_WORDS if " " not in w] + [w for w in TIMES_OF_DAY if " " not in w] +
    [p + w for w, _ in WEEKDAYS for p in ("", "ال")
     if p or w not in _BARE_WEEKDAYS_OTHERWISE] +
    ["يوم", "ليلا", "صباحا", "مساء", "الماضي", "الماضيه", "الليله"])

SEASONS: dict[str, tuple[int, int]] = {  # season -> (first month, last month)
    "ربيع": (3, 5), "صيف": (6, 8), "خريف": (9, 11), "شتاء": (12, 2),
}

# Counted duration units (after a number), duals (alone) and vague plurals.
DURATION_UNITS = (
    "ثانيه", "ثوان", "ثواني", "دقيقه", "دقايق", "ساعه", "ساعات", "يوم", "يوما", "ايام",
    "اسبوع", "اسبوعا", "اسابيع", "شهر", "شهرا", "اشهر", "شهور", "سنه", "سنوات", "سنين",
    "عام", "عاما", "اعوام", "عقود", "قرن", "قرون",
)
DURATION_DUALS = (
    "ثانيتين", "دقيقتين", "ساعتين", "يومين", "اسبوعين", "شهرين", "سنتين", "عامين",
    "عقدين", "قرنين",
)
VAGUE_PLURALS = ("ساعات", "ايام", "اسابيع", "اشهر", "شهور", "سنوات", "اعوام", "عقود")

_NUM_UNITS = ("ثلاث", "اربع", "خمس", "ست", "سبع", "ثماني", "تسع")
NUMBER_WORDS: tuple[str, ...] = (
    "واحد", "اثنين", "اثنان", "ثمان", "عشر", "عشره", "احد عشر", "احدي عشره",
    "اثنا عشر", "اثني عشر", "اثنتا عشره", "اثنتي عشره", "بضع", "بضعه", "عده",
    "عشرين", "عشرون", "ثلاثين", "ثلاثون", "اربعين", "اربعون", "خمسين", "خمسون",
    "ستين", "ستون", "سبعين", "سبعون", "ثمانين", "ثمانون", "تسعين", "تسعون",
    "مئه", "مايه",
    *_NUM_UNITS,
    *(w + "ه" for w in _NUM_UNITS),
    *(f"{w} عشر" for w in _NUM_UNITS),
    *(f"{w}ه عشر" for w in _NUM_UNITS),
)

# Words around "اليوم" that make it "the day" rather than "today".
TODAY_BLOCK_BEFORE = frozenset({"العرب", "روسيا", "المصري", "ذلك", "نفس", "ذات", "تلك"})
TODAY_BLOCK_AFTER = frozenset({
    "السابع", "التالي", "الذي", "نفسه", "ذاته", "الاول", "الثاني", "الثالث", "الرابع",
    "الخامس", "السادس", "الثامن", "التاسع", "العاشر", "الاخير", "السابق", "الاخر",
    "العالمي", "الوطني", "الدولي", "الموعود", "الواحد",
})
SAME_DAY_AFTER = frozenset({"نفسه", "ذاته"})
TOMORROW_BLOCK_BEFORE = frozenset({"صحيفه", "جريده", "حزب", "تيار", "قناه", "موقع"})
# A weekday after these words names a place or a thing, not a day: "سوق الجمعة" (Souq
# al-Jumaa, a Tripoli district), "مسجد الجمعة".
WEEKDAY_BLOCK_BEFORE = frozenset({"سوق", "لسوق", "بسوق", "وسوق", "مسجد", "جامع"})

# Nouns that look like a future verb (س + imperfect prefix) but are not.
FUTURE_FALSE_WORDS = frozenset({
    "سيد", "سيده", "ست", "سته", "ستين", "ستون", "سنه", "سنتين", "سنين", "سنوات", "سنويا",
    "سنوي", "سنويه", "سيل", "سيول", "سيف", "سيناء", "سيارات", "سياره", "سيطره",
})
FUTURE_FALSE_PREFIXES = ("سياس", "سيطر", "سيار", "سينا", "سيرغي", "سيرجي", "سنغ", "ستوك",
                         "ستار", "سنو", "سيول")
FUTURE_CUE_WORDS = frozenset({"سوف", "المقرر", "المرتقب", "المزمع", "يعتزم", "تعتزم",
                              "المنتظر", "المتوقع", "ستبدا", "سيبدا"})
# Planning words that put the whole clause after them in the future ("ومن المقرر أن تعقد
# الجولة المقبلة في نور سلطان خلال شهر أكتوبر"), however far the date comes after them.
PLAN_CLAUSE_WORDS = frozenset({"المقرر", "المزمع", "المرتقب", "يعتزم", "تعتزم", "سوف"})
# Cues that put a bare midnight at the end of the reference day (a truce "from midnight").
MIDNIGHT_FUTURE_CUES = ("وقف اطلاق", "وقف لاطلاق", "وقف النار", "الهدنه", "التهدئه",
                        "حيز التنفيذ", "اعتبارا من", "ابتداء من", "بدءا من", "سيدخل",
                        "يدخل")


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """Regex alternation of words, longest first, spaces matching any whitespace run."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def key(text: str) -> str:
    """Lookup key for a matched name: whitespace collapsed."""
    return " ".join(text.split())


@cache
def month_table() -> dict[str, int]:
    return {name: num for name, num, _ in MONTHS}


@cache
def hijri_table() -> dict[str, int]:
    return dict(HIJRI_MONTHS)


@cache
def weekday_table() -> dict[str, int]:
    return dict(WEEKDAYS)


@cache
def ordinal_table() -> dict[str, int]:
    return dict(ORDINAL_DAYS)


@cache
def day_word_table() -> dict[str, int]:
    return dict(DAY_WORDS)
