"""The command line: parse the options, call the library, print, return a meaningful exit code.

Exit codes: 0 everything was coded; 1 some documents were skipped (the summary on stderr says which and why);
2 bad usage, a missing extra, nothing could be read at all, or a numbered error stopped the command (the
store cannot be opened); 3 an internal error (a bug: the traceback is printed), never confused with "some
skipped".

Start-up is kept light: this module imports typer and rich only; each command imports what it uses when it
runs (``extract`` never loads DuckDB, FastAPI or Dask). Commands that need an optional part check for its
extra first (:mod:`tidings.extras`). Messages go through the ``tidings`` logger (:mod:`tidings.console`):
``--quiet`` shows errors only, ``--verbose`` adds what each step did (``-vv`` for details).
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
from tidings.cli_options import (
    ActorsOpt,
    DictOpt,
    FieldsOpt,
    LexiconOpt,
    LimitOpt,
    PublishedOpt,
    TimeLimitOpt,
    coding_options,
    parse_date,
)
from tidings.errors import InputError, TidingsError
from tidings.log import get_logger, warn

if TYPE_CHECKING:
    from tidings.record import Article, Event
    from tidings.store.filters import EventFilter

log = get_logger("tidings.cli")

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="tidings: news articles in; attributed, dated, geocoded CAMEO/PLOVER events out.")


@app.callback()
def _options(
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Show errors only.")] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="Say what each step did "
                                         "(-vv: details).")] = 0,
) -> None:
    """tidings: news articles in; attributed, dated, geocoded CAMEO/PLOVER events out."""
    from tidings.console import configure_logging

    configure_logging(verbose=verbose, quiet=quiet)


def _need(*extras: str, command: str) -> None:
    """Stop with exit code 2 and the numbered error when an extra the command needs is not installed."""
    from tidings.console import require_extras

    require_extras(*extras, command=command)


class Undated:
    """Warns once a run about articles without a publication date ([W401]) and counts them."""

    def __init__(self, published: dt.date | None) -> None:
        self.published = published
        self.count = 0

    def see(self, doc_id: str) -> None:
        self.count += 1
        if self.count > 1:
            return
        if self.published is not None:
            log.info("articles without a publication date are read as of %s (--published)", self.published)
            return
        warn("W401", "an article has no publication date and no --published/--as-of was given: its "
             "relative dates ('on Monday', 'yesterday') are left empty; absolute dates are kept",
             doc_id=doc_id, log=log)


_date = parse_date


@app.command()
def extract(
    paths: Annotated[list[str] | None, typer.Argument(help="Files (.txt, .json, .jsonl), folders, or - for "
                                                      "stdin.")] = None,
    published: PublishedOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (one event per line) or table.")] = "jsonl",
    dictionaries: DictOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
) -> None:
    """Code articles into events."""
    from tidings.pipeline import Options, Pipeline

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("--format must be jsonl or table")
    options = Options(published=_date(published), dictionaries=dictionaries, actors=tuple(actors or ()),
                      lexicons=tuple(lexicon or ()))
    err = Console(stderr=True)
    try:
        pipeline = Pipeline(options)
    except TidingsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    sources = paths or ["-"]
    skipped: list[TidingsError] = []
    undated = Undated(options.published)
    coded = 0
    events: list[Event] = []

    def articles() -> Iterator[Article]:
        from tidings.readers import read_paths

        for item in read_paths(sources):  # undated articles stay undated here: the pipeline dates them
            if isinstance(item, InputError):
                skipped.append(item)
                err.print(f"[yellow]skipped:[/yellow] {item}")
            else:
                if item.published is None:
                    undated.see(item.id)
                yield item

    from tidings.console import progress

    with progress(err, transient=True) as bar:
        task = bar.add_task("coding articles", total=None if bar.disable else _count_articles(sources),
                            info="")
        for result in pipeline.run(articles()):
            bar.update(task, advance=1, info=f"{coded} coded, {len(skipped)} skipped")
            if result.error is not None:
                skipped.append(result.error)
                err.print(f"[yellow]skipped:[/yellow] {result.error}")
                continue
            coded += 1
            if fmt == "jsonl":
                for event in result.events:
                    sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            else:
                events.extend(result.events)
    if fmt == "table":
        Console().print(_table(events))
    _summary(err, coded, skipped, undated)


def _count_articles(sources: list[str]) -> int | None:
    """How many articles the inputs hold (a reading pass, far quicker than coding); None for stdin."""
    from tidings.readers import read_paths

    if "-" in sources:
        return None
    return sum(1 for item in read_paths(sources) if not isinstance(item, InputError))


def _summary(err: Console, coded: int, skipped: list[TidingsError], undated: Undated) -> None:
    reasons = Counter(type(e).__name__ for e in skipped)
    summary = f"{coded} article(s) coded, {len(skipped)} skipped"
    if reasons:
        summary += " (" + ", ".join(f"{n} {r}" for r, n in reasons.most_common()) + ")"
    if undated.count:
        summary += (f"; {undated.count} without a publication date"
                    + (f" (read as of {undated.published})" if undated.published else ""))
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
    workers: Annotated[int, typer.Option("--workers", min=0, help="Coding processes (each loads the "
                                         "pipeline once and is held to --time-limit; the parent writes); "
                                         "0: code in this process.")] = 1,
    published: PublishedOpt = None,
    batch: Annotated[int, typer.Option("--batch", min=1, help="Articles per transaction.")] = 32,
    fields: FieldsOpt = None,
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
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
    time_limit: TimeLimitOpt = None,
    limit: LimitOpt = None,
) -> None:
    """Read, code and store articles; an article already stored adds nothing."""
    _need("store", "ingest", *(("scale",) if engine == "dask" else ()), command="tidings ingest")
    options = coding_options(published=published, fields=fields, workers=workers, batch=batch,
                             dictionaries=dictionaries, actors=actors, lexicon=lexicon, time_limit=time_limit,
                             limit=limit)
    if engine == "dask":  # the loader opens the store itself, after every partition is coded
        from tidings.scale.cli import dask_command

        raise typer.Exit(dask_command(paths, db=db, options=options, scheduler=scheduler,
                                      local_workers=local_workers, out_parquet=out_parquet, run_dir=run_dir,
                                      partition_size=partition_size))
    if engine != "local":
        raise typer.BadParameter("--engine must be local or dask")
    err = Console(stderr=True)
    from tidings.store.serving import find_server

    served = find_server(db)
    if served is not None:  # a server holds the store: it ingests for us (docs/store.md)
        raise typer.Exit(_hand_off(served, paths, options, err))
    store = _open(db, err)
    try:
        stats = _run_ingest(store, paths, options, err)
        err.print(_run_table(stats))
        for (reason,) in store.con.execute("SELECT message FROM skipped WHERE run_id = ? ORDER BY name",
                                           [stats.run_id]).fetchall():
            err.print(f"[yellow]skipped:[/yellow] {reason}", highlight=False)
        _warn_undated(store, stats.run_id, options.published)
        Console().print(_dyads_table(store.top_dyads(10)))
    except TidingsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    finally:
        store.close()
    if stats.skipped:
        raise typer.Exit(1 if stats.articles or stats.duplicates or stats.near_duplicates else 2)


def _hand_off(served: Any, paths: list[str], options: Any, err: Console) -> int:
    """Ingest through the server that holds the store; the exit code (0, 1: some skipped, 2)."""
    import tempfile

    from tidings.ingest.runner import RunStats
    from tidings.serve.handoff import send

    err.print(f"{served.db} is served by process {served.pid}: handing the inputs to it", highlight=False)
    with tempfile.TemporaryDirectory(prefix="tidings-stdin-") as spool:
        given = []
        for path in paths:
            if path == "-":  # the server cannot read our standard input: spool it
                target = Path(spool) / "stdin"
                target.write_bytes(sys.stdin.buffer.read())
                given.append(str(target))
            else:
                given.append(str(Path(path).resolve()))
        try:
            report = send(served, given, options)
        except TidingsError as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False)
            return 2
    stats = RunStats(report["run_id"], articles=report["articles"], events=report["events"],
                     duplicates=report["duplicates"], near_duplicates=report["near_duplicates"],
                     skipped=report["skipped"], ignored=report["ignored"], batches=report["batches"],
                     seconds=report["seconds"], reasons=report["reasons"])
    err.print(_run_table(stats))
    for message in report["skipped_messages"]:
        err.print(f"[yellow]skipped:[/yellow] {message}", highlight=False)
    Console().print(_dyads_table(report["top_dyads"]))
    if stats.skipped:
        return 1 if stats.articles or stats.duplicates or stats.near_duplicates else 2
    return 0


def _run_ingest(store: Any, paths: list[str], options: Any, err: Console) -> Any:
    """The ingest run, with a progress bar on a terminal and one line a committed batch otherwise."""
    from tidings.console import progress
    from tidings.ingest.runner import RunStats
    from tidings.ingest.runner import ingest as run_ingest

    with progress(err) as bar:
        if bar.disable:
            def line(s: RunStats) -> None:  # one line a committed batch, for logs and for the resume test
                err.print(f"batch {s.batches} committed: {s.read} articles read, {s.events} events, "
                          f"{s.skipped} skipped", highlight=False)

            return run_ingest(store, paths, options, on_batch=line)
        task = bar.add_task("ingest", total=_count_inputs(paths, options), info="")

        def show(s: RunStats) -> None:
            bar.update(task, completed=s.read, info=f"{s.events} events, {s.duplicates + s.near_duplicates} "
                                                    f"duplicates, {s.skipped} skipped")

        return run_ingest(store, paths, options, on_batch=show)


def _count_inputs(paths: list[str], options: Any) -> int | None:
    """How many articles and unreadable records the inputs hold (a reading pass); None for stdin."""
    from tidings.ingest.base import Document
    from tidings.ingest.registry import read_paths

    if "-" in paths:
        return None
    return sum(1 for item in read_paths(paths, options.read_options())
               if isinstance(item, Document | InputError))


def _warn_undated(store: Any, run_id: int, published: dt.date | None) -> None:
    row = store.con.execute("SELECT count(*), min(name) FROM articles WHERE run_id = ? AND published IS NULL",
                            [run_id]).fetchone()
    if row and row[0] and published is None:
        warn("W401", f"{row[0]} article(s) have no publication date and no --published/--as-of was given: "
             "their relative dates are left empty", doc_id=row[1], log=log)


def _open(db: str, err: Console, *, read_only: bool = False) -> Any:
    """The store at ``db`` (exit code 2 with the error when it cannot be opened or DuckDB is missing)."""
    _need("store", command=f"tidings {_command()}")
    from tidings.store import Store

    try:
        return Store.open(db, read_only=read_only)
    except TidingsError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _command() -> str:
    import click

    ctx = click.get_current_context(silent=True)
    return ctx.info_name or "" if ctx is not None else ""


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


# The filters of `events` and `export` (the API's /api/events takes the same, as query parameters).
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Source or target actor code (RUS*: prefix).")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Source actor code.")]
TargetOpt = Annotated[str | None, typer.Option("--target", help="Target actor code.")]
CodeOpt = Annotated[str | None, typer.Option("--code", help="CAMEO code or its prefix.")]
RootOpt = Annotated[str | None, typer.Option("--root", help="CAMEO root (01-20).")]
QuadOpt = Annotated[int | None, typer.Option("--quad", min=1, max=4, help="Quad class 1-4.")]
PloverOpt = Annotated[str | None, typer.Option("--plover", help="PLOVER event type (ASSAULT).")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Events on or after YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Events on or before YYYY-MM-DD.")]
FactualityOpt = Annotated[str | None, typer.Option("--factuality", help="asserted, reported, hedged, "
                                                   "rumoured, negated or hypothetical.")]
AttributionOpt = Annotated[str | None, typer.Option("--attribution", help="Attribution code, words of its "
                                                    "name, or none.")]
CountryOpt = Annotated[str | None, typer.Option("--country", help="Source, target or location country "
                                                "(ISO alpha-3).")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Words in the evidence sentence.")]
ArticleOpt = Annotated[str | None, typer.Option("--article", help="Article id.")]


def _filter(actor: str | None, source: str | None, target: str | None, code: str | None, root: str | None,
            quad: int | None, plover: str | None, since: str | None, until: str | None,
            factuality: str | None, attribution: str | None, country: str | None, text: str | None,
            article: str | None) -> EventFilter:
    from tidings.record import FACTUALITY_LABELS
    from tidings.store.filters import EventFilter

    if factuality is not None and factuality not in FACTUALITY_LABELS:
        raise typer.BadParameter(f"--factuality must be one of {', '.join(FACTUALITY_LABELS)}")
    return EventFilter(actor=actor, source=source, target=target, code=code, root=root, quad=quad,
                       plover=plover, since=_date(since), until=_date(until), factuality=factuality,
                       attribution=attribution, country=country, q=text, article=article)


@app.command()
def events(
    db: DbOpt = "tidings.duckdb",
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None, code: CodeOpt = None,
    root: RootOpt = None, quad: QuadOpt = None, plover: PloverOpt = None, since: SinceOpt = None,
    until: UntilOpt = None, factuality: FactualityOpt = None, attribution: AttributionOpt = None,
    country: CountryOpt = None, text: TextOpt = None, article: ArticleOpt = None,
    sort: Annotated[str, typer.Option("--sort", help="date, goldstein, quad, code, source, target or "
                                      "factuality; prefix - for descending.")] = "-date",
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many events.")] = 100,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl, csv, json, gdelt or plover.")] = "table",
) -> None:
    """Query the stored events (the same query and renderers as the API's /api/events)."""
    _need("store", command="tidings events")
    from tidings.export.render import RENDERERS, render_events

    if fmt not in RENDERERS:
        raise typer.BadParameter(f"--format must be one of {', '.join(RENDERERS)}")
    f = _filter(actor, source, target, code, root, quad, plover, since, until, factuality, attribution,
                country, text, article)
    err = Console(stderr=True)
    store = _open(db, err, read_only=True)
    try:
        from tidings.serve import queries as Q
        from tidings.serve.errors import ApiError

        cur = store.con.cursor()
        try:
            page = Q.events(cur, f, Q.Page(sort=sort, limit=limit))
        except ApiError as exc:
            raise typer.BadParameter(exc.message) from exc
        sys.stdout.write(render_events(fmt, page, cur))
    finally:
        store.close()


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help="gdelt, plover, parquet or csv.")],
    out: Annotated[Path, typer.Option("--out", help="The file to write.")],
    db: DbOpt = "tidings.duckdb",
    actor: ActorOpt = None, source: SourceOpt = None, target: TargetOpt = None, code: CodeOpt = None,
    root: RootOpt = None, quad: QuadOpt = None, plover: PloverOpt = None, since: SinceOpt = None,
    until: UntilOpt = None, factuality: FactualityOpt = None, attribution: AttributionOpt = None,
    country: CountryOpt = None, text: TextOpt = None, article: ArticleOpt = None,
    irrealis: Annotated[bool, typer.Option("--irrealis", help="Include negated and hypothetical events "
                                           "(left out by default: a row reads as something that "
                                           "happened).")] = False,
) -> None:
    """Export the stored events (GDELT 2.0 rows, PLOVER JSON lines, Parquet, CSV), filtered as in `events`."""
    _need("store", command="tidings export")
    from tidings.export import FORMATS, export, irrealis_count, undated_count

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    f = _filter(actor, source, target, code, root, quad, plover, since, until, factuality, attribution,
                country, text, article)
    err = Console(stderr=True)
    store = _open(db, err, read_only=True)
    try:
        n = export(store, fmt, out, f, irrealis=irrealis)
        left_out = 0 if irrealis or f.factuality else irrealis_count(store, f)
        undated = undated_count(store, f, irrealis=irrealis) if fmt in ("gdelt", "plover") else 0
    finally:
        store.close()
    err.print(f"{n} {fmt} record(s) written to {out}", highlight=False)
    if undated:
        warn("W402", f"{undated} event(s) with neither a date nor a publication date left out of the {fmt} "
             "export (both formats need a date; re-ingest with --published, or export csv/parquet)", log=log)
    if left_out:
        log.info("%d negated or hypothetical event(s) left out (--irrealis includes them)", left_out)


@app.command()
def recode(
    db: DbOpt = "tidings.duckdb",
    everything: Annotated[bool, typer.Option("--all", help="Recode every article, not only those coded "
                                             "by another coder version.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=0, help="Coding processes (0: in this "
                                         "process).")] = 1,
    dictionaries: DictOpt = None,
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
) -> None:
    """Run the current coder again over the stored articles."""
    _need("store", "ingest", command="tidings recode")
    from tidings.about import CODER
    from tidings.console import progress
    from tidings.ingest.runner import IngestOptions, RecodeStats
    from tidings.ingest.runner import recode as run_recode

    err = Console(stderr=True)
    store = _open(db, err)
    try:
        with progress(err) as bar:
            total = None if bar.disable else len(store.articles_to_recode(CODER, everything=everything))
            task = bar.add_task("recoding", total=total, info="")

            def show(s: RecodeStats) -> None:
                bar.update(task, completed=s.articles, info=f"{s.events} events, {s.failed} failed")

            options = IngestOptions(workers=workers, dictionaries=dictionaries, actors=tuple(actors or ()),
                                    lexicons=tuple(lexicon or ()))
            stats = run_recode(store, options, everything=everything, on_batch=show)
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
    actors: ActorsOpt = None,
    lexicon: LexiconOpt = None,
) -> None:
    """The main event of each article as who, what, when, where, why and how (5W1H)."""
    from tidings.pipeline import Options, Pipeline
    from tidings.readers import read_paths
    from tidings.summary import format_table, summarise

    if fmt not in ("jsonl", "table"):
        raise typer.BadParameter("--format must be jsonl or table")
    err = Console(stderr=True)
    pipeline = Pipeline(Options(published=_date(published), actors=tuple(actors or ()),
                                lexicons=tuple(lexicon or ())))
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
from tidings.watch.cli import watch_command  # noqa: E402

app.command("serve")(serve_command)
app.command("watch")(watch_command)


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
