"""Kinds of construction, in sentences written for these tests.

- Natural and accidental harm is no event.

- A participle set off after its clause ("..., destroying 200 stalls") is done by the clause's subject: when
  that is a natural or accidental force (a fire, a storm, a truck that hit people by accident), the harm is
  no attack; when it is an armed actor or a weapon, the attack stands.
- Hail and frost are natural forces like storms.
- Effects are not events of their own: the participle after a violent clause ("..., injuring dozens") states
  what that act did (one event, with the clause's code).
- A state of emergency or a deployment over a natural disaster is relief, not coercion.
- The parties of a mutual act placed in countries are its parties: an unplaced generic group beside them
  ("with 9,000 troops taking part") is theirs, not a third party.
- Denying or dismissing an accusation (016) is aimed at the accuser ("rejected Chile's claims").
- A sanction or tariff laid on goods is aimed at the country they come from ("duties on Japanese steel",
  "tariffs on imports from X"); a threat of one is a threat of sanctions (1312).
"""

from __future__ import annotations

import pytest

from helpers import triples
from tidings import Pipeline

VIOLENT = ("17", "18", "19", "20")


@pytest.mark.slow
class TestHazards:
    @pytest.mark.parametrize("text", [
        "A blaze swept through a timber yard in Mombasa on Sunday, destroying four warehouses.",
        "Fire raced across the slum in Manila, gutting 300 shacks.",
        "Hail flattened the vineyards of two districts in Moldova.",
        "Frost destroyed most of the coffee harvest in Minas Gerais.",
        "A lorry hit a group of cyclists by accident near Lyon, killing two of them.",
        "A storm ripped through the coastal town of Beira, killing eleven people.",
    ])
    def test_no_attack(self, pipeline: Pipeline, text: str) -> None:
        found = triples(pipeline, text)
        assert not [t for t in found if t[2][:2] in VIOLENT], found

    @pytest.mark.parametrize(("text", "root"), [
        ("Militiamen raided the market town of Beni, killing seven traders.", "18"),
        ("A roadside bomb struck a patrol in Helmand, killing three soldiers.", "18"),
        ("Rioters set fire to the town hall in Lyon, destroying its archive.", "17"),
    ])
    def test_the_attack_stands(self, pipeline: Pipeline, text: str, root: str) -> None:
        found = triples(pipeline, text)
        assert any(code[:2] == root for _, _, code in found), found


@pytest.mark.slow
class TestEffects:
    @pytest.mark.parametrize(("text", "code"), [
        ("Riot police fired rubber bullets at strikers in Durban, wounding eight.", "17"),
        ("Syrian jets bombed a hospital in Idlib, destroying its surgical wing.", "19"),
        ("Separatists shelled the port of Berdyansk, damaging two cranes.", "19"),
    ])
    def test_one_event(self, pipeline: Pipeline, text: str, code: str) -> None:
        found = triples(pipeline, text)
        assert [c[:2] for _, _, c in found] == [code], found


@pytest.mark.slow
class TestReliefAndParties:
    @pytest.mark.parametrize("text", [
        "Premier Danielle Smith declared a state of emergency over the wildfires in northern Alberta.",
        "The government of Malawi imposed a state of emergency due to the floods in Blantyre.",
    ])
    def test_relief_is_no_coercion(self, pipeline: Pipeline, text: str) -> None:
        assert not triples(pipeline, text)

    def test_emergency_over_unrest_stands(self, pipeline: Pipeline) -> None:
        found = triples(pipeline, "Peru's cabinet imposed a state of emergency in Puno over the riots.")
        assert any(code[:3] == "172" for _, _, code in found), found

    def test_mutual_act_has_its_placed_parties(self, pipeline: Pipeline) -> None:
        found = triples(pipeline, "Australia and Indonesia began joint naval exercises off Darwin on Friday, "
                                  "with about 9,000 sailors taking part.")
        assert {(s, t) for s, t, _ in found} == {("AUS", "IDN"), ("IDN", "AUS")}, found

    @pytest.mark.parametrize(("text", "accuser"), [
        ("Peru rejected Chile's claims over the fishing grounds.", "CHL"),
        ("The Ghanaian government dismissed criticism by Human Rights Watch.", "NGOHRI"),
    ])
    def test_denial_is_aimed_at_the_accuser(self, pipeline: Pipeline, text: str, accuser: str) -> None:
        found = triples(pipeline, text)
        assert any(code == "016" and t.startswith(accuser) for _, t, code in found), found


@pytest.mark.slow
class TestTradeSanctions:
    @pytest.mark.parametrize(("text", "expected"), [
        ("Mexico slapped duties on Japanese steel pipes on Tuesday.", ("MEX", "JPN", "163")),
        ("The Brazilian government imposed tariffs on $2 billion of imports from Argentina.",
         ("BRAGOV", "ARG", "163")),
        ("Australia threatened to impose sanctions on timber exports from Myanmar.", ("AUS", "MMR", "1312")),
    ])
    def test_aimed_at_the_origin(self, pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
        found = triples(pipeline, text)
        assert any((s[:len(expected[0])], t[:3], c) == expected for s, t, c in found), found
