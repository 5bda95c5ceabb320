"""Claims about people in one parsed sentence: what is claimed, about whom, by whom, how firmly, for when.

:func:`extract_claims` looks at every token of a spaCy ``Doc`` for a claim cue (:mod:`tidings.claims.cues`),
finds the claim's subject (the possessor of a noun, "death of X", the subject of a verb or a predicate
adjective, the passive subject or object of "seen"), and asks :func:`tidings.attribution.assess` for the
attribution and factuality. On top of that it reads *frames* that assess does not score on a noun
("rumours of his death", "concerns about his health"), maps a negation carried by a denial to ``denied``,
and turns a negated appearance ("was not seen") into an absence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from tidings.attribution import assess
from tidings.attribution import cues as AC
from tidings.claims import cues as C
from tidings.claims.records import Claim
from tidings.dates import DateResolver, is_date_expression
from tidings.record import Actor, Attribution

ResolveSubject = Callable[[Token], Actor | None]
"""Maps the head token of a noun phrase (or a pronoun) to the person it names, or None."""
ResolveSource = Callable[[Span], tuple[str | None, str | None]]
"""Maps a source phrase to ``(canonical name, actor code)``, as in :func:`tidings.attribution.assess`."""

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PREDICATE_DEPS = frozenset({"attr", "conj", "appos", "ROOT"})
_NUMBER = re.compile(r"^\d+$")


@dataclass(frozen=True, slots=True)
class _Cue:
    type: str
    token: Token  # the token factuality is assessed on
    text: str  # the cue words
    start: int  # character offsets in the Doc
    end: int
    subject: Token | None  # head token of the subject phrase
    negative: bool = False  # "missed the parade": an absence by the word itself


def extract_claims(doc: Doc, sentence_offset: int, *, resolve_subject: ResolveSubject,
                   published: dt.date | None, dates: DateResolver | None = None, doc_id: str = "",
                   sentence: int = 0, resolve_source: ResolveSource | None = None,
                   context: tuple[Span, ...] = ()) -> list[Claim]:
    """The claims of one parsed sentence.

    ``sentence_offset`` is the sentence's start in the cleaned article text (claim offsets are in that
    text). ``dates`` resolves date expressions against the publication date (one per article, so relative
    dates share an anchor). ``context`` holds the preceding sentences of the paragraph (for "KCNA said:").
    """
    dates = dates or DateResolver(published)
    out: list[Claim] = []
    tokens: list[Token] = []
    seen: set[tuple[str, str, int]] = set()
    for cue in _cues(doc):
        head = cue.subject
        subject = resolve_subject(head) if head is not None else None
        if subject is None and cue.type == "identity" and cue.token.dep_ in _PREDICATE_DEPS:
            # "it was not him but a lookalike": a double named as the predicate stands for the one before
            subject = _first_person(doc, resolve_subject, before=cue.token.i)
        if subject is None:
            continue
        claim = _claim(doc, cue, subject, sentence_offset, published, dates, doc_id, sentence, resolve_source,
                       context)
        if claim is None:
            continue
        key = (claim.type, claim.subject.code, cue.token.i)
        if key not in seen:
            seen.add(key)
            out.append(claim)
            tokens.append(cue.token)
    return _period_ends(out, tokens)


def _period_ends(claims: list[Claim], tokens: list[Token]) -> list[Claim]:
    """ "seen on May 2 after his disappearance for 15 days": a dateless absence under "after" (or
    "following") a dated sighting of the same person ends on the sighting's date."""
    by_token = {tok.i: claim for tok, claim in zip(tokens, claims, strict=True)}
    out: list[Claim] = []
    for tok, claim in zip(tokens, claims, strict=True):
        if claim.type in ("absence", "whereabouts") and claim.refers_to is None and tok.dep_ == "pobj" and \
                tok.head.lower_ in ("after", "following"):
            other = by_token.get(tok.head.head.i)
            if other is not None and other.refers_to is not None and other.subject.code == claim.subject.code:
                claim = replace(claim, refers_to=other.refers_to, refers_to_text=other.refers_to_text,
                                precision=other.precision, date_basis="context")
        out.append(claim)
    return out


# --- Cues --------------------------------------------------------------------------------------------


def _cues(doc: Doc) -> list[_Cue]:
    out: list[_Cue] = []
    for tok in doc:
        cue = _cue(tok)
        if cue is not None:
            out.append(cue)
    return out


def _make(tok: Token, kind: str, subject: Token | None, *, negative: bool = False,
          last: Token | None = None) -> _Cue:
    """The cue ``tok`` (to ``last`` for a phrase) gives, about ``subject``."""
    end_tok = last or tok
    return _Cue(kind, tok, tok.doc[tok.i:end_tok.i + 1].text, tok.idx, end_tok.idx + len(end_tok.text),
                subject, negative)


def _cue(tok: Token) -> _Cue | None:
    lemma = tok.lemma_.lower()
    lower = tok.lower_
    pos = tok.pos_
    # identity: "his body double", "a lookalike"
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (lower, nxt.lower_) in C.IDENTITY_PHRASES:
        return _make(tok, "identity", _possessor(tok) or _possessor(nxt), last=nxt)
    if lower in C.IDENTITY_WORDS or lemma in C.IDENTITY_WORDS:
        return _make(tok, "identity", _possessor(tok))
    if pos in ("NOUN", "PROPN"):
        return _noun_cue(tok, lemma, lower)
    if pos == "ADJ" or (pos == "VERB" and tok.dep_ in ("acomp", "amod") and tok.tag_ == "VBN"):
        cue = _adjective_cue(tok, lemma, lower)
        if cue is not None or pos == "ADJ":
            return cue
    if pos not in ("VERB", "AUX") or tok.dep_ in ("aux", "auxpass"):
        return None
    return _verb_cue(tok, lemma)


def _noun_cue(tok: Token, lemma: str, lower: str) -> _Cue | None:
    if lemma in C.DEATH_NOUNS:
        return _make(tok, "death", _noun_subject(tok, undergone=True))
    if lemma in C.HEALTH_NOUNS or (lemma == "condition" and any(
            c.lower_ in C.HEALTH_CONDITION_WORDS for c in tok.children)):
        if lemma in C.TOPIC_HEALTH_NOUNS:
            if not _state_said(tok):
                return None
            if tok.dep_ == "compound" and _possessor(tok) is None:
                return _make(tok, "health", _noun_subject(tok.head, undergone=True))  # "has health problems"
        return _make(tok, "health", _noun_subject(tok, undergone=True))
    if lemma in C.WHEREABOUTS_NOUNS or lower in C.WHEREABOUTS_NOUNS:
        kind = "absence" if _from_public(tok) else "whereabouts"
        if lower == "hiding" and tok.dep_ == "pobj":
            return _make(tok, kind, _clause_subject(tok.head.head) if tok.head.head.i != tok.i else None)
        return _make(tok, kind, _noun_subject(tok))
    if lemma in C.ABSENCE_NOUNS:
        return _make(tok, "absence", _noun_subject(tok))
    if lemma in C.APPEARANCE_NOUNS and (_noun_subject(tok) is not None):
        return _make(tok, "appearance", _noun_subject(tok))
    if lemma in C.SUCCESSION_NOUNS:
        return _make(tok, "succession", _noun_subject(tok))
    return None


def _adjective_cue(tok: Token, lemma: str, lower: str) -> _Cue | None:
    if lemma in C.DEATH_ADJECTIVES or lower in C.DEATH_ADJECTIVES:
        return _make(tok, "death", _adjective_subject(tok))
    if lower in C.HEALTH_ADJECTIVES or lemma in C.HEALTH_ADJECTIVES:
        return _make(tok, "health", _adjective_subject(tok))
    if lower in C.WHEREABOUTS_ADJECTIVES:
        return _make(tok, "whereabouts", _adjective_subject(tok))
    if lower in C.ABSENCE_ADJECTIVES:
        return _make(tok, "absence", _adjective_subject(tok))
    return None


def _verb_cue(tok: Token, lemma: str) -> _Cue | None:
    particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if lemma in C.DEATH_VERBS or (lemma, particle) in C.DEATH_PARTICLE_VERBS:
        return _make(tok, "death", _clause_subject(tok))
    if lemma in C.HEALTH_VERBS:
        return _make(tok, "health", _clause_subject(tok))
    if lemma in C.WHEREABOUTS_VERBS:
        return _make(tok, "absence" if _from_public(tok) else "whereabouts", _clause_subject(tok))
    if lemma in C.ABSENCE_VERBS:
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.lemma_.lower() in C.EVENT_NOUNS:
            return _make(tok, "absence", _clause_subject(tok), negative=True)
        return None
    if lemma in C.SUCCESSION_VERBS:
        if any(c.dep_ == "dobj" for c in tok.children):
            return _make(tok, "succession", _clause_subject(tok))
        return None
    return _sighting_cue(tok, lemma)


def _sighting_cue(tok: Token, lemma: str) -> _Cue | None:
    """Being seen ("was seen", "saw him") or appearing in public ("appeared", "addressed the crowd")."""
    if lemma in C.SEE_VERBS:
        if _is_passive(tok):
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            return _make(tok, "appearance", subj if subj is not None else _clause_subject(tok))
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is not None and (obj.ent_type_ == "PERSON" or obj.lower_ in ("him", "her")) and \
                not _shown_something(tok, obj):
            return _make(tok, "appearance", obj)
        return None
    if lemma in C.APPEARANCE_VERBS:
        if lemma == "appear" and any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd")
                                       for c in tok.children):
            return None  # "appeared to be", "it appears that", "appeared calm"
        if lemma == "address" and not _addresses_audience(tok):
            return None  # "did not address the letter", "addressed how ...": no one is seen
        return _make(tok, "appearance", _clause_subject(tok))
    return None


def _shown_something(verb: Token, obj: Token) -> bool:
    """ "showed him where the bridge will stand", "showed her the plans": the person is the one shown
    something (a second object, or a clause opened by a wh-word on the verb or hung on the person), not
    the one seen."""
    if any(c.dep_ == "dative" for c in verb.children):
        return True
    for clause in (*(c for c in verb.children if c.dep_ in ("ccomp", "xcomp")),
                   *(c for c in obj.children if c.dep_ in ("relcl", "acl", "ccomp"))):
        first = clause.doc[min(t.i for t in clause.subtree)]
        if first.lower_ in C.WH_CLAUSE_WORDS:
            return True
    return False


def _addresses_audience(verb: Token) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.lemma_.lower() in C.AUDIENCE_NOUNS


def _person_object(verb: Token) -> bool:
    """ "never met X", "the two had not met": the negated act is about the person met (or about each other),
    not about being seen in public."""
    if verb.lemma_.lower() not in C.PERSON_OBJECT_VERBS:
        return False
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "prep")), None)
    if obj is not None and obj.dep_ == "prep":
        obj = next((c for c in obj.children if c.dep_ == "pobj"), None) if obj.lower_ == "with" else obj
    if obj is None:
        return verb.lemma_.lower() == "meet"  # met each other
    return obj.ent_type_ == "PERSON" or obj.pos_ == "PRON"


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "conj") and not any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))


def _possessor(tok: Token) -> Token | None:
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and (pobj.pos_ in ("PROPN", "PRON") or pobj.ent_type_ == "PERSON"):
                return pobj
    return None


def _noun_subject(noun: Token, *, undergone: bool = False) -> Token | None:
    """ "his death", "the death of X", "X's health"; else the subject of the verb the noun hangs off
    ("he underwent surgery", "he is in a coma"). "The death of the former minister" is about whoever
    the "of" phrase names, if anyone, never the subject of the verb. With ``undergone`` (death and health
    nouns) an object is its verb's subject's only under a verb of undergoing ("underwent surgery", not
    "announced the death" or "mourned the death")."""
    own = _possessor(noun) or _of_object(noun)
    if own is not None:
        return own
    head = noun.head
    if noun.dep_ == "dobj" and undergone and head.lemma_.lower() not in C.UNDERGO_VERBS:
        return None
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return _clause_subject(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in (
            "in", "into", "under", "after", "following", "before", "during", "despite", "amid", "for") and \
            head.head.pos_ in ("VERB", "AUX"):
        return _clause_subject(head.head)
    return None


def _of_object(noun: Token) -> Token | None:
    """The object of "of" after a noun, whatever it is ("the health of the economy")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _adjective_subject(adj: Token) -> Token | None:
    if adj.dep_ == "amod":
        return adj.head if adj.head.pos_ in ("PROPN", "NOUN", "PRON") else None
    own = next((c for c in adj.children if c.dep_ in SUBJECT_DEPS), None)
    if own is not None:
        return own
    return _clause_subject(adj.head) if adj.head.i != adj.i else None


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a clause, through conjunctions, infinitives and relative clauses."""
    node = verb
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None:
            if subj.lower_ in ("it", "there") and subj.dep_ == "nsubj" and any(
                    c.dep_ in ("ccomp", "xcomp") for c in node.children):
                return None  # "it is reported that", expletive
            if subj.lower_ in ("who", "that", "which") and node.dep_ == "relcl":
                return node.head
            return subj
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "acl" and node.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return node.head
        return None
    return None


def _from_public(tok: Token) -> bool:
    """ "disappeared from public view", "his disappearance from the public eye"."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (pobj.lemma_.lower() in C.PUBLIC_WORDS or any(
                        c.lower_ in C.PUBLIC_WORDS for c in pobj.children)):
                    return True
    return False


def _first_person(doc: Doc, resolve_subject: ResolveSubject, *, before: int) -> Actor | None:
    for tok in doc[:before]:
        if tok.pos_ in ("PROPN", "PRON") and tok.dep_ not in ("compound", "flat"):
            actor = resolve_subject(tok)
            if actor is not None:
                return actor
    return None


# --- One claim ---------------------------------------------------------------------------------------


def _claim(doc: Doc, cue: _Cue, subject: Actor, offset: int, published: dt.date | None,
           dates: DateResolver, doc_id: str, sentence: int, resolve_source: ResolveSource | None,
           context: tuple[Span, ...]) -> Claim | None:
    tok = cue.token
    assessment = assess(tok, resolve=resolve_source, context=context)
    factuality = assessment.factuality
    attribution = assessment.attribution
    cue_words = assessment.cues
    polarity = "positive"
    kind = cue.type
    frame = _frame(tok, linear=kind == "identity")
    if frame is not None and factuality in ("asserted", "reported", "hedged"):
        frame_kind, frame_tok = frame
        if frame_kind == "rumoured" or factuality != "hedged":
            factuality = frame_kind
            cue_words = (frame_tok.text,)
            attribution = _frame_source(frame_tok, resolve_source) or attribution
    if _conditional(tok):
        return None  # "what would happen if he died": a condition, not a claim
    denial = _denial(tok, resolve_source)
    if denial is not None and factuality in ("asserted", "reported", "hedged", "rumoured"):
        factuality, cue_words, attribution = "denied", (denial[0].text,), denial[1] or attribution
    if factuality == "negated":
        if any(w.lower() in C.DENY_WORDS or _lemma_of(doc, w) in C.DENY_WORDS for w in cue_words) or (
                attribution is not None and attribution.cue in C.DENY_WORDS):
            factuality = "denied"
        else:
            polarity = "negative"
            factuality = "reported" if attribution is not None else "asserted"
    elif _copula_negated(tok):
        polarity = "negative"  # "he is not ill": the negation sits on the copula
    elif factuality == "hypothetical":
        if kind in ("appearance", "absence", "death"):
            return None  # "will attend", "plans to visit": not a sighting; "he would die": not a death
        factuality = "hedged"
    if kind == "health" and _said_well(tok):
        # "in good health" says he is well; "not in good health" that he is not
        polarity = "positive" if _clause_negated(tok) else "negative"
    if cue.negative and kind == "absence" and polarity == "negative":
        kind, polarity = "appearance", "positive"  # "did not miss the parade"
    elif kind == "appearance" and polarity == "negative":
        if _person_object(tok):
            return None  # "had never met X before"
        kind, polarity = "absence", "positive"  # "was not seen", "did not attend"
    date_text, info_date, precision = _claim_date(tok, dates)
    duration = _duration(tok) if kind in ("absence", "whereabouts") else None
    if kind in ("absence", "whereabouts") and date_text is not None and info_date is not None and \
            published is not None and _since(tok.doc, date_text) and info_date < published:
        # "has not been seen since March 3": a period from that day to the article's date, not a day
        duration = (published - info_date).days
        date_text, info_date, precision = f"since {date_text}", published, "day"
    return Claim(
        doc_id=doc_id,
        subject=subject,
        type=kind,
        polarity=polarity,
        factuality=factuality,
        attribution=attribution,
        refers_to=info_date,
        refers_to_text=date_text,
        precision=precision,
        made_on=published,
        evidence=doc.text,
        span=(offset, offset + len(doc.text)),
        sentence=sentence,
        cue=cue.text,
        cue_span=(offset + cue.start, offset + cue.end),
        duration_days=duration,
        cues=tuple(cue_words),
        date_basis="text" if info_date is not None else None,
    )


def _conditional(tok: Token) -> bool:
    """True when the clause of the cue is a condition ("if he dies", "unless his health improves")."""
    node = tok
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    return any(c.dep_ == "mark" and c.lower_ in C.CONDITIONAL_MARKS for c in node.children)


def _denial(tok: Token, resolve: ResolveSource | None) -> tuple[Token, Attribution | None] | None:
    """A denial word that governs the cue through a report or a rumour ("the Kremlin denied reports that
    he was ill", "officials dismissed rumours of his death"), or a predicate calling the phrase that holds
    the cue untrue ("reports of his death are false"), with who denies; None when none does or the denial
    is itself negated ("did not deny")."""
    below = tok
    for anc in list(tok.ancestors)[:5]:
        if below.dep_ in SUBJECT_DEPS and _called_false(anc):
            return anc, None  # "reports of his death are false": the attribution is who says so
        below = anc
        if anc.lemma_.lower() not in C.DENY_WORDS or anc.pos_ not in ("VERB", "NOUN"):
            continue
        if any(c.dep_ == "neg" for c in anc.children):
            return None
        holder = next((c for c in anc.children if c.dep_ == "nsubj"), None)
        if holder is None:
            agent = next((c for c in anc.children if c.dep_ == "agent"), None)
            holder = None if agent is None else next((c for c in agent.children if c.dep_ == "pobj"), None)
        if holder is None:
            return anc, None
        span = holder.doc[min(t.i for t in holder.subtree):max(t.i for t in holder.subtree) + 1]
        name, code = resolve(span) if resolve is not None else (None, None)
        return anc, Attribution(span.text, name, code, anc.lemma_.lower())
    return None


def _said_well(noun: Token) -> bool:
    """ "in good health", "his health is excellent": the health noun says the person is well."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "amod" and c.lemma_.lower() in C.GOOD_HEALTH_WORDS for c in noun.children):
        return True
    return noun.dep_ in SUBJECT_DEPS and any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in C.GOOD_HEALTH_WORDS for c in noun.head.children)


def _state_said(noun: Token) -> bool:
    """A topic health noun with a state said of it: a modifier ("his failing health", "health problems",
    "in good health"), a predicate ("his health deteriorated", "his health is fragile") or a rumour or hedge
    frame ("concerns about his health"). "He spoke about his health" says nothing of it."""
    def stated(word: Token) -> bool:
        return word.lemma_.lower() in C.HEALTH_STATE_WORDS or word.lemma_.lower() in C.GOOD_HEALTH_WORDS

    if any(c.dep_ in ("amod", "compound", "nmod") and stated(c) for c in noun.children):
        return True
    if noun.dep_ in ("compound", "amod", "nmod") and stated(noun.head):
        return True
    if noun.dep_ in SUBJECT_DEPS:
        head = noun.head
        predicates = [c for c in head.children if c.dep_ in ("acomp", "attr", "oprd", "prep")]
        if stated(head) or any(stated(w) for c in predicates for w in c.subtree):
            return True
    return _frame(noun, linear=False) is not None


def _clause_negated(tok: Token) -> bool:
    """True when the clause a noun stands in is negated ("he is not in good health")."""
    node = tok
    for _ in range(4):
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _called_false(head: Token) -> bool:
    """ "... are false", "... is a hoax": the clause calls its subject untrue (not "is not false")."""
    return not any(c.dep_ == "neg" for c in head.children) and any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in C.FALSE_PREDICATES for c in head.children)


def _copula_negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.dep_ in ("acomp", "attr") and any(c.dep_ == "neg" for c in tok.head.children)


def _lemma_of(doc: Doc, word: str) -> str:
    for tok in doc:
        if tok.text == word:
            return str(tok.lemma_).lower()
    return word.lower()


def _frame(tok: Token, *, linear: bool) -> tuple[str, Token] | None:
    """A rumour or hedge noun (or verb) that governs the claim: "rumours of his death", "speculation
    that he is ill", "concerns about his health". With ``linear`` (identity claims, often misparsed), a
    rumour word anywhere before the cue in the sentence counts."""
    for anc in list(tok.ancestors)[:5]:
        lemma = anc.lemma_.lower()
        if lemma in C.RUMOUR_FRAMES:
            return "rumoured", anc
        if lemma in C.HEDGE_FRAMES and anc.pos_ == "NOUN":
            return "hedged", anc
    predicate = _predicate_frame(tok)
    if predicate is not None:
        return predicate
    if linear:
        for prev in reversed(tok.doc[:tok.i]):
            if prev.lemma_.lower() in C.RUMOUR_FRAMES:
                return "rumoured", prev
        for prev in reversed(tok.doc[:tok.i]):
            if prev.lemma_.lower() in C.HEDGE_FRAMES or prev.lemma_.lower() in AC.HEDGE_ADVERBS:
                return "hedged", prev
    return None


def _predicate_frame(tok: Token) -> tuple[str, Token] | None:
    """ "his health was the subject of speculation", "his whereabouts remain a mystery": a rumour or
    hedge noun in the predicate of the clause the cue is the subject of."""
    if tok.dep_ not in SUBJECT_DEPS:
        return None
    for pred in tok.head.children:
        if pred.dep_ not in ("attr", "acomp", "oprd"):
            continue
        for word in pred.subtree:
            if word.lemma_.lower() in C.RUMOUR_FRAMES and word.pos_ == "NOUN":
                return "rumoured", word
            if word.lemma_.lower() in C.HEDGE_FRAMES and word.pos_ == "NOUN":
                return "hedged", word
    return None


def _frame_source(frame: Token, resolve: ResolveSource | None) -> Attribution | None:
    """Where a rumour comes from: "rumours on social media", "rumours surfaced in local media",
    "media fuelled speculation"."""
    candidates: list[Token] = []
    for holder in (frame, frame.head if frame.dep_ in ("nsubj", "nsubjpass", "dobj") else None):
        if holder is None:
            continue
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in C.SOURCE_PREPOSITIONS:
                candidates += [c for c in prep.children if c.dep_ == "pobj"]
    if frame.dep_ == "dobj":
        candidates += [c for c in frame.head.children if c.dep_ == "nsubj"]
    for cand in candidates:
        if cand.ent_type_ in ("DATE", "TIME", "GPE", "LOC") and cand.pos_ != "NOUN":
            continue
        span = cand.doc[min(t.i for t in cand.subtree):max(t.i for t in cand.subtree) + 1]
        name, code = resolve(span) if resolve is not None else (None, None)
        return Attribution(span.text, name, code, frame.lemma_.lower())
    return None


def _claim_date(tok: Token, dates: DateResolver) -> tuple[str | None, dt.date | None, str | None]:
    """The date expression nearest the cue in the tree (fewest hops from the expression to the cue or to
    the verb it hangs off); None when the sentence gives none."""
    doc = tok.doc
    targets = [tok]
    if tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        targets.append(tok.head)
        if tok.head.dep_ == "prep":
            targets.append(tok.head.head)
    best: tuple[int, str] | None = None
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not is_date_expression(ent.text):
            continue
        node: Token = ent.root
        hops = 0
        while node.i not in {t.i for t in targets} and node.head.i != node.i and hops < 8 and \
                not _own_clause(node):
            node = node.head
            hops += 1
        if node.i not in {t.i for t in targets}:
            continue
        if best is None or hops < best[0]:
            best = (hops, ent.text)
    if best is None:
        return None, None, None
    info = dates.resolve(best[1])
    if info.from_publication:
        return None, None, None
    return best[1], info.date, info.precision


def _own_clause(node: Token) -> bool:
    """True for the verb of a subordinate clause with a subject of its own ("the grave of X, who died in
    1970"): a date inside it dates that clause, not the cue it hangs off."""
    return node.pos_ in ("VERB", "AUX") and node.dep_ in ("relcl", "acl", "ccomp", "advcl") and any(
        c.dep_ in SUBJECT_DEPS for c in node.children)


def _since(doc: Doc, date_text: str) -> bool:
    """True when the date expression is the start of a period ("since March 3")."""
    for ent in doc.ents:
        if ent.text == date_text:
            head = ent.root.head
            return (ent.start > 0 and doc[ent.start - 1].lower_ == "since") or head.lower_ == "since"
    return False


def _duration(tok: Token) -> int | None:
    """ "for almost 15 days", "for two weeks": the length in days of a period attached to the cue."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "over"):
            continue
        for pobj in prep.children:
            unit = pobj.lemma_.lower()
            if pobj.dep_ != "pobj" or unit not in C.UNIT_DAYS:
                continue
            count = 1
            for child in pobj.children:
                word = child.lower_.replace(",", "")
                if child.dep_ in ("nummod", "quantmod", "det", "amod") and (
                        _NUMBER.match(word) or word in C.NUMBER_WORDS):
                    count = int(word) if _NUMBER.match(word) else C.NUMBER_WORDS[word]
            return count * C.UNIT_DAYS[unit]
    return None
