"""`make bench`: throughput and peak memory of the whole extract pipeline.

Pages are synthesized from the demo corpus (paragraphs reshuffled across pages, numbers
and boilerplate varied) so that no two pages are identical. The run is single-process:
pages per second here is pages per second per core. Results go to stdout and to
bench/results/extract.json with the machine they came from.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rasad.pipeline import run  # noqa: E402
from rasad.read import iter_inputs  # noqa: E402
from rasad.records import Extraction, RawInput  # noqa: E402


def corpus_pages() -> list[RawInput]:
    demo = ROOT / "demo" / "corpus"
    out = []
    for item in iter_inputs([str(demo / "text"), str(demo / "feed.jsonl")]):
        if isinstance(item, RawInput) and item.kind == "text":
            out.append(item)
    return out


def synthesize(n: int, seed: int = 7) -> list[RawInput]:
    """n pages of about 3 KB built from demo paragraphs and boilerplate lines."""
    rng = random.Random(seed)
    base = corpus_pages()
    paras = [p for r in base for p in r.content.split("\n") if len(p) > 120]
    boiler = [p for r in base for p in r.content.split("\n") if 0 < len(p.strip()) < 60]
    pages = []
    for i in range(n):
        body: list[str] = []
        while sum(len(p) for p in body) < 1150:
            p = rng.choice(paras)
            body.append(p.replace("33", str(rng.randint(2, 60))))
        head = rng.sample(boiler, k=min(4, len(boiler)))
        tail = rng.sample(boiler, k=min(5, len(boiler)))
        text = "\n".join([*head, f"عنوان تجريبي رقم {i}", *body, "التعليقات", *tail])
        pages.append(RawInput(source=f"synth:{i}", external_id=f"synth:{i}", kind="text",
                              content=text, published=f"2020-0{1 + i % 9}-1{i % 10}"))
    return pages


def measure(n: int) -> dict[str, float]:
    pages = synthesize(n)
    chars = sum(len(p.content.encode()) for p in pages)
    # warm-up: load dictionaries and lexicons once, outside the timing
    list(run(pages[:3]))
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    docs = events = 0
    for x in run(pages):
        if isinstance(x, Extraction):
            docs += 1
            events += len(x.events)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    return {"pages": n, "documents": docs, "events": events,
            "avg_page_bytes": round(chars / n), "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2), "pages_per_s_per_core": round(n / cpu, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "extract.json"))
    args = ap.parse_args()
    results = [measure(int(s)) for s in args.sizes.split(",")]
    machine = {"python": platform.python_version(), "machine": platform.machine(),
               "processor": platform.processor() or platform.machine(),
               "cpus": os.cpu_count(), "system": platform.platform()}
    report = {"benchmark": "extract pipeline (clean→events), single process",
              "machine": machine, "results": results,
              "date": time.strftime("%Y-%m-%d")}
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"{'pages':>7} {'pages/s/core':>13} {'peak RSS MB':>12} {'avg bytes':>10}")
    for r in results:
        print(f"{r['pages']:>7} {r['pages_per_s_per_core']:>13} {r['peak_rss_mb']:>12} "
              f"{r['avg_page_bytes']:>10}")
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
