"""Ingest throughput (articles/s) with 1 and 2 workers, and the store size per 1,000 events.

The corpus is the demo corpus's coded articles, repeated with a numbered sentence added so that every copy is
a new article (neither an exact nor a near duplicate would be coded). Run: ``.venv/bin/python
benchmarks/ingest.py [N_ARTICLES]``; prints the figures and ``nproc``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from tidings.ingest import Document, read_paths
from tidings.ingest.runner import IngestOptions, ingest
from tidings.store import Store

DEMO = Path(__file__).resolve().parents[1] / "demo"


def corpus(folder: Path, n: int) -> Path:
    docs = [d for d in read_paths([str(DEMO)])
            if isinstance(d, Document) and (d.language or "en")[:2] == "en"]
    out = folder / "corpus.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            d = docs[i % len(docs)]
            # a distinct opening and closing make each copy a new article for the duplicate checks
            text = (f"Report {i} of the benchmark series, filed from desk number {i * 7 % 97}.\n\n"
                    f"{d.text}\n\n"
                    + " ".join(f"Archive note {i}-{k}: item {i * k} was catalogued." for k in range(12)))
            fh.write(json.dumps({"id": f"b{i}", "text": text, "published": "2024-01-01"}) + "\n")
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    print(f"nproc: {os.cpu_count()}  articles: {n}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = corpus(folder, n)
        for workers in (1, 2):
            db = folder / f"w{workers}.duckdb"
            start = time.perf_counter()
            with Store.open(db) as store:
                stats = ingest(store, [str(path)], IngestOptions(published=dt.date(2024, 1, 1),
                                                                 workers=workers, batch=32))
            wall = time.perf_counter() - start
            size = db.stat().st_size + sum(p.stat().st_size for p in folder.glob(f"w{workers}.duckdb.wal"))
            print(f"workers={workers}: {stats.articles} articles, {stats.events} events, "
                  f"{stats.rate:.1f} articles/s coding+writing ({wall:.1f} s wall with model loading), "
                  f"store {size / 1e6:.2f} MB = {size / max(1, stats.events) * 1000 / 1e6:.2f} MB "
                  f"per 1,000 events (articles' text included)")


if __name__ == "__main__":
    main()
