"""Who says an event happened, and how firmly: the attribution and factuality of one event trigger.

:func:`assess` takes the trigger token of an event in a parsed sentence and walks up the dependency tree
from it, clause by clause, until it reaches the sentence root or the nearest *source predicate* (a speech,
cognition or report verb whose complement holds the event, "according to X", or a report noun such as
"reports that ..."). On the way it collects factuality cues (negation, modals, hedges, rumour words,
conditionals, intent verbs), each allowed to reach the event only across the dependency edges where it
really scopes over it (see ``_Scope``).

Label priority (the first that has a cue wins):

1. ``hypothetical`` from a *conditional* ("if", "unless", "whether"; the main clause of an "if" clause)
2. ``negated`` ("not", "never", "no one", "failed to", "refused to", "denied that", "without")
3. ``rumoured`` ("rumours that", "it is rumoured", "speculated", "unconfirmed reports")
4. ``hedged`` ("reportedly", "allegedly", "may", "might", "could", "is believed to", "suspected")
5. ``hypothetical`` from *future or intent* ("will", "would", "plans to", "is expected to", purpose "to")
6. ``reported`` (a source predicate or "according to" governs the event)
7. ``asserted`` (none of the above: the article's own voice)

A conditional outranks negation because "if they do not attack" describes no real event at all; a
possibility modal outranks future because "could attack next week" is weaker than "will attack"; both
follow the ordering of the MEANTIME annotation (certainty before time).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.attribution import cues as C
from tidings.record import Attribution

ResolveFn = Callable[[Span], tuple[str | None, str | None]]
"""Maps a source phrase to ``(canonical name, actor code)``; may return ``(None, None)``."""

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
CLAUSE_POS = frozenset({"VERB", "AUX"})
MAX_APPOSITION = 8
MAX_SOURCE_TOKENS = 14


@dataclass(frozen=True, slots=True)
class Assessment:
    """The attribution and factuality of one event, with the words that decided them."""

    attribution: Attribution | None
    factuality: str
    cues: tuple[str, ...]
    source_span: tuple[int, int] | None  # token indices [start, end) in the Doc of the source phrase


class _Scope(enum.IntEnum):
    """How much of a governing clause's meaning reaches the event, weakest last.

    An infinitive complement shares everything with its governor ("did not try to flee"); a subject
    noun shares all but negation ("the talks did not start" says nothing of whether there were talks);
    an adverbial clause or a prepositional object only shares future and conditional framing ("they
    will leave after the vote" vs "they did not die in the attack"); a relative clause shares nothing.
    """

    OUT = 0
    FUTURE = 1
    NONEG = 2
    FULL = 3


# Internal signal kinds in priority order; "conditional" and "future" both become "hypothetical".
_PRIORITY: tuple[str, ...] = ("conditional", "negated", "rumoured", "hedged", "future", "reported")
_LABEL = {"conditional": "hypothetical", "future": "hypothetical"}
_ALLOWED: dict[_Scope, frozenset[str]] = {
    _Scope.OUT: frozenset(),
    _Scope.FUTURE: frozenset({"conditional", "future"}),
    _Scope.NONEG: frozenset({"conditional", "rumoured", "hedged", "future"}),
    _Scope.FULL: frozenset({"conditional", "negated", "rumoured", "hedged", "future"}),
}


@dataclass(frozen=True, slots=True)
class _Source:
    cue: str  # lemma or phrase
    kind: str  # signal kind implied by the predicate: reported/hedged/rumoured/future/negated
    span: Span | None  # None: unnamed ("it was reported")
    cue_word: str


_Step = tuple[_Scope, _Source | None]  # the scope above an edge, and the source it ends in (if any)
_Add = Callable[[str, str], None]


def assess(trigger: Token, *, resolve: ResolveFn | None = None, context: Sequence[Span] = ()) -> Assessment:
    """Attribution and factuality of the event whose trigger is ``trigger``.

    ``resolve`` maps the source phrase to a canonical name and actor code. ``context`` holds the
    preceding sentences of the paragraph: when the event's own sentence names no source and the sentence
    just before it is a bare reporting lead ending in a colon ("KCNA said on Saturday:"), that lead is
    the source.
    """
    signals: list[tuple[str, str]] = []
    source = _walk(trigger, signals)
    if source is None and context:
        source = _lead_source(context[-1])
    if source is not None:
        signals.append((source.kind, source.cue_word))
    kinds = {kind for kind, _ in signals}
    winner = next((kind for kind in _PRIORITY if kind in kinds), None)
    factuality = _LABEL.get(winner, winner) if winner else "asserted"
    cue_words = tuple(dict.fromkeys(word for kind, word in signals if kind == winner))
    attribution = None
    span = None
    if source is not None:
        attribution = _attribution(source, resolve)
        if source.span is not None and source.span.doc is trigger.doc:
            span = (source.span.start, source.span.end)
    return Assessment(attribution=attribution, factuality=factuality, cues=cue_words, source_span=span)


# --- The walk ----------------------------------------------------------------------------------------


def _walk(trigger: Token, signals: list[tuple[str, str]]) -> _Source | None:
    """Climb from the trigger; append factuality signals; return the nearest source, if any."""
    node = trigger
    came_from: Token | None = None
    scope = _Scope.FULL
    local = True  # whether the current node's own auxiliaries/adverbs scope over the event
    local_neg = True
    while True:
        allowed = _ALLOWED[scope]
        if local:
            for kind, word in _local_cues(node, is_trigger=node.i == trigger.i):
                if kind in allowed and (kind != "negated" or local_neg):
                    signals.append((kind, word))
        found = _according_to(node) or _parenthetical_source(node, came_from)
        if found is not None:
            return found
        if node.head.i == node.i:
            return None
        head, rel = node.head, node.dep_
        local, local_neg = True, True
        edge_scope, source = _edge(node, head, rel, signals, allowed)
        if source is not None:
            return source
        if rel == "conj":
            if any(c.dep_ in SUBJECT_DEPS for c in node.children) or _has_own_aux(node):
                local = False
            elif any(c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in node.children) or any(
                c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in head.children if c.i < node.i
            ):
                local_neg = False
        scope = min(scope, edge_scope)
        came_from, node = node, head


def _edge(node: Token, head: Token, rel: str, signals: list[tuple[str, str]],
          allowed: frozenset[str]) -> _Step:
    """Signals the governor adds across one edge, the scope above it, and a source if the edge ends in one."""

    def add(kind: str, word: str) -> None:
        if kind in allowed:
            signals.append((kind, word))

    lemma = head.lemma_.lower()
    is_clause = node.pos_ in CLAUSE_POS or node.tag_.startswith("VB")
    if rel in {"ccomp", "parataxis", "csubj", "csubjpass"} or (rel == "advcl" and _is_bare_report(head)):
        return _complement(node, head, add)
    if rel == "conj":
        return _Scope.FULL, None
    if rel == "xcomp":
        return _xcomp(node, head, add)
    if rel in {"advcl"}:
        if _is_infinitive(node) and not any(c.dep_ == "mark" for c in node.children) and (
                lemma not in C.CHANGE_VERBS):
            add("future", "to")  # purpose: "went there to negotiate"; headline "Apple to release ..."
        return _Scope.FUTURE, None
    if rel in {"acl", "relcl"}:
        if head.pos_ in {"NOUN", "PROPN"} and (
            _is_infinitive(node) or any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)
        ):
            return _noun_complement(node, head, add)
        return _Scope.OUT, None
    if rel == "pcomp" or rel == "pobj":
        return _prepositional(node, head, add)
    if not is_clause:
        return _argument(node, head, rel, add)
    return _Scope.FUTURE, None


def _complement(node: Token, head: Token, add: _Add) -> _Step:
    """A clause that complements its governor: a report's source, or the frame of a noun or adjective."""
    if head.pos_ in CLAUSE_POS or head.tag_.startswith("VB"):
        source = _verb_source(head)
        if source is not None:
            return _Scope.OUT, source
        _predicate_adjective(head, add)
        return (_Scope.FUTURE, None)
    if head.pos_ in {"NOUN", "PROPN"}:
        return _noun_complement(node, head, add)
    if head.pos_ == "ADJ":
        _adjective_governor(head, add, infinitive=False)
        return _Scope.FUTURE, None
    return _Scope.FUTURE, None


def _argument(node: Token, head: Token, rel: str, add: _Add) -> _Step:
    """An event noun as an argument of its governor (object, subject, attribute ...)."""
    lemma = head.lemma_.lower()
    if rel in {"dobj", "nsubjpass", "attr", "oprd", "appos", "dative"}:
        if head.lemma_.lower() in C.SOURCE_VERBS and rel in {"dobj", "nsubjpass"} and (
            lemma in C.REPORT_VERBS - {"add", "see", "hear", "find", "show", "know", "learn"}
        ):
            source = _verb_source(head)
            if source is not None:
                return _Scope.OUT, source
        if rel in {"attr", "oprd"}:
            return _Scope.FULL, None  # "there was no attack", "talks will be the next step"
        framed = rel in {"dobj", "nsubjpass"} and _object_governor(node, head, add)
        if framed or (rel in {"dobj", "nsubjpass"} and lemma in C.SUPPORT_VERBS):
            return _Scope.FULL, None  # "held talks", "planned an attack", "cancelled the visit"
        # an object shares only the time of its verb: "will provide assistance" (future), but "did not
        # cut jobs" does not negate the jobs
        return (_Scope.FUTURE if rel in {"dobj", "nsubjpass"} else _Scope.OUT), None
    if rel == "nsubj":
        # "the talks will take place", "the attack did not happen"; otherwise only the time is shared
        return (_Scope.FULL if lemma in C.OCCURRENCE_VERBS else _Scope.FUTURE), None
    return _Scope.OUT, None


def _xcomp(node: Token, head: Token, add: _Add) -> _Step:
    lemma = head.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in head.children) or (head.tag_ == "VBN" and any(
        c.dep_ == "nsubjpass" for c in head.children))
    if head.pos_ == "ADJ":
        _adjective_governor(head, add, infinitive=_is_infinitive(node))
        return _Scope.FULL, None
    if passive and lemma in C.PASSIVE_HEDGE_VERBS:
        kind = "rumoured" if lemma in C.RUMOUR_VERBS else "hedged"
        return _Scope.OUT, _Source(cue=lemma, kind=kind, span=_agent_span(head), cue_word=head.text)
    if lemma in {"claim", "allege", "purport", "profess"}:
        source = _verb_source(head)
        if source is not None:
            return _Scope.OUT, source
    if lemma in C.HEDGE_RAISING_VERBS:
        add("hedged", head.text)
    elif lemma in C.NEGATIVE_GOVERNORS and _particle_ok(head):
        add("negated", head.text)
    elif lemma == "go" and head.tag_ == "VBG" and _is_infinitive(node):
        add("future", "going to")
    elif lemma == "be" and _is_infinitive(node):
        add("future", "to")  # "the minister is to visit Seoul"
    elif lemma in C.IMPLICATIVE_GOVERNORS | C.CHANGE_VERBS or (lemma == "have" and head.tag_ == "VBD"):
        pass  # "managed to escape"; "fell 3 % to close at"; "had to be postponed" (it was)
    elif lemma in C.INTENT_GOVERNORS or (passive and lemma in C.INTENT_ADJECTIVES):
        add("future", head.text)
    elif _is_infinitive(node) and not _is_perfect(node):
        add("future", "to")
    return _Scope.FULL, None


def _prepositional(node: Token, prep: Token, add: _Add) -> _Step:
    """An event under a preposition: "without warning", "from leaving", "plans for an attack"."""
    word = prep.lower_
    gov = prep.head
    gov_lemma = gov.lemma_.lower()
    if word in C.NEGATIVE_PREPOSITIONS or (word == "of" and any(
            c.lower_ == "instead" for c in (prep.head, *prep.head.children) if c.i < prep.i)):
        add("negated", word)
        return _Scope.FUTURE, None
    if word == "from" and gov_lemma in C.FROM_NEGATIVE_GOVERNORS:
        add("negated", gov.text)
        return _Scope.FULL, None
    if word in {"for", "of", "on"} and gov.pos_ in {"NOUN", "PROPN"} and gov_lemma in C.INTENT_NOUNS:
        add("future", gov.text)  # "plans for an attack", "the threat of war"
        return _Scope.FULL, None
    if word == "for" and gov_lemma in C.INTENT_GOVERNORS:
        add("future", gov.text)  # "called for talks"
        return _Scope.FULL, None
    return _Scope.FUTURE, None  # "were not killed in the attack" does not negate the attack


def _noun_complement(node: Token, noun: Token, add: _Add) -> _Step:
    """A clause complementing a noun: "reports that ...", "rumours that ...", "plans to ..."."""
    lemma = noun.lemma_.lower()
    kind = None
    if lemma in C.RUMOUR_NOUNS:
        kind = "rumoured"
    elif lemma in C.DENY_NOUNS:
        kind = "negated"
    elif lemma in C.ALLEGE_NOUNS:
        kind = "hedged"
    elif lemma in C.REPORT_NOUNS and not _is_infinitive(node):
        kind = "reported"
    if kind is not None:
        if kind == "reported" and _is_rumour_phrase(noun):
            kind = "rumoured"
        span = _noun_source_span(noun, node)
        return _Scope.OUT, _Source(cue=lemma, kind=kind, span=span, cue_word=noun.text)
    if lemma in C.INTENT_NOUNS:
        add("future", noun.text)
        return _Scope.FULL, None
    if _is_infinitive(node) and not _is_perfect(node) and not any(
            c.tag_ in {"JJS", "RBS"} or c.ent_type_ == "ORDINAL" or c.lower_ in {"only", "last", "next"}
            for c in noun.children):
        add("future", "to")  # purpose: "a contract to supply tankers"; not "the first woman to lead"
        return _Scope.FULL, None
    return _Scope.OUT, None


def _object_governor(node: Token, head: Token, add: _Add) -> bool:
    """An event noun as object: "planned an attack", "cancelled the visit", "ruled out talks"."""
    lemma = head.lemma_.lower()
    if (lemma in C.NEGATIVE_GOVERNORS and _particle_ok(head)) or lemma in C.DENY_VERBS:
        add("negated", head.text)
        return True
    if lemma in C.INTENT_GOVERNORS and lemma not in C.IMPLICATIVE_GOVERNORS:
        add("future", head.text)
        return True
    return False


def _adjective_governor(adj: Token, add: _Add, *, infinitive: bool) -> None:
    word = adj.lower_
    if word in C.RUMOUR_ADJECTIVES:
        add("rumoured", word)
    elif word in C.HEDGE_ADJECTIVES:
        add("hedged", word)
    elif word in C.NEGATIVE_ADJECTIVES:
        add("negated", word)
    elif word in C.INTENT_ADJECTIVES or infinitive:
        add("future", word)


def _predicate_adjective(verb: Token, add: _Add) -> None:
    """ "It is possible that ...", "it is unclear whether ...": the adjective frames the complement."""
    for child in verb.children:
        if child.dep_ in {"acomp", "attr"} and child.pos_ == "ADJ":
            _adjective_governor(child, add, infinitive=False)


# --- Local cues --------------------------------------------------------------------------------------


def _local_cues(node: Token, *, is_trigger: bool) -> Iterable[tuple[str, str]]:
    """Cues attached directly to one clause (or event noun) on the path."""
    is_noun = node.pos_ in {"NOUN", "PROPN"} and not node.tag_.startswith("VB")
    for child in node.children:
        cue = _child_cue(node, child, is_noun=is_noun, is_trigger=is_trigger)
        if cue is not None:
            yield cue
    if node.dep_ == "ROOT" and not is_noun:
        if _is_imperative(node):
            yield "future", node.text  # a directive: "Leave the city now"
        last = node.sent[-1]
        if last.text == "?" or (last.is_punct and len(node.sent) > 1 and node.sent[-2].text == "?"):
            yield "future", "?"  # a question asserts nothing: "Will the talks resume?"
    if any(_is_modal(child) for child in node.children):
        for child in node.children:
            if child.dep_ == "advcl" and any(
                    g.dep_ == "mark" and g.lower_ in {"if", "unless"} for g in child.children):
                yield "conditional", next(g.text for g in child.children if g.dep_ == "mark")


def _is_modal(child: Token) -> bool:
    dep = child.dep_
    return (dep in {"aux", "auxpass"} and child.tag_ == "MD") or (
        dep == "aux" and child.lower_ in C.FUTURE_MODALS)


def _child_cue(node: Token, child: Token, *, is_noun: bool, is_trigger: bool) -> tuple[str, str] | None:
    """The cue one dependent of ``node`` gives, if any."""
    dep, low, lemma = child.dep_, child.lower_, child.lemma_.lower()
    if dep == "neg" or (dep == "advmod" and low in C.NEGATION_WORDS) or (
            dep == "det" and low in C.NEGATIVE_DETERMINERS and is_noun):
        return "negated", child.text
    if _is_modal(child):
        if low in C.HEDGE_MODALS or lemma in C.HEDGE_MODALS:
            return "hedged", child.text
        if low in C.FUTURE_MODALS or lemma in C.FUTURE_MODALS:
            return "future", child.text
        return None
    if dep == "advmod" and low in C.HEDGE_ADVERBS:
        return "hedged", child.text
    if dep == "mark" and low in C.CONDITIONAL_MARKERS:
        return "conditional", child.text
    if dep in SUBJECT_DEPS | {"dobj"} and not is_noun and (
        low in C.NEGATIVE_PRONOUNS
        or any(g.dep_ == "det" and g.lower_ in C.NEGATIVE_DETERMINERS for g in child.children)
    ):
        return "negated", child.text if low in C.NEGATIVE_PRONOUNS else "no"
    if dep == "amod" and is_noun:
        return _adjective_cue(low, child.text)
    if dep == "aux" and low == "to" and is_trigger and node.dep_ == "ROOT":
        return "future", "to"  # headline infinitive: "Apple to release new iPhone"
    return None


def _adjective_cue(low: str, text: str) -> tuple[str, str] | None:
    """The cue of an adjective on an event noun: "rumoured", "possible", "failed", "planned" ..."""
    if low in {"rumoured", "rumored"}:
        return "rumoured", text
    if low in C.HEDGE_ADJECTIVES:
        return "hedged", text
    if low in C.NEGATIVE_ADJECTIVES:
        return "negated", text
    if low in C.INTENT_ADJECTIVES:
        return "future", text
    return None


# --- Sources -----------------------------------------------------------------------------------------


def _verb_source(verb: Token) -> _Source | None:
    """The source of a speech/cognition verb whose complement holds the event, or None if it is none."""
    lemma = verb.lemma_.lower()
    if lemma not in C.SOURCE_VERBS:
        return None
    kind = _verb_kind(lemma)
    subject = _subject(verb)
    if subject is not None and kind in {"reported", "hedged"} and _is_rumour_phrase(subject):
        kind = "rumoured"  # "rumours say ...", "unconfirmed reports said ..."
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        span = _agent_span(verb)  # "it was reported (by AP) that ..."
    else:
        span = _phrase_span(subject) if subject is not None else None
    return _Source(cue=lemma, kind=kind, span=span, cue_word=verb.text)


def _verb_kind(lemma: str) -> str:
    if lemma in C.DENY_VERBS:
        return "negated"
    if lemma in C.RUMOUR_VERBS:
        return "rumoured"
    if lemma in C.ALLEGE_VERBS or lemma in C.BELIEF_VERBS:
        return "hedged"
    if lemma in C.PREDICT_VERBS:
        return "future"
    return "reported"


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            if child.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                return verb.head  # "the ministry, which said ..."
            return child
    if verb.dep_ == "conj":  # "... and told reporters": shared subject
        return _subject(verb.head)
    return None


def _agent_span(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return _phrase_span(pobj)
    return None


def _according_to(node: Token) -> _Source | None:
    """ "according to X" attached to this clause or noun."""
    for child in node.children:
        if child.lower_ == C.ACCORDING_TO[0] and child.dep_ in {"prep", "advcl", "advmod"}:
            for to in child.children:
                if to.lower_ == C.ACCORDING_TO[1]:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            kind = "rumoured" if _is_rumour_phrase(pobj) else "reported"
                            return _Source(cue="according to", kind=kind, span=_phrase_span(pobj),
                                           cue_word="according to")
    return None


def _is_bare_report(verb: Token) -> bool:
    """A reporting verb set off by commas with no complement of its own: "..., officials said"."""
    if verb.lemma_.lower() not in C.SOURCE_VERBS:
        return False
    if any(c.dep_ in {"ccomp", "xcomp", "csubj"} for c in verb.children):
        return False
    if any(c.dep_ == "dobj" and c.pos_ not in {"PROPN", "NOUN", "PRON"} for c in verb.children):
        return False
    left = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > verb.sent.start else None
    if left is not None and left.is_punct:
        return True
    return any(c.dep_ == "punct" and c.i < verb.i for c in verb.children)


def _parenthetical_source(node: Token, came_from: Token | None) -> _Source | None:
    """A reporting clause hanging off the event's clause: "X attacked, reported AP", "X, KCNA said, ..."."""
    if node.pos_ not in CLAUSE_POS and not node.tag_.startswith("VB"):
        return None
    skip = came_from.i if came_from is not None else -1
    for child in node.children:
        if child.i == skip or child.dep_ not in {"parataxis", "conj", "advcl", "dep"}:
            continue
        if child.i < node.i and child.dep_ != "parataxis":
            continue
        if not _is_bare_report(child):
            continue
        subject = _subject(child) if any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children) else None
        if subject is None:  # inverted: "..., reported AP" (parsed as a direct object)
            subject = next((c for c in child.children if c.dep_ in {"dobj", "attr", "npadvmod"}
                            and c.i > child.i and c.pos_ in {"PROPN", "NOUN"}), None)
        if subject is None and child.dep_ == "conj":
            continue  # a second action of the same subject ("attacked and reported ...")
        lemma = child.lemma_.lower()
        kind = _verb_kind(lemma)
        if subject is not None and subject.lemma_.lower() in C.RUMOUR_NOUNS:
            kind = "rumoured"
        span = _phrase_span(subject) if subject is not None else None
        return _Source(cue=lemma, kind=kind, span=span, cue_word=child.text)
    return None


def _lead_source(sentence: Span) -> _Source | None:
    """A preceding sentence that is a bare lead ("KCNA said on Saturday:")."""
    tokens = [t for t in sentence if not t.is_space]
    if not tokens or tokens[-1].text not in {":"}:
        return None
    root = sentence.root
    if root.lemma_.lower() not in C.SOURCE_VERBS or any(c.dep_ in {"ccomp", "xcomp"} for c in root.children):
        return None
    subject = _subject(root)
    span = _phrase_span(subject) if subject is not None else None
    lemma = root.lemma_.lower()
    return _Source(cue=lemma, kind=_verb_kind(lemma), span=span, cue_word=root.text)


def _noun_source_span(noun: Token, clause: Token) -> Span | None:
    """ "KCNA's report that ..." -> KCNA; "reports that ..." -> reports (minus the clause)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return _phrase_span(child)
    start = noun.left_edge.i
    end = clause.left_edge.i if clause.i > noun.i else noun.i + 1
    return _trim(noun.doc, start, max(end, noun.i + 1))


def _phrase_span(head: Token) -> Span | None:
    """The source phrase headed by ``head``: its subtree without relative clauses or long appositions."""
    drop: set[int] = set()
    for child in head.children:
        long_appos = child.dep_ == "appos" and len(list(child.subtree)) > MAX_APPOSITION
        if (child.dep_ in {"relcl", "acl", "advcl", "prep"} and child.i > head.i and (
                child.dep_ != "prep" or child.lower_ not in {"of", "from", "at", "in", "for"})) or long_appos:
            drop.update(t.i for t in child.subtree)
    kept = [t.i for t in head.subtree if t.i not in drop]
    if not kept:
        return None
    start, end = min(kept), max(kept) + 1
    # the kept tokens must be contiguous from the left edge: cut at the first dropped token after the head
    for i in range(head.i, end):
        if i in drop:
            end = i
            break
    if end - start > MAX_SOURCE_TOKENS:
        start = min(t.i for t in head.lefts) if list(head.lefts) else head.i
        start = max(start, head.left_edge.i)
        end = head.i + 1
    return _trim(head.doc, start, end)


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    while start < end and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        end -= 1
    return doc[start:end] if end > start else None


def _attribution(source: _Source, resolve: ResolveFn | None) -> Attribution:
    """The record for a source; an unnamed source ("it was reported") has empty ``text``."""
    if source.span is None:
        return Attribution(text="", name=None, code=None, cue=source.cue)
    name, code = resolve(source.span) if resolve is not None else (None, None)
    return Attribution(text=source.span.text, name=name, code=code, cue=source.cue)


# --- Small predicates --------------------------------------------------------------------------------


def _is_rumour_phrase(noun: Token) -> bool:
    """ "rumours", "speculation", "unconfirmed reports"."""
    if noun.lemma_.lower() in C.RUMOUR_NOUNS:
        return True
    return any(c.dep_ == "amod" and c.lower_ in C.RUMOUR_ADJECTIVES for c in noun.children)


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_imperative(verb: Token) -> bool:
    """A bare verb opening its sentence with no subject: "Leave the city", "Please come"."""
    if verb.tag_ != "VB":
        return False
    before = [t for t in verb.doc[verb.sent.start:verb.i] if not t.is_punct]
    if len(before) > 1 or (before and before[0].lower_ not in {"please", "just", "so", "then", "now", "and"}):
        return False
    return not any(c.dep_ in SUBJECT_DEPS or c.dep_ in {"aux", "auxpass", "expl"} for c in verb.children)


def _is_perfect(verb: Token) -> bool:
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _has_own_aux(verb: Token) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to" for c in verb.children)


def _particle_ok(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    needs = {pair[1] for pair in C.NEGATIVE_PARTICLE_VERBS if pair[0] == lemma}
    if not needs:
        return True
    return any(c.dep_ == "prt" and c.lower_ in needs for c in verb.children)
