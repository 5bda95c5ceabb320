"""How news reports events: demands, requests rejected, statements to the press, meetings in both directions,
headlines and nominal events. Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import triples
from tidings import Pipeline


@pytest.mark.parametrize(("text", "expected"), [
    ("Egypt demanded that Israel pull its troops out of Gaza.", ("EGY", "ISR", "106")),
    ("Jordan said Israel must withdraw from the occupied territories.", ("JOR", "ISR", "106")),
    ("Germany said Russia should free the jailed activists.", ("DEU", "RUS", "1053")),
    ("China insists that Japan must apologise for the war.", ("CHN", "JPN", "102")),
])
def test_demands(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    found = triples(pipeline, text)
    assert expected in found, found
    assert not any(code.startswith("02") for _, _, code in found)  # a demand is no appeal


def test_rejecting_calls_rejects_the_caller(pipeline: Pipeline) -> None:
    assert ("RUS", "FRA", "120") in triples(pipeline, "Russia rejected calls by France for a truce in Libya.")


def test_speaking_to_reporters_is_a_statement(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Vladimir Putin spoke to journalists in Sochi on Friday.")
    assert any(s == "RUSGOV" and code == "010" for s, _, code in found), found
    assert not any(code.startswith("04") for _, _, code in found)


@pytest.mark.parametrize(("text", "pair"), [
    ("India and China held a summit in New Delhi.", ("IND", "CHN")),
    ("Kenya and Uganda held talks on the border dispute.", ("KEN", "UGA")),
    ("Kenya held talks with Uganda on the border dispute.", ("KEN", "UGA")),
    ("Talks between Kenya and Uganda resumed in Kampala.", ("KEN", "UGA")),
])
def test_coordinated_parties_meet_each_way(pipeline: Pipeline, text: str, pair: tuple[str, str]) -> None:
    found = [(s, t) for s, t, code in triples(pipeline, text) if code.startswith("04")]
    assert sorted(found) == sorted([pair, pair[::-1]])


def test_who_meets_whom_is_one_event_each_way(pipeline: Pipeline) -> None:
    text = "Emmanuel Macron met Angela Merkel in Berlin on Monday."
    found = [(s, t) for s, t, code in triples(pipeline, text) if code.startswith("04")]
    # a meeting is mutual: one event per ordered pair (evaluation/gold/GUIDE.md section 3), none with the city
    assert sorted(found) == [("DEUGOV", "FRAGOV"), ("FRAGOV", "DEUGOV")]


@pytest.mark.parametrize(("text", "root"), [
    ("Rebels seize key border town in northern Mali", "19"),  # a headline in the present tense
    ("Twin car bombings left dozens dead in Mogadishu on Friday.", "18"),
    ("A sit-in was staged outside the parliament in Nairobi by nurses.", "14"),
    ("Police arrest forty opposition activists in Minsk", "17"),
])
def test_headlines_and_nominal_events(pipeline: Pipeline, text: str, root: str) -> None:
    found = triples(pipeline, text)
    assert any(code[:2] == root for _, _, code in found), found


def test_the_modifier_of_an_attack_noun_is_the_attacker(pipeline: Pipeline) -> None:
    found = triples(pipeline, "US airstrikes hit Islamic State positions near Raqqa overnight.")
    assert any(s == "USA" and code[:2] in ("18", "19") for s, _, code in found), found
    assert not any(t == "USA" for _, t, _ in found)
