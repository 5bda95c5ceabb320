"""The command line: parse the options, call the library, print, return a meaningful exit code.

Exit codes: 0 everything was coded; 1 some documents were skipped (the summary on stderr says which and why);
2 bad usage or nothing could be read at all.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
