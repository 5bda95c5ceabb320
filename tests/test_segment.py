"""The parser reads the segmenter's tokens (tidings.nlp.segment.as_doc): the same annotations as parsing the
sentence text, without tokenising it twice."""

from __future__ import annotations

from typing import Any

import pytest

from tidings.nlp.model import parser
from tidings.nlp.segment import as_doc, parse, split

PARAGRAPHS = [
    "Ministers in Valdoria don't expect the talks to resume. The envoy, Mr. Arlo Penn, left for Tarsa on "
    "Monday.",
    "Rebels  shelled the\nport of Ostrin overnight; two U.S.-made drones were downed.",
    "\u201cWe won't sign,\u201d said the foreign minister of Kestria.",
]


def _signature(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.whitespace_, t.norm_, t.tag_, t.dep_, str(t.head.i), t.lemma_, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture()
def sentences() -> list[Any]:
    text = "\n\n".join(PARAGRAPHS)
    paragraphs, start = [], 0
    for para in PARAGRAPHS:
        paragraphs.append((start, start + len(para)))
        start += len(para) + 2
    return split(text, paragraphs)


def test_the_segmenters_tokens_spell_each_sentence(sentences: list[Any]) -> None:
    assert len(sentences) >= 4
    for sent in sentences:
        doc = as_doc(sent)
        assert not isinstance(doc, str)
        assert doc.text == sent.text


def test_parsing_the_tokens_annotates_as_parsing_the_text(sentences: list[Any]) -> None:
    texts = [s.text for s in sentences]
    parse(sentences)
    for sent, text in zip(sentences, texts, strict=True):
        assert _signature(sent.doc) == _signature(parser()(text)), text
        assert sent.tokens is None  # the paragraph's tokens are let go once the sentence is parsed


def test_a_tokenizer_exception_keeps_its_norm(sentences: list[Any]) -> None:
    doc = as_doc(sentences[0])
    assert [t.norm_ for t in doc if t.text == "n't"] == ["not"]
