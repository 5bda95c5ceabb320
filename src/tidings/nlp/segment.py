"""Sentences of a cleaned article, and the choice of which ones to parse.

Parsing is the expensive step, so each sentence is first split and tokenised cheaply; only a sentence that
holds an event trigger word (any inflected form in the lexicon) and something that can be an actor (a known
name, a role word or a capitalised word) goes to the parser.
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
            out.append(Sentence(len(out), p_index, start, start + len(body), body, words))
    return out


PARSE_BATCH_WORDS = 4_000
"""Most words the parser is given in one batch: its working memory grows with a batch's words, so a batch
of long sentences (a list flattened into one line, a hostile document) is cut short instead of taking
gigabytes; a single longer sentence goes alone."""


def parse(sentences: Iterable[Sentence], batch_size: int = 64) -> None:
    """Run the full pipeline over the given sentences and attach the Doc to each, in batches of at most
    ``batch_size`` sentences and :data:`PARSE_BATCH_WORDS` words (the same Docs as one stream)."""
    for group in _batches(list(sentences), batch_size):
        docs = parser().pipe((s.text for s in group), batch_size=len(group))
        for sent, doc in zip(group, docs, strict=True):
            sent.doc = doc


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
