"""Sentence splitting for Arabic news text, keeping offsets into the document text."""

from __future__ import annotations

import re

from rasad.records import Sentence

# A sentence ends at . ! ? ؟ (or an ellipsis) followed by space/newline, or at a newline.
# Not at a decimal point (3.7) nor inside an abbreviation-like "أ.ف.ب".
_END = re.compile(r"(?<!\d)(?<!\b\w)([.!?؟]+|…)(?=[\s\"»”']|$)|\n+")
_MIN_CHARS = 2


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of a document text, with [start, end) offsets and paragraph numbers."""
    out: list[Sentence] = []
    para = 0
    start = 0
    for m in _END.finditer(text):
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        # keep a closing quote that follows the full stop with the sentence
        while end < len(text) and text[end] in "\"»”'":
            end += 1
        _add(out, text, start, end, para)
        if m.group(0)[0] == "\n":
            para += 1
            start = m.end()
        else:
            start = end
    _add(out, text, start, len(text), para)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= _MIN_CHARS:
        out.append(Sentence(start, end, text[start:end], para))
