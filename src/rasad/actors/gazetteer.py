"""Actor, role and place dictionaries (YAML data files a user can extend).

Data files live in ``rasad/data`` (actors.yaml, roles.yaml, places.yaml); extra files
named ``actors*.yaml`` / ``places*.yaml`` in the directories of ``RASAD_DICT_PATH``
(or ``Config.dictionary_dirs``) are merged over them, entry by entry (same id replaces).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rasad.actors.lexicon import Lexicon
from rasad.text.normalize import norm

COUNTRY_RANK = {"SYR": 0, "TUR": 1, "RUS": 2, "IRQ": 3, "LBN": 3, "JOR": 3, "IRN": 3}
PLACE_KIND_RANK = {"city": 0, "governorate": 1, "town": 1, "base": 1, "road": 1, "site": 1,
                   "village": 2, "region": 2, "crossing": 2, "country": 3, "river": 3,
                   "mountain": 3}


@dataclass(frozen=True, slots=True)
class Role:
    role: str
    country: str | None
    start: dt.date | None
    end: dt.date | None

    def holds(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    kind: str
    country: str | None
    name: str
    name_ar: str
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    adjectives: tuple[str, ...] = ()
    wikidata: str | None = None

    def to_entity(self) -> dict[str, Any]:
        return {"kind": "entity", "id": self.id, "name": self.name, "name_ar": self.name_ar,
                "entity_kind": self.kind, "type": self.kind, "country": self.country,
                "aliases": list(self.aliases), "wikidata": self.wikidata,
                "lat": None, "lon": None}


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    id: str
    name: str
    name_ar: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    admin1: str | None = None
    aliases: tuple[str, ...] = ()
    population: int = 0

    def to_entity(self) -> dict[str, Any]:
        return {"kind": "entity", "id": self.id, "name": self.name, "name_ar": self.name_ar,
                "entity_kind": "place", "type": "place", "place_kind": self.kind,
                "country": self.country, "aliases": list(self.aliases), "lat": self.lat,
                "lon": self.lon, "admin1": self.admin1}


# Payloads stored in the actor lexicon
@dataclass(frozen=True, slots=True)
class NamePayload:
    actor_id: str


@dataclass(frozen=True, slots=True)
class RolePayload:
    role: str
    country: str | None


@dataclass(frozen=True, slots=True)
class CounterpartPayload:
    country: str


@dataclass(frozen=True, slots=True)
class AdjectivePayload:
    country: str


ActorPayload = NamePayload | RolePayload | CounterpartPayload | AdjectivePayload

_COUNTERPART_NOUNS = ("نظيره", "نظيرها", "نظيريه", "نظيرهما", "نظرائه", "نظيري", "نظير")


def _date(v: Any) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        return None


def _load_yaml(path: Path | Any) -> list[dict[str, Any]]:
    import yaml

    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text) or []
    if isinstance(data, dict):  # allow {actors: [...]} too
        data = next(iter(data.values()), [])
    return [d for d in data if isinstance(d, dict) and d.get("id")]


@dataclass
class Gazetteer:
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    roles: list[dict[str, Any]] = field(default_factory=list)
    actor_lex: Lexicon[ActorPayload] = field(default_factory=Lexicon)
    place_lex: Lexicon[str] = field(default_factory=Lexicon)
    surname_index: dict[str, frozenset[str]] = field(default_factory=dict)
    media_ids: frozenset[str] = frozenset()  # news agencies and outlets: sources, not actors

    # --- resolution -------------------------------------------------------------------
    def holders(self, role: str, country: str | None, on: dt.date | None) -> list[ActorEntry]:
        """People holding a role for a country on a date (all holders ever when no date)."""
        out = []
        for a in self.actors.values():
            for r in a.roles:
                if r.role == role and (country is None or r.country == country) and (
                        on is None or r.holds(on)):
                    out.append(a)
                    break
        return out

    def country_actor(self, iso3: str | None) -> ActorEntry | None:
        return self.actors.get(iso3) if iso3 else None

    def government_of(self, iso3: str | None) -> ActorEntry | None:
        if not iso3:
            return None
        return self.actors.get(iso3 + "GOV") or self.actors.get(iso3)

    def entities(self) -> list[dict[str, Any]]:
        return [a.to_entity() for a in self.actors.values()] + [
            p.to_entity() for p in self.places.values()]


def _definite(phrase: str) -> bool:
    """A phrase is definite when its last word carries the article (وزير الخارجية)."""
    words = norm(phrase).split()
    return bool(words) and words[-1].startswith("ال")


def _data_dir() -> Any:
    return resources.files("rasad") / "data"


def extra_dirs() -> list[Path]:
    env = os.environ.get("RASAD_DICT_PATH", "")
    return [Path(p) for p in env.split(os.pathsep) if p]


@lru_cache(maxsize=4)
def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """Load and index the dictionaries (cached; nothing happens at import time)."""
    g = Gazetteer()
    base = _data_dir()
    actor_files: list[Any] = [base / "actors.yaml"]
    place_files: list[Any] = [base / "places.yaml"]
    dirs = [Path(p) for p in extra] + extra_dirs()
    for folder in dirs:
        if folder.is_dir():
            actor_files += sorted(folder.glob("actors*.yaml"))
            place_files += sorted(folder.glob("places*.yaml"))
    for f in actor_files:
        if f.is_file():
            for d in _load_yaml(f):
                roles = tuple(Role(r.get("role", ""), r.get("country") or d.get("country"),
                                   _date(r.get("start")), _date(r.get("end")))
                              for r in d.get("roles") or [] if isinstance(r, dict))
                g.actors[str(d["id"])] = ActorEntry(
                    id=str(d["id"]), kind=d.get("kind", "organization"),
                    country=d.get("country"), name=d.get("name") or str(d["id"]),
                    name_ar=d.get("name_ar") or "", aliases=tuple(d.get("aliases") or ()),
                    roles=roles, adjectives=tuple(d.get("adjectives") or ()),
                    wikidata=d.get("wikidata"))
    for f in place_files:
        if f.is_file():
            for d in _load_yaml(f):
                g.places[str(d["id"])] = PlaceEntry(
                    id=str(d["id"]), name=d.get("name") or str(d["id"]),
                    name_ar=d.get("name_ar") or "", kind=d.get("kind", "city"),
                    country=d.get("country"), lat=d.get("lat"), lon=d.get("lon"),
                    admin1=d.get("admin1"), aliases=tuple(d.get("aliases") or ()),
                    population=int(d.get("population") or 0))
    roles_file = base / "roles.yaml"
    if roles_file.is_file():
        import yaml

        g.roles = [r for r in (yaml.safe_load(roles_file.read_text(encoding="utf-8")) or [])
                   if isinstance(r, dict)]
    _index(g)
    return g


_MEDIA = re.compile(r"agency|press|reuters|news|tv\b|television|channel|radio|sputnik|tass|"
                    r"anadolu|al jazeera|al arabiya|newspaper|times|post\b|bbc|cnn", re.I)


def _index(g: Gazetteer) -> None:
    g.media_ids = frozenset(a.id for a in g.actors.values()
                            if a.kind == "organization" and _MEDIA.search(a.name))
    adjectives: dict[str, list[str]] = {}
    country_names: dict[str, list[str]] = {}
    for a in g.actors.values():
        forms = set(a.aliases) | ({a.name_ar} if a.name_ar else set())
        for f in forms:
            g.actor_lex.add(f, NamePayload(a.id))
        if a.kind == "country":
            adjectives[a.id] = list(a.adjectives)
            country_names[a.id] = list(forms)
            for adj in a.adjectives:
                g.actor_lex.add(adj, AdjectivePayload(a.id))
    for r in g.roles:
        role = str(r.get("role"))
        for p in r.get("phrases") or []:
            g.actor_lex.add(p, RolePayload(role, r.get("country")))
        pbc = r.get("phrases_by_country") or {}
        if isinstance(pbc, dict):
            for iso, phrases in pbc.items():
                for p in phrases or []:
                    g.actor_lex.add(p, RolePayload(role, iso))
        only = set(r.get("countries") or [])
        for noun in r.get("nouns") or []:
            definite = _definite(noun)
            for iso, adjs in adjectives.items():
                if only and iso not in only:
                    continue
                for adj in adjs:
                    # the adjective agrees in definiteness with the noun phrase's last word
                    if _definite(adj) == definite:
                        g.actor_lex.add(f"{noun} {adj}", RolePayload(role, iso))
                if not definite and r.get("construct", "country") in ("country", "both"):
                    for cname in country_names.get(iso, []):
                        g.actor_lex.add(f"{noun} {cname}", RolePayload(role, iso))
    for iso, adjs in adjectives.items():
        for adj in adjs:
            if norm(adj).startswith("ال"):
                for n in _COUNTERPART_NOUNS:
                    g.actor_lex.add(f"{n} {adj}", CounterpartPayload(iso))
    for p in g.places.values():
        for f in set(p.aliases) | ({p.name_ar} if p.name_ar else set()):
            g.place_lex.add(f, p.id)
    # surnames (last token of a multi-word person name) for in-document coreference;
    # a surname shared by several people links only when one of them is named in the page
    owners: dict[str, set[str]] = {}
    for a in g.actors.values():
        if a.kind == "person":
            for f in set(a.aliases) | {a.name_ar}:
                toks = norm(f).split()
                if len(toks) >= 2 and len(toks[-1]) >= 3:
                    owners.setdefault(toks[-1], set()).add(a.id)
    g.surname_index = {k: frozenset(v) for k, v in owners.items()}
