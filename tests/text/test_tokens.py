"""The shared word tokenizer."""

from __future__ import annotations

from rasad.text.tokens import tokens


def test_a_word_keeps_its_diacritics_and_offsets() -> None:
    text = "وقال: قُتلَ ثلاثة، ونفى الجيش."
    toks = tokens(text)
    assert [t.raw for t in toks] == ["وقال", "قُتلَ", "ثلاثة", "ونفى", "الجيش"]
    assert all(text[t.start:t.end] == t.raw for t in toks)
    assert toks[1].w == "قتل" and toks[2].w == "ثلاثه"


def test_signs_and_a_span_of_the_text() -> None:
    text = "مقدمة. قال الوزير: «سنرد»"
    start = text.index("قال")
    toks = tokens(text, start, signs=True)
    assert [t.raw for t in toks] == ["قال", "الوزير", ":", "«", "سنرد", "»"]
    assert toks[0].start == start and text[toks[-1].start:toks[-1].end] == "»"
