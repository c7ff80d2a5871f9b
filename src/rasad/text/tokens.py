"""Words of a text with their offsets, as written and normalized: one tokenizer for every
stage that walks a sentence word by word (modality scope in the coder, coreference)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rasad.text.normalize import norm

# a word keeps its diacritics and tatweel (they are not \w: "قُتل" is one word, not two)
_MARKS = "\u064B-\u065F\u0670\u0640"
WORD = re.compile(rf"[\w{_MARKS}]+")  # for stages that match words with re directly
_WORD_OR_SIGN = re.compile(rf"[\w{_MARKS}]+|[^\w\s{_MARKS}]")


@dataclass(frozen=True, slots=True)
class Token:
    start: int  # offsets in the text given
    end: int
    raw: str  # as written
    w: str  # normalized (rasad.text.normalize.norm)


def tokens(text: str, start: int = 0, end: int | None = None, *,
           signs: bool = False) -> list[Token]:
    """The words of text[start:end] (with `signs`, each punctuation sign is a token too:
    clause boundaries for a walk over the sentence)."""
    end = len(text) if end is None else end
    span = text[start:end]
    ns = norm(span)
    same = len(ns) == len(span)  # no diacritics or tatweel: one normalization for all
    pattern = _WORD_OR_SIGN if signs else WORD
    return [Token(m.start() + start, m.end() + start, m.group(),
                  ns[m.start():m.end()] if same else norm(m.group()))
            for m in pattern.finditer(span)]
