"""The SQLite store: migrations, batched writes and the bounded lookups stories rely on."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from rasad.store import Store
from rasad.store.migrations import MIGRATIONS
from rasad.store.queries import story_record
from rasad.store.sqlite import bucket_of, register_functions


def test_bucket_of_weeks_and_prefixes() -> None:
    assert bucket_of("1970-01-01") == 0
    assert bucket_of("1970-01-08") == 1
    assert bucket_of("2020-03-05") == bucket_of("2020-03-11")  # weeks start on Thursdays
    assert bucket_of("2020-03-04") == bucket_of("2020-03-05") - 1
    assert bucket_of("2020-03") == bucket_of("2020-03-01")
    assert bucket_of("2020") == bucket_of("2020-01-01")
    assert bucket_of(None) == -1
    assert bucket_of("not a date") == -1
    assert bucket_of("1969-12-31") == -1  # floor, not truncation: weeks before 1970 too
    assert bucket_of("1969-12-24") == -2


def _database_at(path: Path, version: int) -> sqlite3.Connection:
    """A database at an older schema version, as an earlier Rasad left it."""
    db = sqlite3.connect(path)
    register_functions(db)
    for i, sql in enumerate(MIGRATIONS[:version], start=1):
        db.executescript(sql)
        db.execute(f"PRAGMA user_version = {i}")
    return db


def _v4_database(path: Path) -> None:
    """A database at schema 4 with one story, its features, bands and term counts."""
    db = _database_at(path, 4)
    db.execute("INSERT INTO stories VALUES ('st_a', 'T', '2020-02-03', '2020-03-05', 2, ?)",
               (json.dumps({"id": "st_a", "doc_ids": ["d1", "d2"], "features": {"p:x": 2}}),))
    db.execute("INSERT INTO stories VALUES ('st_b', 'U', NULL, NULL, 1, '{\"id\": \"st_b\"}')")
    db.execute("INSERT INTO stories VALUES ('st_c', 'V', '1969-12-29', '1969-12-30', 1, '{}')")
    db.executemany("INSERT INTO story_features VALUES (?, ?)",
                   [("p:x", "st_a"), ("a:TUR", "st_a"), ("p:x", "st_b"), ("p:y", "st_c")])
    db.executemany("INSERT INTO lsh_bands VALUES (?, ?)", [("b1", "d1"), ("b1", "d2")])
    db.execute("INSERT INTO term_df VALUES ('w:قصف', 7)")
    db.execute("INSERT INTO episode_features VALUES ('w:قصف', 'ep_1')")
    db.commit()
    db.close()


def test_migration_5_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _v4_database(path)
    with Store(path) as st:
        assert st.schema_version == len(MIGRATIONS) >= 5
        rows = st.db.execute("SELECT feature, bucket, story_id FROM story_features "
                             "ORDER BY story_id, feature").fetchall()
        week = bucket_of("2020-03-05")
        assert [tuple(r) for r in rows] == [("a:TUR", week, "st_a"), ("p:x", week, "st_a"),
                                            ("p:x", -1, "st_b"), ("p:y", -1, "st_c")]
        # the week of 30 December 1969 is week -1, as bucket_of files new pages
        assert bucket_of("1969-12-30") == -1
        assert sorted(st.lsh_candidates(["b1"])) == ["d1", "d2"]
        assert st.term_df(["w:قصف"])[0] == {"w:قصف": 7}
        assert st.episode_candidates(["w:قصف"]) == []  # the episode row itself is gone
        # the old index on (story_id, type) is replaced by one that includes the date
        idx = {r[0] for r in st.db.execute("SELECT name FROM sqlite_master WHERE "
                                           "type='index' AND tbl_name='story_events'")}
        assert "story_events_type_date" in idx and "story_events_story" not in idx


def _story(st: Store, sid: str, first: str, last: str, feats: list[tuple[str, str]]) -> None:
    st.db.execute("INSERT INTO stories VALUES (?,?,?,?,?,?)",
                  (sid, sid, first, last, 1, json.dumps({"id": sid})))
    st.db.executemany("INSERT INTO story_features VALUES (?,?,?)",
                      [(f, bucket_of(d), sid) for f, d in feats])


def test_story_candidates_read_only_the_weeks_asked(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as st:
        _story(st, "old", "2019-01-01", "2020-02-20", [("p:idlib", "2019-01-01")])
        _story(st, "recent", "2020-02-01", "2020-02-20",
               [("p:idlib", "2020-02-10"), ("a:TURMIL", "2020-02-12")])
        _story(st, "other", "2020-02-01", "2020-02-20", [("p:gaza", "2020-02-10")])
        asked = (["a:TURMIL", "p:idlib"], "2020-02-01", "2020-03-15")
        # without a lower week, the old story is found by its 2019 feature
        assert st.story_candidates(*asked) == ["recent", "old"]
        # with one, only features brought by pages of the last weeks count
        assert st.story_candidates(*asked, since="2019-12-01") == ["recent"]
        assert st.story_candidates([], "2020-02-01", "2020-03-15") == []


def test_story_events_of_reads_the_days_and_the_coarse_dates(tmp_path: Path) -> None:
    with Store(tmp_path / "e.db") as st:
        for i, date in enumerate(["2020-02-27", "2020-02-29", "2020-03-05", "2020-02", "2020",
                                  "2019-12", None]):
            st.db.execute("INSERT INTO story_events (id, story_id, type, date, corroboration, "
                          "data) VALUES (?,?,?,?,?,?)",
                          (f"se{i}", "st", "ASSAULT", date, 1,
                           json.dumps({"id": f"se{i}", "date": date})))
        got = {e["date"] for e in st.story_events_of("st", "ASSAULT", "2020-02-26",
                                                     "2020-03-01")}
        assert got == {"2020-02-27", "2020-02-29", "2020-02", "2020", None}
        assert len(st.story_events_of("st", "ASSAULT")) == 7
        assert st.story_events_of("st", "AGREE", "2020-02-26", "2020-03-01") == []


def test_batch_commits_once_and_rolls_back_on_error(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    with Store(path) as st:
        with st.batch():
            st.db.execute("INSERT INTO meta VALUES ('a', '1')")
            with st._tx():  # a page's own transaction is part of the batch
                st.db.execute("INSERT INTO meta VALUES ('b', '2')")
            assert not Store(path).db.execute("SELECT 1 FROM meta WHERE key='b'").fetchone()
        assert Store(path).db.execute("SELECT 1 FROM meta WHERE key='b'").fetchone()
        with pytest.raises(RuntimeError), st.batch():
            st.db.execute("INSERT INTO meta VALUES ('c', '3')")
            raise RuntimeError("a page failed")
        assert not st.db.execute("SELECT 1 FROM meta WHERE key='c'").fetchone()


def test_story_record_lists_pages_from_the_documents_table(tmp_path: Path) -> None:
    with Store(tmp_path / "r.db") as st:
        for doc, day in (("d2", "2020-03-02"), ("d1", "2020-03-01")):
            st.db.execute("INSERT INTO documents (id, published, story_id, data, ingested_at) "
                          "VALUES (?,?,?,?,?)", (doc, day, "st_a", "{}", "now"))
        rec = story_record({"id": "st_a", "n_docs": 2, "features": {"p:x": 1}}, db=st.db)
        assert rec["doc_ids"] == ["d1", "d2"]
        assert rec["places"] == ["x"]


def test_migration_6_files_episode_features_by_week_and_drops_prefix_indexes(
        tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    db = _database_at(path, 5)
    db.execute("INSERT INTO episodes VALUES ('ep_1', 'st_a', '2020-02-27', '2020-02-28', '{}')")
    db.executemany("INSERT INTO episode_features VALUES (?, ?)",
                   [("w:قصف", "ep_1"), ("w:بليون", "ep_1"), ("w:قصف", "ep_gone")])
    db.commit()
    db.close()
    with Store(path) as st:
        assert st.schema_version == len(MIGRATIONS) >= 6
        rows = st.db.execute("SELECT feature, bucket, episode_id FROM episode_features "
                             "ORDER BY episode_id, feature").fetchall()
        week = bucket_of("2020-02-28")
        assert [tuple(r) for r in rows] == [("w:بليون", week, "ep_1"), ("w:قصف", week, "ep_1"),
                                            ("w:قصف", -1, "ep_gone")]
        idx = {r[0] for r in st.db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "documents_duplicate_of" in idx
        assert not idx & {"events_source", "events_target", "events_story"}
        # the (actor or story, date) indexes still serve lookups by actor alone
        plan = " ".join(r[3] for r in st.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM events WHERE source_id = 'TUR'"))
        assert "events_source_date" in plan


def test_episode_candidates_read_only_the_weeks_of_the_window(tmp_path: Path) -> None:
    with Store(tmp_path / "ep.db") as st:
        for eid, first, last in (("old", "2020-01-01", "2020-03-01"),
                                 ("new", "2020-02-27", "2020-03-01")):
            st.db.execute("INSERT INTO episodes VALUES (?, 'st', ?, ?, '{}')", (eid, first, last))
        st.db.executemany("INSERT INTO episode_features VALUES (?,?,?)",
                          [("w:بليون", bucket_of("2020-01-01"), "old"),
                           ("w:بليون", bucket_of("2020-02-28"), "new")])
        # both episodes are active on 29 February, but only "new" named the word lately
        assert st.episode_candidates(["w:بليون"], "2020-02-26", "2020-03-02") == ["new"]
        assert st.episode_candidates(["w:بليون"]) == ["new", "old"]  # no window: all weeks


_REPORT = ("قتل ثلاثة جنود أتراك في قصف مدفعي لقوات النظام السوري على نقطة مراقبة تركية في "
           "بلدة سراقب بريف إدلب يوم الاثنين، وقالت وزارة الدفاع التركية إن قواتها ردت على "
           "مصادر النيران. وأضافت الوزارة أن القصف استهدف النقطة صباحا. {tail}")
_TAILS = ["وأكدت مصادر محلية أن التوتر يسود المنطقة منذ أيام.",
          "وتشهد المنطقة تصعيدا عسكريا متواصلا بين الطرفين منذ مطلع الشهر.",
          "ويأتي ذلك بعد اجتماع عسكري بين الجانبين لم يسفر عن نتائج واضحة."]


def _copies(tails: list[str], first: int = 0) -> list[Any]:
    from rasad.records import RawInput

    return [RawInput(source=f"t:{i}", external_id=f"p{i}", kind="text",
                     content=_REPORT.format(tail=tail), outlet=f"منفذ {i}",
                     title="مقتل جنود أتراك بقصف في إدلب", published="2020-02-03")
            for i, tail in enumerate(tails, start=first)]


def test_corroboration_reaches_every_mention(tmp_path: Path) -> None:
    from rasad.ingest import ingest

    with Store(tmp_path / "c.db") as st:
        ingest(iter(_copies(_TAILS)), st)
        mentions = {m: se for se, ids in st.db.execute(
            "SELECT id, json_extract(data, '$.mention_ids') FROM story_events")
            for m in json.loads(ids)}
        corr = {se: n for se, n in st.db.execute("SELECT id, corroboration FROM story_events")}
        rows = st.db.execute("SELECT id, doc_id, json_extract(data, '$.corroboration') "
                             "FROM events").fetchall()
        assert len({r[1] for r in rows}) == 3 and max(corr.values()) == 3
        # the first page's mentions were written with 1 and updated as outlets joined
        assert all(r[2] == corr[mentions[r[0]]] for r in rows if r[0] in mentions)


def test_copies_follow_a_more_complete_canonical(tmp_path: Path) -> None:
    from rasad.ingest import ingest

    longer = " ".join(_TAILS) + (" وأفادت مصادر ميدانية بأن تعزيزات عسكرية تركية دخلت إلى "
                                 "المنطقة عبر معبر كفرلوسين خلال ساعات الليل.")
    with Store(tmp_path / "d.db") as st:
        ingest(iter(_copies(_TAILS)), st)
        ingest(iter(_copies([longer], first=3)), st)
        rows = {r[0]: (r[1], json.loads(r[2])["duplicate_of"]) for r in st.db.execute(
            "SELECT external_id, duplicate_of, data FROM documents")}
        canon = st.db.execute("SELECT id FROM documents WHERE external_id='p3'").fetchone()[0]
        assert rows["p3"] == (None, None)
        assert {k: v for k, v in rows.items() if k != "p3"} == dict.fromkeys(
            ("p0", "p1", "p2"), (canon, canon))  # the column and the record agree
