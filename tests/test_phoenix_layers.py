"""The vendored Phoenix dictionaries as layers beneath ours (tidings.dictionaries.layers)."""

from __future__ import annotations

import logging

import pytest

from tidings.actors import KnowledgeBase
from tidings.dictionaries.layers import phoenix_directory, with_phoenix_actors, with_phoenix_verbs
from tidings.errors import DictionaryError
from tidings.events.lexicon import Lexicon
from tidings.pipeline import Options, Pipeline


def test_the_dictionaries_are_shipped_with_their_licence() -> None:
    names = {p.name for p in phoenix_directory().iterdir()}
    assert {"CAMEO.2.0.txt", "Phoenix.agents.txt", "LICENSE.petrarch2.MIT.txt"} <= names


def test_the_verb_layer_adds_beneath_ours(caplog: pytest.LogCaptureFixture) -> None:
    ours = Lexicon.default()
    with caplog.at_level(logging.INFO, logger="tidings"):
        merged = with_phoenix_verbs(ours)
    assert ours.verb("mock") is None
    mocked = merged.verb("mock")  # a verb only Phoenix knows
    assert mocked is not None and mocked.code[:2] == "11"
    for lemma in ("dismiss", "disperse", "defy"):  # both know it, with other codes: ours wins
        mine, theirs = ours.verb(lemma), merged.verb(lemma)
        assert mine is not None and theirs is not None and theirs.code == mine.code
    # the importer's report is logged, with its number
    assert any("[W102]" in r.getMessage() and "skipped" in r.getMessage() for r in caplog.records)


def test_the_actor_layer_keeps_our_readings(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="tidings"):
        kb = with_phoenix_actors(KnowledgeBase.packaged())
    ours = KnowledgeBase.default()
    for words in (["Vladimir", "Putin"], ["France"], ["the", "Taliban"]):
        mine, theirs = ours.resolve(words), kb.resolve(words)
        assert mine is not None and theirs is not None and mine.code == theirs.code
    assert kb.sector_of("police") == ours.sector_of("police")
    assert any("[W104]" in r.getMessage() for r in caplog.records)


def test_unknown_layers_are_refused() -> None:
    with pytest.raises(DictionaryError):
        Pipeline(Options(phoenix=frozenset({"nouns"})))
