"""The look-ups the mentions stage and the coder remember (session 11, issue 12): same answers, asked once."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tidings.events.coder import _phrase_tokens, _phrase_tokens_of
from tidings.mentions.discourse import Discourse
from tidings.mentions.names import NameResolver
from tidings.mentions.stage import _roots
from tidings.nlp.model import parser
from tidings.places.event_place import _names_after_distance, _other_verbs_places
from tidings.record import Actor


class _CountingKB:
    """A stand-in knowledge base that knows one phrase and counts the questions."""

    def __init__(self) -> None:
        self.asked: list[tuple[tuple[str, ...], dt.date | None]] = []

    def resolve(self, words: Any, when: dt.date | None = None) -> Actor | None:
        self.asked.append((tuple(words), when))
        if list(words) == ["the", "Velmoran", "navy"]:
            return Actor("the Velmoran navy", "Velmora navy", "VLMMIL", "VLM", "MIL")
        return None


def test_lookup_asks_the_knowledge_base_once_per_phrase_and_date() -> None:
    kb = _CountingKB()
    shared: dict[tuple[tuple[str, ...], dt.date | None], Actor | None] = {}
    first = NameResolver(kb, Discourse(), looked_up=shared)  # type: ignore[arg-type]
    second = NameResolver(kb, Discourse(), looked_up=shared)  # type: ignore[arg-type]
    day = dt.date(2031, 3, 4)
    found = first.lookup(["the", "Velmoran", "navy"], day)
    assert found is not None and found.code == "VLMMIL"
    assert second.lookup(("the", "Velmoran", "navy"), day) is found  # another sentence of the article
    assert first.lookup(["a", "harbour", "crane"], day) is None
    assert first.lookup(["a", "harbour", "crane"], day) is None  # None is remembered too
    assert first.lookup(["the", "Velmoran", "navy"], None) == found  # another date is another question
    assert kb.asked == [(("the", "Velmoran", "navy"), day), (("a", "harbour", "crane"), day),
                        (("the", "Velmoran", "navy"), None)]


def test_phrase_tokens_are_remembered_per_doc_and_returned_fresh() -> None:
    doc = parser()("The harbour council of Ostrava Minor fined two cargo firms on Tuesday.")
    for tok in doc:
        first = _phrase_tokens(tok)
        assert [t.i for t in first] == [t.i for t in _phrase_tokens_of(tok)]
        first.append(tok)  # a caller's change does not reach the remembered phrase
        assert [t.i for t in _phrase_tokens(tok)] == [t.i for t in _phrase_tokens_of(tok)]


def test_roots_are_the_root_tokens_in_order() -> None:
    doc = parser()("Dock workers in Pellmouth walked out. The port authority closed two gates.")
    assert [t.i for t in _roots(doc)] == [t.i for t in doc if t.dep_ == "ROOT"]
    assert _roots(doc) is _roots(doc)


def test_place_helpers_filter_what_they_found_once() -> None:
    doc = parser()("Rebels captured Dravnik after troops abandoned Solvetz, 30 miles from Kerimgrad.")
    verbs = [t for t in doc if t.pos_ == "VERB"]
    for trigger in verbs:
        for taken in (frozenset(), frozenset(t.i for t in doc if t.pos_ == "PROPN")):
            found = _other_verbs_places(doc, trigger, taken)
            assert all(p.head.i not in taken and p.head.head.i != trigger.i for p in found)
            assert found == _other_verbs_places(doc, trigger, taken)
    assert _names_after_distance(doc, []) == _names_after_distance(doc, [])
