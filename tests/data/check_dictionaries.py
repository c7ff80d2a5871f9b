#!/usr/bin/env python3
"""Standalone checker for Rasad's actor, role and place dictionaries.

Usage:  python tests/data/check_dictionaries.py [DATA_DIR]

DATA_DIR defaults to src/rasad/data next to this repository. Needs only PyYAML.
Prints every problem found and exits 1 on errors (warnings alone exit 0).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ACTOR_KINDS = {"person", "government", "military", "armed_group", "organization", "country"}
PLACE_KINDS = {
    "country", "governorate", "city", "town", "village", "region", "road",
    "base", "site", "crossing", "river", "mountain",
}
ACTOR_REQUIRED = ("id", "kind", "country", "name", "name_ar", "aliases")
PLACE_REQUIRED = ("id", "name", "name_ar", "kind", "country", "lat", "lon", "aliases")
ROLE_REQUIRED = ("role", "description")
# Syria's bounding box (lat, lon)
SYRIA_BOX = ((32.3, 37.4), (35.6, 42.4))
MIN_COUNTRIES = 60
MIN_PLACES = 150

# Aliases that may appear in both files although they are neither a country nor a capital
# (normalized form -> reason). Everything else shared by the two files is an error.
ALLOWED_CROSS = {
    "دوما": "Douma (Rif Dimashq) vs الدوما (Russian State Duma): the article tells them apart",
    "كرملين": "the Russian government, and the Moscow Kremlin as a place (context alias)",
    "بيت الابيض": "the US government, and the White House as a place (context alias)",
}

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TRANS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
ISO3 = re.compile(r"^[A-Z]{3}$")
QID = re.compile(r"^Q[1-9][0-9]*$")
CLITICS = ("و", "ف", "ب", "ل", "ك")
# libyaml's safe loader when PyYAML has it (the same documents, several times faster)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def normalize(text: str) -> str:
    """The matcher's normalization: no diacritics/tatweel, unified alef, ya, ta marbuta, hamza seats."""
    text = _DIACRITICS.sub("", text).translate(_TRANS)
    return " ".join(text.split()).lower()


def strip_article(norm: str) -> str:
    """Drop a leading article from the first word, as the matcher adds it itself."""
    first, _, rest = norm.partition(" ")
    if first.startswith("ال") and len(first) > 3:
        first = first[2:]
    return (first + " " + rest).strip()


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, msg: str) -> None:
        self.errors.append(msg)

    def warn(self, msg: str) -> None:
        self.warnings.append(msg)


def as_date(value, where: str, rep: Report):
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        rep.error(f"{where}: bad date {value!r}")
        return None


def load_list(path: Path, rep: Report) -> list[dict]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        rep.error(f"{path.name}: cannot load: {exc}")
        return []
    if not isinstance(data, list):
        rep.error(f"{path.name}: top level must be a list")
        return []
    good = []
    for i, entry in enumerate(data):
        if isinstance(entry, dict):
            good.append(entry)
        else:
            rep.error(f"{path.name}: entry #{i} is not a mapping")
    return good


def check_unique_ids(entries: list[dict], key: str, fname: str, rep: Report) -> None:
    seen: dict = {}
    for e in entries:
        ident = e.get(key)
        if ident in seen:
            rep.error(f"{fname}: duplicate {key} {ident!r}")
        seen[ident] = True


def check_alias_list(entry: dict, field: str, where: str, rep: Report) -> list[str]:
    values = entry.get(field)
    if values is None:
        return []
    if not isinstance(values, list):
        rep.error(f"{where}: {field} must be a list")
        return []
    out = []
    for v in values:
        if not isinstance(v, str) or not v.strip():
            rep.error(f"{where}: empty or non-string in {field}: {v!r}")
            continue
        if v != v.strip():
            rep.error(f"{where}: {field} item has surrounding spaces: {v!r}")
        if v.strip() == "أوغلو" or normalize(v) == normalize("أوغلو"):
            rep.error(f"{where}: bare 'أوغلو' is ambiguous and must not be an alias")
        out.append(v)
    return out


def collisions(entries: list[dict], fields: tuple[str, ...], fname: str, rep: Report) -> dict[str, set]:
    """Map article-stripped normalized alias -> ids; report any form owned by two entries."""
    owners: dict[str, set] = defaultdict(set)
    shown: dict[str, set] = defaultdict(set)
    for e in entries:
        forms = {normalize(x) for x in (e.get("aliases") or []) if isinstance(x, str)}
        name_ar = e.get("name_ar")
        ctx = {normalize(x) for x in (e.get("context_aliases") or []) if isinstance(x, str)}
        if isinstance(name_ar, str) and name_ar.strip() and normalize(name_ar) not in forms \
                and normalize(name_ar) not in ctx:
            rep.warn(f"{fname}:{e.get('id')}: name_ar {name_ar!r} is not among the aliases "
                     "(the loader indexes it as one)")
        for field in (*fields, "name_ar"):
            values = e.get(field) or []
            if isinstance(values, str):
                values = [values]
            for alias in values:
                if isinstance(alias, str) and alias.strip():
                    n = normalize(alias)
                    owners[strip_article(n)].add(e.get("id"))
                    shown[strip_article(n)].add(alias)
    for form, ids in sorted(owners.items()):
        if len(ids) > 1:
            rep.error(f"{fname}: alias collision {sorted(shown[form])} -> {sorted(map(str, ids))}")
    # clitic ambiguity: one entry's alias is another's alias plus a proclitic (warning only)
    for form, ids in owners.items():
        if len(form) > 3 and form[0] in CLITICS and form[1:] in owners and owners[form[1:]] != ids:
            rep.warn(f"{fname}: '{form}' ({sorted(map(str, ids))}) could also read as "
                     f"{form[0]}+'{form[1:]}' ({sorted(map(str, owners[form[1:]]))})")
    return owners


def check_roles_file(roles: list[dict], country_ids: set, actor_ids: set, rep: Report) -> set:
    check_unique_ids(roles, "role", "roles.yaml", rep)
    names = set()
    for r in roles:
        where = f"roles.yaml:{r.get('role')}"
        for k in ROLE_REQUIRED:
            if k not in r:
                rep.error(f"{where}: missing {k}")
        names.add(r.get("role"))
        if not any(r.get(k) for k in ("nouns", "head_nouns", "phrases", "phrases_by_country")):
            rep.error(f"{where}: needs nouns, head_nouns, phrases or phrases_by_country")
        if r.get("nouns") or r.get("head_nouns"):
            if not isinstance(r.get("fem_adjective"), bool):
                rep.error(f"{where}: nouns need a boolean fem_adjective")
            if r.get("construct") not in ("country", "actor", "both"):
                rep.error(f"{where}: construct must be country, actor or both")
        if bool(r.get("head_nouns")) != bool(r.get("suffixes")):
            rep.error(f"{where}: head_nouns and suffixes go together")
        if r.get("nouns") and r.get("suffixes"):
            rep.error(f"{where}: a role with suffixes must use head_nouns, not nouns")
        nouns = {normalize(n) for n in (r.get("nouns") or []) + (r.get("head_nouns") or [])}
        for k in ("fem_nouns", "masc_nouns"):
            extra = [n for n in (r.get(k) or []) if normalize(n) not in nouns]
            if extra:
                rep.error(f"{where}: {k} not listed in nouns: {extra}")
        if r.get("phrases") and "country" not in r:
            rep.error(f"{where}: phrases need a country key (ISO3 or null)")
        if r.get("country") is not None and r.get("country") not in country_ids:
            rep.error(f"{where}: unknown country {r.get('country')!r}")
        for c in r.get("countries") or []:
            if c not in country_ids:
                rep.error(f"{where}: unknown country {c!r} in countries")
        for c in (r.get("phrases_by_country") or {}):
            if c not in country_ids:
                rep.error(f"{where}: unknown country {c!r} in phrases_by_country")
        for k in ("nouns", "head_nouns", "fem_nouns", "masc_nouns", "phrases", "suffixes"):
            check_alias_list(r, k, where, rep)
    # a phrase must not name two different roles
    owners: dict[str, set] = defaultdict(set)
    for r in roles:
        for p in r.get("phrases") or []:
            owners[normalize(p)].add(r.get("role"))
        for plist in (r.get("phrases_by_country") or {}).values():
            for p in plist:
                owners[normalize(p)].add(r.get("role"))
    for p, rs in owners.items():
        if len(rs) > 1:
            rep.error(f"roles.yaml: phrase {p!r} belongs to several roles {sorted(rs)}")
    return names


def check_country_adjectives(a: dict, where: str, rep: Report) -> None:
    """A country lists its nisba adjectives; when every form is also a common word (مالي,
    المالية 'financial'; القمري 'lunar'), it says so: `adjectives: []` plus a
    `no_adjectives` reason. An empty list without a reason is an error."""
    reason = a.get("no_adjectives")
    if reason is not None and not (isinstance(reason, str) and reason.strip()):
        rep.error(f"{where}: no_adjectives must be a non-empty reason")
    if "adjectives" not in a:
        rep.error(f"{where}: countries need adjectives (or `adjectives: []` with a "
                  "no_adjectives reason)")
        return
    if check_alias_list(a, "adjectives", where, rep):
        if reason is not None:
            rep.error(f"{where}: no_adjectives goes only with an empty adjectives list")
    elif reason is None:
        rep.error(f"{where}: empty adjectives need a no_adjectives reason (which common word "
                  "the nisba would be)")


def check_actors(actors: list[dict], role_names: set, rep: Report) -> None:
    check_unique_ids(actors, "id", "actors.yaml", rep)
    ids = {a.get("id") for a in actors}
    countries = {a.get("id") for a in actors if a.get("kind") == "country"}
    holders: dict[tuple, list] = defaultdict(list)
    for a in actors:
        where = f"actors.yaml:{a.get('id')}"
        for k in ACTOR_REQUIRED:
            if k not in a:
                rep.error(f"{where}: missing {k}")
        kind = a.get("kind")
        if kind not in ACTOR_KINDS:
            rep.error(f"{where}: bad kind {kind!r}")
        c = a.get("country")
        if c is not None and (not isinstance(c, str) or not ISO3.match(c)):
            rep.error(f"{where}: country must be ISO3 or null, got {c!r}")
        elif c is not None and c not in countries:
            rep.error(f"{where}: country {c} has no country entry")
        if "wikidata" in a and not (isinstance(a["wikidata"], str) and QID.match(a["wikidata"])):
            rep.error(f"{where}: bad wikidata {a['wikidata']!r}")
        if not check_alias_list(a, "aliases", where, rep):
            rep.error(f"{where}: no aliases")
        check_alias_list(a, "context_aliases", where, rep)
        if kind == "country":
            if a.get("id") != c:
                rep.error(f"{where}: a country's id must equal its country")
            check_country_adjectives(a, where, rep)
        else:
            for k in ("adjectives", "no_adjectives"):
                if k in a:
                    rep.error(f"{where}: only countries take {k}")
        if kind == "person":
            roles = a.get("roles")
            if roles is None:
                rep.error(f"{where}: persons need a roles list (may be empty)")
                roles = []
            if not roles:
                rep.warn(f"{where}: person without roles")
            for i, r in enumerate(roles):
                rw = f"{where}.roles[{i}]"
                if not isinstance(r, dict):
                    rep.error(f"{rw}: not a mapping")
                    continue
                for k in ("role", "country", "start", "end"):
                    if k not in r:
                        rep.error(f"{rw}: missing {k}")
                if r.get("role") not in role_names:
                    rep.error(f"{rw}: role {r.get('role')!r} not in roles.yaml")
                rc = r.get("country")
                if rc is not None and rc not in countries:
                    rep.error(f"{rw}: unknown country {rc!r}")
                if rc is None and not r.get("org") and r.get("role") not in (
                        "un_secretary_general", "un_envoy_syria", "eu_foreign_policy_chief"):
                    rep.error(f"{rw}: a role without country needs an org")
                if r.get("org") is not None and r.get("org") not in ids:
                    rep.error(f"{rw}: unknown org {r.get('org')!r}")
                start = as_date(r.get("start"), rw, rep)
                end = as_date(r.get("end"), rw, rep)
                if start is None:
                    rep.error(f"{rw}: start is required")
                elif end is not None and not start < end:
                    rep.error(f"{rw}: start {start} is not before end {end}")
                if start is not None:
                    key = (r.get("role"), rc, r.get("org"))
                    holders[key].append((start, end or dt.date.max, a.get("id"), bool(r.get("acting"))))
        elif "roles" in a:
            rep.error(f"{where}: only persons have roles")
    # one holder at a time per (role, country, org); [start, end) intervals
    for key, spans in holders.items():
        spans.sort()
        for (_s1, e1, p1, act1), (s2, _e2, p2, act2) in itertools.pairwise(spans):
            if s2 < e1 and not (act1 or act2):
                rep.error(f"actors.yaml: overlapping holders of {key}: {p1} until {e1} and {p2} from {s2}")
    used = {k[0] for k in holders}
    unused = sorted(role_names - used)
    if unused:
        rep.warn(f"roles.yaml: roles defined but held by nobody: {unused}")
    if len(countries) < MIN_COUNTRIES:
        rep.error(f"actors.yaml: only {len(countries)} countries (need {MIN_COUNTRIES})")


def check_places(places: list[dict], country_ids: set, rep: Report) -> None:
    check_unique_ids(places, "id", "places.yaml", rep)
    for p in places:
        where = f"places.yaml:{p.get('id')}"
        for k in PLACE_REQUIRED:
            if k not in p:
                rep.error(f"{where}: missing {k}")
        if p.get("kind") not in PLACE_KINDS:
            rep.error(f"{where}: bad kind {p.get('kind')!r}")
        c = p.get("country")
        if c is not None and c not in country_ids:
            rep.error(f"{where}: unknown country {c!r}")
        lat, lon = p.get("lat"), p.get("lon")
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)) or isinstance(lat, bool):
            rep.error(f"{where}: lat/lon must be numbers")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            rep.error(f"{where}: lat/lon out of range ({lat}, {lon})")
        if c == "SYR":
            (la0, la1), (lo0, lo1) = SYRIA_BOX
            if not (la0 <= lat <= la1 and lo0 <= lon <= lo1):
                rep.error(f"{where}: Syrian place outside Syria's box ({lat}, {lon})")
        if "geonameid" in p and not (isinstance(p["geonameid"], int) and p["geonameid"] > 0):
            rep.error(f"{where}: geonameid must be a positive integer")
        if "approx" in p and not isinstance(p["approx"], bool):
            rep.error(f"{where}: approx must be true/false")
        if p.get("kind") == "country" and p.get("id") != c:
            rep.error(f"{where}: a country place's id must equal its country")
        if not check_alias_list(p, "aliases", where, rep):
            rep.error(f"{where}: no aliases")
        check_alias_list(p, "context_aliases", where, rep)
    have = {p.get("id") for p in places if p.get("kind") == "country"}
    missing = sorted(country_ids - have)
    if missing:
        rep.error(f"places.yaml: countries without a place entry: {missing}")
    if len(places) < MIN_PLACES:
        rep.error(f"places.yaml: only {len(places)} places (need {MIN_PLACES})")


def cross_file(actors: list[dict], places: list[dict], a_owner: dict, p_owner: dict, rep: Report) -> list[str]:
    """Aliases present in both files. Expected: country names, and capitals (government <-> city)."""
    actor = {a.get("id"): a for a in actors}
    place = {p.get("id"): p for p in places}
    lines = []
    for form in sorted(set(a_owner) & set(p_owner)):
        aids, pids = sorted(map(str, a_owner[form])), sorted(map(str, p_owner[form]))
        ok = True
        for aid in aids:
            for pid in pids:
                ak, pk = actor[aid].get("kind"), place[pid].get("kind")
                same_country = actor[aid].get("country") == place[pid].get("country")
                if ak == "country" and pk == "country" and aid == pid:
                    why = "country"
                elif ak == "government" and pk == "city" and same_country:
                    why = "capital"
                elif form in ALLOWED_CROSS:
                    why = "allowed: " + ALLOWED_CROSS[form]
                else:
                    ok = False
                    why = "UNEXPECTED"
        lines.append(f"  {form:<32} actors {aids}  places {pids}  [{why}]")
        if not ok:
            rep.error(f"alias {form!r} is in actors {aids} and places {pids}: not a country or capital")
    return lines


DATA_DIR = Path(__file__).resolve().parents[2] / "src" / "rasad" / "data"


def check(data: Path = DATA_DIR) -> tuple[Report, dict]:
    """Run every check on the actors.yaml, roles.yaml and places.yaml of a folder. Returns
    the report and what the summary prints (the loaded lists, the shared-alias lines)."""
    rep = Report()
    actors = load_list(data / "actors.yaml", rep)
    roles = load_list(data / "roles.yaml", rep)
    places = load_list(data / "places.yaml", rep)
    country_ids = {a.get("id") for a in actors if a.get("kind") == "country"}
    actor_ids = {a.get("id") for a in actors}
    role_names = check_roles_file(roles, country_ids, actor_ids, rep)
    check_actors(actors, role_names, rep)
    check_places(places, country_ids, rep)
    a_owner = collisions(actors, ("aliases", "context_aliases", "adjectives"), "actors.yaml", rep)
    p_owner = collisions(places, ("aliases", "context_aliases"), "places.yaml", rep)
    shared = cross_file(actors, places, a_owner, p_owner, rep)
    return rep, {"actors": actors, "roles": roles, "places": places, "shared": shared}


def main(argv: list[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else DATA_DIR
    rep, found = check(data)
    actors, roles, places, shared = (found[k] for k in ("actors", "roles", "places", "shared"))

    kinds: dict[str, int] = defaultdict(int)
    for a in actors:
        kinds[a.get("kind")] += 1
    pkinds: dict[str, int] = defaultdict(int)
    for p in places:
        pkinds[p.get("kind")] += 1
    print(f"actors: {len(actors)}  " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    print(f"roles:  {len(roles)}")
    print(f"places: {len(places)}  " + ", ".join(f"{k}={v}" for k, v in sorted(pkinds.items())))
    print(f"aliases in both actors.yaml and places.yaml ({len(shared)}):")
    print("\n".join(shared))
    for w in rep.warnings:
        print("WARNING:", w)
    for e in rep.errors:
        print("ERROR:", e)
    print(f"{len(rep.errors)} error(s), {len(rep.warnings)} warning(s)")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
