"""The attribute ruler's indexed matcher (tidings.nlp.attributes) finds exactly the Matcher's matches."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tidings.nlp.attributes import IndexedMatcher, Unsupported, compile_pattern
from tidings.nlp.model import parser

DEMO = Path(__file__).resolve().parents[1] / "demo"

# Written for this test: the ruler's rarer rules (contractions, "y'all", "gonna", "ain't", "let's", pronoun
# cases by dependency, "there is", auxiliaries, "that" as a pronoun) and runs of whitespace.
OWN = [
    "Y'all ain't gonna believe it, but the harbour board got ta vote again and let's say it did.",
    "I told you it was late; you gave it to me anyway, and they'd have done it too.",
    "There's a ferry at noon, there are two at dusk, and that is all the timetable says.",
    "The mayor doesn't think so , although the council has voted   and will vote again.\n\nC'mon , wait.",
    "Does the ministry have a plan? It does, whether or not the auditors had seen it, since May.",
    "Which of those did the court reject? That one, because it hadn't been signed.",
    "  \n  A line of spaces,\tthen tabs\t\tand a list: one; two - three...  ",
]


def _texts() -> list[str]:
    texts = list(OWN)
    for line in (DEMO / "wire.jsonl").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        texts.append(text)
        texts.extend(p for p in text.split("\n\n") if p.strip())
    return texts


def _tagged(nlp: Any, text: str) -> Any:
    """The Doc as the attribute ruler sees it in the pipeline: tokenised, tagged and parsed."""
    doc = nlp.make_doc(text)
    for name in ("tok2vec", "tagger", "parser"):
        doc = nlp.get_pipe(name)(doc)
    return doc


def test_the_parser_uses_the_indexed_matcher() -> None:
    assert isinstance(parser().get_pipe("attribute_ruler").matcher, IndexedMatcher)


def test_same_matches_as_spacy_on_own_texts() -> None:
    nlp = parser()
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = ruler.matcher
    spacy_matcher = indexed._matcher
    total = 0
    for text in _texts():
        for doc in (_tagged(nlp, text), nlp.make_doc(text)):  # parsed, and with no tag or dependency at all
            expected = sorted(spacy_matcher(doc, allow_missing=True))
            assert sorted(indexed(doc, allow_missing=True)) == expected, text
            total += len(expected)
    assert total > 1000


def test_same_annotations_as_spacy() -> None:
    nlp = parser()
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = ruler.matcher
    for text in OWN:
        fast = nlp(text)
        ruler.matcher = indexed._matcher
        try:
            slow = nlp(text)
        finally:
            ruler.matcher = indexed
        assert [(t.tag_, t.pos_, t.dep_, t.lemma_, str(t.morph)) for t in fast] == \
            [(t.tag_, t.pos_, t.dep_, t.lemma_, str(t.morph)) for t in slow]


@pytest.mark.parametrize("pattern", [
    [{"LOWER": "a", "OP": "?"}],
    [{"LEMMA": "be"}],
    [{"LOWER": {"FUZZY": "harbour"}}],
    [],
])
def test_patterns_outside_the_subset_are_refused(pattern: list[dict[str, Any]]) -> None:
    with pytest.raises(Unsupported):
        compile_pattern(1, pattern, parser().vocab.strings)
