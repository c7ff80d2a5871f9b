"""Figures: counts of people or incidents (killed, injured, displaced, detained, attacks).

``find_figures(sentence)`` reads ONE sentence (or clause) and returns every number in it that
counts people or incidents for a humanitarian/conflict category, with its qualifier, category,
counted noun ("subject") and spans in the ORIGINAL text. Matching runs on normalized text
(:func:`rasad.text.normalize.normalize`); spans are mapped back.

How a number becomes a figure
-----------------------------
1. Numbers come from :mod:`rasad.events.numbers` (digits, words, composites, vague plurals,
   duals of counted nouns).
2. Not figures: ordinals ("الـ 11"), dates ("15 مارس"), years (a bare 1900–2100 with no counted
   noun, or after عام/منذ …), percentages (%, بالمئة, في المئة, بنسبة), and any number whose
   counted noun is a unit or a thing (money, durations, distances, zones, points, patrols,
   countries, vehicles, targets …).
3. The counted noun decides first when it carries a category itself: attack nouns
   (15 اعتداء، عشرات الغارات، 40 صاروخا) → attacks; قتلى/قتيلا/شهداء/ضحايا/جثث → killed;
   جرحى/جريحا/مصابين → injured; مفقودين → other (missing). Status nouns (نازح، لاجئ → displaced;
   معتقل، أسير، رهينة → detained) are weaker: a governing action word overrides them
   ("أعدمت 4 رهائن" → killed; "أفرج عن 150 معتقلا", "عاد 200 ألف نازح" → other: releases and
   returns are not new detentions or displacements).
4. Otherwise the governing word near the number, in all its forms and with clitics: first the
   word right before it (only prepositions, عدد/حصيلة and the qualifier between: "مقتل 33",
   "ارتفع عدد القتلى إلى 33", "وإصابة 32"), which also overrides a casualty noun ("وفاة 3 جرحى"
   → killed); then a word up to five tokens back in the same clause (stopping at punctuation,
   another number, أن/إن, relative pronouns); then coordination with the previous figure
   ("مقتل 8 عناصر من الهيئة و5 من الفصائل", "… بينهم 4 أطفال"; further back when both
   numbers are followed by the same preposition: "بينهم 600 في الحوز …، ونحو 250 في
   تارودانت"); then a verb just after the counted noun ("أن 6 مدنيين قتلوا", "لقي 5 أشخاص
   حتفهم", "دفع 800 ألف شخص للنزوح") or a phrase saying what befell them ("غادروا
   منازلهم", "باتوا بلا مأوى", "نقلوا إلى مراكز إيواء" → displaced; "في عداد المفقودين").
   A verb with the future prefix is read as the listed present verb ("ستفرج" as "تفرج").
   "لقي N … حتفهم/مصرعهم" is killed across the words between (up to the clause's end); a bare
   number a toll rose to ("ترتفع (الحصيلة) إلى 29 ثم إلى 33") takes the previous figure's
   category; month names ("كانون الأول") do not count as steps back to the governing word.
   A counted noun not in any list ("22 جندري") needs a governing word at most two tokens back,
   coordination, or a following verb. A bare number (no counted noun) needs the word right
   before it, "عدد/حصيلة + category noun", or "… إلى N". Attack nouns govern only a bare number,
   in the plural with the article ("بلغ عدد الغارات 40").
5. "مقتل وإصابة 20", "قتل وجرح العشرات", "عشرات القتلى والجرحى": killed and injured are not
   separated, so the category is ``other`` (casualties).
6. Implicit counts: a singular person noun right after a killing/injury/detention word is 1
   ("مقتل جندي تركي", "إصابة آخر"); so is one joined to a figure by و or بينهم
   ("7 جنود أتراك ومدني" → 7 and 1, same category). Duals count 2 ("جنديان تركيان").

Qualifiers
----------
``approx``: نحو، حوالي/حوالى، قرابة، زهاء، ما يقرب من، ما يقارب، ما يناهز، في حدود، ما يصل إلى،
ما يقدر بـ، تقريبا (after). ``more_than``: أكثر من، ما يزيد عن/على، أزيد من، ما يربو على، ما يفوق،
تجاوز/يتجاوز/تخطى (right before the number, or governing عدد/حصيلة: "تجاوز عدد اللاجئين مليوني
لاجئ"), and the "at least" forms ما لا يقل عن، لا يقل عن، على الأقل/في الأقل (before or after),
"أو أكثر" (after) — *at least* is stored as ``more_than``: the contract has no ``at_least``.
``less_than``: أقل من، ما دون، ما يقل عن، لا يزيد عن/على.
Vague plurals (عشرات، مئات، آلاف، عشرات الآلاف، بضعة) are ``more_than`` their lower bound
(عشرات = 20: more than two tens, see :mod:`rasad.events.numbers`) unless an explicit qualifier
says otherwise. A range "بين 20 و30" is 20 ``more_than`` (the lower bound; the span covers both);
the lower bound takes the upper one's scale word when it has none ("بين 18 و20 ألفا" → 18,000).
Operations of an attack kind count attacks ("30 عملية إطلاق"); other operations do not.

Not handled (known misses): people counted by nouns alone ("لقيت امرأة وطفلاها مصرعهم"), a
singular noun far from its verb ("قتل مسلحون شرطيا"), ordinals used as counts ("وقتل ثالث").
A bare year-like number with no counted noun is never a figure ("ارتفع العدد إلى 2000" is lost).

Lexicons are plain word lists here, normalized and indexed on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rasad.events.numbers import NumberMatch, Token, dual_base, extend_over_marks, scan_tokens
from rasad.events.numbers import tokenize as _tokenize
from rasad.text.function_words import PRONOUN_SUFFIXES
from rasad.text.normalize import Normalized, norm, normalize

KILLED, INJURED, DISPLACED, DETAINED, ATTACKS, OTHER = (
    "killed", "injured", "displaced", "detained", "attacks", "other")
CATEGORIES = (KILLED, INJURED, DISPLACED, DETAINED, ATTACKS, OTHER)
QUALIFIERS = ("exact", "approx", "more_than", "less_than")
_RELEASE, _RETURN = "release", "return"  # action words that turn status nouns into "other"
_CASUALTY = (KILLED, INJURED)


@dataclass(frozen=True, slots=True)
class FigureMatch:
    """One figure; spans are [start, end) in the original text given to find_figures."""

    start: int
    end: int
    quantity: float
    qualifier: str  # exact | approx | more_than | less_than
    category: str  # killed | injured | displaced | detained | attacks | other
    subject: str | None
    number_start: int
    number_end: int


# --------------------------------------------------------------------------- lexicons

_TRIGGERS: dict[tuple[str, str], str] = {
    (KILLED, "verb"): """قتل قتلت قتلوا قتلا قتلتا يقتل تقتل يقتلون استشهد استشهدت استشهدوا
        استشهدا يستشهد توفي توفيت توفوا أعدم أعدمت أعدموا أعدما اغتال اغتالت اغتالوا اغتيل
        اغتيلوا حتف مصرع""",
    (KILLED, "masdar"): "مقتل استشهاد وفاة اغتيال حياة",
    (KILLED, "noun"): "قتلى قتيل قتيلا ضحايا ضحية شهداء شهيد جثث جثة جثامين",
    (INJURED, "verb"): """جرح جرحت جرحوا يجرح أصيب أصيبت أصيبوا أصيبا يصاب تصاب يصابون أصاب
        أصابت""",
    (INJURED, "masdar"): "إصابة إصابات جروح",
    (INJURED, "noun"): "جرحى جريح جريحا مصاب مصابين مصابون",
    (DISPLACED, "verb"): """نزح نزحت نزحوا ينزح ينزحون فر فرت فروا يفر يفرون هجر هجرت هجروا
        يهجر شرد شردت شردوا لجأ لجأت لجأوا أجلي""",
    (DISPLACED, "masdar"): "نزوح تهجير فرار لجوء تشريد إجلاء هروب",
    (DISPLACED, "noun"): """نازح نازحين نازحون لاجئ لاجئين لاجئون مهجر مهجرين مشردين فارين
        فارون""",
    (DETAINED, "verb"): """اعتقل اعتقلت اعتقلوا يعتقل تعتقل احتجز احتجزت احتجزوا يحتجز تحتجز
        اعتقلا أسر أسرت أسروا اختطف اختطفت اختطفوا اختطفا يختطف خطف خطفت خطفوا أوقف أوقفت
        أوقفوا""",
    (DETAINED, "masdar"): "اعتقال اعتقالات احتجاز اختطاف توقيف قبض سجن",
    (DETAINED, "noun"): "معتقلين معتقلون محتجزين أسرى مختطفين رهائن سجناء",
    # only with the article, governing a bare number: "بلغ عدد الغارات 40"
    (ATTACKS, "noun"): "اعتداءات هجمات غارات ضربات قذائف صواريخ خروقات انتهاكات تفجيرات",
    (_RELEASE, "verb"): "أفرج أفرجت أفرجوا يفرج تفرج يفرجون تفرجان يفرجان",
    (_RELEASE, "masdar"): "إفراج سراح",
    (_RETURN, "verb"): "عاد عادت عادوا يعود يعودون",
    (_RETURN, "masdar"): "عودة",
}

# counted nouns: (class, category)
_HEADS: dict[tuple[str, str | None], str] = {
    ("attack", ATTACKS): """اعتداء اعتداءات اعتداءا هجوم هجمات هجوما غارة غارات ضربة ضربات قذيفة
        قذائف صاروخ صواريخ صاروخا خرق خروقات خرقا انتهاك انتهاكات انتهاكا تفجير تفجيرات انفجار
        انفجارات كمين كمائن عبوة عبوات برميل براميل برميلا""",
    ("strong", KILLED): """قتلى قتيل قتيلا ضحايا ضحية شهداء شهيد شهيدا جثث جثة جثامين جثمان
        وفيات""",
    ("strong", INJURED): "جرحى جريح جريحا مصاب مصابين مصابون مصابا",
    ("strong", OTHER): "مفقود مفقودين مفقودون مفقودا",
    ("weak", DISPLACED): """نازح نازحين نازحون نازحا نازحة لاجئ لاجئين لاجئون لاجئا لاجئة مهجر
        مهجرين مهجرون مشرد مشردين مشردون فارين فارون""",
    ("weak", DETAINED): """معتقل معتقلين معتقلون معتقلا محتجز محتجزين محتجزون محتجزا أسير أسرى
        أسيرا مختطف مختطفين مختطفون مختطفا رهينة رهائن سجين سجينا سجناء موقوف موقوفين""",
    ("case", None): "حالة حالات",
    ("operation", None): "عملية عمليات",
    ("person", None): """شخص أشخاص شخصا مدني مدنيين مدنيون مدنيا جندي جنود جنديا عسكري عسكريين
        عسكريون عسكريا ضابط ضباط ضابطا عنصر عناصر عنصرا مقاتل مقاتلين مقاتلون مقاتلا مقاتلي
        مسلح مسلحين مسلحون مسلحا طفل أطفال طفلا طفلة امرأة نساء سيدة سيدات رجل رجال رجلا مواطن
        مواطنين مواطنون مواطنا مواطني فرد أفراد فردا شاب شبان شابا صحفي صحفيين صحفيون صحفيا
        ناشط ناشطين ناشطون ناشطا مسعف مسعفين مسعفون عامل عمال عاملين عاملا متظاهر متظاهرين
        متظاهرون متظاهرا محتج محتجين محتجون طالب طلاب طالبا مهاجر مهاجرين مهاجرون مهاجرا سوري
        سوريين سوريون فلسطيني فلسطينيين فلسطينيون فلسطينيا يمني يمنيين عراقي عراقيين لبناني
        لبنانيين إسرائيلي مصري أمريكي إيراني أردني سوداني ليبي سعودي تركي روسي كردي
        أكراد أتراك روس آخر آخرين آخرون أخرى آخرا نسمة عائلة عائلات أسرة أسر قاصر
        قاصرين مسن مسنين قيادي قياديين قياديا قادة قائد عضو أعضاء إرهابي إرهابيين إرهابيا متشدد
        متشددين جهادي جهاديين شرطي شرطيا حارس حراس موظف موظفين معلم معلمين طبيب أطباء ممرض
        ممرضين راكب ركاب بحار بحارة طيار طيارين مرتزق مرتزقة منشق منشقين مشتبه مشتبها متهم
        متهمين متهما سكان أهالي مدنيي فتى فتاة فتيان صيادين مترجم مترجمين سائق سائقين مدرس
        مدرسين مهندس مهندسين مزارع مزارعين صياد إعلامي إعلاميين مصور مصورين متطوع متطوعين
        متمرد متمردين متمردون مهاجم مهاجمين مهاجمون انتحاري انتحاريين مستوطن مستوطنين سائح سياح مصل مصلين""",
    ("unit", None): """دولار دولارا دولارات يورو جنيه جنيها جنيهات ليرة ليرات دينار دينارا دنانير
        ريال ريالا ريالات درهم دراهم روبل روبلا روبلات مية مائة ساعة ساعات يوم يوما أيام أسبوع
        أسابيع أسبوعا شهر شهرا أشهر شهور سنة سنوات سنين عام عاما أعوام دقيقة دقائق ثانية ثوان
        ليلة ليال عقد عقود قرن كيلومتر كيلومترا كيلومترات كلم كم متر مترا أمتار ميل ميلا أميال
        كيلوغرام كغ غرام طن أطنان لتر هكتار هكتارا دونم دونما درجة درجات بالمئة بالمائة نسبة
        مليار""",
    ("neg", None): """منطقة مناطق نقطة نقاط
        دورية دوريات دولة دول مرة مرات موقع مواقع قرية قرى بلدة بلدات مدينة مدن حي أحياء مبنى
        مباني منزل منازل منزلا سيارة سيارات آلية آليات دبابة دبابات مدرعة مدرعات مركبة مركبات
        طائرة طائرات مسيرة مسيرات مروحية مروحيات سفينة سفن قمر قمرا أقمار خبر أخبار سبب أسباب
        بند بنود مادة مواد جولة جولات اجتماع اجتماعات لقاء لقاءات قمة قمم اتفاق اتفاقات اتفاقية
        هدف أهداف هدفا مشروع مشاريع شاحنة شاحنات سلة سلال طرد طرود وجبة وجبات مقعد مقاعد صوت
        أصوات محافظة محافظات ولاية ولايات معبر معابر مخيم مخيمات مستشفى مستشفيات مدرسة مدارس
        مركز مراكز منصة منصات مدفع مدافع قطعة قطع كتيبة كتائب لواء ألوية فصيل فصائل جبهة جبهات
        محور محاور حاجز حواجز طريق طرق جسر جسور صفحة صفحات نسخة نسخ قاعدة قواعد مطار مطارات
        مسجد مساجد مستودع مستودعات نائب نائبا""",
}

_SINGULAR = """جندي مدني طفل طفلة امرأة سيدة شخص ضابط عنصر مقاتل مسلح صحفي مسعف مواطن شاب رجل
    عسكري ناشط قيادي شرطي فتى فتاة مسن عامل مترجم سائق مدرس طبيب ممرض مهندس مزارع صياد
    إعلامي مصور متطوع آخر"""
_ADJECTIVES = """أتراك روس أكراد عرب أجانب آخرين آخرون أخرى مجهولين مجهولون مسلحين متفجرا متفجرة
    متفجرات جدد نازحة نازحين نازحا لاجئة مهجرة"""
_NOT_ADJ = """يوميا أسبوعيا شهريا سنويا تقريبا حاليا رسميا أيضا حتى الذي التي علي على إلى الى"""
_COUNTRY_ADJ = "تركيا سوريا"  # "جنديا تركيا" (adjective) but "جنود تركيا" (the country)
_DISEASES = "فيروس كورونا كوفيد الكوليرا الحصبة التيفوئيد اللشمانيا"
_FUNCTION = """في من على إلى الى عن منذ خلال بعد قبل حسب بحسب وفق وفقا بين بينهم منهم بينهن
    منهن جراء إثر اثر عند مع حتى أو ثم لدى فيما بينما حيث الذي التي الذين اللذين اللتين اللواتي
    إن أن قد لم لن لا ما هذا هذه ذلك تلك هؤلاء كل بعض نحو حوالي تقريبا فقط أيضا داخل خارج قرب
    أمام وسط تحت فوق ضد عبر بسبب نتيجة نصفهم معظمهم أغلبهم غالبيتهم"""
_BOUNDARY = """إن أن الذي التي الذين اللذين اللتين اللواتي حيث بينما فيما لكن لكنه غير كما بعدما
    عندما حين إذ لأن ولكن إلا نصفهم معظمهم أغلبهم غالبيتهم"""
_FILLER = "إلى الى عن على ل ب عدد حصيلة إجمالي مجموع فيه فيها فيهم"
_BRIDGES = "بينهم منهم بينهن منهن"
_COUNT_WORDS = "عدد حصيلة أعداد إجمالي مجموع"
# definite cardinals after their noun ("الجنود الثلاثة"), normalized; not "الاثنين" (Monday)
_DEFINITE_CARDINALS = {norm(w): v for v, w in enumerate(
    ["الثلاثة", "الأربعة", "الخمسة", "الستة", "السبعة", "الثمانية", "التسعة", "العشرة"],
    start=3)}
_COUNT_VERBS = {"more_than": "تجاوز تجاوزت يتجاوز تخطى تخطت يتخطى فاق فاقت يفوق زاد يزيد",
                "less_than": "يقل"}
_MONTHS = """يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر نوفمبر
    ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين"""
_YEAR_CUES = "عام العام عامي سنة السنة منذ مطلع بداية نهاية أواخر أوائل منتصف"
_ORDINAL_CUES = "ال رقم الرقم القرار البند المادة الفقرة"
_PERCENT_CUES = "نسبة بنسبة"

_QUALIFIERS: dict[str, str] = {
    "approx": """نحو|حوالي|حوالى|قرابة|زهاء|ما يقرب من|يقرب من|ما يقارب|يقارب|ما يناهز|يناهز|
        تقريبا|في حدود|ما يصل إلى|ما يقدر ب|يقدر ب""",
    "more_than": """أكثر من|ما يزيد عن|ما يزيد على|يزيد عن|يزيد على|أزيد من|ما لا يقل عن|
        لا يقل عن|على الأقل|ما يربو على|يربو على|ما يفوق|يفوق|تجاوز|تجاوزت|يتجاوز|تخطى|تخطت""",
    "less_than": """أقل من|ما دون|ما يقل عن|لا يزيد عن|لا يزيد على|ما لا يزيد عن|
        ما لا يزيد على""",
}
_FORWARD_QUALIFIERS = {"تقريبا": "approx", "على الأقل": "more_than", "في الأقل": "more_than",
                       "على أقل تقدير": "more_than", "أو أكثر": "more_than"}

_CLITICS = ("وبال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
            "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")
_QUAL_CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
_NISBA = re.compile(r"(?:ال)?[\u0621-\u064a]{2,}(?:ي|يا|يه|يين|يون|يان|يتين|يتان|يات)")
_IMPERFECT = re.compile(r"[يت][\u0621-\u064a]{2,}(?:ون|ان)")
_QUOTES = frozenset('"\'()-«»/')
_SCALE = re.compile(r"[وف]?(?:ال)?(?:الف|الفا|الاف|الفين|الفان|مليون|مليونا|ملايين|مليوني|مليونين)")


@dataclass(frozen=True, slots=True)
class _Trig:
    category: str
    kind: str  # verb | masdar | noun
    prefix: str


@dataclass(frozen=True, slots=True)
class _Lex:
    triggers: dict[str, tuple[str, str]]
    heads: dict[str, tuple[str, str | None]]
    singular: frozenset[str]
    adjectives: frozenset[str]
    not_adj: frozenset[str]
    country_adj: frozenset[str]
    diseases: frozenset[str]
    function: frozenset[str]
    boundary: frozenset[str]
    filler: frozenset[str]
    bridges: frozenset[str]
    count_words: frozenset[str]
    count_verbs: dict[str, str]
    months: frozenset[str]
    year_cues: frozenset[str]
    ordinal_cues: frozenset[str]
    percent_cues: frozenset[str]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]  # longest first
    qualifier_firsts: frozenset[str]
    forward_qualifiers: tuple[tuple[tuple[str, ...], str], ...]


def _words(s: str) -> frozenset[str]:
    return frozenset(norm(w) for w in s.split())


@cache
def _lex() -> _Lex:
    triggers: dict[str, tuple[str, str]] = {}
    for (cat, kind), words in _TRIGGERS.items():
        for w in _words(words):
            triggers.setdefault(w, (cat, kind))
    heads: dict[str, tuple[str, str | None]] = {}
    for key, words in _HEADS.items():
        for w in _words(words):
            heads.setdefault(w, key)
            if key[0] == "person" and not w.endswith(("ا", "ه", "ين", "ون", "ي")):
                heads.setdefault(w + "ا", key)  # accusative after 11–99: "بحارا", "متمردا"
    quals: list[tuple[tuple[str, ...], str]] = []
    for q, forms in _QUALIFIERS.items():
        for form in forms.split("|"):
            quals.append((tuple(norm(form).split()), q))
    quals.sort(key=lambda x: -len(x[0]))
    fwd = sorted(((tuple(norm(k).split()), v) for k, v in _FORWARD_QUALIFIERS.items()),
                 key=lambda x: -len(x[0]))
    return _Lex(
        triggers=triggers, heads=heads, singular=_words(_SINGULAR),
        adjectives=_words(_ADJECTIVES), not_adj=_words(_NOT_ADJ),
        country_adj=_words(_COUNTRY_ADJ), diseases=_words(_DISEASES), function=_words(_FUNCTION),
        boundary=_words(_BOUNDARY), filler=_words(_FILLER), bridges=_words(_BRIDGES),
        count_words=_words(_COUNT_WORDS),
        count_verbs={w: q for q, ws in _COUNT_VERBS.items() for w in _words(ws)},
        months=_words(_MONTHS), year_cues=_words(_YEAR_CUES),
        ordinal_cues=_words(_ORDINAL_CUES), percent_cues=_words(_PERCENT_CUES),
        qualifiers=tuple(quals), qualifier_firsts=frozenset(q[0][0] for q in quals),
        forward_qualifiers=tuple(fwd),
    )


def _candidates(word: str) -> list[tuple[str, str]]:
    """(clitic prefix, base) readings of a word: as is, prefix off, suffix off, both."""
    out = [("", word)]
    stems = [word]
    for s in _SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            stem = word[: -len(s)]
            stems.append(stem)
            if stem.endswith("ت"):
                stems.append(stem[:-1] + "ه")
            break
    for stem in stems[1:]:
        out.append(("", stem))
    for p in _CLITICS:
        if word.startswith(p):
            for stem in stems:
                if len(stem) - len(p) >= 3:
                    out.append((p, stem[len(p):]))
    return out


@lru_cache(maxsize=65536)
def _trigger(word: str) -> _Trig | None:
    triggers = _lex().triggers
    for p, base in _candidates(word):
        hit = triggers.get(base)
        if hit is None and base[:1] == "س" and base[1:2] in ("ي", "ت", "ن"):
            # the future of a listed present verb: "ستفرج" is "تفرج", "سيعتقل" "يعتقل"
            hit = triggers.get(base[1:])
            hit = hit if hit is not None and hit[1] == "verb" else None
        if hit is not None:
            if base == "حياه" and "ب" not in p:  # only "أودى بحياة"
                return None
            return _Trig(hit[0], hit[1], p)
    return None


@lru_cache(maxsize=65536)
def _head(word: str) -> tuple[str, str | None, str] | None:
    """(class, category, clitic prefix) of a counted noun."""
    heads = _lex().heads
    for p, base in _candidates(word):
        hit = heads.get(base)
        if hit is not None:
            return hit[0], hit[1], p
    return None


@dataclass(slots=True)
class _Fig:
    start: int  # normalized char offsets
    end: int
    num_start: int
    num_end: int
    quantity: float
    qualifier: str
    category: str
    subj: tuple[int, int] | None
    end_tok: int  # first token after the figure


class _Sentence:
    """One sentence being read: tokens, numbers, and the figures found so far."""

    def __init__(self, nz: Normalized) -> None:
        self.lex = _lex()
        self.nz = nz
        self.toks: list[Token] = _tokenize(nz.text)
        self.nums = scan_tokens(self.toks)
        self.num_of_tok: dict[int, int] = {}
        for k, (_, i0, i1) in enumerate(self.nums):
            for i in range(i0, i1):
                self.num_of_tok[i] = k
        self.figs: list[_Fig] = []

    # ------------------------------------------------------------------ token helpers
    def word(self, i: int) -> str | None:
        if 0 <= i < len(self.toks) and self.toks[i].kind == "word":
            return self.toks[i].text
        return None

    def is_stop_punct(self, i: int) -> bool:
        t = self.toks[i]
        return t.kind == "punct" and t.text not in _QUOTES

    # ------------------------------------------------------------------ the pass
    def run(self) -> list[_Fig]:
        i, n = 0, len(self.toks)
        starts = {i0: k for k, (_, i0, _) in enumerate(self.nums)}
        while i < n:
            k = starts.get(i)
            if k is not None:
                m, i0, i1 = self.nums[k]
                fig = self.number_figure(m, i0, i1)
                if fig is not None:
                    self.figs.append(fig)
                    i = max(fig.end_tok, i1)
                else:
                    i = i1
                continue
            fig = self.implicit_one(i) or self.postposed(i, starts)
            if fig is not None:
                self.figs.append(fig)
                i = fig.end_tok
                continue
            i += 1
        return self.figs

    # ------------------------------------------------------------------ "the five attackers"
    def postposed(self, i: int, starts: dict[int, int]) -> _Fig | None:
        """A definite number right after its definite plural noun: "قتل المهاجمين الخمسة",
        "لا يزال الرهائن الـ25 محتجزين". The noun counts; its category comes from the noun,
        the governing word before it, or a status word right after the number. (Not past a
        genitive, "أفراد طاقمها الـ25": tried in session 11, it gave a weak trigger in the
        clause its support and coded one more act with no actor on blind2.)"""
        w = self.word(i)
        if w is None or i in self.num_of_tok:
            return None
        if w == "ال" and i + 1 in starts:
            m, _, end_tok = self.nums[starts[i + 1]]
            value, num_start, num_end = m.value, m.start, m.end
        elif w in _DEFINITE_CARDINALS:
            value, num_start, num_end = _DEFINITE_CARDINALS[w], self.toks[i].start, \
                self.toks[i].end
            end_tok = i + 1
        else:
            return None
        h = i - 1
        hw = self.word(h)
        if hw is None or h in self.num_of_tok or not hw.startswith(("ال", "وال")):
            return None
        info = _head(hw)
        if info is None or info[0] not in ("person", "strong", "weak"):
            return None
        cls, cat = info[0], info[1]
        category: str | None = cat if cls == "strong" else None
        if category is None:
            tr = self.adjacent_trigger(h) or self.window_trigger(h, bare=False, limit=2)
            if tr is not None and tr.category in (_RELEASE, _RETURN):
                category = OTHER
            elif tr is not None and tr.category in CATEGORIES and tr.category != ATTACKS:
                category = tr.category
        if category is None:
            after = _head(self.word(end_tok) or "")
            if after is not None and after[0] in ("strong", "weak"):
                category = after[1]  # "… الـ25 محتجزين"
            elif cls == "weak":
                category = cat
        if category is None:
            return None
        start = self.toks[h].start
        return _Fig(start, max(self.toks[end_tok - 1].end, num_end), num_start, num_end,
                    float(value), "exact", category, (start, self.toks[h].end), end_tok)

    # ------------------------------------------------------------------ numbers
    def number_figure(self, m: NumberMatch, i0: int, i1: int) -> _Fig | None:
        lex, toks = self.lex, self.toks
        prev = self.word(i0 - 1)
        nxt = self.word(i1)
        # "واحد" alone follows its noun ("شخص واحد"): handled with the noun
        if i1 - i0 == 1 and toks[i0].kind == "word" and m.value == 1:
            return None
        if prev is not None and (prev in lex.ordinal_cues or prev in lex.percent_cues
                                 or _strip_clitic(prev) in lex.percent_cues):
            return None
        if (nxt is not None and nxt in lex.months) or (prev is not None and prev in lex.months):
            return None
        if i1 < len(toks) and toks[i1].text in ("%", "٪"):
            return None
        if nxt == "في" and self.word(i1 + 1) in ("الميه", "المايه"):
            return None
        year_like = (toks[i0].kind == "num" and len(toks[i0].text) == 4 and not m.vague
                     and 1900 <= m.value <= 2100)
        if year_like and prev is not None and prev in lex.year_cues:
            return None

        qs, qualifier, q_and = self.qualifier_before(i0)
        quantity, end_num = m.value, m.end
        after = i1
        # a range "بين 20 و30": the lower bound, at least
        if self.word(qs - 1) == "بين":
            upper = self.range_upper(i1)
            if upper is not None:
                after, end_num, high = upper
                quantity = self.shared_scale(quantity, high, i0, i1, after)
                qs = qs - 2 if self.word(qs - 2) == "ما" else qs - 1
                if qualifier == "exact":
                    qualifier = "more_than"
        dual = dual_base(toks[i0].text) if (i1 - i0 == 1 and toks[i0].kind == "word") else None
        head = self.subject(i0 if dual else after, dual, m.start, m.vague)
        if head.cls in ("neg", "unit"):
            return None
        if year_like and head.cls is None and qualifier == "exact":
            return None
        category = self.category(head, qs, q_and)
        if category is None:
            return None
        end_tok = head.end_tok
        fq = self.qualifier_after(end_tok)
        end = self.toks[end_tok - 1].end if end_tok > i1 else end_num
        if fq is not None:
            end_tok, q2 = fq
            end = toks[end_tok - 1].end
            if qualifier == "exact":
                qualifier = q2
        if qualifier == "exact":
            qualifier = self.count_qualifier(qs)
        if m.vague and qualifier == "exact":
            qualifier = "more_than"
        start = min(toks[qs].start + (_qual_prefix_len(toks[qs].text) if qs < i0 else 0),
                    m.start)
        return _Fig(start, max(end, end_num), m.start, m.end, quantity, qualifier, category,
                    head.span, end_tok)

    def range_upper(self, i1: int) -> tuple[int, int, float] | None:
        """(first token after, end char, value) of the upper bound of "بين X و Y"."""
        t = self.word(i1)
        j = i1 + 1 if t == "و" else i1
        if t is None or not t.startswith("و"):
            return None
        for m, j0, j1 in self.nums:
            if j0 == j:
                return j1, self.toks[j1 - 1].end, m.value
        return None

    def shared_scale(self, low: float, high: float, i0: int, i1: int, after: int) -> float:
        """The lower bound of "بين 18 و20 ألفا" shares the upper bound's scale word: 18,000.
        Only when the upper bound ends in a scale word the lower one lacks, and the scaled
        value stays below the upper bound and within a tenth of it ("بين 5 و1500" stays 5)."""
        if not any(_SCALE.fullmatch(self.toks[k].text) for k in range(i1, after)) or any(
                _SCALE.fullmatch(self.toks[k].text) for k in range(i0, i1)):
            return low
        for scale in (1_000_000.0, 1_000.0):
            if high / 10 <= low * scale <= high:
                return low * scale
        return low

    # ------------------------------------------------------------------ qualifiers
    def qualifier_before(self, i0: int) -> tuple[int, str, bool]:
        """(first token of the qualifier, qualifier, whether it starts with و)."""
        toks = self.toks
        for words, q in self.lex.qualifiers:
            k = i0 - len(words)
            if k < 0:
                continue
            if all(toks[k + x].kind == "word" for x in range(len(words))) and all(
                    toks[k + x].text == words[x] for x in range(1, len(words))):
                first = toks[k].text
                if first == words[0]:
                    return k, q, False
                for p in _QUAL_CLITICS:
                    if first == p + words[0]:
                        return k, q, p.startswith("و")
        # "على الأقل" before the number is matched above; bare number:
        return i0, "exact", False

    def count_qualifier(self, qs: int) -> str:
        """"تجاوز عدد اللاجئين … مليوني لاجئ": a comparison verb governing عدد/حصيلة."""
        j = qs - 1
        while j >= 1 and qs - j <= 7:
            t = self.toks[j]
            if self.is_stop_punct(j) or j in self.num_of_tok:
                break
            if t.kind == "word" and (t.text in self.lex.count_words or
                                     _without_pronoun(t.text) in self.lex.count_words):
                # ("تجاوز عددها 130 هجوماً": the count word with its pronoun)
                verb = _strip_clitic(self.word(j - 1) or "")
                return self.lex.count_verbs.get(verb, "exact")
            j -= 1
        return "exact"

    def qualifier_after(self, j: int) -> tuple[int, str] | None:
        toks = self.toks
        for words, q in self.lex.forward_qualifiers:
            if j + len(words) <= len(toks) and all(
                    toks[j + x].kind == "word" and toks[j + x].text == words[x]
                    for x in range(len(words))):
                return j + len(words), q
        return None

    # ------------------------------------------------------------------ counted noun
    def subject(self, j: int, dual: str | None, dual_start: int, vague: bool) -> _Head:
        """The counted noun at token j (after the number, or the dual noun itself)."""
        lex, toks = self.lex, self.toks
        if dual is not None:
            return self.noun_phrase(j, _head(dual), dual, dual_start)
        w = self.word(j)
        if w is None:
            if j < len(toks) and toks[j].text in ("%", "٪"):
                return _Head("unit", None, j, None)
            return _Head(None, None, j, None)
        h = j
        if w == "من" and self.word(j + 1) is not None:
            h = j + 1
        elif w in lex.function:
            return _Head(None, None, j, None)
        hw = toks[h].text
        info = _head(hw)
        prefix = info[2] if info is not None else _strip_prefix(hw)
        if prefix not in ("", "ال") or (prefix == "ال" and h == j and not vague):
            # "بجروح", "وأصيب", "والجرحى": not a counted noun; nor a definite noun right
            # after a number ("إصابة عشرة الأسبوع الماضي"), except after a vague plural
            return _Head(None, None, j, None)
        if info is None and (hw in lex.function or _trigger(hw) is not None
                             or _IMPERFECT.fullmatch(hw)):
            return _Head(None, None, j, None)  # "بينهم سبعة يحملون …": a verb, not a noun
        if info is not None and info[0] == "neg" and h > j:
            info = None  # "5 من الفصائل": members of the things named
        return self.noun_phrase(h, info, hw[len(prefix):], toks[h].start + _subject_skip(prefix))

    def noun_phrase(self, h: int, info: tuple[str, str | None, str] | None, base: str,
                    start_char: int) -> _Head:
        """Counted noun at token h plus its adjectives: "جنود أتراك", "غارة جوية"."""
        lex, toks = self.lex, self.toks
        cls, cat = (info[0], info[1]) if info is not None else ("unknown", None)
        if base in ("برميل", "براميل", "برميلا"):
            cls = "attack" if (self.word(h + 1) or "").startswith("متفجر") else "unit"
        end = h + 1
        for _ in range(2):
            a = self.word(end)
            if a is None or a.startswith("و") or a in lex.not_adj or a in lex.function or (
                    end in self.num_of_tok and not (a.endswith("يان") and _NISBA.fullmatch(a))):
                break  # (a nationality dual is an adjective here: "جنديان تركيان")
            if a.startswith(("لل", "بال", "كال", "فال")) or (
                    a[0] in "لب" and a[1:] in lex.country_adj):
                break  # "الموالية لتركيا": a complement, not an adjective
            if a in lex.country_adj:
                if not toks[h].text.endswith("ا"):
                    break
            elif not (a in lex.adjectives or _NISBA.fullmatch(a)):
                break
            ah = _head(a)
            if ah is not None and ah[0] == "weak" and cls == "person":
                cls, cat = "weak", ah[1]  # "عائلة نازحة"
            end += 1
        # "حالة اعتقال", "حالات وفاة"
        if cls == "case":
            tr = _trigger(self.word(end) or "")
            if tr is not None and tr.category in CATEGORIES:
                cls, cat = "strong", tr.category
                end += 1
            else:
                cls = "person"
        # "30 عملية إطلاق", "عمليات قصف": operations of an attack kind are attacks
        if cls == "operation":
            if _strip_clitic(self.word(end) or "") in _ATTACK_MASDARS:
                cls, cat = "attack", ATTACKS
                end += 1
            else:
                cls = "unknown"
        # "عشرات القتلى والجرحى": casualties not separated
        if cls == "strong" and cat in _CASUALTY:
            nxt = _head(self.word(end) or "")
            if (nxt is not None and nxt[0] == "strong" and nxt[1] in _CASUALTY
                    and nxt[1] != cat and nxt[2].startswith("و")):
                cat = OTHER
                end += 1
        return _Head(cls, cat, end, (start_char, toks[end - 1].end))

    # ------------------------------------------------------------------ category
    def category(self, head: _Head, qs: int, q_and: bool) -> str | None:
        cls, hcat = head.cls, head.cat
        if cls == "attack":
            return ATTACKS
        adj = self.adjacent_trigger(qs)
        if adj is not None and adj.category == ATTACKS and cls is not None:
            adj = None
        if adj is not None and adj.category in CATEGORIES and cls != "weak":
            return adj.category
        if cls == "strong":
            return hcat
        if cls == "unknown":
            # a noun we do not know: only a close governing word ("مقتل 22 جندري تركي")
            if adj is not None and adj.category == _RELEASE:
                return OTHER
            near = adj or self.window_trigger(qs, bare=False, limit=2)
            if near is not None and near.category in CATEGORIES and near.category != ATTACKS:
                return near.category
            return self.inherited(qs, q_and, head.end_tok) or \
                self.forward_trigger(head.end_tok) or self.toll_rise(qs, head)
        win = adj or self.window_trigger(qs, bare=cls is None)
        if cls == "weak":
            if win is None or win.category == ATTACKS:
                return hcat
            if win.category in (_RELEASE, _RETURN) or (
                    hcat == DETAINED and win.category == DISPLACED):
                return OTHER  # released, returned, or escaped ("فرار ألف سجين")
            return win.category
        # person noun or no noun
        if win is not None:
            if win.category == _RELEASE:
                return OTHER
            if win.category in CATEGORIES:
                return win.category
        inh = self.inherited(qs, q_and, head.end_tok)
        if inh is not None:
            return inh
        return self.forward_trigger(head.end_tok) or self.met_death(qs, head.end_tok) or \
            self.count_clause(qs) or self.toll_rise(qs, head)

    def toll_rise(self, qs: int, head: _Head) -> str | None:
        """A bare number a toll rose to, after a figure of the same sentence: "تحدثت عن 22
        قتيلا، قبل أن ترتفع إلى 29 ثم إلى 33", "… قبل أن ترتفع الحصيلة إلى 19"."""
        if head.cls not in (None, "unknown") or not self.figs or self.word(qs - 1) != "الي":
            return None
        k = qs - 2
        w = self.word(k) or ""
        if w.removeprefix("ال") in self.lex.count_words:  # "ترتفع الحصيلة إلى 19"
            k -= 1
        verb = _strip_clitic(self.word(k) or "")
        if verb == "ثم" or verb.startswith(_RISE):
            return self.figs[-1].category
        return None

    def met_death(self, qs: int, j: int, reach: int = 12) -> str | None:
        """"لقي 6 جنود أتراك ومدني يعمل مع الجيش حتفهم": لقي before the number and
        حتفهم/مصرعهم later in the same clause; "قضى 3 أشخاص غرقاً": قضى and the way they
        died (a bare قضى is "spent": "قضى 3 أيام")."""
        verb = _strip_clitic(self.word(qs - 1) or "")
        if verb not in _MET and verb not in _PERISHED:
            return None
        for k in range(j, min(len(self.toks), j + reach)):
            t = self.toks[k]
            if t.kind == "punct" and t.text not in _QUOTES:
                return None
            if t.kind == "word" and (t.text.startswith(("حتف", "مصرع")) or (
                    verb in _PERISHED and (t.text in _DEATH_MANNER or
                                           t.text.startswith("نحب")))):
                return KILLED
        return None

    def count_clause(self, qs: int, reach: int = 30) -> str | None:
        """"ارتفع عدد الجنود الذين قتلوا في الغارة … إلى 33", "عدد الذين أجبروا على ترك
        منازلهم … تجاوز 900 ألف": a count word opens the clause and a category word inside
        it governs a number reached by إلى/تجاوز/بلغ."""
        leads = ("الي", "تجاوز", "بلغ", "يتجاوز", "تخطي", "ناهز")
        lead = self.word(qs - 1) or ""
        if _strip_clitic(self.word(qs) or "") in leads[1:]:
            j = qs - 1  # the verb was read as the qualifier: "… منازلهم تجاوز 900 ألف"
        elif _strip_clitic(lead) in leads or lead in ("الي", "تجاوز", "بلغ"):
            j = qs - 2
        else:
            return None
        found: str | None = None
        while j >= 0 and qs - j <= reach:
            w = self.word(j)
            if w is not None:
                tr = self.trigger_at(j)
                if tr is not None and tr.category in CATEGORIES and tr.category != ATTACKS:
                    found = found or tr.category
                found = found or _forward_phrase(w, self.word(j + 1))  # "ترك منازلهم"
                if _strip_clitic(w) in self.lex.count_words or w in self.lex.count_words:
                    return found
            j -= 1
        return None

    def adjacent_trigger(self, qs: int) -> _Trig | None:
        j = qs - 1
        while j >= 0 and (self.word(j) in self.lex.filler
                          or (self.toks[j].kind == "punct" and self.toks[j].text in _QUOTES)):
            j -= 1
        w = self.word(j)
        if w is None or j in self.num_of_tok or (self.figs and j < self.figs[-1].end_tok):
            # (the counted noun of the figure before governs nothing: "13 قتيلاً وعشرات
            # الجرحى" counts the wounded)
            return None
        tr = self.trigger_at(j)
        return None if tr is None else self.combined(j, tr)

    def trigger_at(self, j: int) -> _Trig | None:
        """The trigger at token j, unless it is an infection ("الإصابة بفيروس كورونا")."""
        tr = _trigger(self.toks[j].text)
        if tr is not None and tr.category == INJURED:
            nxt = self.word(j + 1) or ""
            if _strip_clitic(nxt) in self.lex.diseases or nxt[1:] in self.lex.diseases:
                return None
        return tr

    def window_trigger(self, qs: int, bare: bool, limit: int = 5) -> _Trig | None:
        """A governing word up to five tokens back in the clause. For a bare number (no counted
        noun) only "عدد/حصيلة + category noun" ("عدد المعتقلين … 10 آلاف") or "… إلى N"."""
        j, steps = qs - 1, 0
        while j >= 0 and steps <= limit:
            t = self.toks[j]
            if t.kind == "punct":
                if t.text not in _QUOTES:
                    return None
                j -= 1
                continue
            if j in self.num_of_tok:
                # pass over a date, a duration or a distance: "قتل منذ 17 سبتمبر 2018 أكثر
                # من 1800", "عدد الضحايا في غضون 36 ساعة إلى 26"
                i0 = self.nums[self.num_of_tok[j]][1]
                if not self.is_date_or_measure(self.num_of_tok[j]):
                    return None
                j, steps = i0 - 1, steps + 1
                continue
            if t.kind != "word":
                return None
            tr = self.trigger_at(j)
            if tr is not None and tr.category != _RETURN and (
                    tr.category != ATTACKS or (bare and tr.prefix.endswith("ال"))) and (
                    not bare or self.word(qs - 1) in ("الي", "ل", "ب")
                    or (tr.kind == "noun" and self.word(j - 1) in self.lex.count_words)):
                return self.combined(j, tr)
            if t.text in self.lex.boundary:
                return None
            if t.text not in self.lex.filler and not self.month_word(j):
                steps += 1
            j -= 1
        return None

    def month_word(self, j: int) -> bool:
        """A month name, or the ordinal of "كانون الأول", "تشرين الثاني": one date, no step."""
        w = self.word(j)
        return w is not None and (w in self.lex.months or (
            w in ("الاول", "الثاني") and self.word(j - 1) in ("كانون", "تشرين")))

    def is_date_or_measure(self, k: int) -> bool:
        m, i0, i1 = self.nums[k]
        t = self.toks[i0]
        if t.kind == "num" and len(t.text) == 4 and 1900 <= m.value <= 2100:
            return True
        nxt, prev = self.word(i1), self.word(i0 - 1)
        if (nxt is not None and nxt in self.lex.months) or (
                prev is not None and prev in self.lex.months):
            return True
        unit = _head(nxt or "")
        return unit is not None and unit[0] == "unit"

    def combined(self, j: int, tr: _Trig) -> _Trig:
        """"مقتل وإصابة 20", "قتل وجرح": killed and injured together → other."""
        if tr.category in _CASUALTY and tr.prefix.startswith("و"):
            w = self.word(j - 1) or ""
            before = _trigger(w)
            # a pair at the head of its phrase ("قتل وجرح", "عن مقتل وإصابة"), not the verb
            # closing a clause ("امرأة قتلت وأصيب 8", "لقي 5 حتفهم وأصيب 9")
            if before is not None and before.category in _CASUALTY and (
                    before.category != tr.category) and (
                    before.kind != "verb" or self._phrase_start(j - 2)) and (
                    _base_of(w) not in ("حتف", "مصرع")):
                return _Trig(OTHER, tr.kind, tr.prefix)
        return tr

    def _phrase_start(self, j: int) -> bool:
        w = self.word(j)
        if j < 0 or (w is None and self.toks[j].kind == "punct"):
            return True
        return w is not None and (w in self.lex.function or w in self.lex.filler
                                  or w in ("قد", "وقد", "فقد"))

    def inherited(self, qs: int, q_and: bool, after: int | None = None) -> str | None:
        """The category of the previous figure, for "… و5 من …" and "… بينهم 4 أطفال";
        further back when both numbers are followed by the same preposition, as in a list
        of places ("5700 قتيل، بينهم 1414 في مناطق الحكومة …، وأكثر من 4300 في إدلب")."""
        if not self.figs:
            return None
        last = self.figs[-1]
        j = qs - 1
        w = self.word(j)
        if w is not None and (w in self.lex.bridges or _strip_clitic(w) in self.lex.bridges):
            return last.category
        has_and = q_and or w == "و" or self._number_and(qs)
        if not has_and:
            return None
        k = j if w == "و" else qs
        if k < last.end_tok:
            return None
        # a short complement of the previous noun may stand between ("8 عناصر من هيئة تحرير
        # الشام و5 …", "قيادي في الفصيل واثنان …"), but not "بين A وB" nor "مع"
        prep = self.word(last.end_tok)
        parallel = after is not None and prep in ("في", "من") and self.word(after) == prep
        if k - last.end_tok > (12 if parallel else 4):
            return None
        for x in range(last.end_tok, k):
            if self.word(x) in ("بين", "مع"):
                return None
        for x in range(last.end_tok, k):
            t = self.toks[x]
            if (t.kind == "punct" and t.text != ",") or x in self.num_of_tok or (
                    t.text in self.lex.boundary):
                return None
        return last.category

    def _number_and(self, qs: int) -> bool:
        k = self.num_of_tok.get(qs)
        if k is None:
            return False
        m, i0, _ = self.nums[k]
        t = self.toks[i0]
        return m.start > t.start and t.text.startswith("و")

    def forward_trigger(self, j: int) -> str | None:
        steps = 0
        while j < len(self.toks) and steps < 3:
            t = self.toks[j]
            if t.kind == "punct":
                if t.text not in _QUOTES:
                    return None
                j += 1
                continue
            if t.kind != "word" or j in self.num_of_tok:
                return None
            phrase = _forward_phrase(t.text, self.word(j + 1))
            if phrase is not None:
                return phrase
            tr = _trigger(t.text)
            if tr is not None and tr.category in CATEGORIES and tr.category != ATTACKS and (
                    not tr.prefix.startswith(("و", "ف"))):  # "وجرح 45": a new clause
                if tr.kind == "verb":
                    return tr.category
                if tr.kind == "masdar" and (tr.prefix in ("ل", "لل", "ب", "بال")
                                            or self.word(j - 1) in ("الي", "علي")):
                    # ("أجبر أكثر من 130 ألف شخص على النزوح": what they were forced to)
                    return tr.category
            if t.text in self.lex.boundary or t.text in self.lex.bridges:
                return None
            steps += 1
            j += 1
        return None

    # ------------------------------------------------------------------ implicit "1"
    def implicit_one(self, i: int) -> _Fig | None:
        """"مقتل جندي", "7 جنود أتراك ومدني", "… بينهم امرأة": a singular person noun counts 1."""
        w = self.word(i)
        if w is None or i in self.num_of_tok:
            return None
        lex = self.lex
        category: str | None = None
        skip = 0
        if w in lex.singular:
            prev = self.word(i - 1)
            tr = _trigger(prev) if prev is not None and i - 1 not in self.num_of_tok else None
            if tr is not None and tr.kind in ("verb", "masdar") and tr.category in (
                    KILLED, INJURED, DETAINED):
                category = self.combined(i - 1, tr).category
            elif self.figs and prev is not None and (prev == "و" or prev in lex.bridges):
                last = self.figs[-1]
                gap = [t for t in self.toks[last.end_tok:i - 1] if t.text != ","]
                if not gap and (prev == "و" or w != "اخر"):  # not "بينهم آخر"
                    category = last.category
        elif (w.startswith("و") and w[1:] in lex.singular and self.figs
              and self.figs[-1].end_tok == i):
            category, skip = self.figs[-1].category, 1
        if category is None:
            return None
        head = self.noun_phrase(i, _head(w[skip:]), w[skip:], self.toks[i].start + skip)
        end_tok = head.end_tok
        if self.word(end_tok) in ("واحد", "واحده"):
            end_tok += 1
        start = self.toks[i].start + skip
        span = (start, head.span[1]) if head.span else (start, self.toks[i].end)
        end = self.toks[end_tok - 1].end
        return _Fig(start, end, span[0], self.toks[i].end, 1.0, "exact", category, span,
                    end_tok)


@dataclass(frozen=True, slots=True)
class _Head:
    # attack | strong | weak | person | unknown | unit | neg (a thing) | None (no noun)
    cls: str | None
    cat: str | None
    end_tok: int  # first token after the counted noun and its adjectives
    span: tuple[int, int] | None  # normalized char span of the counted noun phrase


# Two-word phrases after the counted people that say what befell them: "غادروا منازلهم",
# "باتوا بلا مأوى", "نقلوا إلى مراكز إيواء" (displaced); "في عداد المفقودين" (missing: other).
_LEFT_HOME = (_words("غادر غادرت غادروا يغادر يغادرون ترك تركت تركوا هجر هجروا"),
              ("منازل", "بيوت", "ديار", "مساكن", "قرى", "مدن"))
_NO_SHELTER = _words("بلا دون مراكز مركز مخيمات")
_MET = _words("لقي لقيت لقوا لقيا يلقى تلقى يلقون")
_PERISHED = _words("قضى قضت قضوا قضيا يقضي")  # with the way of death ("غرقاً") or "نحبهم"
_DEATH_MANNER = _words("غرقا حرقا اختناقا جوعا بردا عطشا خنقا صعقا دهسا")
_RISE = ("ارتفع", "ترتفع", "يرتفع", "وصل", "تصل", "يصل", "قفز", "تقفز")
_ATTACK_MASDARS = _words("إطلاق قصف تفجير هجوم استهداف تسلل اغتيال")
_SHELTER = _words("مأوى ايواء")


def _forward_phrase(w: str, nxt: str | None) -> str | None:
    if nxt is None:
        return None
    if w in _LEFT_HOME[0] and _strip_clitic(nxt).startswith(_LEFT_HOME[1]):
        return DISPLACED
    if w in _NO_SHELTER and nxt in _SHELTER:
        return DISPLACED
    if w == "عداد":
        head = _head(nxt)
        if head is not None and head[0] in ("strong", "weak"):
            return head[1]  # "في عداد القتلى / المفقودين / النازحين"
    return None


def _base_of(word: str) -> str:
    for _p, base in _candidates(word):
        if base in _lex().triggers:
            return base
    return word


def _without_pronoun(word: str) -> str:
    """"عددها" → "عدد", "حصيلتهم" → "حصيله" (normalized: ة is ه); else the word."""
    for suf in PRONOUN_SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[:-len(suf)]
            return base[:-1] + "ه" if base.endswith("ت") else base
    return word


def _strip_prefix(word: str) -> str:
    for p in _CLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return p
    return ""


def _strip_clitic(word: str) -> str:
    for p in ("و", "ف", "ب", "ل"):
        if word.startswith(p) and len(word) > 3:
            return word[1:]
    return word


def _subject_skip(prefix: str) -> int:
    """Characters of a conjunction/preposition clitic to leave out of the subject (keep ال)."""
    if prefix.endswith("ال"):
        return len(prefix) - 2
    if prefix == "لل":
        return 0
    return len(prefix)


def _qual_prefix_len(word: str) -> int:
    """Length of the clitic on a qualifier's first word ("لأكثر" → 1)."""
    firsts = _lex().qualifier_firsts
    if word in firsts:
        return 0
    for p in _QUAL_CLITICS:
        if word.startswith(p) and word[len(p):] in firsts:
            return len(p)
    return 0


def find_figures(text: str) -> list[FigureMatch]:
    """Figures in one sentence (or clause), spans in ``text``."""
    nz = normalize(text)
    out: list[FigureMatch] = []
    for f in _Sentence(nz).run():
        s, e = _orig(nz, text, f.start, f.end)
        ns, ne = _orig(nz, text, f.num_start, f.num_end)
        subject = None
        if f.subj is not None:
            ss, se = _orig(nz, text, *f.subj)
            subject = text[ss:se]
        out.append(FigureMatch(s, e, f.quantity, f.qualifier, f.category, subject, ns, ne))
    return out


def _orig(nz: Normalized, text: str, start: int, end: int) -> tuple[int, int]:
    s, e = nz.to_original(start, end)
    return s, extend_over_marks(text, e)

