"""The loaded resources every stage reads: knowledge base, lexicon, gazetteer, and what derives from them.

Stages take one :class:`Resources` instead of reaching into the pipeline. The derived tables (trigger forms
for the parse filter, the lemma repair table) are built from the lexicon when the resources are made, so a
lexicon swapped in with :meth:`Resources.with_lexicon` (or by assigning ``Pipeline.lexicon``) is used
everywhere at once.

Users layer their own data over the packaged data with the same TSV schemas (:func:`load_user_actors`,
:func:`load_user_lexicon`): the CLI's ``--actors FILE`` and ``--lexicon FILE`` and the Python API alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from tidings.actors import KnowledgeBase
from tidings.attribution.cues import REPORT_VERBS
from tidings.datafiles import user_text
from tidings.events.lexicon import (
    Entry,
    Lexicon,
    inflect_noun,
    inflect_verb,
    read_lexicon_tsv,
    singular,
    word_classes,
)
from tidings.events.statements import statement_forms
from tidings.places import Geocoder
from tidings.record import Actor, Location

__all__ = ["Need", "Resources", "entry_needs", "lemma_table", "load_user_actors", "load_user_lexicon",
           "trigger_forms", "trigger_needs"]

Need = tuple[frozenset[str], ...]
"""What a lexicon entry needs besides its trigger word for the coder to find it: one word of each set (lower
case; a noun also in its singular) somewhere in the sentence. ``()`` needs nothing more."""


def trigger_forms(lexicon: Lexicon) -> frozenset[str]:
    """Surface forms of the lemmas that can code an event by themselves.

    Statement verbs ("say", "tell") only matter as carriers of another event, which has its own trigger, so
    a sentence with nothing but "said" is not worth parsing.
    """
    forms: set[str] = set()
    for entry in lexicon.entries:
        if entry.is_null or (entry.weak and entry.code.startswith("01")):
            continue
        if entry.pos == "verb":
            forms.update(inflect_verb(entry.lemma))
        else:
            forms.update(inflect_noun(entry.lemma.rsplit(" ", 1)[-1]))
        forms.update(entry.forms)
    return frozenset(forms)


def entry_needs(entry: Entry) -> Need:
    """The words the lexicon's look-up (``tidings.events.lexicon._fit``) requires of ``entry`` besides its
    trigger: one of its listed objects (by the object's head noun, in any number: "talks", "call"), its
    particle ("track down"), its preposition, and the words before a noun phrase's head ("martial law").
    Modifiers of a listed object and an entry's ``xcomp`` are not asked for (the filter may let through a
    sentence the look-up refuses, never the reverse)."""
    needs: list[frozenset[str]] = []
    if entry.obj:
        heads = {obj.split()[-1].lower() for obj in entry.obj}
        needs.append(frozenset(form for head in heads for form in inflect_noun(head) | {head}))
    for word in (entry.particle, entry.prep):
        if word:
            needs.append(frozenset({word.lower()}))
    if entry.pos == "noun":
        needs.extend(frozenset(inflect_noun(mod) | {mod}) for mod in entry.lemma.lower().split()[:-1])
    return tuple(needs)


def trigger_needs(lexicon: Lexicon) -> dict[str, frozenset[Need]]:
    """Surface form of a trigger -> what each of its entries needs besides it (:func:`entry_needs`): the
    same entries and forms as :func:`trigger_forms`."""
    needs: dict[str, set[Need]] = {}
    for entry in lexicon.entries:
        if entry.is_null or (entry.weak and entry.code.startswith("01")):
            continue
        if entry.pos == "verb":
            forms = inflect_verb(entry.lemma)
        else:
            forms = inflect_noun(entry.lemma.rsplit(" ", 1)[-1])
        need = entry_needs(entry)
        for form in forms | entry.forms:
            needs.setdefault(form, set()).add(need)
    return {form: frozenset(found) for form, found in needs.items()}


def naming_forms() -> frozenset[str]:
    """Forms of the verbs that name or judge (words.tsv class ``naming``: "described X as illegitimate"):
    with a word of censure they are criticism, so their sentences are parsed."""
    return frozenset(form for word, classes in word_classes().items() if "naming" in classes
                     for form in inflect_verb(word))


def lemma_table(lexicon: Lexicon) -> dict[str, str]:
    """Inflected form -> verb lemma, for the forms spaCy's lemmatizer gets wrong ("cordoned" -> "cordone")."""
    table: dict[str, str] = {}
    for entry in lexicon.entries:
        if entry.pos == "verb" and " " not in entry.lemma:
            for form in inflect_verb(entry.lemma) | entry.forms:
                table.setdefault(form, entry.lemma)
    return table


@dataclass(frozen=True)
class Resources:
    """Knowledge base, lexicon and geocoder, with the tables derived from the lexicon."""

    kb: KnowledgeBase
    lexicon: Lexicon
    geocoder: Geocoder
    triggers: frozenset[str] = field(default=frozenset(), repr=False)
    lemmas: dict[str, str] = field(default_factory=dict, repr=False)
    report_forms: frozenset[str] = field(default=frozenset(), repr=False)
    standalone: frozenset[str] = field(default=frozenset(), repr=False)  # see tidings.events.sides
    # the trigger forms each of whose entries needs more words (entry_needs), with those needs
    conditional: dict[str, frozenset[Need]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, kb: KnowledgeBase, lexicon: Lexicon, geocoder: Geocoder) -> Resources:
        from tidings.events.sides import standalone_forms

        report = frozenset(f for verb in REPORT_VERBS for f in inflect_verb(verb))
        standalone = standalone_forms(lexicon)
        free = standalone | statement_forms() | naming_forms()
        needs = trigger_needs(lexicon)
        conditional = {form: found for form, found in needs.items() if () not in found and form not in free}
        triggers = frozenset(needs) | free
        return cls(kb, lexicon, geocoder, triggers, lemma_table(lexicon), report,
                   standalone, conditional)

    @classmethod
    def default(cls) -> Resources:
        return cls.build(KnowledgeBase.default(), Lexicon.default(), Geocoder.default())

    def with_lexicon(self, lexicon: Lexicon) -> Resources:
        """The same resources with another lexicon (its trigger and lemma tables rebuilt)."""
        return Resources.build(self.kb, lexicon, self.geocoder)

    def with_kb(self, kb: KnowledgeBase) -> Resources:
        return replace(self, kb=kb)

    # ------------------------------------------------------------------ look-ups the stages share
    def has_trigger(self, lowered: Sequence[str]) -> bool:
        """Whether a sentence (its words in lower case) holds a trigger word the coder can use: one that
        codes an event by itself, or one with the other words one of its entries needs ("had" with "talks",
        "ended" with "siege", "tracked" with "down"). A sentence whose only triggers lack them ("had said",
        "at the end") can hold no lexicon event."""
        found = [w for w in lowered if w in self.triggers]
        if any(w not in self.conditional for w in found):
            return True
        if not found:
            return False
        present = set(lowered)
        present.update(singular(w) for w in lowered)
        return any(all(words & present for words in need) for w in found for need in self.conditional[w])

    def resolve_words(self, words: list[str], when: dt.date | None) -> Actor | None:
        actor: Actor | None = self.kb.resolve(words, when)
        return actor

    def role_word(self, word: str) -> bool:
        return self.kb.sector_of(word) is not None

    def place_country(self, name: str) -> str | None:
        found: Location | None = self.geocoder.geocode(name)
        return found.country if found is not None else None

    def is_person(self, actor: Actor) -> bool:
        """A named individual (not a country, organisation or group)."""
        if len(actor.code) <= 3 or actor.code[:3] in ("IGO", "NGO"):
            # a country or an organisation, even when a dictionary lists it by name; but someone not (yet)
            # in office is coded by their country alone ("Donald Trump" in 2016 -> USA), and the head of an
            # intergovernmental body whom the knowledge base knows by name is a person ("he said")
            body = actor.code[:3] in ("IGO", "NGO")
            return (len(actor.code) == 3 or body) and self.kb.is_person_name(actor.name.split())
        return self.kb.person(actor.name.split()) is not None


def load_user_actors(kb: KnowledgeBase, paths: Sequence[Path]) -> KnowledgeBase:
    """A copy of the packaged knowledge base with the user's actor files layered on top.

    Each file has the header of one packaged table (``leaders.tsv``: people with dated roles;
    ``organisations.tsv``; ``countries.tsv``); its rows override packaged entries of the same name.
    """
    if not paths:
        return kb
    out = KnowledgeBase.packaged() if kb is KnowledgeBase.default() else kb
    for path in paths:
        out.add_table(user_text(path), source=str(path))
    return out


def load_user_lexicon(lexicon: Lexicon, paths: Sequence[Path]) -> Lexicon:
    """``lexicon`` extended with the user's verb and noun files (the packaged ``verbs.tsv`` schema).

    A file whose name ends in ``nouns.tsv`` holds event nouns; any other holds verbs. User entries replace
    packaged entries with the same key and win ties.
    """
    for path in paths:
        text = user_text(path)
        nouns = Path(path).name.lower().endswith("nouns.tsv")
        lexicon = lexicon.extend(read_lexicon_tsv(text, "noun" if nouns else "verb", source=str(path)))
    return lexicon
