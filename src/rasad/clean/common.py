"""Shared cleaning helpers: language, outlet, URL dates, boilerplate phrases."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

from rasad.text.normalize import norm

# Section headers that end the article: what follows is sidebar, comments or footer.
HARD_MARKERS = [
    "التعليقات", "تعليقات", "اضف تعليق", "أضف تعليقك", "اترك تعليقا", "الأكثر قراءة",
    "الاكثر مشاهدة", "الأكثر مشاهدة", "أحدث الأخبار", "آخر الأخبار", "اخر الاخبار",
    "أخبار ذات صلة", "مواضيع ذات صلة", "مقالات ذات صلة", "أخبار متعلقة", "المزيد من الأخبار",
    "شارك الخبر", "شارك المقال", "تابعونا على", "كلمات مفتاحية", "الوسوم", "وسوم",
    "النشرة البريدية", "اشترك في النشرة", "جميع الحقوق محفوظة", "comments", "related",
    "related articles", "most read", "latest news", "share this", "tags",
    "أهم المواضيع", "أهم التصنيفات", "اقرأ المزيد", "إقرأ المزيد", "الأكثر تداولا",
]
# Inline "read also" markers: the marker and the headline(s) after it are dropped; the
# body may resume after them.
RELATED_MARKERS = [
    "اقرأ أيضا", "أقرأ أيضا", "إقرأ أيضا", "اقرأ ايضا", "قد يهمك أيضا", "قد يهمك ايضا",
    "قد يهمك", "اقرأ كذلك", "طالع أيضا", "شاهد أيضا", "ذات صلة", "read also", "see also",
    "read more",
]
BOILER_PHRASES = [
    "جميع الحقوق محفوظة", "©", "شروط الاستخدام", "سياسة الخصوصية", "البريد الإلكتروني",
    "البريد الالكتروني", "الإسم", "الاسم *", "تعليق *", "عنوان التعليق", "security code",
    "characters left", "إلزامي", "اشترك", "تسجيل الدخول", "لم تشترك بعد", "maintained and developed",
    "all rights reserved", "privacy policy", "cookies", "انشئ حسابا", "أنشئ حسابا",
]
SOURCE_PREFIX = re.compile(r"^\s*(المصدر|مصدر الخبر|source)\s*[:：]\s*(.{2,40}?)\s*$", re.I)
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)")
URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$)")


@lru_cache(maxsize=1)
def _norm_sets() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    hard = frozenset(norm(m).strip() for m in HARD_MARKERS)
    related = tuple(norm(m).strip() for m in RELATED_MARKERS)
    boiler = tuple(norm(m).strip() for m in BOILER_PHRASES)
    return hard, related, boiler


def _bare(line: str) -> str:
    """Normalized line without punctuation, counters and bullets, for marker tests."""
    s = norm(line).strip()
    s = re.sub(r"[\(\[]\s*\d+\s*[\)\]]", " ", s)
    s = re.sub(r"[^\w\s©]", " ", s)
    s = re.sub(r"\d+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def is_hard_marker(line: str) -> bool:
    b = _bare(line)
    return bool(b) and len(b.split()) <= 5 and b in _norm_sets()[0]


def is_related_marker(line: str) -> bool:
    """"اقرأ أيضا" alone, or followed by a colon and the related headline on the same line."""
    b = _bare(line)
    if not b or not any(b.startswith(m) for m in _norm_sets()[1]):
        return False
    return len(b.split()) <= 4 or bool(re.match(r"^\W*[\w\s]{3,20}?\s*[:：]", norm(line)))


def has_boiler_phrase(line: str) -> bool:
    n = norm(line)
    return any(p in n for p in _norm_sets()[2])


def detect_language(text: str) -> str:
    """'ar' when Arabic letters dominate; 'en' for Latin script; 'und' otherwise."""
    arabic = latin = 0
    for c in text[:20000]:
        if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f":
            arabic += 1
        elif c.isascii() and c.isalpha():
            latin += 1
    if arabic + latin < 20:
        return "und"
    if arabic >= 0.4 * (arabic + latin):
        return "ar"
    return "en" if latin > arabic else "und"


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower().split(":")[0]
    if host.startswith("www."):
        host = host[4:]
    return host or None


def date_from_url(url: str | None) -> str | None:
    """An ISO date from a URL path such as /2020/3/6/ or /20200306/."""
    if not url:
        return None
    path = urlparse(url).path
    for rx in (URL_DATE, URL_DATE_COMPACT):
        m = rx.search(path)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def parse_explicit_date(line: str) -> str | None:
    """An explicit absolute date at day precision in a short line, else None."""
    from rasad.time import parse_date_text

    res = parse_date_text(line)
    if res and res[1] == "day":
        return res[0]
    return None
