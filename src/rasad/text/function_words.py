"""Arabic function words that several stages read clause structure by, normalized
(rasad.text.normalize.norm), in one place: the coder, the role finder, the quote finder and
the reference stage each had their own copy of these lists, a little different each time."""

from __future__ import annotations

from rasad.text.normalize import norm


def _words(*ws: str) -> frozenset[str]:
    return frozenset(norm(w) for w in ws)


# relative pronouns: "الهدنة التي أعلنتها الفصائل"
RELATIVE_PRONOUNS = _words("الذي", "التي", "الذين", "اللذين", "اللذان", "اللتين", "اللتان",
                           "اللواتي", "اللاتي")
# what opens reported content after a speech verb: "قال إن …", "أكد أنه …"
COMPLEMENTIZERS = _words("أن", "إن", "بأن", "أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم",
                         "بأنه", "بأنها", "أنهما", "بأنهم")
# what names a source: "بحسب المرصد", "وفق ما أعلنته الوزارة"
ATTRIBUTION = _words("بحسب", "حسب", "حسبما", "وفق", "وفقا", "نقلا", "طبقا")
# the narrator's contrast conjunctions: what follows is a clause of its own, about another
# act or actor ("…، فيما دعت واشنطن", "بينما تظاهر آلاف"); each stage adds the openers it
# also needs (كما، حيث، لكن …)
CONTRAST = _words("فيما", "بينما")
# two-letter words left whole when a conjunction و/ف is taken off ("ولم" → "لم")
SHORT_PARTICLES = _words("لم", "لن", "لا", "ما", "من", "أي")


def without_conjunction(w: str) -> str:
    """A normalized word without a leading و/ف ("فسوف", "ويعتزم"); a two-letter rest only
    when it is a particle ("ولم", "ومن"; not "ولو" "even if", nor "فإن", which opens a
    clause)."""
    if w[:1] not in "وف" or len(w) < 3:
        return w
    return w[1:] if len(w) > 3 or w[1:] in SHORT_PARTICLES else w
# separate prepositions: what they govern is no subject, and a verb form after one is a
# masdar ("أعرب عن تضامنه")
PREPOSITIONS = _words("على", "ضد", "مع", "إلى", "الى", "عن", "من", "في", "بين", "نحو", "تجاه",
                      "لدى", "عند", "بحق", "حول", "بشأن", "إزاء", "أمام", "خلال")
# the pronoun suffixes of nouns and verbs, longest first: "تضامنهما", "دعاه"
PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "ه")
# the one-letter prepositions written onto the next word: "بالقوات", "لنظيره", "كرئيس"
PREPOSITION_CLITICS = ("ب", "ل", "ك")


def has_article(w: str) -> bool:
    """Does a normalized word carry the article (after the clitics و ف ب ل ك): "الهجوم",
    "والهجوم", "للهجوم", "بالهجوم"?"""
    for p in ("", "و", "ف"):
        rest = w[len(p):] if w.startswith(p) else None
        if rest is None:
            continue
        if rest.startswith("ال") or rest.startswith("لل") or (
                rest[:1] in PREPOSITION_CLITICS and rest[1:].startswith("ال")):
            return True
    return False
