"""Bounded memory while reading: what one input costs is bounded by what its kind can use, not by how far
it expands (traced with tracemalloc on generated inputs; no timing)."""

from __future__ import annotations

import gzip
import itertools
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

from tidings.errors import DocumentTooLarge, MalformedInput, MarkupTooComplex
from tidings.ingest.base import Document, ReadOptions
from tidings.ingest.records import lines
from tidings.ingest.registry import read_bytes, sniff
from tidings.validate import Limits, max_text_bytes

MIB = 2**20


def peak(read: Callable[[], Iterator[Any]], items: int) -> tuple[int, list[Any]]:
    """The most memory Python held (above what it held before) while the first ``items`` items were read."""
    tracemalloc.start()
    try:
        got = list(itertools.islice(read(), items))
        return tracemalloc.get_traced_memory()[1], got
    finally:
        tracemalloc.stop()


def repeated(unit: bytes, size: int) -> bytes:
    return unit * (size // len(unit))


def test_lines_are_the_lines_of_splitlines() -> None:
    for data in (b"", b"a", b"a\n", b"a\nb", b"a\r\nb\rc\n\nd\r", b"\n\n", b"x\r", b"\r\n\r\n"):
        assert list(lines(data)) == data.splitlines(), data


def test_a_jsonl_of_short_lines_is_read_one_line_at_a_time() -> None:
    """Two million short records: a list of every line (what was read before the first record) is more
    than ten times the file; one line at a time costs a small share of it."""
    data = repeated(b'{"a":1}\n', 16 * MIB)
    used, got = peak(lambda: read_bytes(data, "many.jsonl", ReadOptions(), "jsonl"), 50)
    assert len(got) == 50 and all(isinstance(e, MalformedInput) for e in got)
    assert used < len(data) // 4
    assert sniff(data) == "jsonl"


def test_a_csv_is_not_copied_into_a_string_buffer() -> None:
    data = b"title,text\n" + repeated(b"x,y\n", 8 * MIB)
    used, got = peak(lambda: read_bytes(data, "rows.csv", ReadOptions(), "csv"), 20)
    assert len(got) == 20
    assert used < 1.5 * len(data)  # the decoded text (1x for ASCII) and little more; with a StringIO 5x


def test_a_gzipped_text_is_refused_once_it_passes_what_max_chars_allows() -> None:
    limits = Limits(max_chars=10_000)
    data = gzip.compress(repeated(b"word ", 40 * MIB))
    used, got = peak(lambda: read_bytes(data, "story.txt.gz", ReadOptions(limits=limits), "txt"), 5)
    assert [type(e) for e in got] == [DocumentTooLarge] and "max_chars" in str(got[0])
    assert used < 4 * max_text_bytes(limits) + MIB  # not the 40 MiB it expands to


def test_a_text_file_past_max_chars_is_refused_before_it_is_decoded() -> None:
    limits = Limits(max_chars=10_000)
    over = b"word " * (max_text_bytes(limits) // 5 + 1)
    assert isinstance(next(read_bytes(over, "a.txt", ReadOptions(limits=limits), "txt")), DocumentTooLarge)
    small = b"The talks went on. " * 100
    assert isinstance(next(read_bytes(small, "b.txt", ReadOptions(limits=limits), "txt")), Document)
    big = repeated(b"word ", 8 * MIB)
    used, got = peak(lambda: read_bytes(big, "c.txt", ReadOptions(limits=limits), "txt"), 5)
    assert [type(e) for e in got] == [DocumentTooLarge] and used < MIB


def test_a_gzipped_page_is_refused_at_the_markup_limit() -> None:
    limits = Limits(max_markup_bytes=MIB)
    data = gzip.compress(repeated(b"<p>word</p>", 40 * MIB))
    used, got = peak(lambda: read_bytes(data, "page.html.gz", ReadOptions(limits=limits), "html"), 5)
    assert [type(e) for e in got] == [MarkupTooComplex] and "max_markup_bytes" in str(got[0])
    assert used < 4 * MIB
