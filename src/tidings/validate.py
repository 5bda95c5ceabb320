"""Checks that a document can be coded at all, before any work is spent on it, and the limits that bound
the work one document may cost.

Each check raises an :class:`~tidings.errors.InputError` subclass naming the document, so that a batch can
skip it, say why, and go on. The limits are stated in one options object, :class:`Limits`; what happens
when one is passed is said beside it:

==========================  ===========  =====================================================================
limit                       default      when passed
==========================  ===========  =====================================================================
``max_file_bytes``          256 MiB      the file is not read: skipped, [T005]
``max_decompressed_bytes``  256 MiB      a ``.gz`` that expands further is not read: skipped, [T010]
``max_markup_bytes``        10 MiB       an HTML page, feed or WARC record body is not parsed: skipped, [T009]
``max_tag_attributes``      256          an HTML page with a tag carrying more is not parsed: skipped, [T009]
``max_elements``            50,000       an HTML page with more elements is not extracted: skipped, [T009]
``max_attributes``          100,000      ... with more attributes on all its elements: skipped, [T009]
``max_depth``               200          ... with elements nested deeper: skipped, [T009]
``max_chars``               300,000      a longer document is skipped, [T005]
``max_lines``               5,000        a document with more lines is skipped, [T005]
``max_word_chars``          1,000        a run of more characters without a space: skipped, [T005]
``min_letter_share``        0.40         a document whose characters are mostly not letters: skipped, [T008]
``max_sentences``           3,000        a document with more sentences is skipped, [T005]
``max_sentence_tokens``     250          a longer sentence is not parsed: warning [W003], the rest is coded
``max_parsed_tokens``       50,000       a document with more words in the sentences to parse: skipped, [T005]
``max_events``              500          events past this are dropped: warning [W004], the first are kept
``max_seconds``             30.0         a document whose own coding uses more CPU seconds: skipped, [T014]
``max_wall_seconds``        120.0        ... more wall-clock seconds: skipped, [T015]; 0: no wall limit
==========================  ===========  =====================================================================

Why skip or truncate: the document-wide limits (size, lines, sentences, markup) are far above any news
article, so a document past one is not an article (a log, a dump, a generated page, an attack) and coding a
part of it would give events from a text nobody wrote as news: it is skipped with its reason. A single
over-long "sentence" (a list, a table flattened into one line) is left unparsed with a warning, because the
rest of the article is still news. The events cap keeps an enumeration ("talks with A, B, C, ...") from
flooding the store; the first events, in text order, are kept.

Bounded memory and time follow from these: spaCy sees at most ``max_chars`` characters a document (well
under its own 1,000,000-character limit), the parser at most ``max_sentence_tokens`` tokens a sentence (so
no tree is deeper than the recursion limit), the tokenizer no whitespace-free run longer than
``max_word_chars`` (its prefix/suffix search is quadratic in a run's length), and no compressed input is
expanded past ``max_decompressed_bytes``. The parser, which runs over the sentences of many documents at
once, sees at most ``max_parsed_tokens`` words of one document. Everything else one document costs
(checks, cleaning, splitting, name matching, mentions, coding) is metered by a :class:`Budget` of
``max_seconds`` CPU seconds of the thread that codes it (CPU time, not wall time, so that a busy machine
does not change which documents are coded): past it the document is skipped at its next sentence.

The same :class:`Budget` meters the wall-clock time of those stages against ``max_wall_seconds``, the hard
bound: a document past it is skipped at its next sentence, [T015]; and where the coding runs in child
processes (``ingest --workers N``, the server's coding pool) the parent watches every document's wall time
as its :class:`Budget` reports it (:func:`set_watcher`) and stops a coding process stuck in one document
for ``max_wall_seconds`` plus a grace (:func:`hard_deadline`), so that not even a call that never returns
to Python holds a batch: the document is skipped with [T015] and the others are coded again in a new
process (:mod:`tidings.ingest.runner`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from tidings.errors import (
    BinaryDocument,
    CodingTimedOut,
    CodingTooSlow,
    DocumentTooLarge,
    EmptyDocument,
    EncodingError,
    InputError,
    NotEnglish,
    NotProse,
)
from tidings.log import get_logger, warn

_log = get_logger(__name__)
MIB = 2**20


@dataclass(frozen=True, slots=True)
class Limits:
    """The stated bounds on one input; see the module's table for what passing each one does."""

    max_file_bytes: int = 256 * MIB
    max_decompressed_bytes: int = 256 * MIB
    max_markup_bytes: int = 10 * MIB
    max_tag_attributes: int = 256
    max_elements: int = 50_000
    max_attributes: int = 100_000
    max_depth: int = 200
    max_chars: int = 300_000
    max_lines: int = 5_000
    max_word_chars: int = 1_000
    min_letter_share: float = 0.40
    max_sentences: int = 3_000
    max_sentence_tokens: int = 250
    max_parsed_tokens: int = 50_000
    max_events: int = 500
    max_seconds: float = 30.0
    max_wall_seconds: float = 120.0


DEFAULT_LIMITS = Limits()


def with_limits(specs: Sequence[str], base: Limits = DEFAULT_LIMITS) -> Limits:
    """``base`` with the limits ``NAME=VALUE`` of ``specs`` changed (``max_wall_seconds=60``; ``ingest
    --limit``); a ``ValueError`` names an unknown limit or a value that is not a number."""
    kinds = {f.name: f.type for f in fields(Limits)}
    changes: dict[str, Any] = {}
    for spec in specs:
        name, sep, value = (part.strip() for part in spec.partition("="))
        if not sep or name not in kinds:
            raise ValueError(f"bad limit {spec!r}: use NAME=VALUE with NAME one of " + ", ".join(kinds))
        number = float(value.replace("_", ""))
        if number < 0 or number != number:
            raise ValueError(f"bad limit {spec!r}: a limit is a number, 0 or more")
        changes[name] = number if kinds[name] == "float" else int(number)
    return replace(base, **changes)
MAX_CHARS = DEFAULT_LIMITS.max_chars

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u06FF\u4E00-\u9FFF]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE = re.compile(r"\s+")
_NOT_LETTER = re.compile(r"[\W\d_]+")
# The most frequent English function words: in any English prose of 30+ words they make up a large share.
_ENGLISH = frozenset({
    "the", "of", "and", "to", "a", "in", "is", "was", "that", "for", "on", "it", "with", "as", "by", "at",
    "from", "he", "his", "her", "she", "they", "their", "be", "are", "were", "has", "have", "had", "not",
    "this", "which", "an", "or", "but", "its", "who", "will", "would", "said", "says", "been", "after",
    "more", "than", "also",
})
_BOMS = ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def max_text_bytes(limits: Limits = DEFAULT_LIMITS) -> int:
    """The most bytes a one-article text file can hold and still be within :attr:`Limits.max_chars` once
    decoded: a character is at most 4 bytes in UTF-8 and UTF-16, and at most one in 1,000 is a NUL that
    :func:`decode` removes; the rest is margin. A larger file is refused before it is decoded (or, gzipped,
    decompressed further), so the text of a document that cannot be coded is never held."""
    return 5 * limits.max_chars + 1024


def decode(data: bytes, doc_id: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), or UTF-16 with its BOM; binary data and other encodings
    are refused. A few stray NUL characters past the start are removed with warning [W001]."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return strip_nul(data[len(bom):].decode(codec), doc_id)
            except UnicodeDecodeError as exc:
                raise EncodingError(f" (UTF-16 byte {exc.start}: {exc.reason})", doc_id=doc_id) from exc
    if b"\x00" in data[:4096]:
        raise BinaryDocument(f" ({len(data)} bytes with NUL bytes)", doc_id=doc_id)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(f" (byte {exc.start}: {exc.reason})", doc_id=doc_id) from exc
    nul = text.count("\x00")
    if nul > max(8, len(text) // 1000):
        raise BinaryDocument(f" ({nul} NUL bytes in {len(data)})", doc_id=doc_id)
    return strip_nul(text, doc_id)


def strip_nul(text: str, doc_id: str | None) -> str:
    """The text without NUL characters (which no text format means, and a store or an export mangles),
    [W001], and with lone surrogates (a JSON ``"\\ud800"``, which UTF-8 cannot encode) replaced by U+FFFD,
    [W005]."""
    if "\x00" in text:
        warn("W001", f"{text.count(chr(0))} NUL character(s) removed from the text", doc_id=doc_id, log=_log)
        text = text.replace("\x00", "")
    if text.isascii():  # (no copy: encoding a long text to look for surrogates doubled its memory)
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        warn("W005", "lone surrogate characters replaced by U+FFFD", doc_id=doc_id, log=_log)
        text = _SURROGATE.sub("\ufffd", text)
    return text


def plain(value: str) -> str:
    """A short field (title, author, URL) without NUL and lone surrogates, quietly."""
    if "\x00" in value:
        value = value.replace("\x00", "")
    return value if value.isascii() else _SURROGATE.sub("\ufffd", value)


def check_text(text: str, doc_id: str, *, max_chars: int | None = None,
               limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse empty, binary-looking, huge, non-prose or non-English text (see :class:`Limits`)."""
    if not text or not text.strip():
        raise EmptyDocument("", doc_id=doc_id)
    limit = limits.max_chars if max_chars is None else max_chars
    if len(text) > limit:
        raise DocumentTooLarge(f" ({len(text):,} characters; the limit is {limit:,})", doc_id=doc_id)
    lines = text.count("\n") + 1
    if lines > limits.max_lines:
        raise DocumentTooLarge(f" ({lines:,} lines; the limit is {limits.max_lines:,})", doc_id=doc_id)
    sample = text[:20_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(sample) // 100) or "\ufffd" * 3 in sample or "\x00" in text:
        raise BinaryDocument(f" ({controls} control characters in the first {len(sample)})", doc_id=doc_id)
    _check_prose(text, doc_id, limits)
    words = _WORD.findall(sample)
    if len(words) >= 20:
        ascii_words = [w for w in words if w.isascii()]
        share = sum(1 for w in words if w.lower() in _ENGLISH) / len(words)
        if share < 0.08 or len(ascii_words) < len(words) * 0.5:
            raise NotEnglish(f" ({share:.0%} English function words)", doc_id=doc_id)


def _check_prose(text: str, doc_id: str, limits: Limits) -> None:
    """Prose is mostly letters, and its words are short: refuse emoji or symbol floods and endless runs."""
    long_run = re.search(rf"\S{{{limits.max_word_chars + 1}}}", text)
    if long_run is not None:
        raise DocumentTooLarge(f" (a run of more than {limits.max_word_chars:,} characters without a space "
                               f"at character {long_run.start():,})", doc_id=doc_id)
    visible = len(_SPACE.sub("", text))
    if visible < 40:
        return  # too short to judge by shares; the English check and the coder decide
    letters = len(_NOT_LETTER.sub("", text))
    if letters < visible * limits.min_letter_share:
        raise NotProse(f" ({letters / visible:.0%} of its {visible:,} visible characters are letters; at "
                       f"least {limits.min_letter_share:.0%} expected)", doc_id=doc_id)


def check_sentences(sentences: Sequence[Any], doc_id: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse a document split into more sentences than :attr:`Limits.max_sentences`."""
    if len(sentences) > limits.max_sentences:
        raise DocumentTooLarge(f" ({len(sentences):,} sentences; the limit is {limits.max_sentences:,})",
                               doc_id=doc_id)


def parseable(sentences: Sequence[Any], doc_id: str, limits: Limits = DEFAULT_LIMITS) -> list[Any]:
    """The sentences short enough to parse; the others are named in one warning [W003] and stay unparsed."""
    keep = [s for s in sentences if len(s.words) <= limits.max_sentence_tokens]
    if len(keep) < len(sentences):
        longest = max(len(s.words) for s in sentences)
        warn("W003", f"{len(sentences) - len(keep)} sentence(s) longer than {limits.max_sentence_tokens} "
             f"tokens (the longest {longest:,}) not parsed", doc_id=doc_id, log=_log)
    words = sum(len(s.words) for s in keep)
    if words > limits.max_parsed_tokens:
        raise DocumentTooLarge(f" ({words:,} words in its sentences to parse; the limit is "
                               f"{limits.max_parsed_tokens:,})", doc_id=doc_id)
    return keep


def cpu_clock() -> float:
    """CPU seconds used by the calling thread (what a :class:`Budget` meters)."""
    return time.thread_time()


def wall_clock() -> float:
    """Wall-clock seconds (monotonic, the same clock in every process of the machine)."""
    return time.monotonic()


def hard_deadline(limit: float) -> float:
    """The wall-clock seconds after which a coding process stuck in one document is stopped: the limit and
    a grace (as long again, at most 5 s) in which the document's own check at its next sentence, which
    costs nothing to recover from, has its chance first."""
    return limit + min(limit, 5.0)


Watcher = Callable[[str | None, float], None]
_WATCHER: list[Watcher] = []


def set_watcher(watcher: Watcher | None) -> None:
    """Have every :class:`Budget` of this process report to ``watcher``: ``(doc_id, seconds)`` when it
    starts a stretch (the wall seconds the document had already used), ``(None, 0.0)`` when it stops one.
    A coding process publishes this to the parent that watches it (``None``: no reports)."""
    _WATCHER[:] = [watcher] if watcher is not None else []


class Budget:
    """The time one document may use in the stages that are its own: CPU time (:attr:`Limits.max_seconds`)
    and wall-clock time (:attr:`Limits.max_wall_seconds`; 0: none).

    The stages of one document do not run in one go (the parser runs over many documents between them),
    so the meter is started and stopped around each; :meth:`check` raises [T014] once the CPU time spent
    passes the budget, [T015] once the wall time does. The CPU clock is the calling thread's
    (:func:`cpu_clock`), so other work on a busy machine is not counted; the wall clock
    (:func:`wall_clock`) counts everything, and bounds what a document may hold a batch for.
    """

    def __init__(self, doc_id: str, seconds: float, clock: Callable[[], float] | None = None, *,
                 wall_seconds: float = 0.0) -> None:
        self.doc_id = doc_id
        self.seconds = seconds
        self.wall_seconds = wall_seconds
        self._clock = clock or cpu_clock
        self.spent = 0.0
        self.wall_spent = 0.0
        self._since: float | None = None
        self._wall_since = 0.0

    def start(self) -> Budget:
        """Run the meter (again); returns the budget."""
        if self._since is None:
            self._since = self._clock()
            self._wall_since = wall_clock()
            for watcher in _WATCHER:
                watcher(self.doc_id, self.wall_spent)
        return self

    def stop(self) -> None:
        """Pause the meter, adding the time since :meth:`start` to :attr:`spent` (and :attr:`wall_spent`)."""
        if self._since is not None:
            self.spent += self._clock() - self._since
            self.wall_spent += wall_clock() - self._wall_since
            self._since = None
            for watcher in _WATCHER:
                watcher(None, 0.0)

    def used(self) -> float:
        """The CPU seconds spent so far, the running stretch included."""
        running = self._clock() - self._since if self._since is not None else 0.0
        return self.spent + running

    def wall_used(self) -> float:
        """The wall-clock seconds spent so far, the running stretch included."""
        running = wall_clock() - self._wall_since if self._since is not None else 0.0
        return self.wall_spent + running

    def check(self) -> None:
        """Raise [T014] (:class:`~tidings.errors.CodingTooSlow`) if the CPU budget is used up, [T015]
        (:class:`~tidings.errors.CodingTimedOut`) if the wall-clock limit is passed (and stop)."""
        used, wall = self.used(), self.wall_used()
        error: InputError | None = None
        if used > self.seconds:
            error = CodingTooSlow(f" ({used:.3g} CPU seconds; the budget is {self.seconds:g})",
                                  doc_id=self.doc_id)
        elif 0 < self.wall_seconds < wall:
            error = CodingTimedOut(f" ({wall:.3g} s; the limit is {self.wall_seconds:g} s, "
                                   "max_wall_seconds)", doc_id=self.doc_id)
        if error is None:
            return
        if self._since is not None:
            self.spent, self.wall_spent, self._since = used, wall, None
            for watcher in _WATCHER:
                watcher(None, 0.0)
        raise error


def cap_events(events: list[Any], doc_id: str, limits: Limits = DEFAULT_LIMITS) -> list[Any]:
    """The first :attr:`Limits.max_events` events of a document; the rest dropped with warning [W004]."""
    if len(events) <= limits.max_events:
        return events
    warn("W004", f"{len(events):,} events coded; only the first {limits.max_events:,} are kept",
         doc_id=doc_id, log=_log)
    return events[:limits.max_events]
