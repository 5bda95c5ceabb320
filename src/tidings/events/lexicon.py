"""Trigger words -> CAMEO codes: tidings' own verb and event-noun lexicon, and the lookup the coder uses.

The event coder finds a trigger in a dependency parse (a verb, or an event noun such as "talks" or "air
strike") and asks :class:`Lexicon` for the :class:`Entry` that fits the words around it.

Matching semantics (``Lexicon.verb`` / ``Lexicon.noun``)
-------------------------------------------------------
Every entry with the trigger's lemma is tested; an entry *fits* when each of its constraints holds:

``particle``  the verb's particle (spaCy ``prt``) equals it, or it is one of ``preps`` -- so "call for",
              "ask for", "look into" may be written with a particle although spaCy attaches "for"/"into"
              as a preposition. A query with a particle only fits entries with that particle, except the
              particles in :data:`TRANSPARENT_PARTICLES` ("hit back", "send in"), which fit plain entries.
``obj``       the direct object's head lemma is one of the listed words (compared as given and singular).
              A listed phrase ("humanitarian aid") also needs its first words among ``obj_mods`` (the
              object's compound/adjective lemmas). For prepositional verbs ("call for a ceasefire") pass the
              object of that preposition as ``obj``. Nouns use ``obj`` for the head of their "of" complement
              ("release of prisoners").
``prep``      it is one of ``preps``: the prepositions attached to the trigger ("meet with", "attack on").
              It names the preposition that introduces the *other* party: the target, or with ``swap``
              the source ("receive aid from Y").
``xcomp``     the open clausal complement's lemma ("agree to *lift*") is listed; ``*`` accepts any verb.
noun lemmas   a noun entry may be a phrase ("air strike"); it is indexed under its last word and its first
              words must be among ``mods``.

Of the fitting entries the most specific wins: particle 8, object 4 (+1 per matched modifier), xcomp 4
(``*`` 2), preposition 2. Ties go to the entry added last by :meth:`Lexicon.extend` (user dictionaries), then
to the earlier line of its file. An entry whose code is ``---`` is a *null* entry: when it wins the lookup
returns ``None`` ("fire" an employee is not an attack).

Entry fields beyond the match: ``reverse`` (the paired code for the event in the other direction, e.g.
visit 042 / host 043), ``swap`` (source and target trade places), ``weak`` (a vehicle verb whose code yields
to an event noun or purpose clause: "make a visit", "send a letter to congratulate"), ``weapon`` (the entry
codes only when its subject is a weapon, ``words.tsv`` class ``weapon``: "a grenade exploded", not "tensions
exploded"), ``armed`` (the entry codes only when an armed actor acts: "the army advanced", not "the
talks advanced"), ``state`` (an act only a state carries out, an execution: told with no doer named it is
still the state's act, not a private crime), ``negated_code``
(the code when the trigger is negated or refused: not release -> 1243).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from tidings.datafiles import packaged_text, read_rows
from tidings.events.ontology import is_code

__all__ = [
    "NULL_CODE",
    "TRANSPARENT_PARTICLES",
    "Entry",
    "Lexicon",
    "inflect_noun",
    "inflect_verb",
    "read_lexicon_tsv",
    "singular",
    "with_forms",
    "word_classes",
]

NULL_CODE = "---"
TRANSPARENT_PARTICLES = frozenset({"back", "in", "again"})
Pos = Literal["verb", "noun"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger pattern: a lemma, the words that must surround it, and its CAMEO code."""

    lemma: str
    pos: Pos
    code: str
    obj: frozenset[str] = frozenset()
    particle: str | None = None
    prep: str | None = None
    xcomp: frozenset[str] = frozenset()
    reverse: str | None = None
    swap: bool = False
    weak: bool = False
    weapon: bool = False  # codes only when its subject is a weapon (words.tsv): "a grenade exploded"
    armed: bool = False  # codes only when an armed actor (army, rebels, police) is its source
    state: bool = False  # an act only a state carries out ("was executed"): no private crime without a doer
    negated_code: str | None = None
    note: str = ""
    forms: frozenset[str] = frozenset()  # extra surface forms (irregular inflections given by a dictionary)

    @property
    def is_null(self) -> bool:
        return self.code == NULL_CODE

    @property
    def key(self) -> tuple[object, ...]:
        """What identifies the pattern: a later entry with the same key replaces an earlier one."""
        return (self.pos, self.lemma, self.particle, self.obj, self.prep, self.xcomp)


# ---------------------------------------------------------------- inflection

_IRREGULAR_VERBS = """
arise arose arisen | awake awoke awoken | be was were been being is are am | bear bore borne born |
beat beat beaten | become became become | begin began begun | bend bent | bet bet |
bid bid bade bidden | bind bound | bite bit bitten | bleed bled | blow blew blown |
break broke broken | breed bred | bring brought | broadcast broadcast broadcasted | build built |
burn burnt burned | burst burst | buy bought | cast cast | catch caught | choose chose chosen |
cling clung | come came | cost cost | creep crept | cut cut | deal dealt | dig dug |
dive dove dived | do did done does | draw drew drawn | drink drank drunk | drive drove driven |
eat ate eaten | fall fell fallen | feed fed | feel felt | fight fought | find found | flee fled |
fly flew flown flies | forbid forbade forbidden | forecast forecast forecasted |
foresee foresaw foreseen | forget forgot forgotten | forgive forgave forgiven |
forgo forwent forgone | forsake forsook forsaken | freeze froze frozen | get got gotten |
give gave given | go went gone goes | grind ground | grow grew grown | hang hung hanged |
have had has | hear heard | hide hid hidden | hit hit | hold held | hurt hurt | keep kept |
kneel knelt kneeled | know knew known | lay laid | lead led | lean leant leaned |
leap leapt leaped | learn learnt learned | leave left | lend lent | let let | lie lay lain lied |
light lit lighted | lose lost | make made | mean meant | meet met | mislead misled |
mistake mistook mistaken | outdo outdid outdone | overcome overcame | overrun overran |
oversee oversaw overseen | overtake overtook overtaken | overthrow overthrew overthrown |
override overrode overridden | pay paid | plead pleaded pled | prove proved proven | put put |
quit quit | read read | rebuild rebuilt | redo redid redone | reset reset | retake retook retaken |
rethink rethought | rewrite rewrote rewritten | rid rid | ride rode ridden | ring rang rung |
rise rose risen | run ran | say said | see saw seen | seek sought | sell sold | send sent |
set set | sew sewed sewn | shake shook shaken | shed shed | shine shone | shoot shot |
show showed shown | shrink shrank shrunk | shut shut | sing sang sung | sink sank sunk | sit sat |
slay slew slain | sleep slept | slide slid | smite smote smitten | speak spoke spoken |
speed sped speeded | spend spent | spin spun | spit spat | split split | spread spread |
spring sprang sprung | stand stood | steal stole stolen | stick stuck | sting stung |
stride strode stridden | strike struck stricken | string strung | strive strove striven |
swear swore sworn | sweep swept | swim swam swum | swing swung | take took taken | teach taught |
tear tore torn | tell told | think thought | throw threw thrown | thrust thrust |
tread trod trodden | undergo underwent undergone | understand understood |
undertake undertook undertaken | undo undid undone | uphold upheld | upset upset | wake woke woken |
wear wore worn | weave wove woven | weep wept | win won | wind wound | withdraw withdrew withdrawn |
withhold withheld | withstand withstood | wring wrung | write wrote written |
forswear forswore forsworn | outbid outbid | overhear overheard | overpay overpaid |
oversell oversold | mishear misheard | misunderstand misunderstood | reopen reopened |
resell resold | resend resent | sneak snuck sneaked
"""

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs whose final consonant doubles although they have more than one syllable (stress on the last one).
_DOUBLING = _wordset("""
abet acquit admit allot annul befit commit compel confer control concur debar defer deter dispel embed
emit enrol equip excel expel extol forget incur infer instil kidnap occur omit outwit patrol permit prefer
propel rebel recommit recur refer regret remit repel submit transfer transmit unplug
""")

_IRREGULAR_PLURALS = {
    "analysis": "analyses", "crisis": "crises", "basis": "bases", "thesis": "theses",
    "hypothesis": "hypotheses",
    "man": "men", "woman": "women", "child": "children", "person": "people", "policeman": "policemen",
    "chairman": "chairmen", "spokesman": "spokesmen", "gunman": "gunmen", "foot": "feet", "mouse": "mice",
    "embargo": "embargoes", "veto": "vetoes", "hero": "heroes", "torpedo": "torpedoes", "echo": "echoes",
    "cargo": "cargoes", "life": "lives", "knife": "knives", "wife": "wives", "thief": "thieves",
    "half": "halves", "leaf": "leaves", "criterion": "criteria", "phenomenon": "phenomena",
    "datum": "data", "medium": "media", "militia": "militias", "talk": "talks",
}
_IRREGULAR_SINGULARS = {plural: noun for noun, plural in _IRREGULAR_PLURALS.items()}
# Nouns that end in -s in the singular (and must not lose it).
_S_SINGULARS = _wordset("""
news series species means chaos status bus gas alias census corpus apparatus consensus crisis analysis
basis thesis process access address congress progress success witness business fortress mass class
pass glass loss kiss boss hostess arms talks politics physics economics tactics aids us campus virus
bonus fracas abyss
""")

_VOWELS = "aeiou"


def _irregular_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for chunk in _IRREGULAR_VERBS.split("|"):
        words = chunk.split()
        if words:
            table[words[0]] = tuple(words[1:])
    return table


_IRREGULAR = _irregular_table()


def _syllables(word: str) -> int:
    return len(re.findall(r"[aeiouy]+", word.rstrip("e") or word))


def _doubles(verb: str) -> bool:
    """True when the final consonant doubles before -ed/-ing ("stop" -> "stopped", "admit" -> "admitted")."""
    if len(verb) < 3 or verb[-1] in "wxyh" or verb[-1] in _VOWELS:
        return False
    cvc = verb[-2] in _VOWELS and verb[-3] not in _VOWELS and not (verb[-3] == "u" and verb[-4:-3] == "q")
    if verb[-3:-2] == "u" and verb[-4:-3] == "q":  # "quit", "equip": the u is part of "qu"
        cvc = verb[-2] in _VOWELS
    if not cvc:
        return False
    return verb in _DOUBLING or _syllables(verb) == 1


def _third(verb: str) -> str:
    if verb.endswith(("s", "x", "z", "ch", "sh")) or (verb.endswith("o") and verb[-2:-1] not in _VOWELS):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def _past(verb: str) -> list[str]:
    if verb.endswith("e"):
        return [verb + "d"]
    if verb.endswith("y") and verb[-2:-1] not in _VOWELS:
        return [verb[:-1] + "ied"]
    if verb.endswith("c"):
        return [verb + "ked"]
    if _doubles(verb):
        return [verb + verb[-1] + "ed"]
    forms = [verb + "ed"]
    if verb.endswith("l") and verb[-2:-1] in _VOWELS and verb[-3:-2] not in _VOWELS and _syllables(verb) > 1:
        forms.append(verb + "led")  # British "cancelled", "travelled"
    return forms


def _gerund(verb: str) -> list[str]:
    if verb.endswith("ie"):
        return [verb[:-2] + "ying"]
    if verb.endswith(("ee", "ye", "oe")) or verb == "be":
        return [verb + "ing"]
    if verb.endswith("e") and len(verb) > 2:
        return [verb[:-1] + "ing"]
    if verb.endswith("c"):
        return [verb + "king"]
    if _doubles(verb):
        return [verb + verb[-1] + "ing"]
    forms = [verb + "ing"]
    if verb.endswith("l") and verb[-2:-1] in _VOWELS and verb[-3:-2] not in _VOWELS and _syllables(verb) > 1:
        forms.append(verb + "ling")
    return forms


@functools.cache
def inflect_verb(lemma: str) -> frozenset[str]:
    """Every inflected form of a verb lemma: base, -s, past, participles ("meet" -> met, meets, meeting)."""
    verb = lemma.lower().strip()
    if not verb:
        return frozenset()
    if " " in verb:  # a multi-word lemma: inflect the first word ("give up" -> "gave up")
        head, _, rest = verb.partition(" ")
        return frozenset(f"{form} {rest}" for form in inflect_verb(head))
    forms = {verb, _third(verb), *_gerund(verb)}
    irregular = _IRREGULAR.get(verb)
    if irregular:
        forms.update(irregular)
    else:
        forms.update(_past(verb))
    return frozenset(forms)


@functools.cache
def inflect_noun(lemma: str) -> frozenset[str]:
    """Singular and plural of a noun lemma; for a phrase ("air strike") the forms of the whole phrase."""
    noun = lemma.lower().strip()
    if not noun:
        return frozenset()
    if " " in noun:
        head_start = noun.rfind(" ") + 1
        return frozenset(noun[:head_start] + form for form in inflect_noun(noun[head_start:]))
    if noun in _IRREGULAR_PLURALS:
        return frozenset({noun, _IRREGULAR_PLURALS[noun]})
    if noun in _S_SINGULARS and not noun.endswith("ss") and not noun.endswith("is"):
        return frozenset({noun})
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return frozenset({noun, noun + "es"})
    if noun.endswith("y") and noun[-2:-1] not in _VOWELS:
        return frozenset({noun, noun[:-1] + "ies"})
    return frozenset({noun, noun + "s"})


@functools.cache
def singular(noun: str) -> str:
    """A best-effort singular of an English noun ("sanctions" -> "sanction", "talks" -> "talk")."""
    word = noun.lower()
    if word in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[word]
    if word in _S_SINGULARS or word.endswith(("ss", "us", "is")) or len(word) < 4:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes", "oes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


# ---------------------------------------------------------------- the TSV format

_COLUMNS = ["lemma", "particle", "obj", "prep", "xcomp", "code", "reverse", "flags", "negated_code", "note"]
_BLANK = "-"
_FLAGS = frozenset({"swap", "weak", "weapon", "armed", "state"})


def _words(field: str) -> frozenset[str]:
    if field == _BLANK:
        return frozenset()
    return frozenset(word.strip().lower() for word in field.split(",") if word.strip())


def _opt(field: str) -> str | None:
    return None if field == _BLANK else field.strip().lower()


def read_lexicon_tsv(text: str, pos: Pos, *, source: str = "<lexicon>") -> list[Entry]:
    """Parse one lexicon file (``verbs.tsv`` / ``nouns.tsv``); :class:`DataError` names the bad line.

    Columns (tab-separated, ``-`` for blank): lemma, particle, obj, prep, xcomp, code, reverse, flags,
    negated_code, note. ``obj`` and ``xcomp`` are comma-separated word lists, ``flags`` a comma-separated
    subset of ``swap``/``weak``. Lines starting with ``#`` and blank lines are ignored.
    """
    entries: list[Entry] = []
    for row in read_rows(text, source=source, header=_COLUMNS):
        lemma, particle, obj, prep, xcomp, code, reverse, flags, negated, note = row.cells
        flag_set = _words(flags)
        for checked in (code, reverse, negated):
            if checked not in (_BLANK, NULL_CODE) and not is_code(checked):
                raise row.error(f"{checked!r} is not a CAMEO code")
        if flag_set - _FLAGS:
            raise row.error(f"unknown flags {sorted(flag_set - _FLAGS)}")
        if code == _BLANK or lemma == _BLANK:
            raise row.error("lemma and code are required")
        entries.append(Entry(
            lemma=lemma.lower(), pos=pos, code=code, obj=_words(obj), particle=_opt(particle),
            prep=_opt(prep), xcomp=_words(xcomp), reverse=_opt(reverse), swap="swap" in flag_set,
            weak="weak" in flag_set, weapon="weapon" in flag_set, armed="armed" in flag_set,
            state="state" in flag_set, negated_code=_opt(negated),
            note="" if note == _BLANK else note,
        ))
    return entries


# ---------------------------------------------------------------- the lexicon


@dataclass(frozen=True, slots=True)
class _Slot:
    """An entry with its precomputed object phrases and its rank among entries."""

    entry: Entry
    objects: tuple[tuple[str, tuple[str, ...]], ...]  # (head, modifiers) per listed object
    head_mods: tuple[str, ...]  # for noun phrases: the words before the head
    rank: tuple[int, int]  # (batch, -position): higher wins ties


def _phrase(text: str) -> tuple[str, tuple[str, ...]]:
    words = text.split()
    return words[-1], tuple(words[:-1])


def _slot(entry: Entry, batch: int, position: int) -> _Slot:
    objects = tuple(_phrase(word) for word in sorted(entry.obj))
    head_mods = _phrase(entry.lemma)[1] if entry.pos == "noun" else ()
    return _Slot(entry, objects, head_mods, (batch, -position))


@dataclass(frozen=True)
class Lexicon:
    """An immutable set of trigger entries with a lookup by lemma; see :meth:`default` and :meth:`extend`."""

    entries: tuple[Entry, ...]
    _ranked: tuple[tuple[int, int, Entry], ...] = field(repr=False, compare=False)
    _index: dict[tuple[str, str], tuple[_Slot, ...]] = field(repr=False, compare=False)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry]) -> Lexicon:
        """A lexicon of ``entries``; of several entries with the same key the first is kept."""
        return cls._build([(0, position, entry) for position, entry in enumerate(entries)])

    @classmethod
    def _build(cls, ranked: Iterable[tuple[int, int, Entry]]) -> Lexicon:
        by_key: dict[tuple[object, ...], tuple[int, int, Entry]] = {}
        for batch, position, entry in ranked:
            previous = by_key.get(entry.key)
            if previous is not None and previous[0] == batch:  # within one batch the first entry wins
                continue
            by_key[entry.key] = (batch, position, entry)
        ordered = tuple(sorted(by_key.values(), key=lambda item: (item[0], item[1])))
        index: dict[tuple[str, str], list[_Slot]] = {}
        for batch, position, entry in ordered:
            head = entry.lemma.rsplit(" ", 1)[-1] if entry.pos == "noun" else entry.lemma
            index.setdefault((entry.pos, head), []).append(_slot(entry, batch, position))
        frozen = {key: tuple(slots) for key, slots in index.items()}
        return cls(tuple(entry for _, _, entry in ordered), ordered, frozen)

    @classmethod
    def default(cls) -> Lexicon:
        """tidings' own lexicon (``events/data/verbs.tsv`` and ``nouns.tsv``), loaded once."""
        return _default_lexicon()

    def extend(self, entries: Iterable[Entry]) -> Lexicon:
        """A new lexicon with ``entries`` added; they replace entries with the same key and win ties."""
        batch = max((item[0] for item in self._ranked), default=-1) + 1
        added = [(batch, position, entry) for position, entry in enumerate(entries)]
        return self._build([*self._ranked, *added])

    def __len__(self) -> int:
        return len(self.entries)

    @functools.cached_property
    def surface_forms(self) -> frozenset[str]:
        """Every lowercase inflected form of every trigger lemma (for a cheap pre-parse sentence filter)."""
        forms: set[str] = set()
        for entry in self.entries:
            if entry.is_null:
                continue
            if entry.pos == "verb":
                forms.update(inflect_verb(entry.lemma))
            else:
                forms.update(inflect_noun(entry.lemma))
                head = entry.lemma.rsplit(" ", 1)[-1]
                forms.update(inflect_noun(head))
            forms.update(entry.forms)
        return frozenset(forms)

    def has_trigger(self, tokens: Iterable[str]) -> bool:
        """True when any of ``tokens`` (any case) is a surface form of a trigger."""
        surface = self.surface_forms
        return any(token.lower() in surface for token in tokens)

    def verb(self, lemma: str, *, particle: str | None = None, obj: str | None = None,
             obj_mods: Sequence[str] = (), preps: Sequence[str] = (), xcomp: str | None = None,
             pobjs: Mapping[str, str] | None = None) -> Entry | None:
        """The most specific verb entry that fits (see the module docstring), or ``None``.

        ``pobjs`` maps a preposition of the verb to the head lemma of its object ({"of": "corruption"}); an
        entry whose particle is that preposition tests its ``obj`` against it instead of ``obj``.
        """
        return self._lookup("verb", lemma, particle, obj, obj_mods, preps, xcomp, (), pobjs)

    def noun(self, lemma: str, *, mods: Sequence[str] = (), preps: Sequence[str] = (),
             obj: str | None = None, obj_mods: Sequence[str] = ()) -> Entry | None:
        """The most specific noun entry that fits: ``mods`` are the noun's compound/adjective lemmas."""
        return self._lookup("noun", lemma, None, obj, obj_mods, preps, None, mods, None)

    def candidates(self, lemma: str, pos: Pos = "verb") -> tuple[Entry, ...]:
        """Every entry indexed under a lemma (for debugging and explanations)."""
        return tuple(slot.entry for slot in self._index.get((pos, lemma.lower()), ()))

    def _lookup(self, pos: Pos, lemma: str, particle: str | None, obj: str | None, obj_mods: Sequence[str],
                preps: Sequence[str], xcomp: str | None, mods: Sequence[str],
                pobjs: Mapping[str, str] | None) -> Entry | None:
        slots = self._index.get((pos, lemma.lower()))
        if not slots:
            return None
        query = _Query(
            particle=particle.lower() if particle else None,
            preps=frozenset(prep.lower() for prep in preps),
            obj=_forms(obj),
            obj_mods=frozenset(mod.lower() for mod in obj_mods),
            xcomp=xcomp.lower() if xcomp else None,
            mods=frozenset(mod.lower() for mod in mods),
            pobjs={prep.lower(): _forms(word) for prep, word in (pobjs or {}).items()},
        )
        best: tuple[int, int, int, int] | None = None
        winner: Entry | None = None
        for slot in slots:
            score = _fit(slot, query)
            if score is None:
                continue
            # ties: the later batch (user dictionaries), then the narrower object list, then the earlier line
            rank = (score, slot.rank[0], -len(slot.objects), slot.rank[1])
            if best is None or rank > best:
                best, winner = rank, slot.entry
        if winner is None or winner.is_null:
            return None
        return winner


@dataclass(frozen=True, slots=True)
class _Query:
    particle: str | None
    preps: frozenset[str]
    obj: frozenset[str]
    obj_mods: frozenset[str]
    xcomp: str | None
    mods: frozenset[str]
    pobjs: dict[str, frozenset[str]]


def _forms(word: str | None) -> frozenset[str]:
    return frozenset({word.lower(), singular(word)}) if word else frozenset()


def _fit(slot: _Slot, query: _Query) -> int | None:
    """The specificity score of ``slot`` for ``query``, or ``None`` when a constraint fails."""
    entry = slot.entry
    score = 0
    if slot.head_mods:
        if not all(mod in query.mods for mod in slot.head_mods):
            return None
        score += 4 * len(slot.head_mods)
    obj_forms = query.obj
    if entry.particle is not None:
        if entry.particle != query.particle and entry.particle not in query.preps:
            return None
        score += 8
        if entry.particle in query.pobjs:
            obj_forms = query.pobjs[entry.particle]
    elif query.particle is not None and query.particle not in TRANSPARENT_PARTICLES:
        return None
    if slot.objects:
        matched = _object_fit(slot, obj_forms, query)
        if matched is None:
            return None
        score += 4 + matched
    if entry.xcomp:
        if query.xcomp is None or (query.xcomp not in entry.xcomp and "*" not in entry.xcomp):
            return None
        score += 4 if query.xcomp in entry.xcomp else 2
    if entry.prep is not None:
        if entry.prep not in query.preps:
            return None
        score += 2
    return score


def _object_fit(slot: _Slot, obj_forms: frozenset[str], query: _Query) -> int | None:
    """How many modifiers the best-fitting listed object needs (``None`` when none of them fits)."""
    matched = -1
    for head, needed in slot.objects:
        if head in obj_forms and all(mod in query.obj_mods for mod in needed):
            matched = max(matched, len(needed))
    return None if matched < 0 else matched


@functools.cache
def _default_lexicon() -> Lexicon:
    entries: list[Entry] = []
    files: tuple[tuple[str, Pos], ...] = (("verbs.tsv", "verb"), ("nouns.tsv", "noun"))
    for name, pos in files:
        text = packaged_text("tidings.events", name)
        entries.extend(read_lexicon_tsv(text, pos, source=f"events/data/{name}"))
    return Lexicon.from_entries(entries)


def with_forms(entry: Entry, forms: Iterable[str]) -> Entry:
    """A copy of ``entry`` that also lists ``forms`` as surface forms."""
    return replace(entry, forms=entry.forms | frozenset(form.lower() for form in forms))


WORD_CLASSES = frozenset({"quantity", "hazard", "contest", "figure", "press", "crowd", "weapon",
                          "request", "casualty", "disaster", "avert",
                          "condition", "commerce", "hearsay", "setting", "locale", "manner",
                          "feeling", "wrong", "measure", "topic", "naming", "censure", "sport", "festivity",
                          "work", "abstract", "arena", "stance", "person", "trial", "market", "mission",
                          "publication", "fight", "willing", "partake", "holding", "era", "speech",
                          "contender", "laud", "utterance", "venue", "asked"})
# A word of a date expression that points at a time rather than a length of it ("last week", "ago").
WORD_CLASSES |= {"deixis"}
# An adverb of travel that returns ("flew home", "headed back"): no visit.
WORD_CLASSES |= {"homeward"}
# A noun of ground that is also a stance ("the position taken by X on the bill"): see refine.stance_taken.
WORD_CLASSES |= {"viewpoint"}


def read_word_classes(text: str, *, source: str = "<words>") -> dict[str, frozenset[str]]:
    """Parse ``words.tsv`` (``word``, ``class``); :class:`DataError` names the bad line."""
    table: dict[str, set[str]] = {}
    for row in read_rows(text, source=source, header=["word", "class"]):
        word, kind = row.cells
        if kind not in WORD_CLASSES or not word:
            raise row.error(f"expected a word and one of {sorted(WORD_CLASSES)}: {row.raw!r}")
        table.setdefault(word.lower(), set()).add(kind)
    return {word: frozenset(classes) for word, classes in table.items()}


@functools.cache
def word_classes() -> dict[str, frozenset[str]]:
    """The packaged word classes (``events/data/words.tsv``), loaded once."""
    return read_word_classes(packaged_text("tidings.events", "words.tsv"), source="events/data/words.tsv")
