"""Cue words of claims about a person, by claim type, in one place so they are easy to extend.

Every set holds lower-case lemmas (spaCy ``token.lemma_``) unless its name says otherwise. The rules in
:mod:`tidings.claims.extract` only look words up here.
"""

from __future__ import annotations

from tidings.datafiles import packaged_text, read_rows

_TABLE = "claim_words.tsv"
_SETS = ("undergo", "conditional", "wh_clause", "false", "good_health", "topic_health", "health_state")


def _table() -> dict[str, frozenset[str]]:
    """The word sets of ``claims/data/claim_words.tsv`` by set name (a set name it does not know is an
    error)."""
    found: dict[str, set[str]] = {name: set() for name in _SETS}
    for row in read_rows(packaged_text("tidings.claims", _TABLE), source=f"claims/data/{_TABLE}",
                         header=("set", "word")):
        if row.cells[0] not in found:
            raise row.error(f"set {row.cells[0]!r} is not one of {', '.join(_SETS)}")
        found[row.cells[0]].add(row.cells[1].lower())
    return {name: frozenset(words) for name, words in found.items()}


_WORDS = _table()

DEATH_VERBS: frozenset[str] = frozenset({"die", "perish", "succumb"})
DEATH_NOUNS: frozenset[str] = frozenset({"death", "demise"})
DEATH_ADJECTIVES: frozenset[str] = frozenset({"dead", "deceased"})
DEATH_PARTICLE_VERBS: frozenset[tuple[str, str]] = frozenset({("pass", "away")})

HEALTH_NOUNS: frozenset[str] = frozenset({
    "health", "illness", "sickness", "surgery", "disease", "coma", "hospitalisation", "hospitalization",
    "ailment", "infirmity",
})
HEALTH_CONDITION_WORDS: frozenset[str] = frozenset({"critical", "serious", "grave", "stable", "poor"})
"""Modifiers that make "condition" a health word ("in critical condition")."""
HEALTH_ADJECTIVES: frozenset[str] = frozenset({
    "ill", "sick", "unwell", "ailing", "frail", "hospitalised", "hospitalized", "incapacitated", "bedridden",
})
HEALTH_VERBS: frozenset[str] = frozenset({"hospitalise", "hospitalize", "recover", "recuperate"})

WHEREABOUTS_NOUNS: frozenset[str] = frozenset({"whereabouts", "disappearance", "hiding"})
WHEREABOUTS_VERBS: frozenset[str] = frozenset({"disappear", "vanish", "hide"})
WHEREABOUTS_ADJECTIVES: frozenset[str] = frozenset({"missing"})
PUBLIC_WORDS: frozenset[str] = frozenset({"public", "view", "eye", "sight", "life", "limelight", "spotlight"})
"""Objects of "from" that turn a disappearance into an absence from public view."""

ABSENCE_NOUNS: frozenset[str] = frozenset({"absence", "no-show"})
ABSENCE_ADJECTIVES: frozenset[str] = frozenset({"absent"})
ABSENCE_VERBS: frozenset[str] = frozenset({"miss", "skip"})
EVENT_NOUNS: frozenset[str] = frozenset({
    "celebration", "ceremony", "parade", "meeting", "event", "anniversary", "funeral", "rally", "session",
    "summit", "festival", "commemoration", "congress", "plenum", "conference", "inauguration", "visit",
    "service", "gathering", "reception", "banquet", "concert", "march", "holiday", "birthday",
})
"""What one misses or skips when the miss is an absence ("missed the parade")."""

APPEARANCE_VERBS: frozenset[str] = frozenset({
    "appear", "reappear", "resurface", "attend", "inspect", "visit", "preside", "meet", "tour", "greet",
    "address",
})
AUDIENCE_NOUNS: frozenset[str] = frozenset({
    "audience", "crowd", "rally", "supporter", "nation", "parliament", "congress", "assembly", "reporter",
    "journalist", "press", "conference", "meeting", "summit", "gathering", "student", "troop", "soldier",
    "people", "country", "public", "voter", "delegate", "convention", "session", "graduate", "worker",
    "member", "leader", "party", "plenum", "ceremony", "parade", "event", "forum", "legislature", "senate",
})
"""Objects of "address" that make it an appearance (addressed the crowd); one addresses a letter, a question
or a concern without being seen anywhere."""
# Appearance verbs whose negation with a person as object is about that person, not an absence from public
# life: "had never met X before".
PERSON_OBJECT_VERBS: frozenset[str] = frozenset({"meet", "greet", "visit"})
APPEARANCE_NOUNS: frozenset[str] = frozenset({"appearance", "reappearance"})
SEE_VERBS: frozenset[str] = frozenset({"see", "spot", "sight", "photograph", "film", "show"})
"""Verbs of being seen: an appearance of their passive subject or their object."""

UNDERGO_VERBS: frozenset[str] = _WORDS["undergo"]
"""Verbs whose subject undergoes the death or health noun they take as object ("underwent surgery")."""
CONDITIONAL_MARKS: frozenset[str] = _WORDS["conditional"]
"""Subordinators of a condition: a cue in their clause is not claimed ("what happens if he dies")."""
GOOD_HEALTH_WORDS: frozenset[str] = _WORDS["good_health"]
"""Modifiers that make a health noun say the person is well ("in good health")."""
TOPIC_HEALTH_NOUNS: frozenset[str] = _WORDS["topic_health"]
"""Health nouns that name a topic: a claim needs a state said of them ("his poor health", not "his
health")."""
HEALTH_STATE_WORDS: frozenset[str] = _WORDS["health_state"]
"""Words saying what state a topic health noun is in ("his failing health", "his health deteriorated")."""
FALSE_PREDICATES: frozenset[str] = _WORDS["false"]
"""Predicates that call the phrase holding a claim untrue ("reports of his death are false")."""
WH_CLAUSE_WORDS: frozenset[str] = _WORDS["wh_clause"]
"""Words opening what is shown to a person ("showed him where ..."): the person is not seen."""

SUCCESSION_NOUNS: frozenset[str] = frozenset({"successor", "succession", "heir"})
SUCCESSION_VERBS: frozenset[str] = frozenset({"succeed"})

IDENTITY_WORDS: frozenset[str] = frozenset({
    "lookalike", "look-alike", "impostor", "imposter", "doppelganger", "doppelgänger", "decoy", "stand-in",
})
IDENTITY_PHRASES: frozenset[tuple[str, str]] = frozenset({("body", "double"), ("political", "double")})
"""Lower-case word pairs that name a double."""

RUMOUR_FRAMES: frozenset[str] = frozenset({
    "rumour", "rumor", "speculation", "speculate", "gossip", "hearsay", "whisper", "conspiracy", "theory",
    "chatter", "buzz",
})
"""A claim under one of these ("rumours of his death", "speculation about his health") is a rumour."""
HEDGE_FRAMES: frozenset[str] = frozenset({
    "concern", "fear", "question", "doubt", "suspicion", "worry", "uncertainty", "mystery", "guess",
    "conjecture", "possibility", "allegation", "suggestion",
})
"""A claim under one of these ("concerns about his health", "questions over his whereabouts") is hedged."""
DENY_WORDS: frozenset[str] = frozenset({"deny", "denial", "refute", "rebut", "dismiss", "reject", "debunk"})
"""A negation carried by one of these is a source denying the claim, not the article negating it."""
SOURCE_PREPOSITIONS: frozenset[str] = frozenset({"on", "in", "across", "among", "by", "from", "within"})
"""Where a rumour surfaces: "rumours surfaced on international media"."""

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "several": 3, "few": 3, "couple": 2,
}
UNIT_DAYS: dict[str, int] = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}

CUE_FORMS: frozenset[str] = frozenset({
    "die", "died", "dies", "dying", "death", "deaths", "demise", "dead", "deceased", "passed",
    "health", "ill", "illness", "sick", "sickness", "unwell", "ailing", "frail", "surgery", "coma",
    "hospitalised", "hospitalized", "hospital", "condition", "recovering", "recovered",
    "whereabouts", "disappearance", "disappeared", "vanished", "missing", "hiding",
    "absence", "absent", "missed", "skipped", "seen", "spotted", "appeared", "appearance", "reappeared",
    "resurfaced", "attended", "inspected", "visited", "presided", "met", "addressed", "toured", "greeted",
    "successor", "succession", "heir", "succeed", "succeeded",
    "double", "lookalike", "look-alike", "impostor", "imposter", "decoy", "stand-in",
})
"""Surface forms (lower case) that make an unparsed sentence worth parsing for claims."""
