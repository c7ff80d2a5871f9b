"""Actors and places for the web: resolve a filter value (id or Arabic/English name) to an
id, and give display names. Same rules as the CLI's ``--actor`` / ``--place`` options."""

from __future__ import annotations

from typing import Any


def _gaz() -> Any:
    from rasad.actors import load_gazetteer

    return load_gazetteer()


from rasad.actors.resolve import resolve_actor, resolve_place  # noqa: E402  (shared rules)

__all__ = ["resolve_actor", "resolve_place"]


def actor_entry(actor_id: str) -> Any:
    return _gaz().actors.get(actor_id)


def place_entry(place_id: str) -> Any:
    return _gaz().places.get(place_id)


def entity(ident: str) -> dict[str, Any] | None:
    g = _gaz()
    e = g.actors.get(ident) or g.places.get(ident)
    return e.to_entity() if e is not None else None


def name_ar(ident: str | None, fallback: str | None = None) -> str:
    """The Arabic display name of an actor or place id (else the fallback, else the id)."""
    if not ident:
        return fallback or "—"
    g = _gaz()
    e = g.actors.get(ident) or g.places.get(ident)
    if e is not None and e.name_ar:
        return str(e.name_ar)
    return fallback or ident


def country_names_ar() -> dict[str, str]:
    """ISO3 -> Arabic name, from the country actors of the dictionary."""
    g = _gaz()
    return {a.id: a.name_ar for a in g.actors.values() if a.kind == "country" and a.name_ar}


def place_kind(place_id: str | None) -> str | None:
    if not place_id:
        return None
    p = _gaz().places.get(place_id)
    return str(p.kind) if p is not None else None


def search_entities(q: str, limit: int = 10) -> list[dict[str, Any]]:
    """Actors and places whose names match a query (exact forms first, then substrings)."""
    from rasad.text.normalize import norm

    q = q.strip()
    if not q:
        return []
    g = _gaz()
    seen: dict[str, dict[str, Any]] = {}
    a = resolve_actor(q) or ""
    if a in g.actors:
        seen[a] = g.actors[a].to_entity()
    p = resolve_place(q) or ""
    if p in g.places:
        seen[p] = g.places[p].to_entity()
    nq, low = norm(q), q.lower()
    if len(nq) >= 3:
        for e in list(g.actors.values()) + list(g.places.values()):
            if len(seen) >= limit:
                break
            if e.id in seen:
                continue
            if low in e.name.lower() or nq in norm(e.name_ar) or any(
                    nq in norm(x) for x in e.aliases):
                seen[e.id] = e.to_entity()
    return list(seen.values())[:limit]
