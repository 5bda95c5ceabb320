"""Acts told again: an unnamed restatement of an act the article has just reported is not a second event.

News reports an act once with its sides and then goes on about it with a bare noun or a passive that names
nobody: "Rebels stormed a police post on Monday. The attack lasted two hours", "Two men were arrested in the
port. They were charged on Friday", "a bomb killed one man and wounded three" (the wounding is the same
blast). Each such word is coded on its own (:mod:`tidings.events.coder`), and with neither side named it
would stand as an act by nobody against nobody. The gold convention (``evaluation/gold/GUIDE.md`` section 2:
one act, one event) counts it as the act already reported.

:func:`drop_restated` removes an event that names neither side when an event of the same kind was coded in
the same sentence or in the sentence just before it. Kinds: violence (CAMEO roots 18, 19 and 20 tell one
fight in many words) is one kind; every other code is its own kind (a march and a strike told together are
two acts). An unnamed act with no such event near
it (the first report of an attack whose sides are unknown) stands. An unnamed act further on is a
restatement when its trigger is the earlier act's word (the same stem: "the envoys were expelled" ... "the
expelled were spies"): an article that tells a new instance names it anew.

A sentence a page prints twice (a pull quote, a caption, a teaser repeated in the body, with or without a
label glued before it) tells its acts once: an event whose sentence repeats an earlier event's sentence
word for word (one holding the other, of at least ``REPEAT_CHARS`` characters) with the same code and
sides is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from tidings.record import Actor, Event

__all__ = ["drop_restated", "kind_of"]

# Roots that tell one act of violence in many words ("attack", "clash", "killed", "wounded", "bombers").
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
VIOLENCE = "violence"
# How far back (in sentences) an act told again may have been reported.
REACH = 1
# Words by which a sentence tells a new instance of an act told before ("another", "a second attack").
NEW_INSTANCE = frozenset({"another", "again", "second", "third", "fresh", "further", "new", "renewed",
                          "more", "also"})
# Roots of material acts (force, coercion, violence) that :func:`_retold` merges; words (statements, appeals,
# criticism) are coded per sentence, each its own event (GUIDE section 4).
MATERIAL_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
# Sectors of unnamed kinds of people a restatement may name anew ("two people" ... "the suspects").
PEOPLE = frozenset({"CVL", "CRM", "UAF", "OPP", "REF"})
STATEMENT_ROOT = "01"
# The shortest sentence whose repetition counts as the same text printed twice, in characters.
REPEAT_CHARS = 40


def kind_of(event: Event) -> str:
    """The kind of act an event is, for telling a restatement: violence, else its CAMEO code."""
    code = event.cameo.code
    return VIOLENCE if code[:2] in VIOLENT_ROOTS else code


def _unnamed(event: Event) -> bool:
    return event.source is None and event.target is None


def drop_restated(events: Sequence[Event]) -> list[Event]:
    """The events of one article (in order) without the unnamed ones that tell an act reported just before
    or beside them (module docstring)."""
    out: list[Event] = []
    for event in events:
        if _unnamed(event) and _told_before(event, events):
            continue
        if any(_printed_again(event, earlier) for earlier in out):
            continue
        if any(_retold(event, earlier) for earlier in out):
            continue
        if any(_said_twice(event, earlier) for earlier in out):
            continue
        out.append(event)
    return out


def _retold(event: Event, earlier: Event) -> bool:
    """The same act told again further on by the same word, the same doer (or none named) and a target no
    other than the first one's (the same code, or an unnamed kind of people of the same country): "officers
    arrested three men after a brawl ... The men were arrested at a cafe" (GUIDE section 6: an act restated
    in another sentence is recorded once; "the army shelled the town ... The shelling killed six": the
    victims are the act's effect). A sentence that marks a new instance ("another", "again", "a second")
    or names a day of its own tells a new act."""
    if event.sentence <= earlier.sentence or event.cameo.code != earlier.cameo.code or \
            event.cameo.code[:2] not in MATERIAL_ROOTS:
        return False
    if not _same_word(event, earlier):
        return False
    if event.source is not None and _code(event.source) != _code(earlier.source):
        return False
    if not _same_target(event.target, earlier.target):
        return False
    words = {w.strip(".,;:\"'").lower() for w in event.evidence.split()}
    return not words & NEW_INSTANCE and event.date_text is None


def _said_twice(event: Event, earlier: Event) -> bool:
    """A second statement (CAMEO 01) by the same speaker in one sentence ("the union denied the claim and
    said talks would go on"): a sentence with its reporting verbs is one statement event (GUIDE section 4)."""
    return event.sentence == earlier.sentence and event.cameo.root == STATEMENT_ROOT == earlier.cameo.root \
        and event.source is not None and _code(event.source) == _code(earlier.source) and \
        _code(event.target) == _code(earlier.target)


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor is not None else None


def _same_target(later: Actor | None, first: Actor | None) -> bool:
    if later is None or (first is not None and later.code == first.code):
        return True
    if first is None:
        return later.sector in PEOPLE
    return later.country == first.country and later.sector in PEOPLE and first.sector in PEOPLE


def _key(event: Event) -> tuple[str, str | None, str | None]:
    return (event.cameo.code, event.source.code if event.source else None,
            event.target.code if event.target else None)


def _printed_again(event: Event, earlier: Event) -> bool:
    """The same act in a sentence that repeats the earlier one's words (module docstring): the same code and
    sides, or the same code and trigger (a sentence printed again may resolve its speaker otherwise, "The
    ambassador" after a label glued to the first copy)."""
    if event.sentence == earlier.sentence or event.cameo.code != earlier.cameo.code:
        return False
    if _key(event) != _key(earlier) and event.trigger.lower() != earlier.trigger.lower():
        return False
    a, b = " ".join(event.evidence.split()), " ".join(earlier.evidence.split())
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= REPEAT_CHARS and shorter in longer


def _told_before(event: Event, events: Sequence[Event]) -> bool:
    kind = kind_of(event)
    for other in events:
        if other is event or kind_of(other) != kind:
            continue
        if other.sentence == event.sentence and not _unnamed(other):
            return True  # told beside a named one
        if 0 < event.sentence - other.sentence <= REACH:
            return True  # told again after it
        if other.sentence < event.sentence and _same_word(event, other):
            return True  # told again further on, by the same word
    return False


def _same_word(event: Event, other: Event) -> bool:
    """Whether two events' triggers are one word (the same first four letters: "expelled", "expel")."""
    a, b = event.trigger.lower(), other.trigger.lower()
    return len(a) >= 4 and a[:4] == b[:4]
