"""Which words of a parsed sentence name a place, and which token the place phrase hangs from.

A place name rarely stands alone: news writes "in Syria's Idlib province", "in the western city of
Herat", "in Herat city". The entity the tagger finds is only part of that; the class word
("province", "city") says whether the province or the town is meant, and a possessive country narrows the
look-up. :func:`place_phrase` gives the name to geocode (the entity with its class word and possessive, in
the forms :meth:`tidings.places.Geocoder.geocode` reads) and the token whose head is the preposition, so the
event coder and the summary's place finder read "in the city of X" alike.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from tidings.places.knowledge import Knowledge

__all__ = ["PLACE_LABELS", "PlacePhrase", "place_phrase", "place_phrases"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class PlacePhrase:
    name: str  # what to geocode: "Afghanistan's Kunduz province", "city of Aleppo"
    head: Any  # the token the phrase hangs from (the object of "in", "at", "near")
    classed: bool  # a class word says it is a place ("the city of X"), whatever the tagger's label


@functools.cache
def _class_words() -> frozenset[str]:
    words = Knowledge.load().class_words
    return frozenset(word for word, kind in words.items() if kind in ("city", "subdivision"))


def place_phrase(ent: Any) -> PlacePhrase | None:
    """The place phrase around the entity ``ent``, or None when the entity is not a place.

    "Kunduz province" (tagged whole) and "Mazar-i-Sharif city" (the name a compound of "city") keep the class
    word after the name; "the city of Aleppo" becomes "city of Aleppo"; a possessive on the phrase's head
    ("Afghanistan's") is put before it. Entities of other labels count only with a class word (the tagger
    takes a town after "the city of" for a nationality now and then).
    """
    words = _class_words()
    root = ent.root
    node, name, classed = root, ent.text, root.lower_ in words and len(ent) > 1
    if root.dep_ == "compound" and root.head.lower_ in words and root.head.i == ent.end:
        node, name, classed = root.head, f"{ent.text} {root.head.text}", True
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in words and \
            root.head.head.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "appos"):
        node, name, classed = root.head.head, f"{root.head.head.text} of {ent.text}", True
    if ent.label_ not in PLACE_LABELS and not classed:
        return None
    owner = next((c for c in node.children if c.dep_ == "poss" and c.i < ent.start), None)
    if owner is not None and owner.pos_ == "PROPN":
        start = min(t.i for t in owner.subtree)
        name = f"{ent.doc[start:owner.i + 1].text}'s {name}"
    return PlacePhrase(name, node, classed)


def place_phrases(doc: Any) -> list[PlacePhrase]:
    """The place phrases of a parsed sentence: its place entities, and a proper name after a class word and
    "of" that the tagger left untagged ("the city of Aleppo")."""
    found = [p for p in map(place_phrase, doc.ents) if p is not None]
    tagged = {t.i for ent in doc.ents for t in ent}
    words = _class_words()
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ != "pobj" or tok.i in tagged or tok.head.lower_ != "of":
            continue
        noun = tok.head.head
        if noun.lower_ in words and noun.dep_ == "pobj":
            start = min(t.i for t in tok.subtree if t.pos_ == "PROPN" or t.dep_ in ("compound", "punct"))
            found.append(PlacePhrase(f"{noun.text} of {doc[start:tok.i + 1].text}", noun, True))
    return found
