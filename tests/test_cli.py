"""The CLI end to end on small inputs: bad inputs reported, exit codes, summaries."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rasad.cli import app

ARTICLE = (
    "دمشق - وكالة الاختبار\n"
    "قصفت قوات النظام السوري اليوم الاثنين مواقع للجيش التركي قرب سراقب في ريف إدلب، ما أسفر "
    "عن مقتل 5 جنود أتراك وإصابة 3 آخرين، بحسب بيان لوزارة الدفاع التركية.\n"
    "وقال وزير الدفاع التركي خلوصي أكار إن القوات التركية ردت على مصادر النيران بشكل فوري.\n"
)


def _write(tmp: Path) -> list[str]:
    (tmp / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp / "english.txt").write_text("Turkish troops were shelled near Saraqeb on Monday, "
                                     "officials in Ankara said. " * 5, encoding="utf-8")
    (tmp / "feed.jsonl").write_text(
        json.dumps({"id": "x1", "text": ARTICLE, "published": "2020-02-03",
                    "outlet": "Feed"}, ensure_ascii=False) + "\n" + '{"id": "x2", "te\n',
        encoding="utf-8")
    return [str(tmp / n) for n in ("good.txt", "empty.txt", "binary.txt", "english.txt",
                                   "feed.jsonl")]


def test_extract_accounts_for_every_input(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    res = CliRunner().invoke(app, ["extract", *paths])
    assert res.exit_code == 0, res.output
    recs = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    docs = [r for r in recs if r["kind"] == "document"]
    rej = [r for r in recs if r["kind"] == "rejected"]
    assert len(docs) == 2
    assert len(rej) == 4
    reasons = " | ".join(r["reason"] for r in rej)
    for word in ("empty", "binary", "language 'en'", "invalid JSON"):
        assert word in reasons
    assert "6 inputs read, 2 documents" in res.stderr
    fed = next(d for d in docs if d["external_id"] == "x1")
    assert fed["published"] == "2020-02-03" and fed["published_from"] == "input"


def test_extract_exits_nonzero_when_nothing_succeeds(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    res = CliRunner().invoke(app, ["extract", str(tmp_path / "empty.txt")])
    assert res.exit_code == 1
    assert json.loads(res.stdout)["kind"] == "rejected"


def test_ingest_is_idempotent_and_queryable(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    db = str(tmp_path / "r.db")
    r1 = CliRunner().invoke(app, ["--db", db, "ingest", *paths])
    assert r1.exit_code == 0, r1.output
    r2 = CliRunner().invoke(app, ["--db", db, "ingest", *paths])
    assert "0 new" in r2.stderr
    from rasad.store import Store

    with Store(db) as st:
        c = st.counts()
        assert c["documents"] == 2 and c["rejected"] == 4
        assert c["duplicates"] == 1  # the feed line repeats the text page
    ev = CliRunner().invoke(app, ["--db", db, "events", "--type", "ASSAULT", "--format",
                                  "jsonl"])
    rows = [json.loads(x) for x in ev.stdout.splitlines()]
    assert rows and all(r["type"] == "ASSAULT" for r in rows)
    tl = CliRunner().invoke(app, ["--db", db, "timeline"])
    assert "ASSAULT" in tl.stdout
    out = tmp_path / "e.parquet"
    ex = CliRunner().invoke(app, ["--db", db, "export", "--format", "parquet", "-o", str(out)])
    assert ex.exit_code == 0 and out.stat().st_size > 0
    ex = CliRunner().invoke(app, ["--db", db, "export", "--format", "csv", "--kind", "figure"])
    assert ex.stdout.splitlines()[0].startswith("kind,id,doc_id,category")


def test_stdin_feed(tmp_path: Path) -> None:
    line = json.dumps({"id": "s1", "text": ARTICLE}, ensure_ascii=False) + "\n"
    res = CliRunner().invoke(app, ["extract", "-"], input=line)
    assert res.exit_code == 0
    assert any(json.loads(x)["kind"] == "event" for x in res.stdout.splitlines())


def test_large_and_undecodable_inputs_are_reported(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # 50 MB of text: rejected by size, never read into memory
        fh.truncate(50 * 1024 * 1024)
    noise = tmp_path / "noise.html"
    noise.write_bytes(bytes([0x81, 0x8D, 0x8E, 0x90, 0xFF, 0xFE, 0x9D]) * 400)
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(app, ["extract", str(big), str(noise), str(tmp_path / "good.txt")])
    assert res.exit_code == 0
    rej = {r["source"]: r["reason"] for r in map(json.loads, res.stdout.splitlines())
           if r["kind"] == "rejected"}
    assert "too large" in rej[str(big)]
    assert "undecodable" in rej[str(noise)] or "binary" in rej[str(noise)]


def test_min_confidence_option_drops_less_certain_events(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")

    def events(*extra: str) -> list[dict]:
        res = CliRunner().invoke(app, ["extract", str(tmp_path / "good.txt"), *extra])
        assert res.exit_code == 0, res.output
        return [r for r in map(json.loads, res.stdout.splitlines()) if r["kind"] == "event"]

    every = events()
    top = max(e["confidence"] for e in every)
    kept = events("--min-confidence", str(top))
    assert kept and len(kept) < len(every) and all(e["confidence"] >= top for e in kept)
    assert CliRunner().invoke(app, ["extract", str(tmp_path / "good.txt"),
                                    "--min-confidence", "2"]).exit_code != 0
