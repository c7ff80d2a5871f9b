"""HTML cleaning: trafilatura for the body, page metadata and the text rules for the rest.

* Full pages: trafilatura extracts the main text; its lines then go through the text-mode
  classifier, which drops what trafilatura keeps inside the article element ("read also"
  links, date lines, captions, tweets).
* Fragments (markup pasted into a .txt file, a feed's ``html`` field without a page around
  it): the visible text blocks go through the text-mode classifier, like scraped text.
* Title: JSON-LD headline, og:title, the article's <h1>, <title> without the site name, or
  the text-mode title. Date: JSON-LD/meta tags/<time> of the article, then the URL, then
  the text-mode dateline. trafilatura's own date guess (which can be a footer's "© 2025") is
  never used. Outlet: publisher metadata, og:site_name, the site part of <title>, the
  copyright owner, the URL domain, then the text-mode clues.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from rasad.clean import common, text
from rasad.records import CleanDoc, RawInput

_META_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date.issued", "dc.date",
    "dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date",
    "article.published", "published_time", "date",
)
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting",
                  "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle")
_ISO = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_AFFIX_SEP = re.compile(r"\s+(?:\||-|–|—|::|»|«|ـ)\s+")
_NOT_MAIN = re.compile(r"comment|related|sidebar|aside|footer|widget|most|popular|recent|"
                       r"latest|trending|card|teaser|promo|share|tags?\b|menu|nav", re.I)
_BLOCK_TAGS = """
p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th thead tbody tfoot caption article
section header footer nav aside main figure figcaption blockquote form label button select
option textarea pre address center hr body html fieldset legend details summary
"""
_BLOCK = frozenset(_BLOCK_TAGS.split())
_DROP = ("script", "style", "noscript", "template", "head", "iframe", "svg", "select")


@dataclass(slots=True)
class Meta:
    title: str | None = None  # JSON-LD headline or og:title
    h1: str | None = None
    html_title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    m = _ISO.search(value)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
        return None
    return common.parse_explicit_date(value)


def _jsonld_objects(tree: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(node.text or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(reversed(d))
            elif isinstance(d, dict):
                out.append(d)
                if "@graph" in d:
                    stack.append(d["@graph"])
    return out


def _types(d: dict[str, Any]) -> list[str]:
    t = d.get("@type")
    ts = t if isinstance(t, list) else [t]
    return [str(x).lower() for x in ts if x]


def _not_main(el: Any) -> bool:
    """Inside comments, sidebars, related lists, footers or navigation."""
    for a in el.iterancestors():
        if a.tag in ("aside", "footer", "nav"):
            return True
        if _NOT_MAIN.search(f"{a.get('class') or ''} {a.get('id') or ''}"):
            return True
    return False


def page_metadata(tree: Any) -> Meta:
    """Title, publication date, outlet and URL from the markup (never from sidebars)."""
    meta = Meta()
    for d in _jsonld_objects(tree):
        is_article = any(t in _ARTICLE_TYPES for t in _types(d))
        if is_article and not meta.published:
            meta.published = _iso(str(d.get("datePublished") or d.get("dateCreated") or ""))
        if is_article and not meta.title and isinstance(d.get("headline"), str):
            meta.title = d["headline"].strip() or None
        pub = d.get("publisher")
        if not meta.outlet and isinstance(pub, dict) and isinstance(pub.get("name"), str):
            meta.outlet = pub["name"].strip() or None
    tags: dict[str, str] = {}
    for m in tree.xpath("//meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = m.get("content")
        if key and content and key not in tags:
            tags[key] = content.strip()
    if not meta.published:
        for k in _META_DATE_KEYS:
            v = _iso(tags.get(k))
            if v:
                meta.published = v
                break
    if not meta.published:
        # <time> of the article itself: marked as the publication date, or inside the
        # <article> that holds the page's <h1>; never one in comments or sidebars
        for t in tree.xpath("//time[@itemprop='datePublished'] | //time[@pubdate] | "
                            "//article[.//h1]//time[@datetime] | //*[@itemprop='datePublished']"
                            ):
            if _not_main(t):
                continue
            v = _iso(t.get("datetime") or t.get("content") or t.text_content())
            if v:
                meta.published = v
                break
    meta.outlet = (meta.outlet or tags.get("og:site_name") or tags.get("application-name")
                   or None)
    if not meta.title and tags.get("og:title"):
        meta.title = tags["og:title"]
    canon = tree.xpath('//link[@rel="canonical"]/@href')
    meta.url = tags.get("og:url") or (canon[0] if canon else None)
    h1s = [h for h in tree.xpath("//h1") if not _not_main(h)]
    h1s.sort(key=lambda h: 0 if any(a.tag in ("article", "main") for a in h.iterancestors())
             else 1)
    for h in h1s:
        t = " ".join(h.text_content().split())
        if t and not (meta.outlet and t == meta.outlet):
            meta.h1 = t
            break
    t = tree.xpath("//title")
    meta.html_title = " ".join(t[0].text_content().split()) if t else None
    return meta


def html_lines(tree: Any) -> list[str]:
    """The visible text of a page as lines: block elements and <br> end a line."""
    for bad in tree.xpath("|".join(f"//{t}" for t in _DROP)):
        bad.drop_tree()
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            s = " ".join("".join(buf).split())
            if s:
                lines.append(s)
            buf.clear()

    def walk(el: Any) -> None:
        if not isinstance(el.tag, str):
            return
        block = el.tag in _BLOCK
        if block or el.tag == "br":
            flush()
        if el.text:
            buf.append(el.text)
        for ch in el:
            walk(ch)
            if ch.tail:
                buf.append(ch.tail)
        if block:
            flush()

    walk(tree)
    flush()
    return lines


def _affixes(html_title: str | None, headline: str | None) -> tuple[str | None, str | None]:
    """(<title> without the site part, the site part) — 'Headline | Site' or 'Site - Headline'."""
    if not html_title:
        return None, None
    seps = list(_AFFIX_SEP.finditer(html_title))
    if not seps:
        return html_title, None
    hk = text.tokens(headline or "")
    first, last = seps[0], seps[-1]
    for site, rest in ((html_title[last.end():], html_title[:last.start()]),
                       (html_title[:first.start()], html_title[first.end():])):
        site, rest = site.strip(), rest.strip()
        if not site or len(site.split()) > 4 or len(rest) <= len(site):
            continue
        st = text.tokens(site)
        if hk and st and len(st & hk) >= 0.5 * len(st):
            continue  # this part is the headline, not the site
        return rest, (None if common.is_section_label(site) else site)
    return html_title, None


def _strip_site(title: str | None, outlet: str | None) -> str | None:
    if not title:
        return None
    t = " ".join(title.split())
    if outlet:
        for sep in (" | ", " - ", " – ", " — ", " :: ", " ـ "):
            if t.endswith(sep + outlet):
                t = t[: -len(sep + outlet)]
            if t.startswith(outlet + sep):
                t = t[len(outlet + sep):]
    return t.strip() or None


def _filter_extracted(extracted: str, title: str | None) -> list[str]:
    """trafilatura's lines through the text classifier: keep paragraphs and sub-headings."""
    lines, bullets = text.prepare(extracted)
    blocks = text.make_blocks(lines, bullets)
    text.classify(blocks)
    tkey = common.bare(title) if title else None
    keep: list[str] = []
    seen_text = False
    for i, b in enumerate(blocks):
        if b.cls == text.HARD and seen_text:
            break  # comments, most read, tags: the article is over
        if tkey and b.key == tkey:
            continue
        if b.cls in (text.TEXT, text.LIST):
            seen_text = seen_text or b.cls == text.TEXT
            if seen_text:
                keep.extend(x for x in b.lines if x)
        elif (b.cls == text.SHORT and b.words <= 10 and seen_text and 0 < i < len(blocks) - 1
              and blocks[i - 1].cls in (text.TEXT, text.LIST)
              and blocks[i + 1].cls in (text.TEXT, text.LIST)):
            keep.extend(x for x in b.lines if x)
    return keep


def _title_block(an: text.Analysis, title: str | None) -> int | None:
    if not title:
        return an.title_block
    k = common.bare(title)
    s0 = an.span[0] if an.span else len(an.blocks)
    hits = [i for i, b in enumerate(an.blocks) if b.key == k or common.bare(b.text) == k]
    before = [i for i in hits if i < s0]
    if before:
        return before[-1]
    return hits[0] if hits else an.title_block


def clean_html(raw: RawInput) -> CleanDoc:
    """Clean an HTML page (or an HTML fragment) with trafilatura plus the text rules."""
    from lxml import html as lh

    markup = raw.content
    full = common.is_full_document(markup)
    try:
        tree = lh.document_fromstring(markup) if full else lh.fragment_fromstring(
            markup, create_parent="div")
    except Exception:  # lxml raises ParserError/ValueError on junk
        return text.clean_text(raw)
    meta = page_metadata(tree) if full else Meta()
    url = raw.url or meta.url
    analysis: list[text.Analysis] = []

    def page_text() -> text.Analysis:
        """The text-mode analysis of the page's visible lines (made only when needed)."""
        if not analysis:
            lines = [common.INVISIBLE.sub("", x) for x in html_lines(tree)]
            analysis.append(text.analyze(lines, url=None))
        return analysis[0]

    title = meta.title or meta.h1
    if meta.title and meta.h1 and meta.h1 != meta.title and meta.h1 in meta.title:
        # og:title = "<h1> - Site": the part around the headline is the site name
        rest = meta.title.replace(meta.h1, " ").strip(" -–—|:")
        title = meta.h1
        if rest and len(rest.split()) <= 4 and not meta.outlet:
            meta.outlet = rest
    stripped, site_part = _affixes(meta.html_title, title)
    outlet = meta.outlet or site_part
    if title:
        title = _strip_site(title, outlet)
    elif full and stripped:
        # only <title> names the page: trust it when the page shows it as a line ("Site -
        # Section" titles are not headlines)
        title = _strip_site(stripped, outlet)
        key = common.bare(title or "")
        if not any(b.key == key or common.bare_n(b.n) == key for b in page_text().blocks):
            title = page_text().title or title
    if not title or common.is_section_label(title) or (outlet and title == outlet):
        title = page_text().title

    body: list[str] = []
    if full:
        import trafilatura

        extracted = trafilatura.extract(
            markup, url=url, include_comments=False, include_tables=False,
            favor_precision=True, deduplicate=False, with_metadata=False) or ""
        body = _filter_extracted(extracted, title)
        if sum(len(x) for x in body) < 80:
            fallback = page_text().body_lines
            if sum(len(x) for x in fallback) >= 80:
                body = fallback
    else:
        body = page_text().body_lines

    if not outlet:
        clues = page_text().clues or text.OutletClues()
        outlet = (clues.site if clues.site and clues.confirmed else None) or clues.copyright
        outlet = outlet or common.outlet_from_url(url) or text.find_outlet(clues, None)

    published, published_from = meta.published, "metadata" if meta.published else None
    if not published:
        published = common.date_from_url(url)
        published_from = "url" if published else None
    if not published:
        an = page_text()
        published = text.header_date(an.blocks, an.span, _title_block(an, title))
        published_from = "dateline" if published else None
        if not published and body:
            published = text.top_of_body_date(body[0])
            published_from = "text" if published else None
    window = window_text = None
    if not published and body:
        window, window_text = text.estimate_window("\n".join(body))
        published_from = "estimated" if window else None
    doc = CleanDoc(raw=raw, title=title, text="\n".join(body), outlet=outlet, url=url,
                   published=published, published_from=published_from, language="und",
                   comments=[] if full else page_text().comments,
                   published_window=window)
    if window:
        doc.warnings.append(f"W202: publication date estimated from the text: {window} "
                            f"({window_text})")
    return doc
