"""The CLI's logging set-up: --quiet/--verbose levels, numbered warnings and Python's (spaCy's) warnings on
the same rich handler; the progress bar's columns."""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator

import pytest
from rich.console import Console

from tidings.console import RateColumn, configure_logging, progress
from tidings.log import get_logger, warn


@pytest.fixture
def restore_logging() -> Iterator[None]:
    saved = {name: (logging.getLogger(name).handlers[:], logging.getLogger(name).level,
                    logging.getLogger(name).propagate) for name in ("tidings", "py.warnings", "spacy")}
    yield
    logging.captureWarnings(False)
    for name, (handlers, level, propagate) in saved.items():
        log = logging.getLogger(name)
        log.handlers[:] = handlers
        log.setLevel(level)
        log.propagate = propagate


def _console() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=200, color_system=None), out


@pytest.mark.usefixtures("restore_logging")
@pytest.mark.parametrize(("flags", "level"), [
    ({}, logging.WARNING), ({"verbose": 1}, logging.INFO),
    ({"verbose": 2}, logging.DEBUG), ({"quiet": True}, logging.ERROR)])
def test_levels(flags: dict[str, int], level: int) -> None:
    console, out = _console()
    assert configure_logging(console=console, **flags) == level  # type: ignore[arg-type]
    get_logger("tidings.test").info("a step was done")
    warn("W499", "a numbered warning for the test", doc_id="doc-1", log=get_logger("tidings.test"))
    text = out.getvalue()
    assert ("a step was done" in text) == (level <= logging.INFO)
    assert ("[W499] a numbered warning for the test (document 'doc-1')" in text) == (level <= logging.WARNING)


@pytest.mark.usefixtures("restore_logging")
def test_python_warnings_are_shown_not_hidden() -> None:
    console, out = _console()
    configure_logging(console=console)
    configure_logging(console=console)  # a second call replaces the handler, it does not add one
    assert sum(1 for h in logging.getLogger("tidings").handlers if hasattr(h, "_tidings_cli_handler")) == 1
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("[W095] a model warning, as spaCy words them", UserWarning, stacklevel=1)
    assert "[W095] a model warning" in out.getvalue()


def test_progress_bar_shows_total_rate_and_eta() -> None:
    console, out = _console()
    bar = progress(console, disable=False)
    task = bar.add_task("coding", total=10, info="3 events")
    bar.update(task, advance=4)
    row = bar.make_tasks_table(bar.tasks)
    assert any(isinstance(c, RateColumn) for c in bar.columns)
    console.print(row)
    text = out.getvalue()
    assert "coding" in text and "4/10" in text and "ETA" in text and "3 events" in text
    assert progress(Console(file=io.StringIO())).disable  # no terminal: no bar
