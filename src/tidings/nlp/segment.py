"""Sentences of a cleaned article, and the choice of which ones to parse.

Parsing is the expensive step, so each sentence is first split and tokenised cheaply; only a sentence that
holds an event trigger word (any inflected form in the lexicon) and something that can be an actor (a known
name, a role word or a capitalised word) goes to the parser. The parser reads the tokens the segmenter made
(:func:`as_doc`) instead of tokenising the sentence again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tidings.nlp.model import parser, segmenter


@dataclass(slots=True)
class Sentence:
    index: int  # position in the article
    paragraph: int
    start: int  # character offsets in the cleaned text
    end: int
    text: str
    words: list[str]  # token texts, as written
    doc: Any = None  # parsed spaCy Doc of this sentence alone (offset 0 == self.start), when parsed
    mentions: list[Any] = field(default_factory=list)  # known-name matches (start, end, Actor) over words
    tokens: Any = None  # the segmenter's tokens of the sentence (a Span), until it is parsed


def split(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Sentence]:
    """Split each paragraph into sentences; paragraphs are hard boundaries."""
    nlp = segmenter()
    out: list[Sentence] = []
    spans = [(s, e) for s, e in paragraphs if text[s:e].strip()]
    for p_index, ((p_start, _p_end), doc) in enumerate(
        zip(spans, nlp.pipe(text[s:e] for s, e in spans), strict=True)
    ):
        for sent in doc.sents:
            words = [t.text for t in sent if not t.is_space]
            if not words:
                continue
            lead = len(sent.text) - len(sent.text.lstrip())
            body = sent.text.strip()
            start = p_start + sent.start_char + lead
            out.append(Sentence(len(out), p_index, start, start + len(body), body, words,
                                tokens=_trimmed(sent)))
    return out


def _trimmed(span: Any) -> Any:
    """``span`` without the whitespace tokens at its ends (the words of the stripped sentence text)."""
    first, last = span.start, span.end
    while first < last and span.doc[first].is_space:
        first += 1
    while last > first and span.doc[last - 1].is_space:
        last -= 1
    return span.doc[first:last]


def as_doc(sent: Sentence) -> Any:
    """The sentence as a Doc of the segmenter's tokens (their text, spacing and norms), ready for the parser's
    components; the sentence text itself when those tokens are not at hand or do not spell it."""
    from spacy.tokens import Doc

    span = sent.tokens
    if span is None or not len(span):
        return sent.text
    spaces = [bool(t.whitespace_) for t in span]
    spaces[-1] = False
    doc = Doc(span.doc.vocab, words=[t.text for t in span], spaces=spaces)
    if doc.text != sent.text:
        return sent.text
    for new, old in zip(doc, span, strict=True):
        if new.norm_ != old.norm_:
            new.norm_ = old.norm_  # a tokenizer exception's norm ("n't" -> "not")
    return doc


PARSE_BATCH_WORDS = 4_000
"""Most words the parser is given in one batch: its working memory grows with a batch's words, so a batch
of long sentences (a list flattened into one line, a hostile document) is cut short instead of taking
gigabytes; a single longer sentence goes alone."""


def parse(sentences: Iterable[Sentence], batch_size: int = 64) -> None:
    """Run the full pipeline over the given sentences and attach the Doc to each, in batches of at most
    ``batch_size`` sentences and :data:`PARSE_BATCH_WORDS` words (the same Docs as one stream); the
    segmenter's tokens are reused, not made twice."""
    for group in _batches(list(sentences), batch_size):
        docs = parser().pipe((as_doc(s) for s in group), batch_size=len(group))
        for sent, doc in zip(group, docs, strict=True):
            sent.doc = doc
            sent.tokens = None  # the segmenter's tokens are let go once parsed


def _batches(todo: list[Sentence], size: int) -> Iterable[list[Sentence]]:
    group: list[Sentence] = []
    words = 0
    for sent in todo:
        if group and (len(group) >= size or words + len(sent.words) > PARSE_BATCH_WORDS):
            yield group
            group, words = [], 0
        group.append(sent)
        words += len(sent.words)
    if group:
        yield group
