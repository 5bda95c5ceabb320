"""An unnamed act told again after (or beside) the act it restates is not a second event."""

from __future__ import annotations

from tidings.events.ontology import cameo, plover
from tidings.events.restated import drop_restated
from tidings.pipeline import Pipeline
from tidings.record import Actor, Article, Event

MILITIA = Actor("the militia", "militia", "---REB", None, "REB")
GUARDS = Actor("the guards", "guards", "---MIL", None, "MIL")


def _event(sentence: int, code: str, named: bool) -> Event:
    text = f"sentence {sentence}"
    return Event(doc_id="d", event_id=f"e{sentence}{code}{named}", sentence=sentence, evidence=text,
                 span=(0, len(text)), date=None, date_text=None, date_precision=None,
                 source=MILITIA if named else None, target=GUARDS if named else None, cameo=cameo(code),
                 plover=plover(code), location=None, attribution=None, factuality="asserted",
                 rule="verb:test", coder="test")


def _codes(events: list[Event]) -> list[tuple[int, str, bool]]:
    return [(e.sentence, e.cameo.code, e.source is not None) for e in events]


def test_an_unnamed_act_of_violence_after_a_named_one_is_the_same_act() -> None:
    # "the militia stormed the post" then "the clash lasted an hour": one fight, told twice
    kept = drop_restated([_event(0, "193", True), _event(1, "190", False)])
    assert _codes(kept) == [(0, "193", True)]


def test_an_unnamed_harm_beside_a_named_attack_is_that_attack() -> None:
    kept = drop_restated([_event(4, "183", True), _event(4, "180", False)])
    assert _codes(kept) == [(4, "183", True)]


def test_an_unnamed_act_far_from_any_report_of_its_kind_stands() -> None:
    events = [_event(0, "193", True), _event(3, "190", False), _event(4, "173", False)]
    assert _codes(drop_restated(events)) == _codes(events)


def test_another_kind_of_act_beside_it_does_not_make_it_a_restatement() -> None:
    # a march and a general strike told in one sentence are two acts
    events = [_event(2, "141", True), _event(2, "143", False), _event(3, "190", False)]
    assert _codes(drop_restated(events)) == _codes(events)


def _coded(pipeline: Pipeline, text: str) -> list[tuple[int, str, str | None]]:
    result = next(iter(pipeline.run([Article("t", text)])))
    return [(e.sentence, e.cameo.code, e.source.code if e.source else None) for e in result.events]


def test_a_charge_told_again_in_the_passive_is_one_event(pipeline: Pipeline) -> None:
    text = ("A court in Lagos indicted the governor of Kano on Monday. "
            "He was indicted in Abuja on six counts of fraud.")
    assert _coded(pipeline, text) == [(0, "173", "NGAJUD")]


def test_a_strike_told_beside_a_march_stands(pipeline: Pipeline) -> None:
    text = ("Demonstrators marched through Lisbon on Monday while workers across Portugal joined a general "
            "strike.")
    assert [code for _, code, _ in _coded(pipeline, text)] == ["141", "143"]
