"""Which place an event happened at: the place phrases of its sentence, ranked, and the article's dateline.

News names the place of an act in a few ways, tried in this order (:func:`event_places`, tiers 0-3):

0. a place phrase of the event's own clause right after "in", "at" or "near" (``place_preps.tsv``, sides
   "yes"): only these also place the event's sides (the country of "protesters", an unnamed side);
1. any other place phrase of the clause after a locative preposition ("outside", "through" ...), also one
   step down an "of" phrase ("through the streets of X", "in the north of X") or an apposition ("in the
   capital, X");
2. a place that is the object of the event's verb ("the rebels retook X"; ``place_verbs.tsv`` names the verbs
   whose object is a place even when the tagger takes it for a person);
3. a place phrase after a locative preposition anywhere else in the sentence.

A place that is an actor ("Moscow said", "talks with Kyiv") is never one of them: it has no locative
preposition. Within one tier the caller keeps the smallest place the gazetteer finds (a town before its
province before its country). When the sentence names no place (or only a building or street), the pipeline
takes the place the paragraph's previous sentence names, else the wire dateline of the article ("DORVAL,
Ruritania (AP) -"), which is where the reporter files from (:func:`dateline_name`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from tidings.places.knowledge import Knowledge
from tidings.places.mention import PlacePhrase, place_phrases

__all__ = ["dateline_name", "event_places", "locative_preposition"]

_DATELINE_NAME = re.compile(r"^\s*(?P<name>[^,(:\u2013\u2014-]+?)\s*(?:,|\(|:|-|\u2013|\u2014)")
# A dateline the cleaner leaves because no dash follows it: "DORVAL (AP) The mayor ...", "DORVAL, Ruritania
# (Reuters) The ...": a capitalised place and a news agency in brackets at the very start.
_AGENCY_DATELINE = re.compile(r"^\s*(?P<name>[A-Z][A-Z.' -]{2,40}?)(?:, [A-Z][A-Za-z.' ]{1,40})?"
                              r" \([A-Za-z][A-Za-z&. -]{1,20}\)\s")


@functools.cache
def _prepositions() -> dict[str, bool]:
    return dict(Knowledge.load().place_preps)


@functools.cache
def _place_verbs() -> frozenset[str]:
    return frozenset(Knowledge.load().place_verbs)


def locative_preposition(head: Any) -> Any | None:
    """The locative preposition a place phrase's head token hangs from, or None.

    "in X" -> in; "in the capital, X" -> in; "through the streets of X" -> through; "X said" -> None.
    """
    preps = _prepositions()
    node = head
    if node.dep_ == "appos" and node.head.i != node.i:  # "in the capital, Luanda"
        node = node.head
    if node.dep_ != "pobj":
        return None
    prep = node.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and prep.head.head.lower_ in preps:
        return prep.head.head  # "in the north of X", "through the streets of X"
    return prep if prep.lower_ in preps else None


def _in_clause(tok: Any, trigger: Any) -> bool:
    """True when ``tok`` hangs off the trigger's clause (not off another verb of the sentence)."""
    node = tok
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX") and node.i != trigger.i:
        node = node.head
    return bool(node.i == trigger.i or node.i == trigger.head.i or trigger.i == node.head.i)


def event_places(doc: Any, trigger: Any, taken: Iterable[int] = ()) -> list[tuple[int, list[PlacePhrase]]]:
    """The place phrases of ``doc`` that may say where the event of ``trigger`` happened, in numbered tiers
    (0 the clause's right after "in", "at", "near", which place the event's sides too; 1 the clause's others;
    2 the verb's object; 3 the sentence's; empty tiers left out); phrases inside the actors'
    words (``taken`` token indexes) come last within their tier ("a checkpoint in Kunduz province" names a
    side and a place)."""
    taken = frozenset(taken)
    core: list[PlacePhrase] = []
    clause: list[PlacePhrase] = []
    objects: list[PlacePhrase] = []
    sentence: list[PlacePhrase] = []
    for phrase in place_phrases(doc):
        prep = locative_preposition(phrase.head)
        if prep is None:
            continue
        if not _in_clause(prep, trigger):
            sentence.append(phrase)
        elif prep.i == phrase.head.head.i and _prepositions()[prep.lower_]:
            core.append(phrase)  # "in X", "near X": places the sides too
        else:
            clause.append(phrase)
    for obj in trigger.children:  # "the rebels retook X": the tagger often calls X an organisation
        if obj.dep_ == "dobj" and obj.pos_ == "PROPN" and obj.i not in taken:
            ent = next((e for e in doc.ents if e.start <= obj.i < e.end), None)
            if ent is None or ent.label_ in ("GPE", "LOC", "FAC", "ORG") or \
                    trigger.lemma_.lower() in _place_verbs():  # "retook X": X is a place if anything
                objects.append(PlacePhrase(ent.text if ent is not None else obj.text, obj, False))
    tiers = (core, clause, objects, sentence)
    return [(n, sorted(tier, key=lambda p: p.head.i in taken)) for n, tier in enumerate(tiers) if tier]


def dateline_name(text: str, removed: Iterable[tuple[int, int, str]]) -> str | None:
    """The place of the wire dateline the cleaner removed from ``text`` ("BEIRUT (AP) -" -> "BEIRUT"), or
    None. ``removed`` is :attr:`tidings.clean.Cleaned.removed` (original offsets and reasons)."""
    for start, end, reason in removed:
        if reason != "dateline":
            continue
        found = _DATELINE_NAME.match(text[start:end])
        if found is not None and found["name"].strip():
            return found["name"].strip()
    found = _AGENCY_DATELINE.match(text)
    return found["name"].strip() if found is not None else None
