from rasad.text.normalize import norm, normalize


def test_orthography_unified() -> None:
    assert norm("إدلب") == norm("ادلب") == "ادلب"
    assert norm("أردوغان") == norm("إردوغان") == norm("اردوغان")
    assert norm("أستانة") == "استانه"
    assert norm("مُسْتَشْفَى") == "مستشفي"
    assert norm("٢٠٢٠") == "2020"


def test_offsets_map_back_to_original() -> None:
    original = "قال الرئيسُ التركيّ: «إدلب» ـ ٢٠٢٠"
    n = normalize(original)
    i = n.text.index("ادلب")
    s, e = n.to_original(i, i + 4)
    assert original[s:e] == "إدلب"
    j = n.text.index("التركي")
    s, e = n.to_original(j, j + len("التركي"))
    assert original[s:e] == "التركيّ"
    assert len(n.offsets) == len(n.text) + 1
