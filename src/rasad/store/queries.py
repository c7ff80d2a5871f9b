"""Record queries shared by the CLI (Store.query) and the web API: one filter model, one
place where filters become SQL.

``since`` compares ISO strings; ``until`` compares the prefix of the same length, so
``until=2020-03`` keeps every date in March; undated records sort last.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rasad.records import EVENT_TYPES, FIGURE_CATEGORIES

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PLOVER_TYPES = EVENT_TYPES
CATEGORIES = FIGURE_CATEGORIES


class BadFilter(ValueError):
    """A filter value that cannot be used (unknown type, malformed date)."""


@dataclass(frozen=True, slots=True)
class Filters:
    actor: str | None = None  # resolved id
    type: str | None = None  # PLOVER type, or figure category
    place: str | None = None  # resolved id
    since: str | None = None
    until: str | None = None
    story: str | None = None
    doc: str | None = None
    outlet: str | None = None
    min_confidence: float | None = None  # events: the learned judge's probability (0-1)

    def validate(self, kind: str) -> Filters:
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise BadFilter(f"min_confidence must be between 0 and 1, not {self.min_confidence}")
        for name in ("since", "until"):
            v = getattr(self, name)
            if v and not DATE_RE.match(v):
                raise BadFilter(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {v!r}")
        if self.type and kind in ("event", "story_event") and \
                self.type.upper() not in PLOVER_TYPES:
            raise BadFilter(f"type must be one of {', '.join(PLOVER_TYPES)}")
        if self.type and kind == "figure" and self.type not in CATEGORIES:
            raise BadFilter(f"category must be one of {', '.join(CATEGORIES)}")
        return self


_IN_STORY = "doc_id IN (SELECT id FROM documents WHERE story_id = ?)"


@dataclass(frozen=True, slots=True)
class _Plan:
    table: str
    order: str
    since_col: str | None  # column compared with `since` (None: no date filter)
    until_col: str | None  # column whose prefix is compared with `until`
    clauses: dict[str, str]  # filter field -> SQL clause; each ? takes the field's value


_ACTOR_SIDES = "(source_id = ? OR target_id = ?)"
PLANS: dict[str, _Plan] = {
    "event": _Plan("events", "date IS NULL, date, id", "date", "date",
                   {"type": "type = ?", "story": "story_id = ?", "actor": _ACTOR_SIDES,
                    "place": "location_id = ?", "doc": "doc_id = ?",
                    "min_confidence": "confidence >= ?"}),
    # merged events carry indexed actor and place columns (migration 3)
    "story_event": _Plan("story_events", "date IS NULL, date, id", "date", "date",
                         {"type": "type = ?", "story": "story_id = ?",
                          "actor": _ACTOR_SIDES, "place": "location_id = ?"}),
    "quote": _Plan("quotes", "rowid", None, None,
                   {"actor": "speaker_id = ?", "story": _IN_STORY, "doc": "doc_id = ?"}),
    "figure": _Plan("figures", "date IS NULL, date, rowid", "date", "date",
                    {"type": "category = ?", "place": "location_id = ?", "story": _IN_STORY,
                     "doc": "doc_id = ?"}),
    # a story overlaps [since, until]; its actors and places are keys of its profile JSON
    "story": _Plan("stories", "first_date IS NULL, first_date, id", "last_date", "first_date",
                   {"story": "id = ?", "actor": "data LIKE ? ESCAPE '\\'",
                    "place": "data LIKE ? ESCAPE '\\'"}),
    "document": _Plan("documents", "published IS NULL, published, id", "published",
                      "published", {"story": "story_id = ?", "outlet": "outlet = ?"}),
}


def _value(kind: str, field: str, v: Any) -> Any:
    if field == "type" and kind in ("event", "story_event"):
        return v.upper()
    if kind == "story" and field in ("actor", "place"):
        return f'%"{field[0]}:{_like(v)}"%'
    return v


def _plan(kind: str, f: Filters) -> tuple[str, list[str], list[Any], str]:
    """Table, WHERE clauses, arguments and ORDER BY for one kind of record."""
    plan = PLANS.get(kind)
    if plan is None:
        raise BadFilter(f"unknown kind {kind!r}")
    where: list[str] = []
    args: list[Any] = []
    for field, clause in plan.clauses.items():
        v = getattr(f, field)
        if v:
            where.append(clause)
            args += [_value(kind, field, v)] * clause.count("?")
    if f.since and plan.since_col:
        where.append(f"{plan.since_col} >= ?")
        args.append(f.since)
    if f.until and plan.until_col:
        where.append(f"substr({plan.until_col}, 1, ?) <= ?")
        args += [len(f.until), f.until]
    return plan.table, where, args, plan.order


def _like(v: str) -> str:
    return v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def story_record(p: dict[str, Any], n_events: int | None = None,
                 db: sqlite3.Connection | None = None) -> dict[str, Any]:
    """The contract's story record from a stored story profile (as Store.query returns).

    Profiles no longer carry their page list (its JSON would grow with the story and be
    rewritten on every page); with `db`, `doc_ids` is read from the documents table."""
    feats = p.get("features", {})
    doc_ids = p.get("doc_ids", [])
    if db is not None:
        doc_ids = [r[0] for r in db.execute(
            "SELECT id FROM documents WHERE story_id=? ORDER BY published IS NULL, published, "
            "id", (p["id"],))]
    actors = sorted((k[2:] for k in feats if k.startswith("a:")), key=lambda k: -feats["a:" + k])
    places = sorted((k[2:] for k in feats if k.startswith("p:")), key=lambda k: -feats["p:" + k])
    out = {"kind": "story", "id": p["id"], "title": p.get("title"),
           "doc_ids": doc_ids, "first_date": p.get("first_date"),
           "last_date": p.get("last_date"), "outlets": p.get("outlets", []),
           "actors": actors[:12], "places": places[:12]}
    if n_events is not None:
        out["n_events"] = n_events
    return out


def _decode(kind: str, raw: str, db: sqlite3.Connection) -> dict[str, Any]:
    rec = json.loads(raw)
    return story_record(rec, db=db) if kind == "story" else dict(rec)


def select(db: sqlite3.Connection, kind: str, f: Filters, limit: int | None = None,
           offset: int = 0) -> list[dict[str, Any]]:
    return list(iterate(db, kind, f, limit, offset))


def iterate(db: sqlite3.Connection, kind: str, f: Filters, limit: int | None = None,
            offset: int = 0) -> Iterator[dict[str, Any]]:
    table, where, args, order = _plan(kind, f)
    sql = f"SELECT data FROM {table}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args = [*args, limit, offset]
    for (raw,) in db.execute(sql, args):
        yield _decode(kind, raw, db)


def count(db: sqlite3.Connection, kind: str, f: Filters) -> int:
    table, where, args, _ = _plan(kind, f)
    sql = f"SELECT COUNT(*) FROM {table}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return int(db.execute(sql, args).fetchone()[0])
