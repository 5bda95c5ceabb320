"""Every claim tidings makes on a gold suite's part, for reading (precision is judged by a person).

    .venv/bin/python scripts/claims_review.py --part dev          # Giveme5W1H development articles + demo/
    .venv/bin/python scripts/claims_review.py --part test --count  # the test part: a count only

The test part is only counted (its texts are not to be read to write rules; see evaluation/splits.json).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from tidings.ingest.base import ReadOptions
from tidings.ingest.registry import read_paths
from tidings.pipeline import Pipeline
from tidings.record import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def giveme(part: str) -> Iterator[Article]:
    names = json.loads((ROOT / "evaluation" / "splits.json").read_text())["suites"]["giveme5w1h"][part]
    for name in names:
        raw = json.loads((SHARED / "eval" / "giveme5w1h" / "data" / name).read_text(encoding="utf-8"))
        body = "\n\n".join(x for x in (raw.get("title"), raw.get("description"), raw.get("text")) if x)
        date = str(raw.get("date_publish") or "")[:10]
        published = dt.date.fromisoformat(date) if len(date) == 10 and date[:4].isdigit() else None
        yield Article(name[:12], body, published, raw.get("title"))


def demo() -> Iterator[Article]:
    for n, item in enumerate(read_paths([str(ROOT / "demo")], ReadOptions(dt.date(2020, 4, 12)))):
        text = getattr(item, "text", None)
        if text:
            yield Article(f"demo{n}", text, getattr(item, "published", None) or dt.date(2020, 4, 12),
                          getattr(item, "title", None))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", choices=["dev", "test"], default="dev")
    ap.add_argument("--count", action="store_true")
    args = ap.parse_args()
    pipeline = Pipeline()
    articles = list(giveme(args.part)) + (list(demo()) if args.part == "dev" else [])
    total = 0
    for result in pipeline.process(articles, claims=True):
        for claim in result.claims:
            total += 1
            if not args.count and args.part == "dev":
                print(f"{result.article.id}\t{claim.type}\t{claim.polarity}\t{claim.factuality}\t"
                      f"{claim.subject.text} -> {claim.subject.name} ({claim.subject.code})\t{claim.cue}\t"
                      f"{claim.refers_to or '-'}\t"
                      f"{' '.join(claim.evidence.split())}")
    print(f"{total} claims on {len(articles)} articles ({args.part})")


if __name__ == "__main__":
    main()
