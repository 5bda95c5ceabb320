"""The parse filter's trigger test: a trigger word counts only with the other words its lexicon entry needs
(resources.entry_needs, Resources.has_trigger). Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings import Article, Options, Pipeline
from tidings.events.lexicon import Entry, Lexicon
from tidings.resources import Resources, entry_needs, trigger_forms, trigger_needs


def words(text: str) -> list[str]:
    return text.lower().replace(".", " .").replace(",", " ,").split()


@pytest.fixture(scope="module")
def res() -> Resources:
    return Resources.default()


def entry(**fields: object) -> Entry:
    base: dict[str, object] = {"lemma": "hold", "pos": "verb", "code": "040", "obj": frozenset(),
                               "particle": None, "prep": None, "xcomp": frozenset(), "reverse": None,
                               "swap": False, "weak": False, "weapon": False, "armed": False, "state": False,
                               "negated_code": None, "note": "", "forms": frozenset()}
    base.update(fields)
    return Entry(**base)  # type: ignore[arg-type]


def test_needs_of_an_entry() -> None:
    assert entry_needs(entry()) == ()
    objects = entry(obj=frozenset({"peace talk", "summit"}))
    assert entry_needs(objects) == (frozenset({"talk", "talks", "summit", "summits"}),)
    assert entry_needs(entry(particle="up", prep="with")) == (frozenset({"up"}), frozenset({"with"}))
    noun = entry(lemma="curfew order", pos="noun")
    assert entry_needs(noun) == (frozenset({"curfew", "curfews"}),)


def test_same_trigger_forms_as_before(res: Resources) -> None:
    lexicon = Lexicon.default()
    assert frozenset(trigger_needs(lexicon)) == trigger_forms(lexicon)
    assert set(res.conditional) <= res.triggers
    assert all(() not in needs for needs in res.conditional.values())


def test_a_trigger_with_what_its_entry_needs(res: Resources) -> None:
    # "have" codes a meeting only with a meeting word for its object; "end" only with what can be ended
    assert "had" in res.conditional and "ended" in res.conditional
    assert res.has_trigger(words("The two envoys had lengthy talks in Valletta on Sunday."))
    assert res.has_trigger(words("Rebels ended their blockade of the northern road."))
    assert not res.has_trigger(words("The envoys had long hoped for a quiet week."))
    assert not res.has_trigger(words("By the end of the season the club had moved."))


def test_a_trigger_that_needs_nothing(res: Resources) -> None:
    assert res.has_trigger(words("Protesters attacked a bus depot on the outskirts."))
    assert not res.has_trigger(words("The weather was mild and the harbour quiet."))


def test_user_lexicon_entries_bring_their_needs() -> None:
    extra = entry(lemma="zorble", code="042", obj=frozenset({"embassy"}))
    res = Resources.default().with_lexicon(Lexicon.default().extend([extra]))
    assert res.has_trigger(words("The delegation zorbled the embassy at noon."))
    assert not res.has_trigger(words("The delegation zorbled quietly at noon."))


def test_the_option_parses_fewer_sentences_and_keeps_the_event() -> None:
    text = ("Chile's foreign minister met the Peruvian ambassador in Santiago on Monday.\n\n"
            "The ministry had long hoped for a calm week in the capital.")
    article = Article("needs", text, dt.date(2024, 3, 4))
    default = Pipeline().process_one(article)
    strict = Pipeline(Options(trigger_needs=True)).process_one(article)
    assert default.parsed == 2 and strict.parsed == 1  # "had" without a meeting word is no trigger
    assert [e.cameo.code for e in strict.events] == [e.cameo.code for e in default.events]
    assert any(e.cameo.root == "04" for e in strict.events)
