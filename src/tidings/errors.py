"""Errors tidings raises, one tree, numbered messages.

    TidingsError
    ├── InputError            a document cannot be read or coded (the batch skips it and says why)
    │   ├── EmptyDocument         [T001]
    │   ├── BinaryDocument        [T002]
    │   ├── EncodingError         [T003]
    │   ├── NotEnglish            [T004]
    │   ├── DocumentTooLarge      [T005]
    │   ├── MalformedInput        [T006]
    │   ├── UnsupportedInput      [T007]   (a WARC record or file kind tidings does not code)
    │   ├── NotProse              [T008]   (mostly symbols, emoji or digits, not words)
    │   ├── MarkupTooComplex      [T009]   (an HTML page or feed past the markup limits)
    │   ├── ExpandsTooFar         [T010]   (compressed data that expands past the limit: a gzip bomb)
    │   ├── UnreadableInput       [T011]   (permission denied, a dangling link, not a regular file)
    │   ├── OutsideInput          [T012]   (a symbolic link leading out of the folder being read)
    │   ├── CodingFailed          [T013]   (an unexpected error while coding this one document)
    │   ├── CodingTooSlow         [T014]   (coding this one document used up its time budget)
    │   └── CodingTimedOut        [T015]   (coding this one document passed its wall-clock time limit)
    ├── DictionaryError       a PETRARCH/Phoenix dictionary file cannot be parsed        [T101]
    ├── DataError             a packaged data file is missing or malformed               [T102]
    ├── StoreError            the event store cannot be opened, migrated or written      [T301]
    ├── ClusterError          the Dask cluster cannot be reached, or partitions failed    [T401]
    ├── ModelError            the spaCy model cannot be loaded                           [T201]
    ├── PipelineError         the stages are in an order where one needs what none adds  [T202]
    └── MissingExtra          a command needs an optional part that is not installed     [T501]

Other libraries' errors are translated where they are caught, with ``raise ... from exc``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar


class TidingsError(Exception):
    """Base of every error tidings raises on purpose."""

    code = "T000"
    template = "{detail}"

    def __init__(self, detail: str = "", *, doc_id: str | None = None) -> None:
        self.detail = detail
        self.doc_id = doc_id
        where = f" (document {doc_id!r})" if doc_id else ""
        super().__init__(f"[{self.code}] {self.template.format(detail=detail)}{where}")

    @property
    def reason(self) -> str:
        """A short machine-friendly reason, used in skip reports."""
        return type(self).__name__


class InputError(TidingsError):
    code = "T000"


class EmptyDocument(InputError):
    code = "T001"
    template = "The document has no text to code{detail}"


class BinaryDocument(InputError):
    code = "T002"
    template = "The document looks binary, not text{detail}"


class EncodingError(InputError):
    code = "T003"
    template = "The document is not valid UTF-8 text{detail}"


class NotEnglish(InputError):
    code = "T004"
    template = "The document does not look like English{detail}"


class DocumentTooLarge(InputError):
    code = "T005"
    template = "The document is too large to code{detail}"


class MalformedInput(InputError):
    code = "T006"
    template = "The input is malformed: {detail}"


class UnsupportedInput(InputError):
    code = "T007"
    template = "The input is not something tidings codes: {detail}"


class NotProse(InputError):
    code = "T008"
    template = "The document is not prose (mostly symbols, emoji or digits, not words){detail}"


class MarkupTooComplex(InputError):
    code = "T009"
    template = "The markup is past the limits tidings extracts from: {detail}"


class ExpandsTooFar(InputError):
    code = "T010"
    template = "The compressed input expands past the limit: {detail}"


class UnreadableInput(InputError):
    code = "T011"
    template = "The input cannot be read: {detail}"


class OutsideInput(InputError):
    code = "T012"
    template = "A symbolic link leads out of the folder being read, and is not followed: {detail}"


class CodingFailed(InputError):
    """An unexpected error (a bug, or a library's limit) while coding one document: the batch goes on."""

    code = "T013"
    template = "Coding this document failed: {detail}"


class CodingTooSlow(InputError):
    """One document used more than its time budget (:attr:`tidings.validate.Limits.max_seconds`)."""

    code = "T014"
    template = "Coding this document took longer than its time budget{detail}"


class CodingTimedOut(InputError):
    """One document's coding passed its wall-clock limit (:attr:`tidings.validate.Limits.max_wall_seconds`):
    abandoned at its next sentence, or with the coding process that was stuck in it."""

    code = "T015"
    template = "Coding this document passed its wall-clock time limit{detail}"


class DictionaryError(TidingsError):
    code = "T101"
    template = "Cannot read dictionary: {detail}"


class DataError(TidingsError):
    code = "T102"
    template = "Packaged data is missing or malformed: {detail}"


class StoreError(TidingsError):
    code = "T301"
    template = "Event store: {detail}"


class ClusterError(TidingsError):
    """The Dask cluster cannot be reached or started, or partitions failed for good."""

    code = "T401"
    template = "Dask run: {detail}"


class ModelError(TidingsError):
    code = "T201"
    template = "Cannot load the spaCy model: {detail}"


class PipelineError(TidingsError):
    """A stage needs what no earlier stage adds (see ``tidings.pipeline.STAGES``)."""

    code = "T202"
    template = "Pipeline: {detail}"


class MissingExtra(TidingsError):
    """A command needs packages of an extra (``pip install 'tidings[store]'``) that are not installed."""

    code = "T501"
    template = "{detail}"


_A = TypeVar("_A")
_R = TypeVar("_R")


def contained(step: Callable[[_A], _R], value: _A, doc_id: str) -> _R:
    """``step(value)`` for one document, where an error nobody planned for (a bug, a library's own limit,
    a recursion too deep) becomes :class:`CodingFailed` naming the document, so that a batch skips it and
    goes on; tidings' own errors pass unchanged. The traceback is logged at DEBUG under ``tidings``."""
    try:
        return step(value)
    except TidingsError:
        raise
    except Exception as exc:
        import logging

        logging.getLogger("tidings").debug("coding %r failed", doc_id, exc_info=True)
        raise CodingFailed(f"{type(exc).__name__}: {str(exc)[:300]}", doc_id=doc_id) from exc
