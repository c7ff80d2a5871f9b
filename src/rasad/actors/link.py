"""Actor and place linking in one document: names, date-bounded roles, counterparts,
adjectives and in-document coreference of bare surnames."""

from __future__ import annotations

import datetime as dt
import re

from rasad.actors.gazetteer import (
    COUNTRY_RANK,
    PLACE_KIND_RANK,
    ActorEntry,
    AdjectivePayload,
    CounterpartPayload,
    Gazetteer,
    NamePayload,
    RolePayload,
)
from rasad.actors.lexicon import is_word_char
from rasad.records import ActorRef, PlaceRef
from rasad.text.normalize import Normalized

_KIND_RANK = {"person": 0, "military": 1, "government": 2, "armed_group": 3,
              "organization": 4, "country": 5}
_JOINER = re.compile(r"^[\s,،:]*$")


def _ref(text: str, s: int, e: int, a: ActorEntry | None, via: str,
         alts: tuple[str, ...] = ()) -> ActorRef:
    return ActorRef(text=text[s:e], start=s, end=e, id=a.id if a else None,
                    name=a.name if a else None, country=a.country if a else None,
                    kind=a.kind if a else None, via=via, alternatives=alts)


def link_actors(text: str, n: Normalized, g: Gazetteer, on: dt.date | None) -> list[ActorRef]:
    """Actor mentions in a document text, resolved against the dictionary at date `on`."""
    refs: list[ActorRef] = []
    last_role: str | None = None
    matches = g.actor_lex.find(n.text)
    # people named in the page: an ambiguous description ("الرئيس الروسي" with no date)
    # resolves to the holder the page names
    named = {p.actor_id for m in matches for p in m.payloads if isinstance(p, NamePayload)}
    for m in matches:
        s, e = n.to_original(m.start, m.end)
        names = [p for p in m.payloads if isinstance(p, NamePayload)]
        roles = [p for p in m.payloads if isinstance(p, RolePayload)]
        counterparts = [p for p in m.payloads if isinstance(p, CounterpartPayload)]
        adjs = [p for p in m.payloads if isinstance(p, AdjectivePayload)]
        if names:
            ents = sorted((g.actors[p.actor_id] for p in names if p.actor_id in g.actors),
                          key=lambda a: _KIND_RANK.get(a.kind, 9))
            if not ents:
                continue
            ref = _ref(text, s, e, ents[0], "name", tuple(a.id for a in ents[1:]))
            for r in ents[0].roles:
                if on is None or r.holds(on):
                    last_role = r.role
                    break
        elif roles:
            rp = roles[0]
            hs = _prefer_named(g.holders(rp.role, rp.country, on), named)
            last_role = rp.role
            if len(hs) == 1:
                ref = _ref(text, s, e, hs[0], "role")
            else:
                ref = _ref(text, s, e, g.government_of(rp.country), "role",
                           tuple(h.id for h in hs))
        elif counterparts:
            cp = counterparts[0]
            role = last_role or "president"
            hs = _prefer_named(g.holders(role, cp.country, on), named)
            if len(hs) == 1:
                ref = _ref(text, s, e, hs[0], "counterpart")
            else:
                ref = _ref(text, s, e, g.government_of(cp.country), "counterpart",
                           tuple(h.id for h in hs))
        elif adjs:
            ref = _ref(text, s, e, g.country_actor(adjs[0].country), "adjective")
        else:
            continue
        # "الرئيس التركي رجب طيب أردوغان": a description followed by a name is one mention
        if refs and ref.via == "name" and refs[-1].via in ("role", "counterpart") and \
                _JOINER.match(text[refs[-1].end:s]) and ref.kind == "person":
            prev = refs.pop()
            ref = ActorRef(text=text[prev.start:e], start=prev.start, end=e, id=ref.id,
                           name=ref.name, country=ref.country, kind=ref.kind, via="name")
        refs.append(ref)
    refs += _surname_coref(text, n, g, refs)
    refs.sort(key=lambda r: r.start)
    return refs


def _prefer_named(holders: list[ActorEntry], named: set[str]) -> list[ActorEntry]:
    if len(holders) > 1:
        hit = [h for h in holders if h.id in named]
        if len(hit) == 1:
            return hit
    return holders


def _surname_coref(text: str, n: Normalized, g: Gazetteer, refs: list[ActorRef]
                   ) -> list[ActorRef]:
    """Bare surnames ("أوغلو") linked to a person named in full earlier in the document."""
    seen = {r.id: r.start for r in refs if r.id and r.kind == "person"}
    if not seen:
        return []
    taken = [(r.start, r.end) for r in refs]
    out: list[ActorRef] = []
    for m in re.finditer(r"\w+", n.text):
        tok = m.group(0)
        cands = [tok] + [tok[len(p):] for p in ("و", "ب", "ل", "ف", "وب", "ول") if
                         tok.startswith(p) and len(tok) - len(p) >= 3]
        for c in cands:
            owners = [o for o in g.surname_index.get(c, ()) if o in seen]
            pid = owners[0] if len(owners) == 1 else None
            if pid:
                s, e = n.to_original(m.start(), m.end())
                if seen[pid] < s and not any(a <= s < b or a < e <= b for a, b in taken):
                    out.append(_ref(text, s, e, g.actors[pid], "coref"))
                break
    return out


def find_places(text: str, n: Normalized, g: Gazetteer) -> list[PlaceRef]:
    """Place mentions with coordinates; homonyms ranked by country (Syria first) and kind."""
    out: list[PlaceRef] = []
    for m in g.place_lex.find(n.text):
        ents = sorted((g.places[i] for i in m.payloads if i in g.places),
                      key=lambda p: (COUNTRY_RANK.get(p.country or "", 9),
                                     PLACE_KIND_RANK.get(p.kind, 5), -p.population))
        if not ents:
            continue
        p = ents[0]
        s, e = n.to_original(m.start, m.end)
        if e < len(text) and is_word_char(text[e]):
            continue
        out.append(PlaceRef(text=text[s:e], start=s, end=e, id=p.id, name=p.name,
                            country=p.country, lat=p.lat, lon=p.lon, place_kind=p.kind))
    return out
