"""Scaling: articles/s with 1 process, with `--workers 2` (a process pool on one machine) and with a 2-worker
Dask LocalCluster, on the same corpus; speed-up, efficiency and peak RSS per worker.

    .venv/bin/python benchmarks/scaling.py [--articles 500] [--workers 2] [--json build/scaling.json]

The corpus is the benchmark corpus of ``benchmarks/throughput.py`` (Giveme5W1H news in ../shared when
present, plus the demo wire), repeated to N articles, each copy made distinct (a line naming its copy number
is added, so nothing is an exact duplicate) and near-duplicate detection is switched off, so that every
article is coded by every engine. Each engine runs in a fresh subprocess writing a fresh store; timings
include starting the workers and loading the model in them, as a user would see them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def make_corpus(n: int, path: Path) -> None:
    from throughput import corpus

    docs = corpus(n)
    with path.open("w", encoding="utf-8") as out:
        for i, doc in enumerate(docs):
            doc["text"] = f"{doc['text']}\n\n(Copy {i} of the benchmark corpus.)"
            out.write(json.dumps(doc) + "\n")


def run_engine(engine: str, corpus: str, workers: int) -> dict[str, object]:
    from tidings.ingest.dedup import NearDuplicates
    from tidings.ingest.runner import IngestOptions, ingest
    from tidings.store import Store

    NearDuplicates.match = lambda self, mh: None  # type: ignore[method-assign,assignment]  # code every copy
    options = IngestOptions(workers=workers if engine == "pool" else 1)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        start = time.perf_counter()
        rss: dict[str, float] = {}
        if engine == "dask":
            from tidings.scale import run_dask

            summary = run_dask([corpus], local_workers=workers, db=db, options=options, progress=False,
                               partition_size=25)
            rss = summary.peak_rss_mb
            articles = summary.load.articles if summary.load else 0
            events = summary.load.events if summary.load else 0
        else:
            with Store.open(db) as store:
                stats = ingest(store, [corpus], options)
            articles, events = stats.articles, stats.events
            if engine == "pool":
                children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
                rss = {"largest pool worker": round(children, 1)}
            else:
                rss = {"process": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
        seconds = time.perf_counter() - start
    return {"engine": engine, "workers": workers if engine != "single" else 1, "articles": articles,
            "events": events, "seconds": round(seconds, 2), "articles_per_s": round(articles / seconds, 2),
            "peak_rss_mb": rss}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", help="also write the results to this file")
    ap.add_argument("--engine", choices=["single", "pool", "dask"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.engine:
        print(json.dumps(run_engine(args.engine, args.corpus, args.workers)))
        return
    build = ROOT / "build"
    build.mkdir(exist_ok=True)
    corpus = build / f"scaling-corpus-{args.articles}.jsonl"
    make_corpus(args.articles, corpus)
    results = []
    for engine in ("single", "pool", "dask"):
        out = subprocess.run([sys.executable, __file__, "--engine", engine, "--corpus", str(corpus),
                              "--workers", str(args.workers)], check=True, capture_output=True, text=True,
                             cwd=ROOT).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    base = results[0]["articles_per_s"]
    assert isinstance(base, float)
    print(f"\nnproc={os.cpu_count()}  corpus={args.articles} articles\n")
    print(f"{'engine':<22}{'articles/s':>12}{'speed-up':>10}{'efficiency':>12}  peak RSS per worker (MB)")
    for r in results:
        rate = r["articles_per_s"]
        assert isinstance(rate, float)
        n = int(str(r["workers"]))
        speed = rate / base
        rss = r["peak_rss_mb"]
        assert isinstance(rss, dict)
        names = {"single": "1 process", "pool": f"--workers {n}", "dask": f"Dask LocalCluster {n}"}
        name = names[str(r["engine"])]
        print(f"{name:<22}{rate:>12.2f}{speed:>10.2f}{speed / n:>12.0%}  "
              + ", ".join(f"{v:.0f}" for v in rss.values()))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
