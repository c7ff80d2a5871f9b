"""Shared cleaning helpers: lexicon, line tests, outlets, URL dates, pasted markup.

Word lists live in ``rasad/data/clean_lexicon.yaml`` and are loaded once, on first use.
Marker tests run on normalized text (:func:`rasad.text.normalize.norm`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlparse

from rasad.text.normalize import norm

URL_DATE = re.compile(r"/((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)")
URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?:[/_.-]|$)")
SOURCE_PREFIX = re.compile(r"^\W*(?:المصدر|مصدر الخبر|source)\s*[:：/]\s*(.{2,60}?)\s*$", re.I)
ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,10});", re.I)
INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\xad]")
# WordPress-style shortcodes: the content of these is dropped with them; any other
# shortcode tag is removed and its content kept.
_SC_DROP = re.compile(
    r"\[(caption|embed|video|audio|gallery|playlist|su_button|button|su_youtube|tweet|"
    r"related_posts|ads?|adsense)\b[^\]]{0,400}\].{0,3000}?\[/\1\]", re.I | re.S)
_SC_TAG = re.compile(r"\[/?[a-z][a-z0-9_-]*(?:\s[^\]\n]*)?\]", re.I)
_HTML_TAG = re.compile(
    r"<(?:/?(?:p|div|span|a|br|li|ul|ol|table|tr|td|th|h[1-6]|article|section|header|footer|"
    r"nav|aside|main|strong|em|b|i|u|font|img|figure|figcaption|blockquote|script|style|meta|"
    r"link|body|html|head|title|iframe|form|input|button|label|time|center|hr)\b[^<>]*|!doctype"
    r"[^<>]*|!--)>?", re.I)
_FULL_DOC = re.compile(r"<(?:!doctype|html|head|body)\b", re.I)


@dataclass(frozen=True, slots=True)
class Lexicon:
    markers: frozenset[str]
    marker_prefix: re.Pattern[str]
    related: re.Pattern[str]
    boiler: re.Pattern[str]
    labels: frozenset[str]
    generic: frozenset[str]
    agency: re.Pattern[str]
    credit: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cleaning word lists (data/clean_lexicon.yaml), normalized, loaded once."""
    import yaml

    raw = yaml.safe_load((resources.files("rasad") / "data" / "clean_lexicon.yaml")
                         .read_text(encoding="utf-8"))

    def words(key: str) -> list[str]:
        return [" ".join(norm(str(w)).split()) for w in raw.get(key) or []]

    markers = words("section_markers")
    related = words("related_markers")
    return Lexicon(
        markers=frozenset(markers),
        marker_prefix=re.compile(rf"^(?:{_alternation(markers)})(?!\w)"),
        related=re.compile(rf"^و?(?:{_alternation(related)})(?!\w)"),
        boiler=re.compile(rf"(?<!\w)(?:{_alternation(words('boilerplate_phrases'))})(?!\w)"),
        labels=frozenset(words("section_labels")),
        generic=frozenset(words("generic_sources")),
        agency=re.compile(rf"^(?:{_alternation(words('agencies'))})$"),
        credit=re.compile(rf"[(\[]\s*(?:{_alternation(words('photo_credits'))})\s*[)\]]\W*$"),
    )


_COUNTER = re.compile(r"[(\[]\s*\d+\s*[)\]]|\d+")
_NONWORD = re.compile(r"[^\w\s©*]")


def bare_n(n: str) -> str:
    """bare() of an already normalized string."""
    s = _COUNTER.sub(" ", n)
    s = _NONWORD.sub(" ", s)
    return " ".join(s.split())


def bare(line: str) -> str:
    """Normalized line without punctuation, counters, emoji and bullets, for marker tests."""
    return bare_n(norm(line))


def is_section_marker(line: str, nwords: int, n: str | None = None,
                      b: str | None = None) -> bool:
    """A line that opens comments, 'most read', tags, share bars and the like; also a marker
    followed by a colon and a list ("الوسوم: إدلب، روسيا"). `n` is norm(line) and `b`
    bare(line) when known."""
    lx = lexicon()
    n = norm(line) if n is None else n
    if ":" in n or "：" in n:
        head = bare_n(re.split(r"[:：]", n, maxsplit=1)[0])
        if head and len(head.split()) <= 3 and head in lx.markers and head != "عاجل":
            return True
    if nwords > 6:
        return False
    b = bare_n(n) if b is None else b
    if not b:
        return False
    return b in lx.markers or (nwords <= 4 and bool(lx.marker_prefix.match(b)))


def related_marker(line: str, n: str | None = None, b: str | None = None
                   ) -> tuple[bool, bool]:
    """(is a "read also" marker, the related headline follows on the same line)."""
    n = norm(line) if n is None else n
    b = bare_n(n) if b is None else b
    m = lexicon().related.match(b)
    if not m:
        return False, False
    rest = b[m.end():].strip()
    if not rest:
        return True, False
    # "اقرأ أيضا: headline" — the marker is followed by a colon or dash, or the line is short
    if re.search(r"[:：\-–|]", n[:40]) or len(rest.split()) <= 2:
        return True, bool(rest)
    return False, False


def has_boiler_phrase(line: str, n: str | None = None) -> bool:
    return bool(lexicon().boiler.search(norm(line) if n is None else n))


def is_section_label(text: str, b: str | None = None) -> bool:
    b = bare(text) if b is None else b
    if not b:
        return True
    lx = lexicon()
    if b in lx.labels:
        return True
    parts = b.split()
    # "أخبار سوريا", "أخبار تركيا": a section of the site
    return (len(parts) == 2 and parts[0] in ("اخبار", "الاخبار")) or (
        len(parts) <= 3 and all(p in lx.labels for p in parts))


def is_generic_source(name: str) -> bool:
    b = bare(name)
    lx = lexicon()
    return not b or b in lx.generic or all(p in lx.generic for p in re.split(r"\s+و?", b) if p)


def is_agency(name: str) -> bool:
    return bool(lexicon().agency.match(bare(name)))


def has_photo_credit(line: str, n: str | None = None) -> bool:
    return bool(lexicon().credit.search(norm(line) if n is None else n))


def unescape(text: str) -> str:
    """HTML entities decoded (scraped text often keeps &quot; &nbsp; &#8211;)."""
    if "&" in text and ENTITY.search(text):
        text = html.unescape(text)
    return text.replace("\xa0", " ")


def strip_shortcodes(text: str) -> str:
    """WordPress shortcodes removed (captions, embeds and buttons with their content)."""
    if "[" not in text:
        return text
    text = _SC_DROP.sub(" ", text)
    return _SC_TAG.sub(" ", text)


def looks_like_html(text: str) -> bool:
    """True when text is markup rather than scraped text (also when pasted into .txt)."""
    head = text[:20000]
    if "<" not in head:
        return False
    if _FULL_DOC.search(head[:3000]):
        return True
    tags = _HTML_TAG.findall(head)
    if len(tags) < 4:
        return False
    tag_chars = sum(len(t) for t in tags)
    lines = [ln for ln in head.split("\n") if ln.strip()]
    tagged = sum(1 for ln in lines if "<" in ln and ">" in ln)
    return tag_chars > 0.05 * len(head) or tagged >= 0.4 * len(lines)


def is_full_document(markup: str) -> bool:
    return bool(_FULL_DOC.search(markup[:5000]))


_ARABIC_CHARS = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_LATIN_CHARS = re.compile("[A-Za-z]")


def detect_language(text: str) -> str:
    """'ar' when Arabic letters dominate; 'en' for Latin script; 'und' otherwise."""
    head = text[:20000]
    arabic = len(_ARABIC_CHARS.findall(head))
    latin = len(_LATIN_CHARS.findall(head))
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
    if not host or re.fullmatch(r"[\d.]+", host):  # a bare IP names no outlet
        return None
    return host


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


_COPYRIGHT = re.compile(
    r"(?:جميع\s+)?(?:حقوق\s+(?:النشر|الطبع)\s+)?(?:الحقوق\s+)?محفوظة|©|\(c\)|copyright|"
    r"all rights reserved|\b(?:19|20)\d\d\b|[|.\-–—_]", re.I)
_OWNER_PREFIX = re.compile(r"^ل(?:موقع|شبكة|قناة|مجموعة|صحيفة|جريدة|وكالة|مؤسسة)\s+")
_OWNER_SUFFIX = re.compile(r"\s+(?:الإعلامية|الاعلامية|الإعلامي|الاعلامي)$")


def outlet_from_copyright(line: str) -> str | None:
    """'جميع الحقوق محفوظة لموقع دار الخبر 2021' -> 'دار الخبر'; None when no name is left."""
    if not re.search(r"©|محفوظة|copyright|\(c\)", line, re.I):
        return None
    s = " ".join(_COPYRIGHT.sub(" ", line).split())
    if _OWNER_PREFIX.match(s):
        s = _OWNER_SUFFIX.sub("", _OWNER_PREFIX.sub("", s))
    elif s.startswith("ل") and len(s) > 3 and s[1] in "اأإآ":
        s = s[1:]  # "لإذاعة الوادي" -> "إذاعة الوادي"
    s = s.strip()
    if not s or len(s.split()) > 4 or not re.search(r"[\u0600-\u06FFA-Za-z]", s):
        return None
    if re.search(r"\b(?:maintained|developed|designed|powered)\b|تصميم|برمجة", s, re.I):
        return None
    if is_generic_source(s) or is_section_label(s):
        return None
    return s


def parse_explicit_date(line: str) -> str | None:
    """An explicit absolute date at day precision in a short line, else None."""
    from rasad.time import parse_date_text

    res = parse_date_text(line)
    if res and res[1] == "day":
        return res[0]
    return None
