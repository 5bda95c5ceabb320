"""Load benchmark of the API: p50/p99 latency of /api/events and /api/timeline at 1 and 16 clients.

    python benchmarks/api_load.py [--events 100000] [--requests 400] [--store /tmp/bench.duckdb]

Builds a store from the demo corpus (``tidings.serve.demo.build_store``), multiplies its events in SQL with
shifted dates and new ids until it holds ``--events`` rows, starts ``tidings serve`` on 127.0.0.1 in a
subprocess, and measures with httpx clients (one thread each).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx

ROOT = Path(__file__).resolve().parents[1]
QUERIES = {
    "events: newest 50": ("/api/events", {"limit": "50"}),
    "events: actor + quad": ("/api/events", {"actor": "USA", "quad": "4", "limit": "50"}),
    "events: date range + factuality": ("/api/events", {"since": "2021-01-01", "until": "2021-12-31",
                                                       "factuality": "reported", "limit": "50"}),
    "events: text search": ("/api/events", {"q": "sanctions", "limit": "50"}),
    "timeline: week by quad": ("/api/timeline", {"interval": "week"}),
    "timeline: month, actor": ("/api/timeline", {"interval": "month", "actor": "RUS*"}),
}


def build(path: Path, target: int) -> int:
    from tidings.serve.demo import build_store

    build_store(path, [str(ROOT / "demo")], published=dt.date(2020, 4, 12))
    con = duckdb.connect(str(path))
    base = (con.execute("SELECT count(*) FROM events").fetchone() or (1,))[0]
    copies = -(-target // base) - 1
    con.execute("BEGIN")
    con.execute("CREATE TEMP TABLE k AS SELECT range AS k FROM range(1, ?)", [copies + 1])
    cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'events' ORDER BY ordinal_position").fetchall()]
    shift = "e.date - CAST((k.k * 7) % 1825 AS INTEGER)"  # up to five years back, a week per copy
    select = ", ".join("e.id || '-' || k.k" if c == "id" else shift if c == "date" else f"e.{c}"
                       for c in cols)
    con.execute(f"INSERT INTO events SELECT {select} FROM events e, k")
    con.execute("INSERT INTO mentions SELECT e.id, e.article_id, true FROM events e "
                "WHERE e.id NOT IN (SELECT event_id FROM mentions)")
    con.execute("COMMIT")
    total = (con.execute("SELECT count(*) FROM events").fetchone() or (0,))[0]
    con.close()
    return int(total)


def measure(base: str, path: str, params: dict[str, str], clients: int, requests: int) -> list[float]:
    times: list[float] = []
    lock = threading.Lock()
    per = max(1, requests // clients)

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as c:
            c.get(path, params=params).raise_for_status()  # warm the connection
            mine = []
            for _ in range(per):
                t = time.perf_counter()
                c.get(path, params=params).raise_for_status()
                mine.append((time.perf_counter() - t) * 1000)
            with lock:
                times.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=400, help="requests per query and concurrency level")
    ap.add_argument("--store", type=Path, default=Path("/tmp/tidings-bench.duckdb"))
    ap.add_argument("--workers", type=int, default=8, help="server reader threads")
    args = ap.parse_args()
    total = build(args.store, args.events)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-c",
                               "import sys, typer; from tidings.serve.cli import serve_command; "
                               "typer.run(serve_command)",
                               "--db", str(args.store), "--port", str(port), "--workers", str(args.workers)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/api", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        print(f"{total:,} events; {os.cpu_count()} CPUs (nproc); {args.requests} requests per row; "
              f"server reader threads {args.workers}")
        print("| query | clients | p50 ms | p99 ms | req/s |\n|---|---|---|---|---|")
        for name, (path, params) in QUERIES.items():
            for clients in (1, 16):
                start = time.perf_counter()
                times = measure(base, path, params, clients, args.requests)
                rate = len(times) / (time.perf_counter() - start)
                print(f"| {name} | {clients} | {pct(times, 50):.1f} | {pct(times, 99):.1f} | {rate:.0f} |",
                      flush=True)
    finally:
        server.terminate()
        server.wait(10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
