"""Which CAMEO root a coded sentence gets: kinds of confusion between roots, on sentences written for these
tests (made-up wording; the actors are real countries so that they resolve to codes)."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import Article, Event, Pipeline
from tidings.events.refine import read_dyads
from tidings.record import Actor


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def triples(pipeline: Pipeline, text: str) -> set[tuple[str, str, str]]:
    events: list[Event] = pipeline.extract(Article("t", text, dt.date(2016, 3, 14)))
    return {(e.source.code if e.source else "---", e.target.code if e.target else "---", e.cameo.code)
            for e in events}


def roots(found: set[tuple[str, str, str]]) -> set[str]:
    return {code[:2] for _, _, code in found}


# ---------------------------------------------------------------- concern: pessimism or disapproval
@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Norwegian foreign ministry expressed concern over Sweden's military buildup on the border.",
     "NORGOV", "SWE"),
    ("The Danish government voiced deep concern over the German plan to close the bridge.", "DNKGOV", "DEU"),
    ("The spokesman said the vote had been delayed, expressing Norway's concern over Swedish attempts to "
     "block it.", "NOR", "SWE"),
])
def test_concern_about_another_actor_is_disapproval(pipeline: Pipeline, text: str, source: str,
                                                    target: str) -> None:
    found = triples(pipeline, text)
    assert any(s.startswith(source) and t.startswith(target) and c == "110" for s, t, c in found), found
    assert "012" not in {c for _, _, c in found}


def test_concern_about_a_situation_stays_a_pessimistic_comment(pipeline: Pipeline) -> None:
    found = triples(pipeline, "The Norwegian prime minister voiced concern about rising prices.")
    assert ("NORGOV", "---", "012") in found
    assert "11" not in roots(found)


def test_a_wildcard_dyad_rule_needs_both_sides() -> None:
    rule = read_dyads("source_sectors\ttarget_sectors\tcodes\tcode\tnote\n*\tOPP\t012\t110\t-\n")[0]
    somebody = Actor("Oslo", "Norway", "NOR", "NOR", None)
    protesters = Actor("protesters", "protesters", "NOROPP", "NOR", "OPP")
    assert rule.fits(somebody, protesters)
    assert not rule.fits(protesters, somebody)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Norway is concerned about the Swedish decision to close the border.", "NOR", "SWE"),
    ("She added that Norway is deeply concerned over Sweden's attempts to extend its presence in Finland.",
     "NOR", "SWE"),
    ("The Chilean government is worried about Peru's decision to expel the diplomats.", "CHLGOV", "PER"),
])
def test_being_concerned_about_another_actor_is_disapproval(pipeline: Pipeline, text: str, source: str,
                                                           target: str) -> None:
    assert (source, target, "110") in triples(pipeline, text)


def test_an_adjective_of_feeling_without_its_cause_codes_nothing(pipeline: Pipeline) -> None:
    assert triples(pipeline, "The Chilean ministers were worried.") == set()
    # the "by" phrase of a feeling is its cause, never the one who feels it
    found = triples(pipeline, "The Chilean president was alarmed by the Peruvian army's advance.")
    assert not any(s.startswith("PER") and code[:2] in ("01", "11") for s, _, code in found)


# ---------------------------------------------------------------- admitting an act: 015 beside the act
@pytest.mark.parametrize(("text", "admitter", "act"), [
    ("The Chilean army acknowledged on Monday that its soldiers fired on a Peruvian patrol.", "CHLMIL", "19"),
    ("The Chilean military admitted its troops shelled a village near the Peruvian border.", "CHLMIL", "19"),
    ("The Chilean navy acknowledged Friday its sailors fired on a Peruvian boat.", "CHLMIL", "19"),
])
def test_admitting_an_own_act_is_acknowledging_responsibility(pipeline: Pipeline, text: str, admitter: str,
                                                              act: str) -> None:
    found = triples(pipeline, text)
    assert (admitter, "---", "015") in found
    assert act in roots(found)  # the act itself is still told


def test_acknowledging_what_another_side_did_is_no_admission(pipeline: Pipeline) -> None:
    found = triples(pipeline, "The Chilean army acknowledged that Peruvian soldiers fired on its patrol.")
    assert "015" not in {code for _, _, code in found}


# ---------------------------------------------------------------- statements coded by their content
@pytest.mark.parametrize(("text", "source", "target"), [
    ("The Chilean trade ministry said the Peruvian measures were a flagrant violation of that trade pact.",
     "CHLGOV", "PER"),
    ("Norway's foreign minister said the Swedish decision was a clear breach of the fishing accord.",
     "NORGOV", "SWE"),
])
def test_calling_another_actors_act_a_wrong_is_an_accusation(pipeline: Pipeline, text: str, source: str,
                                                              target: str) -> None:
    found = triples(pipeline, text)
    assert (source, target, "112") in found
    assert "010" not in {code for _, _, code in found}


@pytest.mark.parametrize("text", [
    "The Chilean minister said the vote was a violation of the constitution.",  # nobody's act named
    "The Chilean minister said the Peruvian measures were not a violation of the agreement.",  # denied
])
def test_no_accusation_without_an_accused_or_when_denied(pipeline: Pipeline, text: str) -> None:
    assert "11" not in roots(triples(pipeline, text))


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Chile's trade ministry said on Monday it has started a dispute settlement procedure at the WTO over "
     "Peruvian duties on its copper.", "CHLGOV", "PER"),
    ("Norway will file a dispute settlement case against Sweden at the trade body.", "NOR", "SWE"),
])
def test_opening_a_formal_dispute_is_an_official_complaint(pipeline: Pipeline, text: str, source: str,
                                                            target: str) -> None:
    assert (source, target, "114") in triples(pipeline, text)


# ---------------------------------------------------------------- force posture (154)
@pytest.mark.parametrize(("text", "source"), [
    ("Chilean troops set up an observation post close to the Peruvian border.", "CHLMIL"),
    ("The Chilean army dispatched heavy weaponry to the area near the Peruvian border.", "CHLMIL"),
    ("The Chilean army dispatched troops to the northern desert.", "CHLMIL"),
])
def test_an_armed_side_moving_up_or_digging_in_is_mobilising(pipeline: Pipeline, text: str,
                                                              source: str) -> None:
    assert any(s == source and code == "154" for s, _, code in triples(pipeline, text))


@pytest.mark.parametrize("text", [
    "The company set up a new base in Santiago.",
    "The ministry dispatched a letter to the Peruvian embassy.",
])
def test_bases_and_dispatches_of_unarmed_sides_are_no_force_posture(pipeline: Pipeline, text: str) -> None:
    assert "15" not in roots(triples(pipeline, text))


# ---------------------------------------------------------------- investigating (09)
@pytest.mark.parametrize(("text", "source", "target"), [
    ("Chile's spy agency has gathered evidence Bolivian rebels used chlorine in a raid in Oruro.",
     "CHLSPY", "BOLREB"),
    ("The Chilean prosecutor gathered evidence against the Peruvian consul.", "CHLJUD", "PERGOV"),
])
def test_gathering_evidence_is_investigating_the_one_it_points_at(pipeline: Pipeline, text: str, source: str,
                                                                  target: str) -> None:
    assert (source, target, "090") in triples(pipeline, text)


# ---------------------------------------------------------------- visits: a host's 043 needs the host acting
@pytest.mark.parametrize("text", [
    "The Chilean president visited Peru on Monday.",
    "The Chilean president arrived in Lima for a two-day state visit.",
    "During her official visit to Peru, the Chilean president opened a school.",
])
def test_a_visit_is_only_the_visitors_act(pipeline: Pipeline, text: str) -> None:
    found = triples(pipeline, text)
    assert any(t == "PER" and code == "042" for _, t, code in found), found
    assert "043" not in {code for _, _, code in found}


def test_a_host_told_acting_hosts(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Peru hosted the Chilean president on Monday.")
    assert ("PER", "CHLGOV", "043") in found


# ---------------------------------------------------------------- assault (18) or fight (19)
@pytest.mark.parametrize("text", [
    "Rebels shot dead five villagers in northern Mali on Sunday.",
    "Gunmen killed three farmers in a village in Nigeria.",
])
def test_irregulars_killing_civilians_is_an_assault(pipeline: Pipeline, text: str) -> None:
    found = roots(triples(pipeline, text))
    assert "18" in found and "19" not in found


def test_troops_killing_rebels_is_a_fight(pipeline: Pipeline) -> None:
    found = roots(triples(pipeline, "Malian troops killed five rebels in a clash near Gao."))
    assert "19" in found and "18" not in found


@pytest.mark.parametrize(("text", "root"), [
    ("Four villagers were killed in an attack in northern Mali on Sunday.", "18"),
    ("Four Malian soldiers were killed in an attack near Gao on Sunday.", "19"),
])
def test_civilians_killed_by_an_unnamed_hand_are_assaulted(pipeline: Pipeline, text: str, root: str) -> None:
    assert root in roots(triples(pipeline, text))


def test_a_dyad_rule_may_ask_for_an_unnamed_side() -> None:
    rule = read_dyads("source_sectors\ttarget_sectors\tcodes\tcode\tnote\n?\tCVL\t190\t180\t-\n")[0]
    villagers = Actor("villagers", "villagers", "MLICVL", "MLI", "CVL")
    assert rule.fits(None, villagers)
    assert not rule.fits(villagers, villagers)
    assert not rule.fits(None, None)


# ---------------------------------------------------------------- withdrawing: retreat, boycott, talks
@pytest.mark.parametrize(("text", "expected"), [
    ("Several Chilean newspapers withdrew their reporters from any dealings with the senator.",
     ("CHLMED", "CHLLEG", "143")),
    ("Chilean broadcasters withdrew from all contact with the Peruvian embassy.",
     ("CHLMED", "PERGOV", "143")),
    ("Chile withdrew from the talks with Peru on Monday.", ("CHL", "PER", "164")),
])
def test_withdrawing_from_dealings_with_someone_is_not_a_retreat(pipeline: Pipeline, text: str,
                                                                  expected: tuple[str, str, str]) -> None:
    found = triples(pipeline, text)
    assert expected in found
    assert "0874" not in {code for _, _, code in found}


# ---------------------------------------------------------------- words of criticism and ultimatums
@pytest.mark.parametrize(("text", "expected"), [
    ("The Chilean minister lashed out at Peru over the border closure.", ("CHLGOV", "PER", "111")),
    ("The Chilean president railed against Peru's decision to close the border.", ("CHLGOV", "PER", "111")),
    ("Chile gave Peru a 48-hour deadline to withdraw its troops.", ("CHL", "PER", "139")),
])
def test_criticism_and_ultimatums_are_not_plain_statements(pipeline: Pipeline, text: str,
                                                           expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile warned Peru that it would retaliate if the border was closed.", ("CHL", "PER", "138")),
    ("The Chilean army warned the rebels that it would strike their camps.", ("CHLMIL", "CHLREB", "138")),
])
def test_a_threat_in_a_warning_is_aimed_at_the_one_warned(pipeline: Pipeline, text: str,
                                                          expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


def test_one_armed_side_ambushing_another_is_a_fight(pipeline: Pipeline) -> None:
    found = roots(triples(pipeline, "Rebels ambushed an army convoy near Gao, killing six soldiers."))
    assert "19" in found and "18" not in found


# ---------------------------------------------------------------- appeals by what is asked
def test_urging_a_return_to_talks_is_an_appeal_to_negotiate(pipeline: Pipeline) -> None:
    found = triples(pipeline, "The UN urged Mali and the rebels to return to the negotiating table.")
    assert ("IGOUNO", "MLIREB", "026") in found
    assert "020" not in {code for _, _, code in found}


def test_returning_to_talks_is_negotiating_both_ways(pipeline: Pipeline) -> None:
    found = triples(pipeline, "Chile and Peru returned to the talks on Monday.")
    assert {("CHL", "PER", "046"), ("PER", "CHL", "046")} <= found
    assert triples(pipeline, "The refugees returned to their villages.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("The Malian opposition said the president must resign.", ("MLIOPP", "10")),
    ("Chile said Peru should apologise for the remarks.", ("CHL", "10")),
])
def test_saying_another_actor_must_act_is_a_demand(pipeline: Pipeline, text: str,
                                                   expected: tuple[str, str]) -> None:
    found = triples(pipeline, text)
    assert any(s == expected[0] and code[:2] == expected[1] for s, _, code in found), found
    assert "01" not in roots(found)


def test_saying_ones_own_country_must_act_is_no_demand(pipeline: Pipeline) -> None:
    found = triples(pipeline, "The Chilean minister said Chile must do more for its farmers.")
    assert "10" not in roots(found)


# ---------------------------------------------------------------- symmetric fights
def test_engaging_in_clashes_with_someone_is_fought_both_ways(pipeline: Pipeline) -> None:
    text = "Kurdish fighters on Tuesday engaged in long clashes with Islamic State militants."
    found = triples(pipeline, text)
    pairs = {(s, t) for s, t, code in found if code[:2] == "19"}
    assert len(pairs) == 2 and all((t, s) in pairs for s, t in pairs), found


# ---------------------------------------------------------------- a cut in relations announced: a threat
@pytest.mark.parametrize(("text", "expected"), [
    ("Chile said it would sever diplomatic ties with Peru.", ("CHL", "PER", "1313")),
    ("Chile announced it would impose sanctions on Peru.", ("CHL", "PER", "1312")),
])
def test_announcing_a_coming_cut_is_a_threat(pipeline: Pipeline, text: str,
                                             expected: tuple[str, str, str]) -> None:
    assert expected in triples(pipeline, text)


def test_a_cut_made_is_the_cut(pipeline: Pipeline) -> None:
    assert ("CHL", "PER", "163") in triples(pipeline, "Chile imposed sanctions on Peru.")
