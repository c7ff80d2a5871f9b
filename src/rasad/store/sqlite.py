"""The SQLite store."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from rasad.records import Extraction, Rejected
from rasad.store.migrations import MIGRATIONS
from rasad.text.normalize import norm


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


BUCKET_DAYS = 7  # story features are filed by the week of the page that brought them


def bucket_of(date: str | None) -> int:
    """The week (days since 1970-01-01 // 7) of an ISO date or its prefix; -1 if undated."""
    if not date:
        return -1
    try:
        d = dt.date.fromisoformat((date + "-01-01")[:10])
    except ValueError:
        return -1
    return (d - dt.date(1970, 1, 1)).days // BUCKET_DAYS


def register_functions(db: sqlite3.Connection) -> None:
    """SQL functions the migrations call: rasad_week(date) is bucket_of."""
    db.create_function("rasad_week", 1, bucket_of, deterministic=True)


def _j(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class Store:
    """A Rasad database (one SQLite file)."""

    def __init__(self, path: str | Path, cache_mb: int = 64, wal_pages: int = 1000) -> None:
        self.path = Path(path)
        self._batched = False
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(self.path))
        self.db.row_factory = sqlite3.Row
        register_functions(self.db)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # the page cache keeps the lookup B-trees hot (Config.sqlite_cache_mb)
        self.db.execute(f"PRAGMA cache_size=-{int(cache_mb) * 1024}")
        # how many WAL pages before they are copied into the database (Config.sqlite_wal_pages):
        # an index page changed by every batch is copied once per checkpoint, not once per batch
        self.db.execute(f"PRAGMA wal_autocheckpoint={int(wal_pages)}")
        self.migrate()

    def close(self) -> None:
        self.db.commit()
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------
    def migrate(self) -> int:
        version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
        for i, sql in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.db:
                self.db.executescript(sql)
                self.db.execute(f"PRAGMA user_version = {i}")
        return len(MIGRATIONS)

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # -- writes -------------------------------------------------------------------------
    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Write many pages in one transaction: one commit per batch instead of one per page
        (a commit writes every B-tree page the page touched; within a batch the same index
        pages are shared by many pages). On an error the whole batch is rolled back, and a
        rerun ingests it again (pages already stored are skipped)."""
        if self._batched:
            yield
            return
        self._batched = True
        try:
            with self.db:
                yield
        finally:
            self._batched = False

    def _tx(self) -> Any:
        return contextlib.nullcontext() if self._batched else self.db

    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() \
            is not None

    def save_extraction(self, x: Extraction, minhash: np.ndarray | None, bands: list[str],
                        story_profile: dict[str, Any] | None, story_events: list[dict[str, Any]],
                        features: list[str], swap_canonical: str | None = None,
                        terms: list[str] | None = None,
                        episode: dict[str, Any] | None = None,
                        entities: list[str] | None = None) -> None:
        d = x.document
        sid = d.story_id
        for ev in x.events:
            ev.story_id = sid
        with self._tx():
            existed = self.has_document(d.id)
            self.db.execute(
                "INSERT OR REPLACE INTO documents (id, external_id, url, outlet, title, "
                "published, published_from, language, duplicate_of, story_id, source, text_len, "
                "minhash, data, ingested_at, episode_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (d.id, d.external_id, d.url, d.outlet, d.title, d.published, d.published_from,
                 d.language, d.duplicate_of, sid, d.source, len(d.text),
                 minhash.tobytes() if minhash is not None else None, _j(d.to_dict()), _now(),
                 (episode or {}).get("id")))
            if episode:
                self.db.execute("INSERT OR REPLACE INTO episodes VALUES (?,?,?,?,?)",
                                (episode["id"], episode.get("story_id"),
                                 episode.get("first_date"), episode.get("last_date"),
                                 _j(episode)))
                week = bucket_of(d.published)
                self.db.executemany("INSERT OR IGNORE INTO episode_features VALUES (?,?,?)",
                                    [(f, week, episode["id"]) for f in features])
            if existed:  # an FTS delete scans the table: only when replacing
                self.db.execute("DELETE FROM doc_fts WHERE doc_id=?", (d.id,))
            self.db.execute("INSERT INTO doc_fts VALUES (?,?,?)",
                            (d.id, norm(d.title or ""), norm(d.text)))
            # this page's mentions carry their story event's corroboration as they are
            # written; the other mentions are rewritten only when it changed (a new outlet)
            mine = {e.id: e for e in x.events}
            stale: list[tuple[list[str], int]] = []
            for se in story_events:
                n = int(se.get("corroboration", 1))
                for mid in se["mention_ids"]:
                    if mid in mine:
                        mine[mid].corroboration = n
                row = self.db.execute("SELECT corroboration FROM story_events WHERE id=?",
                                      (se["id"],)).fetchone()
                if row is not None and row[0] != n:
                    stale.append(([m for m in se["mention_ids"] if m not in mine], n))
            self.db.executemany(
                "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(e.id, e.doc_id, e.type, e.date,
                  e.source_actor.id if e.source_actor else None,
                  e.target_actor.id if e.target_actor else None,
                  e.location.id if e.location else None, sid, e.confidence,
                  _j(e.to_dict())) for e in x.events])
            self.db.executemany(
                "INSERT OR REPLACE INTO quotes VALUES (?,?,?,?)",
                [(q.id, q.doc_id, q.speaker.id if q.speaker else None, _j(q.to_dict()))
                 for q in x.quotes])
            self.db.executemany(
                "INSERT OR REPLACE INTO figures VALUES (?,?,?,?,?,?,?)",
                [(f.id, f.doc_id, f.category, f.event_id,
                  f.location.id if f.location else None, f.date, _j(f.to_dict()))
                 for f in x.figures])
            self.db.executemany(
                "INSERT OR REPLACE INTO timexes VALUES (?,?,?,?)",
                [(t.doc_id, t.span[0], t.value, _j(t.to_dict())) for t in x.timexes])
            self.db.executemany("INSERT OR IGNORE INTO lsh_bands VALUES (?,?)",
                                [(b, d.id) for b in bands])
            if terms:
                self.db.executemany(
                    "INSERT INTO term_df VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
                    [(t,) for t in terms])
                self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                                "WHERE key = 'n_docs'")
            if swap_canonical:  # the group moves to this page: the old canonical copy and
                # every copy that pointed to it (indexed lookups, not a scan of all pages)
                moved = [swap_canonical] + [r[0] for r in self.db.execute(
                    "SELECT id FROM documents WHERE duplicate_of=?", (swap_canonical,))]
                for doc_id in moved:
                    self.db.execute("UPDATE documents SET duplicate_of=? WHERE id=?",
                                    (d.id, doc_id))
                    self._sync_doc_json(doc_id)
            if story_profile is not None:
                p = dict(story_profile)
                self.db.execute("INSERT OR REPLACE INTO stories VALUES (?,?,?,?,?,?)",
                                (p["id"], p.get("title"), p.get("first_date"),
                                 p.get("last_date"),
                                 p.get("n_docs", len(p.get("doc_ids", []))), _j(p)))
                # this page's terms and entities, filed under its week: what the story is
                # about *then* (cost per page independent of the story's size)
                week = bucket_of(d.published)
                self.db.executemany(
                    "INSERT OR IGNORE INTO story_features VALUES (?,?,?)",
                    [(f, week, p["id"]) for f in sorted(set(features) | set(entities or ()))])
            for se in story_events:
                self.db.execute(
                    "INSERT OR REPLACE INTO story_events (id, story_id, type, date, "
                    "corroboration, data, source_id, target_id, location_id) "
                    "VALUES (?,?,?,?,?,?,?,?,?)",
                    (se["id"], se["story_id"], se["type"], se.get("date"),
                     se.get("corroboration", 1), _j(se),
                     (se.get("source_actor") or {}).get("id"),
                     (se.get("target_actor") or {}).get("id"),
                     (se.get("location") or {}).get("id")))
            for ids, n in stale:
                self._set_event_corroboration(ids, n)

    def _set_event_corroboration(self, event_ids: list[str], n: int) -> None:
        """Every mention of a story event carries the story event's corroboration."""
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i:i + 500]
            q = ",".join("?" * len(chunk))
            self.db.execute(f"UPDATE events SET data = json_set(data, '$.corroboration', ?) "
                            f"WHERE id IN ({q}) AND json_extract(data, '$.corroboration') != ?",
                            [n, *chunk, n])

    def _sync_doc_json(self, doc_id: str) -> None:
        row = self.db.execute("SELECT data, duplicate_of FROM documents WHERE id=?",
                              (doc_id,)).fetchone()
        if row:
            data = json.loads(row["data"])
            data["duplicate_of"] = row["duplicate_of"]
            self.db.execute("UPDATE documents SET data=? WHERE id=?", (_j(data), doc_id))

    def save_rejected(self, r: Rejected) -> None:
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO rejected VALUES (?,?,?,?)",
                            (r.source, r.reason, r.code, _now()))

    def save_run(self, command: str, summary: dict[str, Any]) -> None:
        with self.db:
            self.db.execute("INSERT INTO runs (started_at, command, summary) VALUES (?,?,?)",
                            (_now(), command, _j(summary)))

    # -- StoryState protocol ----------------------------------------------------------------
    def lsh_candidates(self, keys: list[str]) -> list[str]:
        if not keys:
            return []
        q = ",".join("?" * len(keys))
        rows = self.db.execute(f"SELECT DISTINCT doc_id FROM lsh_bands WHERE band IN ({q})", keys)
        return [r[0] for r in rows]

    def signature_of(self, doc_id: str) -> np.ndarray | None:
        row = self.db.execute("SELECT minhash FROM documents WHERE id=?", (doc_id,)).fetchone()
        if not row or row[0] is None:
            return None
        return np.frombuffer(row[0], dtype=np.uint64)

    def doc_brief(self, doc_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT id, duplicate_of, story_id, published, text_len, outlet, "
                              "episode_id FROM documents WHERE id=?", (doc_id,)).fetchone()
        return dict(row) if row else None

    def story_candidates(self, features: list[str], lo: str | None = None,
                         hi: str | None = None, limit: int = 30,
                         since: str | None = None) -> list[str]:
        """Stories sharing the most features, active between lo and hi (ISO dates). With
        `since`, only features brought by pages dated from `since` (week precision) to `hi`
        count, so the lookup reads the weeks around a page, not the whole history."""
        weeks = (bucket_of(since), bucket_of(hi)) if since and hi else None
        return self._candidates("story_features", "story_id", "stories", features, lo, hi,
                                limit, weeks)

    def episode_candidates(self, features: list[str], lo: str | None = None,
                           hi: str | None = None, limit: int = 30) -> list[str]:
        """Episodes sharing the most features, active between lo and hi (ISO dates). The
        engine asks with selective features only (in few pages), and only features brought
        by pages dated in the weeks of [lo, hi] count, so the rows read stay few."""
        weeks = (bucket_of(lo), bucket_of(hi)) if lo and hi else None
        return self._candidates("episode_features", "episode_id", "episodes", features, lo,
                                hi, limit, weeks)

    def _candidates(self, ftable: str, col: str, table: str, features: list[str],
                    lo: str | None, hi: str | None, limit: int,
                    weeks: tuple[int, int] | None) -> list[str]:
        if not features:
            return []
        q = ",".join("?" * len(features))
        sql = (f"SELECT f.{col}, COUNT(DISTINCT f.feature) c FROM {ftable} f "
               f"JOIN {table} t ON t.id = f.{col} WHERE f.feature IN ({q})")
        args: list[Any] = list(features)
        if weeks:
            sql += " AND f.bucket BETWEEN ? AND ?"
            args += list(weeks)
        if lo:
            sql += " AND (t.last_date IS NULL OR t.last_date >= ?)"
            args.append(lo)
        if hi:
            sql += " AND (t.first_date IS NULL OR t.first_date <= ?)"
            args.append(hi)
        sql += f" GROUP BY f.{col} ORDER BY c DESC, f.{col} LIMIT ?"
        args.append(limit)
        return [r[0] for r in self.db.execute(sql, args)]

    def episode_profile(self, episode_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM episodes WHERE id=?", (episode_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def story_profile(self, story_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM stories WHERE id=?", (story_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def term_df(self, terms: list[str]) -> tuple[dict[str, int], int]:
        """Document frequencies of terms, and the number of documents counted."""
        out: dict[str, int] = {}
        for i in range(0, len(terms), 500):
            chunk = terms[i:i + 500]
            q = ",".join("?" * len(chunk))
            out.update({r[0]: int(r[1]) for r in self.db.execute(
                f"SELECT term, df FROM term_df WHERE term IN ({q})", chunk)})
        row = self.db.execute("SELECT value FROM meta WHERE key = 'n_docs'").fetchone()
        return out, int(row[0]) if row else 0

    def story_events_of(self, story_id: str, etype: str, lo: str | None = None,
                        hi: str | None = None) -> list[dict[str, Any]]:
        """Story events of a type; with lo/hi, only those whose day falls in [lo, hi] (events
        of month or year precision, or undated, always)."""
        sql = "SELECT data FROM story_events WHERE story_id=? AND type=?"
        if not (lo and hi):
            return [json.loads(r[0]) for r in self.db.execute(sql, (story_id, etype))]
        # two range reads on (story_id, type, date): the days in [lo, hi], and the events
        # of month or year precision or undated (which sort before any day of their year
        # only partly, so they are read by length)
        days = self.db.execute(sql + " AND date BETWEEN ? AND ? AND length(date) = 10",
                               (story_id, etype, lo, hi))
        coarse = self.db.execute(sql + " AND (date IS NULL OR date IN (?, ?, ?, ?))",
                                 (story_id, etype, lo[:4], lo[:7], hi[:4], hi[:7]))
        return [json.loads(r[0]) for r in [*days, *coarse]]

    # -- reads ----------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("documents", "events", "quotes", "figures", "timexes", "stories",
                  "story_events", "rejected"):
            out[t] = int(self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
        out["duplicates"] = int(self.db.execute(
            "SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0])
        return out

    def iter_records(self, kind: str) -> Iterator[dict[str, Any]]:
        """Contract records of one kind, as stored."""
        if kind == "rejected":
            for r in self.db.execute("SELECT source, reason, code FROM rejected ORDER BY source"):
                yield {"kind": "rejected", "source": r[0], "reason": r[1], "code": r[2]}
            return
        if kind == "story":
            from rasad.store.queries import story_record

            for r in self.db.execute("SELECT data FROM stories ORDER BY first_date, id"):
                yield story_record(json.loads(r[0]), db=self.db)
            return
        table = {"document": "documents", "event": "events", "quote": "quotes",
                 "figure": "figures", "timex": "timexes", "story_event": "story_events"}[kind]
        order = {"documents": "published IS NULL, published, id",
                 "events": "date IS NULL, date, id",
                 "story_events": "date IS NULL, date, id"}.get(table, "rowid")
        for r in self.db.execute(f"SELECT data FROM {table} ORDER BY {order}"):
            yield json.loads(r[0])

    def query(self, kind: str, *, actor: str | None = None, etype: str | None = None,
              place: str | None = None, since: str | None = None, until: str | None = None,
              story: str | None = None, limit: int | None = None, offset: int = 0
              ) -> list[dict[str, Any]]:
        """Filtered documents, events, quotes, figures, story events or stories (the same
        filters as the web API: rasad.store.queries)."""
        from rasad.store.queries import Filters, select

        f = Filters(actor=actor, type=etype, place=place, since=since, until=until,
                    story=story)
        return select(self.db, kind, f, limit, offset)

    def search(self, q: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over normalized titles and bodies (FTS5)."""
        terms = [t for t in norm(q).replace('"', " ").split() if t]
        if not terms:
            return []
        expr = " ".join(f'"{t}"' for t in terms)
        rows = self.db.execute(
            "SELECT doc_id, snippet(doc_fts, 2, '[', ']', ' … ', 12) FROM doc_fts "
            "WHERE doc_fts MATCH ? ORDER BY rank LIMIT ?", (expr, limit)).fetchall()
        out = []
        for doc_id, snip in rows:
            b = self.db.execute("SELECT title, outlet, published FROM documents WHERE id=?",
                                (doc_id,)).fetchone()
            out.append({"doc_id": doc_id, "title": b[0] if b else None,
                        "outlet": b[1] if b else None, "published": b[2] if b else None,
                        "snippet": snip})
        return out

    def document_annotations(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        """Events, quotes, figures and time expressions of one document."""
        out: dict[str, list[dict[str, Any]]] = {}
        for key, table in (("events", "events"), ("quotes", "quotes"), ("figures", "figures"),
                           ("timexes", "timexes")):
            out[key] = [json.loads(r[0]) for r in self.db.execute(
                f"SELECT data FROM {table} WHERE doc_id=? ORDER BY rowid", (doc_id,))]
        return out

    def actor_events(self, actor_id: str, limit: int = 500) -> dict[str, list[dict[str, Any]]]:
        """Events where an actor is the source, and where it is the target."""
        src = [json.loads(r[0]) for r in self.db.execute(
            "SELECT data FROM events WHERE source_id=? ORDER BY date LIMIT ?", (actor_id, limit))]
        tgt = [json.loads(r[0]) for r in self.db.execute(
            "SELECT data FROM events WHERE target_id=? ORDER BY date LIMIT ?", (actor_id, limit))]
        return {"source": src, "target": tgt}

    def document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM documents WHERE id=?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None
