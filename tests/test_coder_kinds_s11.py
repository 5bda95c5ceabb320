"""Kinds of construction, in sentences written for these tests.

- "General" after a job word is no rank ("General Manager", "Solicitor General": sectors.tsv).
- A journey "from" a town is no visit by that town ("a trip from Madrid to Lisbon").
- Words of baseball and football (inning, keeper, equaliser: words.tsv contest, sport) set a sentence in a
  game.
- A finite verb the parser hung on a participle it took for the main verb ("officers responding to X shot
  a man") has the participle's subject.
- A fighter of a combat sport is a civilian, not a rebel; a bureau of investigation is a police force.
- To hold someone responsible or accountable is to blame them (112).
- A noun of a long-running state (a war, an occupation, a siege: words.tsv class ``era``) after "during",
  "throughout", "since", "before" or "until" is the time of another act, not an event reported; an act
  noun there ("during clashes") and the same noun as an act ("began a siege") still are.
"""

from __future__ import annotations

import pytest

from helpers import roots
from tidings import Pipeline


@pytest.mark.slow
class TestEras:
    def test_war_as_a_time_is_no_event(self, pipeline: Pipeline) -> None:
        text = "Mines were laid along the border of Moldova during the war with the separatists."
        found = roots(pipeline, text)
        assert not any(root == "19" for _, _, root in found)

    def test_occupation_as_a_time_is_no_event(self, pipeline: Pipeline) -> None:
        for text in ("Mines were laid near Tiraspol during the occupation of the region.",
                     "Mines were laid near Tiraspol during the siege of the town."):
            assert not any(root == "19" for _, _, root in roots(pipeline, text))

    def test_clashes_during_which_soldiers_died_stay(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Two soldiers were killed in Moldova during clashes.")
        assert any(root == "19" for _, _, root in found)

    def test_a_siege_begun_is_an_event(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Rebels began a siege of the city on Monday.")
        assert any(root == "19" for _, _, root in found)


@pytest.mark.slow
class TestHeldResponsible:
    """To hold someone responsible, accountable or liable is to blame them (112), not to detain them."""

    def test_held_responsible_blames(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "The Polish foreign minister held Russia responsible for the sabotage.")
        assert ("POLGOV", "RUS", "11") in found and not any(root == "17" for _, _, root in found)

    def test_held_suspects_still_detains(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Police held three suspects for questioning in Lyon.")
        assert any(root == "17" for _, _, root in found)


@pytest.mark.slow
class TestTitlesWithGeneral:
    """'General' is a rank only before a name: a general manager is a business person, a solicitor general a
    lawyer of the state."""

    def test_general_manager_is_no_general(self, pipeline: Pipeline) -> None:
        text = ('Andes Cargo supplies straps to Peruvian exporters. "The deal will allow us to lead the '
                'market '
                'in technology," said Carlos Ruiz Vega, General Manager.')
        assert not any(source.endswith("MIL") for source, _, _ in roots(pipeline, text))

    def test_general_before_a_name_stays_military(self, pipeline: Pipeline) -> None:
        text = "Peruvian General Luis Cardenas said troops would leave the valley."
        assert any(source == "PERMIL" for source, _, _ in roots(pipeline, text))


@pytest.mark.slow
class TestJourneys:
    """A journey's starting place is where it starts, not who travels: a route between towns is no visit."""

    def test_route_between_towns_is_no_visit(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "A trip from Madrid to Lisbon by train now takes five hours.")
        assert not any(root == "04" for _, _, root in found)

    def test_a_leader_s_trip_stays_a_visit(self, pipeline: Pipeline) -> None:
        assert ("FRAGOV", "SEN", "04") in roots(pipeline, "Macron's trip to Dakar ended on Friday.")


@pytest.mark.slow
class TestGames:
    """Words of baseball and football (an inning, a keeper, an equaliser) set a sentence in a game."""

    @pytest.mark.parametrize("text", [
        "The striker fired a shot past the keeper in the 89th minute.",
        "It was a three-run blast that won the series for the Jays in the ninth inning.",
    ])
    def test_game_shots_are_no_attacks(self, pipeline: Pipeline, text: str) -> None:
        assert not roots(pipeline, text)

    def test_striking_miners_firing_at_police_stay(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Striking miners fired shots at police near the pit in Rustenburg.")
        assert ("ZAFLAB", "ZAFCOP", "19") in found


@pytest.mark.slow
def test_subject_of_a_participle_misread_as_the_main_verb(pipeline: Pipeline) -> None:
    """The parser reads "officers responding to reports of X shot a man" with the participle as the main verb
    and "shot" hung on it: the officers still shot."""
    text = "Police officers responding to reports of a robbery on Friday shot a man near the depot in Denver."
    assert ("USACOP", "USACVL", "19") in roots(pipeline, text)
    said = ("Police officers responding to reports of a man waving a knife on Sunday fatally shot a woman "
            "carrying a broom, police said.")
    assert any(source.endswith("COP") and root == "19" for source, _, root in roots(pipeline, said))


@pytest.mark.slow
class TestRoleWords:
    """A fighter of a combat sport is no rebel; a bureau of investigation is a police force."""

    def test_cage_fighter_is_a_civilian(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "UFC fighter Dan Hooker was arrested in Boston.")
        assert any(target == "USACVL" and root == "17" for _, target, root in found)

    def test_rebel_fighters_stay_rebels(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Rebel fighters seized the town of Kafr Nabl on Monday.")
        assert any(source.endswith("REB") for source, _, _ in found)

    def test_bureau_of_investigation_is_police(self, pipeline: Pipeline) -> None:
        text = "The National Bureau of Investigation arrested two suspects in Cebu on Friday."
        found = roots(pipeline, text)
        assert any(source == "PHLCOP" for source, _, _ in found)
