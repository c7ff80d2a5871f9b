"""Read queries for the API and the pages: filters, pagination, totals, search.

These go through the store's SQLite connection and follow ``Store.query``'s semantics
(``since`` compares ISO strings; ``until`` compares the prefix of the same length, so
``until=2020-03`` keeps every date in March). What lives here and not in the store:
row counts for pagination, a document filter, story-event filters on actors and places,
brief document rows (without the text), and search with pagination and snippets taken
from the original (not the normalized) text.
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from rasad.store.queries import (  # noqa: F401  (re-exported for the app and pages)
    CATEGORIES,
    DATE_RE,
    BadFilter,
    Filters,
    _plan,
    count,
    iterate,
    select,
    story_record,
)

KINDS = ("document", "event", "quote", "figure", "story", "story_event")



# ---- page helpers ---------------------------------------------------------------------
def story(db: sqlite3.Connection, story_id: str) -> dict[str, Any] | None:
    row = db.execute("SELECT data FROM stories WHERE id=?", (story_id,)).fetchone()
    return story_record(json.loads(row[0]), db=db) if row else None


def event_counts_by_story(db: sqlite3.Connection, ids: list[str]) -> dict[str, int]:
    if not ids:
        return {}
    q = ",".join("?" * len(ids))
    return {r[0]: int(r[1]) for r in db.execute(
        f"SELECT story_id, COUNT(*) FROM story_events WHERE story_id IN ({q}) "
        "GROUP BY story_id", ids)}


def doc_briefs(db: sqlite3.Connection, *, story: str | None = None,
               ids: list[str] | None = None) -> list[dict[str, Any]]:
    """Documents without their text (id, title, outlet, dates, duplicate, url)."""
    cols = "id, title, outlet, published, published_from, duplicate_of, url, story_id"
    if story is not None:
        rows = db.execute(f"SELECT {cols} FROM documents WHERE story_id=? "
                          "ORDER BY published, id", (story,))
    else:
        ids = ids or []
        if not ids:
            return []
        q = ",".join("?" * len(ids))
        rows = db.execute(f"SELECT {cols} FROM documents WHERE id IN ({q})", ids)
    return [dict(zip(("id", "title", "outlet", "published", "published_from", "duplicate_of",
                      "url", "story_id"), r, strict=True)) for r in rows]


def entity_usage(db: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """How often each actor / place id appears: as source, target, speaker, location."""
    out: dict[str, dict[str, int]] = {}
    for col, key, table in (("source_id", "source", "events"), ("target_id", "target", "events"),
                            ("speaker_id", "quotes", "quotes"),
                            ("location_id", "place", "events")):
        for ident, n in db.execute(f"SELECT {col}, COUNT(*) FROM {table} WHERE {col} IS NOT "
                                   f"NULL GROUP BY {col}"):
            out.setdefault(ident, {})[key] = int(n)
    return out


def actor_events(db: sqlite3.Connection, actor_id: str, role: str, limit: int
                 ) -> tuple[list[dict[str, Any]], int]:
    col = "source_id" if role == "source" else "target_id"
    total = int(db.execute(f"SELECT COUNT(*) FROM events WHERE {col}=?",
                           (actor_id,)).fetchone()[0])
    rows = [json.loads(r[0]) for r in db.execute(
        f"SELECT data FROM events WHERE {col}=? ORDER BY date IS NULL, date, id LIMIT ?", (actor_id, limit))]
    return rows, total


def actor_months(db: sqlite3.Connection, actor_id: str) -> list[tuple[str, int, int]]:
    """(YYYY-MM, events as source, events as target) for every month with a dated event."""
    months: dict[str, list[int]] = {}
    for i, col in enumerate(("source_id", "target_id")):
        for m, n in db.execute(f"SELECT substr(date, 1, 7) m, COUNT(*) FROM events WHERE "
                               f"{col}=? AND date IS NOT NULL GROUP BY m", (actor_id,)):
            months.setdefault(m, [0, 0])[i] += int(n)
    return [(m, v[0], v[1]) for m, v in sorted(months.items())]


# ---- search ---------------------------------------------------------------------------
def _fts_expr(q: str) -> tuple[str, list[str]]:
    from rasad.text.normalize import norm

    terms = [t for t in re.split(r"[^\w]+", norm(q)) if t]
    return " ".join(f'"{t}"' for t in terms), terms


def search(db: sqlite3.Connection, q: str, limit: int = 20, offset: int = 0
           ) -> tuple[list[dict[str, Any]], int]:
    """FTS5 over normalized titles and bodies; snippets cut from the original text with the
    matched words marked as (start, end) spans."""
    expr, terms = _fts_expr(q)
    if not terms:
        return [], 0
    try:
        total = int(db.execute("SELECT COUNT(*) FROM doc_fts WHERE doc_fts MATCH ?",
                               (expr,)).fetchone()[0])
        rows = db.execute("SELECT doc_id FROM doc_fts WHERE doc_fts MATCH ? ORDER BY rank "
                          "LIMIT ? OFFSET ?", (expr, limit, offset)).fetchall()
    except sqlite3.OperationalError:
        return [], 0
    out = []
    for (doc_id,) in rows:
        r = db.execute("SELECT data FROM documents WHERE id=?", (doc_id,)).fetchone()
        if not r:
            continue
        d = json.loads(r[0])
        text, spans = snippet(d.get("text") or "", terms)
        out.append({"doc_id": doc_id, "title": d.get("title"), "outlet": d.get("outlet"),
                    "published": d.get("published"), "story_id": d.get("story_id"),
                    "snippet": text, "marks": spans})
    return out, total


def snippet(text: str, terms: list[str], width: int = 220) -> tuple[str, list[list[int]]]:
    """A window of the original text around the first match; spans of every match in it."""
    from rasad.text.normalize import normalize

    n = normalize(text)
    pat = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in sorted(
        terms, key=len, reverse=True)) + r")(?!\w)")
    hits = [n.to_original(m.start(), m.end()) for m in pat.finditer(n.text)]
    if not hits:
        return text[:width] + ("…" if len(text) > width else ""), []
    first = hits[0][0]
    start = max(0, first - width // 3)
    sp = text.rfind(" ", 0, start)
    start = sp + 1 if start > 0 and sp >= 0 and start - sp < 30 else start
    end = min(len(text), start + width)
    sp = text.find(" ", end)
    end = sp if 0 <= sp - end < 30 else end
    spans = [[s - start, e - start] for s, e in hits if s >= start and e <= end]
    prefix = "… " if start > 0 else ""
    spans = [[s + len(prefix), e + len(prefix)] for s, e in spans]
    return prefix + text[start:end] + (" …" if end < len(text) else ""), spans
