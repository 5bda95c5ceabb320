"""Readers for PETRARCH/Phoenix (TABARI-family) actor and agent dictionaries.

Actor dictionaries (``*.actors.txt``) hold blocks of

    PRIMARY_NAME_  [DEFAULTCODE]        # comment
    +SYNONYM_NAME
        [CODE 721228-940708]            # from-to, both inclusive
        [CODE >080508]                  # from this date on
        [CODE <910625]                  # up to this date
        [CODE]                          # default code

Names are words joined by ``_`` or spaces; dates are ``yymmdd`` or ``yyyymmdd``. A primary name line
without a code that follows a block that already has codes opens a new block; one that follows a block
without codes joins it (as in PETRARCH). Lines starting with ``#`` and ``<!-- ... -->`` comments (also
over several lines) are skipped; ``#`` starts a comment anywhere in a line; ``---STOP---`` ends the file.

Agent dictionaries (``*.agents.txt``) hold ``PHRASE {PLURAL} [~CODE]`` lines: ``~CODE`` is appended to
the actor's code, ``CODE~`` is put before it. ``{}`` means no plural, ``{FORM}`` an irregular plural;
otherwise a regular plural is generated. ``!MARKER! = A, B, C`` defines a substitution set used as
``CONGRESS!PERSON!``.

Malformed lines raise :class:`tidings.errors.DictionaryError` naming the file and the line; with
``strict=False`` they are skipped and reported in the returned records' ``problems`` list instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import DictionaryError
from tidings.log import get_logger, warn

log = get_logger(__name__)

__all__ = [
    "DatedCode",
    "PhoenixActor",
    "PhoenixAgent",
    "PhoenixDictionary",
    "load_phoenix_actors",
    "load_phoenix_agents",
    "read_phoenix_directory",
]

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_RESTRICTION = re.compile(
    r"^\s*(?P<code>[A-Za-z0-9+/-]+)\s*"
    r"(?:(?P<op>[<>])\s*(?P<date>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?\s*$"
)
_AGENT_CODE = re.compile(r"^(?:~(?P<suffix>[A-Za-z0-9-]+)|(?P<prefix>[A-Za-z0-9-]+)~)$")
_MARKER_DEF = re.compile(r"^!(?P<name>[A-Za-z0-9]+)!\s*=\s*(?P<items>.+)$")
_MARKER = re.compile(r"!([A-Za-z0-9]+)!")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` (both inclusive; ``None`` = open)."""

    code: str
    start: dt.date | None
    end: dt.date | None

    def covers(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class PhoenixActor:
    """One actor block: its names (primary first), its default code and its dated codes."""

    names: tuple[str, ...]
    default: str | None
    dated: tuple[DatedCode, ...]
    source: str  # "file:line" of the primary name

    def code_at(self, when: dt.date) -> str | None:
        for item in self.dated:
            if item.covers(when):
                return item.code
        return self.default


@dataclass(frozen=True, slots=True)
class PhoenixAgent:
    """One agent phrase with all its surface forms and its code."""

    forms: tuple[str, ...]  # singular first, then plurals; words joined with spaces
    code: str
    prefix: bool  # True for "NGO~": the code goes before the actor's code
    source: str


@dataclass(slots=True)
class PhoenixDictionary:
    """Everything read from one directory of Phoenix dictionaries."""

    actors: list[PhoenixActor] = field(default_factory=list)
    agents: list[PhoenixAgent] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- lines


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) of the meaningful lines, comments removed, leading whitespace kept."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"{path}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise DictionaryError(f"{path}: {exc.strerror or exc}") from exc
    in_xml_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_xml_comment:
            if "-->" not in line:
                continue
            line = line.split("-->", 1)[1]
            in_xml_comment = False
        while "<!--" in line:
            before, _, after = line.partition("<!--")
            if "-->" in after:
                line = before + after.split("-->", 1)[1]
            else:
                line = before
                in_xml_comment = True
        if "#" in line:
            line = line[: line.index("#")]
        if not line.strip():
            continue
        if "---STOP---" in line:
            return
        yield number, line.rstrip()


# ---------------------------------------------------------------------------------------------- dates


def _date(text: str) -> dt.date:
    if len(text) == 6:
        yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:])
        year = 2000 + yy if yy <= 30 else 1900 + yy
    elif len(text) == 8:
        year, mm, dd = int(text[:4]), int(text[4:6]), int(text[6:])
    else:
        raise ValueError(f"date {text!r} is neither yymmdd nor yyyymmdd")
    return dt.date(year, mm, dd)


def _parse_bracket(content: str) -> tuple[str, DatedCode | None]:
    """Parse the inside of ``[...]``: return (code, None) for a default code or (code, DatedCode)."""
    match = _RESTRICTION.match(content)
    if not match:
        raise ValueError(f"cannot read code [{content}]")
    code = match["code"].upper()
    try:
        if match["op"] == "<":
            return code, DatedCode(code, None, _date(match["date"]))
        if match["op"] == ">":
            return code, DatedCode(code, _date(match["date"]), None)
        if match["start"]:
            start, end = _date(match["start"]), _date(match["end"])
            if end < start:
                raise ValueError(f"end date before start date in [{content}]")
            return code, DatedCode(code, start, end)
    except ValueError as exc:
        raise ValueError(f"bad date in [{content}]: {exc}") from exc
    return code, None


def _name(text: str) -> str:
    """A dictionary name ("VLADIMIR_PUTIN_", "CARLOS SANTOS_CRUZ_") as space-separated words."""
    return " ".join(w for w in re.split(r"[_\s]+", text.strip()) if w)


# ---------------------------------------------------------------------------------------------- actors


@dataclass(slots=True)
class _Block:
    names: list[str]
    source: str
    default: str | None = None
    dated: list[DatedCode] = field(default_factory=list)

    @property
    def has_codes(self) -> bool:
        return self.default is not None or bool(self.dated)

    def freeze(self) -> PhoenixActor:
        return PhoenixActor(tuple(self.names), self.default, tuple(self.dated), self.source)


@dataclass(frozen=True, slots=True)
class _Problems:
    """What to do with a malformed line of a dictionary: raise (strict) or add it to ``found``."""

    name: str
    strict: bool
    found: list[str] | None

    def __call__(self, number: int, detail: str) -> None:
        message = f"{self.name} line {number}: {detail}"
        if self.strict:
            raise DictionaryError(message)
        if self.found is not None:
            self.found.append(message)


def _add_codes(fail: _Problems, number: int, text: str, target: _Block) -> None:
    """The bracketed codes of ``text`` (line ``number``) added to the actor ``target``."""
    if text.count("[") != text.count("]"):
        fail(number, f"unbalanced brackets in {text.strip()!r}")
        return
    for content in _BRACKET.findall(text):
        try:
            code, dated = _parse_bracket(content)
        except ValueError as exc:
            fail(number, str(exc))
            continue
        if dated is None:
            target.default = code
        else:
            target.dated.append(dated)


def load_phoenix_actors(
    path: Path, *, strict: bool = True, problems: list[str] | None = None
) -> list[PhoenixActor]:
    """Read a Phoenix/PETRARCH actor dictionary file."""
    actors: list[PhoenixActor] = []
    block: _Block | None = None

    fail = _Problems(path.name, strict, problems)
    for number, line in _lines(path):
        stripped = line.strip()
        if line[0] in " \t" and stripped.startswith("["):  # date restriction / default code line
            if block is None:
                fail(number, "code line before any actor name")
                continue
            _add_codes(fail, number, stripped, block)
            continue
        synonym = stripped.startswith("+")
        body = stripped[1:] if synonym else stripped
        name_part = body.split("[", 1)[0]
        name = _name(name_part)
        if not name:
            fail(number, f"no actor name in {stripped!r}")
            continue
        if synonym:
            if block is None:
                fail(number, "synonym line before any actor name")
                continue
            block.names.append(name)
        elif block is not None and not block.has_codes:
            block.names.append(name)  # PETRARCH: an uncoded name joins the block that follows
        else:
            if block is not None:
                actors.append(block.freeze())
            block = _Block([name], f"{path.name}:{number}")
        if "[" in body or "]" in body:
            _add_codes(fail, number, body[len(name_part):], block)
    if block is not None:
        if block.has_codes:
            actors.append(block.freeze())
        else:
            fail(0, f"actor {block.names[0]!r} ({block.source}) has no code")
    return actors


# ---------------------------------------------------------------------------------------------- agents


def _regular_plural(word: str) -> str:
    upper = word.isupper()
    low = word.lower()
    if low.endswith("man"):
        plural = low[:-3] + "men"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        plural = low[:-1] + "ies"
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        plural = low + "es"
    else:
        plural = low + "s"
    return plural.upper() if upper else plural


def plural_forms(phrase: str, explicit: str | None) -> tuple[str, ...]:
    """The surface forms of an agent or role phrase: itself plus its plural(s).

    ``explicit`` is the text inside ``{...}`` (``""`` = no plural) or ``None`` for a regular plural.
    """
    words = phrase.split()
    if not words:
        return ()
    if explicit is None:
        return (phrase, " ".join([*words[:-1], _regular_plural(words[-1])]))
    if not explicit.strip():
        return (phrase,)
    return (phrase, _name(explicit))


def load_phoenix_agents(
    path: Path, *, strict: bool = True, problems: list[str] | None = None
) -> list[PhoenixAgent]:
    """Read a Phoenix/PETRARCH agent dictionary file."""
    agents: list[PhoenixAgent] = []
    markers: dict[str, list[str]] = {}

    fail = _Problems(path.name, strict, problems)

    for number, line in _lines(path):
        stripped = line.strip()
        definition = _MARKER_DEF.match(stripped)
        if definition and "[" not in stripped:
            items = [i.strip() for i in definition["items"].split(",")]
            markers[definition["name"].upper()] = [i for i in items if i]
            continue
        if stripped.count("[") != 1 or stripped.count("]") != 1 or stripped.index("[") > stripped.index("]"):
            fail(number, f"expected one [code] in {stripped!r}")
            continue
        phrase_part, _, rest = stripped.partition("[")
        content = rest.split("]", 1)[0].strip()
        code_match = _AGENT_CODE.match(content)
        if not code_match:
            fail(number, f"cannot read agent code [{content}]")
            continue
        explicit: str | None = None
        if "{" in phrase_part:
            if "}" not in phrase_part:
                fail(number, f"unclosed '{{' in {stripped!r}")
                continue
            phrase_part, _, tail = phrase_part.partition("{")
            explicit = tail.split("}", 1)[0]
        phrases = [phrase_part]
        marker = _MARKER.search(phrase_part)
        if marker:
            subst = markers.get(marker.group(1).upper())
            if subst is None:
                fail(number, f"substitution marker !{marker.group(1)}! is not defined")
                continue
            head, tail_text = phrase_part[: marker.start()], phrase_part[marker.end():]
            phrases = [head + item + tail_text for item in subst]
            explicit = ""  # substitution sets list their forms; no plurals are made
        prefix = code_match["prefix"] is not None
        code = (code_match["prefix"] or code_match["suffix"] or "").upper()
        for phrase_text in phrases:
            phrase = _name(phrase_text.replace("!", ""))
            if not phrase:
                fail(number, f"no agent phrase in {stripped!r}")
                continue
            agents.append(PhoenixAgent(plural_forms(phrase, explicit), code, prefix, f"{path.name}:{number}"))
    return agents


def read_phoenix_directory(directory: Path, *, strict: bool = True) -> PhoenixDictionary:
    """Read every ``*actors*.txt`` and ``*agents*.txt`` file of a directory (or one such file)."""
    paths = [directory] if directory.is_file() else sorted(directory.glob("*.txt"))
    if not directory.exists():
        raise DictionaryError(f"{directory}: no such file or directory")
    result = PhoenixDictionary()
    for path in paths:
        lower = path.name.lower()
        if "actors" in lower:
            result.actors.extend(load_phoenix_actors(path, strict=strict, problems=result.problems))
        elif "agents" in lower:
            result.agents.extend(load_phoenix_agents(path, strict=strict, problems=result.problems))
    log.info("%s: %d actors, %d agents read", directory, len(result.actors), len(result.agents))
    if result.problems:
        shown = "; ".join(result.problems[:3]) + ("; ..." if len(result.problems) > 3 else "")
        warn("W102", f"{directory}: {len(result.problems)} malformed dictionary line(s) skipped: {shown}",
             log=log)
        for problem in result.problems:
            log.debug("skipped: %s", problem)
    return result
