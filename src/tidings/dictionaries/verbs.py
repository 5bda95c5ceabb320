"""Import a PETRARCH / TABARI CAMEO verb dictionary (``CAMEO.2.0.txt`` and its variants) as lexicon entries.

The format, as read here:

* ``# ...`` comments (also after content), ``<!-- ... -->`` comment lines, ``;`` comments on verb lines;
* synonym sets: a ``&NAME`` line followed by ``+WORD`` / ``+WORD_WORD`` members (``_`` joins a phrase, a
  trailing ``_`` only suppresses plurals); members may name other sets;
* verb blocks: ``--- NAME [code] ---`` then one verb per line, ``VERB {irregular forms} [own code]``, or a
  multi-word verb ``+CRACK_DOWN {+CRACKED_DOWN ...}`` (verb first, particle second);
* patterns ``- pre * post [code] # comment`` where ``*`` is the verb, ``+`` the target, ``$`` the source,
  ``{A B}`` a noun phrase headed by B, ``(PREP words)`` a prepositional phrase, ``&SET`` any member,
  ``^`` one skipped word;
* codes ``[x]``, ``[x:y]`` (y codes the event in the reverse direction), ``[:y]`` (only the reverse event),
  ``[---]`` (no event);
* the ``~`` transformation rules at the end.

Mapping onto :class:`~tidings.events.lexicon.Entry`: each pattern gives one entry per verb of its block.
Words right after the verb that are particles ("OUT", "DOWN") become ``particle``; the object words (a plain
word, a noun phrase or a synonym set) become ``obj``; a preposition before ``+`` becomes ``prep``; a
prepositional phrase without ``+`` becomes particle + object ("LOOK (INTO ALLEGATION)"); ``+ * FROM $``
becomes ``swap`` with ``prep`` FROM; ``[x:y]`` sets ``reverse``; ``[:y]`` sets ``swap``; ``[---]`` gives a
null entry that blocks less specific ones. Verbs with their own code give a plain entry.

Skipped, and counted in :class:`ImportReport` by reason: transformation rules; patterns with words before
the verb (subject constraints such as ``&MILITARY *``), with ``%`` (compound actors), with ``_`` connector
phrases, with more than one prepositional phrase or a phrase after the object (the extra constraint cannot be
represented; the pattern is imported without it and counted as ``simplified``); verb-final multi-word verbs
(``WIRE_+TAP``); codes that are not CAMEO 2.0 codes (the PETRARCH test fixtures use WEIS codes); patterns
naming an undefined synonym set; verbs without a code of their own (they need no entry).

Malformed lines -- a block header without its code, a pattern without a code, unbalanced brackets, a set
member outside a set -- raise :class:`~tidings.errors.DictionaryError` naming the file and line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import DictionaryError
from tidings.events.lexicon import NULL_CODE, Entry, singular
from tidings.events.ontology import is_code
from tidings.log import get_logger, warn

log = get_logger(__name__)

__all__ = ["ImportReport", "VerbImport", "load_cameo_verbs", "parse_cameo_verbs", "read_cameo_verbs"]

PARTICLES = frozenset({"up", "down", "out", "off", "back", "away", "over", "aside", "forward", "together",
                       "through", "in", "on", "around", "along", "apart"})
PREPOSITIONS = frozenset({"to", "with", "against", "on", "at", "in", "into", "from", "for", "by", "of",
                          "over", "upon", "toward", "towards", "about", "between", "among", "across",
                          "behind", "onto", "under", "after", "before", "near", "through", "within",
                          "without"})
_HEADER = re.compile(r"^---\s*(?P<name>[^\[\]]+?)\s*\[(?P<code>[^\[\]]*)\]")
_CODE_AT_END = re.compile(r"\[(?P<code>[^\[\]]*)\]\s*$")
_TOKEN = re.compile(r"\{[^{}]*\}|\([^()]*\)|[^\s{}()]+")


@dataclass
class ImportReport:
    """What an import did: how many entries it made and why it skipped what it skipped."""

    source: str
    verbs: int = 0
    patterns: int = 0
    entries: int = 0
    imported_patterns: int = 0
    synsets: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def skipped_patterns(self) -> int:
        return sum(count for reason, count in self.skipped.items() if reason.startswith("pattern:"))

    def summary(self) -> str:
        reasons = ", ".join(f"{reason} {count}" for reason, count in self.skipped.most_common())
        return (f"{self.source}: {self.synsets} synonym sets, {self.verbs} verbs, {self.patterns} patterns "
                f"({self.imported_patterns} imported) -> {self.entries} entries; "
                f"skipped: {reasons or 'none'}")


@dataclass
class VerbImport:
    entries: list[Entry]
    report: ImportReport


@dataclass
class _Verb:
    lemma: str
    particle: str | None
    code: str
    forms: frozenset[str]


@dataclass
class _Pattern:
    particle: str | None = None
    obj: frozenset[str] = frozenset()
    prep: str | None = None
    swap: bool = False


class _Skip(Exception):
    """A pattern the Entry model cannot represent (internal; counted in the report)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def load_cameo_verbs(path: Path) -> list[Entry]:
    """The entries of a PETRARCH verb dictionary file (see :func:`read_cameo_verbs` for the report)."""
    return read_cameo_verbs(path).entries


def read_cameo_verbs(path: Path) -> VerbImport:
    """Read a PETRARCH verb dictionary file; :class:`DictionaryError` when it cannot be read or parsed."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"{path}: {exc.strerror or exc}") from exc
    result = parse_cameo_verbs(text, source=str(path))
    report = result.report
    log.info("%s", report.summary())
    dropped = sum(report.skipped.values())
    if dropped:
        warn("W101", f"{path}: {dropped} verb dictionary item(s) skipped or simplified on import "
             f"({report.imported_patterns} of {report.patterns} patterns imported; run with --verbose for "
             "the reasons)", log=log)
    return result


def _malformed(source: str, number: int, message: str, line: str) -> DictionaryError:
    return DictionaryError(f"{source}, line {number}: {message}: {line.strip()!r}")


def _strip_comment(line: str) -> str:
    """The line without its "#" comment; a "#" inside brackets ("[###]") is not a comment."""
    depth = 0
    for index, char in enumerate(line):
        if char in "[{(":
            depth += 1
        elif char in "]})":
            depth = max(0, depth - 1)
        elif char == "#" and depth == 0:
            return line[:index].rstrip()
    return line.rstrip()


def _balance(text: str) -> set[str]:
    """The kinds of bracket ("{", "(", "[") that do not balance in ``text``."""
    depth = {"{": 0, "(": 0, "[": 0}
    closing = {"}": "{", ")": "(", "]": "["}
    bad: set[str] = set()
    for char in text:
        if char in depth:
            depth[char] += 1
        elif char in closing:
            depth[closing[char]] -= 1
            if depth[closing[char]] < 0:
                bad.add(closing[char])
    return bad | {kind for kind, value in depth.items() if value > 0}


def _phrase(words: list[str]) -> str:
    """A lowercased noun phrase with a singular head ("ARMED_FORCES" -> "armed force")."""
    clean = [word.lower() for word in words if word]
    if not clean:
        return ""
    clean[-1] = singular(clean[-1])
    return " ".join(clean)


def _member(raw: str) -> tuple[str, bool]:
    """A set member as a phrase; True when it names another set."""
    text = raw.strip()
    if text.startswith("&"):
        return text.split()[0].upper(), True
    return _phrase(text.replace("_", " ").split()), False


def parse_cameo_verbs(text: str, *, source: str = "<verbs>") -> VerbImport:
    """Parse the text of a PETRARCH verb dictionary (see the module docstring)."""
    reader = _VerbFile(source, ImportReport(source=source))
    for number, raw in enumerate(text.splitlines(), start=1):
        reader.read(number, raw)
    report = reader.report
    sets = _resolve_sets(reader.raw_sets)
    entries: list[Entry] = []
    for verbs, patterns in reader.blocks:
        entries.extend(_verb_entries(verbs, source, report))
        for number, body, code in patterns:
            try:
                made = _pattern_entries(body, code, verbs, sets, report, f"{source}:{number}")
            except _Skip as skip:
                report.skipped[f"pattern: {skip.reason}"] += 1
                continue
            report.imported_patterns += 1
            entries.extend(made)
    report.entries = len(entries)
    return VerbImport(entries, report)


Pending = list[tuple[int, str, str]]  # a block's patterns, resolved after the sets: (line, body, code)


@dataclass
class _VerbFile:
    """Where the reading of a verb dictionary is: the synonym sets and verb blocks read so far."""

    source: str
    report: ImportReport
    raw_sets: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    mode: str = "none"  # "set", "block", "transform"
    current_set: str = ""
    block_code: str = NULL_CODE
    block_verbs: list[_Verb] = field(default_factory=list)
    pending: Pending = field(default_factory=list)
    blocks: list[tuple[list[_Verb], Pending]] = field(default_factory=list)

    def read(self, number: int, raw: str) -> None:
        """Take in line ``number``."""
        stripped = raw.strip()
        if not stripped or stripped.startswith("<!"):
            return
        if stripped.startswith("#"):
            if "TRANSFORMATIONS" in stripped.upper():
                self.mode = "transform"
            return
        line = _strip_comment(stripped)
        if not line:
            return
        if line.startswith("~"):
            self.report.skipped["transformation rule"] += 1
        elif line.startswith("---"):
            self._header(number, line, raw)
        elif line.startswith("&"):
            self.current_set = line.split()[0].upper()
            self.raw_sets.setdefault(self.current_set, [])
            self.report.synsets += 1
            self.mode = "set"
        else:
            self._member(number, line, raw)

    def _header(self, number: int, line: str, raw: str) -> None:
        match = _HEADER.match(line)
        if not match:
            raise _malformed(self.source, number, "verb block header needs '--- NAME [code] ---'", raw)
        self.block_code = match.group("code").strip() or NULL_CODE
        self.block_verbs, self.pending = [], []
        self.blocks.append((self.block_verbs, self.pending))
        self.mode = "block"

    def _member(self, number: int, line: str, raw: str) -> None:
        """A set member, a pattern or a verb."""
        balance = _balance(line)
        if balance and (balance != {"("} or not line.startswith("-")):
            raise _malformed(self.source, number, "unbalanced brackets", raw)
        if line.startswith("+") and self.mode == "set":
            self.raw_sets[self.current_set].append(_member(line[1:]))
            return
        if line.startswith(("-", "*")):
            self._pattern(number, line, raw, bool(balance))
            return
        if self.mode != "block":
            if self.mode == "transform":
                return
            raise _malformed(self.source, number, "verb outside a verb block" if not line.startswith("+")
                             else "set member outside a synonym set", raw)
        verb = _read_verb(line.split(";", 1)[0], self.block_code, self.source, number, raw, self.report)
        if verb is not None:
            self.block_verbs.append(verb)

    def _pattern(self, number: int, line: str, raw: str, unbalanced: bool) -> None:
        if self.mode != "block":
            raise _malformed(self.source, number, "pattern outside a verb block", raw)
        body = line[1:] if line.startswith("-") else line
        if line.startswith("*"):
            self.report.skipped["repaired: pattern without leading '-'"] += 1
        found = _CODE_AT_END.search(body)
        if not found:
            raise _malformed(self.source, number, "pattern without a [code]", raw)
        self.report.patterns += 1
        if unbalanced:  # CAMEO.2.0.txt has two patterns with a stray ")": tolerated, not imported
            self.report.skipped["pattern: unbalanced parentheses"] += 1
            return
        self.pending.append((number, body[: found.start()].strip(), found.group("code").strip()))


def _verb_entries(verbs: list[_Verb], source: str, report: ImportReport) -> list[Entry]:
    """The entries of a block's verbs that have a CAMEO code of their own."""
    entries: list[Entry] = []
    for verb in verbs:
        if verb.code == NULL_CODE:
            report.skipped["verb: no code of its own"] += 1
            continue
        try:
            code, reverse, swap = _codes(verb.code)
        except _Skip:
            report.skipped["verb: not a CAMEO code"] += 1
            continue
        entries.append(Entry(lemma=verb.lemma, pos="verb", code=code, particle=verb.particle,
                             reverse=reverse, swap=swap, forms=verb.forms, note=source))
    return entries


def _read_verb(line: str, block_code: str, source: str, number: int, raw: str,
               report: ImportReport) -> _Verb | None:
    code = block_code
    found = _CODE_AT_END.search(line)
    if found:
        code = found.group("code").strip() or NULL_CODE
        line = line[: found.start()].strip()
    forms_text = ""
    if "{" in line:
        line, _, rest = line.partition("{")
        forms_text = rest.split("}", 1)[0]
    words = line.split()
    if not words:
        raise _malformed(source, number, "verb line without a verb", raw)
    report.verbs += 1
    word = words[0]
    if len(words) > 1 and "_" not in word:  # "LASH OUT" written with a space
        word = "+" + "_".join(words)
    forms = [form for form in forms_text.split() if form]
    if "+" in word:
        if not word.startswith("+"):
            report.skipped["verb: verb-final multi-word verb"] += 1
            return None
        parts = word[1:].split("_")
        if len(parts) != 2 or not parts[1]:
            report.skipped["verb: multi-word verb of more than two words"] += 1
            return None
        lemma, particle = parts[0].lower(), parts[1].lower()
        clean = frozenset(form.lstrip("+").split("_")[0].lower() for form in forms)
        return _Verb(lemma, particle, code, clean)
    if "_" in word:
        report.skipped["verb: multi-word verb without '+'"] += 1
        return None
    return _Verb(word.lower(), None, code, frozenset(form.lower() for form in forms))


def _resolve_sets(raw: dict[str, list[tuple[str, bool]]]) -> dict[str, frozenset[str]]:
    resolved: dict[str, frozenset[str]] = {}

    def resolve(name: str, seen: frozenset[str]) -> frozenset[str]:
        if name in resolved:
            return resolved[name]
        words: set[str] = set()
        for member, is_set in raw.get(name, []):
            if is_set:
                if member in raw and member not in seen:
                    words |= resolve(member, seen | {member})
            elif member:
                words.add(member)
        resolved[name] = frozenset(words)
        return resolved[name]

    for name in raw:
        resolve(name, frozenset({name}))
    return resolved


def _codes(code: str) -> tuple[str, str | None, bool]:
    """(code, reverse, swap) from "x", "x:y", ":y", "---"; :class:`_Skip` for codes CAMEO lacks."""
    primary, _, second = code.partition(":")
    primary, second = primary.strip(), second.strip()
    swap = False
    if not primary:
        if not second:
            raise _Skip("empty code")
        primary, second, swap = second, "", True
    for value in (primary, second):
        if value and value != NULL_CODE and not is_code(value):
            raise _Skip("not a CAMEO code")
    reverse = second if second and second != NULL_CODE else None
    return primary, reverse, swap


def _objects(tokens: list[str], sets: dict[str, frozenset[str]]) -> frozenset[str]:
    """The object alternatives named by tokens: a phrase, a {noun phrase} or a &SET (with modifiers)."""
    words: list[str] = []
    alternatives: frozenset[str] | None = None
    for token in tokens:
        if token.startswith("{"):
            inner = token[1:-1].split()
            named = [word for word in inner if word.startswith("&")]
            if not named:
                words.extend(inner)
                continue
            if len(named) > 1 or alternatives is not None or token is not tokens[-1]:
                raise _Skip("synonym set inside a noun phrase")
            if named[0].upper() not in sets:
                raise _Skip("undefined synonym set")
            at = inner.index(named[0])
            before = " ".join([*(word.lower() for word in words), *(word.lower() for word in inner[:at])])
            after = [word.lower() for word in inner[at + 1:]]
            alternatives = frozenset(
                _phrase(f"{before} {member} {' '.join(after)}".split())
                for member in sets[named[0].upper()]
            )
            words = []
        elif token.startswith("&"):
            name = token.upper()
            if name not in sets:
                raise _Skip("undefined synonym set")
            if alternatives is not None:
                raise _Skip("two synonym sets in one object")
            prefix = _phrase(words) if words else ""
            words = []
            alternatives = frozenset(f"{prefix} {member}".strip() for member in sets[name])
        else:
            words.append(token)
    if alternatives is not None:
        if words:  # modifiers after the set: keep the set as the head
            raise _Skip("words after a synonym set")
        return alternatives
    phrase = _phrase(words)
    return frozenset({phrase}) if phrase else frozenset()


def _pattern_entries(body: str, code: str, verbs: list[_Verb], sets: dict[str, frozenset[str]],
                     report: ImportReport, where: str) -> list[Entry]:
    primary, reverse, code_swap = _codes(code)
    if "%" in body:
        raise _Skip("compound actor marker %")
    if "*" not in body:
        raise _Skip("no verb marker *")
    pre, _, post = body.partition("*")
    target_before = _target_before(pre.split())
    pattern = _Pattern()
    if post.startswith("_"):
        glued, _, post = post[1:].partition(" ")
        if "_" in glued or not glued:
            raise _Skip("connector phrase")
        pattern.particle = glued.lower()
    tokens = [token for token in _TOKEN.findall(post) if token != "^"]
    if any("_" in token and not token.startswith("&") for token in tokens):
        raise _Skip("connector phrase")
    obj_tokens, simplified = _read_slots(tokens, pattern, target_before)
    pattern.obj = _objects(obj_tokens, sets)
    if simplified:
        report.skipped["simplified: extra constraint dropped"] += 1
    swap = pattern.swap != code_swap
    made: list[Entry] = []
    for verb in verbs:
        particle = pattern.particle
        if verb.particle is not None:
            if particle is not None and particle != verb.particle:
                report.skipped["verb+pattern: two particles"] += 1
                continue
            particle = verb.particle
        made.append(Entry(lemma=verb.lemma, pos="verb", code=primary, obj=pattern.obj, particle=particle,
                          prep=pattern.prep, reverse=reverse, swap=swap, forms=verb.forms, note=where))
    return made


def _target_before(pre_tokens: list[str]) -> bool:
    """Whether the words before the verb marker put the target there (``+``); other words are skipped."""
    target_before = False
    for token in pre_tokens:
        if token == "+":
            target_before = True
        elif token != "$":
            raise _Skip("words before the verb")
    return target_before


def _party_prep(pattern: _Pattern, prep: str, swap: bool) -> None:
    if pattern.prep is not None:
        raise _Skip("two party prepositions")
    pattern.prep = prep
    if swap:
        pattern.swap = True


def _read_slots(tokens: list[str], pattern: _Pattern, target_before: bool) -> tuple[list[str], bool]:
    """Fill ``pattern`` from the tokens after the verb; the object's tokens, and whether a constraint the
    Entry model cannot hold was dropped."""
    obj_tokens: list[str] = []
    simplified = False
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token.startswith("("):
            obj_tokens, dropped = _read_phrase(token, pattern, obj_tokens, target_before)
            simplified = simplified or dropped
        elif token == "+":
            if target_before:
                raise _Skip("target on both sides of the verb")
        elif token == "$":
            if not target_before:
                raise _Skip("source after the verb")
            pattern.swap = True
        elif token.lower() in PREPOSITIONS and following in ("+", "$"):
            _party_prep(pattern, token.lower(), following == "$" and target_before)
        elif (token.lower() in PARTICLES and index == 0 and pattern.particle is None
              and not token.startswith(("{", "&"))):
            pattern.particle = token.lower()
        elif pattern.prep is not None:
            simplified = True  # words after the target slot
        else:
            obj_tokens.append(token)
    return obj_tokens, simplified


def _read_phrase(token: str, pattern: _Pattern, obj_tokens: list[str],
                 target_before: bool) -> tuple[list[str], bool]:
    """A prepositional phrase ``(prep ...)``: a party's preposition, the particle and object, or dropped."""
    inner = token[1:-1].split()
    if not inner:
        raise _Skip("empty prepositional phrase")
    preps = inner[0].lower().split("/")
    rest = [word for word in inner[1:] if word != "^"]
    if "+" in rest or "$" in rest:
        _party_prep(pattern, preps[0], "$" in rest and target_before)
        return obj_tokens, False
    if pattern.particle is None and not obj_tokens:
        pattern.particle = preps[0]
        return rest, False
    return obj_tokens, True
