"""A store built from articles without the ingest command: the test and demo fixture of the service.

    python -m tidings.serve.demo demo.duckdb demo/        # code demo/ into demo.duckdb (replaced)

Articles are coded by :class:`tidings.pipeline.Pipeline` and written through
:meth:`tidings.store.db.Store.write_batch`; the claims about people found in them are written to a
``claims`` table (columns :data:`tidings.serve.queries.CLAIM_COLUMNS`) when the store has none.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tidings.serve.queries import CLAIM_COLUMNS

CLAIMS_DDL = """
CREATE TABLE IF NOT EXISTS claims (
    id VARCHAR PRIMARY KEY, article_id VARCHAR NOT NULL,
    subject_text VARCHAR, subject_code VARCHAR NOT NULL, subject_name VARCHAR NOT NULL,
    subject_country VARCHAR, subject_sector VARCHAR,
    type VARCHAR NOT NULL, polarity VARCHAR NOT NULL, factuality VARCHAR NOT NULL,
    attribution_text VARCHAR, attribution_name VARCHAR, attribution_code VARCHAR, attribution_cue VARCHAR,
    refers_to DATE, refers_to_text VARCHAR, precision VARCHAR, date_basis VARCHAR, made_on DATE,
    duration_days INTEGER, evidence VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    sentence INTEGER NOT NULL, cue VARCHAR, cue_start INTEGER, cue_end INTEGER, cues VARCHAR
)
"""


def claim_row(claim: Any) -> list[Any]:
    """A :class:`tidings.claims.Claim` flattened to :data:`CLAIM_COLUMNS`."""
    s, a = claim.subject, claim.attribution
    return [claim.claim_id, claim.doc_id, s.text, s.code, s.name, s.country, s.sector, claim.type,
            claim.polarity, claim.factuality, a.text if a else None, a.name if a else None,
            a.code if a else None, a.cue if a else None, claim.refers_to, claim.refers_to_text,
            claim.precision, claim.date_basis, claim.made_on, claim.duration_days, claim.evidence,
            claim.span[0], claim.span[1],
            claim.sentence, claim.cue, claim.cue_span[0], claim.cue_span[1], json.dumps(list(claim.cues))]


def build_store(path: str | Path, inputs: Sequence[str], *, published: dt.date | None = None,
                with_claims: bool = True) -> dict[str, int]:
    """Code ``inputs`` (files or folders) into a new store at ``path``; return what was written."""
    from tidings.claims import claims_for_article
    from tidings.errors import InputError, TidingsError
    from tidings.ingest.dedup import signature, to_bytes
    from tidings.pipeline import Options, Pipeline
    from tidings.readers import read_paths
    from tidings.store.db import Batch, Store, StoredArticle

    target = Path(path)
    target.unlink(missing_ok=True)
    pipeline = Pipeline(Options(published=published))
    items = list(read_paths(list(inputs), published=published))
    articles = [a for a in items if not isinstance(a, InputError)]
    with Store.open(target) as store:
        run = store.start_run(list(inputs), workers=1, coder="demo")
        batch = Batch(run_id=run)  # skips are counted, not stored: this is a fixture, not an ingest
        skipped = sum(1 for e in items if isinstance(e, InputError))
        claims: list[Any] = []
        for seq, result in enumerate(pipeline.run(articles), start=store.next_seq()):
            art = result.article
            if result.error is not None:
                skipped += 1
                continue
            batch.articles.append(StoredArticle(
                id=art.id, seq=seq, name=art.id, kind="demo", text=art.text,
                minhash=to_bytes(signature(art.text)), doc_id=art.id, url=art.url, title=art.title,
                published=art.published, coder=result.events[0].coder if result.events else None))
            batch.events.extend(result.events)
            if with_claims:
                with contextlib.suppress(TidingsError):
                    claims.extend(claims_for_article(pipeline, art))
        store.write_batch(batch)
        store.finish_run(run)
        if with_claims:
            store.con.execute(CLAIMS_DDL)
            if claims:
                store.con.executemany(
                    f"INSERT OR IGNORE INTO claims ({', '.join(CLAIM_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(CLAIM_COLUMNS))})", [claim_row(c) for c in claims])
        return {"articles": len(batch.articles), "events": len(batch.events), "claims": len(claims),
                "skipped": skipped}


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
