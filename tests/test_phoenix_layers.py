"""The Phoenix dictionaries as layers beneath ours (tidings.dictionaries.layers)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tidings.actors import KnowledgeBase
from tidings.dictionaries.layers import with_phoenix_actors, with_phoenix_verbs
from tidings.errors import DictionaryError
from tidings.events.lexicon import Lexicon
from tidings.pipeline import Options, Pipeline

PHOENIX = Path(__file__).resolve().parents[1].parent / "shared" / "dicts" / "phoenix"


@pytest.fixture(scope="module")
def phoenix() -> Path:
    if not PHOENIX.is_dir():
        pytest.skip(f"the Phoenix dictionaries are not at {PHOENIX}")
    return PHOENIX


def test_the_verb_layer_adds_beneath_ours(phoenix: Path, caplog: pytest.LogCaptureFixture) -> None:
    ours = Lexicon.default()
    with caplog.at_level(logging.INFO, logger="tidings"):
        merged = with_phoenix_verbs(ours, phoenix)
    assert ours.verb("mock") is None
    mocked = merged.verb("mock")  # a verb only Phoenix knows
    assert mocked is not None and mocked.code[:2] == "11"
    for lemma in ("dismiss", "disperse", "defy"):  # both know it, with other codes: ours wins
        mine, theirs = ours.verb(lemma), merged.verb(lemma)
        assert mine is not None and theirs is not None and theirs.code == mine.code
    # the importer's report is logged, with its number
    assert any("[W102]" in r.getMessage() and "skipped" in r.getMessage() for r in caplog.records)


def test_the_actor_layer_keeps_our_readings(phoenix: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="tidings"):
        kb = with_phoenix_actors(KnowledgeBase.packaged(), phoenix)
    ours = KnowledgeBase.default()
    for words in (["Vladimir", "Putin"], ["France"], ["the", "Taliban"]):
        mine, theirs = ours.resolve(words), kb.resolve(words)
        assert mine is not None and theirs is not None and mine.code == theirs.code
    assert kb.sector_of("police") == ours.sector_of("police")
    assert any("[W104]" in r.getMessage() for r in caplog.records)


def test_unknown_layers_and_missing_folders_are_refused(phoenix: Path) -> None:
    with pytest.raises(DictionaryError):
        Pipeline(Options(phoenix=frozenset({"nouns"}), phoenix_dir=phoenix))
    with pytest.raises(DictionaryError):
        Pipeline(Options(phoenix=frozenset({"verbs"})))


def test_the_actor_and_agent_layers_are_separate(phoenix: Path) -> None:
    names_only = with_phoenix_actors(KnowledgeBase.packaged(), phoenix, actors=True, agents=False)
    roles_only = with_phoenix_actors(KnowledgeBase.packaged(), phoenix, actors=False, agents=True)
    ours = KnowledgeBase.default()
    assert ours.sector_of("abbot") is None  # a role word only the agents dictionary has
    assert roles_only.sector_of("abbot") == "REL" and names_only.sector_of("abbot") is None
    name = ["Ann", "Veneman"]  # a name only the international actors dictionary has
    assert ours.resolve(name) is None and roles_only.resolve(name) is None
    found = names_only.resolve(name)
    assert found is not None and found.code.startswith("IGOUNO")


def test_each_layer_is_switched_on_by_name(phoenix: Path) -> None:
    pipeline = Pipeline(Options(phoenix=frozenset({"agents"}), phoenix_dir=phoenix))
    assert pipeline.kb.sector_of("abbot") == "REL"
    assert pipeline.kb.resolve(["Ann", "Veneman"]) is None
