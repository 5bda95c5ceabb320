"""What the command line shows on standard error: the ``tidings`` logger through rich, and progress bars.

    configure_logging(verbose=1)            # -v: INFO; -vv: DEBUG; --quiet: errors only; default: warnings
    with progress(console) as bar:          # total, done, rate, elapsed, ETA; off when not a terminal
        task = bar.add_task("coding", total=120)

The library only logs (:mod:`tidings.log`); this module is where an application decides how that looks.
Python warnings (spaCy's ``[W...]`` warnings among them) go to the same handler, shown, not hidden.
"""

from __future__ import annotations

import logging

from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

__all__ = ["RateColumn", "configure_logging", "progress", "require_extras"]

_LOGGERS = ("tidings", "py.warnings", "spacy")
_MARK = "_tidings_cli_handler"


def configure_logging(*, verbose: int = 0, quiet: bool = False, console: Console | None = None) -> int:
    """Send the ``tidings`` logger (and Python's and spaCy's warnings) to a rich handler on stderr; return
    the level. Calling it again replaces the handler it added before."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO)[min(verbose, 1)]
    if verbose >= 2:
        level = logging.DEBUG
    handler = RichHandler(console=console or Console(stderr=True), show_time=False, show_path=False,
                          markup=False, rich_tracebacks=False)
    setattr(handler, _MARK, True)
    handler.setLevel(level)
    logging.captureWarnings(True)
    for name in _LOGGERS:
        log = logging.getLogger(name)
        for old in [h for h in log.handlers if getattr(h, _MARK, False)]:
            log.removeHandler(old)
        log.addHandler(handler)
        log.setLevel(level)  # records still propagate: an application's or pytest's root handlers see them
    return level


class RateColumn(ProgressColumn):
    """Items per second of a task (``12.5/s``), blank until rich has measured it."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.1f}/s", style="progress.data.speed")


def progress(console: Console, *, transient: bool = False, disable: bool | None = None) -> Progress:
    """A progress bar with the total, the count done, the rate, the time taken and the time left; shown only
    when ``console`` is a terminal (logs and pipes get the summary lines instead) unless ``disable`` says.
    Each task takes an ``info`` field: ``bar.add_task("coding", total=n, info="")``."""
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                    TextColumn("{task.fields[info]}"), console=console, transient=transient,
                    disable=not console.is_terminal if disable is None else disable)


def require_extras(*extras: str, command: str) -> None:
    """Stop a command with exit code 2 and the numbered error ([T501]) when an extra it needs is not
    installed."""
    import typer

    from tidings.errors import MissingExtra
    from tidings.extras import require

    try:
        require(*extras, command=command)
    except MissingExtra as exc:
        Console(stderr=True).print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
