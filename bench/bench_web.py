"""Story page latency of the web UI with 100,000 events in the database.

The database is synthesized through the store (``Store.save_extraction``) rather than by
running the NLP pipeline 100,000 times: 20,000 pages in 2,000 stories, five event mentions
a page, merged into story events with figures that disagree across outlets, real actor and
place ids from the dictionaries. One heavy story has 200 pages and 1,000 mentions.

``rasad serve`` runs in a subprocess on 127.0.0.1 and story pages are fetched over HTTP
(one keep-alive connection, one request at a time): every story of a random sample once
(cold: its map is drawn for the first time), then the sample again (warm), then the heavy
story. Results go to stdout and bench/results/web.json.

    python bench/bench_web.py [--events 100000] [--requests 300] [--db PATH]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rasad.records import (  # noqa: E402
    ActorRef,
    Document,
    Event,
    Extraction,
    Figure,
    PlaceRef,
    Quote,
    Timex,
)
from rasad.store import Store  # noqa: E402

TYPES = ("ASSAULT", "ASSAULT", "ASSAULT", "CONSULT", "AGREE", "ACCUSE", "THREATEN",
         "COOPERATE", "MOBILIZE", "REQUEST", "RETREAT", "AID")
ACTORS = ("RUSGOV", "TURGOV", "SYRGOV", "SYRMIL", "TURMIL", "RUSMIL", "vladimir-putin",
          "recep-tayyip-erdogan", "bashar-al-assad", "IRNGOV", "USAGOV", "UN")
PLACES = ("idlib", "saraqib", "aleppo", "hama", "latakia", "maarat-al-numan", "taftanaz",
          "jisr-al-shughur", "ariha", "kafr-nubl", "m4-highway", "hmeimim-air-base",
          "ankara", "moscow", "damascus", "sochi", "idlib-governorate", "balyun")
OUTLETS = ("وكالة الفرات", "صحيفة الميدان", "الشاهد برس", "الشرق اليوم", "مدار الأخبار",
           "جسر الأناضول", "نافذة المشرق", "وكالة البادية", "صحيفة الساعة", "أفق نيوز")
SENTENCE = ("قصفت قوات النظام السوري مواقع في ريف إدلب الجنوبي، اليوم الاثنين، ما أدى إلى "
            "مقتل {n} جنود أتراك ومدني، بحسب ما أعلنت وزارة الدفاع التركية في بيان.")
FILLER = ("وقال المتحدث باسم الكرملين إن موسكو وأنقرة تواصلان المشاورات بشأن الوضع في "
          "محافظة إدلب، مؤكدا أن الاتفاقات السابقة ما زالت سارية. ")


def _refs() -> tuple[dict[str, ActorRef], dict[str, PlaceRef]]:
    from rasad.actors import load_gazetteer

    g = load_gazetteer()
    actors = {}
    for a in ACTORS:
        e = g.actors.get(a)
        actors[a] = ActorRef(text=e.name_ar if e else a, start=0, end=1, id=a,
                             name=e.name if e else a, country=e.country if e else None,
                             kind=e.kind if e else "organization")
    places = {}
    for p in PLACES:
        pe = g.places.get(p)
        if pe is None or pe.lat is None:
            continue
        places[p] = PlaceRef(text=pe.name_ar, start=0, end=1, id=p, name=pe.name,
                             country=pe.country, lat=pe.lat, lon=pe.lon, place_kind=pe.kind)
    return actors, places


def synthesize(db_path: Path, n_events: int, seed: int = 11) -> dict[str, Any]:
    """Fill a new database with about n_events event mentions; return what was made."""
    rng = random.Random(seed)
    actors, places = _refs()
    place_ids = list(places)
    per_doc = 5
    n_docs = n_events // per_doc
    heavy_docs = min(200, n_docs // 10)
    docs_per_story = 10
    n_stories = 1 + (n_docs - heavy_docs) // docs_per_story
    t0 = time.perf_counter()
    made = 0
    with Store(db_path) as st:
        doc_no = 0
        for s in range(n_stories):
            sid = f"st_bench{s:06d}"
            ndocs = heavy_docs if s == 0 else docs_per_story
            if s == n_stories - 1:
                ndocs = max(1, n_docs - doc_no)
            base_day = 1 + rng.randrange(27)
            month = 1 + rng.randrange(12)
            year = 2017 + rng.randrange(4)
            # the events the story is about; pages mention some of them
            n_real = max(8, ndocs * per_doc // 3)
            local_places = rng.sample(place_ids, k=min(len(place_ids), 3 + rng.randrange(4)))
            real: list[dict[str, Any]] = [{"type": rng.choice(TYPES), "src": rng.choice(ACTORS),
                     "tgt": rng.choice(ACTORS), "place": rng.choice(local_places),
                     "date": f"{year}-{month:02d}-{min(28, base_day + rng.randrange(10)):02d}",
                     "toll": 2 + rng.randrange(30)} for _ in range(n_real)]
            mentions: dict[int, list[tuple[str, str, str, str | None, Figure | None]]] = {}
            doc_ids: list[str] = []
            outlets: set[str] = set()
            for k in range(ndocs):
                doc_id = f"doc_bench{doc_no:07d}"
                doc_no += 1
                outlet = rng.choice(OUTLETS)
                published = real[0]["date"]
                picks = rng.sample(range(n_real), k=min(per_doc, n_real))
                sentences, evs, figs = [], [], []
                text = ""
                for j, r_i in enumerate(picks):
                    r = real[r_i]
                    toll = r["toll"] + rng.choice((0, 0, 0, 1, -1, 3))
                    sent = SENTENCE.format(n=toll)
                    start = len(text)
                    text += sent + "\n" + FILLER * 2 + "\n"
                    sentences.append(sent)
                    eid = f"ev_b{doc_no:07d}{j}"
                    ev = Event(id=eid, doc_id=doc_id, type=r["type"], mode=None,
                               source_actor=actors[r["src"]], target_actor=actors[r["tgt"]],
                               date=r["date"], date_text="اليوم الاثنين",
                               location=places.get(r["place"]), fatalities=None,
                               negated=False, modality="asserted", sentence=sent,
                               span=(start, start + len(sent)), trigger="قصفت",
                               confidence=0.8, story_id=sid)
                    evs.append(ev)
                    fig = None
                    if r["type"] == "ASSAULT":
                        i = sent.index("مقتل")
                        fig = Figure(id=f"fig_b{doc_no:07d}{j}", doc_id=doc_id,
                                     category="killed", quantity=toll, qualifier="exact",
                                     subject="جنود أتراك", date=r["date"],
                                     location=places.get(r["place"]), sentence=sent,
                                     span=(start + i, start + i + 14), event_id=eid,
                                     text=sent[i:i + 14])
                        figs.append(fig)
                    mentions.setdefault(r_i, []).append((eid, doc_id, outlet, published, fig))
                doc = Document(id=doc_id, external_id=f"bench:{doc_no}", url=None,
                               outlet=outlet, title=f"عنوان تجريبي {doc_no} عن إدلب",
                               published=published, published_from="input", language="ar",
                               text=text, source=f"bench:{doc_no}", story_id=sid)
                q0 = len(sentences[0]) + 1
                quote = Quote(id=f"q_b{doc_no:07d}", doc_id=doc_id, speaker=actors["RUSGOV"],
                              text=FILLER.strip(), span=(q0, q0 + len(FILLER) - 1),
                              direct=False)
                tx = Timex(doc_id=doc_id, text="اليوم الاثنين", value=published,
                           span=(40, 53))
                x = Extraction(document=doc, events=evs, quotes=[quote], figures=figs,
                               timexes=[tx])
                doc_ids.append(doc_id)
                outlets.add(outlet)
                last = k == ndocs - 1
                profile = None
                story_events: list[dict[str, Any]] = []
                if last:
                    feats = {f"a:{a}": 1 for a in {r["src"] for r in real}}
                    feats.update({f"p:{p}": 1 for p in local_places})
                    profile = {"id": sid, "features": feats, "doc_ids": doc_ids,
                               "outlets": sorted(outlets), "first_date": real[0]["date"],
                               "last_date": max(r["date"] for r in real),
                               "title": f"قصة تجريبية {s}: قصف وهدنة في إدلب"}
                    for r_i, ms in mentions.items():
                        r = real[r_i]
                        outs = sorted({m[2] for m in ms})
                        loc = places.get(r["place"])
                        story_events.append({
                            "kind": "story_event", "id": f"se_b{s:06d}{r_i:05d}",
                            "story_id": sid, "type": r["type"], "mode": None,
                            "source_actor": actors[r["src"]].to_dict(),
                            "target_actor": actors[r["tgt"]].to_dict(), "date": r["date"],
                            "location": loc.to_dict() if loc else None, "modality": "asserted",
                            "corroboration": len(outs), "outlets": outs,
                            "mention_ids": [m[0] for m in ms],
                            "doc_ids": sorted({m[1] for m in ms}),
                            "figures": [{"category": "killed", "quantity": m[4].quantity,
                                         "qualifier": "exact", "subject": "جنود أتراك",
                                         "outlet": m[2], "published": m[3], "doc_id": m[1]}
                                        for m in ms if m[4] is not None],
                            "sentence": SENTENCE.format(n=r["toll"])})
                st.save_extraction(x, minhash=None, bands=[], story_profile=profile,
                                   story_events=story_events, features=[])
                made += len(evs)
    return {"events": made, "documents": doc_no, "stories": n_stories,
            "heavy_story": "st_bench000000", "heavy_story_docs": heavy_docs,
            "build_seconds": round(time.perf_counter() - t0, 1)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(conn: http.client.HTTPConnection, path: str, marker: bytes = b'id="timeline"'
         ) -> float:
    t = time.perf_counter()
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    dt = (time.perf_counter() - t) * 1000
    if r.status != 200 or marker not in body:
        raise RuntimeError(f"GET {path}: {r.status}")
    return dt


def _stats(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {"n": len(ms), "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1),
            "max_ms": round(ms[-1], 1), "mean_ms": round(statistics.fmean(ms), 1)}


def measure(db: Path, n_requests: int, seed: int = 5) -> dict[str, Any]:
    rng = random.Random(seed)
    with Store(db) as st:
        ids = [r[0] for r in st.db.execute("SELECT id FROM stories ORDER BY id")]
        counts = st.counts()
    sample = rng.sample(ids, k=min(n_requests, len(ids)))
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "rasad", "--db", str(db), "serve",
                             "--host", "127.0.0.1", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("rasad serve did not start") from None
                time.sleep(0.2)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        first = _get(conn, "/story/" + ids[-1])  # dictionaries and borders load here
        time.sleep(1.0)
        cold = [_get(conn, "/story/" + s) for s in sample]
        warm = [_get(conn, "/story/" + s) for s in sample]
        heavy = [_get(conn, "/story/st_bench000000") for _ in range(20)]
        home = [_get(conn, "/", b'id="stories"') for _ in range(10)]
        conn.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()
    allm = cold + warm + heavy
    return {"counts": counts, "first_request_ms": round(first, 1),
            "story_page": _stats(allm), "story_page_cold": _stats(cold),
            "story_page_warm": _stats(warm), "heavy_story_page": _stats(heavy),
            "stories_list": _stats(home)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--db", type=Path, default=None, help="Keep the database here "
                    "(reused if it exists).")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "web.json")
    args = ap.parse_args()
    import tempfile

    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench-web.db"
    built: dict[str, Any] = {}
    if not db.exists():
        built = synthesize(db, args.events)
        print(f"built {built['events']:,} events in {built['documents']:,} pages and "
              f"{built['stories']:,} stories in {built['build_seconds']} s")
    res = measure(db, args.requests)
    res.update({"synthesized": built, "target_p95_ms": 200, "machine": {
        "python": platform.python_version(), "platform": platform.platform(),
        "cpus": os.cpu_count()}})
    sp = res["story_page"]
    print(f"story page ({res['counts']['events']:,} events in the database): "
          f"p50 {sp['p50_ms']} ms, p95 {sp['p95_ms']} ms, max {sp['max_ms']} ms "
          f"over {sp['n']} requests")
    for k in ("story_page_cold", "story_page_warm", "heavy_story_page", "stories_list"):
        v = res[k]
        print(f"  {k:18s} p50 {v['p50_ms']:7.1f}  p95 {v['p95_ms']:7.1f}  max {v['max_ms']:7.1f} ms")
    print("target p95 < 200 ms:", "met" if sp["p95_ms"] < 200 else "MISSED")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n")
    print(f"wrote {args.out}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
