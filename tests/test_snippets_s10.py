"""Kinds of construction of short conflict reports, in sentences written for these tests (session 10).

- A post or position an armed side holds names that side as the one acted on: "shelled the army's
  positions", "the positions of the rebels", "fired towards their positions" (words.tsv class ``holding``).
- Two armed sides named by kind only ("rebels and the army") that agree a ceasefire are its parties,
  of the country it holds in, as the parties of a fight are.
- A town the gazetteer does not know, attacked as "the town of X", is in the country of the area the
  sentence puts it in ("in the Iraqi province of Y", "in the Donetsk region"): that country is the target.
- Ground taken in a fight ("recaptured two towns after clashes with X", "clashed with X and seized ...") is
  taken from the other side of that fight.
- An act done "from" a part of a named place ("abducted from different areas of X", "from a market area of
  X") happened in that place.
- The first-level subdivisions of countries in conflict news that had no point ("Zamfara State", "Lower
  Shabelle", "North Darfur") have an approximate centre (places/data/areas.tsv), so an event placed there
  has coordinates.
- A claimed kidnapping or abduction with nobody named as taken is still the claimant's act; the first part
  of "hostage-taking" is no side of it; an apposition without its closing comma ("the X brigade, an armed
  faction loyal to Y claimed ...") is the subject when the first names nobody known.
- A bomb "emplaced" or "placed" is planted (CAMEO 183), as "planted" is.
- A country's name after "in" that the tagger takes for an organisation ("in northern Cameroon") is the
  event's place.
- An armed side that "inflicted heavy losses (a defeat) on X" fought X (190).
- Clashes "between the two sides" of an act the sentence tells are between that act's parties.
- "Dozens of them" are the ones the pronoun stands for (a counted pronoun).
- A protest noun is against what the sentence's protesters are named as opposing ("soldiers dragged away
  anti-junta demonstrators at the rally": the rally is against the junta).
- The sponsor of a group ("Iran-backed militias", "Turkey-backed fighters") is not the group: it is coded as
  a group of the place it acts in; "the Saudi-led coalition" keeps its leader.
- Violence aimed "towards", "at", "on" or "into" a place ("fired rockets towards X") targets its country.
- The target a passive finds in a prepositional phrase is not its own agent: "shells fired by X towards
  their positions" aims at the other side, not at X.
"""

from __future__ import annotations

import pytest

from helpers import events, roots, triples
from tidings import Pipeline


@pytest.mark.slow
class TestHeldPositions:
    @pytest.mark.parametrize(("text", "expected"), [
        ("Insurgents shelled the Chadian army's positions near Abeche.", ("TCDREB", "TCDMIL", "19")),
        ("Militants stormed the positions of the Malian army near Gao.", ("MLIREB", "MLIMIL", "19")),
        ("Rebels overran the Congolese army's outposts north of Goma.", ("CODREB", "CODMIL", "19")),
    ])
    def test_the_holder_is_the_target(self, pipeline: Pipeline, text: str,
                                      expected: tuple[str, str, str]) -> None:
        assert expected in roots(pipeline, text), roots(pipeline, text)

    def test_their_positions_in_a_passive(self, pipeline: Pipeline) -> None:
        text = "Armenian soldiers described mortar rounds fired by Azerbaijani gunners toward their trenches."
        assert ("AZE", "ARMMIL", "19") in roots(pipeline, text)

    def test_a_position_without_holder_is_no_actor(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Kenyan police shelled positions near the river in Garissa.")
        assert not any(t for _, t, _ in found if t not in ("", "KEN")), found


@pytest.mark.slow
class TestTruceOfArmedSidesByKind:
    def test_army_and_rebels_agree_a_truce(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Soldiers and Dogon militiamen agreed a truce around Mopti on Friday.")
        assert {("MLIREB", "MLIMIL", "08"), ("MLIMIL", "MLIREB", "08")} <= found, found

    def test_unarmed_sides_by_kind_make_no_truce(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Farmers and herders agreed a truce in two Malian villages.")
        assert not any(code == "08" for _, _, code in found), found


@pytest.mark.slow
class TestAttackedPlaceInItsRegion:
    @pytest.mark.parametrize(("text", "expected"), [
        ("Turkish drones pounded the mountain village of Tel Marzuq in Iraq's Dohuk province.",
         ("TURMIL", "IRQ", "19")),
        ("Chadian gunmen raided the town of Abu Gamra in the Sudanese state of West Darfur.",
         ("TCDUAF", "SDN", "19")),
        ("Russian artillery shelled the village of Novopavlivka in the Donetsk region on Monday.",
         ("RUS", "UKR", "19")),
    ])
    def test_village_placed_by_its_region(self, pipeline: Pipeline, text: str,
                                          expected: tuple[str, str, str]) -> None:
        assert expected in roots(pipeline, text), roots(pipeline, text)


@pytest.mark.slow
class TestGroundTakenFromTheFoe:
    @pytest.mark.parametrize(("text", "expected"), [
        ("Malian soldiers retook the town of Ber after a fierce battle with separatist rebels.",
         ("MLIMIL", "MLIREB", "192")),
        ("Somali troops seized the port during clashes with al-Shabaab fighters.",
         ("SOMMIL", "SOMREBSHB", "192")),
        ("Nigerien soldiers clashed with jihadists near Diffa and seized two villages.",
         ("NERMIL", "NERREB", "192")),
    ])
    def test_taken_from_the_other_side(self, pipeline: Pipeline, text: str,
                                       expected: tuple[str, str, str]) -> None:
        found = triples(pipeline, text)
        assert expected in found, found

    def test_no_fight_no_foe(self, pipeline: Pipeline) -> None:
        found = triples(pipeline, "Somali troops seized the port of Kismayo as the militants fled.")
        assert not any(code == "192" and t.endswith("REB") for _, t, code in found), found


@pytest.mark.slow
class TestPlaceOfAPartOfAPlace:
    @pytest.mark.parametrize(("text", "place"), [
        ("Gunmen abducted four aid workers from different areas of Borno.", "Borno"),
        ("Armed men kidnapped three engineers from a market area of Kaduna on Sunday.", "Kaduna"),
    ])
    def test_taken_from_parts_of_a_place(self, pipeline: Pipeline, text: str, place: str) -> None:
        found = [e.location.name for e in events(pipeline, text) if e.location is not None]
        assert found and all(name == place for name in found), found


@pytest.mark.parametrize(("name", "country"), [
    ("Zamfara State", "NGA"), ("Lower Shabelle", "SOM"), ("Far North region", "CMR"), ("North Darfur", "SDN"),
    ("Jonglei", "SSD"), ("Nord-Kivu", "COD"), ("Menaka region", "MLI"),
])
def test_a_first_level_subdivision_has_a_centre(name: str, country: str) -> None:
    from tidings.places.geocoder import Geocoder, km_between

    found = Geocoder.default().geocode(name)
    assert found is not None and found.country == country and found.lat is not None and found.lon is not None
    capitals = {"NGA": "Abuja", "SOM": "Mogadishu", "CMR": "Yaounde", "SDN": "Khartoum", "SSD": "Juba",
                "COD": "Kinshasa", "MLI": "Bamako"}
    capital = Geocoder.default().geocode(capitals[country])
    assert capital is not None and capital.lat is not None and capital.lon is not None
    assert km_between(found.lat, found.lon, capital.lat, capital.lon) < 2500  # in its country, not at 0, 0


@pytest.mark.slow
class TestClaimedActs:
    def test_claimed_kidnapping_with_nobody_named_as_taken(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "The jihadist group claimed responsibility for Friday's kidnapping in Mopti.")
        assert ("MLIREB", "", "18") in found, found

    def test_hostage_is_no_side_of_a_hostage_taking(self, pipeline: Pipeline) -> None:
        found = triples(pipeline, "Liwa Sahel, an armed jihadist faction, claimed responsibility for the "
                                  "hostage-taking at a market in Gao.")
        assert found and not any(s.endswith("CVL") for s, _, _ in found), found

    def test_apposition_without_its_second_comma(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Katibat Liwa group, a jihadist faction loyal to Ansar Dine has claimed "
                                "responsibility for the hostage-taking in Gao.")
        assert ("MLIREB", "", "18") in found, found


@pytest.mark.slow
class TestEmplacedBombs:
    def test_emplaced_is_planted(self, pipeline: Pipeline) -> None:
        text = "Two farmers were wounded when a bomb emplaced by insurgents exploded outside Kandahar."
        found = roots(pipeline, text)
        assert ("AFGREB", "AFGAGR", "18") in found, found

    def test_a_listening_device_placed_is_no_bomb(self, pipeline: Pipeline) -> None:
        assert not roots(pipeline, "The company placed a listening device in the office in Lagos.")


def test_a_country_the_tagger_mislabels_after_in_is_the_place(pipeline: Pipeline) -> None:
    found = [e.location for e in events(pipeline, "Gunmen attacked a wedding in northern Cameroon.")]
    assert found and all(loc is not None and loc.country == "CMR" for loc in found), found


@pytest.mark.slow
class TestInflictedLosses:
    def test_losses_inflicted_on_a_side(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "The army inflicted a heavy defeat on the rebels near Goma.")
        assert ("CODMIL", "CODREB", "19") in found, found

    def test_losses_inflicted_by_a_measure_are_no_force(self, pipeline: Pipeline) -> None:
        assert not roots(pipeline, "The new tariffs inflicted heavy losses on farmers in Iowa.")


@pytest.mark.slow
class TestClashesBetweenTheTwoSides:
    def test_the_sides_are_those_of_the_act_before(self, pipeline: Pipeline) -> None:
        text = "Separatists attacked police officers in Kidal, sparking clashes between the two sides."
        found = events(pipeline, text)
        clashes = [e for e in found if e.trigger == "clashes"]
        assert clashes and all(e.source is not None and e.target is not None for e in clashes), found
        assert any(e.source is not None and e.source.code.endswith("COP") and e.target is not None
                   and e.target.code.endswith("REB") for e in clashes), found


def test_dozens_of_them_are_the_ones_named_before(pipeline: Pipeline) -> None:
    text = "Forty soldiers were ambushed and dozens of them were hurt in a gunfight with Houthi rebels."
    found = roots(pipeline, text)
    assert any(s.endswith("MIL") and t.startswith("YEMREB") for s, t, _ in found), found


@pytest.mark.slow
class TestProtestAgainstWhatItsProtestersOppose:
    def test_protesters_named_anti_government(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Soldiers dragged away anti-government demonstrators at a rally in Yerevan.")
        assert ("ARMOPP", "ARMGOV", "14") in found, found

    def test_no_anti_no_target(self, pipeline: Pipeline) -> None:
        found = roots(pipeline, "Soldiers dragged away demonstrators at a rally in Yerevan.")
        assert not any(code == "14" and t for _, t, code in found), found


@pytest.mark.slow
class TestSponsorIsNoSide:
    @pytest.mark.parametrize(("text", "source"), [
        ("Iran-backed militias fired rockets at a base near Basra.", "IRQREB"),
        ("Turkey-backed fighters attacked a village near Idlib.", "SYRREB"),
        ("Kremlin-funded separatists shelled a village near Luhansk.", "UKRREB"),
    ])
    def test_backed_groups_are_of_the_place(self, pipeline: Pipeline, text: str, source: str) -> None:
        found = triples(pipeline, text)
        assert any(s == source for s, _, _ in found), found

    def test_led_keeps_its_leader(self, pipeline: Pipeline) -> None:
        found = triples(pipeline, "The Saudi-led coalition bombed a port near Hodeidah.")
        assert any(s.startswith("SAU") for s, _, _ in found), found


@pytest.mark.slow
class TestViolenceAimedAtAPlace:
    @pytest.mark.parametrize(("text", "expected"), [
        ("Militants in Gaza fired dozens of rockets towards Ashkelon on Monday.", "ISR"),
        ("Rebels fired mortar shells into two districts of Aleppo.", "SYR"),
    ])
    def test_the_place_aimed_at_is_the_target(self, pipeline: Pipeline, text: str, expected: str) -> None:
        found = roots(pipeline, text)
        assert any(t == expected and code == "19" for _, t, code in found), found
