"""Claims and sightings of one article, read from the article's mentions.

The pipeline parses the sentences that may hold an event and those that hold a claim cue word
(:data:`tidings.claims.cues.CUE_FORMS`: "He was not seen during the celebrations" has no event trigger), and
its mentions stage resolves who every phrase and pronoun is, once, in reading order. Claims read those
mentions: the subject of a claim is the person its clause's subject phrase resolves to there, with the
unknown-person block and the in-article precedence of names that the events see too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from tidings.claims import cues as C
from tidings.claims.extract import extract_claims
from tidings.claims.records import SIGHTING_FACTUALITY, Appearance, Claim, appearances
from tidings.dates import DateResolver
from tidings.nlp.segment import Sentence
from tidings.record import Actor, Article

if TYPE_CHECKING:
    from tidings.mentions.stage import ArticleMentions
    from tidings.pipeline import Pipeline
    from tidings.resources import Resources

__all__ = ["SIGHTING_FACTUALITY", "Appearance", "appearances", "claims_for_article", "claims_for_prepared",
           "needs_parse"]


def needs_parse(sent: Sentence) -> bool:
    """True when an unparsed sentence holds a claim cue word."""
    return any(w.lower() in C.CUE_FORMS for w in sent.words)


def claims_for_article(pipeline: Pipeline, article: Article) -> list[Claim]:
    """The claims of one article (raises :class:`~tidings.errors.InputError` like ``Pipeline.extract``)."""
    result = pipeline.process_one(article, claims=True)
    return result.claims


def claims_for_prepared(sentences: list[Sentence], mentions: ArticleMentions, res: Resources,
                        article: Article, published: dt.date | None) -> list[Claim]:
    """Claims of an article whose sentences are parsed and whose mentions are resolved."""
    dates = DateResolver(published)
    claims: list[Claim] = []
    for sent in sentences:
        resolver = mentions.resolver(sent.index)
        if sent.doc is None or resolver is None:
            continue
        index = sent.index

        def person(tok: Token, index: int = index) -> Actor | None:
            coder = mentions.resolver(index)  # the mention resolver of the sentence (answers are cached)
            if coder is None:
                return None
            return next((r.actor for r in coder.actors(tok) if coder.discourse.is_person(r.actor)), None)

        def source(span: Span, index: int = index) -> tuple[str | None, str | None]:
            actor = res.kb.resolve([t.text for t in span], published)
            coder = mentions.resolver(index)
            if actor is None and coder is not None:
                refs = coder.actors(span.root)
                actor = refs[0].actor if refs else None
            return (actor.name, actor.code) if actor else (None, None)

        context = tuple(s.doc[:] for s in sentences[max(0, sent.index - 2):sent.index]
                        if s.doc is not None and s.paragraph == sent.paragraph)
        claims += extract_claims(sent.doc, sent.start, resolve_subject=person, published=published,
                                 dates=dates, doc_id=article.id, sentence=sent.index, resolve_source=source,
                                 context=context)
    return _borrow_dates(claims, sentences)


def _borrow_dates(claims: list[Claim], sentences: list[Sentence]) -> list[Claim]:
    """A dateless sighting in the paragraph of a dated sighting of the same person is taken to be that
    sighting told again ("He was seen on May 2 ... he suddenly appeared")."""
    paragraph = {s.index: s.paragraph for s in sentences}
    out: list[Claim] = []
    for claim in claims:
        if claim.type == "appearance" and claim.refers_to is None:
            dated = [c for c in claims if c.type == "appearance" and c.date_basis == "text" and
                     c.subject.code == claim.subject.code and c.subject.name == claim.subject.name and
                     paragraph.get(c.sentence) == paragraph.get(claim.sentence) and
                     c.sentence < claim.sentence]
            if dated:
                last = dated[-1]
                claim = replace(claim, refers_to=last.refers_to, precision=last.precision,
                                date_basis="context")
        out.append(claim)
    return out
