"""Ingestion cost per page as the database grows: 1,000, 10,000 and 100,000 synthesized pages.

Pages are synthesized from the story evaluation corpus (tests/stories/corpus/feed.jsonl):
clauses of the pages of one topic are recombined into new paragraphs, numbers and years are
varied, and each page gets one of 300 invented outlets and a date. Pages come in synthetic
stories (a topic, a date and 1–30 pages within a few days); stories are spread over 1990–2025
so that a topic recurs as separate stories. About 8% of the pages are republished copies of an
earlier page (other boilerplate, sometimes the last paragraph dropped): they must fold as
near-duplicates. Pages are fed as RawInput objects to ``rasad.ingest.ingest`` with a Store in
a temporary directory, in date order, as a crawler would.

For each tenth of the run the script prints pages/s and the milliseconds per page spent in
extraction, story assignment (duplicates + clustering), event merging and the store — a flat
curve means the cost per page does not grow with the database. Each size runs in its own
process, so the peak RSS is that size's own. Results: bench/results/stories_bench.json.

    .venv/bin/python bench/bench_stories.py --sizes 1000,10000
    .venv/bin/python bench/bench_stories.py --sizes 100000 --max-minutes 40 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FEED = ROOT / "tests" / "stories" / "corpus" / "feed.jsonl"
OUT = ROOT / "bench" / "results" / "stories_bench.json"
sys.path.append(str(ROOT / "src"))  # when rasad is not installed

_NUM = re.compile(r"(?<![\d.])\d+(?![\d.])")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_CLAUSE = re.compile(r"(?<=[،.])\s+")
# small Idlib episodes share a clause pool with a larger one
TOPIC_OF = {"tf": "sq", "ds": "sq", "ss": "bl"}
WORD_NOISE = 0.2  # share of words replaced by another word of the topic (breaks shingles)

OUTLET_A = ["موقع", "صحيفة", "شبكة", "وكالة", "بوابة", "نشرة", "إذاعة", "منصة", "مرصد", "قناة"]
OUTLET_B = ["الأفق", "الوادي", "النهار الجديد", "الجبل", "السهول", "المدينة", "البوصلة", "الشروق",
            "الضفاف", "المنارة الجديدة", "الأطلس", "الريف", "البحر", "الغيمة", "الجسور", "النخبة",
            "الأمل", "الفجر", "السنابل", "الحدث", "الميادين الحرة", "القلعة", "الزيتونة", "الرمال",
            "الينابيع", "الأرض", "المرايا", "القافلة", "الواحات", "الشمس"]
NAV = ["الرئيسية | أخبار | سياسة | اقتصاد | رياضة", "محليات | عربي ودولي | تقارير | رأي",
       "أخبار عاجلة | فيديو | صور | منوعات", "الصفحة الأولى | العالم | صحة | تكنولوجيا"]
TAIL = ["جميع الحقوق محفوظة", "تابعونا على تلغرام وتويتر", "شارك الخبر: فيسبوك | تويتر | واتساب",
        "اشترك في النشرة البريدية", "التعليقات (0)", "الأكثر قراءة",
        "اقرأ أيضا: أسعار العملات في السوق اليوم"]


# -- synthesis -------------------------------------------------------------------------------
def load_topics() -> dict[str, list[str]]:
    """Clauses of the corpus pages, grouped by topic (the story id prefix: sq, bl, mc, ly…)."""
    topics: dict[str, list[str]] = {}
    for line in FEED.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        topic = TOPIC_OF.get(item["id"].split("-")[0], item["id"].split("-")[0])
        for para in item["text"].split("\n\n")[1:-1] or item["text"].split("\n\n"):
            for clause in _CLAUSE.split(para.strip()):
                clause = clause.strip().rstrip("،.")
                if len(clause.split()) >= 5:
                    topics.setdefault(topic, []).append(clause)
    return topics


def _vary_numbers(text: str, rng: random.Random, year: int) -> str:
    text = _YEAR.sub(lambda m: str(year - rng.randint(0, 3) if m.group(0) != "2020" else year),
                     text)
    return _NUM.sub(lambda m: str(max(1, int(m.group(0)) + rng.randint(-3, 9)))
                    if len(m.group(0)) < 4 else m.group(0), text)


def _noisy(clause: str, rng: random.Random, vocab: list[str]) -> str:
    """Replace a share of the words with other words of the topic, so that two pages that
    reuse a clause share few word 4-shingles (real pages on one topic rarely share more)."""
    return " ".join(rng.choice(vocab) if rng.random() < WORD_NOISE else w
                    for w in clause.split())


def _paragraph(rng: random.Random, clauses: list[str], vocab: list[str], year: int) -> str:
    k = rng.randint(2, 3)
    parts = [_vary_numbers(_noisy(c, rng, vocab), rng, year)
             for c in rng.sample(clauses, k=min(k, len(clauses)))]
    return "، ".join(parts) + "."


def synthesize(n: int, seed: int = 11) -> list[dict[str, Any]]:
    """n pages (dicts: outlet, published, title, text, url) in date order."""
    rng = random.Random(seed)
    topics = load_topics()
    names = sorted(topics)
    vocab = {t: sorted({w for c in cl for w in c.split() if len(w) > 2}) for t, cl in topics.items()}
    outlets = [f"{a} {b}" for a in OUTLET_A for b in OUTLET_B]
    rng.shuffle(outlets)
    start, span = dt.date(1990, 1, 1), (dt.date(2025, 12, 31) - dt.date(1990, 1, 1)).days
    pages: list[dict[str, Any]] = []
    story = 0
    while len(pages) < n:
        story += 1
        topic = names[story % len(names)]
        day0 = start + dt.timedelta(days=rng.randrange(span))
        size = min(n - len(pages), max(1, int(rng.paretovariate(1.3))) if rng.random() < 0.5
                   else rng.randint(1, 12), 30)
        mine: list[dict[str, Any]] = []
        for _ in range(size):
            day = day0 + dt.timedelta(days=rng.randint(0, 3))
            copy_of = None
            if mine and rng.random() < 0.16:  # ~8% of pages overall: a republished copy
                src = rng.choice(mine)
                copy_of = src["key"]
                paras = src["paras"][:-1] if rng.random() < 0.5 else list(src["paras"])
                title = src["title"] + " (محدث)"
            else:
                paras = [_paragraph(rng, topics[topic], vocab[topic], day.year)
                         for _ in range(rng.randint(4, 6))]
                title = " ".join(paras[0].split()[:rng.randint(7, 11)])
            outlet = rng.choice(outlets)
            text = "\n".join([outlet, rng.choice(NAV), "", "\n\n".join(paras), "",
                              *rng.sample(TAIL, k=3), f"© {outlet}"])
            mine.append({"outlet": outlet, "published": day.isoformat(), "title": title,
                         "paras": paras, "text": text, "story": story, "topic": topic,
                         "key": f"{story}:{len(mine)}",
                         "copy_of": (src.get("copy_of") or copy_of) if copy_of else None})
        pages.extend(mine)
    pages.sort(key=lambda p: p["published"])
    ids: dict[str, str] = {}
    for i, p in enumerate(pages):
        p["url"] = f"https://synth-{i % 300}.example/{p['published']}/{i}"
        p["id"] = ids[p["key"]] = f"synth-{i}"
    for p in pages:  # copies point at the original page (its id), as the gold would
        p["copy_of"] = ids[p["copy_of"]] if p["copy_of"] else None
    return pages


def _dedup_quality(store: Any, pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Near-duplicate precision/recall on pairs: synthesized copies vs what the store folded."""
    ext = {r[0]: r[1] for r in store.db.execute("SELECT id, external_id FROM documents")}
    pred = {ext[i]: ext.get(d) for i, d in store.db.execute(
        "SELECT id, duplicate_of FROM documents")}
    gold = {p["id"]: p["copy_of"] for p in pages if p["id"] in pred}  # what was ingested
    gold = {k: (v if v in gold else None) for k, v in gold.items()}

    def pairs(links: dict[str, str | None]) -> set[frozenset[str]]:
        root: dict[str, str] = {}

        def find(x: str) -> str:
            while root.get(x, x) != x:
                x = root[x]
            return x

        for k, v in links.items():
            if v:
                root[find(k)] = find(v)
        groups: dict[str, list[str]] = {}
        for k in links:
            groups.setdefault(find(k), []).append(k)
        return {frozenset((a, b)) for g in groups.values() for i, a in enumerate(g)
                for b in g[i + 1:]}

    gp, pp = pairs(gold), pairs(pred)
    tp = len(gp & pp)
    return {"gold_pairs": len(gp), "pred_pairs": len(pp), "true_pairs": tp,
            "precision": round(tp / len(pp), 4) if pp else 1.0,
            "recall": round(tp / len(gp), 4) if gp else 1.0}


def _clustering_quality(store: Any, pages: list[dict[str, Any]]) -> dict[str, Any]:
    """Pairwise precision/recall of the engine's stories against the synthetic stories (a
    topic and a few days). Other synthetic stories of the same topic a few days apart may
    rightly merge, so precision here is a lower bound; the point is how it moves with size."""
    from collections import Counter
    from math import comb

    story_of = {p["id"]: p["story"] for p in pages}
    pred = {r[0]: r[1] for r in store.db.execute("SELECT external_id, story_id FROM documents")}
    cells = Counter((pred[i], story_of[i]) for i in pred if i in story_of)
    a = Counter(pred[i] for i in pred if i in story_of)
    b = Counter(story_of[i] for i in pred if i in story_of)
    tp = sum(comb(v, 2) for v in cells.values())
    pp, gp = sum(comb(v, 2) for v in a.values()), sum(comb(v, 2) for v in b.values())
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "pred_stories": len(a), "synthetic_stories": len(b),
            "largest_pred_story": max(a.values()) if a else 0}


# -- instrumentation -------------------------------------------------------------------------
class Timers:
    """CPU time spent in each stage, by patching the stage entry points (no source change).
    CPU time, not wall time: other processes on a shared machine do not bend the curve."""

    def __init__(self) -> None:
        self.t: dict[str, float] = {"extract": 0.0, "assign": 0.0, "merge": 0.0, "store": 0.0,
                                    "commit": 0.0}

    def wrap(self, owner: Any, attr: str, key: str) -> None:
        fn = getattr(owner, attr)

        def timed(*a: Any, **k: Any) -> Any:
            t0 = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                self.t[key] += time.process_time() - t0

        setattr(owner, attr, timed)

    def snapshot(self) -> dict[str, float]:
        return dict(self.t)


class SqlTimer:
    """Stands in for the store's sqlite3 connection and adds up the CPU time of each kind of
    statement (verb and table) and of commits: which B-trees grow dear as the database grows."""

    def __init__(self, db: Any, commits: dict[str, float], detail: bool) -> None:
        self._db = db
        self.t: dict[str, float] = {}
        self.commits = commits  # the "commit" stage of Timers: ingest commits once per batch
        self.detail = detail

    @staticmethod
    def _key(sql: str) -> str:
        w = re.sub(r"\s+", " ", sql).strip().split(" ")
        verb = w[0].upper()
        for kw in ("INTO", "FROM", "UPDATE"):
            if kw in (x.upper() for x in w[:6]):
                i = [x.upper() for x in w].index(kw)
                return f"{verb} {w[i + 1] if kw != 'UPDATE' else w[1]}"
        return verb

    def _timed(self, key: str, fn: Any, *a: Any) -> Any:
        t0 = time.process_time()
        try:
            return fn(*a)
        finally:
            self.t[key] = self.t.get(key, 0.0) + time.process_time() - t0

    def execute(self, sql: str, *a: Any) -> Any:
        if not self.detail:
            return self._db.execute(sql, *a)
        return self._timed(self._key(sql), self._db.execute, sql, *a)

    def executemany(self, sql: str, *a: Any) -> Any:
        if not self.detail:
            return self._db.executemany(sql, *a)
        return self._timed(self._key(sql), self._db.executemany, sql, *a)

    def commit(self) -> None:
        self._commit(self._db.commit)

    def __enter__(self) -> Any:
        return self._db.__enter__()

    def __exit__(self, *exc: Any) -> Any:
        return self._commit(self._db.__exit__, *exc)

    def _commit(self, fn: Any, *a: Any) -> Any:
        t0 = time.process_time()
        try:
            return fn(*a)
        finally:
            self.commits["commit"] += time.process_time() - t0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)

    def snapshot(self) -> dict[str, float]:
        return dict(self.t)


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return 0.0


def measure(n: int, max_minutes: float, profile: bool, cache_mb: int,
            sql: bool = False, wal_pages: int = 1000, keep_db: Path | None = None
            ) -> dict[str, Any]:
    import rasad.pipeline
    from rasad.config import Config
    from rasad.ingest import ingest
    from rasad.records import RawInput
    from rasad.store import Store
    from rasad.stories import StoryEngine

    pages = synthesize(n)
    raws = [RawInput(source=f"synth:{p['id']}", external_id=p["id"], kind="text",
                     content=p["text"], url=p["url"], outlet=p["outlet"], title=p["title"],
                     published=p["published"]) for p in pages]
    true_copies = sum(1 for p in pages if p["copy_of"])
    timers = Timers()
    timers.wrap(rasad.pipeline, "extract", "extract")
    timers.wrap(StoryEngine, "assign", "assign")
    timers.wrap(StoryEngine, "merge_events", "merge")
    timers.wrap(Store, "save_extraction", "store")
    cand = {"calls": 0, "capped": 0, "total": 0}
    story_candidates = Store.story_candidates

    def counted(self: Any, *args: Any, **kwargs: Any) -> list[str]:
        out: list[str] = story_candidates(self, *args, **kwargs)
        cand["calls"] += 1
        cand["total"] += len(out)
        cand["capped"] += len(out) >= 200
        return out

    Store.story_candidates = counted  # type: ignore[method-assign]
    # warm-up outside the timing: dictionaries, lexicons, gazetteer
    list(rasad.pipeline.run(raws[:2]))
    timers.t.update(dict.fromkeys(timers.t, 0.0))

    # ingest assigns pages in batches (publication order within a batch): measure whole batches
    batch = max(1, int(getattr(Config(), "ingest_batch", 1)))
    step = max(batch, (n // 100) // batch * batch)  # the curve: about one point per hundredth
    tenth = max(batch, (n // 10) // batch * batch)  # printed: about one line per tenth
    marks: list[dict[str, Any]] = []  # tenths (printed)
    curve: list[dict[str, Any]] = []  # hundredths
    prof = cProfile.Profile() if profile else None
    sqlt = SqlTimer(None, timers.t, detail=sql)
    budget = max_minutes * 60
    state: dict[str, Any] = {"t0": 0.0, "stopped": False, "profiling": False}
    last: dict[str, dict[str, Any]] = {}

    def feed() -> Iterator[RawInput]:
        t0, c0 = time.perf_counter(), time.process_time()
        state["t0"], state["c0"] = t0, c0
        for key in ("tenth", "curve"):
            last[key] = {"i": 0, "t": t0, "c": c0, "stages": timers.snapshot(), **cand}
        for i, raw in enumerate(raws):
            if i and i % tenth == 0:
                marks.append({"tenth": len(marks) + 1, **_interval("tenth", i)})
                print(json.dumps(marks[-1], ensure_ascii=False), flush=True)
            if i and i % step == 0:
                curve.append(_interval("curve", i))
                elapsed = time.perf_counter() - t0
                if prof is not None and not state["profiling"] and (
                        i >= n - tenth or elapsed > 0.85 * budget):
                    prof.enable()  # profile the end of the run: the largest database
                    state["profiling"] = True
                if elapsed > budget:
                    state["stopped"] = True
                    print(json.dumps({"stopped_at": i, "elapsed_s": round(elapsed, 1),
                                      "last_point": curve[-1]}, ensure_ascii=False), flush=True)
                    return
            yield raw

    def _interval(key: str, i: int) -> dict[str, Any]:
        now, cpu = time.perf_counter(), time.process_time()
        cur = timers.snapshot()
        prev = last[key]
        done = max(i - prev["i"], 1)
        row: dict[str, Any] = {"pages_done": i,
                               "pages_per_s": round(done / max(now - prev["t"], 1e-9), 1),
                               "pages_per_cpu_s": round(done / max(cpu - prev["c"], 1e-9), 1),
                               "elapsed_s": round(now - state["t0"], 1),
                               "rss_mb": round(_rss_mb(), 1)}
        for k in cur:
            row[f"{k}_ms_per_page"] = round(1000 * (cur[k] - prev["stages"][k]) / done, 2)
        row["other_ms_per_page"] = round(1000 * (cpu - prev["c"]) / done - sum(
            row[f"{k}_ms_per_page"] for k in cur), 2)
        calls = cand["calls"] - prev.get("calls", 0)
        if calls:
            row["story_candidates_mean"] = round((cand["total"] - prev.get("total", 0)) / calls, 1)
            row["story_candidates_capped_share"] = round(
                (cand["capped"] - prev.get("capped", 0)) / calls, 3)
        if sql:
            now_sql = sqlt.snapshot()
            before = prev.get("sql", {})
            row["sql_ms_per_page"] = dict(sorted(
                ((k, round(1000 * (v - before.get(k, 0.0)) / done, 3))
                 for k, v in now_sql.items()), key=lambda kv: -kv[1])[:12])
            cur_sql = now_sql
        else:
            cur_sql = {}
        if state["profiling"]:
            row["profiled"] = True  # cProfile was on: these numbers are inflated
        last[key] = {"i": i, "t": now, "c": cpu, "stages": cur, "sql": cur_sql, **cand}
        return row

    with tempfile.TemporaryDirectory(prefix="rasad-bench-stories-") as tmp:
        store = Store(Path(tmp) / "bench.db", cache_mb=cache_mb, wal_pages=wal_pages)
        sqlt._db = store.db
        store.db = sqlt  # type: ignore[assignment]
        try:
            summary = ingest(feed(), store)
            if not state["stopped"]:
                curve.append(_interval("curve", n))
                marks.append({"tenth": len(marks) + 1, **_interval("tenth", n)})
                print(json.dumps(marks[-1], ensure_ascii=False), flush=True)
            if prof is not None:
                prof.disable()
            counts = store.counts()
            dedup = _dedup_quality(store, pages)
            clustering = _clustering_quality(store, pages)
        finally:
            store.db = sqlt._db
            store.close()
        db_mb = sum(f.stat().st_size for f in Path(tmp).iterdir()) / 2**20
        if keep_db is not None:
            shutil.copyfile(Path(tmp) / "bench.db", keep_db)
    wall = time.perf_counter() - state["t0"]
    cpu_total = time.process_time() - state["c0"]
    rates = [m["pages_per_cpu_s"] for m in marks]
    out: dict[str, Any] = {
        "pages": n, "sqlite_cache_mb": cache_mb, "wal_autocheckpoint_pages": wal_pages, "ingested": summary.inputs, "stopped_early": state["stopped"],
        "wall_s": round(wall, 1), "cpu_s": round(cpu_total, 1),
        "pages_per_s": round(summary.inputs / wall, 1),
        "pages_per_cpu_s": round(summary.inputs / cpu_total, 1),
        "first_tenth_pages_per_cpu_s": rates[0] if rates else None,
        "last_tenth_pages_per_cpu_s": rates[-1] if rates else None,
        "last_over_first": round(rates[-1] / rates[0], 3) if len(rates) > 1 else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "db_mb": round(db_mb, 1), "documents": counts["documents"],
        "duplicates_found": counts["duplicates"], "copies_synthesized": true_copies,
        "dedup_pairs": dedup, "clustering_vs_synthetic_stories": clustering,
        "stories": counts["stories"], "story_events": counts["story_events"],
        "events": counts["events"], "rejected": summary.rejected, "tenths": marks,
        "curve": curve,
    }
    if prof is not None and state["profiling"]:
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(35)
        out["profile_end_of_run"] = buf.getvalue()
        print(buf.getvalue())
    return out


# -- driver ----------------------------------------------------------------------------------
def main() -> int:
    from rasad.config import Config

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000",
                    help="comma-separated page counts (each runs in its own process)")
    ap.add_argument("--max-minutes", type=float, default=40.0,
                    help="stop feeding pages after this long (per size)")
    ap.add_argument("--profile", action="store_true",
                    help="cProfile the end of each run: the last tenth, or the last 15%% of "
                         "the time budget when the run is stopped early")
    ap.add_argument("--cache-mb", type=int, default=Config().sqlite_cache_mb,
                    help="SQLite page cache of the store (Config.sqlite_cache_mb)")
    ap.add_argument("--sql", action="store_true",
                    help="time each kind of SQL statement (verb and table) and the commits; "
                         "printed per tenth as sql_ms_per_page")
    ap.add_argument("--wal-pages", type=int, default=Config().sqlite_wal_pages,
                    help="WAL auto-checkpoint, in pages (Config.sqlite_wal_pages)")
    ap.add_argument("--keep-db", type=Path, help="copy the database here at the end (one size)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size
    args = ap.parse_args()
    if args.one:
        print("RESULT " + json.dumps(measure(args.one, args.max_minutes, args.profile,
                                             args.cache_mb, args.sql, args.wal_pages,
                                             args.keep_db), ensure_ascii=False), flush=True)
        return 0
    results = []
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        print(f"== {n} pages", flush=True)
        cmd = [sys.executable, __file__, "--one", str(n), "--max-minutes", str(args.max_minutes),
               "--cache-mb", str(args.cache_mb)]
        if args.profile:
            cmd.append("--profile")
        if args.sql:
            cmd.append("--sql")
        cmd += ["--wal-pages", str(args.wal_pages)]
        if args.keep_db:
            cmd += ["--keep-db", str(args.keep_db)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        res = None
        for line in proc.stdout:
            if line.startswith("RESULT "):
                res = json.loads(line[7:])
            else:
                print(line, end="", flush=True)
        if proc.wait() != 0 or res is None:
            print(f"size {n} failed", file=sys.stderr)
            return 1
        results.append(res)
        print(f"-> {res['pages_per_cpu_s']} pages/CPU-s ({res['pages_per_s']} pages/s wall), "
              f"last/first tenth "
              f"{res['last_over_first']}, peak RSS {res['peak_rss_mb']} MB, "
              f"{res['duplicates_found']} duplicates found / {res['copies_synthesized']} copies, "
              f"{res['stories']} stories", flush=True)
    prev: dict[str, Any] = {}
    if args.out.exists():
        prev = json.loads(args.out.read_text(encoding="utf-8"))
    merged = {r["pages"]: r for r in prev.get("results", [])}
    merged.update({r["pages"]: r for r in results})
    doc = {"benchmark": "rasad.ingest.ingest on synthesized pages (extract + duplicates + "
                        "stories + event merging + SQLite store), single process",
           "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                       "system": platform.platform()},
           "date": dt.date.today().isoformat(),
           "results": [merged[k] for k in sorted(merged)]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
