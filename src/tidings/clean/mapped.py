"""A string that remembers, for each of its characters, where it came from in the original text.

Cleaning works on :class:`MappedText` values: every edit (drop, replace, insert) keeps a parallel list of
original offsets. When cleaning is over, :func:`compress` folds that list into a compact segment map
(:class:`OffsetMap`) that answers offset queries with a binary search.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MappedText:
    """``text[i]`` came from ``original[orig[i]]`` (or was inserted just before it)."""

    text: str
    orig: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> MappedText:
        return cls(text, tuple(range(len(text))))

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int) -> MappedText:
        return MappedText(self.text[start:end], self.orig[start:end])

    def strip(self) -> MappedText:
        left = len(self.text) - len(self.text.lstrip())
        right = len(self.text.rstrip())
        if right <= left:
            return MappedText("", ())
        return self.slice(left, right)

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span ``[a, b)`` covered by ``text[start:end]`` (``start < end``)."""
        return self.orig[start], self.orig[end - 1] + 1

    def sub(self, pattern: re.Pattern[str], repl: str) -> MappedText:
        """Replace every match of ``pattern`` by ``repl`` (a literal string).

        A replacement of the same length maps character by character; otherwise all its characters map to
        the first character of the match (or, for an empty match, to the character that follows it).
        """
        pieces: list[MappedText] = []
        last = 0
        for m in pattern.finditer(self.text):
            pieces.append(self.slice(last, m.start()))
            pieces.append(self._replacement(m.start(), m.end(), repl))
            last = m.end()
        if not pieces:
            return self
        pieces.append(self.slice(last, len(self.text)))
        return join(pieces)

    def _replacement(self, start: int, end: int, repl: str) -> MappedText:
        if end - start == len(repl):
            return MappedText(repl, self.orig[start:end])
        anchor = self.orig[start] if start < len(self.orig) else (self.orig[-1] + 1 if self.orig else 0)
        return MappedText(repl, (anchor,) * len(repl))

    def delete(self, spans: Iterable[tuple[int, int]]) -> MappedText:
        """Drop the given ``[start, end)`` spans (which must not overlap)."""
        pieces: list[MappedText] = []
        last = 0
        for start, end in sorted(spans):
            pieces.append(self.slice(last, start))
            last = max(last, end)
        pieces.append(self.slice(last, len(self.text)))
        return join(pieces)

    def insert(self, positions: Iterable[int], char: str) -> MappedText:
        """Insert ``char`` before each position; it maps to the original offset of the character after it."""
        pieces: list[MappedText] = []
        last = 0
        for pos in sorted(set(positions)):
            pieces.append(self.slice(last, pos))
            pieces.append(MappedText(char, (self.orig[pos],)))
            last = pos
        pieces.append(self.slice(last, len(self.text)))
        return join(pieces)


def join(pieces: Iterable[MappedText], separator: str = "") -> MappedText:
    """Concatenate; a separator maps to the original offset of the first character after it."""
    texts: list[str] = []
    orig: list[int] = []
    for piece in pieces:
        if not piece.text:
            continue
        if texts and separator:
            texts.append(separator)
            orig.extend((piece.orig[0],) * len(separator))
        texts.append(piece.text)
        orig.extend(piece.orig)
    return MappedText("".join(texts), tuple(orig))


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Segments of cleaned text that map linearly onto the original text.

    Segment ``k`` starts at cleaned offset ``starts[k]`` and original offset ``origins[k]``; inside it,
    cleaned offset ``i`` maps to ``origins[k] + (i - starts[k])``.
    """

    starts: tuple[int, ...]
    origins: tuple[int, ...]
    length: int  # length of the cleaned text
    end: int  # original offset just after the last kept character

    def __call__(self, offset: int) -> int:
        if offset < 0 or offset > self.length:
            raise IndexError(f"offset {offset} outside the cleaned text (length {self.length})")
        if offset == self.length:
            return self.end
        k = bisect.bisect_right(self.starts, offset) - 1
        return self.origins[k] + (offset - self.starts[k])


def compress(mapped: MappedText) -> OffsetMap:
    starts: list[int] = []
    origins: list[int] = []
    for i, o in enumerate(mapped.orig):
        if starts and origins[-1] + (i - starts[-1]) == o:
            continue
        starts.append(i)
        origins.append(o)
    end = mapped.orig[-1] + 1 if mapped.orig else 0
    return OffsetMap(tuple(starts), tuple(origins), len(mapped.text), end)
