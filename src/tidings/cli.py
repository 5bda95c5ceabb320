"""The command line: parse the options, call the library, print, return a meaningful exit code.

Exit codes: 0 everything was coded; 1 some documents were skipped (the summary on stderr says which and why);
2 bad usage, nothing could be read at all, or a numbered error stopped the command (the store cannot be
opened); 3 an internal error (a bug: the traceback is printed), never confused with "some skipped".
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from tidings.about import __version__
from tidings.errors import InputError, TidingsError

if TYPE_CHECKING:
    from tidings.record import Article, Event

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="tidings: news articles in; attributed, dated, geocoded CAMEO/PLOVER events out.")

PublishedOpt = Annotated[str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) "
                                                 "for articles that carry none.")]
DictOpt = Annotated[Path | None, typer.Option("--dictionaries", help="Folder of PETRARCH/Phoenix-format "
                                              "actor, agent and verb dictionaries to load on top of ours.")]


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"not a YYYY-MM-DD date: {value!r}") from exc


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(help="Files (.txt, .json, .jsonl), folders, or - for "
                                                      "stdin.")] = None,
    published: PublishedOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (one event per line) or table.")] = "jsonl",
    dictionaries: DictOpt = None,
) -> None:
    """Code articles into events."""
    from tidings.pipeline import Options, Pipeline
    from tidings.readers import read_paths

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("--format must be jsonl or table")
    options = Options(published=_date(published), dictionaries=dictionaries)
    err = Console(stderr=True)
    try:
        pipeline = Pipeline(options)
    except TidingsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    items = read_paths(paths or ["-"], published=options.published)
    skipped: list[TidingsError] = []
    coded = 0
    events: list[Event] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                skipped.append(item)
                err.print(f"[yellow]skipped:[/yellow] {item}")
            else:
                yield item

    out = sys.stdout
    for result in pipeline.run(articles()):
        if result.error is not None:
            skipped.append(result.error)
            err.print(f"[yellow]skipped:[/yellow] {result.error}")
            continue
        coded += 1
        if fmt == "jsonl":
            for event in result.events:
                out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        else:
            events.extend(result.events)
    if fmt == "table":
        Console().print(_table(events))
    reasons = Counter(type(e).__name__ for e in skipped)
    summary = f"{coded} article(s) coded, {len(skipped)} skipped"
    if reasons:
        summary += " (" + ", ".join(f"{n} {r}" for r, n in reasons.most_common()) + ")"
    err.print(summary)
    if skipped:
        raise typer.Exit(1 if coded else 2)


def _table(events: list[Event]) -> Table:
    table = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("doc", "date", "source", "event", "target", "factuality", "attributed to", "where"):
        table.add_column(col, overflow="fold")
    for e in events:
        table.add_row(
            e.doc_id[:18], e.date.isoformat() if e.date else "",
            f"{e.source.code}\n{e.source.text}" if e.source else "-",
            f"{e.cameo.code} {e.cameo.name}",
            f"{e.target.code}\n{e.target.text}" if e.target else "-",
            e.factuality,
            e.attribution.text if e.attribution else "",
            e.location.name if e.location else "",
        )
    return table


@app.command("eval")
def eval_cmd(
    suite: Annotated[Path, typer.Argument(help="A PETRARCH-format JSONL gold suite.")],
    dictionaries: DictOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    failures: Annotated[bool, typer.Option("--failures", help="List the cases that did not match.")] = False,
) -> None:
    """Score the coder on a PETRARCH-family gold suite."""
    from tidings.evaluation.petrarch import evaluate

    if not suite.is_file():
        raise typer.BadParameter(f"no such suite: {suite}")
    scores = evaluate(suite, dictionaries=dictionaries)
    if fmt == "json":
        sys.stdout.write(json.dumps(scores.to_dict(), indent=2) + "\n")
    else:
        con = Console()
        table = Table(title=f"{suite.name}: {scores.exact}/{scores.cases} cases exact "
                            f"({scores.exact / max(1, scores.cases):.1%})")
        for col in ("level", "P", "R", "F1", "TP", "FP", "FN"):
            table.add_column(col)
        for name, c in (("triple", scores.triple), ("root", scores.root), ("country", scores.country)):
            table.add_row(name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp),
                          str(c.fn))
        con.print(table)
        cats = Table(title="by category")
        for col in ("category", "cases", "exact", "TP", "FP", "FN"):
            cats.add_column(col)
        for cat, row in sorted(scores.by_category.items()):
            cats.add_row(cat, *map(str, row))
        con.print(cats)
    if failures:
        for f in scores.failures:
            sys.stdout.write(json.dumps(f) + "\n")


DbOpt = Annotated[str, typer.Option("--db", help="The DuckDB event store file.")]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt .json .jsonl .csv .html .rss .atom .xml "
                                               ".warc[.gz], any of them .gz), folders, or - for stdin.")],
    db: DbOpt = "tidings.duckdb",
    workers: Annotated[int, typer.Option("--workers", min=1, help="Coding processes (each loads the "
                                         "pipeline once; the parent writes).")] = 1,
    published: PublishedOpt = None,
    batch: Annotated[int, typer.Option("--batch", min=1, help="Articles per transaction.")] = 32,
    fields: Annotated[str | None, typer.Option("--fields", help="Record field names for JSON/JSONL/CSV, "
                                               "e.g. text=body,published=pubdate.")] = None,
    dictionaries: DictOpt = None,
    engine: Annotated[str, typer.Option("--engine", help="local (this machine) or dask (a Dask cluster).")]
    = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address, "
                                                  "tcp://HOST:PORT.")] = None,
    local_workers: Annotated[int | None, typer.Option("--local-workers", min=1, help="Workers of a local "
                                                      "Dask cluster.")] = None,
    out_parquet: Annotated[Path | None, typer.Option("--out-parquet", help="Leave a Parquet dataset here "
                                                     "instead of loading the store.")] = None,
    run_dir: Annotated[Path | None, typer.Option("--run-dir", help="Folder for the Dask run's shards "
                                                 "(resumable).")] = None,
    partition_size: Annotated[int, typer.Option("--partition-size", min=1, help="Articles per Dask "
                                                "partition.")] = 200,
) -> None:
    """Read, code and store articles; an article already stored adds nothing."""
    from tidings.ingest.base import parse_fields
    from tidings.ingest.runner import IngestOptions, RunStats
    from tidings.ingest.runner import ingest as run_ingest

    try:
        field_map = parse_fields(fields)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    options = IngestOptions(published=_date(published), fields=field_map, workers=workers, batch=batch,
                            dictionaries=dictionaries)
    if engine == "dask":  # the loader opens the store itself, after every partition is coded
        from tidings.scale.cli import dask_command

        raise typer.Exit(dask_command(paths, db=db, options=options, scheduler=scheduler,
                                      local_workers=local_workers, out_parquet=out_parquet, run_dir=run_dir,
                                      partition_size=partition_size))
    if engine != "local":
        raise typer.BadParameter("--engine must be local or dask")
    err = Console(stderr=True)
    store = _open(db, err)
    try:
        if err.is_terminal:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                          console=err, transient=True) as progress:
                task = progress.add_task("reading", total=None)

                def show(s: RunStats) -> None:
                    text = (f"{s.read} articles ({s.rate:.1f}/s), {s.events} events, "
                            f"{s.duplicates + s.near_duplicates} duplicates, {s.skipped} skipped")
                    progress.update(task, description=text)

                stats = run_ingest(store, paths, options, on_batch=show)
        else:
            def log(s: RunStats) -> None:  # one line a committed batch, for logs and for the resume test
                err.print(f"batch {s.batches} committed: {s.read} articles read, {s.events} events, "
                          f"{s.skipped} skipped", highlight=False)

            stats = run_ingest(store, paths, options, on_batch=log)
        err.print(_run_table(stats))
        for (reason,) in store.con.execute("SELECT message FROM skipped WHERE run_id = ? ORDER BY name",
                                           [stats.run_id]).fetchall():
            err.print(f"[yellow]skipped:[/yellow] {reason}", highlight=False)
        Console().print(_dyads_table(store.top_dyads(10)))
    except TidingsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    if stats.skipped:
        raise typer.Exit(1 if stats.articles or stats.duplicates or stats.near_duplicates else 2)


def _open(db: str, err: Console, *, read_only: bool = False) -> Any:
    from tidings.store import Store

    try:
        return Store.open(db, read_only=read_only)
    except TidingsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _run_table(stats: Any) -> Table:
    table = Table(title=f"ingest run {stats.run_id}: {stats.seconds:.1f} s, {stats.rate:.1f} articles/s")
    table.add_column("")
    table.add_column("count", justify="right")
    rows = [("articles coded and stored", stats.articles), ("events", stats.events),
            ("exact duplicates (nothing added)", stats.duplicates),
            ("near-duplicates (linked as mentions)", stats.near_duplicates), ("skipped", stats.skipped),
            ("container records ignored", stats.ignored)]
    rows += [(f"  skipped: {reason}", n) for reason, n in sorted(stats.reasons.items())]
    for label, n in rows:
        table.add_row(label, str(n))
    return table


def _dyads_table(dyads: list[dict[str, Any]]) -> Table:
    table = Table(title="top dyads in the store")
    for col in ("source", "target", "events", "mentions", "mean Goldstein", "CAMEO roots"):
        table.add_column(col)
    for d in dyads:
        table.add_row(d["source_code"], d["target_code"], str(d["events"]), str(d["mentions"]),
                      str(d["goldstein"]), d["roots"])
    return table


@app.command()
def events(
    db: DbOpt = "tidings.duckdb",
    actor: Annotated[str | None, typer.Option("--actor", help="Source or target actor code.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Source actor code.")] = None,
    target: Annotated[str | None, typer.Option("--target", help="Target actor code.")] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code or its prefix.")] = None,
    root: Annotated[str | None, typer.Option("--root", help="CAMEO root (01-20).")] = None,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="Quad class 1-4.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")] = None,
    factuality: Annotated[str | None, typer.Option("--factuality", help="asserted, reported, hedged, "
                                                   "rumoured, negated or hypothetical.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many events.")] = 100,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """Query the stored events."""
    import csv

    from tidings.record import FACTUALITY_LABELS
    from tidings.store import EventQuery

    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("--format must be table, jsonl or csv")
    if factuality is not None and factuality not in FACTUALITY_LABELS:
        raise typer.BadParameter(f"--factuality must be one of {', '.join(FACTUALITY_LABELS)}")
    query = EventQuery(actor=actor, source=source, target=target, code=code, root=root, quad=quad,
                       since=_date(since), until=_date(until), factuality=factuality, limit=limit)
    err = Console(stderr=True)
    store = _open(db, err, read_only=True)
    try:
        rows = store.events(query)
    finally:
        store.close()
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["event_id"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=f"{len(rows)} events")
        for col in ("date", "source", "event", "target", "factuality", "mentions", "url"):
            table.add_column(col, overflow="fold")
        for r in rows:
            table.add_row(str(r["date"] or ""), r["source_code"] or "-",
                          f"{r['cameo_code']} {r['cameo_name']}", r["target_code"] or "-", r["factuality"],
                          str(r["num_mentions"] or 1), r["url"] or "")
        Console().print(table)


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help="gdelt, plover, parquet or csv.")],
    out: Annotated[Path, typer.Option("--out", help="The file to write.")],
    db: DbOpt = "tidings.duckdb",
) -> None:
    """Export the stored events (GDELT 2.0 rows, PLOVER JSON lines, Parquet, CSV)."""
    from tidings.export import FORMATS, export

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    err = Console(stderr=True)
    store = _open(db, err, read_only=True)
    try:
        n = export(store, fmt, out)
    finally:
        store.close()
    err.print(f"{n} {fmt} record(s) written to {out}", highlight=False)


@app.command()
def recode(
    db: DbOpt = "tidings.duckdb",
    everything: Annotated[bool, typer.Option("--all", help="Recode every article, not only those coded "
                                             "by another coder version.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Coding processes.")] = 1,
    dictionaries: DictOpt = None,
) -> None:
    """Run the current coder again over the stored articles."""
    from tidings.about import CODER
    from tidings.ingest.runner import IngestOptions
    from tidings.ingest.runner import recode as run_recode

    err = Console(stderr=True)
    store = _open(db, err)
    try:
        stats = run_recode(store, IngestOptions(workers=workers, dictionaries=dictionaries),
                           everything=everything)
    finally:
        store.close()
    err.print(f"{stats.articles} article(s) recoded with {CODER}: {stats.events} events, "
              f"{stats.failed} failed ({stats.seconds:.1f} s)", highlight=False)


@app.command()
def claims(
    db: DbOpt = "tidings.duckdb",
    subject: Annotated[str | None, typer.Option("--subject", help="A person's name or actor code.")] = None,
    kind: Annotated[str | None, typer.Option("--type", help="health, death, whereabouts, appearance, "
                                             "absence, succession or identity.")] = None,
    contradictions: Annotated[bool, typer.Option("--contradictions", help="Pairs of claims that cannot both "
                                                 "hold, with both sources and dates.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
) -> None:
    """What the stored articles say about people (ill, dead, missing, seen, absent, succeeded, doubled)."""
    from tidings.claims import CLAIM_TYPES
    from tidings.claims import report as R

    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter("--format must be table or jsonl")
    if kind is not None and kind not in CLAIM_TYPES:
        raise typer.BadParameter(f"--type must be one of {', '.join(CLAIM_TYPES)}")
    store = _open(db, Console(stderr=True), read_only=True)
    try:
        if contradictions:
            pairs = R.stored_contradictions(store, subject=subject, kind=kind)
            names = R.articles(store, {c.doc_id for p in pairs for c in (p.first, p.second)})
            rows = [p.to_dict() for p in pairs]
            text = R.format_contradictions(pairs, names)
        else:
            found = R.stored_claims(store, subject=subject, kind=kind)
            names = R.articles(store, {c.doc_id for c in found})
            rows = [c.to_dict() for c in found]
            text = R.format_claims(found, names)
    finally:
        store.close()
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        typer.echo(text)


@app.command()
def whereabouts(
    person: Annotated[str, typer.Argument(help="A person's name (any case) or actor code.")],
    db: DbOpt = "tidings.duckdb",
    as_of: Annotated[str | None, typer.Option("--as-of", help="Count days unseen up to this YYYY-MM-DD "
                                              "(default: the latest date the claims speak of).")] = None,
    min_gap: Annotated[int, typer.Option("--min-gap", min=0, help="Report gaps in public appearances "
                                         "longer than this many days.")] = 7,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """When a person was last seen in public, days unseen, gaps, and what was claimed during each gap."""
    from tidings.claims import report as R

    if fmt not in ("table", "json"):
        raise typer.BadParameter("--format must be table or json")
    when = _date(as_of)
    store = _open(db, Console(stderr=True), read_only=True)
    try:
        where = R.stored_whereabouts(store, person, as_of=when, min_gap_days=min_gap)
    finally:
        store.close()
    if fmt == "json":
        sys.stdout.write(json.dumps(where, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        typer.echo(R.format_whereabouts(where))


@app.command()
def summary(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .json, .jsonl), folders, or - for stdin.")],
    published: PublishedOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (one article a line) or table.")] = "jsonl",
) -> None:
    """The main event of each article as who, what, when, where, why and how (5W1H)."""
    from tidings.pipeline import Options, Pipeline
    from tidings.readers import read_paths
    from tidings.summary import format_table, summarise

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("--format must be jsonl or table")
    err = Console(stderr=True)
    pipeline = Pipeline(Options(published=_date(published)))
    skipped = done = 0
    found = []
    for item in read_paths(paths, published=pipeline.options.published):
        try:
            if isinstance(item, InputError):
                raise item
            result = summarise(pipeline, item)
        except InputError as exc:
            skipped += 1
            err.print(f"[yellow]skipped:[/yellow] {exc}", highlight=False)
            continue
        done += 1
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            found.append(result)
    if fmt == "table" and found:
        typer.echo(format_table(found))
    err.print(f"{done} article(s) summarised, {skipped} skipped", highlight=False)
    if skipped:
        raise typer.Exit(1 if done else 2)


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


from tidings.serve.cli import serve_command  # noqa: E402  (typer only; FastAPI loads when it runs)

app.command("serve")(serve_command)


EXIT_INTERNAL = 3


def main() -> None:
    try:
        app()
    except Exception:  # a bug, not bad input: say so, and do not exit 1 ("some skipped")
        import traceback

        traceback.print_exc()
        sys.stderr.write(f"tidings: internal error (exit {EXIT_INTERNAL}); please report it with the "
                         "traceback above\n")
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
