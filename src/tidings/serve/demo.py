"""A store built from a folder of articles: the test and demo fixture of the service.

    python -m tidings.serve.demo demo.duckdb demo/        # code demo/ into demo.duckdb (replaced)

The store is made by the ingest machinery (:func:`tidings.ingest.runner.ingest`), exactly as
``tidings ingest demo/ --db demo.duckdb`` makes it: articles, events, mentions of syndicated copies, skipped
inputs, and the claims, sightings and 5W1H summaries of every coded article.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path


def build_store(path: str | Path, inputs: Sequence[str], *, published: dt.date | None = None,
                batch: int = 32) -> dict[str, int]:
    """Ingest ``inputs`` (files or folders) into a new store at ``path``; return what was written."""
    from tidings.ingest.runner import IngestOptions, ingest
    from tidings.store.db import Store

    target = Path(path)
    target.unlink(missing_ok=True)
    with Store.open(target) as store:
        stats = ingest(store, list(inputs), IngestOptions(published=published, batch=batch))
        row = store.con.execute("SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM appearances), "
                                "(SELECT count(*) FROM summaries)").fetchone() or (0, 0, 0)
    return {"articles": stats.articles, "near_duplicates": stats.near_duplicates, "events": stats.events,
            "claims": int(row[0]), "appearances": int(row[1]), "summaries": int(row[2]),
            "skipped": stats.skipped}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 2:
        print("usage: python -m tidings.serve.demo STORE.duckdb PATH ... [--published YYYY-MM-DD]",
              file=sys.stderr)
        return 2
    published = None
    if "--published" in args:
        i = args.index("--published")
        published = dt.date.fromisoformat(args[i + 1])
        del args[i:i + 2]
    counts = build_store(args[0], args[1:], published=published)
    print(f"{args[0]}: " + ", ".join(f"{v} {k}" for k, v in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
