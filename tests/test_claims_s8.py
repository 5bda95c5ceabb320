"""Claims about people that must not be made, or must be read as denials: sentences written for these tests.

Each case is a kind of construction: the object of a verb that is not undergone ("mourned the death of"),
the "of" phrase that names someone else or something else, a condition ("if he died"), a denial that
governs a report ("denied reports that ..."), a predicate calling the claim untrue, a person shown something.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest

from tidings.claims import Claim, claims_for_article
from tidings.pipeline import Pipeline
from tidings.record import Article

PUBLISHED = dt.date(2024, 3, 10)


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline()


def claims(text: str) -> list[Claim]:
    return claims_for_article(_pipeline(), Article("s8", text, PUBLISHED))


def of_type(text: str, kind: str) -> list[Claim]:
    return [c for c in claims(text) if c.type == kind]


@pytest.mark.slow
class TestNotAboutTheSubject:
    @pytest.mark.parametrize("text", [
        "Olaf Scholz mourned the death of the former chancellor.",
        "Joe Biden announced the death on Sunday.",
        "Emmanuel Macron spoke of the death of a local fisherman.",
    ])
    def test_a_death_the_subject_reports_is_not_his(self, text: str) -> None:
        assert of_type(text, "death") == []

    def test_health_of_a_thing_is_no_health_claim(self) -> None:
        assert of_type("Xi Jinping discussed the health of the economy with bankers.", "health") == []

    def test_undergone_object_still_counts(self) -> None:
        found = of_type("Emmanuel Macron underwent surgery on his hand on Friday.", "health")
        assert [c.subject.name for c in found] == ["Emmanuel Macron"]

    def test_death_of_a_named_person_is_theirs(self) -> None:
        found = of_type("Rishi Sunak mourned the death of Queen Elizabeth.", "death")
        assert [c.subject.name for c in found] == ["Elizabeth II"]

    @pytest.mark.parametrize("text", [
        "The guide showed Xi Jinping where the new bridge would be built.",
        "An aide showed Joe Biden how the machine works.",
    ])
    def test_a_person_shown_something_is_not_seen(self, text: str) -> None:
        assert of_type(text, "appearance") == []

    def test_a_person_shown_on_television_is_seen(self) -> None:
        found = of_type("State television showed Kim Jong Un at a rally on Tuesday.", "appearance")
        assert [c.subject.name for c in found] == ["Kim Jong Un"]


@pytest.mark.slow
class TestConditionsAndDenials:
    @pytest.mark.parametrize("text", [
        "Analysts asked what would happen if Kim Jong Un died suddenly.",
        "Joe Biden said that he would resign if his health failed.",
    ])
    def test_a_condition_is_not_a_claim(self, text: str) -> None:
        assert [c for c in claims(text) if c.type in ("death", "health")] == []

    @pytest.mark.parametrize(("text", "kind", "denier"), [
        ("Vladimir Putin spoke. The Kremlin denied reports that he was ill.", "health", "Kremlin"),
        ("Xi Jinping toured a farm. Officials rejected claims that he was sick.", "health", "Officials"),
        ("Xi Jinping toured a farm. State media dismissed rumours of his death.", "death", "media"),
    ])
    def test_denial_of_a_report_is_a_denial(self, text: str, kind: str, denier: str) -> None:
        found = of_type(text, kind)
        assert [(c.factuality, c.polarity) for c in found] == [("denied", "positive")]
        assert found[0].attribution is not None and denier in found[0].attribution.text

    def test_negated_denial_is_not_a_denial(self) -> None:
        found = of_type("Vladimir Putin chaired a meeting. The Kremlin did not deny reports that he was ill.",
                        "health")
        assert found and all(c.factuality != "denied" for c in found)

    @pytest.mark.parametrize("text", [
        "Vladimir Putin chaired a meeting. Reports of his death are false, the Kremlin said.",
        "Kim Jong Un inspected a farm. Rumours that he is ill are baseless.",
    ])
    def test_claim_called_untrue_is_denied(self, text: str) -> None:
        found = [c for c in claims(text) if c.type in ("death", "health")]
        assert [c.factuality for c in found] == ["denied"]

    def test_claim_called_not_untrue_is_not_denied(self) -> None:
        found = of_type("Kim Jong Un inspected a farm. Rumours that he is ill are not false.", "health")
        assert found and found[0].factuality != "denied"


@pytest.mark.slow
class TestNamesakes:
    def test_a_victim_sharing_a_surname_is_not_the_politician(self) -> None:
        found = claims("Theresa May visited a school on Monday. A pensioner called May died in the fire.")
        assert [c.type for c in found if c.subject.name == "Theresa May"] == ["appearance"]

    def test_a_footballer_sharing_a_surname_is_not_the_leader(self) -> None:
        found = claims("Kim Jong Un inspected a factory. Meanwhile the footballer Kim was hospitalised.")
        assert [c.type for c in found if c.subject.code == "PRKGOV"] == ["appearance"]


@pytest.mark.slow
class TestSaidToBeWell:
    @pytest.mark.parametrize("text", [
        "A Kremlin aide said Vladimir Putin was in good health.",
        "Xi Jinping toured a farm. His health is excellent, officials said.",
    ])
    def test_good_health_is_a_negative_health_claim(self, text: str) -> None:
        assert [c.polarity for c in of_type(text, "health")] == ["negative"]

    @pytest.mark.parametrize("text", [
        "Xi Jinping toured a farm. He is not in good health, a source said.",
        "Joe Biden is in poor health, his rival claimed.",
    ])
    def test_not_good_or_poor_health_is_positive(self, text: str) -> None:
        assert [c.polarity for c in of_type(text, "health")] == ["positive"]


@pytest.mark.slow
class TestFramesAndDates:
    def test_predicate_speculation_makes_a_rumour(self) -> None:
        found = of_type("Kim Jong Un's health was the subject of speculation on Monday.", "health")
        assert [c.factuality for c in found] == ["rumoured"]

    def test_predicate_mystery_makes_a_hedge(self) -> None:
        found = of_type("Xi Jinping toured a farm. His whereabouts remain a mystery.", "whereabouts")
        assert [c.factuality for c in found] == ["hedged"]

    def test_a_date_in_a_relative_clause_does_not_date_the_visit(self) -> None:
        found = of_type("Emmanuel Macron visited the grave of a general who died in 1970.", "appearance")
        assert [c.refers_to for c in found] == [None]

    def test_a_date_in_an_adverbial_clause_dates_that_clause(self) -> None:
        found = of_type("Kim Jong Un appeared in public on Friday after he was hospitalised on March 2.",
                        "appearance")
        assert [c.refers_to for c in found] == [dt.date(2024, 3, 8)]

    def test_a_date_on_a_participle_still_dates_the_visit(self) -> None:
        found = of_type("Kim Jong Un attended a ceremony held on Tuesday.", "appearance")
        assert [c.refers_to for c in found] == [dt.date(2024, 3, 5)]


@pytest.mark.slow
class TestFutureDeath:
    @pytest.mark.parametrize("text", [
        "Donald Trump joked that Joe Biden would die before the election.",
        "If the treatment fails, Xi Jinping will die, a source claimed.",
    ])
    def test_a_predicted_death_is_not_a_death_claim(self, text: str) -> None:
        assert of_type(text, "death") == []

    def test_a_possible_death_is_a_hedged_claim(self) -> None:
        found = of_type("Kim Jong Un may have died, a source claimed.", "death")
        assert [c.factuality for c in found] == ["hedged"]
