"""Precision rules on real-news constructions (sentences written for these tests, made-up content): a
saying that reports an act is that act's attribution."""

from __future__ import annotations

import datetime as dt
from typing import Any

from helpers import Triple, events, triple
from tidings import Pipeline
from tidings.events.coder import ActorRef, Candidate
from tidings.events.statements import STATEMENT, one_sided_statements
from tidings.nlp.model import parser
from tidings.record import Actor

MINISTRY = Actor("the defence ministry", "Ruritania Defence Ministry", "RURGOV", "RUR", "GOV")
REBELS = Actor("rebels", "rebels", "RURREB", "RUR", "REB")
# The parser hangs "said" off "believes", beside the clause with the shelling.
BESIDE = ("The Review Panel (RP) of the Council for the Protection of Villages believes that rebels likely "
          "shelled the villages near Kessa on May 2, in a raid on the outskirts of the Kessa district, the "
          "ministry press service said on Friday.")
VILLAGERS = Actor("villagers", "villagers", "RURCVL", "RUR", "CVL")


def triples(pipeline: Pipeline, text: str) -> list[Triple]:
    return [triple(e) for e in events(pipeline, text, dt.date(2022, 5, 6))]


def _word(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


def _ref(doc: Any, text: str, actor: Actor) -> ActorRef:
    tok = _word(doc, text)
    return ActorRef(actor, tok.i, tok.i + 1)


def _coded(text: str, speaker: str, verb: str, act: str, about: str | None = None) -> list[Candidate]:
    doc = parser()(text)
    saying = Candidate(_word(doc, verb), "010", _ref(doc, speaker, MINISTRY),
                       _ref(doc, about, VILLAGERS) if about else None, "verb:say")
    fight = Candidate(_word(doc, act), "194", _ref(doc, "rebels", REBELS), None, "verb:shell")
    return one_sided_statements([saying, fight])


def test_a_saying_beside_the_clause_that_holds_the_act_is_its_attribution() -> None:
    out = _coded(BESIDE, "ministry", "said", "shelled")
    assert [c.code for c in out] == ["010", "194"]
    assert not any(c.rule.endswith(STATEMENT) for c in out)


def test_without_the_act_the_same_saying_is_a_statement() -> None:
    doc = parser()(BESIDE)
    saying = Candidate(_word(doc, "said"), "010", _ref(doc, "ministry", MINISTRY), None, "verb:say")
    assert one_sided_statements([saying])[0].rule.endswith(STATEMENT)


def test_whom_the_said_clause_is_about_is_not_spoken_to() -> None:
    out = _coded("The ministry says villagers were hurt when rebels shelled the market on Sunday.",
                 "ministry", "says", "shelled", about="villagers")
    saying = out[0]
    assert saying.target is None and not saying.rule.endswith(STATEMENT)


def codes(pipeline: Pipeline, text: str) -> list[str]:
    return [code for _, _, code in triples(pipeline, text)]


def test_what_an_appeal_asks_for_is_no_act_of_its_own(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Lavrov called on UN agencies to continue to provide aid to the displaced "
                              "families in Aleppo.")
    assert ("RUSGOV", "IGOUNO", "020") in found, found
    assert not any(code[:2] == "07" for _, _, code in found), found


def test_an_act_under_an_intention_with_no_addressee_stands(pipeline: Pipeline) -> None:
    # the pledge names nobody it is made to: the aid clause is all that says whom it is about
    found = codes(pipeline, "The minister pledged to keep sending aid to Haiti.")
    assert any(code[:2] == "07" for code in found), found


def test_the_appeal_a_protest_is_held_for_is_its_aim(pipeline: Pipeline) -> None:
    found = codes(pipeline, "Demonstrators assembled in Minsk on Tuesday to urge Washington to end its "
                            "sanctions on Iran.")
    assert found == ["141"], found
    # an appeal not made by protesting stands
    found = codes(pipeline, "Russia urged the United States to lift sanctions on Iran.")
    assert any(code[:2] == "02" for code in found), found
