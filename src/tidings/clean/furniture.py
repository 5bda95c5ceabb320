"""Page furniture described as data: ``tidings/clean/data/furniture.tsv`` (schema in the file's header).

Scraped article text carries the page around the article: video-player labels and durations, photo captions
and credits, newsletter and sign-in prompts, teasers and lists of other stories, reporting and contact lines,
copyright and republication notices. Each row of the table is one cue for one kind of furniture and says
where on a line it counts (the whole line, its start or its end), whether it also marks a sentence inside a
paragraph, and how long a line may be before it is prose after all. Every row carries an example line that it
must match, so a broken cue is caught by the tests rather than by a missed caption.

Users add rows in a ``furniture.tsv`` of their own (:meth:`Furniture.load`); they are tried after the
packaged ones.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.datafiles import packaged_text, read_rows, user_text
from tidings.errors import DataError

__all__ = ["KINDS", "Cue", "Furniture"]

KINDS = frozenset({"player", "caption", "credit", "newsletter", "related", "byline", "notice"})
POSITIONS = frozenset({"whole", "start", "end"})
COLUMNS = ("kind", "position", "inline", "max_words", "pattern", "example")
_TRIM = " .:|-\u2013\u2014>\u00bb\u2022\u00b7"


@dataclass(frozen=True, slots=True)
class Cue:
    kind: str
    position: str
    inline: bool
    max_words: int
    pattern: re.Pattern[str]
    example: str

    def matches_line(self, line: str) -> bool:
        text = line.strip()
        if not text or len(text.split()) > self.max_words:
            return False
        if self.position == "whole":
            return self.pattern.fullmatch(text.strip(_TRIM)) is not None
        if self.position == "start":
            return self.pattern.match(text) is not None
        return any(m.end() == len(text) for m in self.pattern.finditer(text))


@dataclass(frozen=True, slots=True)
class Furniture:
    cues: tuple[Cue, ...]

    @classmethod
    @functools.cache
    def default(cls) -> Furniture:
        """The packaged cues, read once per process."""
        return cls.load()

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> Furniture:
        text = _packaged()
        cues = list(_cues(text, "clean/data/furniture.tsv"))
        for directory in extra:
            path = Path(directory) / "furniture.tsv"
            if path.is_file():
                cues.extend(_cues(user_text(path), str(path)))
        return cls(tuple(cues))

    def line_kind(self, line: str) -> str | None:
        """The kind of furniture the whole ``line`` is, or None for prose."""
        return next((cue.kind for cue in self.cues if cue.matches_line(line)), None)

    def sentence_kind(self, text: str, start: int) -> str | None:
        """The kind of furniture a sentence starting at ``start`` of a paragraph is (inline cues only)."""
        end = _SENTENCE_END.search(text, start)
        sentence = text[start:end.start() + 1 if end else len(text)]
        for cue in self.cues:
            if cue.inline and cue.position == "start" and cue.matches_line(sentence):
                return cue.kind
        return None


_SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s+[\"'(]?[A-Z0-9]|\s*$)")


def _packaged() -> str:
    return packaged_text("tidings.clean", "furniture.tsv")


def _cues(text: str, name: str) -> Iterator[Cue]:
    for row in read_rows(text, source=name, header=COLUMNS):
        yield _cue(row.record(), f"{name}:{row.number}")


def _cue(row: dict[str, str], where: str) -> Cue:
    if row["kind"] not in KINDS or row["position"] not in POSITIONS or row["inline"] not in ("yes", "no"):
        raise DataError(f"{where}: kind, position or inline is not one of {sorted(KINDS)}, "
                        f"{sorted(POSITIONS)}, yes/no")
    try:
        pattern = re.compile(row["pattern"], re.IGNORECASE)
        max_words = int(row["max_words"])
    except (re.error, ValueError) as exc:
        raise DataError(f"{where}: {exc}") from exc
    return Cue(row["kind"], row["position"], row["inline"] == "yes", max_words, pattern, row["example"])
