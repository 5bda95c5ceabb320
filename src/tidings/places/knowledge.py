"""The geocoder's own knowledge, kept as data in ``tidings/places/data`` (TSV, a ``#`` comment and a header):

- ``country_points.tsv``: one representative point per country (made by ``scripts/build_places.py``);
- ``areas.tsv``: regions, disputed territories, seas and first-level subdivisions with approximate centres;
- ``landmarks.tsv``: buildings and sites ("White House") with the town they are in;
- ``aliases.tsv``: abbreviations and other names written for a known place ("Calif.", "Holy See");
- ``class_words.tsv``: words that say which kind of place a name is ("province", "city", "hospital");
- ``place_preps.tsv``: prepositions after which a place is where an event happened ("in", "near");
- ``place_verbs.tsv``: verbs whose named object is a place ("recapture", "storm");
- ``verb_preps.tsv``: verbs whose place after a preposition is where the event happens ("deployed troops
  to X", "arrested from X");
- ``distance_words.tsv``: units of distance ("a base 40 miles from X": X is near the event's place);
- ``removal_verbs.tsv``: verbs of sending away whose place after "from" is where they happen, whatever it
  names ("deported 40 migrants from X");
- ``topic_preps.tsv``: prepositions that open a topic ("spoke about the fighting in X": not where one spoke);
- ``subdivision_codes.tsv``: abbreviations of states and provinces ("WA", "NSW", "BC") by country;
- ``demonym_heads.tsv``: nouns after which a demonym names an origin ("a Syrian refugee") or a state body
  ("the Brazilian Government");
- demonyms ("Syrian" -> Syria) from the actors' country table, ``tidings/actors/data/countries.tsv``.

Users add their own lines with files of the same names in further directories (``Knowledge.load(extra)``);
their rows are read after the packaged ones and win on the same key.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tidings.datafiles import packaged_text, read_rows, user_text
from tidings.errors import DataError

__all__ = ["CLASS_KINDS", "Area", "Knowledge", "Landmark"]

# the kinds of class_words.tsv
CLASS_KINDS = frozenset({"city", "capital", "subdivision", "local", "site", "modifier", "unit"})


@dataclass(frozen=True, slots=True)
class Area:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    lat: float
    lon: float
    kind: str  # region, sea or subdivision


@dataclass(frozen=True, slots=True)
class Landmark:
    name: str
    aliases: tuple[str, ...]
    town: str
    country: str


@dataclass(frozen=True, slots=True)
class Knowledge:
    country_points: dict[str, tuple[float, float]] = field(default_factory=dict)
    areas: list[Area] = field(default_factory=list)
    landmarks: list[Landmark] = field(default_factory=list)
    aliases: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    class_words: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # "Syrian" -> SYR, from the actors' country table
    place_preps: dict[str, bool] = field(default_factory=dict)  # "in" -> True: the event's place, and its
    # sides' (see place_preps.tsv)
    place_verbs: set[str] = field(default_factory=set)  # "recapture": a named object is a place
    distance_words: set[str] = field(default_factory=set)  # "miles": "40 miles from X" is near X
    topic_preps: set[str] = field(default_factory=set)  # "about": "talked about the fighting in X"
    verb_preps: set[tuple[str, str]] = field(default_factory=set)  # ("deploy", "to"): "deployed to X" is at X
    removal_verbs: set[str] = field(default_factory=set)  # "deport": "deported 40 migrants from X" is at X
    subdivision_codes: dict[tuple[str, str], str] = field(default_factory=dict)  # ("WA", "AUS") -> "Western
    # Australia": read so only in a story about that country
    demonym_heads: dict[str, str] = field(default_factory=dict)  # "refugee" -> origin, "army" -> state

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> Knowledge:
        """The packaged tables, then each directory of ``extra`` (files there are optional)."""
        knowledge = cls()
        knowledge._add(_packaged)
        knowledge._add_demonyms()
        for directory in extra:
            knowledge._add(functools.partial(_user, Path(directory)))
        return knowledge

    def _add(self, read: Callable[[str], str | None]) -> None:
        for row in _rows(read("country_points.tsv"), "country_points.tsv", ("code", "lat", "lon")):
            self.country_points[row["code"]] = (_number(row, "lat"), _number(row, "lon"))
        columns = ("name", "aliases", "country", "lat", "lon", "kind")
        for row in _rows(read("areas.tsv"), "areas.tsv", columns):
            self.areas.append(Area(row["name"], _split(row["aliases"]), row["country"].strip() or None,
                                   _number(row, "lat"), _number(row, "lon"), row["kind"]))
        for row in _rows(read("landmarks.tsv"), "landmarks.tsv", ("name", "aliases", "town", "country")):
            self.landmarks.append(Landmark(row["name"], _split(row["aliases"]), row["town"], row["country"]))
        for row in _rows(read("aliases.tsv"), "aliases.tsv", ("alias", "place", "country")):
            self.aliases[row["alias"]] = (row["place"], row["country"].strip() or None)
        for row in _rows(read("class_words.tsv"), "class_words.tsv", ("word", "kind")):
            if row["kind"] not in CLASS_KINDS:
                raise DataError(f"class_words.tsv: unknown kind {row['kind']!r}")
            self.class_words[row["word"].lower()] = row["kind"]
        for row in _rows(read("place_preps.tsv"), "place_preps.tsv", ("word", "sides")):
            if row["sides"] not in ("yes", "no"):
                raise DataError(f"place_preps.tsv: sides must be yes or no, not {row['sides']!r}")
            self.place_preps[row["word"].strip().lower()] = row["sides"] == "yes"
        self._add_word_lists(read)
        for row in _rows(read("verb_preps.tsv"), "verb_preps.tsv", ("lemma", "prep")):
            self.verb_preps.add((row["lemma"].strip().lower(), row["prep"].strip().lower()))
        for row in _rows(read("subdivision_codes.tsv"), "subdivision_codes.tsv", ("code", "name", "country")):
            key = (row["code"].strip().upper(), row["country"].strip())
            self.subdivision_codes[key] = row["name"].strip()
        for row in _rows(read("demonym_heads.tsv"), "demonym_heads.tsv", ("word", "kind")):
            if row["kind"] not in ("origin", "state"):
                raise DataError(f"demonym_heads.tsv: kind must be origin or state, not {row['kind']!r}")
            self.demonym_heads[row["word"].strip().lower()] = row["kind"]


    def _add_word_lists(self, read: Callable[[str], str | None]) -> None:
        """The files of one column: place verbs, distance words, topic prepositions, removal verbs."""
        lists = (("place_verbs.tsv", "lemma", self.place_verbs),
                 ("distance_words.tsv", "word", self.distance_words),
                 ("topic_preps.tsv", "word", self.topic_preps),
                 ("removal_verbs.tsv", "lemma", self.removal_verbs))
        for name, column, words in lists:
            for row in _rows(read(name), name, (column,)):
                words.add(row[column].strip().lower())

    def _add_demonyms(self) -> None:
        """The demonyms of ``tidings/actors/data/countries.tsv`` (one table of country names, not two)."""
        text = packaged_text("tidings.actors", "countries.tsv")
        for row in _rows(text, "countries.tsv", ("code", "demonyms")):
            for demonym in _split(row["demonyms"]):
                self.demonyms.setdefault(demonym, row["code"])


def _packaged(name: str) -> str | None:
    return packaged_text("tidings.places", name)


def _user(directory: Path, name: str) -> str | None:
    path = directory / name
    return user_text(path) if path.is_file() else None


def _rows(text: str | None, name: str, columns: tuple[str, ...]) -> Iterator[dict[str, str]]:
    if text is None:
        return
    for row in read_rows(text, source=name, columns=columns):
        yield row.record()


def _number(row: dict[str, str], column: str) -> float:
    try:
        return float(row[column])
    except ValueError as exc:
        raise DataError(f"bad {column} {row[column]!r} for {next(iter(row.values()))!r}") from exc


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())
