"""Source and target attribution (rasad.events.roles), one structure per test.

The sentences are short ones written for these tests (not taken from the demo corpus or
the seed pages); each names the grammatical structure it checks (docs/events.md).
"""

from __future__ import annotations

import datetime as dt

import pytest

from rasad.actors import find_places, link_actors, load_gazetteer
from rasad.events.coder import TimeRef, code_events
from rasad.events.lexicons import (
    EventLexicons,
    Trigger,
    add_trigger_form,
    collision_surfaces,
    load_event_lexicons,
)
from rasad.events.quotes import find_quotes
from rasad.records import Event
from rasad.text.normalize import normalize
from rasad.text.sentences import split_sentences
from rasad.time import find_time_expressions

PUB = dt.date(2020, 3, 2)


def code(text: str) -> list[Event]:
    """The coder's events for a bare text (every stage of rasad.pipeline but cleaning)."""
    n = normalize(text)
    sentences = split_sentences(text)
    g = load_gazetteer(())
    lx = load_event_lexicons()
    actors = link_actors(text, n, g, PUB)
    places = find_places(text, n, g)
    times = [TimeRef(t.start, t.end, t.text, t.value, t.future, t.kind)
             for t in find_time_expressions(text, PUB)]
    quotes = find_quotes(text, sentences, actors, lx)
    return code_events("doc", text, n, sentences, lx.triggers.find(n.text), actors, places,
                       times, [], quotes, PUB, lx, g.media_ids)


def roles(events: list[Event], etype: str) -> list[tuple[str | None, str | None]]:
    return [(e.source_actor.id if e.source_actor else None,
             e.target_actor.id if e.target_actor else None) for e in events if e.type == etype]


def side(actor_id: str | None) -> str | None:
    return actor_id[:3] if actor_id and actor_id.isupper() else actor_id


# --- verbs -----------------------------------------------------------------------------
def test_relative_clause_antecedent_is_the_subject() -> None:
    # "the forces that shelled …": the antecedent of التي is the verb's subject
    evs = code("وانسحبت القوات التركية التي قصفت مواقع الجيش السوري أمس.")
    assert ("TURMIL", "SYRMIL") in roles(evs, "ASSAULT")


def test_relative_clause_with_object_pronoun_has_its_subject_after_the_verb() -> None:
    # "the deadline that Erdogan set": حددها carries the pronoun, Erdogan is its subject
    evs = code("وانتهت المهلة التي حددها أردوغان للجيش السوري.")
    assert [s for s, _ in roles(evs, "THREATEN")] == ["recep-tayyip-erdogan"]


def test_conjoined_subject_before_a_dual_verb() -> None:
    evs = code("وأعلن الكرملين أن بوتين وأردوغان اتفقا على هدنة جديدة.")
    assert ("vladimir-putin", "recep-tayyip-erdogan") in roles(evs, "AGREE")


def test_topicalized_subject_after_anna() -> None:
    # SVO after أنّ: the actor before the verb is the subject, the one after the object
    evs = code("غير أن موسكو تتهم أنقرة بخرق التفاهمات.")
    assert roles(evs, "ACCUSE") == [("RUSGOV", "TURGOV")]


def test_passive_with_an_agent_marker() -> None:
    # a damma marks the passive: the patient follows the verb, the agent follows من قبل
    evs = code("قُصفت مواقع الجيش السوري من قبل الطائرات التركية.")
    [(src, tgt)] = roles(evs, "ASSAULT")
    assert side(src) == "TUR" and tgt == "SYRMIL"


def test_killing_verb_without_object_reads_as_passive() -> None:
    # "the soldiers who were killed in the strike": the soldiers are the victims
    evs = code("وارتفع عدد الجنود الأتراك الذين قتلوا في الغارة إلى عشرة.")
    assert all(side(s) != "TUR" for s, _ in roles(evs, "ASSAULT"))
    assert any(side(t) == "TUR" for _, t in roles(evs, "ASSAULT"))


def test_object_pronoun_points_back_and_the_clause_shares_the_subject() -> None:
    # "…، دعاه فيه": no subject of its own; ه is the counterpart named before
    evs = code("وأجرى أردوغان اتصالا هاتفيا بنظيره الروسي فلاديمير بوتين، دعاه فيه إلى "
               "التهدئة.")
    assert ("recep-tayyip-erdogan", "vladimir-putin") in roles(evs, "REQUEST")


def test_circumstantial_participle_of_form_one() -> None:
    # داعيا (فاعلا) shares the sentence's subject; the actor after it is its object
    evs = code("وأكد أردوغان تمسك بلاده بنقاط المراقبة، داعيا موسكو إلى الضغط على دمشق.")
    [(src, tgt)] = roles(evs, "REQUEST")
    assert src == "recep-tayyip-erdogan" and side(tgt) == "RUS"


def test_pronoun_subject_after_inna_is_the_speaker() -> None:
    evs = code("وقال بوتين للصحفيين إنه اتفق مع أردوغان على خطوات إضافية.")
    assert roles(evs, "AGREE")[0][0] == "vladimir-putin"


def test_comma_separates_a_new_clause_from_the_actor_before_it() -> None:
    # the actor before the comma is not the subject of the verb after it, and an
    # attribution ("بحسب بيان للرئاسة التركية") names no party
    evs = code("وزار الوفد دمشق، ثم طالب، بحسب بيان للرئاسة التركية، بالتهدئة.")
    assert all(s != "TURGOV" for s, _ in roles(evs, "REQUEST"))


# --- nouns (masdars) --------------------------------------------------------------------
def test_masdar_with_lam_agent_after_its_adjectives() -> None:
    # (and the victims' verb before it does not take the agent as its target)
    evs = code("وقتل ثلاثة مدنيين جراء قصف مدفعي مكثف للنظام السوري على بلدة في ريف حلب.")
    assert [side(s) for s, _ in roles(evs, "ASSAULT")] == ["SYR"]
    assert all(side(t) != "SYR" for _, t in roles(evs, "ASSAULT"))


def test_lam_after_another_noun_is_not_the_agent() -> None:
    # "موقعا للقوات التركية": the لـ belongs to موقعا (the owner of the post), so the
    # Turkish forces are the target, never the source
    evs = code("وسقط صاروخ على موقعا للقوات التركية في غارة جوية قرب البلدة.")
    assert all(side(s) != "TUR" for s, _ in roles(evs, "ASSAULT"))


def test_genitive_after_an_act_noun_is_its_agent() -> None:
    evs = code("وتسببت هجمات قوات النظام السوري في نزوح الآلاف.")
    assert roles(evs, "ASSAULT")[0][0] == "SYRMIL"


def test_nisba_adjective_after_an_act_noun_is_its_agent() -> None:
    evs = code("وأعلنت أنقرة وصول تعزيزات عسكرية تركية إلى ريف إدلب.")
    assert [side(s) for s, _ in roles(evs, "MOBILIZE")] == ["TUR"]


def test_support_verb_subject_is_the_agent_of_its_object() -> None:
    # "تشن القوات …، منذ أسابيع، حملة": the masdar is the object of a support verb
    evs = code("وتشن القوات الروسية، منذ أسابيع، حملة عسكرية على ريف إدلب قتل فيها عشرات "
               "المدنيين.")
    assert roles(evs, "ASSAULT")[0][0] == "RUSMIL"


def test_resumptive_support_verb_names_the_agent() -> None:
    # "مقترحا قدمه أردوغان": the proposal is Erdogan's, Putin rejected it
    evs = code("ورفض بوتين مقترحا قدمه أردوغان لإعلان هدنة.")
    assert roles(evs, "REQUEST")[0][0] == "recep-tayyip-erdogan"
    assert roles(evs, "REJECT")[0][0] == "vladimir-putin"


def test_lam_recipient_between_support_verb_and_masdar() -> None:
    evs = code("وقدم بوتين لأردوغان التعازي بضحايا الهجوم.")
    assert roles(evs, "SUPPORT")[0] == ("vladimir-putin", "recep-tayyip-erdogan")


def test_min_after_a_masdar_introduces_its_agent() -> None:
    # "بدعم من روسيا": Russia supports the actor of the clause it modifies
    evs = code("وتقدمت القوات السورية نحو البلدة بدعم من روسيا.")
    assert roles(evs, "SUPPORT") == [("RUS", "SYRMIL")]


def test_actor_after_ma_is_a_partner_not_the_agent() -> None:
    evs = code("وقال أردوغان إن بلاده ستعمل مع روسيا على إيصال المساعدات.")
    assert [side(s) for s, _ in roles(evs, "AID")] == ["TUR"]


def test_relative_clause_with_support_verb_reports_the_referred_act() -> None:
    # after تنفيذا، the agreement is a reference; its relative clause reports the act
    evs = code("وبدأت الدوريات تنفيذا لاتفاق موسكو الذي أبرمه بوتين وأردوغان.")
    assert ("vladimir-putin", "recep-tayyip-erdogan") in roles(evs, "AGREE")


# --- discourse ----------------------------------------------------------------------------
def test_retaliation_targets_the_attacker_of_the_previous_attack() -> None:
    evs = code("قصفت القوات السورية مواقع الجيش التركي قرب البلدة.\n"
               "وردت القوات التركية على الهجوم.")
    assert ("TURMIL", "SYRMIL") in [(s, t) for s, t in roles(evs, "ASSAULT")]


def test_retaliation_in_the_same_sentence_is_its_own_event() -> None:
    evs = code("قصفت القوات السورية نقطة مراقبة تركية، وردت عليها القوات التركية بقصف "
               "مواقع الجيش السوري.")
    pairs = [(side(s), side(t)) for s, t in roles(evs, "ASSAULT")]
    assert ("SYR", "TUR") in pairs and ("TUR", "SYR") in pairs


def test_conjoined_nisba_adjectives_share_the_head() -> None:
    evs = code("سيرت القوات الروسية والتركية دورية مشتركة على الطريق الدولي.")
    [(src, tgt)] = roles(evs, "COOPERATE")
    assert {side(src), side(tgt)} == {"RUS", "TUR"}


# --- lexicons -----------------------------------------------------------------------------
def test_clitic_suffix_collisions_are_dropped_generally() -> None:
    lx = load_event_lexicons()
    assert not lx.triggers.lookup("وزارة") and not lx.triggers.lookup("الوزارة")
    assert not lx.triggers.lookup("وزارتا")  # و + زارتا = "the two ministries"
    assert lx.triggers.lookup("زاره")  # the form itself stays a trigger
    assert lx.collisions["وزاره"] == "زاره"
    # the same check on a made-up lexicon: ب + رد + ه spells برده ("cold")
    small = EventLexicons()
    trig = Trigger(type="ASSAULT", mode="attack", pos="verb", strong=True)
    add_trigger_form(small, "رد", trig, True, collision_surfaces(["بردة"]))
    assert small.triggers.lookup("رده") and small.triggers.lookup("ورده")
    assert not small.triggers.lookup("برده") and not small.triggers.lookup("البرده")
    assert set(small.collisions) == {"برده", "وبرده", "فبرده"}


def test_ta_marbuta_is_never_a_pronoun() -> None:
    lx = load_event_lexicons()
    assert lx.ta_marbuta_reading("دعاه", "دعاة")  # "preachers"
    assert not lx.ta_marbuta_reading("دعاه", "دعاه")  # "he called him"
    assert not any(e.type == "REQUEST" for e in code("واجتمع دعاة المدينة في المسجد."))


def test_head_and_reference_lists_come_from_cues_yaml() -> None:
    lx = load_event_lexicons()
    for name in ("human_heads", "reference_heads", "support_verbs", "patient_nouns",
                 "head_modifiers", "passive_auxiliaries", "clitic_collisions"):
        assert lx.cues.get(name), name


# --- evaluation -------------------------------------------------------------------------
@pytest.mark.parametrize(("etype", "ok"), [("CONSULT", True), ("AGREE", True),
                                           ("COOPERATE", True), ("ASSAULT", False),
                                           ("REQUEST", False)])
def test_swapped_actors_match_only_for_undirected_types(etype: str, ok: bool) -> None:
    from rasad.eval import same_actors

    gold = {"type": etype, "source": "RUS", "target": "TUR"}
    got = {"source_actor": {"id": "TURGOV"}, "target_actor": {"id": "RUSGOV"}}
    assert same_actors(gold, got) is ok
    assert same_actors(gold, {"source_actor": {"id": "RUS"}, "target_actor": {"id": "TUR"}})


@pytest.mark.parametrize(("text", "absent"), [
    ("اشتبكت قوات الدعم السريع مع الجيش السوداني في أم درمان يوم الأحد.", "SUPPORT"),
    ("اختتم قادة مجلس التعاون الخليجي قمتهم في الرياض يوم الثلاثاء.", "COOPERATE"),
    ("وصل وفد من منظمة التعاون الإسلامي إلى بغداد يوم الاثنين.", "COOPERATE"),
])
def test_a_word_of_an_actor_name_is_not_a_trigger(text: str, absent: str) -> None:
    evs = code(text)
    assert absent not in {e.type for e in evs}
    if "اشتبكت" in text:  # the clash itself is still coded
        assert "ASSAULT" in {e.type for e in evs}


def test_a_name_that_begins_with_waw_is_not_conjoined() -> None:
    # the dictionary's reading decides: "وليد المعلم" and "واشنطن" are names, "ووليد
    # المعلم" and "وتركيا" are و + a name; a description coreference makes is read by its
    # text ("وزير الخارجية" begins with a radical و, "ووزير الخارجية" with the conjunction)
    from dataclasses import replace

    from rasad.events.roles import conjoined

    text = "التقى لافروف وليد المعلم ثم ووليد المعلم وتركيا، وقالت واشنطن إنها ترحب."
    refs = {a.text: a for a in link_actors(text, normalize(text), load_gazetteer(()), PUB)}
    assert not conjoined(refs["وليد المعلم"]) and not conjoined(refs["واشنطن"])
    assert conjoined(refs["ووليد المعلم"]) and conjoined(refs["وتركيا"])
    made = replace(refs["وتركيا"], via="coref", proclitic="")
    assert not conjoined(replace(made, text="وزير الخارجية"))
    assert conjoined(replace(made, text="ووزير الخارجية"))


# --- halting an act of cooperation ------------------------------------------------------
def test_halting_talks_or_aid_is_a_sanction_not_the_act() -> None:
    # "وقف التفاوض": the talks end; PLOVER codes halting negotiations or aid as SANCTION
    evs = code("وأعلن المجلس العسكري السوداني وقف التفاوض مع قوى الحرية والتغيير.")
    assert not [e for e in evs if e.type == "CONSULT"]
    assert [e.mode for e in evs if e.type == "SANCTION"] == ["halt_negotiations"]
    evs = code("وقررت الولايات المتحدة تعليق المساعدات العسكرية المقدمة إلى مصر.")
    assert not [e for e in evs if e.type == "AID"]
    assert [e.mode for e in evs if e.type == "SANCTION"] == ["halt_aid"]
    # asked to stop: the halt is the content of the request, not an act of its own
    evs = code("وطالبت الحكومة اليمنية أبوظبي بوقف دعمها للمجلس الانتقالي.")
    assert [e.type for e in evs] == ["REQUEST"]


def test_clash_between_two_parties_keeps_both() -> None:
    # "بين X وY": the second party is the other side, not a co-source of X
    evs = code("اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في الخرطوم.")
    assert roles(evs, "ASSAULT") == [("SDNMIL", "rapid-support-forces")]


# --- not acts: prices that fall, crowds that celebrate ----------------------------------
def test_a_price_decline_or_a_celebration_is_no_event() -> None:
    assert code("وتراجع المؤشر الرئيسي لبورصة الدوحة بأكثر من 7 في المئة أمس.") == []
    assert not [e for e in code("وخرج آلاف إلى شوارع غزة احتفالاً بوقف إطلاق النار.")
                if e.type == "PROTEST"]
    assert [e.type for e in code("وخرج آلاف إلى شوارع غزة احتجاجاً على الحصار.")
            if e.type == "PROTEST"] == ["PROTEST"]
    # a note handed out or an arrest warrant is no memorandum of agreement
    assert not [e for e in code("واستدعت الجزائر سفيرها إثر مذكرة وزّعها المندوب المغربي "
                                "لدى الأمم المتحدة.") if e.type == "AGREE"]
    # a warning of a rising toll is no threat; a warning to an adversary stays one
    assert not [e for e in code("وحذّر الهلال الأحمر الليبي من ارتفاع الحصيلة في مدينة درنة.")
                if e.type == "THREATEN"]
    # nor one whose outcome word carries its conjunction ("وتفشي")
    assert not [e for e in code("وحذّرت منظمة الصحة العالمية من انهيار النظام الصحي في غزة "
                                "وتفشي الأمراض.") if e.type == "THREATEN"]
    # nor is a warning of people in need
    assert not [e for e in code("وحذّر برنامج الأغذية العالمي من أن ملايين السودانيين بحاجة "
                                "إلى مساعدات عاجلة.") if e.type == "THREATEN"]
    assert [e.type for e in code("وحذّرت إيران الولايات المتحدة من الرد على أي هجوم.")
            if e.type == "THREATEN"] == ["THREATEN"]


def test_clash_parties_after_time_and_place_adverbials() -> None:
    evs = code("اندلعت اشتباكات عنيفة فجر السبت في وسط طرابلس بين قوات موالية لعبد الحميد "
               "الدبيبة وأخرى داعمة لفتحي باشاغا.")
    assert roles(evs, "ASSAULT") == [("abdul-hamid-dbeibah", "fathi-bashagha")]
