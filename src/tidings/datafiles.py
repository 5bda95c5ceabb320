"""Reading tidings' tab-separated data files: the packaged tables and the ones users layer over them.

Every table has one format: UTF-8 text, tab-separated cells, lines starting with ``#`` and blank lines
ignored, the first other line the header, then one row a line with as many cells as the header. The readers
of each table (lexicon, cues, actors, places ...) check what their cells mean; this module reads the rows and
raises :class:`~tidings.errors.DataError` [T102] naming the file and line of what is malformed.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tidings.errors import DataError

__all__ = ["Row", "packaged_text", "read_rows", "table_header", "user_text"]


@dataclass(frozen=True, slots=True)
class Row:
    """One data row of a table, with where it stands (for errors)."""

    source: str  # the file, as errors name it
    number: int  # its line in the file, from 1
    header: tuple[str, ...]
    cells: tuple[str, ...]
    raw: str  # the line as written

    def error(self, message: str) -> DataError:
        """A :class:`DataError` for this row: ``source:line: message``."""
        return DataError(f"{self.source}:{self.number}: {message}")

    def record(self) -> dict[str, str]:
        """The row as a mapping from the header's columns to its cells."""
        return dict(zip(self.header, self.cells, strict=True))


def packaged_text(package: str, name: str) -> str:
    """The text of ``name`` in the ``data/`` folder of ``package`` (``tidings.events``, ...)."""
    where = f"{package.removeprefix('tidings.')}/data/{name}"
    try:
        return resources.files(package).joinpath("data", name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError, UnicodeDecodeError) as exc:
        raise DataError(f"{where} cannot be read ({exc})") from exc


def user_text(path: Path | str) -> str:
    """The text of a user's data file."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot be read ({exc})") from exc


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip() and not raw.lstrip().startswith("#"):
            yield number, raw


def _cells(raw: str, quoting: bool) -> tuple[str, ...]:
    split = next(csv.reader([raw], delimiter="\t")) if quoting else raw.split("\t")
    return tuple(cell.strip() for cell in split)


def table_header(text: str) -> tuple[str, ...]:
    """The columns a table's header names (none for a file without one)."""
    first = next(_numbered_lines(text), None)
    return () if first is None else _cells(first[1], quoting=False)


def _check_header(found: tuple[str, ...], header: Sequence[str] | None, columns: Sequence[str],
                  where: str) -> None:
    if header is not None and list(found) != list(header):
        raise DataError(f"{where}: header {list(found)} is not {list(header)}")
    if not set(columns) <= set(found):
        raise DataError(f"{where}: header {list(found)} lacks one of {list(columns)}")


def read_rows(text: str, *, source: str, header: Sequence[str] | None = None, columns: Sequence[str] = (),
              quoting: bool = False) -> Iterator[Row]:
    """The data rows of one table, their cells stripped of surrounding white space.

    With ``header`` the file's header must be exactly those columns; with ``columns`` it must include them;
    with either, a file without a header line is an error. Each row must have as many cells as the header.
    ``quoting`` reads cells in double quotes the CSV way (``"a ""b"" c"``); by default quotes are text.
    """
    lines = _numbered_lines(text)
    first = next(lines, None)
    if first is None:
        if header is not None or columns:
            raise DataError(f"{source}: no header line")
        return
    found = _cells(first[1], quoting)
    _check_header(found, header, columns, f"{source}:{first[0]}")
    for number, raw in lines:
        cells = _cells(raw, quoting)
        if len(cells) != len(found):
            raise DataError(f"{source}:{number}: {len(cells)} columns, expected {len(found)}: {raw!r}")
        yield Row(source, number, found, cells, raw)
