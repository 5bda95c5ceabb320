"""Recall constructions of session 9 and the limits that keep them precise (sentences written for tidings):
coordinated verbs sharing one object, a gerund "fighting between X and Y", executions, a participle of
saying after its main clause, a participle trailing a said-clause, and judgements of another actor's act.
The positive cases live in ``tests/data/cameo_hard.tsv``; this module holds what must not be coded."""

from __future__ import annotations

from helpers import roots, triples
from tidings import Pipeline


def test_a_verb_with_its_own_place_does_not_take_the_next_verbs_object(pipeline: Pipeline) -> None:
    found = triples(pipeline, "The Italian prime minister arrived in Tunis on Monday and met President "
                              "Kais Saied to discuss migration.")
    assert ("ITAGOV", "TUN", "042") in found  # the visit is to the place, not to the president met
    assert not any(c == "042" and t.startswith("TUNGOV") for _, t, c in found)


def test_the_first_of_two_verbs_takes_the_shared_object(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Ethiopian police detained and questioned three opposition leaders in Addis "
                            "Ababa on Monday.")
    assert ("ETHCOP", "ETHOPP", "17") in found


def test_a_suicide_by_hanging_is_no_execution(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The man hanged himself in his cell, prison officials said.")
    assert not any(root == "18" for _, _, root in found)


def test_things_hung_are_no_execution(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Protesters hung banners from the bridge in central London on Saturday.")
    assert not any(root == "18" for _, _, root in found)


def test_an_execution_with_no_doer_named_stands(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Three men convicted of murder were executed by firing squad in Somalia on "
                            "Tuesday.")
    assert ("", "SOMCVL", "18") in found
    assert not any(root == "19" for _, _, root in found)  # the firing squad fired at nobody


def test_a_saying_participle_after_an_act_is_no_statement_of_its_own(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Turkey's foreign minister condemned the attack on the embassy, saying those "
                            "responsible would be found.")
    assert any(root == "11" for _, _, root in found)
    assert not any(root == "01" for _, _, root in found)


def test_a_saying_participle_after_a_clause_with_no_act_is_a_statement(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Ghana's electoral commission extended voting hours in three regions on "
                            "Saturday, saying heavy rain had delayed the opening of polling stations.")
    assert ("GHAGOV", "", "01") in found


def test_a_judgement_of_an_unowned_act_is_a_plain_statement(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Chile's finance minister said the spending cuts were unfair to pensioners but "
                            "necessary.")
    assert ("CHLGOV", "", "01") in found
    assert not any(root == "11" for _, _, root in found)  # nobody's act is judged: no criticism


def test_fighting_between_two_sides_is_their_fight_not_a_killing_by_nobody(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Fighting between Sudanese government troops and rebel fighters killed at "
                            "least twelve civilians in North Darfur on Sunday.")
    assert {("SDNMIL", "SDNREB", "19"), ("SDNREB", "SDNMIL", "19")} <= found
    assert not any(s == "" and root == "18" for s, _, root in found)
