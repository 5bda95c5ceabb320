"""One-sided public statements of political speakers (tidings.events.statements): sentences written for these
tests, with made-up content."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from helpers import Triple, events, triple
from tidings import Article, Pipeline
from tidings.errors import DataError
from tidings.events.sides import admissible, complete
from tidings.events.statements import (
    _quoted,
    political,
    read_statement_cues,
    speaker_home,
    statement_cues,
    statement_forms,
)
from tidings.export import export
from tidings.export.gdelt import COLUMNS
from tidings.pipeline import Options
from tidings.record import Actor
from tidings.store import Batch, Store, StoredArticle


def statements(pipeline: Pipeline, text: str) -> list[Triple]:
    """(source code, target code, CAMEO code) of the root-01 events of ``text``."""
    return [triple(e) for e in events(pipeline, text) if e.cameo.code.startswith("01")]


MINISTRY = Actor("the ministry", "Chile Government", "CHLGOV", "CHL", "GOV")
SHOP = Actor("a shopkeeper", "civilians", "---CVL", None, "CVL")


# ------------------------------------------------------------------------------------------- the cue data
def test_the_packaged_cues_list_reporting_verbs_and_speakers() -> None:
    cues = statement_cues()
    assert {"say", "tell", "announce", "tweet"} <= set(cues.verbs)
    assert cues.verbs["add"] and not cues.verbs["say"]  # "added" needs a said-clause, "said" does not
    assert {"GOV", "COP", "IGO"} <= cues.speakers and "CVL" not in cues.speakers
    assert {"said", "says", "tweeted", "announcing"} <= statement_forms()


def test_a_malformed_cue_file_names_its_line() -> None:
    with pytest.raises(DataError, match=r"x\.tsv:1"):
        read_statement_cues("word\tkind\n", source="x.tsv")
    with pytest.raises(DataError, match=r"x\.tsv:2"):
        read_statement_cues("kind\tword\tneeds\tnote\nnoun\tstatement\t-\t-\n", source="x.tsv")


def test_user_cues_extend_the_packaged_ones() -> None:
    mine = read_statement_cues("kind\tword\tneeds\tnote\nverb\tproclaim\t-\t-\nspeaker\tREL\t-\t-\n")
    both = statement_cues().extend(mine)
    assert "proclaim" in both.verbs and "say" in both.verbs
    assert political(Actor("the bishop", "bishop", "---REL", None, "REL"), both)
    assert not political(Actor("the bishop", "bishop", "---REL", None, "REL"))


def test_political_speakers() -> None:
    assert political(MINISTRY)
    assert political(Actor("Chile", "Chile", "CHL", "CHL", None))  # a country named as a whole
    assert political(Actor("the UN", "United Nations", "IGOUNO", None, None))
    assert not political(SHOP)
    assert not political(Actor("the daily", "newspaper", "CHLMED", "CHL", "MED"))


def test_only_a_marked_statement_stands_without_an_addressee() -> None:
    assert not admissible("010", MINISTRY, None)
    assert admissible("010", MINISTRY, None, statement=True)
    assert not admissible("190", None, None, statement=True)
    assert complete("010", MINISTRY, None, None, statement=True) == (MINISTRY, None)
    assert complete("010", MINISTRY, None, None, dyadic=True, statement=True) is None  # PETRARCH's convention


# ------------------------------------------------------------------------------------- statements coded
@pytest.mark.parametrize("text, source", [
    ("Chile's foreign ministry said on Tuesday that the border crossing would reopen next month.", "CHLGOV"),
    ("The United Nations said in a statement that food deliveries had resumed.", "IGOUNO"),
    ("Chile's interior minister tweeted that the census results were encouraging.", "CHLGOV"),
])
def test_a_political_speaker_saying_something_is_a_statement_with_no_target(
        pipeline: Pipeline, text: str, source: str) -> None:
    assert statements(pipeline, text) == [(source, "", "010")]


def test_the_press_is_no_addressee(pipeline: Pipeline) -> None:
    assert statements(pipeline, "Peruvian police told reporters that the highway was open again.") == [
        ("PERCOP", "", "010")]
    found = statements(pipeline, "Chile's agriculture minister spoke to reporters outside the parliament.")
    assert found == [("CHLGOV", "", "010")]


def test_an_addressee_named_stays_the_target(pipeline: Pipeline) -> None:
    found = statements(pipeline, "Chile's president told the Peruvian president that the treaty was fair.")
    assert found == [("CHLGOV", "PERGOV", "010")]


def test_a_later_sentence_with_its_own_reporting_verb_is_a_statement_too(pipeline: Pipeline) -> None:
    text = "Chile's foreign ministry published a report on Monday. It added that exports had doubled."
    found = events(pipeline, text)
    assert [(e.sentence, e.cameo.code, e.source.code[:3] if e.source else "") for e in found] == [
        (1, "010", "CHL")]


def test_a_kind_of_comment_the_lexicon_knows_keeps_its_code(pipeline: Pipeline) -> None:
    assert statements(pipeline, "Chile's finance minister expressed concern over rising prices.") == [
        ("CHLGOV", "", "012")]


def test_one_statement_per_speaker_and_sentence(pipeline: Pipeline) -> None:
    text = "Chile's foreign ministry said the talks had ended, adding that the mood was calm."
    assert len([s for s in statements(pipeline, text) if s[2] == "010"]) <= 1


# ---------------------------------------------------------------------------------- no statement coded
@pytest.mark.parametrize("text", [
    "A shopkeeper in Lima said business had been slow all winter.",  # not a political speaker
    "The newspaper reported that the harvest was poor.",  # the outlet's own reporting
    "Chile's foreign ministry did not say when the border would reopen.",  # negated
    "Chile's foreign ministry will announce the results on Friday.",  # not yet said
    "Chile's foreign ministry had said in 2010 that the treaty was fair.",  # background
    "\u201cThe officer told me the case was closed,\u201d the mother said.",  # inside a quotation
    "The ministry added a clause to the contract.",  # "add" with no said-clause
    "The company's president said sales rose by ten percent.",  # an official of a company
    "Hospital officials said the patient was in stable condition.",  # of a hospital
    "A spokeswoman for the airline said the flight had landed safely.",
])
def test_no_statement(pipeline: Pipeline, text: str) -> None:
    assert statements(pipeline, text) == []


def test_a_speaker_named_by_role_speaks_for_the_country_of_the_article(pipeline: Pipeline) -> None:
    assert speaker_home(Actor("police", "police", "---COP", None, "COP"), "PER").code == "PERCOP"
    assert speaker_home(MINISTRY, "PER") is MINISTRY  # a speaker with a country keeps it
    text = ("Chile opened a new port on Monday. Chile has long wanted a deep harbour. Officials in Chile "
            "expect more ships. The ministry said the port would double copper exports.")
    assert statements(pipeline, text) == [("CHLGOV", "", "010")]


def test_an_official_of_a_public_body_still_speaks_politically(pipeline: Pipeline) -> None:
    assert statements(pipeline, "The ministry of education said classes would resume on Monday.") == [
        ("---GOV", "", "010")]
    assert statements(pipeline, "Police officials said the road was closed for the night.") != []


def test_a_statement_that_reports_an_event_is_its_attribution(pipeline: Pipeline) -> None:
    found = events(pipeline, "Chile's army said soldiers killed two rebels near the border.")
    assert found and all(not e.cameo.code.startswith("01") for e in found)
    assert any(e.attribution is not None and "army" in e.attribution.text for e in found)


@pytest.mark.parametrize("text", [
    "The Lima police department says the suspect was charged on Friday.",  # "charged (with)": an arrest
    "A Peruvian minister said armed rebels took over a gas plant near the coast.",  # "take over": a seizure
])
def test_a_clause_reporting_conflict_the_coder_missed_is_no_statement(pipeline: Pipeline, text: str) -> None:
    assert statements(pipeline, text) == []


def test_a_phrasal_verb_of_no_conflict_leaves_the_statement(pipeline: Pipeline) -> None:
    found = statements(pipeline, "The Chilean official said exports took off in May.")
    assert found == [("CHLGOV", "", "010")]


def test_a_denial_stands_beside_the_act_it_denies(pipeline: Pipeline) -> None:
    assert statement_cues().apart >= {"016"}
    text = "Chile on Thursday denied its jets were behind air strikes that destroyed a clinic in Peru."
    found = {e.cameo.code[:2] for e in events(pipeline, text)}
    assert statements(pipeline, text) == [("CHL", "", "016")] and len(found) > 1


def test_an_act_the_coder_could_not_place_still_makes_the_saying_an_attribution(pipeline: Pipeline) -> None:
    text = "Bolivian police said a bomb exploded near a market."
    assert statements(pipeline, text) == []


def test_dyadic_runs_keep_petrarchs_convention() -> None:
    dyadic = Pipeline(Options(require_dyad=True))
    text = "Chile's foreign ministry said on Tuesday that the border crossing would reopen next month."
    assert dyadic.extract(Article("s", text, dt.date(2021, 3, 4))) == []


# ----------------------------------------------------------------------------------- pronoun speakers
def test_a_pronoun_speaker_is_the_one_named_before(pipeline: Pipeline) -> None:
    text = "Chile's president Sebastian Pinera visited the town on Monday. He said a bridge would open soon."
    assert statements(pipeline, text) == [("CHLGOV", "", "010")]
    quoted = ("Chile's president Sebastian Pinera visited the town on Monday. "
              "\u201cThe new bridge will open soon,\u201d he said.")
    assert statements(pipeline, quoted) == [("CHLGOV", "", "010")]


@pytest.mark.parametrize("between", [
    "Local baker Tom Reed watched from his shop.",  # somebody the knowledge base does not know
    "Residents lined the streets.",  # a group that is no political speaker
])
def test_a_pronoun_after_someone_else_is_not_given_to_the_politician(pipeline: Pipeline,
                                                                     between: str) -> None:
    text = f"Chile's president Sebastian Pinera visited the town on Monday. {between} He said it was short."
    assert statements(pipeline, text) == []


def test_quotations_are_found_across_sentence_breaks() -> None:
    assert _quoted(["\u201c", "We", "won", ",", "\u201d", "he", "said"]) == {1, 2, 3}
    assert _quoted(["The", "police", "left", ".", '"']) == {0, 1, 2, 3}  # the quote opened a sentence before
    assert _quoted(["He", "said", ":", '"', "We", "stay"]) == {4, 5}
    assert _quoted(["Nobody", "spoke"]) == set()


# ------------------------------------------------------------------------------- stored and exported
def test_a_statement_is_stored_and_exported_with_an_empty_target(pipeline: Pipeline, tmp_path: Path) -> None:
    text = "Chile's foreign ministry said on Tuesday that the border crossing would reopen next month."
    found = events(pipeline, text, doc_id="s")
    assert [e.target for e in found] == [None] and found[0].plover is None  # PLOVER leaves root 01 unmapped
    with Store.open(tmp_path / "s.duckdb") as store:
        run = store.start_run(["s"], workers=1, coder="tidings-test")
        article = StoredArticle(id="s", seq=1, name="s.txt", kind="txt", text=text, minhash=b"\0" * 8,
                                url=None, published=dt.date(2021, 3, 4))
        store.write_batch(Batch(run, [article], found))
        assert export(store, "gdelt", tmp_path / "e.tsv") == 1
        line = (tmp_path / "e.tsv").read_text("utf-8").rstrip("\n")
        row = dict(zip(COLUMNS, line.split("\t"), strict=True))
        assert (row["Actor1Code"], row["Actor2Code"], row["EventCode"]) == ("CHLGOV", "", "010")
        assert export(store, "csv", tmp_path / "e.csv") == 1
        with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as fh:
            stored = next(csv.DictReader(fh))
        assert stored["source_code"] == "CHLGOV" and stored["target_code"] == ""
        assert export(store, "plover", tmp_path / "e.jsonl") == 0  # no PLOVER type to write


def test_he_after_a_speaker_named_by_a_two_word_role_speaks_for_that_body(pipeline: Pipeline) -> None:
    text = ("Coastal spokesman for the Regional Prosecuting Authority Tomas Ardent told the paper that no "
            "hearing was possible because the witness had left.\n\n"
            "\"She was taken to a clinic where a nurse treated her,\" he said.")
    found = statements(pipeline, text)
    assert len(found) == 2 and all(source == "---JUD" for source, _, _ in found), found


def test_an_act_in_an_open_clause_makes_the_saying_its_attribution(pipeline: Pipeline) -> None:
    """ "X decided to negotiate ..., the ministry said": the subject of the open clause's verb is its
    governor's, so the said-clause reports another party's act and the saying is no statement of its own."""
    told = "Ruritania decided to negotiate a settlement with its neighbour over the disputed fishing " \
           "grounds, the ministry said."
    assert not [e for e in events(pipeline, told) if e.cameo.code == "010"]
    plain = "The foreign ministry said the talks with the European Union had been constructive."
    assert [e.cameo.code for e in events(pipeline, plain)] == ["010"]
