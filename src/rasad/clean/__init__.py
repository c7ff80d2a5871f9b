"""Stage 2 — clean: article body, title, outlet and an honest publication date.

Two modes share the same title/date/outlet rules:

* scraped text (:mod:`rasad.clean.text`): a line classifier keeps the article body and
  drops menus, related headlines, sidebars, comments and footers;
* HTML (:mod:`rasad.clean.html`): trafilatura for the body, page metadata for the date.

A wrong publication date is worse than none: dates are only taken from the input, page
metadata, the URL, a dateline or an explicit date at the top of the body — never from
copyright lines, sidebars, related headlines or comment timestamps.
"""

from __future__ import annotations

from rasad import errors
from rasad.clean.common import detect_language
from rasad.records import CleanDoc, RawInput


def clean(raw: RawInput, *, min_body_chars: int = 80) -> CleanDoc:
    """Clean one raw page; raise :class:`rasad.errors.Drop` when no usable body exists."""
    if raw.kind == "html":
        from rasad.clean.html import clean_html

        doc = clean_html(raw)
    else:
        from rasad.clean.text import clean_text

        doc = clean_text(raw)
    lang = detect_language(doc.text or raw.content)
    doc.language = lang
    if lang != "ar":
        raise errors.Drop(errors.E_LANGUAGE, f"language '{lang}' is not supported (Arabic only "
                          "in this version; title: "
                          f"{(doc.title or '')[:60]!r})")
    if len(doc.text) < min_body_chars:
        raise errors.Drop(errors.E_NO_BODY, f"no article body found ({len(doc.text)} characters "
                          "after cleaning)")
    if raw.published:
        doc.published, doc.published_from = raw.published[:10], "input"
    if raw.outlet:
        doc.outlet = raw.outlet
    if raw.title:
        doc.title = raw.title
    if not doc.published:
        doc.warnings.append("W201: no reliable publication date found; relative dates left "
                            "unresolved")
    return doc
