"""Resolve a user's filter value — an id, or a name in Arabic or English — to a dictionary
id. Shared by the CLI (`--actor`, `--place`) and the web API; unknown values pass through."""

from __future__ import annotations

from rasad.actors.gazetteer import NamePayload, load_gazetteer


def resolve_actor(value: str | None) -> str | None:
    """An actor id from an id or a name (بوتين, Putin, RUS)."""
    if not value:
        return None
    value = value.strip()
    g = load_gazetteer()
    if value in g.actors:
        return value
    hits = [p for p in g.actor_lex.lookup(value) if isinstance(p, NamePayload)]
    if hits:
        return str(hits[0].actor_id)
    low = value.lower()
    return next((a.id for a in g.actors.values() if a.name.lower() == low), value)


def resolve_place(value: str | None) -> str | None:
    """A place id from an id or a name (إدلب, ادلب, Idlib); GeoNames-only names last."""
    if not value:
        return None
    value = value.strip()
    g = load_gazetteer()
    if value in g.places:
        return value
    hits = g.place_lex.lookup(value)
    if hits:
        return str(hits[0])
    gated = g.place_gated_lex.lookup(value)
    if gated:
        return max(gated, key=lambda i: g.places[i].population)
    low = value.lower()
    return next((p.id for p in g.places.values() if p.name.lower() == low), value)
