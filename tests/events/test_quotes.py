"""Quotes and their speakers (rasad.events.quotes), on sentences written for these tests.

Each case is one construction of Arabic news reporting: several complements of one verb,
a partial direct quotation inside an indirect one, a verb or participle that shares the
subject of an earlier clause in its sentence, a relative clause, a possessive speaker
noun, a topic with أما, and the places a speaker must not be taken from (inside the
reported clause, inside a prepositional phrase). A wrong speaker is worse than none.
"""

from __future__ import annotations

from functools import cache

from rasad.pipeline import extract
from rasad.records import ActorRef, RawInput
from rasad.text.normalize import norm

# a sentence with no speech in it: short passages need some body to survive cleaning
_PAD = " وشهدت المنطقة هدوءا نسبيا خلال ساعات الليل بعد أيام من المعارك العنيفة بين الطرفين."


@cache
def _quotes(text: str, published: str) -> tuple[tuple[str | None, str, bool], ...]:
    raw = RawInput(source="quotes", external_id="quotes", kind="text", content=text + _PAD,
                   published=published)
    x = extract(raw)
    return tuple((q.speaker.id if q.speaker else None, q.text, q.direct) for q in x.quotes)


def _speaker(text: str, published: str, words: str) -> list[str | None]:
    """The speakers of the quotes that contain `words` (normalized)."""
    return [sp for sp, t, _ in _quotes(text, published) if norm(words) in norm(t)]


def test_every_complement_of_one_verb_is_a_quote() -> None:
    text = ("قال وزير الخارجية الروسي سيرغي لافروف إن موسكو تدعم الحوار بين الأطراف "
            "السورية، وإن بلاده لن تقبل أي تدخل عسكري أجنبي جديد.")
    assert _speaker(text, "2019-05-10", "موسكو تدعم الحوار") == ["sergey-lavrov"]
    assert _speaker(text, "2019-05-10", "بلاده لن تقبل") == ["sergey-lavrov"]
    # the first quote ends where the second begins
    first = [t for _, t, _ in _quotes(text, "2019-05-10") if "موسكو" in t]
    assert "بلاده" not in first[0]


def test_a_participle_clause_opens_a_quote_of_its_own() -> None:
    text = ("أعلنت وزارة الدفاع التركية مقتل جنديين في إدلب. وقالت الوزارة إن «مجموعات "
            "إرهابية تابعة للنظام» هاجمت نقطة المراقبة قرب سراقب بقذائف الهاون، مشيرة إلى أن القوات "
            "التركية ردت على مصادر النيران.")
    # a short direct quotation at the start of the clause does not hide the clause
    assert _speaker(text, "2020-02-10", "هاجمت نقطة المراقبة") == ["TURMIL"]
    assert _speaker(text, "2020-02-10", "القوات التركية ردت") == ["TURMIL"]


def test_a_reporting_act_with_a_complement_is_a_quote() -> None:
    text = "ونفى الكرملين أن تكون الطائرات الروسية قد قصفت المستشفى في معرة النعمان."
    assert _speaker(text, "2020-03-02", "الطائرات الروسية قد قصفت") == ["RUSGOV"]
    text = "وحذرت وزارة الدفاع الروسية من أن المسلحين يستعدون لهجوم كيميائي في ريف إدلب."
    assert _speaker(text, "2020-03-02", "المسلحين يستعدون") == ["RUSMIL"]
    # no complement, no quote: "حذر من هجوم" is a warning, not reported speech
    text = "وحذرت وزارة الدفاع الروسية من هجوم كيميائي وشيك في ريف إدلب الجنوبي."
    assert not [t for _, t, _ in _quotes(text, "2020-03-02") if "هجوم" in t]


def test_a_long_gap_before_the_complement() -> None:
    text = ("وأعلن الجيش التركي في سلسلة تغريدات، مساء اليوم الجمعة، أن قواته استعادت "
            "السيطرة على ثلاث قرى في ريف إدلب.")
    assert _speaker(text, "2020-03-02", "قواته استعادت السيطرة") == ["TURMIL"]


def test_a_coordinated_verb_takes_the_mouthpiece_of_the_clause_before() -> None:
    # نفت (feminine) has the government as subject; وقال (masculine) is its mouthpiece
    text = ("ونفت الحكومة السورية على لسان وزير الخارجية وليد المعلم أي دور لدمشق في "
            "الهجوم، وقال إن الاتهامات الغربية لا تستند إلى أي دليل.")
    assert _speaker(text, "2019-05-10", "الاتهامات الغربية") == ["walid-muallem"]


def test_a_coordinated_verb_takes_the_subject_after_however() -> None:
    text = ("رحبت الأمم المتحدة بالاتفاق، غير أن وزارة الخارجية السورية رفضت بنوده، "
            "وقالت إن تركيا لم تلتزم بأي تعهد سابق في إدلب.")
    assert _speaker(text, "2020-03-06", "تركيا لم تلتزم") == ["SYRGOV"]


def test_a_circumstantial_participle_shares_the_subject_of_the_main_verb() -> None:
    text = ("تفقد وزير الدفاع التركي خلوصي أكار الوحدات المنتشرة على الحدود، والتقى قادة "
            "الجيش، قائلاً في كلمة أمام الجنود: «لن نسمح بأي تهديد لأمن حدودنا الجنوبية».")
    assert _speaker(text, "2020-03-02", "لن نسمح بأي تهديد") == ["hulusi-akar"]


def test_a_dropped_subject_is_not_the_object_of_a_preposition() -> None:
    text = ("وصل الرئيس الفرنسي إيمانويل ماكرون إلى ستراسبورغ، وقال أمام البرلمان "
            "الأوروبي إن أوروبا يجب أن تدافع عن حدودها بنفسها.")
    assert _speaker(text, "2020-03-02", "أوروبا يجب أن تدافع") == ["emmanuel-macron"]


def test_a_relative_clause_speaks_for_its_antecedent() -> None:
    text = ("ودانت الهجوم فرنسا وألمانيا والاتحاد الأوروبي، الذي أكد أن بعثته ستواصل "
            "مراقبة وقف إطلاق النار في المنطقة.")
    assert _speaker(text, "2020-03-02", "بعثته ستواصل") == ["european-union"]


def test_his_office_speaks_for_the_subject_before() -> None:
    text = ("ترأس الرئيس التركي رجب طيب أردوغان اجتماعا لمجلس الأمن القومي في أنقرة. "
            "وأوضح مكتبه أن الجيش سيعزز مواقعه في إدلب خلال الأيام المقبلة.")
    assert _speaker(text, "2020-03-02", "الجيش سيعزز مواقعه") == ["recep-tayyip-erdogan"]


def test_the_spokesman_of_the_army_named_before() -> None:
    text = ("أعلن الجيش السوري السيطرة على بلدة خان شيخون في ريف إدلب. وقال المتحدث باسم "
            "الجيش في بيان إن الوحدات تواصل تمشيط المنطقة من الألغام.")
    assert _speaker(text, "2019-08-23", "الوحدات تواصل تمشيط") == ["SYRMIL"]


def test_a_new_written_statement_keeps_its_speaker() -> None:
    text = ("قال وزير الدفاع التركي خلوصي أكار إن قواته ستبقى في إدلب. وكتب في تغريدة: "
            "«لن نتراجع عن مواقعنا مهما كانت الظروف».")
    assert _speaker(text, "2020-03-02", "لن نتراجع عن مواقعنا") == ["hulusi-akar"]


def test_an_unnamed_topic_is_nobody_not_the_last_speaker() -> None:
    text = ("قال لافروف إن الحوار مستمر مع أنقرة. أما رئيس وفد المعارضة فأوضح أن الجولة "
            "المقبلة ستعقد في جنيف الشهر المقبل.")
    assert _speaker(text, "2020-03-02", "الجولة المقبلة ستعقد") == [None]


def test_no_speaker_from_inside_the_reported_clause() -> None:
    text = ("وقال مدير الجمعية إن المساعدات ستسلم إلى الهلال الأحمر التركي في غازي "
            "عنتاب، مضيفاً: «سنرسل قوافل أخرى خلال الأسبوع المقبل».")
    assert _speaker(text, "2020-03-02", "سنرسل قوافل أخرى") == [None]
    assert _speaker(text, "2020-03-02", "المساعدات ستسلم") == [None]


def test_no_speaker_from_a_place_in_a_prepositional_phrase() -> None:
    text = "وقال طبيب في المستشفى التركي بمدينة إدلب إن عدد الجرحى ارتفع إلى أربعين."
    assert _speaker(text, "2020-03-02", "عدد الجرحى ارتفع") == [None]


def test_a_family_name_with_ta_marbuta_is_a_man() -> None:
    from rasad.events.coref import actor_gender, load_coref_data

    d = load_coref_data()

    def person(text: str, via: str) -> ActorRef:
        return ActorRef(text=text, start=0, end=len(text), id="p", name="p", country=None,
                        kind="person", via=via)

    assert actor_gender(person("الطراونة", "name"), d, certain=False) == "m"
    assert actor_gender(person("فاطمة", "name"), d, certain=False) == "f"


def test_the_narrators_next_clause_ends_an_indirect_quote() -> None:
    # "…، فيما دعت فرنسا": another subject's clause, not the minister's words
    text = ("وقال وزير الخارجية الروسي سيرغي لافروف إن الهجوم عمل إرهابي مدان، فيما دعت "
            "فرنسا جميع الأطراف إلى ضبط النفس.")
    said = [t for _, t, _ in _quotes(text, "2019-05-10") if "الهجوم" in t]
    assert said and "فرنسا" not in said[0]


def test_a_title_opens_the_subject_and_its_person_speaks() -> None:
    # the body or country inside the title is not the speaker; the person it names is
    text = ("وقال الأمين العام للحزب حسن نصر الله في كلمة متلفزة إن «المقاومة لن تقف "
            "مكتوفة الأيدي أمام العدوان».")
    assert _speaker(text, "2023-11-10", "المقاومة لن تقف") == ["hassan-nasrallah"]
    # but a subject named first stays the speaker ("قال الكرملين عقب اتصال بين بوتين …")
    text = ("وقال الكرملين عقب اتصال بين بوتين وأردوغان إن الرئيسين اتفقا على مواصلة "
            "التنسيق في إدلب.")
    assert _speaker(text, "2020-03-02", "الرئيسين اتفقا") == ["RUSGOV"]


def test_a_time_after_the_verb_leaves_an_svo_subject() -> None:
    text = ("وكان وزير الخارجية التركي هاكان فيدان قد أعلن يوم الثلاثاء أن «كل المنشآت "
            "التابعة للتنظيم أهداف مشروعة».")
    assert _speaker(text, "2023-10-06", "كل المنشآت") == ["hakan-fidan"]


def test_a_rank_after_the_spokesmans_body_keeps_the_body() -> None:
    text = ("أعلن الجيش السوداني صد هجوم على مدينة الأبيض. وقال المتحدث باسم الجيش "
            "العقيد خالد عمر إن «المدينة آمنة تماما وقواتنا تسيطر على كل مداخلها».")
    assert _speaker(text, "2024-05-02", "المدينة آمنة") == ["SDNMIL"]


def test_a_verb_with_its_own_complement_does_not_attribute_the_quote_before() -> None:
    # «…». تقول الأمم المتحدة إن …: the UN speaks its own clause, not the quotation
    text = ("وحذر حاكم الإقليم المكلف من قبل المجلس المحلي من أن «القوات ستتقدم نحو المدينة "
            "خلال أيام». وتقول الأمم المتحدة إن آلاف المدنيين نزحوا من المدينة.")
    assert "united-nations" not in _speaker(text, "2024-05-02", "القوات ستتقدم")
    assert _speaker(text, "2024-05-02", "آلاف المدنيين نزحوا") == ["united-nations"]


def test_a_ministry_the_dictionary_lacks_is_its_countrys_government() -> None:
    text = ("قالت وزارة الزراعة واستصلاح الأراضي المصرية في بيان إن «المحصول هذا العام "
            "تضرر من موجة الحر».")
    assert _speaker(text, "2023-07-02", "المحصول هذا العام") == ["EGYGOV"]


def test_the_spokesman_of_the_body_named_before_speaks_for_it() -> None:
    text = ("وأعربت بعثة الأمم المتحدة للدعم في ليبيا عن قلقها من التصعيد في طرابلس. وقال "
            "المتحدث باسمها إن «البعثة على اتصال بكل الأطراف لوقف القتال فوراً».")
    assert _speaker(text, "2023-08-16", "البعثة على اتصال") == ["unsmil"]
    # a person named before has no spokesman "باسمها"
    text = ("وقال وزير الخارجية التركي مولود جاويش أوغلو إن بلاده لن تسحب قواتها. وقال "
            "المتحدث باسمها إن «أنقرة ستواصل عملياتها حتى النهاية في الشمال».")
    assert _speaker(text, "2020-03-02", "أنقرة ستواصل") != ["mevlut-cavusoglu"]


def _said(text: str, published: str, words: str) -> list[dict[str, str | None] | None]:
    """The contract's speaker of each quote that contains `words` (normalized)."""
    raw = RawInput(source="quotes", external_id="quotes", kind="text", content=text + _PAD,
                   published=published)
    return [q.to_dict()["speaker"] for q in extract(raw).quotes if norm(words) in norm(q.text)]


def test_a_speaker_the_dictionary_lacks_keeps_its_wording() -> None:
    # no actor: the attribution's own words, with no id, up to the addressee or circumstance
    text = ("وقالت مصادر طبية لوكالة الأنباء الألمانية إن حصيلة القصف ارتفعت إلى تسعة "
            "قتلى. وقال وزير الزراعة والري سعيد النجار، في تصريحات صحفية، إن المحاصيل "
            "تضررت بشدة في ثلاث محافظات.")
    assert _said(text, "2022-04-03", "حصيلة القصف ارتفعت") == [
        {"text": "مصادر طبية", "id": None, "name": None}]
    assert _said(text, "2022-04-03", "المحاصيل تضررت") == [
        {"text": "وزير الزراعة والري سعيد النجار", "id": None, "name": None}]
    # the news agency after ل is the one spoken to, not the speaker
    assert _speaker(text, "2022-04-03", "حصيلة القصف ارتفعت") == [None]


def test_no_wording_where_subject_and_object_run_together() -> None:
    # "وصف X Y بأنه": the subject's end cannot be told; "عدم ذكر اسمه" is no verb
    text = ("ووصف المحلل الاقتصادي القرار بأنه ضربة قاسية للقطاع الخاص في البلاد. وقال "
            "مسؤول حكومي، طالباً عدم ذكر اسمه، إن الحكومة ستراجع القرار خلال أسبوع.")
    assert _said(text, "2022-04-03", "ضربة قاسية") in ([], [None])
    assert _said(text, "2022-04-03", "الحكومة ستراجع") == [
        {"text": "مسؤول حكومي", "id": None, "name": None}]


def test_quotation_before_its_verb_is_not_claimed_by_the_sentence_before() -> None:
    text = ("وقالت مصادر محلية إن القصف استمر طوال الليل على الأحياء الشرقية. «لن نغادر "
            "بيوتنا مهما اشتد القصف»، قال الناشط المدني سامر العلي.")
    said = _said(text, "2022-04-03", "لن نغادر بيوتنا")
    assert said and said[0] is not None and "سامر العلي" in (said[0]["text"] or "")


def test_one_of_the_officials_is_a_new_speaker_not_sunday() -> None:
    # bare "أحد" is "one of", not the weekday: the minister's words do not carry over
    text = ("وقال وزير الخارجية التركي مولود جاووش أوغلو إن بلاده لن تسحب قواتها من المنطقة. "
            "وقال أحد المسؤولين الأكراد إن القصف استهدف قرى مدنية في ريف المدينة.")
    assert _speaker(text, "2019-10-10", "بلاده لن تسحب") == ["mevlut-cavusoglu"]
    assert _said(text, "2019-10-10", "القصف استهدف") == [
        {"text": "أحد المسؤولين الأكراد", "id": None, "name": None}]


def test_an_agency_relays_the_words_of_the_office_named_before() -> None:
    # "نقلت الوكالة عن ولي العهد قوله": the crown prince named before speaks, not the agency
    text = ("واستقبل الرئيس الفرنسي إيمانويل ماكرون ولي العهد السعودي الأمير محمد بن سلمان "
            "في باريس. ونقلت وكالة الأنباء السعودية عن ولي العهد قوله إن \"المملكة تدعم "
            "الحل السياسي في اليمن\".")
    assert _speaker(text, "2022-07-29", "المملكة تدعم الحل السياسي") == ["mohammed-bin-salman"]
    # nobody named before: the agency still does not speak
    text = ("ونقلت وكالة الأنباء السعودية عن مسؤول في الوزارة قوله إن \"المملكة تدعم الحل "
            "السياسي في اليمن\".")
    assert _speaker(text, "2022-07-29", "المملكة تدعم الحل السياسي") == [None]
    # written with diacritics, as some outlets do
    text = ("ونقلت وكالةُ الأنباء السعودية عن مسؤولٍ في الوزارة قوله إن \"المملكة تدعم الحل "
            "السياسي في اليمن\".")
    assert _speaker(text, "2022-07-29", "المملكة تدعم الحل السياسي") == [None]
