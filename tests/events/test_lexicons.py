"""The event lexicon marks future forms (rasad.events.lexicons): the coder reads a trigger
as planned from that mark, never from the letters it begins with."""

from __future__ import annotations

from rasad.events.lexicons import Trigger, future_form, load_event_lexicons
from rasad.text.normalize import norm


def _future(surface: str) -> set[bool]:
    return {t.future for t in load_event_lexicons().triggers.lookup(norm(surface))}


def test_future_form_prefixes_present_verbs_only() -> None:
    verb = Trigger(type="ASSAULT", mode="shelling", pos="verb", strong=True)
    assert future_form("يقصف", verb) == "سيقصف"
    assert future_form("تشن هجوما", verb) == "ستشن هجوما"
    assert future_form("قصف", verb) is None  # a past form has no future
    assert future_form("يقصف", Trigger("ASSAULT", "shelling", "noun", True)) is None


def test_generated_and_listed_future_forms_are_marked() -> None:
    assert _future("سيقصف") == {True}  # made from "يقصف"
    assert _future("سيزور") == {True}  # listed in an entry with modality: planned
    assert _future("وسيستقبل") == {True}  # with a clitic


def test_past_verbs_and_nouns_beginning_with_sin_are_not_future() -> None:
    for surface in ("سيرت دورية", "ساندت", "سيارة مفخخة", "سيطرت على", "قصف"):
        marks = _future(surface)
        assert marks, surface  # each is a trigger form ...
        assert marks == {False}, surface  # ... and none is a future one


def test_split_triggers_find_a_verb_apart_from_its_object() -> None:
    from rasad.events.lexicons import load_event_lexicons, split_triggers
    from rasad.text.normalize import norm

    lx = load_event_lexicons()
    t = norm("استدعت الحكومة العراقية، اليوم الثلاثاء، سفيرها لدى طهران للتشاور.")
    found = lx.triggers.find(t)
    got = split_triggers(t, found, lx)
    assert [(m.surface, m.payloads[0].type) for m in got] == [("استدعت", "SANCTION")]
    # a new clause between the verb and the word ends the search
    t2 = norm("استدعت الخارجية الصحفيين وقالت إن سفيرها باق.")
    assert split_triggers(t2, lx.triggers.find(t2), lx) == []


def test_object_triggers_make_a_general_verb_an_act_by_what_it_moves() -> None:
    from rasad.events.lexicons import load_event_lexicons, object_triggers
    from rasad.text.normalize import norm

    lx = load_event_lexicons()
    t = norm("وبعثت الحكومة، صباح اليوم، أطناناً من الخيام والبطانيات إلى المخيمات.")
    got = [(m.surface, m.payloads[0].type) for m in object_triggers(t, lx.triggers.find(t))]
    assert ("وبعثت", "AID") in got
    # a new clause between the verb and the object ends the search
    t2 = norm("وبعثت الحكومة برقية تهنئة، وقالت إن الخيام ستصل.")
    assert all(m.payloads[0].type != "AID" for m in object_triggers(t2, lx.triggers.find(t2)))


def test_object_triggers_read_a_verb_after_a_quote_mark() -> None:
    # the weak deployment reading of "سنرسل" sits on the word, not on the quote mark before
    # it; the aid reading replaces it
    from rasad.events.lexicons import load_event_lexicons, object_triggers
    from rasad.text.normalize import norm

    lx = load_event_lexicons()
    t = norm("وقال: «سنرسل قوافل مماثلة إلى الشمال».")
    got = [(m.surface, m.payloads[0].type) for m in object_triggers(t, lx.triggers.find(t))]
    assert ("سنرسل", "AID") in got
    assert all(ty != "MOBILIZE" for _, ty in got)


def test_deployment_nouns_are_read_as_nouns() -> None:
    # "انتشار كثيف لقوات …", "رتل عسكري": masdars and nouns take noun roles (a genitive
    # agent), not a verb's (subject after the verb)
    lx = load_event_lexicons()
    for surface in ("انتشار", "رتل عسكري", "نقطة عسكرية", "متمركزة"):
        pos = {t.pos for t in lx.triggers.lookup(norm(surface)) if t.type == "MOBILIZE"}
        assert pos == {"noun"}, surface
    assert {t.pos for t in lx.triggers.lookup(norm("انتشرت"))} == {"verb"}
