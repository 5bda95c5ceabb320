"""Short forms an article defines for itself: "the Financial Services Agency (FSA)" makes every later "FSA"
of that article the agency, whatever group the knowledge base knows by the same letters (the Free Syrian
Army). A definition is a capitalised name followed by an all-capitals short form in brackets whose letters
are the initials of the name's last words ("Department of Justice (DOJ)", "Japan's Financial Services
Agency (FSA)")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tidings.actors import KnowledgeBase
from tidings.actors.kb import Entry
from tidings.nlp.segment import Sentence
from tidings.record import Actor

__all__ = ["apply_definitions", "defined_acronyms", "readings_in_context", "surnames_named"]

_CONNECTORS = frozenset({"of", "and", "for", "the", "&", "on", "in"})
_SHORTEST, _LONGEST = 2, 6


def _short_form(word: str) -> bool:
    return _SHORTEST <= len(word) <= _LONGEST and word.isalpha() and word.isupper()


def _name_before(words: Sequence[str], end: int) -> list[str]:
    """The run of capitalised words (with connectors between them) that ends right before ``end``."""
    start = end
    while start > 0 and (words[start - 1][:1].isupper() or words[start - 1].lower() in _CONNECTORS
                         or words[start - 1] in ("'s", "’s")):
        start -= 1
    return list(words[start:end])


def _initials(words: Sequence[str], *, connectors: bool) -> str:
    return "".join(w[0].upper() for w in words if w[:1].isalpha() and (
        connectors or w.lower() not in _CONNECTORS) and w not in ("'s", "’s"))


def _long_form(name: Sequence[str], short: str) -> list[str] | None:
    """The shortest tail of ``name`` that ``short`` abbreviates, starting with a capitalised word."""
    for start in range(len(name) - 1, -1, -1):
        tail = name[start:]
        if not tail[0][:1].isupper():
            continue
        if short in (_initials(tail, connectors=False), _initials(tail, connectors=True)):
            return list(tail)
    return None


def defined_acronyms(sentences: Sequence[Sentence]) -> dict[str, list[str]]:
    """Short form -> the words of the name the article defines it for (the first definition holds)."""
    found: dict[str, list[str]] = {}
    for sent in sentences:
        words = sent.words
        for i in range(1, len(words) - 2):
            if words[i] != "(" or words[i + 2] != ")" or not _short_form(words[i + 1]):
                continue
            short = words[i + 1]
            long_form = _long_form(_name_before(words, i), short)
            if long_form is not None and short not in found:
                found[short] = long_form
    return found


def surnames_named(sentences: Sequence[Sentence], kb: KnowledgeBase) -> dict[str, list[str]]:
    """A country's name the article uses as someone's surname ("reporter Bill Holland") -> the full name
    at its first use: a later "Holland said" is that person, not the Netherlands."""
    found: dict[str, list[str]] = {}
    for sent in sentences:
        for given, surname in kb.country_surnames(sent.words):
            found.setdefault(sent.words[surname], [sent.words[given], sent.words[surname]])
    return found


def readings_in_context(sentences: Sequence[Sentence], kb: KnowledgeBase) -> dict[str, list[str]]:
    """A short form with several readings ("RSF": Reporters Without Borders, or Sudan's Rapid Support
    Forces) -> the name of the one reading of a country the article names elsewhere (Sudan); a short form
    whose readings' countries the article does not name, or names several of, keeps the default reading."""
    countries: set[str] = set()
    ambiguous: dict[str, list[Entry]] = {}
    for sent in sentences:
        for start, end, actor in sent.mentions:
            words = sent.words[start:end]
            readings = kb.readings(words[0]) if len(words) == 1 and _short_form(words[0]) else []
            if readings:
                ambiguous.setdefault(words[0], readings)
            elif actor.country is not None:
                countries.add(actor.country)
    found: dict[str, list[str]] = {}
    for short, readings in ambiguous.items():
        here = [e for e in readings if e.code is not None and e.code[:3] in countries]
        if len(here) == 1:
            found[short] = here[0].name.split()
    return found


def apply_definitions(sentences: Sequence[Sentence], acronyms: dict[str, list[str]], kb: KnowledgeBase,
                      when: dt.date | None) -> None:
    """Replace the known-name matches of a defined short form by what its long form names (or drop them
    when the long form names no one the knowledge base knows)."""
    if not acronyms:
        return
    for sent in sentences:
        kept: list[tuple[int, int, Actor]] = []
        for start, end, actor in sent.mentions:
            words = sent.words[start:end]
            if len(words) == 1 and words[0] in acronyms:
                meant = kb.resolve(acronyms[words[0]], when)
                if meant is None:
                    continue
                actor = Actor(words[0], meant.name, meant.code, meant.country, meant.sector)
            kept.append((start, end, actor))
        sent.mentions = kept
