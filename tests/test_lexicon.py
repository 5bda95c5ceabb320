"""The verb and noun lexicon: entry format, matching specificity, inflection, surface forms."""

from __future__ import annotations

import pytest

from tidings.errors import DataError
from tidings.events.lexicon import Entry, Lexicon, inflect_noun, inflect_verb, read_lexicon_tsv, singular
from tidings.events.ontology import CAMEO_CODES, is_code


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.default()


def code(entry: Entry | None) -> str | None:
    return entry.code if entry else None


def test_default_is_cached_and_sizeable(lexicon: Lexicon) -> None:
    assert Lexicon.default() is lexicon
    assert 400 <= len(lexicon) <= 2000


def test_every_root_is_covered_and_codes_are_valid(lexicon: Lexicon) -> None:
    roots = {CAMEO_CODES[e.code].root for e in lexicon.entries if not e.is_null}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    for entry in lexicon.entries:
        assert entry.is_null or is_code(entry.code), entry
        for other in (entry.reverse, entry.negated_code):
            assert other is None or is_code(other), entry


def test_object_specificity(lexicon: Lexicon) -> None:
    assert code(lexicon.verb("send", obj="letter")) == "010"
    assert lexicon.verb("send", obj="letter").weak  # type: ignore[union-attr]
    assert code(lexicon.verb("send", obj="troops")) == "154"
    assert code(lexicon.verb("send", obj="aid")) == "070"
    assert code(lexicon.verb("send", obj="aid", obj_mods=["humanitarian"])) == "073"
    assert code(lexicon.verb("send", obj="weapons")) == "072"
    assert lexicon.verb("send") is None  # an ambiguous vehicle verb needs its object
    assert code(lexicon.verb("hold", obj="talks")) == "046"
    assert code(lexicon.verb("hold", obj="hostage")) == "181"
    assert code(lexicon.verb("impose", obj="sanctions")) == "163"
    assert code(lexicon.verb("impose", obj="curfew")) == "1723"
    assert code(lexicon.verb("launch", obj="offensive")) == "190"
    assert code(lexicon.verb("launch", obj="strike", obj_mods=["air"])) == "195"
    assert code(lexicon.verb("release", obj="prisoners")) == "0841"


def test_null_entries_block_generic_codes(lexicon: Lexicon) -> None:
    assert code(lexicon.verb("fire", obj="missile")) == "195"
    assert code(lexicon.verb("fire")) == "190"
    assert lexicon.verb("fire", obj="coach") is None
    assert lexicon.verb("release", obj="statement") is None
    assert lexicon.verb("fight", obj="corruption") is None


def test_prepositions(lexicon: Lexicon) -> None:
    meet = lexicon.verb("meet", preps=["with"])
    # "X met with Y" and "held talks with" are mutual: one event each way (evaluation/gold/GUIDE.md section 3)
    assert meet is not None and meet.code == "040" and meet.prep == "with" and meet.reverse == "040"
    talks = lexicon.verb("hold", obj="talks", preps=["with"])
    assert talks is not None and talks.code == "046" and talks.reverse == "046"
    received = lexicon.verb("receive", obj="aid", preps=["from"])
    assert received is not None and received.code == "070" and received.swap and received.prep == "from"
    assert code(lexicon.noun("attack", preps=["on"])) == "190"
    assert lexicon.noun("sanction", preps=["against"]).prep == "against"  # type: ignore[union-attr]
    assert code(lexicon.verb("blame", preps=["on"])) == "112"


def test_phrasal_verbs(lexicon: Lexicon) -> None:
    assert code(lexicon.verb("crack", particle="down", preps=["on"])) == "175"
    assert lexicon.verb("crack") is None
    assert code(lexicon.verb("call", particle="off", obj="talks")) == "164"
    assert code(lexicon.verb("pull", particle="out")) == "0874"
    assert code(lexicon.verb("step", particle="up", obj="attacks")) == "190"
    assert lexicon.verb("give", particle="up") is None  # a particle changes the verb
    assert code(lexicon.verb("hit", particle="back")) == "190"  # transparent particle
    # prepositional verbs: the particle may arrive as a preposition with its object
    assert code(lexicon.verb("call", preps=["for"], pobjs={"for": "ceasefire"})) == "0256"
    assert code(lexicon.verb("call", preps=["on"], xcomp="release")) == "0253"
    assert code(lexicon.verb("accuse", obj="Russia", preps=["of"], pobjs={"of": "corruption"})) == "1121"
    assert code(lexicon.verb("accuse", obj="Russia", preps=["of"], pobjs={"of": "crimes"},
                             obj_mods=["war"])) == "1124"  # the phrase "war crime" outranks "crime"
    assert code(lexicon.verb("accuse", obj="Russia")) == "112"
    assert code(lexicon.verb("accuse", preps=["of"], pobjs={"of": "aggression"})) == "1123"


def test_xcomp(lexicon: Lexicon) -> None:
    assert code(lexicon.verb("threaten")) == "130"
    assert code(lexicon.verb("threaten", xcomp="attack")) == "138"
    assert code(lexicon.verb("threaten", xcomp="impose")) == "1312"
    assert code(lexicon.verb("threaten", xcomp="leave")) == "130"  # "*" accepts any complement
    assert code(lexicon.verb("agree", xcomp="release")) == "0353"
    assert code(lexicon.verb("refuse", xcomp="negotiate")) == "125"
    assert lexicon.verb("help", xcomp="ease") is None


def test_nouns(lexicon: Lexicon) -> None:
    assert code(lexicon.noun("strike", mods=["air"])) == "195"
    assert code(lexicon.noun("strike", mods=["hunger"])) == "142"
    assert code(lexicon.noun("strike", mods=["general"])) == "143"
    assert code(lexicon.noun("talk", preps=["with"])) == "046"
    assert code(lexicon.noun("bombing", mods=["suicide"])) == "1831"
    assert code(lexicon.noun("release", preps=["of"], obj="hostages")) == "0841"
    assert lexicon.noun("release") is None
    assert code(lexicon.noun("visit", preps=["to"])) == "042"
    # a visit is the visitor's act: the host's 043 comes from the host's own words ("hosted", "welcomed")
    assert lexicon.noun("visit").reverse is None  # type: ignore[union-attr]
    assert lexicon.verb("host").reverse == "042"  # type: ignore[union-attr]


@pytest.mark.parametrize(("lemma", "forms"), [
    ("attack", {"attack", "attacks", "attacked", "attacking"}),
    ("meet", {"meet", "met", "meets", "meeting"}),
    ("send", {"send", "sent", "sends", "sending"}),
    ("strike", {"strike", "struck", "striking", "strikes"}),
    ("withdraw", {"withdrew", "withdrawn", "withdrawing"}),
    ("stop", {"stopped", "stopping", "stops"}),
    ("admit", {"admitted", "admitting"}),
    ("visit", {"visited", "visiting"}),
    ("free", {"freed", "freeing", "frees"}),
    ("die", {"died", "dying"}),
    ("deny", {"denied", "denies", "denying"}),
    ("cancel", {"canceled", "cancelled", "cancelling"}),
    ("panic", {"panicked", "panicking"}),
    ("kidnap", {"kidnapped", "kidnapping"}),
    ("go", {"went", "gone", "goes"}),
    ("seek", {"sought"}),
])
def test_inflect_verb(lemma: str, forms: set[str]) -> None:
    assert forms <= inflect_verb(lemma)


def test_inflect_verb_no_false_forms() -> None:
    assert "visitted" not in inflect_verb("visit")
    assert "meeted" not in inflect_verb("meet")
    assert "freing" not in inflect_verb("free")


def test_inflect_noun_and_singular() -> None:
    assert inflect_noun("sanction") == {"sanction", "sanctions"}
    assert inflect_noun("crisis") == {"crisis", "crises"}
    assert inflect_noun("embargo") == {"embargo", "embargoes"}
    assert inflect_noun("casualty") == {"casualty", "casualties"}
    assert inflect_noun("air strike") == {"air strike", "air strikes"}
    assert singular("sanctions") == "sanction"
    assert singular("talks") == "talk"
    assert singular("countries") == "country"
    assert singular("crisis") == "crisis"
    assert singular("news") == "news"


def test_surface_forms(lexicon: Lexicon) -> None:
    forms = lexicon.surface_forms
    assert {"attack", "attacked", "met", "sent", "talks", "airstrikes", "sanctions", "struck"} <= forms
    assert "the" not in forms
    assert all(form == form.lower() for form in forms)
    assert lexicon.has_trigger(["Russia", "MET", "with", "Ukraine"])
    assert not lexicon.has_trigger(["The", "weather", "was", "nice"])


def test_extend_overrides_same_key_and_wins_ties(lexicon: Lexicon) -> None:
    extended = lexicon.extend([
        Entry("visit", "verb", "040"),  # same key as ours: replaces it
        Entry("send", "verb", "042", obj=frozenset({"letter"})),  # different obj set: wins ties
        Entry("parley", "verb", "046", forms=frozenset({"parleyed"})),
    ])
    assert code(extended.verb("visit")) == "040"
    assert code(lexicon.verb("visit")) == "042"  # the original is unchanged
    assert code(extended.verb("send", obj="letter")) == "042"
    assert code(extended.verb("parley")) == "046"
    assert "parleyed" in extended.surface_forms
    assert len(extended) == len(lexicon) + 2


def test_read_lexicon_tsv_errors() -> None:
    header = "lemma\tparticle\tobj\tprep\txcomp\tcode\treverse\tflags\tnegated_code\tnote\n"
    good = header + "# comment\nmeet\t-\t-\twith\t-\t040\t040\t-\t-\t-\n"
    [entry] = read_lexicon_tsv(good, "verb")
    assert entry == Entry("meet", "verb", "040", prep="with", reverse="040")
    with pytest.raises(DataError, match=r"x\.tsv:2"):
        read_lexicon_tsv(header + "meet\t-\t-\n", "verb", source="x.tsv")
    with pytest.raises(DataError, match="not a CAMEO code"):
        read_lexicon_tsv(header + "meet\t-\t-\t-\t-\t999\t-\t-\t-\t-\n", "verb")
    with pytest.raises(DataError, match="unknown flags"):
        read_lexicon_tsv(header + "meet\t-\t-\t-\t-\t040\t-\tstrong\t-\t-\n", "verb")
    with pytest.raises(DataError, match="header"):
        read_lexicon_tsv("lemma\tcode\n", "verb")
