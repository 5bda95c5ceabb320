"""Load benchmark of the API while the store is written: p50/p99 latency per endpoint at N clients, and the
server's memory over time.

    python benchmarks/api_load.py                       # 20,000 events, 16 clients, the watcher writing
    python benchmarks/api_load.py --events 1000000      # the 1M-event run (building the store takes minutes)
    python benchmarks/api_load.py --no-writes --clients 1

Builds a store from the demo corpus (``tidings.serve.demo.build_store``) and multiplies its events (and
their mentions) in SQL with shifted dates and new ids until it holds ``--events`` rows (the store is kept
and reused when it already holds that many). Starts ``tidings serve`` on 127.0.0.1 in a subprocess with
``--rate-limit 0`` (one address makes every request here) and, unless ``--no-writes``, ``--watch-feed`` on a
feed this script serves: the server's watcher fetches and codes ``--pages`` new article pages while the
readers run, through the same writer that ``tidings ingest --db`` hands batches to. Clients are threads
with their own httpx client; each endpoint is measured in turn, all clients at once. Memory is the server
process's RSS (psutil), sampled every second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
QUERIES: dict[str, tuple[str, dict[str, str]]] = {
    "events: newest 50": ("/api/events", {"limit": "50"}),
    "events: page 2 by cursor": ("/api/events", {"limit": "50", "cursor": "@next"}),
    "events: actor + quad": ("/api/events", {"actor": "USA", "quad": "4", "limit": "50"}),
    "events: date range + factuality": ("/api/events", {"since": "2021-01-01", "until": "2021-12-31",
                                                       "factuality": "reported", "limit": "50"}),
    "events: text search": ("/api/events", {"q": "sanctions", "limit": "50"}),
    "event detail": ("/api/events/@id", {}),
    "timeline: week by quad": ("/api/timeline", {"interval": "week"}),
    "timeline: month, actor": ("/api/timeline", {"interval": "month", "actor": "RUS*"}),
    "dyads": ("/api/dyads", {"limit": "200"}),
    "places": ("/api/places", {"limit": "1000"}),
    "actor page": ("/api/actors/PRKGOV", {}),
    "claims: contradictions": ("/api/claims", {"contradictions": "true", "limit": "50"}),
    "overview": ("/api", {}),
}

# Sentences written for this benchmark (made-up events between real countries): the watcher's pages.
COUNTRIES = ["Chile", "Peru", "Kenya", "Ghana", "Norway", "Finland", "Japan", "Vietnam", "Egypt", "Jordan"]


SENTENCES = [
    "The foreign minister of {a} met the foreign minister of {b} on Monday, officials said.",
    "Police in the capital of {a} arrested {k} protesters, the interior ministry said.",
    "The government of {a} accused {b} of violating the ceasefire near the border.",
    "Troops from {b} shelled positions held by rebels in the north of {a} on Tuesday.",
    "The president of {a} promised economic aid to {b} after floods in the south.",
    "{b} expelled two diplomats of {a} over claims of spying, state media reported.",
    "Workers in {a} went on strike for a third day, demanding higher wages.",
    "The two governments signed an accord on fisheries, report number {n}.",
    "Leaders of {a} and {b} agreed to hold talks on trade in {k} days.",
]


def page(n: int) -> bytes:
    """An article page of three or four sentences chosen by ``n`` (pages differ, so the watcher codes
    them instead of storing near-duplicates)."""
    pick = random.Random(n)
    a, b = pick.sample(COUNTRIES, 2)
    chosen = pick.sample(SENTENCES, 4)
    text = "".join(f"<p>{t.format(a=a, b=b, k=n % 40 + 2, n=n)}</p>" for t in chosen)
    return (f"<html lang='en'><head><title>Report {n}</title></head><body><article><h1>Report {n}</h1>"
            f"{text}</article></body></html>").encode()


def feed(base: str, pages: int, first: int = 0) -> bytes:
    items = "".join(f"<item><title>Report {n}</title><link>{base}/p/{n}.html</link>"
                    f"<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item>"
                    for n in range(first, first + pages))
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>bench</title><link>{base}</link>"
            f"<description>bench</description>{items}</channel></rss>").encode()


def serve_feed(pages: int, first: int = 0) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            body = feed(base, pages, first) if self.path == "/feed.xml" else page(int(self.path[3:-5]))
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/feed.xml"


def build(path: Path, target: int) -> int:
    if path.is_file():
        con = duckdb.connect(str(path), read_only=True)
        have = int((con.execute("SELECT count(*) FROM events").fetchone() or (0,))[0])
        con.close()
        if have >= target:
            return have
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


def measure(base: str, path: str, params: dict[str, str], clients: int, requests: int) -> tuple[list[float],
                                                                                                int]:
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    per = max(1, requests // clients)

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=60) as c:
            c.get(path, params=params)  # warm the connection
            mine = []
            for _ in range(per):
                t = time.perf_counter()
                status = c.get(path, params=params).status_code
                mine.append((time.perf_counter() - t) * 1000)
                if status != 200:
                    with lock:
                        errors[0] += 1
            with lock:
                times.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors[0]


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


class Memory(threading.Thread):
    """The server's RSS every second."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.proc = psutil.Process(pid)
        self.samples: list[tuple[float, float]] = []
        self.stop = threading.Event()
        self.start_time = time.monotonic()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                rss = self.proc.memory_info().rss / 2**20
            except psutil.Error:
                return
            self.samples.append((time.monotonic() - self.start_time, rss))
            self.stop.wait(1)


def concrete(base: str, path: str, params: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Fill ``@next`` (a real cursor) and ``@id`` (a real event id)."""
    if params.get("cursor") == "@next":
        first = httpx.get(base + "/api/events", params={"limit": "50"}, timeout=60).json()
        return path, {**params, "cursor": first["next_cursor"]}
    if "@id" in path:
        first = httpx.get(base + "/api/events", params={"limit": "1"}, timeout=60).json()
        return path.replace("@id", first["rows"][0]["id"]), params
    return path, params


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--events", type=int, default=20_000, help="events in the store (1000000 for the 1M run)")
    ap.add_argument("--requests", type=int, default=160, help="requests per endpoint (all clients)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--store", type=Path, default=None,
                    help="store file (default /tmp/tidings-bench-N.duckdb)")
    ap.add_argument("--workers", type=int, default=8, help="server reader threads")
    ap.add_argument("--pages", type=int, default=40, help="article pages the watcher codes during the run")
    ap.add_argument("--no-writes", action="store_true", help="no watcher: readers only")
    ap.add_argument("--first-page", type=int, default=None,
                    help="number of the watcher's first page (default: from the clock, so that a kept store "
                         "gets new pages, not copies of the last run's)")
    args = ap.parse_args()
    store = args.store or Path(f"/tmp/tidings-bench-{args.events}.duckdb")
    t0 = time.perf_counter()
    total = build(store, args.events)
    print(f"store: {total:,} events ({time.perf_counter() - t0:.0f} s to build or check)", flush=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "tidings.cli", "serve", "--db", str(store), "--port", str(port),
               "--workers", str(args.workers), "--rate-limit", "0", "--timeout", "30"]
    feed_server = None
    if not args.no_writes:
        first = args.first_page if args.first_page is not None else int(time.time()) % 10**6 * 100
        feed_server, feed_url = serve_feed(args.pages, first)
        command += ["--watch-feed", feed_url, "--watch-interval", "2"]
    server = subprocess.Popen(command)
    base = f"http://127.0.0.1:{port}"
    memory = Memory(server.pid)
    try:
        for _ in range(600):
            try:
                httpx.get(base + "/api", timeout=5).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        memory.start()
        articles0 = int(httpx.get(base + "/api", timeout=60).json()["articles"])
        print(f"{total:,} events; {os.cpu_count()} CPUs (os.cpu_count), {len(os.sched_getaffinity(0))} "
              "usable; "
              f"{args.clients} clients; {args.requests} requests per endpoint; server reader threads "
              f"{args.workers}; writes: {'none' if args.no_writes else f'watcher coding {args.pages} pages'}")
        print("| endpoint | p50 ms | p99 ms | max ms | req/s | errors |\n|---|---|---|---|---|---|",
              flush=True)
        start = time.monotonic()
        for name, (path, params) in QUERIES.items():
            path, params = concrete(base, path, params)
            t = time.perf_counter()
            times, errors = measure(base, path, params, args.clients, args.requests)
            rate = len(times) / (time.perf_counter() - t)
            print(f"| {name} | {pct(times, 50):.0f} | {pct(times, 99):.0f} | {max(times):.0f} | {rate:.0f} | "
                  f"{errors} |", flush=True)
        written = int(httpx.get(base + "/api", timeout=60).json()["articles"]) - articles0
        print(f"\narticles written by the watcher during the {time.monotonic() - start:.0f} s of reads: "
              f"{written}")
    finally:
        memory.stop.set()
        server.terminate()
        server.wait(30)
        if feed_server is not None:
            feed_server.shutdown()
    rss = [m for _, m in memory.samples]
    if rss:
        step = max(1, len(memory.samples) // 12)
        timeline = ", ".join(f"{t:.0f}s {m:.0f}" for t, m in memory.samples[::step])
        print(f"server RSS MB: start {rss[0]:.0f}, max {max(rss):.0f}, end {rss[-1]:.0f}; "
              f"over time: {timeline}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
