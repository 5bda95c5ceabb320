"""Which place an event happened at: the place phrases of its sentence, ranked, and the article's dateline.

News names the place of an act in a few ways, tried in this order (:func:`event_places`, tiers 0-3):

0. a place phrase of the event's own clause right after "in", "at" or "near" (``place_preps.tsv``, sides
   "yes"): only these also place the event's sides (the country of "protesters", an unnamed side);
   the town the verb's object names with a class word ("jets bombed the town of X") is one of these;
1. any other place phrase of the clause after a locative preposition ("outside", "through" ...), also one
   step down an "of" phrase ("through the streets of X", "in the north of X") or an apposition ("in the
   capital, X");
2. a place that is the object of the event's verb ("the rebels retook X"; ``place_verbs.tsv`` names the verbs
   whose object is a place even when the tagger takes it for a person);
3. a place phrase after a locative preposition anywhere else in the sentence, or the named object of another
   verb whose object is a place ("recaptured X after the army pulled out"); not a place where a statement
   about the event was made ("the envoy told reporters in X": ``attribution.cues.REPORT_VERBS``).

The named place after a preposition that says where a verb's event happens ("deployed troops to X", "were
arrested from the X campus": ``verb_preps.tsv``) is one of the clause's places (tier 1). A place after "from"
or "of" hanging off a distance ("a base 40 miles from X", ``distance_words.tsv``) counts as after a locative
preposition: the event is near X; a proper name there is a place whatever the tagger calls it.

A place that is an actor ("Moscow said", "talks with Kyiv") is never one of them: it has no locative
preposition. Within one tier the caller keeps the smallest place the gazetteer finds (a town before its
province before its country). When the sentence names no place (or only a building or street), the pipeline
takes the one town the sentence names as a modifier ("Mumbai police", :func:`sentence_town`), else the place
the paragraph's previous sentence names, else the wire dateline of the article ("DORVAL,
Ruritania (AP) -"), which is where the reporter files from (:func:`dateline_name`), else the one country the
sentence names by name, possessive or demonym (:func:`sentence_country`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from tidings.attribution.cues import REPORT_VERBS
from tidings.places.knowledge import Knowledge
from tidings.places.mention import PlacePhrase, known_place_name, place_phrases

__all__ = ["article_states", "dateline_name", "dateline_text", "event_places", "locative_preposition",
           "sentence_countries", "sentence_country", "sentence_region",
           "sentence_town"]

_DATELINE_NAME = re.compile(r"^\s*(?P<name>[^,(:\u2013\u2014-]+?)\s*(?:,|\(|:|-|\u2013|\u2014)")
# A dateline the cleaner leaves because no dash follows it: "DORVAL (AP) The mayor ...", "DORVAL, Ruritania
# (Reuters) The ...", "Dorval, March 3 (PTI) The ...": a place of capitalised words (a date or a country may
# follow) and a news agency in brackets at the very start.
_AGENCY_DATELINE = re.compile(r"^\s*(?!The\s)(?P<name>[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3})"
                              r"(?:, [A-Z][A-Za-z0-9.' ]{1,40})? \([A-Za-z][A-Za-z&. -]{1,20}\)\s")


@functools.cache
def _prepositions() -> dict[str, bool]:
    return dict(Knowledge.load().place_preps)


@functools.cache
def _place_verbs() -> frozenset[str]:
    return frozenset(Knowledge.load().place_verbs)


@functools.cache
def _verb_preps() -> frozenset[tuple[str, str]]:
    return frozenset(Knowledge.load().verb_preps)


@functools.cache
def _removal_verbs() -> frozenset[str]:
    return frozenset(Knowledge.load().removal_verbs)


@functools.cache
def _distance_words() -> frozenset[str]:
    return frozenset(Knowledge.load().distance_words)


def _after_distance(prep: Any) -> bool:
    """ "40 miles from X", "20 km north of X": a preposition hanging off a distance (or a direction after
    one) places the event near X."""
    if prep.lower_ not in ("from", "of"):
        return False
    units = _distance_words()
    near = [*prep.children, prep.head]  # "30 miles from X" is parsed with "miles" under "from" as often
    if prep.head.pos_ != "VERB":  # "20 km north of X": the distance hangs off the direction
        near += [*prep.head.children, prep.head.head]
    return any(tok.lower_ in units for tok in near)


def locative_preposition(head: Any) -> Any | None:
    """The locative preposition a place phrase's head token hangs from, or None.

    "in X" -> in; "in the capital, X" -> in; "in X and Y" -> in (for Y too); "through the streets of X" ->
    through; "X said" -> None.
    """
    preps = _prepositions()
    node = head
    if node.dep_ == "appos" and node.head.i != node.i:  # "in the capital, Luanda"
        node = node.head
    while node.dep_ == "conj" and node.head.i != node.i:  # "in X and Y", "between X and Y": Y as X
        node = node.head
    if node.dep_ != "pobj":
        return None
    prep = node.head
    if prep.lower_ == "of" and prep.head.dep_ == "pobj" and (prep.head.head.lower_ in preps or
                                                             _on_part_of_place(prep.head)):
        return prep.head.head  # "in the north of X", "through the streets of X", "on the island of X"
    return prep if prep.lower_ in preps or _after_distance(prep) else None


def _on_part_of_place(noun: Any) -> bool:
    """ "on the island of X", "on the outskirts of X": "on" before a word for a part of a place (the local
    words of ``class_words.tsv``) is locative, though "on" alone opens targets ("fired on protesters")."""
    words = _part_words()
    return bool(noun.head.lower_ == "on" and (noun.lemma_.lower() in words or noun.lower_ in words))


@functools.cache
def _part_words() -> frozenset[str]:
    return frozenset(word for word, kind in Knowledge.load().class_words.items() if kind == "local")


def _in_clause(tok: Any, trigger: Any) -> bool:
    """True when ``tok`` hangs off the trigger's clause (not off another verb of the sentence)."""
    node = tok
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX") and node.i != trigger.i:
        node = node.head
    if node.i == trigger.head.i and node.i != trigger.i and node.lemma_.lower() in _speech_verbs():
        return False  # "rebels shelled X, the envoy told reporters in Y": the speech verb's own clause
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
    phrases = place_phrases(doc)
    for phrase in phrases + _names_after_distance(doc, phrases):
        prep = locative_preposition(phrase.head)
        if prep is None or _in_topic(prep):
            continue
        if not _in_clause(prep, trigger):
            if not _statement_venue(prep):  # "told reporters in X": where it was said, not done
                sentence.append(phrase)
        elif prep.i == phrase.head.head.i and _prepositions().get(prep.lower_, False):
            core.append(phrase)  # "in X", "near X": places the sides too
        else:
            clause.append(phrase)
    for obj in trigger.children:  # "the rebels retook X": the tagger often calls X an organisation
        if obj.dep_ == "dobj" and obj.pos_ == "PROPN" and (obj.i not in taken or _held_by(obj)):
            ent = next((e for e in doc.ents if e.start <= obj.i < e.end), None)
            if ent is None or ent.label_ in ("GPE", "LOC", "FAC", "ORG") or \
                    trigger.lemma_.lower() in _place_verbs() or _held_by(obj):  # "retook X", "rebel-held X"
                objects.append(PlacePhrase(ent.text if ent is not None else obj.text, obj, False))
    core[:0] = _town_objects(doc, trigger, taken) + _where_antecedent(phrases, trigger)  # the act's own
    clause.extend(_verb_places(doc, trigger))
    sentence.extend(_other_verbs_places(doc, trigger, taken))
    tiers = (core, clause, objects, sentence)
    return [(n, sorted(tier, key=lambda p: p.head.i in taken)) for n, tier in enumerate(tiers) if tier]


_HOLDING = frozenset({"hold", "control", "run", "occupy", "besiege"})


def _held_by(tok: Any) -> bool:
    """ "bombarded rebel-held X", "shelled Russian-occupied X": a name whose holder names the event's side is
    still the place acted on."""
    return any(c.dep_ == "amod" and c.lemma_.lower() in _HOLDING for c in tok.children)


@functools.cache
def _town_words() -> frozenset[str]:
    """The class words of a town ("city", "town", "village": ``class_words.tsv``, kind city)."""
    return frozenset(word for word, kind in Knowledge.load().class_words.items() if kind == "city")


def _town_objects(doc: Any, trigger: Any, taken: frozenset[int]) -> list[PlacePhrase]:
    """ "jets bombed the town of X", "rebels seized the village of X": the verb's object is a town it names,
    where the act happens, and smaller than a province the clause names after "in" (so with the places of
    tier 0, where the smallest wins)."""
    found: list[PlacePhrase] = []
    for obj in trigger.children:
        if obj.dep_ == "dobj" and obj.i not in taken and _local_part(obj):
            found.extend(_part_of(doc, obj))  # "shelled the outskirts of X": in X
            continue
        if obj.dep_ != "dobj" or obj.lower_ not in _town_words() or obj.i in taken:
            continue
        for prep in obj.children:
            name = next((_named_object(doc, pobj) for pobj in prep.children if pobj.dep_ == "pobj"), None) \
                if prep.dep_ == "prep" and prep.lower_ == "of" else None
            if name is not None:
                found.append(PlacePhrase(f"{obj.lower_} of {name}", obj, True))
    return found


@functools.cache
def _topic_preps() -> frozenset[str]:
    return frozenset(Knowledge.load().topic_preps)


def _in_topic(prep: Any) -> bool:
    """Whether a locative preposition sits inside the topic of another phrase ("spoke with him about the
    fighting in X": ``topic_preps.tsv``), on its way up through nouns and prepositions to a verb."""
    node = prep.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in _topic_preps():
            return True
        node = node.head
    return False


def _where_antecedent(phrases: list[PlacePhrase], trigger: Any) -> list[PlacePhrase]:
    """ "flew to X on Monday, where she met ...": a clause opened by "where" happens at the place named
    last before it (the parser often hangs the clause on a date or another noun)."""
    where = next((c for c in trigger.children if c.lower_ == "where" and c.dep_ == "advmod"), None)
    if where is None or where.i > trigger.i:
        return []
    before = [p for p in phrases if p.head.i < where.i]
    return [max(before, key=lambda p: p.head.i)] if before else []


def _statement_venue(prep: Any) -> bool:
    """Whether a preposition hangs from a speech verb ("told reporters in X", "speaking in X") or its
    object, not from its speaker ("police in X said" names where the police are, often the event's place):
    such a place is where the statement was made."""
    node = prep.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass"):
            return False
        node = node.head
    return node.lemma_.lower() in _speech_verbs() and not _fronted(prep, node)


def _fronted(prep: Any, verb: Any) -> bool:
    """ "In X, police said they had arrested ...": a place phrase put before the speaker opens the sentence
    and sets the scene of what is told, as a dateline does; "police said in X" names where it was said."""
    if prep.head.i != verb.i:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and prep.i < min(t.i for s in subjects for t in s.subtree)


@functools.cache
def _speech_verbs() -> frozenset[str]:
    return REPORT_VERBS | {"speak"}


def _names_after_distance(doc: Any, phrases: list[PlacePhrase]) -> list[PlacePhrase]:
    """ "40 miles from X": a proper name after a distance is a place, whatever the tagger calls it."""
    heads = {p.head.i for p in phrases}
    return [PlacePhrase(text, tok, True) for text, tok in _distance_names(doc) if tok.i not in heads]


def _distance_names(doc: Any) -> tuple[tuple[str, Any], ...]:
    """Every proper name after a distance in ``doc`` (its text, its token), found once per Doc."""
    from tidings.nlp.memo import per_doc

    def compute() -> tuple[tuple[str, Any], ...]:
        found: list[tuple[str, Any]] = []
        for tok in doc:
            if tok.pos_ == "PROPN" and tok.dep_ == "pobj" and _after_distance(tok.head):
                found.append((_ent_text(doc, tok), tok))
        return tuple(found)

    return per_doc(doc, "distance_names", compute)


def _ent_text(doc: Any, tok: Any) -> str:
    """The text of the entity ``tok`` is part of, else the token's own text."""
    ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    return str(ent.text) if ent is not None else str(tok.text)


def _verb_places(doc: Any, trigger: Any) -> list[PlacePhrase]:
    """ "deployed troops to X", "were arrested from X": the named place after a preposition that, after this
    verb, says where its event happens (``verb_preps.tsv``), whatever the tagger calls the name."""
    lemma = trigger.lemma_.lower()
    removal = lemma in _removal_verbs()  # "deported 40 migrants from X": at X, whatever X is
    found: list[PlacePhrase] = []
    for prep in trigger.children:
        listed = (lemma, prep.lower_) in _verb_preps() or (removal and prep.lower_ == "from")
        if prep.dep_ not in ("prep", "dative") or not listed:
            continue
        for obj in prep.children:
            name = _named_object(doc, obj) if obj.dep_ == "pobj" else None  # an actor's words come last
            if name is not None and (prep.lower_ != "from" or removal or obj.lower_ in _local_words()):
                found.append(PlacePhrase(name, obj, False))  # "arrested from the X campus", not "from Chad"
            elif obj.dep_ == "pobj" and _local_part(obj):
                found.extend(_part_of(doc, obj))  # "abducted from different areas of X": in X
    return found


def _local_part(tok: Any) -> bool:
    """A word of a part of a place ("area", "parts", "outskirts": ``class_words.tsv`` local or site)."""
    return tok.lemma_.lower() in _local_words() or tok.lower_ in _local_words()


def _part_of(doc: Any, part: Any) -> list[PlacePhrase]:
    """The named place a part of a place belongs to: "areas *of X*", "the outskirts *of X*"."""
    found: list[PlacePhrase] = []
    for prep in part.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                name = _named_object(doc, obj) if obj.dep_ == "pobj" else None
                if name is not None:
                    found.append(PlacePhrase(name, obj, False))
    return found


@functools.cache
def _local_words() -> frozenset[str]:
    """The class words of a site or a part of a town ("area", "campus", "camp": ``class_words.tsv``)."""
    return frozenset(word for word, kind in Knowledge.load().class_words.items() if kind in ("local", "site"))


def _named_object(doc: Any, obj: Any) -> str | None:
    """The name an object gives: its entity ("Mombasa"), or a noun with a proper name before it ("the
    Kisumu University area"); None for a common noun."""
    if obj.pos_ == "PROPN":
        ent = next((e for e in doc.ents if e.start <= obj.i < e.end), None)
        return ent.text if ent is not None else str(obj.text)
    start = min((t.i for t in obj.subtree if t.dep_ == "compound" and t.i < obj.i), default=obj.i)
    span = doc[start:obj.i + 1]
    return str(span.text) if any(t.pos_ == "PROPN" for t in span) else None


def _other_verbs_places(doc: Any, trigger: Any, taken: frozenset[int]) -> list[PlacePhrase]:
    """The named places another verb of the sentence takes as its object when that verb's object is a place
    ("the militants recaptured X after the army pulled out of the city": X for the pulling out too)."""
    return [PlacePhrase(text, obj, False) for verb_i, text, obj in _verb_place_objects(doc)
            if verb_i != trigger.i and obj.i not in taken]


def _verb_place_objects(doc: Any) -> tuple[tuple[int, str, Any], ...]:
    """(verb index, text, token) of every proper-name object of a verb of place in ``doc``, once per Doc."""
    from tidings.nlp.memo import per_doc

    def compute() -> tuple[tuple[int, str, Any], ...]:
        found: list[tuple[int, str, Any]] = []
        verbs = _place_verbs()
        for verb in doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
                continue
            for obj in verb.children:  # the tagger often calls such an object a person or an organisation
                if obj.dep_ == "dobj" and obj.pos_ == "PROPN":
                    found.append((verb.i, _ent_text(doc, obj), obj))
        return tuple(found)

    return per_doc(doc, "verb_place_objects", compute)


def sentence_countries(doc: Any, geocoder: Any) -> frozenset[str]:
    """The countries (ISO alpha-3) a sentence names by name, possessive, demonym or as the country of a
    region or province ("an Austrian paper", "the Yemeni province of X"): the context that finds a village
    the sentence names ("an attack in X, a village of ...") and decides between homonyms."""
    from tidings.nlp.memo import per_doc

    return per_doc(doc, ("sentence_countries", geocoder), lambda: _sentence_countries(doc, geocoder))


def _sentence_countries(doc: Any, geocoder: Any) -> frozenset[str]:
    found: set[str] = set()
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP", "LOC"):
            continue
        location = geocoder.geocode(ent.text)
        if location is not None and location.country is not None and geocoder.scale(location) >= 1:
            found.add(location.country)
        for word in ent.text.split():  # "the Yemeni province of X": the demonym inside a longer name
            country = geocoder.demonym_country(word) if word[:1].isupper() else None
            if country is not None:
                found.add(country)
    return frozenset(found)


def sentence_town(doc: Any, geocoder: Any) -> Any | None:
    """The one town a sentence names as a modifier of a noun ("Mumbai police arrested ...", "Lagos traders
    shut their shops", "the Kisumu governor's office"): where its act most likely happened when no place
    phrase says where. None when it names none or several such towns, or the name is an actor itself."""
    from tidings.nlp.memo import per_doc

    return per_doc(doc, ("sentence_town", geocoder), lambda: _sentence_town(doc, geocoder))


def _sentence_town(doc: Any, geocoder: Any) -> Any | None:
    found: dict[int | None, Any] = {}
    for ent in doc.ents:
        if ent.root.dep_ not in ("compound", "amod", "poss", "nmod"):
            continue
        owner_town = ent.label_ in ("ORG", "PERSON") and ent.root.dep_ == "poss" and \
            known_place_name(ent.text)
        if ent.label_ not in ("GPE", "NORP") and not owner_town:
            continue  # "X's mayor" with X a big town the tagger took for an organisation
        location = geocoder.geocode(ent.text)
        if location is not None and location.lat is not None and geocoder.scale(location) == 0:
            found.setdefault(location.geonameid, location)
    return next(iter(found.values())) if len(found) == 1 else None


_MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")


def sentence_region(doc: Any, geocoder: Any, context: frozenset[str] = frozenset()) -> Any | None:
    """The one region, state or province a sentence names as a modifier of a noun ("Punjab police arrested
    ...", "Ohio Governor X signed ...", "California lawmakers approved ..."): where its act most likely
    happened when no phrase of the sentence or the article says where. None when it names none or
    several. ``context``: the article's countries, which decide between homonyms ("Punjab")."""
    from tidings.nlp.memo import per_doc

    return per_doc(doc, ("sentence_region", geocoder, context),
                   lambda: _sentence_region(doc, geocoder, context))


def _sentence_region(doc: Any, geocoder: Any, context: frozenset[str]) -> Any | None:
    found: dict[tuple[str | None, str], Any] = {}
    names = [ent.text for ent in doc.ents if ent.root.dep_ in _MODIFIER_DEPS and
             (ent.label_ == "GPE" or known_place_name(ent.text))]  # "X farmers" with X tagged a person
    names += [tok.text for tok in doc if tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper()
              and not tok.ent_type_ and tok.dep_ in _MODIFIER_DEPS and tok.head.i > tok.i
              and known_place_name(tok.text)]  # "Punjab police", left untagged
    for name in names:
        location = geocoder.geocode(name, context=context)
        if location is not None and location.lat is not None and geocoder.scale(location) == 1:
            found.setdefault((location.country, location.name), location)
    return next(iter(found.values())) if len(found) == 1 else None


def sentence_country(doc: Any, geocoder: Any) -> Any | None:
    """The one country a sentence names that has no place phrase for its event ("Libyan officials said
    militants seized two oil fields", "opponents of Ruritania's coup marched"): its country names,
    possessives and demonyms, when they all name the same country; None when they name none or several.
    A demonym that names where people come from ("a Syrian refugee", "Venezuelans arriving":
    ``demonym_heads.tsv``, kind origin) does not count; one inside the name of a state body does ("the
    Brazilian Government", kind state). ``geocoder`` is a :class:`tidings.places.Geocoder`."""
    from tidings.nlp.memo import per_doc

    return per_doc(doc, ("sentence_country", geocoder), lambda: _sentence_country(doc, geocoder))


def _sentence_country(doc: Any, geocoder: Any) -> Any | None:
    found: dict[str | None, Any] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP") or _names_origin(ent.root):
            continue
        location = geocoder.geocode(ent.text)
        if location is not None and location.country is not None and geocoder.scale(location) == 2:
            found.setdefault(location.country, location)
    for tok in doc:  # a demonym the tagger left untagged ("Malawian soldiers" opening a sentence), or one
        # inside a state body's name ("the Brazilian Government")
        if not tok.text[:1].isupper() or (tok.ent_type_ and not _of_state_body(tok)) or _names_origin(tok):
            continue
        code = geocoder.demonym_country(tok.text)
        location = geocoder.geocode(tok.text) if code is not None else None
        if location is not None and location.country == code:
            found.setdefault(code, location)
    return next(iter(found.values())) if len(found) == 1 else None


@functools.cache
def _demonym_heads() -> dict[str, str]:
    return dict(Knowledge.load().demonym_heads)


def _names_origin(tok: Any) -> bool:
    """A demonym that says where people come from: before an origin noun ("a Syrian refugee"), or a plural
    demonym standing for people ("Venezuelans arriving")."""
    if tok.dep_ in ("amod", "compound", "nmod") and _demonym_heads().get(tok.head.lemma_.lower()) == "origin":
        return True
    return tok.tag_ in ("NNS", "NNPS") and tok.ent_type_ == "NORP"


def _of_state_body(tok: Any) -> bool:
    """A demonym inside an organisation's name whose head is a state body ("the Brazilian Government")."""
    if tok.ent_type_ != "ORG" or tok.dep_ not in ("amod", "compound"):
        return False
    return _demonym_heads().get(tok.head.lemma_.lower()) == "state"


def article_states(docs: Iterable[Any], geocoder: Any, dateline: str | None = None) -> frozenset[str]:
    """The US states (``"USA:OH"``) the sentences ``docs`` name as places ("Ohio Governor X", "in Ohio") or
    the dateline names after its town ("COLUMBUS, Ohio -"): the context that decides between towns with
    namesakes ("Springfield")."""
    from tidings.nlp.memo import per_doc

    def states_of(doc: Any) -> frozenset[str]:
        return frozenset(per_doc(doc, ("article_states", geocoder), lambda: geocoder.state_context(
            e.text for e in doc.ents if e.label_ == "GPE")))

    found: set[str] = set()
    for doc in docs:
        found |= states_of(doc)
    if dateline:
        found |= geocoder.state_context(part.strip() for part in re.split(r"[,(]", dateline)[1:2])
    return frozenset(found)


def dateline_text(text: str, removed: Iterable[tuple[int, int, str]]) -> str | None:
    """The wire dateline the cleaner removed from ``text`` ("COLUMBUS, Ohio (AP) -"), or None."""
    return next((text[start:end] for start, end, reason in removed if reason == "dateline"), None)


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
