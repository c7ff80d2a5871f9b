"""Source and target (rasad.events.roles): one Arabic construction per test.

The sentences are written for these tests (not taken from any page set). Each runs the
whole pipeline but cleaning (actors, coreference, quotes, triggers, coder), so a test
checks what an analyst would see for that construction.
"""

from __future__ import annotations

from pathlib import Path

from rasad.config import Config
from rasad.pipeline import extract
from rasad.records import Event, RawInput


def code(text: str) -> list[Event]:
    raw = RawInput(source="t", external_id="t", kind="text", content=text,
                   published="2021-03-02")
    return extract(raw, Config(min_body_chars=1)).events


def roles(events: list[Event], etype: str) -> list[tuple[str | None, str | None]]:
    return [(e.source_actor.id if e.source_actor else None,
             e.target_actor.id if e.target_actor else None) for e in events if e.type == etype]


def sources(events: list[Event], etype: str) -> list[str | None]:
    return [s for s, _ in roles(events, etype)]


def targets(events: list[Event], etype: str) -> list[str | None]:
    return [t for _, t in roles(events, etype)]


# --- targets that are not targets --------------------------------------------------------
def test_the_voice_of_the_source_is_not_its_target() -> None:
    # "على لسان المتحدثة باسمها X": X speaks for the ministry
    evs = code("نفت وزارة الخارجية الروسية على لسان المتحدثة باسمها ماريا زاخاروفا أي "
               "صلة لموسكو بالهجوم على القاعدة.")
    assert roles(evs, "REJECT") == [("RUSGOV", None)]


def test_a_feminine_participle_carries_no_object_pronoun() -> None:
    # "داعية" ends in ة, not in the pronoun ـه: the actor before it is not its object
    evs = code("وأعربت منظمة الصحة العالمية عن قلقها، وقالت إن على الحكومة السورية فتح "
               "المعابر، داعية جميع الأطراف إلى التهدئة.")
    assert roles(evs, "REQUEST") == [("who", None)]


def test_a_second_conjoined_subject_is_not_the_target() -> None:
    evs = code("ودعت روسيا والصين الطرفين إلى العودة إلى طاولة المفاوضات في جنيف.")
    # (each of them is the source of its own event)
    assert roles(evs, "REQUEST") == [("RUS", None), ("CHN", None)]


def test_the_object_search_stops_at_a_new_clause_of_speech() -> None:
    # "…، وقالت إن روسيا …": Russia belongs to the new clause
    evs = code("غير أن وزارة الخارجية التركية رفضت البيان الختامي للاجتماع، وقالت إن روسيا "
               "لم تلتزم بتعهداتها.")
    assert roles(evs, "REJECT") == [("TURGOV", None)]


def test_the_object_search_stops_at_fima() -> None:
    evs = code("وقال أردوغان إن الجيش سيواصل عملياته، متوعدا بالرد على أي هجوم، فيما دعت "
               "الولايات المتحدة إلى ضبط النفس.")
    assert targets(evs, "THREATEN") == [None]


def test_a_passive_patient_is_not_across_a_comma() -> None:
    evs = code("وأصيب ثلاثة أشخاص في عملية طعن نفذها مهاجم قبل أن يُقتل برصاص حارس، وقالت "
               "حركة حماس إن العملية رد على ما يجري في الضفة.")
    assert "hamas" not in targets(evs, "ASSAULT")


def test_a_country_after_a_launch_verb_and_min_is_where_from() -> None:
    evs = code("وسقطت صواريخ أطلقت من لبنان على مستوطنة في شمال إسرائيل صباح اليوم ما أدى "
               "إلى إصابة ثلاثة أشخاص.")
    assert roles(evs, "ASSAULT") and all(s != "LBN" and t != "LBN"
                                         for s, t in roles(evs, "ASSAULT"))


def test_what_a_protest_is_against_is_its_target() -> None:
    evs = code("وخرجت الاحتجاجات المناهضة للحكومة العراقية في بغداد والبصرة يوم الجمعة "
               "للمطالبة بإسقاط النظام.")
    assert roles(evs, "PROTEST") == [(None, "IRQGOV")]


# --- sources -----------------------------------------------------------------------------
def test_a_partitive_subject_is_the_group() -> None:
    # "عناصر من الجيش": the army acts; من here is not a preposition of an object
    evs = code("واعتقل عناصر من الجيش السوري عشرات الشبان في ريف درعا الغربي.")
    assert roles(evs, "COERCE") == [("SYRMIL", None)]


def test_a_partitive_subject_before_its_verbs() -> None:
    evs = code("وقال ناشطون إن عناصر من حزب الله اقتحموا القرية واحتجزوا عددا من السكان.")
    assert sources(evs, "ASSAULT") == ["hezbollah"]
    assert sources(evs, "COERCE") == ["hezbollah"]


def test_a_resumptive_announce_verb_names_the_agent() -> None:
    # "الهدنة التي أعلنتها X": X declared the truce
    evs = code("وتأتي الهجمات رغم الهدنة التي أعلنتها حركة حماس الشهر الماضي.")
    assert sources(evs, "AGREE") == ["hamas"]


def test_a_resumptive_chair_verb_names_the_agent() -> None:
    evs = code("وانتهى الاجتماع الطارئ الذي ترأسه الرئيس التركي رجب طيب أردوغان في أنقرة.")
    assert sources(evs, "CONSULT") == ["recep-tayyip-erdogan"]


def test_after_a_speech_verb_and_its_subject_the_trigger_is_a_masdar() -> None:
    # "أعلن X، اليوم، توصل Y إلى اتفاق": Y reached the deal, X announced it
    evs = code("أعلن مكتب الأمم المتحدة، اليوم الأحد، توصل الحكومة السورية والمعارضة إلى "
               "اتفاق لتبادل الأسرى.")
    assert sources(evs, "AGREE") == ["SYRGOV"]
    assert "united-nations" not in targets(evs, "AGREE")


def test_a_masdar_with_the_subjects_own_forces() -> None:
    # "أعلنت الوزارة انسحاب قواتها": the ministry's forces withdrew
    evs = code("وأعلنت وزارة الدفاع التركية، مساء أمس، انسحاب قواتها من نقطة المراقبة في "
               "ريف حماة.")
    assert sources(evs, "RETREAT") == ["TURMIL"]


def test_a_denier_s_own_forces_across_qad() -> None:
    # "نفى الجيش أن تكون قواته قد استهدفت": the army's own act, denied
    evs = code("ونفى الجيش التركي أن تكون قواته قد استهدفت المدنيين في عفرين.")
    assert [(e.source_actor.id if e.source_actor else None, e.modality)
            for e in evs if e.type == "ASSAULT"] == [("TURMIL", "denied")]


def test_a_military_speaker_s_bare_forces_are_its_own() -> None:
    evs = code("وقال الجيش التركي في بيان إن القوات انسحبت من مواقعها في ريف حلب فجر اليوم.")
    assert sources(evs, "RETREAT") == ["TURMIL"]


def test_a_military_speaker_s_bare_strikes_are_its_own() -> None:
    evs = code("وقال الجيش الأمريكي في بيان إن الضربات استهدفت مواقع لتنظيم الدولة الإسلامية "
               "في شرق سوريا.")
    assert roles(evs, "ASSAULT") == [("USAMIL", "islamic-state")]


def test_named_strikes_in_a_military_speaker_s_words_are_not_its_own() -> None:
    evs = code("وقال الجيش اللبناني في بيان إن الغارات الإسرائيلية استهدفت بلدات في الجنوب "
               "فجر اليوم.")
    assert "LBNMIL" not in sources(evs, "ASSAULT")


def test_the_parties_of_a_clash_after_bayna() -> None:
    evs = code("وتعيد هذه المواجهات إلى الأذهان اشتباكات العام الماضي، التي اندلعت بين قوات "
               "موالية للحكومة السورية وأخرى تابعة لهيئة تحرير الشام، وأسفرت عن مقتل 30 "
               "شخصا.")
    assert roles(evs, "ASSAULT") == [("SYRGOV", "hayat-tahrir-al-sham")]


def test_a_clash_with_x_is_fought_by_the_subject_force() -> None:
    evs = code("وأعلن الجيش السوري، في بيان نشرته وكالة سانا مساء أمس، انسحاب قواته من بلدة "
               "كفرنبل الاستراتيجية بعد ثلاثة أيام من المعارك مع هيئة تحرير الشام.")
    assert ("SYRMIL", "hayat-tahrir-al-sham") in roles(evs, "ASSAULT")


def test_the_one_blamed_after_hammala() -> None:
    # "وحمّلت الحكومة الإسرائيلية المسؤولية": the government is blamed, not blaming
    evs = code("ودانت وزارة الخارجية الأردنية العملية، وحمّلت الحكومة الإسرائيلية المسؤولية "
               "الكاملة عن هذا التصعيد الخطير.")
    assert "ISRGOV" not in sources(evs, "ACCUSE")
    assert "ISRGOV" in targets(evs, "ACCUSE")


def test_the_condemner_is_not_the_agent_of_the_act_condemned() -> None:
    evs = code("ودانت وزارة الخارجية التركية الاستهداف الإرهابي للمدنيين في إدلب.")
    assert "TURGOV" not in sources(evs, "ASSAULT")


def test_an_act_after_bisha_n_is_a_topic() -> None:
    evs = code("ومن المقرر أن يعقد مجلس الأمن الدولي جلسة طارئة بشأن الهجوم يوم الخميس.")
    assert "un-security-council" not in sources(evs, "ASSAULT")


def test_a_name_that_begins_with_waw_is_not_a_conjunct() -> None:
    # "دعت موسكو واشنطن": واشنطن is the object, not و + a second subject
    evs = code("ودعت موسكو واشنطن إلى وقف التصعيد في المنطقة.")
    assert roles(evs, "REQUEST") == [("RUSGOV", "USAGOV")]


# --- session 5: constructions found on the blind2 pages (a development set since then) ---
# The sentences are new; each names the construction, not a page's words.
def test_conjoined_possessive_forces_are_the_military_speakers() -> None:
    # "إن مقاتلاتها ومدفعيتها قصفت": the last of conjoined possessives before the verb, and a
    # time adverbial before the object does not make the verb passive
    evs = code("قالت القوات المسلحة التركية إن مقاتلاتها ومدفعيتها قصفت مساء أمس مواقع "
               "تابعة لحزب العمال الكردستاني.")
    assert roles(evs, "ASSAULT") == [("TURMIL", "pkk")]


def test_a_support_verb_names_the_agent_through_its_head_nouns() -> None:
    # "غارة نفذتها طائرة مسيرة تركية": the nisba after the head nouns is the agent, and the
    # drone is not a second act
    evs = code("قتل ثلاثة مدنيين جراء غارة نفذتها طائرة مسيرة تركية على سيارة قرب "
               "القامشلي.")
    assert sources(evs, "ASSAULT") == ["TUR"]


def test_an_envoy_is_a_head_of_the_nisba() -> None:
    evs = code("ومن المقرر أن يزور المبعوث الأمريكي الخاص إلى اليمن مدينة عدن الأسبوع "
               "المقبل.")
    assert sources(evs, "CONSULT") in (["USA"], ["USAGOV"])


def test_a_masdar_with_the_subjects_pronoun_is_the_subjects_act() -> None:
    # "أعلنت السعودية سحب سفيرها": the pronoun on the masdar's noun is the subject's
    evs = code("أعلنت السعودية، مساء أمس الجمعة، سحب سفيرها من بيروت.")
    assert sources(evs, "SANCTION") == ["SAU"]


def test_a_clause_without_a_subject_continues_the_nearest_clause() -> None:
    # "…، فيما رحبت الإمارات بالبيان، ودعت": the UAE calls, not Qatar
    evs = code("أدانت قطر الهجوم، فيما رحّبت الإمارات بالبيان، ودعت إلى ضبط النفس.")
    assert sources(evs, "REQUEST") == ["ARE"]


def test_what_follows_a_prepositional_trigger_is_its_object() -> None:
    # "ودعت إلى انسحاب القوات": the forces are asked to withdraw; the welcome has no target
    # in the next clause
    evs = code("رحّبت مصر بالاتفاق، ودعت إلى انسحاب القوات الإثيوبية من المنطقة.")
    assert roles(evs, "SUPPORT") == [("EGY", None)]
    assert roles(evs, "REQUEST") == [("EGY", "ETHMIL")]


def test_a_title_before_a_body_takes_the_verbs_gender() -> None:
    # "وأشاد رئيس مفوضية الاتحاد الأفريقي": the verb agrees with رئيس, not with مفوضية
    evs = code("وأشاد رئيس مفوضية الاتحاد الأفريقي بالاتفاق الموقع بين الطرفين.")
    assert sources(evs, "SUPPORT") == ["african-union"]


def test_a_name_particle_may_be_joined_to_the_name() -> None:
    # "بوحبيب" for the dictionary's "بو حبيب"
    evs = code("وطالب وزير الخارجية اللبناني عبدالله بوحبيب فرنسا بالضغط على إسرائيل.")
    assert sources(evs, "REQUEST") == ["abdallah-bou-habib"]


def test_the_form_one_condemn_verb_with_its_object_pronoun() -> None:
    # "دانت" (= أدانت) is a condemnation, and "كما دانته X" is a verb with an object
    # pronoun, not a circumstantial participle of the first subject
    evs = code("ودان مجلس الأمن الدولي الهجوم على الفندق، كما دانته فرنسا وألمانيا.")
    assert ("un-security-council", None) in roles(evs, "ACCUSE")
    assert all(t != "FRA" for t in targets(evs, "ACCUSE"))


def test_a_condemned_act_with_no_earlier_mention_is_an_event() -> None:
    evs = code("دانت وزارة الخارجية القطرية الهجوم الذي استهدف سوقا شعبية في مدينة الموصل.")
    assert "ACCUSE" in [e.type for e in evs] and "ASSAULT" in [e.type for e in evs]


def test_a_meeting_with_listed_participants_has_them_as_sides() -> None:
    # "عقد اجتماع … بمشاركة X، وY": no subject, the listed parties meet
    evs = code("وعقد اجتماع في الدوحة أمس بمشاركة وزير الخارجية الأمريكي أنتوني بلينكن، "
               "ورئيس الوزراء القطري محمد بن عبد الرحمن آل ثاني.")
    assert roles(evs, "CONSULT") == [("antony-blinken", "mohammed-bin-abdulrahman")]


def test_a_title_phrase_before_a_name_is_the_verbs_subject() -> None:
    # "اتهم المتحدث باسم الجماعة وكبير مفاوضيها محمد عبد السلام واشنطن": a title phrase
    # the dictionary does not name stands between the verb and its subject
    evs = code("واتهم المتحدث باسم الجماعة وكبير مفاوضيها محمد عبد السلام واشنطن بعسكرة "
               "البحر الأحمر.")
    assert roles(evs, "ACCUSE") == [("mohammed-abdulsalam", "USAGOV")]


def test_a_title_phrase_naming_its_group_by_a_description_keeps_the_holder() -> None:
    # the same, with "الجماعة" resolved to the group named before: the group inside the
    # title is neither the source nor, before the subject, the object
    evs = code("وسيطرت جماعة الحوثي على الميناء أمس. واتهم المتحدث باسم الجماعة وكبير "
               "مفاوضيها محمد عبد السلام واشنطن بعسكرة البحر الأحمر.")
    assert roles(evs, "ACCUSE") == [("mohammed-abdulsalam", "USAGOV")]


def test_a_spokesman_of_a_described_group_speaks_for_it() -> None:
    # "واتهم المتحدث باسم الحركة علي طيري الحكومة": a name the dictionary lacks; the group
    # spoken for is the source, the government after the name the target
    evs = code("وقالت حركة الشباب إن مقاتليها سيطروا على البلدة. واتهم المتحدث باسم الحركة "
               "علي طيري الحكومة الصومالية بقصف المدنيين.")
    assert roles(evs, "ACCUSE") == [("al-shabaab", "SOMGOV")]


def test_a_title_phrase_holder_is_a_person() -> None:
    # "الناطق الرسمي باسم الحركة الحكومة الصومالية": the government is no spokesman's name
    evs = code("وقالت حركة الشباب إن مقاتليها سيطروا على البلدة. واتهم الناطق الرسمي باسم "
               "الحركة الحكومة الصومالية بقصف المدنيين.")
    assert "SOMGOV" not in sources(evs, "ACCUSE")


def test_an_attack_verb_with_a_date_before_its_object_is_active() -> None:
    # "استهدفت في 17 آب الماضي حقل الشيبة": the date stands between the verb and its
    # object; the verb is not a passive with no object
    evs = code("وكانت جماعة الحوثي قد استهدفت في 17 آب/أغسطس الماضي حقل الشيبة النفطي "
               "بطائرات مسيّرة.")
    assert sources(evs, "ASSAULT") == ["houthis"]


def test_a_description_after_the_pluperfect_auxiliary_is_resolved() -> None:
    # "وكانت الجماعة قد استهدفت": كانت stands where a verb would, so "الجماعة" is the
    # group named before, and the subject of the act
    evs = code("وأعلنت جماعة الحوثي مسؤوليتها عن الضربة أمس. وكانت الجماعة قد استهدفت في "
               "17 آب/أغسطس الماضي حقل الشيبة النفطي بطائرات مسيّرة.")
    assert ("houthis", None) in roles(evs, "ASSAULT")


def test_one_party_then_the_charge_is_the_accused() -> None:
    # "…، واتهمت إسرائيل بالتصعيد": the one party before the charge is the accused, the
    # accuser the clause's subject; with two parties the first accuses
    evs = code("وأعلنت حركة حماس مسؤوليتها عن الهجوم، واتهمت إسرائيل بالتصعيد.")
    assert roles(evs, "ACCUSE") == [("hamas", "ISR")]
    evs = code("واتهمت إسرائيل حركة حماس بخرق الهدنة.")
    assert roles(evs, "ACCUSE") == [("ISR", "hamas")]


def test_a_country_right_after_a_call_made_it() -> None:
    # "بدعوة روسيا إلى الحوار": Russia's call (a country after an attack noun is its
    # target: "قصف سوريا")
    evs = code("ورحبت الحكومة اليمنية بدعوة روسيا إلى الحوار.")
    assert roles(evs, "REQUEST") == [("RUS", None)]
    assert roles(evs, "SUPPORT") == [("YEMGOV", "RUS")]


def test_a_visit_has_the_country_it_goes_to_as_host() -> None:
    # "قبيل مغادرته إلى أوكرانيا في زيارة رسمية", "زيارة لمصر"; not an envoy's title
    evs = code("وقال الرئيس التركي رجب طيب أردوغان، قبيل مغادرته إلى أوكرانيا في زيارة "
               "رسمية، إن الرد التركي مستمر.")
    assert roles(evs, "CONSULT") == [("recep-tayyip-erdogan", "UKR")]
    evs = code("وبدأ وزير الخارجية التركي مولود تشاووش أوغلو زيارة لمصر تستمر يومين.")
    assert targets(evs, "CONSULT") == ["EGY"]
    evs = code("ومن المقرر أن يزور المبعوث الأمريكي الخاص إلى السودان مدينة بورتسودان.")
    assert "SDN" not in targets(evs, "CONSULT")


def test_belonging_after_the_object_preposition_names_the_target() -> None:
    # "غارات على مواقع تابعة لجماعة الحوثي": the sites' owner is the target, the subject of
    # the support verb the source
    evs = code("شنت الولايات المتحدة فجر اليوم غارات جوية على مواقع تابعة لجماعة الحوثي.")
    assert roles(evs, "ASSAULT") == [("USA", "houthis")]


def test_a_generic_head_of_a_partitive_gives_way_to_the_whole() -> None:
    # "مسلحون من حركة الشباب": the fighters are the group's; the group is the attacker
    evs = code("انتهى حصار الفندق بعد أن اقتحمه مسلحون من حركة الشباب مساء أمس.")
    assert sources(evs, "ASSAULT") == ["al-shabaab"]


def test_the_nisba_of_a_statement_noun_names_its_author() -> None:
    # "رفض … الاتهامات العراقية": Iraq made the accusations rejected
    evs = code("ورفض المتحدث باسم الخارجية الإيرانية ناصر كنعاني الاتهامات العراقية.")
    assert roles(evs, "REJECT") == [("nasser-kanaani", "IRQ")]


def test_a_complaint_is_against_its_target_not_its_addressee() -> None:
    evs = code("وقدمت الحكومة العراقية شكوى رسمية إلى مجلس الأمن الدولي ضد إيران.")
    assert targets(evs, "ACCUSE") == ["IRN"]


def test_a_verb_phrase_split_by_its_subject_is_one_trigger() -> None:
    # "استدعت الحكومة، اليوم، سفيرها لدى طهران": the listed phrase "استدعت سفيرها" with its
    # subject and a time between; the host after لدى is the target
    evs = code("استدعت الحكومة العراقية، اليوم الثلاثاء، سفيرها لدى طهران للتشاور.")
    assert roles(evs, "SANCTION") == [("IRQGOV", "IRNGOV")]


def test_a_split_phrase_needs_its_object_outside_a_name() -> None:
    # "نشر قائد قوات الدعم السريع": قوات is a word of the subject's name, not the object of
    # "نشر قوات"
    evs = code("ونشر قائد قوات الدعم السريع محمد حمدان دقلو تسجيلا مصورا أمس.")
    assert "MOBILIZE" not in [e.type for e in evs]


def test_a_dual_nisba_after_an_act_noun_is_its_agent() -> None:
    # "في غارتين إسرائيليتين": the dual adjective of an act noun names the attacker
    evs = code("قتل عشرة مدنيين ليل الأربعاء في غارتين إسرائيليتين استهدفتا مبنى في النبطية.")
    assert sources(evs, "ASSAULT") == ["ISR"]


def test_an_indefinite_accusative_nisba_names_the_victims() -> None:
    # "قتل ستة عشر جنديا مصريا": the counted soldiers are Egypt's, the patients
    evs = code("قتل ستة عشر جنديا مصريا مساء أمس عندما هاجم مسلحون نقطة تفتيش قرب رفح.")
    assert roles(evs, "ASSAULT") == [("unnamed-armed-groups", "EGY")]


def test_a_support_verb_far_after_a_casualty_verb_names_the_attacker() -> None:
    # "استشهد عشرة …، منذ فجر أمس، في عملية عسكرية يشنها الجيش الإسرائيلي"
    evs = code("استشهد عشرة فلسطينيين وأصيب أكثر من مئة آخرين، منذ فجر أمس الإثنين، في "
               "عملية عسكرية واسعة يشنها الجيش الإسرائيلي على مدينة جنين.")
    assert sources(evs, "ASSAULT") == ["ISRMIL"]


def test_a_masdar_with_its_agents_pronoun_after_a_verb_of_expressing() -> None:
    # "أعربت فرنسا وبريطانيا عن تضامنهما مع الحكومة": the pronoun is the subject's, and
    # "تضامنهما" after عن is a masdar, not a verb with an object pronoun
    evs = code("وأعربت فرنسا وبريطانيا عن تضامنهما مع الحكومة العراقية.")
    # (SUPPORT is not split per conjunct: its coded targets are too often wrong to copy)
    assert roles(evs, "SUPPORT") == [("FRA", "IRQGOV")]


# --- conjoined subjects and acts named by their object (session 7) ------------------------
def test_each_conjoined_subject_of_a_one_sided_act_is_its_own_event() -> None:
    evs = code("ودانت كندا وهولندا والنرويج التفجير الذي استهدف السوق.")
    assert sorted(sources(evs, "ACCUSE")) == ["CAN", "NLD", "NOR"]


def test_a_joint_attack_stays_one_event() -> None:
    # an attack by conjoined forces is one act: its dead are counted once
    evs = code("وقصفت القوات الروسية والسورية بلدة في ريف إدلب أمس.")
    assert len([e for e in evs if e.type == "ASSAULT"]) == 1


def test_a_general_verb_is_aid_when_its_object_is_relief() -> None:
    evs = code("وأرسلت اليونان، أمس الأحد، فرق إنقاذ ومستشفى ميدانياً إلى المناطق المنكوبة.")
    assert sources(evs, "AID") == ["GRC"]
    # what is sent decides: troops are a deployment, a letter is nothing
    assert sources(code("وأرسلت اليونان قوات إلى الجزيرة."), "MOBILIZE") == ["GRC"]
    assert [e.type for e in code("وأرسلت اليونان رسالة إلى الاتحاد الأوروبي.")] == []


def test_money_sent_is_aid_not_a_deployment() -> None:
    evs = code("وقال رئيس الوزراء الياباني إن بلاده سترسل أموالاً طارئة إلى المتضررين.")
    assert sources(evs, "AID") == ["JPN"]
    assert [e for e in evs if e.type == "MOBILIZE"] == []


def test_a_same_type_act_of_another_party_in_a_contrast_clause_is_another_event() -> None:
    evs = code("وأرسلت إسبانيا طائرات مساعدات، فيما أعلنت الحكومة الإيطالية إرسال سفينة "
               "محملة بالأدوية.")
    assert sorted(sources(evs, "AID")) == ["ESP", "ITA"]


def test_the_arrival_of_relief_planes_is_aid_from_each_donor_not_a_visit() -> None:
    evs = code("ووصلت طائرات إغاثة من السعودية والكويت إلى مطار المدينة.")
    assert sorted(sources(evs, "AID")) == ["KWT", "SAU"]
    assert [e for e in evs if e.type == "CONSULT"] == []


def test_the_subject_of_a_threats_condition_is_its_target_and_the_condition_no_act() -> None:
    evs = code("وحذّر وزير الدفاع الأمريكي من رد قاس إذا هاجمت إيران السفن في الخليج.")
    assert targets(evs, "THREATEN") == ["IRN"]
    assert [e for e in evs if e.type == "ASSAULT"] == []


def test_what_an_act_is_called_and_what_one_is_charged_with_are_no_acts() -> None:
    evs = code("ودانت الحكومة الأردنية التفجير، واصفة إياه بـ«العمل الذي يستهدف أمن المنطقة».")
    assert sorted(e.type for e in evs) == ["ACCUSE", "ASSAULT"]  # the bombing, not the "يستهدف"
    evs = code("واعتقلت الشرطة التركية عشرة صحفيين في أنقرة بتهمة التعاون مع جماعة محظورة.")
    assert [e.type for e in evs] == ["COERCE"]


def test_a_conjoined_trigger_verb_ends_the_objects_of_the_verb_before_it() -> None:
    evs = code("ودانت ألمانيا الهجوم وأكدت دعمها للحكومة الباكستانية.")
    assert roles(evs, "ACCUSE") == [("DEU", None)]
    assert roles(evs, "SUPPORT") == [("DEU", "PAKGOV")]



def test_a_verb_of_expressing_gives_its_subject_to_the_masdar_after_an() -> None:
    evs = code("وأعرب الأمين العام لجامعة الدول العربية أحمد أبو الغيط عن تضامن الجامعة "
               "مع الأردن.")
    # (an international official is not one side with his own country)
    assert roles(evs, "SUPPORT") == [("ahmed-aboul-gheit", "JOR")]


def test_the_definite_generic_after_a_partitive_names_the_same_group() -> None:
    # "مسلحون من حركة الشباب" … "المسلحين": the same members of al-Shabaab
    evs = code("اقتحم مسلحون من حركة الشباب فندقا في مقديشو مساء الخميس. وقال متحدث باسم "
               "الشرطة إن المسلحين فجروا سيارة مفخخة عند البوابة قبل دخول المبنى.")
    assert "unnamed-armed-groups" not in sources(evs, "ASSAULT")
    assert set(sources(evs, "ASSAULT")) == {"al-shabaab"}


def test_an_indefinite_generic_brings_in_other_members() -> None:
    evs = code("اقتحم مسلحون من حركة الشباب فندقا في مقديشو مساء الخميس. وفي بيداوة، فجر "
               "مسلحون مجهولون عبوة ناسفة في سوق المدينة.")
    assert "al-shabaab" in sources(evs, "ASSAULT")
    assert sources(evs, "ASSAULT").count("al-shabaab") == 1


def test_a_conjoined_source_past_the_place_of_the_first() -> None:
    # "في مقديشو" locates the embassy; the UN mission is the second condemning party
    evs = code("اقتحم مسلحون من حركة الشباب فندقا في مقديشو مساء الخميس. كما دانت السفارة "
               "الأمريكية في مقديشو وبعثة الأمم المتحدة في الصومال الهجوم على الفندق.")
    assert ("USA", "al-shabaab") in roles(evs, "ACCUSE")
    assert ("unsom", "al-shabaab") in roles(evs, "ACCUSE")


def test_a_masdar_saying_what_a_place_is_for_is_no_next_act() -> None:
    # "مواقع لإطلاق الصواريخ تابعة لحزب الله": the sites belong to Hezbollah
    evs = code("وقال الجيش الإسرائيلي إن طائراته قصفت فجر اليوم «بنى تحتية» ومواقع لإطلاق "
               "الصواريخ تابعة لحزب الله في جنوب لبنان.")
    assert ("ISRMIL", "hezbollah") in roles(evs, "ASSAULT")


def test_the_police_dispersing_protesters_are_not_the_protesters() -> None:
    evs = code("تظاهر آلاف التونسيين أمام مقر وزارة الداخلية، فيما أطلقت الشرطة التونسية الغاز "
               "المسيل للدموع لتفريق آلاف المحتجين.")
    assert "TUNCOP" not in sources(evs, "PROTEST")
    assert "TUNCOP" in sources(evs, "COERCE") + sources(evs, "ASSAULT")


def test_our_forces_of_an_armed_groups_spokesman_are_the_group() -> None:
    # "قواتنا" said for the RSF is the RSF, not Sudan
    evs = code("وقال المتحدث باسم قوات الدعم السريع إن \"قواتنا لن تنسحب من مواقعها حول "
               "مدينة الفاشر\".")
    assert sources(evs, "RETREAT") == ["rapid-support-forces"]


def test_a_description_set_off_after_named_actors_names_them_later() -> None:
    # "روسيا وتركيا وإيران، الدول الضامنة": the description later is the first one named
    text = ("اتفقت روسيا وتركيا وإيران، الدول الضامنة لمسار أستانة، على حدود منطقة خفض "
            "التصعيد. وستنشر الدول الضامنة قوات لمراقبة وقف إطلاق النار على أطراف المنطقة.")
    evs = [e for e in code(text) if e.type == "MOBILIZE"]
    assert evs and evs[0].source_actor is not None and evs[0].source_actor.id == "RUS"


def test_a_negated_act_with_no_party_is_no_event() -> None:
    # "someone did not agree" tells an analyst nothing; with its party it is kept
    text = "وقال المسؤول إن الاجتماع انتهى من دون أن يتم التوصل إلى اتفاق بشأن المعابر."
    assert not [e for e in code(text) if e.type == "AGREE"]
    text = "وقالت الخارجية التركية إن أنقرة لم تتوصل إلى اتفاق مع موسكو بشأن إدلب."
    agree = [e for e in code(text) if e.type == "AGREE"]
    assert agree and agree[0].negated


def test_a_users_dictionary_counts_in_the_coder(tmp_path: Path) -> None:
    # a group and its spokesman only a user's dictionary knows: "قواتنا" in his words is
    # the group (coder), read from the dictionary the pipeline linked with
    (tmp_path / "actors_user.yaml").write_text(
        "- id: test-free-army\n  kind: armed_group\n  country: SDN\n  name: Test Free Army\n"
        "  name_ar: جيش التحرير التجريبي\n  aliases: [جيش التحرير التجريبي]\n"
        "- id: test-spokesman\n  kind: person\n  country: SDN\n  name: Test Spokesman\n"
        "  name_ar: عمر الساعدي\n  aliases: [عمر الساعدي]\n  roles:\n"
        "    - {role: spokesperson, country: SDN, start: 2020-01-01, end: null, "
        "org: test-free-army}\n", encoding="utf-8")
    text = ("وقال عمر الساعدي إن قواتنا هاجمت مواقع الجيش السوداني في مدينة الأبيض "
            "صباح اليوم.")
    raw = RawInput(source="t", external_id="t", kind="text", content=text,
                   published="2024-05-02")
    evs = extract(raw, Config(min_body_chars=1, dictionary_dirs=(str(tmp_path),))).events
    attacks = [e for e in evs if e.type == "ASSAULT"]
    assert attacks and attacks[0].source_actor is not None
    assert attacks[0].source_actor.id == "test-free-army"


def test_what_a_speech_participle_announces_is_its_subjects_act() -> None:
    text = ("وقال المتحدث باسم الشرطة العراقية إن القوات تواصل ملاحقة الخلايا في المنطقة، "
            "مؤكداً اعتقال 15 مطلوباً ومصادرة أسلحة.")
    arrests = [e for e in code(text) if e.type == "COERCE"]
    assert arrests and arrests[0].source_actor is not None
    assert arrests[0].source_actor.id == "IRQCOP"
    # an announced killing is suffered, not done: no source from the participle
    text = ("وقال المتحدث باسم الشرطة العراقية إن القوات تواصل ملاحقة الخلايا في المنطقة، "
            "مؤكداً مقتل ثلاثة من عناصرها في الاشتباكات.")
    killed = [e for e in code(text) if e.type == "ASSAULT"]
    assert not killed or killed[0].source_actor is None or \
        killed[0].source_actor.id != "IRQCOP"


def test_blame_laid_on_the_object_before_responsibility() -> None:
    # "حمّل X Y مسؤولية Z": X blames Y (an object frame, data/object_frames.yaml)
    evs = [e for e in code("وحمّلت الخارجية السورية تركيا مسؤولية التصعيد في إدلب.")
           if e.type == "ACCUSE"]
    assert [(e.source_actor.id if e.source_actor else None,
             e.target_actor.id if e.target_actor else None) for e in evs] == [("SYRGOV", "TUR")]
    # a subject the dictionary lacks: the one blamed is the target, not the source
    evs = [e for e in code("وحمّلت عائلة الضحية حركة حماس مسؤولية الحادث.") if e.type == "ACCUSE"]
    assert evs and evs[0].target_actor is not None and evs[0].target_actor.id == "hamas"
    assert evs[0].source_actor is None or evs[0].source_actor.id != "hamas"
    # diacritics between the verb and مسؤولية do not hide the one blamed
    evs = [e for e in code("وحمّلت الخارجيّة السوريّة تركيا مسؤوليّة التصعيد.")
           if e.type == "ACCUSE"]
    assert evs and evs[0].target_actor is not None and evs[0].target_actor.id == "TUR"
    # carrying banners is no blame
    assert not [e for e in code("وحمل المتظاهرون لافتات تطالب برحيل الحكومة.")
                if e.type == "ACCUSE"]


def test_a_description_after_a_proclitic_preposition_is_not_the_subject() -> None:
    # "اتصل … بأمير قطر": the dictionary reads ب + "أمير قطر"; the emir called is the
    # other party, the subject comes before the verb
    # (the subject's full name runs on past the dictionary's form, so the verb's subject
    # is not right before it)
    raw = RawInput(source="t", external_id="t", kind="text", published="2017-06-06",
                   content="وأفادت وكالة الأنباء الكويتية بأن أمير الكويت الشيخ صباح الأحمد "
                           "الجابر الصباح أجرى اتصالاً هاتفياً بأمير قطر تناول تطورات الأزمة.")
    evs = extract(raw, Config(min_body_chars=1)).events
    assert [set(r) for r in roles(evs, "CONSULT")] == [{"sabah-al-ahmad", "tamim-bin-hamad"}]


def test_the_one_spoken_to_in_a_call_is_the_other_party() -> None:
    # "أن أردوغان قال لبوتين في اتصال هاتفي": the call's parties are the speaker and the
    # one he spoke to (the ل-actor is no subject, but it is a party)
    evs = code("وذكرت الرئاسة التركية أن أردوغان قال لنظيره الروسي في اتصال هاتفي، مساء أمس، "
               "إن التصعيد يجب أن يتوقف.")
    assert [set(r) for r in roles(evs, "CONSULT")] == [{"recep-tayyip-erdogan",
                                                        "vladimir-putin"}]


def test_a_country_the_coder_names_itself_carries_the_dictionarys_name() -> None:
    # "قال أردوغان إن بلاده …": the speaker's country is the source, and a user reads its
    # name ("Turkey"), not its code
    evs = code("قال الرئيس التركي رجب طيب أردوغان إن بلاده أرسلت مساعدات إنسانية إلى إدلب.")
    src = [e.source_actor for e in evs if e.type == "AID"]
    assert src and src[0] is not None and src[0].id == "TUR"
    assert src[0].name == "Turkey"


def test_a_participle_of_expressing_shares_the_sentences_subject() -> None:
    # "…، معرباً عن تعازيه لأسر الضحايا": the condolences are the sentence subject's
    evs = code("وأعلن الرئيس الأمريكي جو بايدن أن بلاده سترسل أموالاً إلى منظمات الإغاثة، "
               "معرباً عن تعازيه لأسر الضحايا.")
    assert sources(evs, "SUPPORT") == ["joe-biden"]


def test_a_participle_of_affirming_makes_the_masdar_the_subjects_act() -> None:
    # "…، مجددة رفضها للإرهاب": Saudi Arabia's own refusal, not one aimed at it
    evs = code("ودانت السعودية الهجوم على السفينة، مجددة رفضها للإرهاب.")
    assert roles(evs, "REJECT") == [("SAU", None)]


def test_ties_cut_with_the_subjects_between_the_verb_and_its_object() -> None:
    # a split phrase (lexicons.split_triggers), nine words apart: "قطعت X، فجر اليوم،
    # علاقاتها مع Y"
    evs = code("قطعت تونس والجزائر ودولة الكويت، في وقت متأخر من مساء أمس، علاقاتها "
               "الدبلوماسية مع إيران.")
    assert sorted(roles(evs, "SANCTION")) == [("DZA", "IRN"), ("KWT", "IRN"), ("TUN", "IRN")]
    # recalling one's own ambassador, the subject between
    evs = code("واستدعت الحكومة الأردنية، اليوم، سفيرها في طهران للتشاور.")
    assert [t for t, _ in roles(evs, "SANCTION")] == ["JORGOV"]
    # cutting a road is no sanction
    assert not sources(code("قطعت قوات الأمن، صباح اليوم، الطريق الدولي بين المدينتين."),
                       "SANCTION")


def test_a_conjoined_subject_is_no_target() -> None:
    # the actors conjoined with the source are sources; the object is the one after them
    evs = code("ودعت فرنسا وألمانيا وبريطانيا، في بيان مشترك صدر مساء أمس، إيران إلى ضبط "
               "النفس.")
    assert sorted(roles(evs, "REQUEST")) == [("DEU", "IRN"), ("FRA", "IRN"), ("GBR", "IRN")]


def test_each_of_a_list_is_a_subject() -> None:
    # "كل من X وY" after the verb: a quantifier, not the preposition من; each acts
    evs = code("ونددت كل من الأردن وتونس والمغرب بالتفجير الذي استهدف السفارة.")
    assert sorted(sources(evs, "ACCUSE")) == ["JOR", "MAR", "TUN"]
    evs = code("وحثت كلٌّ من روسيا والصين طرفي النزاع على العودة إلى المفاوضات.")
    assert sorted(sources(evs, "REQUEST")) == ["CHN", "RUS"]
    # a country after a partitive head is still a place of origin ("قوات من سوريا")
    evs = code("وقصفت قوات من سوريا مواقع على الحدود.")
    assert "SYR" not in sources(evs, "ASSAULT")


def test_a_pronoun_after_the_preposition_names_the_addressee() -> None:
    # "طلب منه": the one asked is the pronoun's antecedent, the one called before
    evs = code("وأجرى ملك الأردن اتصالاً هاتفياً بالرئيس الفلسطيني، وطلب منه العودة إلى "
               "المفاوضات.")
    assert roles(evs, "REQUEST") == [("king-abdullah-ii", "mahmoud-abbas")]
    evs = code("وأجرى ملك الأردن اتصالاً هاتفياً بالرئيس الفلسطيني، وطلب منْه العودة إلى "
               "المفاوضات.")  # (with a sukun on the preposition)
    assert roles(evs, "REQUEST") == [("king-abdullah-ii", "mahmoud-abbas")]


def test_a_conjoined_verb_after_an_object_goes_on_with_the_subject() -> None:
    # "والتقى X Y ودعاه": Y ends the first clause; X is the subject of the second
    evs = code("والتقى وزير الخارجية الأمريكي الرئيس المصري ودعاه إلى التهدئة.")
    assert roles(evs, "REQUEST") == [("antony-blinken", "abdel-fattah-el-sisi")]


def test_halting_contacts_is_a_sanction_and_the_halted_talks_no_meeting() -> None:
    # an object frame (object_frames.yaml, halts: true): what is halted is no act of its own
    evs = code("وأعلنت حركة فتح وقف كل الاتصالات السياسية والمفاوضات مع حركة حماس.")
    assert roles(evs, "SANCTION") == [("fatah", "hamas")]
    assert not roles(evs, "CONSULT")
    evs = code("وقررت السلطة الفلسطينية تجميد التنسيق الأمني مع إسرائيل.")
    assert [t for _, t in roles(evs, "SANCTION")] == ["ISR"] and not roles(evs, "COOPERATE")
    # a telephone outage is no sanction
    assert not roles(code("وأدى القصف إلى توقف الاتصالات في شمال القطاع."), "SANCTION")


def test_the_announcer_of_a_sanction_across_a_parenthetical_imposes_it() -> None:
    evs = code("أعلنت وزارة الخزانة الأمريكية، في بيان صدر مساء أمس، فرض عقوبات على ثلاثة "
               "قادة في الحرس الثوري.")
    assert sources(evs, "SANCTION") == ["USAGOV"]
    # an announced killing is not the announcer's act
    evs = code("أعلن الجيش السوري، في بيان صدر مساء أمس، مقتل ثلاثة جنود في ريف إدلب.")
    assert "SYRMIL" not in sources(evs, "ASSAULT")


def test_casualties_received_are_no_meeting() -> None:
    # a count of the wounded as a hosting verb's object, or "استقبال الجرحى" (cues.yaml)
    evs = code("وقالت اللجنة الدولية للصليب الأحمر إن مستشفى الشفاء استقبل، منذ صباح اليوم، "
               "نحو 300 جريح.")
    assert not roles(evs, "CONSULT")
    assert not roles(code("وأكد أن المستشفى الميداني بات عاجزاً عن استقبال الجرحى."), "CONSULT")
    # a visitor received is a meeting
    evs = code("واستقبل الرئيس المصري نظيره الفرنسي في القاهرة.")
    assert roles(evs, "CONSULT") == [("abdel-fattah-el-sisi", "emmanuel-macron")]


def test_an_actor_in_the_complement_is_not_the_target_of_a_meeting_noun() -> None:
    # "قال X في مؤتمر صحفي إن …": whom he spoke of is not whom he met
    evs = code("وقال الرئيس الفرنسي في مؤتمر صحفي مشترك إن هجمات الجيش الروسي تهدد المدنيين.")
    assert "RUSMIL" not in targets(evs, "CONSULT")


def test_what_two_parties_agree_on_names_no_party() -> None:
    # "اتفق مع ضيفه على خطوات لتحييد الجماعات الإرهابية": the groups are the topic
    evs = code("وقال الرئيس الروسي إنه اتفق مع ضيفه على خطوات مشتركة لتحييد الجماعات "
               "الإرهابية في إدلب.")
    assert "terrorist-groups" not in targets(evs, "AGREE")
    evs = code("واتفق الرئيس التركي مع نظيره الروسي على تسيير دوريات مشتركة.")
    assert ("recep-tayyip-erdogan", "vladimir-putin") in roles(evs, "AGREE")


def test_a_demanded_withdrawal_is_not_done() -> None:
    evs = code("وأكد مسؤولون أتراك تمسك بلادهم بمطلب انسحاب قوات النظام السوري من المنطقة.")
    assert not roles(evs, "RETREAT")


def test_a_speaker_suffers_a_passive_act_in_his_own_words() -> None:
    # first person in a quote makes the speaker the source of an active verb only
    evs = code("وقال الرئيس التركي: «لن نقف متفرجين حين يُستهدف جنودنا».")
    assert "recep-tayyip-erdogan" not in sources(evs, "ASSAULT")
    evs = code("وقال الرئيس التركي: «قصفنا مواقع النظام في إدلب».")
    assert sources(evs, "ASSAULT") == ["recep-tayyip-erdogan"]


# --- session 17 ----------------------------------------------------------------------------
def test_a_support_verb_that_opens_the_next_trigger_names_the_agent() -> None:
    # "الغارات التي شنتها الطائرات الإسرائيلية": the phrase "شنتها الطائرات" is a trigger of
    # its own, but its verb points back to the strikes
    evs = code("وقال مسعفون إن الغارات التي شنتها الطائرات الإسرائيلية ليلاً قتلت أربعة "
               "أشخاص في خان يونس.")
    assert sources(evs, "ASSAULT") == ["ISRMIL"]


def test_a_started_offensive_is_its_starters() -> None:
    evs = code("وأدى الهجوم على مأرب الذي بدأه الحوثيون في شباط إلى نزوح آلاف الأسر.")
    assert sources(evs, "ASSAULT") == ["houthis"]


def test_asking_for_anonymity_is_no_request() -> None:
    evs = code("وقال دبلوماسي غربي، طالباً عدم الكشف عن هويته، إن المحادثات متعثرة.")
    assert not roles(evs, "REQUEST")


def test_a_capital_ending_in_an_is_feminine() -> None:
    # "طهران" ends like a dual; a feminine verb before it has it as its subject
    evs = code("ونفت طهران أي علاقة لها بالهجوم على الناقلة.")
    assert sources(evs, "REJECT") == ["IRNGOV"]


def test_the_pronoun_of_an_arrest_masdar_is_the_one_arrested() -> None:
    raw = RawInput(source="t", external_id="t", kind="text", published="2023-07-27",
                   content="وأعلن ضباط في الحرس الرئاسي عزل الرئيس محمد بازوم واحتجازه في القصر.")
    evs = extract(raw, Config(min_body_chars=1)).events
    assert roles(evs, "COERCE") == [(None, "mohamed-bazoum")]


def test_a_masdar_conjoined_in_a_demand_is_demanded_too() -> None:
    evs = code("وطالبت الجامعة العربية إسرائيل بوقف العمليات وسحب قواتها من جنوب لبنان.")
    assert not roles(evs, "RETREAT")


def test_the_giver_of_support_is_named_after_what_is_given() -> None:
    evs = code("ويتقدم الجيش العراقي، بدعم من مستشارين عسكريين وغارات جوية فرنسية، نحو "
               "معاقل التنظيم.")
    assert roles(evs, "SUPPORT") == [("FRA", "IRQMIL")]


def test_the_two_parties_are_the_pair_named_before() -> None:
    evs = code("انتهت في الدوحة جولة محادثات بين وفد الحكومة الأفغانية ووفد حركة طالبان. "
               "وأعلن الوسيط القطري توصل الطرفين إلى اتفاق على تبادل الأسرى.")
    assert roles(evs, "AGREE") == [("AFGGOV", "taliban")]
    # no pair named before, no party
    evs = code("وأعلن الوسيط القطري توصل الطرفين إلى اتفاق على تبادل الأسرى.")
    assert all(s is None or s.startswith("QAT") for s in sources(evs, "AGREE"))


def test_an_agreements_terms_are_planned() -> None:
    evs = code("وأعلنت الخارجية المصرية توصل إسرائيل وحماس إلى اتفاق يقضي بوقف إطلاق النار "
               "وفتح المعابر، على أن تستأنف المفاوضات غير المباشرة في القاهرة خلال شهر.")
    consult = [e for e in evs if e.type == "CONSULT"]
    assert consult and all(e.modality == "planned" for e in consult)
    assert all(e.modality == "planned" for e in evs if e.type == "CONCEDE")


def test_a_bare_name_before_a_definite_noun_is_a_masdar() -> None:
    # "وفتح المعابر" is "and opening the crossings", not the Fatah movement
    evs = code("واتفق الجانبان على تمديد الهدنة وفتح المعابر أمام المساعدات. وقالت حركة "
               "حماس إن الاتفاق خطوة أولى.")
    assert not any(e.source_actor is not None and e.source_actor.id == "fatah" for e in evs)


def test_the_two_sides_of_a_call_are_the_pair() -> None:
    # "X … في اتصال هاتفي مع Y، اتفق خلاله الجانبان": the one before مع and the one after it
    evs = code("وبحث وزير الخارجية الأمريكي الأزمة في اتصال هاتفي مع نظيره المصري، اتفق "
               "خلاله الجانبان على مواصلة التشاور.")
    assert roles(evs, "AGREE") == [("antony-blinken", "sameh-shoukry")]


def test_the_two_countries_are_the_pair() -> None:
    evs = code("وتبادلت إثيوبيا والسودان الاتهامات بشأن الحدود، فيما دعت الجامعة العربية "
               "البلدين إلى ضبط النفس.")
    assert targets(evs, "REQUEST") == ["ETH"]
    # two presidents are no pair of states
    evs = code("والتقى الرئيس الروسي ونظيره التركي في موسكو، فيما دعت الجامعة العربية البلدين "
               "إلى التهدئة.")
    assert "vladimir-putin" not in targets(evs, "REQUEST")


def test_a_proposal_noun_is_no_request() -> None:
    evs = code("وأعلنت الحركة أنها تسلمت المقترح المصري وستدرسه قبل تقديم ردها.")
    assert not roles(evs, "REQUEST")


def test_an_attack_verb_with_its_object_after_ala_is_active() -> None:
    # "أغارت … على": على brings the object of أغار, so the verb is no passive
    evs = code("وقال الجيش الأردني إن طائراته أغارت على مواقع لتنظيم داعش قرب الحدود.")
    assert roles(evs, "ASSAULT") == [("JORMIL", "islamic-state")]


def test_a_dual_verb_after_a_conjoined_subject_has_both_as_its_sides() -> None:
    # "X وY لم يلتقيا", "أما X وY فحضرا … ولم يلتقيا": the pair is the subject
    evs = code("وقال مسؤول إن الرئيس الروسي ونظيره التركي لم يلتقيا خلال القمة.")
    assert roles(evs, "CONSULT") == [("vladimir-putin", "recep-tayyip-erdogan")]
    evs = code("أما الرئيس الروسي ونظيره التركي فحضرا القمة ولم يجتمعا، وغادر كل منهما مبكرا.")
    assert roles(evs, "CONSULT") == [("vladimir-putin", "recep-tayyip-erdogan")]


def test_a_denial_answers_the_accusation_before_it() -> None:
    evs = code("واتهم وزير الخارجية الأمريكي إيران بتزويد الجماعة بالصواريخ. ونفت طهران أي "
               "صلة لها بالهجوم.")
    assert roles(evs, "REJECT") == [("IRNGOV", "antony-blinken")]
    # nothing against the one who denies: the target stays empty
    evs = code("واتهم وزير الخارجية الأمريكي روسيا بتزويد الجماعة بالصواريخ. ونفت طهران أي "
               "صلة لها بالهجوم.")
    assert roles(evs, "REJECT") == [("IRNGOV", None)]


def test_a_withdrawal_called_for_is_no_withdrawal() -> None:
    # "دعا X إلى سحب قواتها": after إلى or على the phrase is a masdar, what is asked for
    for text in ("ودعا الرئيس الفرنسي روسيا إلى سحب قواتها من أوكرانيا.",
                 "وحث الرئيس الفرنسي روسيا على سحب قواتها من أوكرانيا."):
        evs = code(text)
        assert roles(evs, "REQUEST") == [("emmanuel-macron", "RUS")]
        assert not roles(evs, "RETREAT")


def test_force_one_will_use_is_a_threat() -> None:
    evs = code("وقال الرئيس التركي إن الجيش «سيستخدم القوة ضد كل من يهاجم نقاط المراقبة».")
    assert [(e.type, e.modality) for e in evs if e.type == "THREATEN"] == [
        ("THREATEN", "threatened")]


def test_the_owner_of_the_object_is_not_the_subject() -> None:
    # "سيقصف مواقع حزب الله": the party after a noun of places held owns the object
    evs = code("وقال وزير الدفاع الإسرائيلي إن الجيش سيقصف مواقع حزب الله إذا استمر إطلاق "
               "الصواريخ.")
    assert "hezbollah" not in [s for s, _ in roles(evs, "ASSAULT")]
    assert "hezbollah" in targets(evs, "ASSAULT")


def test_the_agreement_that_stipulates_is_not_one_of_its_terms() -> None:
    # "وينص الاتفاق على تشكيل حكومة": الاتفاق is the verb's subject; the terms come after على
    evs = code("وينص الاتفاق على تشكيل حكومة جديدة، على أن تنسحب القوات التركية من المدينة.")
    assert [e.modality for e in evs if e.trigger == "الاتفاق"] in ([], ["asserted"])
    assert [e.modality for e in evs if e.type == "RETREAT"] == ["planned"]


def test_the_one_who_will_pay_the_price_is_threatened() -> None:
    evs = code("وكتب وزير الخارجية الأمريكي أن النظام الإيراني «سيدفع ثمنا باهظا» لهجومه على "
               "السفن الأمريكية.")
    assert roles(evs, "THREATEN") == [("antony-blinken", "IRNGOV")]


def test_the_victims_blame_names_the_attacker() -> None:
    evs = code("قُتل 12 جنديا تركيا في غارة جوية على موقعهم في ريف إدلب. وحمّلت وزارة الدفاع "
               "التركية الجيش السوري مسؤولية الهجوم.")
    assert ("SYRMIL", "TURMIL") in roles(evs, "ASSAULT") or \
        ("SYRMIL", "TUR") in roles(evs, "ASSAULT")
    # the blame of a third party names no attacker
    evs = code("قُتل 12 جنديا تركيا في غارة جوية على موقعهم في ريف إدلب. وحمّلت الخارجية "
               "الروسية المسلحين مسؤولية التصعيد.")
    assert all(s is None for s, _ in roles(evs, "ASSAULT"))


def test_an_accusative_masdar_of_purpose_is_the_clause_subjects_stance() -> None:
    # "…، رفضا لـ X": the rejection is its clause subject's (here no actor), aimed at X
    evs = code("وأغلق عشرات السكان الطريق قرب النيرب، احتجاجا على الاتفاق ورفضا لمرور "
               "الدوريات الروسية في مناطقهم.")
    assert roles(evs, "REJECT") == [(None, "RUS")]
    evs = code("وأعلنت حركة حماس استهداف مواقع إسرائيلية بالصواريخ «تضامناً» مع الأسرى.")
    assert [s for s, _ in roles(evs, "SUPPORT")] == ["hamas"]
    # an accusative object is no purpose: "وقعت الحكومة والحركة اتفاقا"
    evs = code("ووقعت الحكومة السودانية والحركة الشعبية، مساء أمس في جوبا، اتفاقاً لوقف إطلاق "
               "النار.")
    assert "SDNGOV" in [s for s, _ in roles(evs, "AGREE")]


def test_the_dead_of_an_attack_named_before_are_not_the_retaliations() -> None:
    evs = code("ويأتي ذلك غداة الغارة التي أودت بحياة 33 جنديا تركيا قرب بلدة بليون، وردت "
               "عليها أنقرة بقصف مكثف لمواقع القوات الحكومية السورية.")
    shelling = [e for e in evs if e.type == "ASSAULT" and e.trigger == "بقصف مكثف"]
    assert shelling and shelling[0].fatalities is None


def test_counted_protesters_and_the_reporter_make_no_protest_source() -> None:
    evs = code("قُتل 12 متظاهراً في البصرة خلال الاحتجاجات المناهضة للحكومة التي انطلقت أمس، "
               "بحسب ما أعلنته وزارة الصحة العراقية.")
    assert [e.trigger for e in evs if e.type == "PROTEST"] == ["الاحتجاجات"]
    assert sources(evs, "PROTEST") == [None]


def test_an_auxiliary_kana_may_stand_between_subject_and_verb() -> None:
    evs = code("وقال المتحدث إن إيران كانت تستهدف القوات الأمريكية في العراق.")
    assert roles(evs, "ASSAULT") == [("IRN", "USAMIL")]


def test_the_agent_of_an_act_noun_without_object_follows_li() -> None:
    evs = code("وأفاد شهود بانتشار كثيف لقوات الدعم السريع في شوارع الخرطوم.")
    assert sources(evs, "MOBILIZE") == ["rapid-support-forces"]


def test_a_two_sided_act_of_no_party_named_is_kept_at_low_confidence() -> None:
    evs = code("وعقدت الجولة الرابعة من المفاوضات أمس في العاصمة الكينية.")
    consult = [e for e in evs if e.type == "CONSULT"]
    assert consult and all(e.confidence <= 0.3 for e in consult)


def test_a_participle_clause_after_a_comma_names_no_object() -> None:
    # "انتقد X الاتفاق، معتبراً أنه لا يضمن نزع سلاح حماس": Hamas is no target
    evs = code("وانتقد وزير الخارجية الأمريكي الاتفاق، معتبراً أنه لا يضمن نزع سلاح حزب الله.")
    assert roles(evs, "ACCUSE") == [("antony-blinken", None)]
    # its complement's subject is what the act is about: "معتبرا أن طهران …"
    evs = code("وأبدى وزير الخارجية الأمريكي رفضه لأي دور إيراني، معتبرا أن طهران طرف في القتال.")
    assert targets(evs, "REJECT") == ["IRNGOV"]


def test_a_vow_to_respond_answers_the_last_attack_on_its_side() -> None:
    evs = code("وقصفت الطائرات التركية مواقع لقوات سوريا الديمقراطية قرب القامشلي. وتوعّد "
               "مظلوم عبدي بالرد على أي توغل بري.")
    assert roles(evs, "THREATEN") == [("mazloum-abdi", "TURMIL")]


def test_an_actor_inside_a_parenthetical_is_not_the_object() -> None:
    evs = code("وطالب الاتحاد الأوروبي، في بيان صدر بعد اجتماع مع وزير الخارجية الروسي، "
               "تركيا بوقف العملية العسكرية.")
    assert targets(evs, "REQUEST") == ["TUR"]


def test_a_denial_of_what_the_clause_before_said_answers_its_agent() -> None:
    # "…، متهمة الدوحة بدعم جماعات متطرفة، وهو ما نفته قطر": the accusers, not Tehran
    evs = code("وكانت مصر قد قطعت علاقاتها الدبلوماسية مع قطر، متهمة الدوحة بدعم جماعات "
               "متطرفة والتقرب من طهران، وهو ما نفته قطر مراراً.")
    assert targets(evs, "REJECT") == ["EGY"]


def test_the_one_backed_is_not_the_speaker_across_an() -> None:
    evs = code("وقال الرئيس الأمريكي جو بايدن إن الضربات نجحت. وأوضح أن العملية نفذت بدعم من "
               "أستراليا وكندا.")
    assert "joe-biden" not in targets(evs, "SUPPORT")


def test_a_demand_swallows_its_content_across_a_parenthetical() -> None:
    # the relative clause between commas does not end the demand: no withdrawal is told
    evs = code("ويحث القرار، الذي صاغته فرنسا، كل الفصائل على سحب المقاتلين من الأحياء "
               "السكنية.")
    assert [e.type for e in evs if e.type == "RETREAT"] == []


def test_an_as_long_as_clause_holds_no_party_of_the_act() -> None:
    # "ما دامت القوات الإماراتية …" is the condition, not whom the withdrawal is from
    evs = code("وأكد المتحدث باسم الحوثيين أن مقاتلي الجماعة لن ينسحبوا من الحديدة ما دامت "
               "القوات الإماراتية على أطرافها.")
    assert roles(evs, "RETREAT") == [("houthis", None)]
    # words with diacritics after the clause ("مؤكداً") do not hide it
    evs = code("وأكد المتحدث باسم الحوثيين أن مقاتلي الجماعة لن ينسحبوا من الحديدة ما دامت "
               "القوات الإماراتية على أطرافها، مؤكداً أن الجماعة ملتزمة بالهدنة.")
    assert roles(evs, "RETREAT") == [("houthis", None)]


def test_a_second_complement_of_a_demand_is_demanded_too() -> None:
    # "…، وإلى حضور اجتماع": the meeting is what is called for, not one held
    evs = code("ودعت الجامعة العربية الطرفين إلى الانسحاب من المواقع التي سيطرا عليها خلال "
               "الأيام الماضية، وإلى حضور اجتماع عاجل في القاهرة.")
    assert [e.type for e in evs] == ["REQUEST"]


def test_readiness_with_its_conjunction_names_no_act() -> None:
    evs = code("وقال المتحدث إن الحكومة اليمنية ملتزمة بالهدنة ومستعدة للمشاركة في اجتماع "
               "جدة.")
    assert not [e for e in evs if e.type == "CONSULT"]


def test_the_subjects_own_name_after_its_title_is_not_the_object() -> None:
    # "رئيس المجلس الانتقالي الجنوبي عيدروس الزبيدي": the council, then its head's name
    evs = code("ورحّب رئيس المجلس الانتقالي الجنوبي عيدروس الزبيدي بمبادرة مجلس التعاون "
               "الخليجي.")
    assert targets(evs, "SUPPORT") == ["gcc"]
    # a person right after a person subject is the object
    evs = code("واستقبل أردوغان بوتين في أنقرة لبحث الأوضاع في سوريا.")
    assert roles(evs, "CONSULT") == [("recep-tayyip-erdogan", "vladimir-putin")]


def test_the_object_search_stops_at_a_clause_of_its_own_after_baad_an() -> None:
    # "بعد أن اتهمت أنقرة …": Ankara belongs to the clause after "بعد أن"
    evs = code("ونفت وزارة الدفاع الروسية أن تكون طائراتها قد قصفت المستشفى بعد أن اتهمت "
               "الحكومة التركية موسكو بقتل مدنيين.")
    assert roles(evs, "REJECT") == [("RUSMIL", None)]


def test_a_parliament_and_its_executive_are_two_sides() -> None:
    # one state's legislature rejecting its executive's decision is an act between two
    # parties; a government and its own army stay one side
    evs = code("ورفض مجلس النواب العراقي قرار الحكومة العراقية رفع أسعار الوقود.")
    assert roles(evs, "REJECT") == [("IRQLEG", "IRQGOV")]


def test_an_attribute_naming_a_backer_stands_between_subject_and_verb() -> None:
    # "المدعومة من إيران": Iran backs the subject; it is neither the subject nor a gap
    evs = code("وكانت جماعة الحوثي المدعومة من إيران قد شنت هجوماً واسعاً على مأرب الشهر "
               "الماضي.")
    assert sources(evs, "ASSAULT") == ["houthis"]


def test_a_military_threat_by_a_states_official_answers_the_attack_on_its_side() -> None:
    # no target named: the last attack on the minister's state is what he threatens over
    evs = code("قصفت قوات النظام السوري نقطة مراقبة للجيش التركي في إدلب. وقال وزير الدفاع "
               "التركي خلوصي أكار إن بلاده لن تسمح بأي اعتداء جديد على جنودها.")
    assert roles(evs, "THREATEN") == [("hulusi-akar", "SYRMIL")]


def test_an_attack_told_in_a_where_clause_is_the_main_clauses_force() -> None:
    # "واصل الجيش … عملياته في X، حيث قُتل …": the army whose operations go on
    evs = code("وواصل الجيش الروسي عملياته في ريف إدلب، حيث قُتل سبعة مدنيين في قصف استهدف "
               "سوقاً شعبية.")
    assert sources(evs, "ASSAULT") == ["RUSMIL"]
    # a civilian body before حيث names no attacker
    evs = code("وزار وفد الأمم المتحدة ريف إدلب، حيث قُتل سبعة مدنيين في قصف استهدف سوقاً "
               "شعبية.")
    assert sources(evs, "ASSAULT") == [None]


def test_a_member_of_a_body_speaks_for_it() -> None:
    # "القيادي في جماعة الحوثي", "مسؤول في الحكومة العراقية": the body is the source
    evs = code("واتهم مسؤول في الحكومة العراقية الفصائل المسلحة بتنفيذ الهجوم على المطار.")
    assert sources(evs, "ACCUSE") == ["IRQGOV"]
    evs = code("وحذّر القيادي في جماعة الحوثي من أن الجماعة سترد بقوة إذا واصل التحالف العربي "
               "غاراته على الحديدة.")
    assert roles(evs, "THREATEN") == [("houthis", "saudi-led-coalition")]


def test_a_general_mobilisation_is_a_mobilisation() -> None:
    evs = code("وأعلنت قوات سوريا الديمقراطية النفير العام في مناطق شمال شرق سوريا.")
    assert roles(evs, "MOBILIZE") == [("syrian-democratic-forces", None)]


def test_a_first_person_accusation_in_a_quote_is_the_speakers() -> None:
    # "أتهم" with a hamza is "I accuse" (the past is written "اتهم"): the one after it is
    # accused, and the quote's speaker accuses
    evs = code("وقال وزير الخارجية الإيراني محمد جواد ظريف: «أتهم إسرائيل بالوقوف وراء "
               "الهجوم على المنشأة».")
    assert roles(evs, "ACCUSE") == [("mohammad-javad-zarif", "ISR")]
    # a man named after it, a word between him and the charge: still the one accused
    evs = code("وقال وزير الخارجية التركي مولود جاويش أوغلو للصحفيين: «أتهم الرئيس السوري "
               "بشار الأسد شخصيا بقتل المدنيين في إدلب».")
    assert roles(evs, "ACCUSE") == [("mevlut-cavusoglu", "bashar-al-assad")]


def test_what_one_rejects_is_anothers_act() -> None:
    # the proposal a government rejects is not its own request; a named proposer still is
    evs = code("ورفضت الحكومة اليمنية مقترحاً بتشغيل رحلات دولية من مطار صنعاء.")
    assert sources(evs, "REJECT") == ["YEMGOV"] and sources(evs, "REQUEST") == []
    evs = code("ورفضت الحكومة اليمنية مقترحاً روسياً بتشغيل رحلات دولية من مطار صنعاء.")
    assert roles(evs, "REJECT") == [("YEMGOV", "RUS")]
    assert sources(evs, "REQUEST") == ["RUS"]


def test_a_participle_after_an_unknown_subject_is_not_the_objects() -> None:
    # the accuser is a minister the dictionary lacks: the accused, right before the
    # participle's comma, is not the one who asks the UN
    evs = code("واتهم وزير الإعلام في الحكومة معمر الإرياني الحوثيين بالاستهداف المتعمد "
               "للمخيمات، مطالباً الأمم المتحدة بإدانة صريحة.")
    assert roles(evs, "REQUEST") == [(None, "united-nations")]
    # a known subject after a title is still the participle's subject
    evs = code("ودعا المرجع الديني الأعلى علي السيستاني القوات الأمنية إلى ضبط النفس، "
               "محذراً من أن العنف سيقود البلاد إلى الفوضى.")
    assert sources(evs, "REQUEST") == ["ali-al-sistani"]


def test_a_first_person_call_in_a_quote_is_the_speakers() -> None:
    # "وأدعو" is "and I call": the quote's speaker calls, and the one after it is called
    evs = code("وظهر رئيس الوزراء العراقي مصطفى الكاظمي في تسجيل مصور، وقال: «لم يمسّني سوء، "
               "وأدعو الجميع إلى التهدئة وضبط النفس حفاظاً على العراق».")
    assert sources(evs, "REQUEST") == ["mustafa-al-kadhimi"]


def test_factions_loyal_to_iran_are_the_iran_backed_militias() -> None:
    evs = code("واتهمت الحكومة العراقية فصائل مسلحة موالية لإيران بالوقوف وراء الهجوم.")
    assert roles(evs, "ACCUSE") == [("IRQGOV", "iran-backed-militias")]
