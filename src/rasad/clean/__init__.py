"""Stage 2 — clean: article body, title, outlet and an honest publication date.

Two modes share the same title/date/outlet rules (docs/cleaning.md):

* scraped text (:mod:`rasad.clean.text`): a line classifier keeps the article body and
  drops menus, related headlines, sidebars, comments and footers;
* HTML (:mod:`rasad.clean.html`): trafilatura for the body of a full page, the same
  classifier after it and for fragments, page metadata for the date. Markup pasted into a
  text input is detected and cleaned as HTML.

A wrong publication date is worse than none: dates are only taken from the input, page
metadata, the URL, a dateline or an explicit date at the top of the body — never from
copyright lines, sidebars, related headlines or comment timestamps. An undated page whose
text says "since <date>" gets ``published_from='estimated'`` with a ``published_window``
(">=2020") and ``published`` left null.
"""

from __future__ import annotations

from rasad import errors
from rasad.clean.common import detect_language, looks_like_html
from rasad.records import CleanDoc, RawInput


def clean(raw: RawInput, *, min_body_chars: int = 80) -> CleanDoc:
    """Clean one raw page; raise :class:`rasad.errors.Drop` when no usable body exists."""
    if raw.kind == "html" or looks_like_html(raw.content):
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
