"""Regular expressions for time expressions, over normalized text.

Each rule is one regex; rules are tried in priority order at a word and the first that
matches wins, so longer and more specific rules come first. To stay fast, the scanner only
tries a word that can start some rule, and only with those rules: `start_classes` maps such
words to classes, `_STARTS` gives each rule its classes, and `master_for` compiles (once) the
union of the rules for a set of classes. `master` holds every rule, for the tests' reference
scan over every position. Inside a rule every group name carries the marker "§", replaced by
"<rule>_" when a pattern is compiled, so rules can reuse fragment names. Each rule has a
``core`` group: the span of the expression; a cue before it ("في" before a month name) is a
look-behind, not part of the match.
"""

from __future__ import annotations

import re
from functools import cache

from rasad.time import lexicon as lx

WB = r"(?<!\w)"  # word start
WE = r"(?!\w)"  # word end
CONJ = r"(?:[وف])?"  # conjunction clitic, kept out of the span


@cache
def _f() -> dict[str, str]:
    """Shared fragments (plain strings; cached so they are built once)."""
    all_months = [name for name, _, _ in lx.MONTHS]
    clear_months = [name for name, _, amb in lx.MONTHS if not amb]
    rel_m = lx.REL_LAST + lx.REL_NEXT + lx.REL_CURRENT
    rel_f = tuple(w + "ه" for w in rel_m)
    f = {
        "MON": f"(?:{lx.alternation(all_months)}){WE}",
        "MONU": f"(?:{lx.alternation(clear_months)}){WE}",
        "HMON": f"(?:{lx.alternation([n for n, _ in lx.HIJRI_MONTHS])}){WE}",
        "WD": f"(?:بال|ال)(?:{lx.alternation([n for n, _ in lx.WEEKDAYS])}){WE}",
        "MREL": f"(?:{lx.alternation(rel_m)}){WE}",
        "YREL": f"(?:(?:قبل\\s+)?(?:{lx.alternation(rel_m + rel_f)})){WE}",
        "ORD": f"(?:{lx.alternation([n for n, _ in lx.ORDINAL_DAYS])}){WE}",
        "DAYW": f"(?:{lx.alternation([n for n, _ in lx.DAY_WORDS])}){WE}",
        "TOD": f"(?:منتصف\\s+ليله?|{lx.alternation(lx.TIMES_OF_DAY)}){WE}",
        "SEASON": f"(?:{lx.alternation(list(lx.SEASONS))}){WE}",
        "UNIT": f"(?:{lx.alternation(lx.DURATION_UNITS)}){WE}",
        "DUAL": f"(?:{lx.alternation(lx.DURATION_DUALS)}){WE}",
        "VAGUE": f"(?:{lx.alternation(lx.VAGUE_PLURALS)}){WE}",
        "NUMW": f"(?:ال)?(?:{lx.alternation(lx.NUMBER_WORDS)}){WE}",
    }
    f["NUMD"] = r"(?:ال|لل|ل|ب)?(?<![\d.,])\d{1,4}(?:[.,]\d+)?(?!\d)"
    f["DURREL"] = (r"(?:الماضيه|الماضيين|الماضي|الاخيره|الاخيرين|الاخير|المقبله|المقبلين"
                   r"|المقبل|القادمه|القادمين|القادم|المنصرمه)" + WE)
    f["WDTAIL"] = rf"(?:\s*\(\s*{f['WD']}\s*\)|\s*,?\s*{f['WD']})"
    f["HSUF"] = rf"(?:\s*ه{WE}|\s+هجريه?{WE})"
    f["UNIT_WORD"] = r"(?:(?:بال|لل|ال|ب|ل)?(?:عام|سنه))"
    return f


def _day(name: str = "d") -> str:
    return rf"(?:ال|لل|بال|ب|ل)?(?<!\d)(?<!\d[.,/])(?P<§{name}>0?[1-9]|[12]\d|3[01])(?![\d:])"


def _year(name: str = "y") -> str:
    return rf"(?P<§{name}>19\d\d|20\d\d|2100)(?!\d|[.,:]\d)(?:\s*م{WE}|\s+ميلاديه?{WE})?"


def _hyear(name: str = "hy") -> str:
    return rf"(?P<§{name}>1[34]\d\d)(?!\d|[.,]\d)"


def _monthx(name: str = "m") -> str:
    """A month name, optionally paired with its other-system name: "مارس (آذار)"."""
    mon = _f()["MON"]
    return rf"(?P<§{name}>{mon})(?:\s*[/\\(-]\s*(?P<§{name}p>{mon})(?:\s*\))?)?"


def _year_num_part(name: str = "y") -> str:
    return rf"\s*,?\s*(?:من\s+)?(?:{_f()['UNIT_WORD']}\s+)?{_year(name)}"


def _year_rel_part(name: str = "yr") -> str:
    return rf"\s*,?\s*(?:من\s+)?(?:ال)?(?:عام|سنه)\s+(?P<§{name}>{_f()['YREL']})"


def _cue_behind(words: tuple[str, ...]) -> str:
    """A cue word just before (one space), not consumed: "في مارس" matches at "مارس"."""
    return "(?:" + "|".join(rf"(?<=(?<!\w){w} )|(?<=(?<!\w)[وف]{w} )" for w in words) + ")"


def _no_newline(pattern: str) -> str:
    """Whitespace inside an expression never crosses a line break."""
    return pattern.replace(r"\s", r"[^\S\n]")


@cache
def _rules() -> list[tuple[str, str]]:
    f = _f()
    wd, mrel, yrel = f["WD"], f["MREL"], f["YREL"]
    to = r"\s*(?:الي|حتي|-|/)\s*"
    and_to = r"\s*(?:و|الي|حتي|-)\s*"
    month_cue = _cue_behind(("في", "منذ", "خلال", "حتي", "قبل", "بعد", "مطلع", "اوايل", "اواخر",
                             "منتصف", "اواسط", "بدايه", "نهايه", "مستهل", "غضون"))
    year_cue = _cue_behind(("في", "منذ", "خلال", "حتي", "بحلول", "قبل", "بعد", "مطلع", "اوايل",
                            "اواخر", "منتصف", "اواسط", "بدايه", "نهايه", "مستهل"))
    not_counted = (r"(?!\s*(?:الف|الاف|مليون|ملايين|مليار|شخص|اشخاص|مدني|مدنيا|مدنيين|قتيل|"
                   r"قتيلا|جريح|جريحا|جندي|جنديا|جنود|عنصر|عنصرا|مقاتل|مقاتلا|طفل|طفلا|اطفال|"
                   r"عايله|اسره|منزل|منازل|موقع|مواقع|حاله|حالات|طن|دولار|يورو|ليره|كيلو|متر|"
                   r"نازح|نازحا|لاجي|لاجيا|معتقل|معتقلا|هدف|اهداف|غاره|غارات|صاروخ|صواريخ|"
                   r"قذيفه|مره|نقطه|سجين|سجينا|برميل|ميل|فرد|عسكري|عسكريا)" + WE + ")")
    num = rf"(?:{f['NUMD']}|{f['NUMW']})"
    bound_cue = _cue_behind(("مطلع", "اوايل", "اواخر", "منتصف", "اواسط", "بدايه", "نهايه",
                             "مستهل"))
    dur_cue = _cue_behind(("خلال", "غضون", "لمده", "مده", "طيله", "طوال", "قبل", "بعد", "نحو",
                           "حوالي", "منذ"))
    bare_unit = (rf"(?:ساعه|يوم|اسبوع|شهر|عام|سنه|عقد|قرن){WE}"
                 rf"(?!\s*(?:{f['MON']}|{f['HMON']}|{wd}|\d|من\s+\d))")
    return [
        ("midnight_wd", rf"(?P<§core>منتصف\s+ليله?\s+(?:يوم\s+)?(?P<§a>{wd}){to}"
                        rf"(?:يوم\s+)?(?P<§b>{wd}))"),
        ("night_wd", rf"(?P<§core>(?:ليل|ليله)\s+(?P<§a>{wd}){to}(?P<§b>{wd}))"),
        ("midnight", r"(?P<§core>منتصف\s+الليل(?:ه)?)" + WE),
        ("tod", rf"(?P<§core>(?P<§t>{f['TOD']})\s+(?:يوم\s+)?(?:(?P<§rel>{f['DAYW']})"
                rf"(?:{f['WDTAIL']})?|(?P<§wd>{wd})(?:\s+(?P<§r>{yrel}))?))"),
        ("tonight", r"(?P<§core>(?:هذا\s+(?:الصباح|المساء)|هذه\s+الليله|الليله"
                    r"(?:\s+(?P<§r>الماضيه|المقبله|القادمه))?))" + WE),
        ("range_dmdm", rf"(?P<§core>(?:بين|من)\s+{_day('d1')}\s+(?:من\s+)?{_monthx('m1')}"
                       rf"(?:\s+{_year('y1')})?{and_to}{_day('d2')}\s+(?:من\s+)?{_monthx('m2')}"
                       rf"(?:{_year_num_part('y2')})?)"),
        ("range_dm", rf"(?P<§core>(?:(?:بين|من)\s+)?{_day('d1')}{and_to}{_day('d2')}\s+"
                     rf"(?:من\s+)?(?:شهر\s+)?{_monthx('m')}"
                     rf"(?:{_year_num_part('y')}|\s+(?P<§r>{mrel}))?)"),
        ("range_m", rf"(?P<§core>(?:بين|من)\s+(?:شهري?\s+)?{_monthx('m1')}{and_to}"
                    rf"(?:شهر\s+)?{_monthx('m2')}(?:{_year_num_part('y')})?)"),
        ("range_y", rf"(?P<§core>(?:(?:بين|من)\s+(?:عامي|العامين|سنتي|(?:ال)?عام|(?:ال)?سنه)"
                    rf"|عامي|العامين)\s+{_year('y1')}{and_to}(?:(?:ال)?(?:عام|سنه)\s+)?"
                    rf"{_year('y2')})"),
        ("dmy", rf"(?P<§core>(?:{wd}(?:\s+{mrel})?\s*,?\s*)?{_day()}\s*(?:من\s+)?(?:شهر\s+)?{_monthx()}"
                rf"{_year_num_part()})"),
        ("hdmy", rf"(?P<§core>{_day()}\s*(?:من\s+)?(?:شهر\s+)?(?P<§hm>{f['HMON']})\s*,?\s*"
                 rf"(?:(?:ال)?(?:عام|سنه)\s+)?{_hyear()}(?:{f['HSUF']})?)"),
        ("ydm", rf"(?P<§core>{_year()}\s+{wd}\s*,?\s*{_day()}\s+{_monthx()})"),
        ("numeric", rf"(?P<§core>(?:{wd}\s*,?\s*)?(?<![\d/.\-:])(?P<§a>\d{{1,2}})\s?"
                    r"(?P<§s>[/.\-])\s?(?P<§b>\d{1,2})\s?(?P=§s)\s?(?P<§y>(?:19|20)\d\d))"
                    r"(?!\d|[/.\-:]\d)"),
        ("iso", r"(?P<§core>(?<![\d/.\-:])(?P<§y>(?:19|20)\d\d)(?P<§s>[/.\-])(?P<§a>\d{1,2})"
                r"(?P=§s)(?P<§b>\d{1,2}))(?!\d|[/.\-]\d)"),
        ("month_part", rf"(?P<§core>(?:ال)?(?:نصف|اسبوع|عشر|ثلث)\s+(?:الاول|الثاني|الثالث|"
                       rf"الرابع|الاخير|الاوسط)\s+من\s+(?:شهر\s+)?{_monthx()}"
                       rf"(?:{_year_num_part()}|{_year_rel_part()}|\s+(?P<§r>{mrel}))?)"),
        ("ord_dm", rf"(?P<§core>(?:بال|لل|ال)(?P<§o>{f['ORD']})\s+من\s+(?:شهر\s+)?{_monthx()}"
                   rf"(?:{_year_num_part()}|{_year_rel_part()}|\s+(?P<§r>{mrel}))?)"),
        # "في السابع من الشهر الجاري", "في 14 من الشهر الماضي", "في الرابع عشر من الشهر":
        # a day of a month named relative to the reference (bare "الشهر": the current one)
        ("day_rel_month", rf"(?P<§core>(?:(?:بال|لل|ال)(?P<§o>{f['ORD']})|{_day()})\s+من\s+"
                          rf"الشهر(?:\s+(?P<§r>{mrel}))?{WE})"),
        ("dm", rf"(?P<§core>(?:{wd}(?:\s+{mrel})?\s*,?\s*)?{_day()}\s*(?:من\s+)?(?:شهر\s+)?{_monthx()}"
               rf"(?:{_year_rel_part()}|\s+(?P<§r>{mrel}))?)"),
        ("my", rf"(?P<§core>(?:شهر\s+)?{_monthx()}{_year_num_part()})"),
        ("hmy", rf"(?P<§core>(?:شهر\s+)?(?P<§hm>{f['HMON']})\s*,?\s*(?:(?:ال)?(?:عام|سنه)\s+)?"
                rf"{_hyear()}(?:{f['HSUF']})?)"),
        ("hy", rf"(?P<§core>(?:{f['UNIT_WORD']}\s+)?{_hyear()}{f['HSUF']})"),
        ("month_rel", rf"(?P<§core>(?:شهر\s+)?{_monthx()}(?:{_year_rel_part()}|\s+(?P<§r>{mrel})))"),
        ("month_bare", rf"(?:{month_cue}(?P<§core>(?:شهر\s+)?"
                       rf"(?P<§m>{f['MONU']})(?:\s*[/\\(-]\s*(?P<§mp>{f['MON']})(?:\s*\))?)?)"
                       rf"|(?P<§core2>شهر\s+{_monthx('m2')}))"),
        ("quarter", rf"(?P<§core>(?:ال)?ربع\s+(?:الاول|الثاني|الثالث|الرابع|الاخير)\s+(?:من\s+)?"
                    rf"(?:(?:ال)?(?:عام|سنه)\s+)?{_year()})"),
        ("year", rf"(?P<§core>{f['UNIT_WORD']}\s+{_year()})"),
        ("year_weak", rf"{year_cue}(?P<§core>{_year()}){not_counted}"),
        ("unit_bound", rf"{bound_cue}(?P<§core>(?:ال)(?P<§u>شهر|عام|سنه|اسبوع))"
                       rf"(?!\s*(?:{mrel}|{yrel}|\d|{f['MON']}))"),
        ("week_rel", rf"(?P<§core>(?:بال|لل|ال)اسبوع\s+(?P<§r>(?:قبل\s+)?{mrel})|هذا\s+الاسبوع{WE})"),
        ("month_unit_rel", rf"(?P<§core>(?:بال|لل|ال)شهر\s+(?P<§r>(?:قبل\s+)?{mrel})"
                           rf"|هذا\s+الشهر{WE})"),
        ("year_unit_rel", rf"(?P<§core>(?:بال|لل|ال)(?:عام|سنه)\s+(?P<§r>{yrel})"
                          rf"|(?:هذا\s+العام|هذه\s+السنه){WE})"),
        ("season", rf"(?P<§core>(?:بال|لل|ال)(?P<§s>{f['SEASON']})\s+(?P<§r>{mrel})"
                   rf"|هذا\s+ال(?P<§s2>{f['SEASON']})"
                   rf"|(?P<§s3>{f['SEASON']})\s+(?:(?:ال)?عام\s+)?{_year()}"
                   rf"|(?P<§s4>{f['SEASON']})\s+(?:ال)?(?:عام|سنه)\s+(?P<§r2>{yrel}))"),
        ("rel_day", rf"(?P<§core>(?P<§w>{f['DAYW']})(?:{f['WDTAIL']})?)"),
        ("weekday", rf"(?P<§core>(?P<§wd>{wd})(?!\s+عشر)(?:\s+(?P<§r>{yrel}))?)"),
        ("duration", rf"(?P<§core>(?:{num}\s+{f['UNIT']}(?:\s+(?:و\s*)?(?:{num}\s+{f['UNIT']}"
                     rf"|{f['DUAL']}))?|(?:ال)?{f['DUAL']}|{dur_cue}{bare_unit}|"
                     rf"(?:ساعه|يوم|اسبوع|شهر|سنه|عام)\s+"
                     rf"واحده?{WE}|ال{f['VAGUE']}(?=\s+(?:القليله\s+)?{f['DURREL']}))"
                     rf"(?:\s+(?:القليله\s+)?(?P<§r>{f['DURREL']}))?)"),
    ]


def rule_names() -> tuple[str, ...]:
    """Names of the rules, in priority order."""
    return tuple(name for name, _ in _rules())


# The kinds of word each rule can start with (see `start_classes`).
_STARTS: dict[str, tuple[str, ...]] = {
    "midnight_wd": ("night",), "night_wd": ("night",), "midnight": ("night",),
    "tod": ("night",), "tonight": ("this",),
    "range_dmdm": ("between",), "range_dm": ("between", "digit"), "range_m": ("between",),
    "range_y": ("between",),
    "dmy": ("wd", "digit"), "hdmy": ("digit",), "ydm": ("digit",),
    "iso": ("digit",), "ord_dm": ("ord",), "day_rel_month": ("ord", "digit"), "month_part": ("part",), "dm": ("wd", "digit"), "numeric": ("digit", "wd"),
    "my": ("month", "shahr"), "hmy": ("hmonth", "shahr"), "hy": ("unit", "digit"),
    "month_rel": ("month", "shahr"), "month_bare": ("month", "shahr"),
    "quarter": ("quarter",), "year": ("unit",), "year_weak": ("digit",),
    "unit_bound": ("relunit",),
    "week_rel": ("relunit", "this"), "month_unit_rel": ("relunit", "this"),
    "year_unit_rel": ("relunit", "this"), "season": ("season", "this"),
    "rel_day": ("dayword",), "weekday": ("wd",), "duration": ("digit", "num"),
}


def _compile(rules: list[tuple[str, str]]) -> re.Pattern[str]:
    parts = [f"(?P<{name}>{body.replace('§', name + '_')})" for name, body in rules]
    return re.compile(_no_newline(WB + CONJ + "(?:" + "|".join(parts) + ")"))


@cache
def master() -> re.Pattern[str]:
    """All rules in one pattern, for scanning every position (tests, reference)."""
    return _compile(_rules())


@cache
def master_for(classes: frozenset[str]) -> re.Pattern[str]:
    """The rules that can start with a word of one of these classes, in priority order."""
    return _compile([(n, b) for n, b in _rules() if classes.intersection(_STARTS[n])])


def _with_prefixes(words: list[str] | tuple[str, ...], prefixes: tuple[str, ...]) -> set[str]:
    stems = {w[2:] if w.startswith("ال") else w for w in words}
    return {p + s for s in stems for p in prefixes}


@cache
def start_classes() -> dict[str, frozenset[str]]:
    """Word -> the classes of rule starts it belongs to. A word holding a digit is class
    'digit' (not listed). Tests check that scanning only these words finds exactly what
    trying every position finds."""
    def first(words: list[str] | tuple[str, ...]) -> list[str]:
        return [w.split()[0] for w in words]

    defs = {"ال", "بال", "لل"}
    table: dict[str, set[str]] = {
        "night": set(first(lx.TIMES_OF_DAY)) | {"منتصف", "ليل", "ليله"},
        "this": {"هذا", "هذه", "الليله"},
        "between": {"بين", "من", "عامي", "العامين"},
        "quarter": {"ربع", "الربع"},
        "part": _with_prefixes(["نصف", "اسبوع", "عشر", "ثلث"], ("", "ال")),
        "wd": _with_prefixes([n for n, _ in lx.WEEKDAYS], ("ال", "بال")),
        "ord": _with_prefixes(first([n for n, _ in lx.ORDINAL_DAYS]), tuple(defs)),
        "month": set(first([n for n, _, _ in lx.MONTHS])),
        "shahr": {"شهر", "شهري"},
        "hmonth": set(first([n for n, _ in lx.HIJRI_MONTHS])),
        "unit": _with_prefixes(["عام", "سنه"], ("", "ال", "بال", "لل", "ب", "ل")),
        "relunit": _with_prefixes(["اسبوع", "شهر", "عام", "سنه"], tuple(defs)),
        "season": _with_prefixes(list(lx.SEASONS), ("", "ال", "بال", "لل")),
        "dayword": set(first([n for n, _ in lx.DAY_WORDS])),
        "num": (_with_prefixes(first(lx.NUMBER_WORDS), ("", "ال"))
                | _with_prefixes(lx.DURATION_DUALS, ("", "ال"))
                | {"ساعه", "يوم", "اسبوع", "شهر", "سنه", "عام", "عقد", "قرن"}
                | _with_prefixes(lx.VAGUE_PLURALS, ("ال",))),
    }
    out: dict[str, set[str]] = {}
    for cls, words in table.items():
        for w in words:
            out.setdefault(w, set()).add(cls)
    return {w: frozenset(c) for w, c in out.items()}


@cache
def lookback() -> re.Pattern[str]:
    """What may stand just before a core and belongs to the expression."""
    return re.compile(_no_newline(
        r"(?<!\w)[وف]?(?:(?P<since>منذ)\s+(?P<hedge>(?:ما\s+)?(?:يقرب|يزيد|يناهز)\s+(?:من|عن|علي)"
        r"\s+|نحو\s+|حوالي\s+|قرابه\s+|زهاء\s+|اكثر\s+من\s+|اقل\s+من\s+|ما\s+لا\s+يقل\s+عن\s+)?)?"
        r"(?P<bound>(?:بدايه|بدايات|مطلع|اوايل|اواسط|منتصف|اواخر|نهايه|مستهل)\s+)?"
        r"(?P<yawm>يوم\s+)?$"
    ))


@cache
def future_verb() -> re.Pattern[str]:
    """A future-tense verb: س + imperfect prefix (سيعقد، ستبدأ، سنحقق)."""
    return re.compile(r"(?<!\w)[وف]?س[يتن]\w{2,}")


