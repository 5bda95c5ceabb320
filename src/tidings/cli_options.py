"""Command-line options of the commands that code articles (``ingest``, ``watch``), and the one function that
turns them into :class:`~tidings.ingest.runner.IngestOptions` (so both code alike, and a hand-off to a
server carries what the user gave: :mod:`tidings.serve.handoff`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from tidings.ingest.runner import IngestOptions

PublishedOpt = Annotated[str | None, typer.Option("--published", "--as-of", help="The date (YYYY-MM-DD) to "
                                                 "read articles that carry no publication date as of; "
                                                 "without it their relative dates stay empty.")]
DictOpt = Annotated[Path | None, typer.Option("--dictionaries", help="Folder of PETRARCH/Phoenix-format "
                                              "actor, agent and verb dictionaries to load on top of ours.")]
ActorsOpt = Annotated[list[Path] | None, typer.Option("--actors", help="Your actor table (TSV with the "
                                                      "header of a packaged one, e.g. leaders.tsv).")]
LexiconOpt = Annotated[list[Path] | None, typer.Option("--lexicon", help="Your verb patterns (verbs.tsv "
                                                       "schema; a file named *nouns.tsv: event nouns).")]
FieldsOpt = Annotated[str | None, typer.Option("--fields", help="Record field names for JSON/JSONL/CSV, "
                                               "e.g. text=body,published=pubdate.")]
TimeLimitOpt = Annotated[float | None, typer.Option("--time-limit", min=0, help="Wall-clock seconds one "
                                                    "document's coding may take (max_wall_seconds; 0: "
                                                    "none); past it the document is skipped, T015.")]
LimitOpt = Annotated[list[str] | None, typer.Option("--limit", help="Change one input limit, NAME=VALUE "
                                                    "(tidings.validate.Limits, docs/hostile-input.md); "
                                                    "repeatable.")]


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"not a YYYY-MM-DD date: {value!r}") from exc


def coding_options(*, published: str | None = None, fields: str | None = None, workers: int = 1,
                   batch: int = 32, dictionaries: Path | None = None, actors: list[Path] | None = None,
                   lexicon: list[Path] | None = None, time_limit: float | None = None,
                   limit: list[str] | None = None) -> IngestOptions:
    """The ingest options of a command line (``typer.BadParameter`` for a bad date, field map or limit)."""
    from tidings.ingest.base import parse_fields
    from tidings.ingest.runner import IngestOptions
    from tidings.validate import with_limits

    try:
        field_map = parse_fields(fields)
        limits = with_limits([*(limit or ()), *([f"max_wall_seconds={time_limit}"] if time_limit is not None
                                                else [])])
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    return IngestOptions(published=parse_date(published), fields=field_map, workers=workers, batch=batch,
                         dictionaries=dictionaries, actors=tuple(actors or ()), lexicons=tuple(lexicon or ()),
                         limits=limits)
