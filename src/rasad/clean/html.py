"""HTML cleaning: trafilatura for the body; our own rules for title, date and outlet.

trafilatura's own date fallback can return a footer's "© 2025" year, so the publication
date comes only from explicit metadata (JSON-LD, meta tags, <time> elements) or the URL.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasad.clean import common
from rasad.clean.text import HARD, RELATED, STAMP, TEASER, classify
from rasad.records import CleanDoc, RawInput

_META_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "dc.date.issued", "dc.date", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "published_time",
)
_ISO = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s+::\s+")


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    m = _ISO.search(value)
    if m:
        return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
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
                stack.extend(d)
            elif isinstance(d, dict):
                out.append(d)
                if "@graph" in d:
                    stack.append(d["@graph"])
    return out


def page_metadata(html: str) -> dict[str, str | None]:
    """Title, publication date (with where it came from), outlet and URL from the markup."""
    from lxml import html as lh

    try:
        tree = lh.fromstring(html)
    except Exception:  # lxml raises ParserError/ValueError on junk
        return {}
    meta: dict[str, str | None] = {}
    for d in _jsonld_objects(tree):
        if not meta.get("published") and _iso(str(d.get("datePublished") or "")):
            meta["published"] = _iso(str(d.get("datePublished")))
        if not meta.get("title") and isinstance(d.get("headline"), str):
            meta["title"] = d["headline"].strip()
        pub = d.get("publisher")
        if not meta.get("outlet") and isinstance(pub, dict) and isinstance(pub.get("name"), str):
            meta["outlet"] = pub["name"].strip()
    tags: dict[str, str] = {}
    for m in tree.xpath("//meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key and m.get("content") and key not in tags:
            tags[key] = m.get("content").strip()
    if not meta.get("published"):
        for k in _META_DATE_KEYS:
            if _iso(tags.get(k)):
                meta["published"] = _iso(tags.get(k))
                break
    if not meta.get("published"):
        for t in tree.xpath("//article//time[@datetime] | //time[@pubdate] | "
                            "//time[@itemprop='datePublished']"):
            if _iso(t.get("datetime")):
                meta["published"] = _iso(t.get("datetime"))
                break
    meta["outlet"] = meta.get("outlet") or tags.get("og:site_name") or None
    meta["og_title"] = tags.get("og:title")
    canon = tree.xpath('//link[@rel="canonical"]/@href')
    meta["url"] = tags.get("og:url") or (canon[0] if canon else None)
    h1 = tree.xpath("//h1")
    meta["h1"] = h1[0].text_content().strip() if h1 else None
    t = tree.xpath("//title")
    meta["html_title"] = t[0].text_content().strip() if t else None
    return meta


def _strip_site(title: str | None, outlet: str | None) -> str | None:
    if not title:
        return None
    parts = [p.strip() for p in _TITLE_SPLIT.split(title) if p.strip()]
    if len(parts) > 1:
        parts.sort(key=len, reverse=True)
        if outlet:
            parts = [p for p in parts if p != outlet] or parts
        return parts[0]
    return title.strip()


def clean_html(raw: RawInput) -> CleanDoc:
    """Clean an HTML page with trafilatura plus our metadata rules."""
    import trafilatura

    meta = page_metadata(raw.content)
    url = raw.url or meta.get("url")
    text = trafilatura.extract(raw.content, url=url, include_comments=False,
                               include_tables=False, favor_precision=True, deduplicate=False,
                               with_metadata=False) or ""
    # Second pass with the text-mode classifier: drop "read also" lines and stamps
    # that trafilatura keeps inside the article element.
    kept: list[str] = []
    skip = 0
    for ln in classify(text.split("\n")):
        if ln.cls in (RELATED, HARD):
            skip = 1 if ln.cls == RELATED else 0
            continue
        if skip and ln.words < 14:
            skip = 0
            continue
        skip = 0
        if ln.cls in (STAMP, TEASER):
            continue
        kept.append(ln.text)
    outlet = meta.get("outlet") or common.outlet_from_url(url)
    title = meta.get("h1") or _strip_site(meta.get("og_title") or meta.get("html_title"), outlet)
    if title and kept and kept[0].strip() == title.strip():
        kept = kept[1:]
    published, published_from = meta.get("published"), "metadata" if meta.get("published") else None
    if not published:
        published = common.date_from_url(url)
        published_from = "url" if published else None
    return CleanDoc(raw=raw, title=title, text="\n".join(kept), outlet=outlet, url=url,
                    published=published, published_from=published_from, language="und")
