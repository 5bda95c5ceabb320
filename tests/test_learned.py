"""The learned second opinion: its corpus is rebuilt the same, its model loads offline and ranks sensibly,
and its fusion with the rule coder gives a confidence and (in veto mode) drops what it rejects."""

from __future__ import annotations

import dataclasses
import socket
import sys
from pathlib import Path
from typing import Any

import pytest

from tidings.events import learned
from tidings.events.ontology import cameo, plover
from tidings.record import Actor, Event

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(SCRIPTS))

import make_event_corpus  # noqa: E402

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

ATTACK = "Insurgents shelled the garrison town of Velmor overnight, killing eleven soldiers."
MATCH = "The Velmor Comets crushed their rivals 4-0 and stormed to the top of the league table."
QUAKE = "A strong earthquake shook the hill villages of Velmor, burying dozens of homes."


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, Any]]:
    return make_event_corpus.build()


def test_generator_is_deterministic(corpus: list[dict[str, Any]]) -> None:
    assert make_event_corpus.build() == corpus
    assert make_event_corpus.build(seed=make_event_corpus.SEED + 1) != corpus


def test_corpus_covers_every_type_and_kinds_of_negative(corpus: list[dict[str, Any]]) -> None:
    labels = {label for r in corpus for label in r["labels"]}
    assert labels == PLOVER_TYPES | {"NONE"}
    kinds = {r["kind"] for r in corpus if r["labels"] == ["NONE"]}
    assert {"negative/sports", "negative/business", "negative/crime", "negative/disaster",
            "negative/weather", "negative/idiom"} <= kinds
    held = {r["template"] for r in corpus if r["split"] == "heldout" and r["kind"] != "combined"}
    trained = {r["template"] for r in corpus if r["split"] == "train" and r["kind"] != "combined"}
    assert held and not held & trained  # the held-out check uses templates the model never saw


def test_model_loads_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the learned model tried to open a socket")

    learned.model.cache_clear()
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    model = learned.model()
    assert set(model.labels) == PLOVER_TYPES | {"NONE"}
    assert learned.model() is model  # loaded once


def test_model_ranks_made_up_sentences_sensibly() -> None:
    attack, match, quake = learned.model().scores([ATTACK, MATCH, QUAKE])
    assert attack["ASSAULT"] > match["ASSAULT"]
    assert attack["ASSAULT"] > quake["ASSAULT"]
    assert max(attack, key=attack.__getitem__) == "ASSAULT"
    assert match["NONE"] > attack["NONE"]
    assert quake["NONE"] > attack["NONE"]


def _event(text: str, code: str = "190", sides: int = 2) -> Event:
    group = Actor("insurgents", "insurgents", "---INS", None, "INS")
    army = Actor("soldiers", "soldiers", "---MIL", None, "MIL")
    return Event(doc_id="d", event_id=f"e{len(text)}{code}", sentence=0, evidence=text, span=(0, len(text)),
                 date=None, date_text=None, date_precision=None, source=group if sides > 0 else None,
                 target=army if sides > 1 else None, cameo=cameo(code), plover=plover(code), location=None,
                 attribution=None, factuality="asserted", rule="verb:test", coder="test")


def test_review_gives_a_confidence_that_follows_the_model() -> None:
    events = learned.review([_event(ATTACK), _event(MATCH)], "fuse")
    assert len(events) == 2
    attack, match = (e.extra["confidence"] for e in events)
    assert 0 < match < attack < 1
    assert events[0].extra["model"]["type"] > events[1].extra["model"]["type"]


def test_confidence_pools_rule_and_model() -> None:
    conf = learned.settings()
    assert learned.confidence(0.7, 0.5, conf) == pytest.approx(0.7)  # an undecided model leaves the prior
    assert learned.confidence(0.7, 0.9, conf) > 0.7 > learned.confidence(0.7, 0.1, conf)
    both = learned.rule_prior(_event(ATTACK), conf)
    one = learned.rule_prior(_event(ATTACK, sides=1), conf)
    assert both > one


def test_veto_drops_only_what_the_model_rejects(monkeypatch: pytest.MonkeyPatch) -> None:
    strict = dataclasses.replace(learned.settings(), none_at_least=0.5, type_below=0.2)
    monkeypatch.setattr(learned, "settings", lambda: strict)
    events = [_event(ATTACK), _event(MATCH), _event(QUAKE, code="010")]
    kept = learned.review([*events], "veto")
    assert [e.evidence for e in kept] == [ATTACK, QUAKE]  # a statement has no PLOVER type: never vetoed
    off = learned.review([_event(MATCH)], "off")
    assert len(off) == 1 and "confidence" not in off[0].extra
    with pytest.raises(ValueError):
        learned.review([_event(MATCH)], "maybe")


def test_shipped_model_was_trained_on_the_current_corpus(corpus: list[dict[str, Any]]) -> None:
    """Editing the corpus data files without retraining (scripts/train_event_model.py) fails here."""
    import json
    from importlib import resources

    import train_event_model

    shipped = resources.files("tidings.events").joinpath("data", "event_model.json")
    meta = json.loads(shipped.read_text("utf-8"))
    assert meta["corpus_sha256_16"] == train_event_model.corpus_digest(corpus)
    assert meta["labels"] == list(learned.model().labels)
