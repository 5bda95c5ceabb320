"""Which date expression of a sentence dates an event, and what it resolves to.

An event is dated by the date expression attached closest to its trigger in the dependency tree ("the
ministry said on Monday that troops had entered the town on Saturday": the entering is Saturday's), a
relative phrase ("a day after", "two weeks later") is anchored on the sentence's absolute date or the
previous event's, and a date inside a clause that describes another event is not the event's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from tidings.dates.resolver import DateResolver, anchored_on_event, is_date_expression
from tidings.record import DateInfo

RELATIVE_WORDS = frozenset({"after", "before", "earlier", "later"})


def event_date(doc: Any, trigger: Any, dates: DateResolver,
               last_date: dt.date | None = None) -> tuple[str | None, DateInfo]:
    """The date expression that governs the trigger, resolved against the publication date.

    Candidates are spaCy's DATE entities that are dates (not durations) plus relative phrases spaCy
    leaves out ("a day after", "two days later"); the one attached closest to the trigger on its path
    to the root wins, then the nearest in the text.
    """
    phrases = [_Phrase(date_text(e), e.root, e.end + (date_text(e) != e.text)) for e in doc.ents
               if e.label_ in ("DATE", "TIME") and is_date_expression(date_text(e))]
    phrases += _relative_phrases(doc, {p.root.i for p in phrases})
    phrases = [p for p in phrases if not anchored_on_event(doc, p.text, p.end)]
    if not phrases:
        return None, dates.resolve(None)
    chain = [trigger, *trigger.ancestors]
    position = {tok.i: n for n, tok in enumerate(chain)}
    phrases = [p for p in phrases if not _dates_another_event(p.root, trigger, position)
               and not _compared_since(p.root)]
    if not phrases:
        return None, dates.resolve(None)

    def rank(phrase: _Phrase) -> tuple[int, int]:
        attach = phrase.root.head
        hops = 0
        while attach.i not in position and attach.head.i != attach.i and hops < 6:
            attach = attach.head
            hops += 1
        return position.get(attach.i, 99), abs(phrase.root.i - trigger.i)

    best = min(phrases, key=rank)
    anchor: dt.date | None = None
    query = best.text
    last = best.text.split()[-1].lower()
    if last in RELATIVE_WORDS:
        absolute = [p for p in phrases if p.text.split()[-1].lower() not in RELATIVE_WORDS]
        anchor = dates.resolve(absolute[0].text).date if absolute else last_date
        clause = best.root.head  # "[denied it on Friday,] a day after [the paper printed X]"
        inside = trigger.i == clause.i or clause in trigger.ancestors
        if last in ("after", "before") and absolute and inside:
            # the trigger is inside the subordinate clause: it happened a day *before* the anchor
            query = best.text.rsplit(" ", 1)[0] + (" before" if last == "after" else " after")
    info = dates.resolve(query, anchor=anchor)
    if last in RELATIVE_WORDS and dates.published is not None and info.date is not None and \
            info.date > dates.published and trigger.tag_ in ("VBD", "VBN"):
        return best.text, dates.resolve(None)  # a past event dated after publication: a wrong anchor
    return best.text, info


OTHER_EVENT_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "pcomp"})
"""Clauses that describe an event of their own: a date inside one dates that event, not the trigger's
("released the names of six people killed when a tram derailed on Wednesday": Wednesday is the derailing)."""


def _dates_another_event(root: Any, trigger: Any, chain: dict[int, int]) -> bool:
    """Whether a date phrase (its root token) sits in a clause of another event than the trigger's: on its
    way up to the trigger's chain of heads it passes a clause verb that is not on that chain (a clause that
    describes the trigger itself, "the deal signed last year", is the trigger's)."""
    node = root
    while node.i not in chain and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in OTHER_EVENT_CLAUSES and not (
                node.head.i == trigger.i and node.dep_ in ("acl", "relcl")):
            return True
        node = node.head
    return False


def _compared_since(root: Any) -> bool:
    """ "its lowest level since 1997", "the worst fall since 1987", "its first loss since 1992": a "since"
    phrase after a superlative measures a record against the past; it does not date the event ("has led the
    market since 2003" does)."""
    since = root.head
    if root.dep_ != "pobj" or since.lower_ != "since":
        return False
    if since.head.pos_ not in ("VERB", "AUX"):
        return True
    for tok in reversed(since.doc[max(since.i - 5, 0):since.i]):
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.tag_ in ("JJS", "RBS") or tok.lower_ == "first":
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Phrase:
    text: str
    root: Any  # spacy Token
    end: int  # index of the token after the phrase


def _relative_phrases(doc: Any, taken: set[int]) -> list[_Phrase]:
    """ "a day after", "two weeks later", "days before": spaCy rarely tags these as DATE."""
    out: list[_Phrase] = []
    for tok in doc:
        if tok.i in taken or tok.lemma_.lower() not in ("day", "week", "month", "year"):
            continue
        following = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if following is None or following.lower_ not in RELATIVE_WORDS:
            continue
        start = min(t.i for t in tok.subtree)
        out.append(_Phrase(f"{doc[start:tok.i + 1].text} {following.text}", tok, following.i + 1))
    return out


def date_text(ent: Any) -> str:
    """The entity text, with a following "after"/"before"/"earlier"/"later" ("a day after")."""
    doc = ent.doc
    text: str = ent.text
    if ent.end < len(doc) and doc[ent.end].lower_ in RELATIVE_WORDS:
        text = f"{text} {doc[ent.end].text}"
    return text


