"""What the coder tests share: code a sentence written for a test and read back its events as triples, and
read the tab-separated files of sentences written for tests (``tests/data``).

The ``pipeline`` fixture (one default :class:`~tidings.Pipeline` a test module) is in ``conftest.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from tidings import Article, Event, Pipeline

Triple = tuple[str, str, str]  # (source code, target code, CAMEO code)

DAY = dt.date(2021, 3, 4)  # the publication day of a test article, unless a test says otherwise


def tsv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a test data file: tab-separated with a header line, "#" lines are comments."""
    with path.open(encoding="utf-8") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _day(published: dt.date | str | None) -> dt.date | None:
    return dt.date.fromisoformat(published) if isinstance(published, str) else published


def events(pipeline: Pipeline, text: str, published: dt.date | str | None = DAY, *,
           doc_id: str = "t") -> list[Event]:
    """The events ``pipeline`` codes in ``text`` (article ``doc_id``), published on ``published`` (a date or
    ISO string)."""
    return pipeline.extract(Article(doc_id, text, _day(published)))


def triple(event: Event, blank: str = "") -> Triple:
    """(source code, target code, CAMEO code) of ``event``; ``blank`` for a side it has not."""
    return (event.source.code if event.source else blank, event.target.code if event.target else blank,
            event.cameo.code)


def triples(pipeline: Pipeline, text: str, published: dt.date | str | None = DAY, *,
            blank: str = "") -> set[Triple]:
    """The triples of the events ``pipeline`` codes in ``text``."""
    return {triple(e, blank) for e in events(pipeline, text, published)}


def roots(pipeline: Pipeline, text: str, published: dt.date | str | None = DAY) -> set[Triple]:
    """(source code, target code, CAMEO root) of the events ``pipeline`` codes in ``text``."""
    return {(s, t, code[:2]) for s, t, code in triples(pipeline, text, published)}


def _fits(code: str, expected: str) -> bool:
    return expected == "-" or code.startswith(expected)


def score_row(pipeline: Pipeline, row: dict[str, str]) -> tuple[bool, bool]:
    """For a row of a labelled sentence file (sentence, root, source, target; "-" for any side): (an event of
    the expected root, one with the expected sides too) in the row's sentence."""
    found = [t for t in triples(pipeline, row["sentence"]) if t[2][:2] == row["root"]]
    return bool(found), any(_fits(s, row["source"]) and _fits(t, row["target"]) for s, t, _ in found)
