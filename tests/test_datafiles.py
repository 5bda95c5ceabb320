"""The one reader of tidings' TSV data files: comments, header checks, numbered errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.datafiles import packaged_text, read_rows, user_text
from tidings.errors import DataError

TABLE = "# a comment\n\nname\tkind\n  # an indented comment\nalpha \t one\n\nbeta\ttwo\n"


def test_rows_skip_comments_and_blanks_and_keep_file_line_numbers() -> None:
    rows = list(read_rows(TABLE, source="t.tsv", header=["name", "kind"]))
    assert [row.cells for row in rows] == [("alpha", "one"), ("beta", "two")]
    assert [row.number for row in rows] == [5, 7]
    assert rows[1].record() == {"name": "beta", "kind": "two"}
    assert str(rows[0].error("bad")).endswith("t.tsv:5: bad")


def test_header_must_match_or_include() -> None:
    with pytest.raises(DataError, match=r"\[T102\].* t\.tsv:3: header \['name', 'kind'\] is not"):
        list(read_rows(TABLE, source="t.tsv", header=["kind", "name"]))
    with pytest.raises(DataError, match="lacks one of"):
        list(read_rows(TABLE, source="t.tsv", columns=["name", "place"]))
    assert len(list(read_rows(TABLE, source="t.tsv", columns=["kind"]))) == 2


def test_width_and_missing_header_are_numbered_errors() -> None:
    with pytest.raises(DataError, match=r"t\.tsv:3: 3 columns, expected 2"):
        list(read_rows("a\tb\nx\ty\nx\ty\tz\n", source="t.tsv"))
    with pytest.raises(DataError, match=r"t\.tsv:2: 1 columns"):
        list(read_rows("a\tb\nx\n", source="t.tsv"))
    with pytest.raises(DataError, match="no header line"):
        list(read_rows("# only a comment\n", source="t.tsv", header=["a"]))
    assert list(read_rows("", source="t.tsv")) == []


def test_quoting_is_optional() -> None:
    text = 'code\tname\n1\t"a ""b"" c"\n'
    [quoted] = read_rows(text, source="t.tsv", quoting=True)
    [plain] = read_rows(text, source="t.tsv")
    assert quoted.cells[1] == 'a "b" c'
    assert plain.cells[1] == '"a ""b"" c"'


def test_file_texts(tmp_path: Path) -> None:
    assert "lemma" in packaged_text("tidings.events", "verbs.tsv")
    with pytest.raises(DataError, match=r"events/data/nothing\.tsv cannot be read"):
        packaged_text("tidings.events", "nothing.tsv")
    path = tmp_path / "mine.tsv"
    path.write_text("a\tb\n", encoding="utf-8")
    assert user_text(path) == "a\tb\n"
    with pytest.raises(DataError, match="cannot be read"):
        user_text(tmp_path / "missing.tsv")
