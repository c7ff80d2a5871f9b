"""Where an event happened (rasad.events.coder._location): one construction per test.

The sentences are written for these tests (not taken from any page set). Each runs the
whole pipeline but cleaning, so a test checks the place an analyst would see on the map.
"""

from __future__ import annotations

from test_roles_constructions import code

from rasad.records import Event


def places(events: list[Event], etype: str) -> list[str | None]:
    return [e.location.id if e.location else None for e in events if e.type == etype]


def test_a_fronted_place_is_where_the_statement_was_made() -> None:
    # the place after the trigger ("في العراق") is what the condemnation is about
    evs = code("وفي عمّان، دانت وزارة الخارجية الأردنية الهجوم على قاعدة عين الأسد في "
               "العراق.")
    assert places(evs, "ACCUSE") == ["amman"]


def test_a_seat_is_no_scene() -> None:
    # an embassy, a mission, an envoy sit where their title says; the act is not there
    evs = code("ودانت السفارة الأمريكية في طرابلس الاشتباكات، ودعا المبعوث الأممي إلى "
               "اليمن الأطراف إلى ضبط النفس.")
    assert places(evs, "ACCUSE") == [None]
    assert places(evs, "REQUEST") == [None]


def test_forces_sent_somewhere_are_there() -> None:
    # forces are no seat: "قوات في إدلب" is where they deploy (not "السفارة … في طرابلس")
    evs = code("ونشرت تركيا قوات في إدلب لحماية نقاط المراقبة.")
    assert places(evs, "MOBILIZE") == ["idlib"]


def test_a_place_inside_a_title_is_no_scene() -> None:
    evs = code("واستقبل ولي العهد السعودي أمير قطر في المطار.")
    assert all(p != "QAT" for p in places(evs, "CONSULT"))


def test_a_place_after_another_act_is_that_acts() -> None:
    # the recall happened in Baghdad's foreign ministry, not in Erbil, which was struck
    evs = code("استدعت الحكومة العراقية سفيرها لدى طهران للتشاور، غداة ضربات صاروخية "
               "على مدينة أربيل.")
    assert places(evs, "SANCTION") in ([None], [])
    assert "erbil" in places(evs, "ASSAULT")


def test_the_occasion_shares_its_place() -> None:
    # "خلال لقائهما في القاهرة": the meeting is the agreement's occasion, Cairo its place
    evs = code("واتفق الرئيس المصري عبد الفتاح السيسي ورئيس الوزراء الإثيوبي آبي أحمد، "
               "خلال لقائهما في القاهرة، على استئناف المفاوضات.")
    assert places(evs, "AGREE") == ["cairo"]


def test_a_place_that_names_an_agreement_is_only_its_place() -> None:
    evs = code("ودعا أردوغان روسيا إلى الالتزام باتفاق سوتشي.")
    assert places(evs, "REQUEST") == [None]


def test_a_phone_call_has_no_place() -> None:
    evs = code("وبحث الرئيس التركي رجب طيب أردوغان في اتصال هاتفي مع نظيره الروسي "
               "فلاديمير بوتين التطورات في إدلب.")
    assert places(evs, "CONSULT") == [None]


def test_a_country_that_acts_is_not_where_it_acts() -> None:
    # "أرسلت مصر": Egypt sends; the aid lands in Benghazi, named before the comma
    evs = code("وبدأت المساعدات الدولية بالوصول إلى مطار بنينا في بنغازي، إذ أرسلت مصر "
               "فرق إنقاذ ومعدات.")
    got = places(evs, "AID")
    assert got and got[0] != "EGY"
    assert got[0] in ("benghazi", "benina-airport")


def test_a_strike_is_where_it_hit() -> None:
    evs = code("وقصفت طائرات حربية مواقع في مدينة سراقب بريف إدلب.")
    assert places(evs, "ASSAULT") == ["saraqib"]


def test_a_capital_named_by_its_country() -> None:
    evs = code("وعقد اجتماع يوم الأحد في العاصمة الفرنسية بمشاركة مدير المخابرات المصرية.")
    assert places(evs, "CONSULT") == ["paris"]


def test_a_fronted_place_ends_at_another_subjects_clause() -> None:
    evs = code("وفي عمّان، دان وزير الخارجية الأردني الهجوم، فيما دعت الولايات المتحدة "
               "الأطراف إلى ضبط النفس.")
    assert places(evs, "ACCUSE") == ["amman"]
    assert places(evs, "REQUEST") == [None]


def test_where_someone_travels_is_not_where_the_other_acts_happen() -> None:
    # "قبيل مغادرته إلى أوكرانيا": the visit goes there, the strike he speaks of does not
    evs = code("وقال الرئيس التركي رجب طيب أردوغان، قبيل مغادرته إلى أوكرانيا في زيارة "
               "رسمية، إن الجيش التركي قصف مواقع قوات النظام السوري.")
    assert places(evs, "ASSAULT") == [None]
    assert places(evs, "CONSULT") == ["UKR"]
    # forces sent to a place are there
    evs = code("وأرسلت تركيا تعزيزات عسكرية إلى إدلب.")
    assert places(evs, "MOBILIZE") == ["idlib"]
