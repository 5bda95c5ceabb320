"""Claims and sightings of one article, reusing the pipeline's cleaning, parsing and actor resolution.

The pipeline parses only sentences that may hold an event; claims need a few more ("The envoy has not
appeared in public for weeks" has no event trigger), so a sentence is also parsed when it holds a claim cue
word (:data:`tidings.claims.cues.CUE_FORMS`). Sentences are then read in order with the article's
:class:`~tidings.events.discourse.Discourse`, so that "he" and "Kim" resolve to the person named before.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Span, Token

from tidings.claims import cues as C
from tidings.claims.extract import extract_claims
from tidings.claims.records import SIGHTING_FACTUALITY, Appearance, Claim, appearances
from tidings.dates import DateResolver
from tidings.events.coder import SentenceCoder
from tidings.events.discourse import Discourse
from tidings.nlp.segment import Sentence, parse
from tidings.record import Actor, Article

__all__ = ["SIGHTING_FACTUALITY", "Appearance", "appearances", "claims_for_article", "claims_for_prepared",
           "needs_parse"]


def needs_parse(sent: Sentence) -> bool:
    """True when an unparsed sentence holds a claim cue word."""
    return any(w.lower() in C.CUE_FORMS for w in sent.words)


def claims_for_article(pipeline: Any, article: Article) -> list[Claim]:
    """The claims of one article (raises :class:`~tidings.errors.InputError` like ``Pipeline.extract``).

    Hook for the pipeline: ``claims_for_prepared(pipeline, prepared)`` does the same on an already
    prepared (and partly parsed) article.
    """
    prepared = pipeline.prepare(article)
    parse(prepared.todo)
    return claims_for_prepared(pipeline, prepared)


def claims_for_prepared(pipeline: Any, prepared: Any) -> list[Claim]:
    """Claims of a prepared article (``Pipeline.prepare``); parses the cue sentences not yet parsed."""
    article: Article = prepared.article
    sentences: list[Sentence] = prepared.sentences
    parse(s for s in sentences if s.doc is None and needs_parse(s))
    published = article.published or pipeline.options.published
    discourse = Discourse(is_person=pipeline._is_person, country_names=pipeline.kb.countries)
    dates = DateResolver(published)
    claims: list[Claim] = []
    for sent in sentences:
        if sent.doc is None:
            for _, _, actor in sent.mentions:
                discourse.add(actor)
            continue
        coder = SentenceCoder(pipeline.lexicon, pipeline._resolve_words, published, discourse,
                              pipeline._role_word, pipeline._place_country)
        coder.code(sent.doc)  # resolves the sentence's actors (fed to the discourse below), as the pipeline

        def person(tok: Token, coder: SentenceCoder = coder) -> Actor | None:
            for ref in coder.actors(tok):
                if pipeline._is_person(ref.actor):
                    return ref.actor
            return None

        def source(span: Span, coder: SentenceCoder = coder) -> tuple[str | None, str | None]:
            actor = pipeline.kb.resolve([t.text for t in span], published)
            if actor is None:
                refs = coder.actors(span.root)
                actor = refs[0].actor if refs else None
            return (actor.name, actor.code) if actor else (None, None)

        context = tuple(s.doc[:] for s in sentences[max(0, sent.index - 2):sent.index]
                        if s.doc is not None and s.paragraph == sent.paragraph)
        claims += extract_claims(sent.doc, sent.start, resolve_subject=person, published=published,
                                 dates=dates, doc_id=article.id, sentence=sent.index, resolve_source=source,
                                 context=context)
        for _, _, actor in sent.mentions:
            discourse.add(actor)
        for ref in coder.mentioned():
            discourse.add(ref.actor)
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
