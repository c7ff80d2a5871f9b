"""Arabic display labels for codes (PLOVER types, modalities, figure categories, dates).

Codes stay visible next to the labels (in ``title`` attributes and the API): labels are for
reading, codes are the data contract.
"""

from __future__ import annotations

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")

TYPE_AR = {
    "AGREE": "اتفاق", "CONSULT": "تشاور", "SUPPORT": "دعم", "CONCEDE": "تنازل",
    "COOPERATE": "تعاون", "AID": "مساعدة", "RETREAT": "انسحاب وتهدئة", "REQUEST": "مطالبة",
    "ACCUSE": "اتهام", "REJECT": "رفض", "THREATEN": "تهديد", "PROTEST": "احتجاج",
    "SANCTION": "عقوبات", "MOBILIZE": "حشد", "COERCE": "إكراه", "ASSAULT": "هجوم",
}

MODALITY_AR = {"asserted": "", "planned": "مُزمع", "threatened": "تهديد به",
               "denied": "منفي", "hypothetical": "افتراضي", "reported": "منقول"}

CATEGORY_AR = {"killed": "قتلى", "injured": "جرحى", "displaced": "نازحون",
               "detained": "معتقلون", "attacks": "هجمات", "other": "أخرى"}

QUALIFIER_AR = {"exact": "", "approx": "نحو", "more_than": "أكثر من", "less_than": "أقل من"}

KIND_AR = {"person": "شخص", "government": "حكومة", "military": "قوات عسكرية",
           "armed_group": "جماعة مسلحة", "organization": "منظمة", "country": "دولة",
           "city": "مدينة", "town": "بلدة", "village": "قرية", "governorate": "محافظة",
           "region": "منطقة", "base": "قاعدة", "road": "طريق", "site": "موقع",
           "crossing": "معبر", "river": "نهر", "mountain": "جبل", "place": "مكان"}

PUBLISHED_FROM_AR = {"metadata": "بيانات الصفحة", "url": "الرابط", "dateline": "سطر التاريخ",
                     "text": "النص", "input": "المدخل", "estimated": "تقدير"}

# Both month-naming systems, as the seed pages write them: "مارس (آذار)"
MONTHS_AR = ("يناير/كانون الثاني", "فبراير/شباط", "مارس/آذار", "أبريل/نيسان", "مايو/أيار",
             "يونيو/حزيران", "يوليو/تموز", "أغسطس/آب", "سبتمبر/أيلول",
             "أكتوبر/تشرين الأول", "نوفمبر/تشرين الثاني", "ديسمبر/كانون الأول")


def type_ar(code: str | None) -> str:
    return TYPE_AR.get(code or "", code or "—")


def date_ar(value: str | None) -> str:
    """'2020-03-05' -> '5 مارس/آذار 2020'; '2020-03' -> 'مارس/آذار 2020'; None -> 'بلا تاريخ'."""
    if not value:
        return "بلا تاريخ"
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS_AR[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS_AR[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return value
    return value


def quantity(q: float | int | None) -> str:
    if q is None:
        return "?"
    f = float(q)
    return f"{int(f):,}" if f.is_integer() else f"{f:,}"


def plural(n: int, one: str, two: str, few: str, many: str) -> str:
    """Arabic counted noun: 1 مصدر واحد، 2 مصدران، 3–10 مصادر، 11+ مصدرًا."""
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{n} {few}"
    return f"{n:,} {many}"


def n_outlets(n: int) -> str:
    return plural(n, "مصدر واحد", "مصدران", "مصادر", "مصدرًا")


def n_pages(n: int) -> str:
    return plural(n, "صفحة واحدة", "صفحتان", "صفحات", "صفحة")


def n_events(n: int) -> str:
    return plural(n, "حدث واحد", "حدثان", "أحداث", "حدثًا")
