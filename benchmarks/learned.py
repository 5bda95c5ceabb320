"""What the learned second opinion costs: the model alone per sentence, and the pipeline with it off and on.

    .venv/bin/python benchmarks/learned.py [--rounds N] [--repeat N]

The corpus is the demo articles (``demo/wire.jsonl``). Both pipelines are built first and run in turns in
one process, so the ratio compares like with like on a shared, noisy machine; the ratio is the figure.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tidings.events.learned import model
from tidings.pipeline import Options, Pipeline
from tidings.record import Article

ROOT = Path(__file__).resolve().parents[1]


def articles(repeat: int) -> list[Article]:
    out = []
    for n in range(repeat):
        for line in (ROOT / "demo" / "wire.jsonl").read_text(encoding="utf-8").splitlines():
            raw = json.loads(line)
            out.append(Article(f"{raw['id']}-{n}", raw["text"]))
    return out


def timed(pipeline: Pipeline, docs: list[Article]) -> tuple[float, int]:
    started = time.perf_counter()
    events = sum(len(r.events) for r in pipeline.run(docs))
    return time.perf_counter() - started, events


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=10, help="the demo articles this many times")
    args = ap.parse_args(argv)
    docs = articles(args.repeat)
    sentences = [s.strip() for a in docs for s in a.text.replace("\n", " ").split(". ") if s.strip()]
    scorer = model()
    scorer.scores(sentences[:10])  # warm
    started = time.perf_counter()
    scorer.scores(sentences)
    per_sentence = (time.perf_counter() - started) / len(sentences)
    off, on = Pipeline(Options(learned="off")), Pipeline(Options(learned="fuse"))
    timed(off, docs[:3]), timed(on, docs[:3])  # warm both (spaCy model, lexicons)
    t_off = t_on = 0.0
    n_off = n_on = 0
    for _ in range(args.rounds):
        seconds, n_off = timed(off, docs)
        t_off += seconds
        seconds, n_on = timed(on, docs)
        t_on += seconds
    print(json.dumps({"sentences": len(sentences), "model_ms_per_sentence": round(1000 * per_sentence, 4),
                      "articles": len(docs), "events_off": n_off, "events_fuse": n_on,
                      "pipeline_seconds_off": round(t_off, 3), "pipeline_seconds_fuse": round(t_on, 3),
                      "ratio_fuse_to_off": round(t_on / t_off, 3)}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
