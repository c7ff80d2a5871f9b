"""Numbers in Arabic news text: digits, Eastern digits, number words and their composites.

``find_numbers(text)`` returns every quantity written in a text, with its span in that text:

- digits: ``1800``, ``1,800`` and ``1.800`` (thousands groups), ``3.7`` and ``2,5`` (decimals),
  ``٣`` (Eastern digits, via :func:`rasad.text.normalize.normalize`), ``3٫7``;
- words: units (واحد، ثلاثة …; أحد/إحدى/اثنا only inside a teen), teens (ثلاثة عشر، إحدى عشرة),
  tens (عشرون/عشرين …), hundreds (مئة/مائة، مئتان/مئتي، ثلاثمئة، ثلاث مئة), scales
  (ألف/ألفا/آلاف/ألفين، مليون/ملايين/مليونين، مليار/مليارات), fractions of a scale
  (نصف مليون، مليون ونصف);
- composites: ``250 ألف``, ``مليون و300 ألف`` (1,300,000), ``ثلاثة وثلاثين`` (33),
  ``مئة وخمسين ألفا`` (150,000), ``24 ألفأ`` (a common typo of ألفا; normalization makes it ألفا);
- vague plurals (``vague=True``): عشرات/العشرات, مئات/المئات, آلاف/الآلاف (standing alone),
  ملايين, بضعة, and their products (عشرات الآلاف). Their value is a *lower bound*: the plural of a
  unit means more than two units (two would be the dual or عشرون), so عشرات = 20, مئات = 200,
  آلاف = 2,000, ملايين = 2,000,000, عشرات الآلاف = 20,000; بضعة (three to nine) = 3;
- duals of a closed list of counted nouns whose plural has another form (جنديين، شخصان، طفلين،
  غارتين، صاروخان، مدنيان …): value 2, span = the noun. Forms that are also plurals (عسكريين،
  مدنيين، مقاتلين) are never read as duals.

Not numbers: ordinals (ثالث، الخامسة), أحد/إحدى alone ("one of"), number words with the article
(الاثنين is Monday, العشرين is a century), digits glued to Latin letters (M4, 1.2K), clock times
and slashed dates (04:20, 04/12/2025). Whether a number is a *figure* (and not a year, a sum of
money or a distance) is decided in :mod:`rasad.events.figures`.

Everything works on normalized text; lexicons are built on first use, the token pattern is
compiled once at import (cheap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rasad.text.normalize import norm, normalize


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A quantity written in text: [start, end) span, value, and whether it is a lower bound."""

    start: int
    end: int
    value: float
    vague: bool


@dataclass(frozen=True, slots=True)
class Token:
    """A token of normalized text: ``kind`` is word, num, latin, date or punct."""

    start: int
    end: int
    text: str
    kind: str


_TOKEN_RE = re.compile(
    r"(?P<date>[0-9]+(?:[:/][0-9]+)+)"
    r"|(?P<latin>[0-9]*(?:[.,\u066b][0-9]+)*[A-Za-z][A-Za-z0-9]*)"
    r"|(?P<num>[0-9]+(?:[.,\u066b][0-9]+)*)"
    r"|(?P<word>[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+)"
    r"|(?P<punct>\S)"
)
_GROUPED_COMMA = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_GROUPED_DOT = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_DECIMAL = re.compile(r"[0-9]+[.,][0-9]+")

# clitics that may stand before a number word: conjunction, preposition, and (for the vague
# plurals, scales in the plural and duals only) the article
# (no ك: "كمية" would read as ك + مية)
_PREFIXES = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
_AL_PREFIXES = ("وبال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "لل", "ال")

# word classes of the number lexicon
_UNIT, _TEEN, _TEN, _TENS, _HUND, _SCALE, _VAGUE, _FRAC, _DUAL = range(9)


def tokenize(ntext: str) -> list[Token]:
    """Tokens of a *normalized* text (see :func:`rasad.text.normalize.normalize`)."""
    out: list[Token] = []
    for m in _TOKEN_RE.finditer(ntext):
        kind = m.lastgroup or "punct"
        out.append(Token(m.start(), m.end(), m.group(), kind))
    return out


@dataclass(frozen=True, slots=True)
class _Lex:
    words: dict[str, tuple[int, float, str]]  # normalized form -> (class, value, extra)
    al_classes: frozenset[int]


def _n(words: str) -> list[str]:
    return [norm(w) for w in words.split()]


@cache
def _lex() -> _Lex:
    w: dict[str, tuple[int, float, str]] = {}
    units = {
        "واحد واحدة": 1, "اثنان اثنين اثنتان اثنتين": 2, "ثلاث ثلاثة": 3, "أربع أربعة": 4,
        "خمس خمسة": 5, "ست ستة": 6, "سبع سبعة": 7, "ثمان ثماني ثمانية": 8, "تسع تسعة": 9,
    }
    for forms, v in units.items():
        for f in _n(forms):
            w[f] = (_UNIT, v, "")
    for forms, v in {"أحد إحدى": 1, "اثنا اثني اثنتا اثنتي": 2}.items():
        for f in _n(forms):
            w[f] = (_TEEN, v, "")
    for f in _n("عشر عشرة"):
        w[f] = (_TEN, 10, "")
    tens = ["عشر", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"]
    for i, stem in enumerate(tens, start=2):
        for suffix in ("ون", "ين"):
            w[norm(stem + suffix)] = (_TENS, 10 * i, "")
    for f in _n("مئة مائة مية"):
        w[f] = (_HUND, 100, "")
    for f in _n("مئتان مئتين مئتا مئتي مائتان مائتين مائتا مائتي"):
        w[f] = (_HUND, 200, "")
    for stem, v in (("ثلاث", 3), ("أربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                    ("ثمان", 8), ("ثماني", 8), ("تسع", 9)):
        for h in ("مئة", "مائة"):
            w[norm(stem + h)] = (_HUND, 100 * v, "")
    scales = {
        1e3: ("ألف ألفا", "آلاف", "ألفين ألفان ألفي"),
        1e6: ("مليون مليونا", "ملايين", "مليونين مليونان مليوني"),
        1e9: ("مليار مليارا بليون", "مليارات", "مليارين ملياران ملياري"),
    }
    for sv, (sg, pl, dual) in scales.items():
        for f in _n(sg):
            w[f] = (_SCALE, sv, "sg")
        for f in _n(pl):
            w[f] = (_SCALE, sv, "pl")
        for f in _n(dual):
            w[f] = (_SCALE, sv, "dual")
    for forms, v in {"عشرات": 20, "مئات مئات مائات": 200, "بضع بضعة": 3}.items():
        for f in _n(forms):
            w[f] = (_VAGUE, v, "")
    w[norm("نصف")] = (_FRAC, 0.5, "")
    w[norm("ربع")] = (_FRAC, 0.25, "")
    for pair in _DUALS.split(","):
        forms, base = pair.split(":")
        for f in _n(forms):
            w[f] = (_DUAL, 2, norm(base))
    return _Lex(w, frozenset({_VAGUE, _DUAL}))


# Duals whose plural is another word (so the -ين/-ان form can only be a dual).
_DUALS = (
    "جنديين جنديان:جندي,شخصين شخصان:شخص,طفلين طفلان:طفل,طفلتين طفلتان:طفلة,"
    "رجلين رجلان:رجل,امرأتين امرأتان:امرأة,سيدتين سيدتان:سيدة,شابين شابان:شاب,"
    "ضابطين ضابطان:ضابط,عنصرين عنصران:عنصر,فردين فردان:فرد,قتيلين قتيلان:قتيل,"
    "جريحين جريحان:جريح,شهيدين شهيدان:شهيد,أسيرين أسيران:أسير,مدنيان:مدني,"
    "عسكريان:عسكري,مقاتلان:مقاتل,صحفيان:صحفي,مسعفان:مسعف,مواطنان:مواطن,ناشطان:ناشط,"
    "مسلحان:مسلح,شرطيان:شرطي,شقيقين شقيقان:شقيق,هجومين هجومان:هجوم,غارتين غارتان:غارة,"
    "ضربتين ضربتان:ضربة,قذيفتين قذيفتان:قذيفة,صاروخين صاروخان:صاروخ,"
    "اعتداءين اعتداءان اعتدائين:اعتداء,تفجيرين تفجيران:تفجير,انفجارين انفجاران:انفجار,"
    # nationality nouns, nominative only ("قُتل إسرائيليان"; -يين is also their plural)
    "إسرائيليان:إسرائيلي,فلسطينيان:فلسطيني,سوريان:سوري,تركيان:تركي,لبنانيان:لبناني,"
    "عراقيان:عراقي,يمنيان:يمني,مصريان:مصري,أمريكيان:أمريكي,روسيان:روسي,إيرانيان:إيراني,"
    "أردنيان:أردني,سودانيان:سوداني,ليبيان:ليبي,سعوديان:سعودي,كرديان:كردي"
)


@lru_cache(maxsize=65536)
def _lookup(word: str) -> tuple[int, int, float, str] | None:
    """(prefix length, class, value, extra) of a number word, clitics stripped; else None."""
    lex = _lex()
    hit = lex.words.get(word)
    if hit is not None:
        return (0, *hit)
    for p in _AL_PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            hit = lex.words.get(word[len(p):])
            if hit is not None and (hit[0] in lex.al_classes
                                    or (hit[0] == _SCALE and hit[2] != "sg")):
                return (len(p), *hit)
    for p in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            hit = lex.words.get(word[len(p):])
            if hit is not None:
                return (len(p), *hit)
    return None


def dual_base(word: str) -> str | None:
    """The normalized singular of a dual noun in the closed dual list (``جنديين`` → ``جندي``)."""
    hit = _lookup(word)
    if hit is not None and hit[1] == _DUAL:
        return hit[3]
    return None


def _digits_value(s: str, before_big_scale: bool) -> float:
    s = s.replace("\u066b", ".")
    if _GROUPED_COMMA.fullmatch(s):
        return float(s.replace(",", ""))
    if _GROUPED_DOT.fullmatch(s):
        # "1.500 مليون" is 1.5 million; "1.800 مدني" is 1800 (dot as thousands separator)
        if before_big_scale and s.count(".") == 1:
            return float(s)
        return float(s.replace(".", ""))
    if _DECIMAL.fullmatch(s):
        return float(s.replace(",", "."))
    digits = re.sub(r"[^0-9]", "", s)
    return float(digits) if digits else 0.0


class _Parser:
    """Recursive descent over the tokens of one normalized text."""

    __slots__ = ("toks",)

    def __init__(self, toks: list[Token]) -> None:
        self.toks = toks

    def word(self, i: int, *, bare: bool = False,
             and_prefix: bool = False) -> tuple[int, int, float, str] | None:
        """Number-lexicon entry of token i (bare: no clitic; and_prefix: exactly و)."""
        if i >= len(self.toks) or self.toks[i].kind != "word":
            return None
        hit = _lookup(self.toks[i].text)
        if hit is None:
            return None
        if bare and hit[0]:
            return None
        if and_prefix and not (hit[0] == 1 and self.toks[i].text[0] == "و"):
            return None
        return hit

    def conj(self, i: int) -> tuple[int, bool] | None:
        """After 'و': (index of the next term, whether that token carries the و itself)."""
        if i >= len(self.toks):
            return None
        t = self.toks[i]
        if t.kind == "word" and t.text == "و":
            return (i + 1, False) if i + 1 < len(self.toks) else None
        if t.kind == "word" and t.text.startswith("و") and len(t.text) > 1:
            return (i, True)
        return None

    def small(self, i: int, glued_and: bool) -> tuple[float, bool, int, int] | None:
        """A quantity under 1000 (or a vague plural): (value, vague, next index, class)."""
        t = self.toks[i]
        if t.kind == "num":
            if glued_and:
                return None
            sc = self.word(i + 1, bare=True)
            big = sc is not None and sc[1] == _SCALE and sc[2] >= 1e6
            return _digits_value(t.text, big), False, i + 1, -1
        e = self.word(i, and_prefix=glued_and)
        if e is None:
            return None
        _, cls, v, _ = e
        j = i + 1
        if cls in (_UNIT, _TEEN):
            ten = self.word(j, bare=True)
            if ten is not None and ten[1] == _TEN:
                value, cls, j = v + 10, _TEEN, j + 1
            elif cls == _TEEN:
                return None
            else:
                hund = self.word(j, bare=True)
                if hund is not None and hund[1] == _HUND and hund[2] == 100 and v >= 3:
                    value, cls, j = v * 100, _HUND, j + 1
                else:
                    value = v
        elif cls in (_TEN, _TENS, _HUND, _VAGUE):
            value = v
        else:
            return None
        if cls == _VAGUE:
            return value, True, j, cls
        # "مئة وخمسة وعشرون", "خمسة وعشرين": smaller parts joined by و
        if cls == _HUND:
            cj = self.conj(j)
            if cj is not None:
                e2 = self.word(cj[0], and_prefix=cj[1], bare=not cj[1])
                if e2 is not None and e2[1] in (_UNIT, _TEN, _TENS, _TEEN):
                    sub = self.small(cj[0], cj[1])
                    if sub is not None and sub[0] < 100:
                        value, j, cls = value + sub[0], sub[2], sub[3]
        if cls == _UNIT:
            cj = self.conj(j)
            if cj is not None:
                e2 = self.word(cj[0], and_prefix=cj[1], bare=not cj[1])
                if e2 is not None and e2[1] == _TENS:
                    value, j, cls = value + e2[2], cj[0] + 1, _TENS
        return value, False, j, cls

    def term(self, i: int, glued_and: bool = False) -> tuple[float, bool, int, float] | None:
        """small [scale…] | scale | fraction scale: (value, vague, next index, lowest scale)."""
        sm = self.small(i, glued_and)
        low = 0.0
        if sm is not None:
            value, vague, j, _ = sm
            while True:
                e = self.word(j)
                if e is None or e[1] != _SCALE or e[3] == "dual" or e[2] <= low:
                    break
                if e[0] and not (vague and e[3] == "pl" and self.toks[j].text[:e[0]] == "ال"):
                    break
                value, low, j = value * e[2], e[2], j + 1
        else:
            e = self.word(i, and_prefix=glued_and)
            if e is None:
                return None
            j = i + 1
            if e[1] == _FRAC:
                sc = self.word(j, bare=True)
                if sc is None or sc[1] != _SCALE or sc[3] != "sg":
                    return None
                value, vague, low, j = e[2] * sc[2], False, sc[2], j + 1
            elif e[1] == _SCALE:
                low = e[2]
                value, vague = {"sg": (low, False), "dual": (2 * low, False),
                                "pl": (2 * low, True)}[e[3]]
            else:
                return None
        if low:
            # "مليون ونصف"
            nxt = self.conj(j)
            if nxt is not None:
                fr = self.word(nxt[0], and_prefix=nxt[1], bare=not nxt[1])
                after = self.word(nxt[0] + 1)
                if fr is not None and fr[1] == _FRAC and (after is None or after[1] != _SCALE):
                    value, j = value + fr[2] * low, nxt[0] + 1
        return value, vague, j, low

    def number(self, i: int) -> tuple[float, bool, int] | None:
        """A whole number starting at token i: (value, vague, next index)."""
        tm = self.term(i)
        if tm is None:
            return None
        total, vague, j, low = tm
        while low:
            nxt = self.conj(j)
            if nxt is None:
                break
            t2 = self.term(nxt[0], nxt[1])
            if t2 is None or t2[0] >= low or t2[1]:
                break
            total += t2[0]
            j, low = t2[2], t2[3]
        return total, vague, j


def scan_tokens(toks: list[Token]) -> list[tuple[NumberMatch, int, int]]:
    """Numbers in a token list: (match with spans in the normalized text, first token, end token).

    Used by :mod:`rasad.events.figures`, which works on the same tokens.
    """
    out: list[tuple[NumberMatch, int, int]] = []
    parser = _Parser(toks)
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.kind == "num" or t.kind == "word":
            hit = _lookup(t.text) if t.kind == "word" else None
            if t.kind == "num" or hit is not None:
                start = t.start + (hit[0] if hit is not None else 0)
                if hit is not None and hit[1] == _DUAL:
                    out.append((NumberMatch(start, t.end, 2.0, False), i, i + 1))
                    i += 1
                    continue
                res = parser.number(i)
                if res is not None:
                    value, vague, j = res
                    value = float(f"{value:.12g}")  # 270.6 * 1e9 without float noise
                    out.append((NumberMatch(start, toks[j - 1].end, value, vague), i, j))
                    i = j
                    continue
        i += 1
    return out


def extend_over_marks(text: str, end: int) -> int:
    """Move an original-text end offset past trailing diacritics/tatweel (deleted by norm)."""
    while end < len(text) and not norm(text[end]) and not text[end].isspace():
        end += 1
    return end


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in ``text``, with [start, end) spans in ``text`` itself."""
    nz = normalize(text)
    out: list[NumberMatch] = []
    for m, _, _ in scan_tokens(tokenize(nz.text)):
        s, e = nz.to_original(m.start, m.end)
        out.append(NumberMatch(s, extend_over_marks(text, e), m.value, m.vague))
    return out
