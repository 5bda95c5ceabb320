"""Hostile input at scale: 10,000+ generated documents (see ``hostile_corpus.py``) through ``tidings ingest``.

Run: ``.venv/bin/python benchmarks/hostile.py [DOCUMENTS] [--workers N] [--time-limit S] [--keep DIR]``.
It generates the corpus in a temporary folder, then runs the real command line twice:

1. ``tidings ingest corpus/`` (the mixed batch), reading its stderr line by line: every committed batch is
   time-stamped (the longest gap is the most one batch of 32 cost);
2. ``tidings ingest alone/`` (the good articles by themselves);
3. in this process, every document outside ``good/`` read, checked and coded by itself, timed one by one:
   the longest is the most one document cost.

It reports: documents read, tracebacks on stderr (must be 0), the exit code (1: some skipped), every
skipped document's numbered reason (counts by code; each one named in the store's ``skipped`` table), good
articles lost (articles of run 2 missing from run 1, or coded with other events: must be 0), expectations
of the generator not met, the longest time one document took, the peak resident memory of the ingest
process (and its workers), wall time and the core count. The figures go to stdout as a table and as JSON.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile_corpus import GOOD_DATE, Manifest, generate, restore

TIDINGS = str(Path(sys.executable).with_name("tidings"))
BATCH_LINE = re.compile(r"^batch (\d+) committed: (\d+) articles read")


def run_ingest(folder: Path, db: Path, *, workers: int, batch: int,
               time_limit: float | None = None) -> dict[str, Any]:
    """``tidings ingest`` as a child process: exit code, stderr, the longest gap between committed
    batches, wall time, peak RSS of the child and its workers."""
    cmd = [TIDINGS, "ingest", str(folder), "--db", str(db), "--published", GOOD_DATE, "--batch", str(batch),
           "--workers", str(workers), *(["--time-limit", str(time_limit)] if time_limit is not None else [])]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8", errors="replace")
    assert proc.stderr is not None
    lines: list[str] = []
    stamps: list[tuple[float, int]] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            found = BATCH_LINE.match(line)
            if found:
                stamps.append((time.perf_counter(), int(found.group(2))))

    reader = threading.Thread(target=read)
    reader.start()
    code = proc.wait()
    reader.join()
    wall = time.perf_counter() - started
    gaps = [(b[0] - a[0], b[1] - a[1]) for a, b in itertools.pairwise(stamps)]
    worst = max(gaps, default=(0.0, 0))
    return {"exit": code, "stderr": "".join(lines), "wall": wall, "max_gap": worst[0],
            "max_gap_documents": worst[1], "batches": len(stamps),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def time_documents(corpus: Path) -> dict[str, Any]:
    """Every document of the corpus outside ``good/`` read, checked and coded by itself, in this process:
    the longest time one document cost (reading and checking included), and which one."""
    import logging

    from tidings.errors import InputError
    from tidings.ingest.base import Document, ReadOptions
    from tidings.ingest.registry import read_file, scan
    from tidings.ingest.runner import code_articles
    from tidings.pipeline import Options, Pipeline
    from tidings.validate import check_text

    logging.getLogger("tidings").setLevel(logging.ERROR)
    pipeline = Pipeline(Options(published=None))
    options = ReadOptions()
    worst: tuple[float, str] = (0.0, "")
    documents = 0
    rss = Rss()
    for path in scan(corpus):
        if isinstance(path, InputError) or path.parent.name == "good":
            continue
        started = time.perf_counter()
        for item in read_file(path, options):
            if isinstance(item, Document):
                try:
                    check_text(item.text, item.name)
                    code_articles(pipeline, [item.article()])
                except InputError:
                    pass
            documents += 1
            took = time.perf_counter() - started
            name = str((item.name if isinstance(item, Document) else getattr(item, "doc_id", None)) or path)
            if took > worst[0]:
                worst = (took, name)
            rss.after(name)
            started = time.perf_counter()
        rss.after(str(path))
    return {"seconds": worst[0], "document": worst[1], "documents": documents, "rss_start_mb": rss.start,
            "rss_peak_mb": rss.peak, "rss_growth": rss.growth[-8:]}


class Rss:
    """Peak resident memory of this process, traced to the documents after which it grew (by 20 MB+)."""

    def __init__(self) -> None:
        self.start = self.peak = self.now()
        self.growth: list[tuple[str, float, float]] = []

    @staticmethod
    def now() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def after(self, name: str) -> None:
        peak = self.now()
        if peak > self.peak + 20:
            self.growth.append((name, round(self.peak, 1), round(peak, 1)))
        self.peak = max(self.peak, peak)


def compare(mixed: Path, alone: Path) -> dict[str, Any]:
    """Good articles (coded in the run of the good articles alone) missing or coded differently in the mixed
    run."""
    def events(db: Path) -> dict[str, set[str]]:
        con = duckdb.connect(str(db), read_only=True)
        try:
            rows = con.execute("SELECT a.id, e.id FROM articles a LEFT JOIN events e ON e.article_id = a.id "
                               "WHERE a.duplicate_of IS NULL").fetchall()
        finally:
            con.close()
        out: dict[str, set[str]] = {}
        for article, event in rows:
            out.setdefault(article, set())
            if event is not None:
                out[article].add(event)
        return out

    good, mixed_events = events(alone), events(mixed)
    lost = [a for a in good if a not in mixed_events]
    changed = [a for a in good if a in mixed_events and mixed_events[a] != good[a]]
    return {"good_articles": len(good), "good_events": sum(len(v) for v in good.values()), "lost": lost,
            "changed": changed}


def skipped(db: Path) -> dict[str, Any]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        by_code = con.execute("SELECT code, reason, count(*) FROM skipped GROUP BY 1, 2 ORDER BY 1")\
            .fetchall()
        unnamed = con.execute("SELECT count(*) FROM skipped WHERE name = '' OR NOT regexp_matches(code, "
                              "'^T0[0-9][0-9]$')").fetchone()
        names = [r[0] for r in con.execute("SELECT name FROM skipped").fetchall()]
        run = con.execute("SELECT articles, events, duplicates, near_duplicates, skipped, ignored "
                          "FROM ingest_runs ORDER BY id DESC LIMIT 1").fetchone()
        coded = [r[0] for r in con.execute("SELECT name FROM articles").fetchall()]
    finally:
        con.close()
    assert run is not None and unnamed is not None
    keys = ("articles", "events", "duplicates", "near_duplicates", "skipped", "ignored")
    return {"by_code": [{"code": c, "reason": r, "count": n} for c, r, n in by_code], "unnamed": unnamed[0],
            "names": names, "coded_names": coded, "run": dict(zip(keys, run, strict=True))}


def expectations(manifest: Manifest, skips: dict[str, Any]) -> dict[str, list[str]]:
    """Generator entries whose outcome differs from what was expected ("skip" not skipped, a good or
    codable document skipped)."""
    root = str(manifest.corpus) + "/"
    skipped_names = {n.removeprefix(root) for n in skips["names"]}
    coded_names = {n.removeprefix(root) for n in skips["coded_names"]}
    missed, wrongly = [], []
    for entry in manifest.entries:
        if entry.expect == "skip" and entry.name not in skipped_names and entry.name in coded_names:
            missed.append(f"{entry.name} ({entry.why})")
        if entry.expect in ("good", "coded") and entry.name in skipped_names:
            wrongly.append(f"{entry.name} ({entry.why})")
    return {"expected_skip_but_coded": missed, "expected_coded_but_skipped": wrongly}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", nargs="?", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="generate into (and keep) this folder")
    parser.add_argument("--time-limit", type=float, default=None, help="ingest --time-limit (seconds a "
                        "document's coding may take; default: the Limits default)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="tidings-hostile-"))
    try:
        t0 = time.perf_counter()
        manifest = generate(folder, documents=args.documents)
        generated = time.perf_counter() - t0
        mixed = run_ingest(manifest.corpus, folder / "mixed.duckdb", workers=args.workers, batch=32,
                           time_limit=args.time_limit)
        alone = run_ingest(manifest.alone, folder / "alone.duckdb", workers=args.workers, batch=32,
                           time_limit=args.time_limit)
        skips = skipped(folder / "mixed.duckdb")
        diff = compare(folder / "mixed.duckdb", folder / "alone.duckdb")
        expect = expectations(manifest, skips)
        timing = time_documents(manifest.corpus)
        run = skips["run"]
        read = run["articles"] + run["duplicates"] + run["near_duplicates"] + run["skipped"]
        warnings = Counter(re.findall(r"\[(W\d{3})\]", mixed["stderr"]))
        figures = {
            "generated_entries": manifest.documents, "good_entries": manifest.count("good"),
            "documents_read": read, **{f"run_{k}": v for k, v in run.items()},
            "tracebacks": mixed["stderr"].count("Traceback") + alone["stderr"].count("Traceback"),
            "exit_code_mixed": mixed["exit"], "exit_code_alone": alone["exit"],
            "skipped_by_code": skips["by_code"], "skipped_without_numbered_reason": skips["unnamed"],
            "warnings_on_stderr": dict(warnings),
            "good_articles_alone": diff["good_articles"], "good_events_alone": diff["good_events"],
            "good_lost": len(diff["lost"]), "good_changed": len(diff["changed"]),
            "expected_skip_but_coded": expect["expected_skip_but_coded"],
            "expected_coded_but_skipped": expect["expected_coded_but_skipped"],
            "max_seconds_one_document": round(timing["seconds"], 2), "slowest_document": timing["document"],
            "documents_timed_alone": timing["documents"], "max_seconds_one_batch": round(mixed["max_gap"], 2),
            "rss_alone_start_mb": round(timing["rss_start_mb"], 1),
            "rss_alone_peak_mb": round(timing["rss_peak_mb"], 1),
            "rss_grew_after": timing["rss_growth"],
            "peak_rss_mb_mixed": round(mixed["peak_rss_mb"], 1),
            "peak_rss_mb": round(max(mixed["peak_rss_mb"], alone["peak_rss_mb"]), 1),
            "wall_seconds_mixed": round(mixed["wall"], 1), "wall_seconds_alone": round(alone["wall"], 1),
            "generate_seconds": round(generated, 1), "workers": args.workers, "cores": os.cpu_count(),
        }
        for key, value in figures.items():
            if key != "skipped_by_code":
                print(f"{key:36} {value}")
        for row in skips["by_code"]:
            print(f"  skipped {row['code']} {row['reason']:24} {row['count']}")
        print(json.dumps(figures))
        if figures["tracebacks"]:
            tail = mixed["stderr"][mixed["stderr"].find("Traceback"):][:3000]
            print(tail, file=sys.stderr)
    finally:
        if args.keep is None:
            restore(folder)
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
