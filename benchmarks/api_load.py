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
readers run, through the same writer that ``tidings ingest --db`` hands batches to; the feed lists one more
page every ``--page-every`` seconds, so the watcher commits a few pages a cycle all through the reads.
Clients are threads with their own httpx client; each endpoint is measured in turn, all clients at once.
Memory is the server process's RSS (psutil), sampled every second.

Besides the client's times, each row gives the server's own time per request (its ``Server-Timing``
header: from the request reaching the answer cache to the answer being ready, ``tidings.serve.cache``) and
how many requests were answered from kept answers (hit), by waiting for an identical request's computation
(shared) or by computing (miss). The rows marked "each request new" add a parameter that changes every
request, so that nothing is kept from one to the next: the cost of the queries themselves, in the same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]
QUERIES: dict[str, tuple[str, dict[str, str]]] = {
    "events: newest 50": ("/api/events", {"limit": "50"}),
    "events: newest 50, each request new": ("/api/events", {"limit": "50", "_": "@unique"}),
    "events: page 2 by cursor": ("/api/events", {"limit": "50", "cursor": "@next"}),
    "events: actor + quad": ("/api/events", {"actor": "USA", "quad": "4", "limit": "50"}),
    "events: date range + factuality": ("/api/events", {"since": "2021-01-01", "until": "2021-12-31",
                                                       "factuality": "reported", "limit": "50"}),
    "events: text search": ("/api/events", {"q": "sanctions", "limit": "50"}),
    "events: actor + quad, each request new": ("/api/events", {"actor": "USA", "quad": "4", "limit": "50",
                                                               "_": "@unique"}),
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


def serve_feed(pages: int, first: int = 0, every: float = 0.0) -> tuple[ThreadingHTTPServer, str]:
    """A feed of ``pages`` article pages; with ``every`` > 0 it starts with one and lists one more every
    ``every`` seconds (a live feed: the watcher then codes and commits a few pages each cycle, all through
    the run, instead of one batch of all of them)."""
    started = time.monotonic()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            listed = pages if every <= 0 else min(pages, 1 + int((time.monotonic() - started) / every))
            body = feed(base, listed, first) if self.path == "/feed.xml" else page(int(self.path[3:-5]))
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


@dataclass
class Measured:
    """One endpoint's requests: client times (ms), the server's own times (ms, its ``Server-Timing``) and
    how the server answered (``hit``, ``shared``, ``miss``; nothing when it keeps no answers)."""

    times: list[float] = field(default_factory=list)
    server: list[float] = field(default_factory=list)
    how: Counter[str] = field(default_factory=Counter)
    errors: int = 0


def server_timing(header: str | None) -> tuple[float, str] | None:
    """``(ms, how)`` from ``app;dur=12.3;desc=hit``."""
    if not header:
        return None
    parts = dict(p.split("=", 1) for p in header.split(";")[1:] if "=" in p)
    return float(parts.get("dur", "nan")), parts.get("desc", "")


def measure(base: str, path: str, params: dict[str, str], clients: int, requests: int) -> Measured:
    """Every client asks ``requests // clients`` times at once; ``_=@unique`` becomes a new value each
    request (the server then keeps nothing from one to the next: its cost without kept answers)."""
    out = Measured()
    lock = threading.Lock()
    per = max(1, requests // clients)
    counter = itertools.count()

    def fresh() -> dict[str, str]:
        if params.get("_") != "@unique":
            return params
        return {**params, "_": f"{time.time_ns()}-{next(counter)}"}

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=60) as c:
            c.get(path, params=fresh())  # warm the connection
            mine = Measured()
            for _ in range(per):
                t = time.perf_counter()
                r = c.get(path, params=fresh())
                mine.times.append((time.perf_counter() - t) * 1000)
                timing = server_timing(r.headers.get("server-timing"))
                if timing is not None:
                    mine.server.append(timing[0])
                    mine.how[timing[1]] += 1
                mine.errors += r.status_code != 200
            with lock:
                out.times.extend(mine.times)
                out.server.extend(mine.server)
                out.how.update(mine.how)
                out.errors += mine.errors

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


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


def arguments() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--events", type=int, default=20_000, help="events in the store (1000000 for the 1M run)")
    ap.add_argument("--requests", type=int, default=160, help="requests per endpoint (all clients)")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--store", type=Path, default=None,
                    help="store file (default /tmp/tidings-bench-N.duckdb)")
    ap.add_argument("--workers", type=int, default=8, help="server reader threads")
    ap.add_argument("--pages", type=int, default=40, help="article pages the watcher codes during the run")
    ap.add_argument("--page-every", type=float, default=2.0,
                    help="seconds between new pages in the watched feed (0: all pages at once); each cycle "
                         "of the watcher that finds some commits them, so the store's write version moves "
                         "(and the server's kept answers go stale) all through the reads")
    ap.add_argument("--no-writes", action="store_true", help="no watcher: readers only")
    ap.add_argument("--only", default="", help="measure only the endpoints whose name contains this")
    ap.add_argument("--first-page", type=int, default=None,
                    help="number of the watcher's first page (default: from the clock, so that a kept store "
                         "gets new pages, not copies of the last run's)")
    return ap.parse_args()


def row(name: str, m: Measured, seconds: float) -> str:
    server = f"{pct(m.server, 50):.1f} / {pct(m.server, 99):.1f}" if len(m.server) > 1 else "-"
    how = " / ".join(str(m.how[k]) for k in ("hit", "shared", "miss")) if m.how else "-"
    return (f"| {name} | {pct(m.times, 50):.0f} | {pct(m.times, 99):.0f} | {max(m.times):.0f} | "
            f"{len(m.times) / seconds:.0f} | {server} | {how} | {m.errors} |")


def read_all(base: str, args: argparse.Namespace) -> None:
    """Every endpoint in turn, all clients at once; one table row each."""
    print("| endpoint | p50 ms | p99 ms | max ms | req/s | server p50 / p99 ms | hit / shared / miss | "
          "errors |\n|---|---|---|---|---|---|---|---|", flush=True)
    for name, (path, params) in QUERIES.items():
        if args.only not in name:
            continue
        path, params = concrete(base, path, params)
        t = time.perf_counter()
        measured = measure(base, path, params, args.clients, args.requests)
        print(row(name, measured, time.perf_counter() - t), flush=True)


def main() -> int:
    args = arguments()
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
    first = args.first_page if args.first_page is not None else int(time.time()) % 10**6 * 100
    if not args.no_writes:
        feed_server, feed_url = serve_feed(args.pages, first, args.page_every)
        command += ["--watch-feed", feed_url, "--watch-interval", "2"]
    server = subprocess.Popen(command)
    base = f"http://127.0.0.1:{port}"
    memory = Memory(server.pid)
    try:
        wait_for(base)
        memory.start()
        articles0 = int(httpx.get(base + "/api", timeout=60).json()["articles"])
        writes = "none" if args.no_writes else f"watcher coding {args.pages} pages" + (
            f", a new one in the feed every {args.page_every:g} s" if args.page_every > 0 else "")
        print(f"{total:,} events; {os.cpu_count()} CPUs (os.cpu_count), {len(os.sched_getaffinity(0))} "
              f"usable; {args.clients} clients; {args.requests} requests per endpoint; server reader threads "
              f"{args.workers}; writes: {writes}")
        if not args.no_writes:
            waited = until_written(base, articles0)
            print(f"the watcher's first commit came {waited:.0f} s after the server answered (its model "
                  "loaded): the reads start now", flush=True)
            articles0 = int(httpx.get(base + "/api", timeout=60).json()["articles"])
        start = time.monotonic()
        read_all(base, args)
        written = int(httpx.get(base + "/api", timeout=60).json()["articles"]) - articles0
        print(f"\narticles written by the watcher during the {time.monotonic() - start:.0f} s of reads: "
              f"{written}")
    finally:
        memory.stop.set()
        server.terminate()
        server.wait(30)
        if feed_server is not None:
            feed_server.shutdown()
    report_memory(memory)
    return 0


def wait_for(base: str) -> None:
    for _ in range(600):
        try:
            httpx.get(base + "/api", timeout=5).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.1)


def until_written(base: str, articles: int, limit: float = 300) -> float:
    """Wait until the watcher has written its first article (its model loaded: a steady writer, not a
    start-up) or ``limit`` seconds; return the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if int(httpx.get(base + "/api", timeout=60).json()["articles"]) > articles:
            break
        time.sleep(0.5)
    return time.monotonic() - start


def report_memory(memory: Memory) -> None:
    rss = [m for _, m in memory.samples]
    if rss:
        step = max(1, len(memory.samples) // 12)
        timeline = ", ".join(f"{t:.0f}s {m:.0f}" for t, m in memory.samples[::step])
        print(f"server RSS MB: start {rss[0]:.0f}, max {max(rss):.0f}, end {rss[-1]:.0f}; "
              f"over time: {timeline}")


if __name__ == "__main__":
    raise SystemExit(main())
