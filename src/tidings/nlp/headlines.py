"""Headline arcs the small English parser gets wrong, repaired after parsing.

Headlines drop articles and auxiliaries and put the verb in the present tense ("Ruritania expels envoy"). The
small model often reads such a line as a verb without a subject: the subject becomes a modifier of the verb
(``amod``, ``nmod``, ``compound``) and the object a bare noun phrase adverbial (``npadvmod``). This component
gives such a verb its subject and object back, and only then: a line that ends like a sentence, a verb with a
subject, or a line longer than a headline is left as the parser gave it.
"""

from __future__ import annotations

from typing import Any

HEADLINE_WORDS = 20
"""Most tokens of a line read as a headline."""

_SENTENCE_END = frozenset({".", "!", "?", '"', "'", "\u201d"})
_VERB_TAGS = frozenset({"VBZ", "VBD", "VBP"})
_LEFT_DEPS = frozenset({"amod", "nmod", "compound", "npadvmod"})
_NOMINAL_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS", "JJ"})


def repair_headline(doc: Any) -> Any:
    """The Doc, with the subject and object of a subjectless headline verb restored."""
    if not _headline(doc):
        return doc
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ not in _VERB_TAGS or root.i == 0:
        return doc
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in root.children):
        return doc
    left = [c for c in root.lefts if c.dep_ in _LEFT_DEPS and c.tag_ in _NOMINAL_TAGS]
    if not left or left[-1].i != root.i - 1:
        return doc
    subject = left[-1]
    subject.dep_ = "nsubj"
    for word in left[:-1]:
        word.head = subject
        word.dep_ = "compound"
    if not any(c.dep_ == "dobj" for c in root.children):
        obj = next((c for c in root.rights if c.dep_ == "npadvmod" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None:
            obj.dep_ = "dobj"
    return doc


def _headline(doc: Any) -> bool:
    words = [t for t in doc if not t.is_space]
    return bool(words) and len(words) <= HEADLINE_WORDS and words[-1].text not in _SENTENCE_END and \
        words[0].text[:1].isupper()
