from rasad.text.sentences import split_sentences


def test_split_keeps_offsets_and_decimals() -> None:
    t = "نما الاقتصاد 3.7 بالمئة. وقال الوزير: «انتهى». هل انتهى؟\nفقرة ثانية هنا."
    ss = split_sentences(t)
    assert [s.text for s in ss] == ["نما الاقتصاد 3.7 بالمئة.", "وقال الوزير: «انتهى».",
                                    "هل انتهى؟", "فقرة ثانية هنا."]
    for s in ss:
        assert t[s.start:s.end] == s.text
    assert ss[-1].paragraph == 1
