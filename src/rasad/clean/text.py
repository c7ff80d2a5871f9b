"""Scraped-text cleaning: a block classifier, a body-span selector, title, date and outlet.

1. Lines are prepared (entities decoded, shortcodes and stray tags removed) and hard-wrapped
   lines are grouped into blocks (a line ending in "في" or "،" goes on).
2. Each block gets a class from its own features: length, sentence punctuation, section
   markers ("التعليقات", "الأكثر قراءة"), "read also" markers, date/time stamps and counters,
   captions with photo credits, embedded tweets, bylines and datelines, teasers ("…"),
   unpunctuated runs (tickers, transcripts) and repetition within the page.
3. The body is the contiguous span of blocks with the largest score (text blocks score their
   length; headlines, captions and furniture cost a little; section markers, stamps, source
   lines and tickers end a span). Inside the span, text blocks and short sub-headings are
   kept; captions, tweets and "read also" headlines are dropped.
4. Title: the headline-like line most similar to the lead, preferring repeated lines and
   the line just above the body. Date and outlet: see :func:`analyze` and docs/cleaning.md.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rasad.clean import common
from rasad.records import CleanDoc, RawInput
from rasad.text.normalize import norm

# --- classes -------------------------------------------------------------------------------
TEXT = "text"  # sentence-like paragraph
LIST = "list"  # an item of a numbered or bulleted list of sentences
SHORT = "short"  # headline, menu item, sub-heading
LOWQ = "lowq"  # long run without any punctuation: a ticker or a transcript
TICKER = "ticker"
HARD = "hard"  # section marker: comments, most read, tags, share bar ...
RELATED = "related"  # "read also" marker
RELHEAD = "relhead"  # the headline after a "read also" marker
SOURCE = "source"  # "المصدر: ..."
STAMP = "stamp"  # date/time stamp, "منذ 4 سنوات", "آخر تحديث"
CAPTION = "caption"  # photo caption or credit, foreign-language caption
TWEET = "tweet"  # embedded tweet text or signature
BYLINE = "byline"  # "كتب: ...", "بقلم ..."
DATELINE = "dateline"  # "دمشق - العرب اليوم"
SOCIAL = "social"  # share buttons, counters
BOILER = "boiler"  # forms, footers, account prompts
TEASER = "teaser"  # sidebar item ending in "…"

# Body-span weights: text scores its length, these cost; barriers end a span.
_COST = {SHORT: 25.0, RELATED: 5.0, RELHEAD: 5.0, CAPTION: 10.0, TWEET: 10.0, BYLINE: 30.0,
         DATELINE: 30.0, SOCIAL: 40.0, BOILER: 40.0, TEASER: 40.0}
_BARRIER = frozenset({HARD, SOURCE, STAMP, TICKER})

_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_TERMINAL = re.compile(r"[.!?؟…:]\s*[\"'»”)\]]*\s*$")
_SENT_PUNCT = re.compile(r"[.،,؛;٬]")  # sentence-internal punctuation (tickers lack it)
_PROSE_MARK = re.compile(r"[.،,؛;٬:«»\"“”]")  # ... and quotes and colons (reported speech)
_CONTINUE_END = re.compile(r"[،,]\s*$")


def _normset(words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words.split())


_CONTINUE_WORDS = _normset(
    "في من على إلى عن مع أن إن بين التي الذي الذين و أو ثم حتى عبر نحو منذ خلال بعد قبل ضد "
    "لدى حول كل أي بما لا قد ما لم لن كما إذا إذ حيث بأن بأنه أنه أنها لأن عند إلا غير وفي "
    "ومن وعلى وإلى فيما بينما والتي والذي وهي وهو هذه هذا تلك ذلك")
_STAMP = re.compile(
    r"^\W*(?:gmt|آخر تحديث|اخر تحديث|تاريخ النشر|نشر في|نشر بتاريخ|منذ\s+\d+|·\s*منذ|"
    r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,2}|"
    r"\d{1,2}:\d{2})", re.I)
_RELATIVE_STAMP = re.compile(
    r"منذ\s+(?:\d+|ساعة|ساعتين|يوم|يومين|دقيقة|دقيقتين|أسبوع|شهر|سنة|عام)\s*"
    r"(?:سنوات|سنة|أشهر|شهر|شهرا|أسابيع|أسبوع|أيام|يوم|ساعات|ساعة|دقائق|دقيقة|عام|أعوام)?")
_MAYBE_DATE = re.compile(r"(?:19|20)\d\d|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}")
_TWEET_SIG = re.compile(r"^[—–-]\s*.{1,80}\(@\w{1,30}\)\s*\w+\s+\d{1,2},\s+\d{4}\s*$")
_TWEET_LINK = re.compile(r"pic\.twitter\.com/|https?://t\.co/|twitter\.com/\w+/status", re.I)
_BYLINE = re.compile(r"^\W*(?:كتب|كتبت|بقلم|إعداد|اعداد|متابعة|تحرير|ترجمة|بواسطة|تقرير|"
                     r"حوار|مراسلنا|by)\s*[:：]", re.I)
_DATELINE = re.compile(r"^\s*([^\n\-–—ـ/|:]{2,40}?)\s*(?:[-–—ـ|]|/)\s*([^\n\-–—ـ/|:]{0,40}?)\s*"
                       r"[-–—ـ]?\s*$")
_INLINE_AGENCY = re.compile(
    r"^\s*([\u0600-\u06FF]+(?:\s*[-–]\s*[\u0600-\u06FF]+)?)\s*/\s*([\u0600-\u06FF ]{2,20}?)\s+"
    r"(?=[\u0600-\u06FF])")
_INLINE_AGENCY_PAREN = re.compile(
    r"^\s*[\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+)?\s*\(([^()]{2,20})\)\s*[-–—]\s*")
_SOCIAL = _normset(
    "facebook twitter youtube instagram telegram whatsapp linkedin rss google+ x tiktok "
    "فيسبوك فيس بوك تويتر يوتيوب انستغرام إنستغرام تيليغرام تلغرام تليغرام واتساب واتس آب "
    "لينكدإن تيك توك سناب شات شارك مشاركة")
_COUNTER_LINE = re.compile(r"^\W*\d+(?:[.,]\d+)?\s*[kmكم]?\W*$|^\W*\d+\W*(?:مشاركة|تعليق|"
                           r"مشاهدة|قراءة|views?|shares?)\W*$", re.I)
_PHOTO_PREFIX = re.compile(r"^\W*(?:getty images|afp|reuters|epa|ap|صورة|الصورة|صور)\b\W*", re.I)
_WEEKDAY_OR_TODAY = re.compile(r"(?:اليوم|الأحد|الاحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|"
                               r"الاربعاء|الخميس|الجمعة|السبت)\W{0,3}$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_TIMED_ENTRY = re.compile(r"^\d{1,2}:\d{2}\s*[-–—]\s*\S")
_LIST_ITEM = re.compile(r"^\(?\d{1,2}\s*[-.)–]\s*\S")
_ISSUE = re.compile(r"(?:العدد|عدد رقم)\s*:?\s*\d+")


@dataclass(slots=True)
class Block:
    """One paragraph of the page: one line, or several hard-wrapped lines."""

    first: int  # index in the prepared line list
    last: int
    lines: list[str]  # prepared text of each line
    text: str
    words: int
    letters: int = 0  # letters in words (any script)
    latin: int = 0  # Latin letters
    n: str = ""  # normalized text
    cls: str = SHORT
    key: str = ""
    repeated: bool = False
    bullet: bool = False


@dataclass(slots=True)
class Analysis:
    """Everything the text classifier found on a page (also used by the HTML mode)."""

    blocks: list[Block]
    span: tuple[int, int] | None  # body blocks [start, end] inclusive
    body: list[int]  # indices of body blocks
    body_lines: list[str]
    title: str | None = None
    title_block: int | None = None
    published: str | None = None
    published_from: str | None = None
    window: str | None = None
    window_text: str | None = None
    outlet: str | None = None
    clues: OutletClues | None = None
    comments: list[str] = field(default_factory=list)


# --- preparation -----------------------------------------------------------------------------

_BULLET = re.compile(r"^[\s•·*▪►◦‣\-–]+(?=\S)")


def prepare(content: str) -> tuple[list[str], list[bool]]:
    """Lines with entities decoded, shortcodes and bullets removed. Stray tags are kept: the
    text is shown escaped, never rendered."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    if "[" in content:
        content = common.strip_shortcodes(content)
    out: list[str] = []
    bullets: list[bool] = []
    for line in content.split("\n"):
        s = common.INVISIBLE.sub("", common.unescape(line)).strip()
        m = _BULLET.match(s)
        bullets.append(bool(m) and s[:1] in "•·*▪►◦‣-–")
        if m:
            s = s[m.end():]
        out.append(" ".join(s.split()))
    return out, bullets


def _continues(a: str, b: str, wrapped: bool) -> bool:
    """Whether line a (no blank line between) runs on into line b."""
    if not b or _TERMINAL.search(a):
        return False
    if _CONTINUE_END.search(a):
        return True
    words_a = a.split()
    if not words_a:
        return False
    if norm(words_a[-1]) in _CONTINUE_WORDS and len(words_a) >= 4:
        return True
    nb = len(b.split())
    if len(words_a) >= 8 and nb <= 4 and _TERMINAL.search(b):
        return True
    return wrapped and len(words_a) >= 8 and nb >= 3


def make_blocks(lines: list[str], bullets: list[bool]) -> list[Block]:
    """Group hard-wrapped lines; one block per paragraph."""
    n = len(lines)
    strong = sum(1 for i in range(n - 1) if lines[i] and lines[i + 1] and not
                 _TERMINAL.search(lines[i]) and len(lines[i].split()) >= 4 and
                 (_CONTINUE_END.search(lines[i]) or
                  norm(lines[i].split()[-1]) in _CONTINUE_WORDS))
    nonempty = sum(1 for x in lines if x)
    wrapped = strong >= 2 and strong >= 0.15 * nonempty
    blocks: list[Block] = []
    i = 0
    while i < n:
        if not lines[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and not bullets[j + 1] and _continues(lines[j], lines[j + 1], wrapped):
            j += 1
        parts = lines[i:j + 1]
        text = " ".join(parts)
        ws = _WORD.findall(text)
        latin = sum(map(len, _LATIN.findall(text))) if _LATIN.search(text) else 0
        blocks.append(Block(i, j, parts, text, len(ws), sum(map(len, ws)), latin,
                            norm(text), bullet=bullets[i]))
        i = j + 1
    return blocks


# --- classification --------------------------------------------------------------------------

def _key(text: str) -> str:
    return common.bare(text)


def _classify_one(b: Block, ascii_page: bool) -> str:
    s, n, w = b.text, b.n, b.words
    if w <= 8 and common.SOURCE_PREFIX.match(s):
        return SOURCE
    if w <= 60 and (_TWEET_LINK.search(s) or _TWEET_SIG.match(s)):
        return TWEET
    if w <= 14:
        if common.is_section_marker(s, w, n, b.key):
            return HARD
        if common.related_marker(s, n, b.key)[0]:
            return RELATED
        if w <= 10 and (_STAMP.match(s) or _RELATIVE_STAMP.match(s.lstrip("·• "))) and not (
                w >= 5 and _TIMED_ENTRY.match(s) and _TERMINAL.search(s)):
            return STAMP  # (but "21:05 - ..." with a sentence is a live-blog entry)
        if w <= 7 and _MAYBE_DATE.search(s) and common.parse_explicit_date(s):
            return STAMP
        if w <= 3 and (_COUNTER_LINE.match(s) or all(t in _SOCIAL for t in n.split())):
            return SOCIAL
    if w <= 25 and (common.has_photo_credit(s, n) or (w <= 14 and _PHOTO_PREFIX.match(s))):
        return CAPTION
    arabic = b.letters - b.latin
    if not ascii_page and w >= 3 and b.letters and arabic < 0.3 * b.letters:
        return CAPTION  # a foreign-language caption or credit line in an Arabic page
    if w <= 12:
        if w <= 8 and _BYLINE.match(s):
            return BYLINE
        if w <= 6 and not _TERMINAL.search(s) and (_DATELINE.match(s) or _agency_suffix(s)):
            return DATELINE
        if common.has_boiler_phrase(s, n):
            return BOILER
    if w >= 5 and (s.endswith("…") or s.endswith("...")):
        return TEASER
    if w >= 30 and len(_SENT_PUNCT.findall(s)) <= w / 60:
        return LOWQ  # a ticker of headlines or an unpunctuated transcript
    if arabic <= 0.5 * max(b.letters, 1) or w < 3:
        return SHORT
    numbered = _LIST_ITEM.match(b.lines[0]) is not None
    if numbered or (b.bullet and _TERMINAL.search(s)):
        return LIST  # an item of a list inside the article: numbered, or a bulleted sentence
    if w <= 14 and re.search(r"[?؟]\s*[\"'»”]*\s*$", s) and not _SENT_PUNCT.search(s):
        return SHORT  # a headline asking a question
    if s.count(" | ") >= 2:
        return SHORT  # a menu or a ticker of headlines
    if (w >= 5 and _TERMINAL.search(s)) or (w >= 16 and _PROSE_MARK.search(s)) or w >= 30:
        return TEXT
    return SHORT


def classify(blocks: list[Block], ascii_page: bool = False) -> None:
    """Set cls, key and repeated on every block."""
    for b in blocks:
        b.key = common.bare_n(b.n)
        b.cls = _classify_one(b, ascii_page)
    counts = Counter(b.key for b in blocks if b.key)
    # "Outlet - headline" repeats a headline that also stands alone: it takes that key
    for b in blocks:
        k = b.key
        parts = re.split(r"\s*[-–—ـ|]\s+", b.text, maxsplit=1) if b.words <= 30 else [k]
        if len(parts) == 2:
            tail = _key(parts[1])
            if tail and tail != k and counts.get(tail):
                counts[tail] += 1
                b.key = k = tail
        b.repeated = counts[k] > 1 and b.words >= 2
    text_chars = sum(len(b.text) for b in blocks if b.cls == TEXT and not b.repeated)
    for i, b in enumerate(blocks):
        if b.cls == LOWQ:
            after_marker = i > 0 and blocks[i - 1].cls == HARD
            b.cls = TICKER if text_chars >= 200 or after_marker else TEXT
        elif b.cls == RELATED:
            _, inline = common.related_marker(b.text)
            if not inline:  # the headline(s) on the next line(s)
                for j in range(i + 1, min(i + 3, len(blocks))):
                    nxt = blocks[j]
                    if nxt.cls in (SHORT, TEASER) or (nxt.cls == TEXT and nxt.words <= 14 and
                                                      not _TERMINAL.search(nxt.text)):
                        nxt.cls = RELHEAD
                        if j == i + 1 and nxt.words > 4:
                            continue
                    break
        elif b.cls == TWEET and _TWEET_SIG.match(b.text) and i > 0:
            prev = blocks[i - 1]
            if prev.cls in (TEXT, SHORT, LOWQ) and (_TWEET_LINK.search(prev.text) or
                                                    re.search(r"[#@]\w", prev.text)):
                prev.cls = TWEET


def _weight(b: Block) -> float:
    if b.cls == TEXT:
        return -30.0 if b.repeated else float(len(b.text))
    if b.cls == LIST:
        return -30.0 if b.repeated else len(b.text) / 2
    if b.repeated:
        return -40.0
    return -_COST.get(b.cls, 40.0) - (len(b.text) / 8 if b.cls == SHORT else 0.0)


def select_span(blocks: list[Block]) -> tuple[int, int] | None:
    """The contiguous run of blocks with the highest total weight (barriers end runs)."""
    best: tuple[float, int, int] | None = None
    cur = 0.0
    start = 0
    for i, b in enumerate(blocks):
        if b.cls in _BARRIER:
            cur, start = 0.0, i + 1
            continue
        w = _weight(b)
        if cur <= 0:
            cur, start = w, i
        else:
            cur += w
        if w > 0 and cur > 0 and (best is None or cur > best[0]):
            best = (cur, start, i)
    if best is None:
        return None
    _, s, e = best
    while s <= e and _weight(blocks[s]) <= 0:
        s += 1
    return s, e


def body_blocks(blocks: list[Block], span: tuple[int, int]) -> list[int]:
    """Text and list blocks of the span, and a short sub-heading standing alone between two
    of them."""
    s, e = span
    keep: list[int] = []
    for i in range(s, e + 1):
        b = blocks[i]
        if b.repeated:
            continue
        alone = (b.cls == SHORT and b.words <= 10 and s < i < e and
                 blocks[i - 1].cls in (TEXT, LIST) and blocks[i + 1].cls in (TEXT, LIST))
        if b.cls in (TEXT, LIST) or alone:
            keep.append(i)
    return keep


# --- title -------------------------------------------------------------------------------------

_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")
_SUFFIXES = ("يين", "ات", "ون", "ين", "ها", "هم", "يه", "ه", "ي")
_STOP = _normset("في على من إلى عن مع أن إن الى التي الذي هذا هذه بين بعد قبل و أو ما لا قد")


@lru_cache(maxsize=50000)
def _stem(w: str) -> str:
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    for sfx in _SUFFIXES:
        if w.endswith(sfx) and len(w) - len(sfx) >= 3:
            return w[:-len(sfx)]
    return w


def tokens(s: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(norm(s)) if w not in _STOP and len(w) > 1}


def _clean_title(text: str, outlet: str | None) -> str:
    t = text.strip()
    if outlet:
        for sep in (" - ", " – ", " | ", " ـ ", " — "):
            if t.startswith(outlet + sep.rstrip()) or t.startswith(outlet + sep):
                t = t[len(outlet):].lstrip(" -–|ـ—")
            if t.endswith(sep.lstrip() + outlet) or t.endswith(sep + outlet):
                t = t[: -len(outlet)].rstrip(" -–|ـ—")
    return t.strip()


def _menu_blocks(blocks: list[Block]) -> set[int]:
    """Blocks in a run of repeated short lines with several different texts: a menu shown
    twice (a title is repeated too, but not among a run of other repeated lines)."""
    out: set[int] = set()
    i = 0
    n = len(blocks)
    while i < n:
        if not (blocks[i].repeated and blocks[i].words <= 12):
            i += 1
            continue
        j = i
        while j + 1 < n and blocks[j + 1].repeated and blocks[j + 1].words <= 12:
            j += 1
        if j - i + 1 >= 4 and len({blocks[k].key for k in range(i, j + 1)}) >= 3:
            out.update(range(i, j + 1))
        i = j + 1
    return out


def _header_zone_top(blocks: list[Block], s0: int) -> int:
    """First block of the header above the body: up to a section label, a marker or a menu."""
    top = s0
    for i in range(s0 - 1, max(-1, s0 - 9), -1):
        b = blocks[i]
        if b.cls in (HARD, SOURCE, SOCIAL, TICKER) or (
                b.cls == SHORT and b.words <= 3 and common.is_section_label(b.text)):
            break
        top = i
    return top


def pick_title(blocks: list[Block], span: tuple[int, int] | None, lead: str,
               outlet: str | None) -> tuple[str | None, int | None]:
    """The headline: a line outside the body most like the lead. A line repeated on the page
    wins; then the first headline of the header above the body; site names, section labels,
    menus and sidebar items are rejected."""
    lead_toks = tokens(lead)
    s0, e0 = span if span else (len(blocks), len(blocks) - 1)
    outlet_key = _key(outlet) if outlet else None
    menu = _menu_blocks(blocks)
    counts = Counter(b.key for b in blocks if b.key)
    top = _header_zone_top(blocks, s0) if span else s0
    first_in_zone = next((i for i in range(top, s0) if blocks[i].cls in (SHORT, TEXT)
                          and blocks[i].words >= 4 and not common.is_section_label(
                              blocks[i].text)), None)
    nearest_before = next((i for i in range(s0 - 1, top - 1, -1) if blocks[i].cls in
                           (SHORT, TEXT) and blocks[i].words >= 3), None)
    scored: list[tuple[float, bool, int]] = []
    after_marker = False
    for idx, b in enumerate(blocks):
        if b.cls in (HARD, RELATED):
            after_marker = idx > e0
        if s0 <= idx <= e0 or idx in menu:
            continue
        if b.cls not in (SHORT, TEXT) or not 2 <= b.words <= 30:
            continue
        if _TERMINAL.search(b.text) and b.text.rstrip()[-1:] in ".:" and not b.repeated:
            continue
        text = _clean_title(b.text, outlet) if outlet else b.text
        key = _key(text) if text != b.text else b.key
        if not key or (outlet_key and key == outlet_key) or common.is_section_label(text, key):
            continue
        toks = tokens(text)
        if not toks:
            continue
        overlap = len(toks & lead_toks) / len(toks)
        score = overlap
        if b.repeated:
            score += 0.4 + (0.1 if counts[b.key] >= 3 else 0.0)
        if idx == first_in_zone:
            score += 0.25
        if idx == nearest_before:
            score += 0.1
        if idx > e0 and not b.repeated:
            score -= 0.15
        if after_marker and not b.repeated:
            score -= 0.3
        if b.words < 3:
            score -= 0.2
        scored.append((score, b.repeated and overlap >= 0.3, idx))
    if any(strong for _, strong, _ in scored):
        scored = [x for x in scored if x[1]]
    best = max((x for x in scored if x[0] >= 0.4), key=lambda x: (x[0], -x[2]), default=None)
    if best is None:
        return None, None
    return _clean_title(blocks[best[2]].text, outlet), best[2]


# --- dates -------------------------------------------------------------------------------------

def _block_date(b: Block) -> str | None:
    if len(b.text) > 120 or not _MAYBE_DATE.search(b.text):
        return None
    if re.search(r"©|حقوق|copyright", b.text, re.I):
        return None
    return common.parse_explicit_date(b.text)


def _is_date_stamp(b: Block) -> bool:
    return b.cls == STAMP and _block_date(b) is not None


def header_date(blocks: list[Block], span: tuple[int, int] | None,
                title_block: int | None) -> str | None:
    """The date line of the article header: next to the title, or just above the body, and
    not one of a list of dated sidebar items."""
    if span is None:
        return None
    s0 = span[0]
    cands: list[int] = []
    if title_block is not None and title_block < s0:
        # between the title and the body, then the two lines above the title
        cands += list(range(title_block + 1, s0))
        cands += [i for i in (title_block - 1, title_block - 2) if i >= 0]
    else:
        cands += list(range(s0 - 1, max(-1, s0 - 4), -1))
    # a newspaper's masthead: "العدد 3987 | الثلاثاء 18 سبتمبر 2018" among the first lines
    cands += [i for i in range(min(3, len(blocks))) if _ISSUE.search(blocks[i].text)]
    for i in cands:
        b = blocks[i]
        if b.cls not in (STAMP, DATELINE, BYLINE, SHORT, SOCIAL) or b.words > 12:
            continue
        d = _block_date(b)
        if d is None:
            continue
        adjacent = _ISSUE.search(b.text) is not None or (
            title_block is not None and abs(i - title_block) <= 2 and all(
                blocks[k].cls in (STAMP, DATELINE, BYLINE, SOCIAL) or k == title_block or
                blocks[k].key == blocks[title_block].key
                for k in range(min(i, title_block) + 1, max(i, title_block))))
        if not adjacent:
            # a sidebar list alternates headlines and stamps: reject stamps with neighbours
            near = [k for k in range(i - 3, i + 4) if k != i and 0 <= k < len(blocks)
                    and _is_date_stamp(blocks[k])]
            if near:
                continue
        return d
    return None


def top_of_body_date(text: str) -> str | None:
    """An explicit date given as 'today' at the top of the body ("اليوم الثلاثاء 10 أيلول
    2019", "الجمعة 13/3/2020"), or opening the first paragraph."""
    head = text[:220]
    if not _YEAR.search(head):
        return None
    from rasad.time import find_time_expressions

    for t in find_time_expressions(head, None):
        if t.kind != "date" or t.precision != "day" or not t.value:
            continue
        before = head[:t.start]
        if t.start <= 3 or _WEEKDAY_OR_TODAY.search(before[-25:]) or re.match(
                r"(?:اليوم|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)",
                t.text):
            return t.value
    return None


def estimate_window(text: str) -> tuple[str | None, str | None]:
    """A lower bound for an undated page: "منذ بداية العام 2020" means it was written in 2020
    or later. Only "since" + an absolute date counts; returns ('>=2020', 'منذ ...')."""
    if "منذ" not in text:
        return None, None
    from rasad.time import find_time_expressions

    best: tuple[tuple[int, int, int], str, str] | None = None
    for m in re.finditer("منذ", text):
        snippet = text[m.start():m.start() + 60]
        if not _YEAR.search(snippet):
            continue
        for t in find_time_expressions(snippet, None):
            if t.start > 0:
                break
            if t.kind != "interval_start" or not t.value:
                continue
            parts = [int(x) for x in t.value.split("-")]
            if not 1990 <= parts[0] <= 2100:
                continue
            key = (parts[0], parts[1] if len(parts) > 1 else 0, parts[2] if len(parts) > 2 else 0)
            if best is None or key > best[0]:
                best = (key, t.value, t.text)
            break
    if best is None:
        return None, None
    return ">=" + best[1], best[2]


# --- outlet ------------------------------------------------------------------------------------

def _agency_suffix(text: str) -> str | None:
    """'نيويورك أ ش أ' -> 'أ ش أ' (a place followed by a news agency)."""
    parts = text.split()
    for k in (3, 2, 1):
        if len(parts) > k and common.is_agency(" ".join(parts[-k:])):
            return " ".join(parts[-k:])
    return None


def _dateline_outlet(text: str) -> str | None:
    m = _DATELINE.match(text)
    if not m:
        return _agency_suffix(text)
    left, right = m.group(1).strip(), m.group(2).strip()
    if (right and not common.is_generic_source(right) and len(right.split()) <= 4
            and not right[0].isdigit()):
        return right
    if left and right and common.is_generic_source(right) and len(left.split()) <= 4:
        return None if common.is_generic_source(left) else left
    if left and not right and len(left.split()) <= 4 and not common.is_generic_source(left):
        return left  # " العرب اليوم -"
    return None


def _source_outlet(text: str) -> str | None:
    m = common.SOURCE_PREFIX.match(text)
    if not m:
        return None
    name = m.group(1).strip(" .-–")
    parts = [p.strip() for p in re.split(r"\s*[-–—/|+،,]\s*", name) if p.strip()]
    if not parts or any(common.is_generic_source(p) for p in parts):
        return None
    return name if len(name.split()) <= 5 else None


def _site_name(blocks: list[Block], title_block: int | None,
               span: tuple[int, int] | None) -> str | None:
    """The site name as the first line of the page (not a section label, not the title)."""
    for i, b in enumerate(blocks[:4]):
        if b.cls in (SOCIAL,):
            continue
        if i == title_block or (span and i >= span[0]) or b.cls not in (SHORT, DATELINE):
            return None
        if not 1 <= b.words <= 4 or _TERMINAL.search(b.text) or re.search(r"\d", b.text):
            return None
        if common.is_section_label(b.text) or common.is_generic_source(b.text):
            return None
        if b.repeated and title_block is not None and b.key == blocks[title_block].key:
            return None
        return b.text.strip(" -–|")
    return None


@dataclass(slots=True)
class OutletClues:
    site: str | None = None  # first line of the page
    confirmed: bool = False  # the site line is named again by a source, dateline or footer
    source: str | None = None  # "المصدر: ..."
    dateline: str | None = None  # "دمشق - العرب اليوم", "منارة الخبر - خاص"
    agency: str | None = None  # "إسطنبول/ الأناضول" opening the first paragraph
    copyright: str | None = None  # "جميع الحقوق محفوظة لموقع دار الخبر"


def outlet_clues(blocks: list[Block], span: tuple[int, int] | None, title_block: int | None,
                 inline_agency: str | None) -> OutletClues:
    c = OutletClues(site=_site_name(blocks, title_block, span), agency=inline_agency)
    for i, b in enumerate(blocks):
        if b.cls == SOURCE and c.source is None:
            c.source = _source_outlet(b.text)
        elif (b.cls in (DATELINE, BYLINE) and c.dateline is None and
              (span is None or i < span[0] + 2) and i != title_block):
            c.dateline = _dateline_outlet(re.sub(r"^\W*\w+\s*[:：]\s*", "", b.text)
                                          if b.cls == BYLINE else b.text)
        elif (b.cls in (BOILER, CAPTION) and c.copyright is None and
              (span is None or i > span[1])):
            c.copyright = common.outlet_from_copyright(b.text)
    if c.site:
        ks = _key(c.site)
        others = [_key(x) for x in (c.source, c.dateline, c.copyright) if x]
        c.confirmed = any(k and (k == ks or f" {k} " in f" {ks} " or f" {ks} " in f" {k} ")
                          for k in others)
    return c


def find_outlet(clues: OutletClues, url: str | None) -> str | None:
    """Order: a confirmed site-name line, the URL's domain, the site-name line, the copyright
    owner (the publisher), the source line, the dateline, the agency opening the body."""
    if clues.site and clues.confirmed:
        return clues.site
    return (common.outlet_from_url(url) or clues.site or clues.copyright or clues.source or
            clues.dateline or clues.agency)


# --- comments ----------------------------------------------------------------------------------

def find_comments(blocks: list[Block], after: int) -> list[str]:
    """Reader comments: lines after a comments marker that follow a name and a time stamp.
    Kept apart from the body; events never come from them."""
    out: list[str] = []
    on = False
    for i in range(after + 1, len(blocks)):
        b = blocks[i]
        if b.cls == HARD:
            on = "تعليق" in norm(b.text) or "comment" in b.text.lower()
            continue
        if not on or b.cls in (STAMP, SOCIAL, BOILER) or b.words < 3:
            continue
        if any(blocks[k].cls == STAMP or _RELATIVE_STAMP.search(blocks[k].text)
               for k in range(max(0, i - 2), i)):
            out.append(b.text)
    return out


# --- the page ----------------------------------------------------------------------------------

def _strip_inline_agency(line: str) -> tuple[str, str | None]:
    """'إسطنبول/ الأناضول دعا ...' -> ('دعا ...', 'الأناضول')."""
    m = _INLINE_AGENCY.match(line)
    if m and common.is_agency(m.group(2)):
        return line[m.end():], m.group(2).strip()
    m = _INLINE_AGENCY_PAREN.match(line)
    if m and common.is_agency(m.group(1)):
        return line[m.end():], m.group(1).strip()
    return line, None


def analyze(lines: list[str], bullets: list[bool] | None = None, *, url: str | None = None,
            ascii_page: bool = False, dates: bool = True) -> Analysis:
    """Run the classifier on prepared lines and find body, title, date and outlet."""
    blocks = make_blocks(lines, bullets or [False] * len(lines))
    classify(blocks, ascii_page)
    span = select_span(blocks)
    body = body_blocks(blocks, span) if span else []
    body_lines: list[str] = []
    for i in body:
        body_lines.extend(x for x in blocks[i].lines if x)
    inline_agency = None
    if body_lines:
        body_lines[0], inline_agency = _strip_inline_agency(body_lines[0])
    an = Analysis(blocks, span, body, body_lines)
    lead = " ".join(body_lines[:2])[:600]
    # a first guess of the outlet lets the title drop "Outlet - " prefixes
    pre_outlet = find_outlet(outlet_clues(blocks, span, None, inline_agency), None)
    an.title, an.title_block = pick_title(blocks, span, lead, pre_outlet)
    an.clues = outlet_clues(blocks, span, an.title_block, inline_agency)
    an.outlet = find_outlet(an.clues, url)
    if an.title and an.outlet and an.outlet != pre_outlet:
        an.title = _clean_title(an.title, an.outlet)
    if dates:
        d = header_date(blocks, span, an.title_block)
        if d:
            an.published, an.published_from = d, "dateline"
        elif body_lines:
            d = top_of_body_date(body_lines[0])
            if d:
                an.published, an.published_from = d, "text"
    if span:
        an.comments = find_comments(blocks, span[1])
    return an


def estimate(an: Analysis) -> None:
    """Fill the estimated window of an undated page (call after every other date source)."""
    if an.published is None and an.body_lines:
        an.window, an.window_text = estimate_window("\n".join(an.body_lines))
        if an.window:
            an.published_from = "estimated"


def clean_text(raw: RawInput) -> CleanDoc:
    """Clean a scraped-text page."""
    lines, bullets = prepare(raw.content)
    an = analyze(lines, bullets, url=raw.url)
    published, published_from = an.published, an.published_from
    url_date = common.date_from_url(raw.url)
    if url_date:
        published, published_from = url_date, "url"
        an.published, an.published_from = published, published_from
    estimate(an)
    doc = CleanDoc(raw=raw, title=an.title, text="\n".join(an.body_lines), outlet=an.outlet,
                   url=raw.url, published=an.published, published_from=an.published_from,
                   language="und", comments=an.comments, published_window=an.window)
    if an.window:
        doc.warnings.append(f"W202: publication date estimated from the text: {an.window} "
                            f"({an.window_text})")
    return doc
