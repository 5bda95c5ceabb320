"""Claims and sightings of one article, read from the article's mentions.

The pipeline parses the sentences that may hold an event and those that hold a claim cue word
(:data:`tidings.claims.cues.CUE_FORMS`: "The envoy has not appeared in public for weeks" has no event
trigger), and its mentions stage resolves who every phrase and pronoun is, once, in reading order. Claims
read those mentions: the subject of a claim is the person its clause's subject phrase resolves to there,
with the unknown-person block and the in-article precedence of names that the events see too.
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
from tidings.mentions.discourse import LEADER_NOUNS, TITLE_NOUNS
from tidings.nlp.segment import Sentence
from tidings.record import Actor, Article

if TYPE_CHECKING:
    from collections.abc import Callable

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
                        article: Article, published: dt.date | None,
                        check: Callable[[], None] | None = None) -> list[Claim]:
    """Claims of an article whose sentences are parsed and whose mentions are resolved. ``check`` is called
    before every sentence (the article's time budget: :meth:`tidings.validate.Budget.check` raises when it
    is used up)."""
    dates = DateResolver(published)
    claims: list[Claim] = []
    for sent in sentences:
        if check is not None:
            check()
        resolver = mentions.resolver(sent.index)
        if sent.doc is None or resolver is None:
            continue
        index = sent.index

        def person(tok: Token, index: int = index) -> Actor | None:
            coder = mentions.resolver(index)  # the mention resolver of the sentence (answers are cached)
            if coder is None or not _names_the_subject(tok, res):
                return None
            found = [r.actor for r in coder.actors(tok) if coder.discourse.is_person(r.actor)]
            if tok.pos_ != "PRON" and tok.text[:1].isupper():
                own = _own_name(tok, res, published)
                found = [a for a in found if own and own <= set(a.name.lower().replace("-", " ").split())]
            return found[0] if found else None

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


def _own_name(tok: Token, res: Resources, published: dt.date | None) -> set[str]:
    """The words of the name a subject phrase spells out: the head and its compounds, less titles, forms of
    address, role words and places ("London mayor Sadiq Khan" -> {sadiq, khan}). A person whose name does not
    hold them all is a namesake ("Sarah May" is not Theresa May)."""
    words = [tok, *(t for t in tok.lefts if t.dep_ in ("compound", "flat"))]
    out: set[str] = set()
    for word in words:
        low = word.lower_.rstrip(".")
        if word.i != tok.i and not (word.text[:1].isupper() and word.text.replace("'", "").isalpha()):
            continue  # "President-elect": a lower-case part of a title, a hyphen
        if res.kb.sector_of(low) is not None or low in res.kb.address or low in TITLE_NOUNS:
            continue
        if word.i != tok.i:
            alone = res.kb.resolve([word.text], published)
            if alone is not None and not res.is_person(alone):
                continue  # a place or an organisation before the name
        out.add(low.replace("-", " ").split()[-1] if "-" in low else low)
    return out


def _names_the_subject(tok: Token, res: Resources) -> bool:
    """A claim is about the person its subject phrase names: a name, a pronoun, or a word for a person or a
    position ("the leader"). A person named only inside a modifier ("a Trump Tower clock") or an apposition
    ("X, a supporter of Y") is not the subject, nor is anyone the knowledge base matched on a namesake
    the phrase does not spell out (checked by the caller for names)."""
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ == "PERSON" or tok.text[:1].isupper():
        return True
    lemma = tok.lemma_.lower()
    return res.kb.sector_of(lemma) is not None or lemma in TITLE_NOUNS or lemma in LEADER_NOUNS


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
