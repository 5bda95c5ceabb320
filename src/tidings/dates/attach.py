"""Which date expression of a sentence dates an event, and what it resolves to.

An event is dated by the date expression attached closest to its trigger in the dependency tree ("the
ministry said on Monday that troops had entered the town on Saturday": the entering is Saturday's), a
relative phrase ("a day after", "two weeks later") is anchored on the sentence's absolute date or the
previous event's, and a date inside a clause that describes another event is not the event's.

Only real date expressions date an event. Not dates, whatever the tagger says:

* a date that modifies a noun names a thing ("the 2020 Act", "the 2019 accord", "last week's vote" when the
  event is another one): it dates that noun, so only an event whose trigger is that noun;
* a bare month that is a person's name: after a first name or title ("Theresa May"), as a possessive
  ("May's office"; news dates with "in May" or "the May elections") or as the subject of a verb ("June said");
* a relative phrase ("several days later", "two weeks before") with nothing to count from: neither an
  absolute date in the sentence nor an earlier dated event. Counting it from the publication date would date
  the event after its own report;
* the base of a comparison ("12 % down from a year earlier", "higher than last year") and a deadline after
  publication ("to cut jobs by 2030").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from tidings.dates.resolver import DateResolver, anchored_on_event, is_date_expression, next_period
from tidings.record import DateInfo

RELATIVE_WORDS = frozenset({"after", "before", "earlier", "later"})
_MONTH_ALONE = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.IGNORECASE)
_UNITS = ("day", "week", "month", "year")
_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
_SEASON_PREPS = frozenset({"in", "during", "by", "since", "until", "over", "through"})


def event_date(doc: Any, trigger: Any, dates: DateResolver,
               last_date: dt.date | None = None) -> tuple[str | None, DateInfo]:
    """The date expression that governs the trigger, resolved against the publication date.

    Candidates are spaCy's DATE entities that are dates (not durations) plus relative phrases spaCy
    leaves out ("a day after", "two days later"); the one attached closest to the trigger on its path
    to the root wins, then the nearest in the text.
    """
    phrases = [_Phrase(date_text(e), e.root, e.end + _relative_word_after(e)) for e in doc.ents
               if e.label_ in ("DATE", "TIME") and is_date_expression(date_text(e))]
    phrases += _relative_phrases(doc, {p.root.i for p in phrases})
    phrases += _next_period_phrases(doc, {t.i for e in doc.ents for t in e})
    phrases += _season_phrases(doc, {t.i for e in doc.ents for t in e})
    phrases = [p for p in phrases if not anchored_on_event(doc, p.text, p.end)
               and not _names_a_thing(p.root, trigger) and not _month_as_name(doc, p)]
    if not phrases:
        return None, dates.resolve(None)
    chain = [trigger, *trigger.ancestors]
    position = {tok.i: n for n, tok in enumerate(chain)}
    phrases = [p for p in phrases if not _dates_another_event(p.root, trigger, position)
               and not _compared_since(p.root) and not _comparison_base(p.root)
               and not _deadline(p, dates)]
    if not phrases:
        return None, dates.resolve(None)

    def rank(phrase: _Phrase) -> tuple[int, int]:
        attach = phrase.root.head
        hops = 0
        while attach.i not in position and attach.head.i != attach.i and hops < 6:
            attach = attach.head
            hops += 1
        return position.get(attach.i, 99), abs(phrase.root.i - trigger.i)

    best = min(phrases, key=rank)
    anchor: dt.date | None = None
    query = best.text
    last = best.text.split()[-1].lower()
    following = next_period(best.text)  # "the following day": counted from the event before, like "later"
    relative = last in RELATIVE_WORDS or following
    if relative:
        absolute = [p for p in phrases if p.text.split()[-1].lower() not in RELATIVE_WORDS
                    and not next_period(p.text)]
        anchor = dates.resolve(absolute[0].text).date if absolute else last_date
        if anchor is None and (following or _EVENT_RELATIVE_PHRASE.match(best.text)):
            return None, dates.resolve(None)  # "several days later" with nothing to count from
        clause = best.root.head  # "[denied it on Friday,] a day after [the paper printed X]"
        inside = trigger.i == clause.i or clause in trigger.ancestors
        if last in ("after", "before") and absolute and inside:
            # the trigger is inside the subordinate clause: it happened a day *before* the anchor
            query = best.text.rsplit(" ", 1)[0] + (" before" if last == "after" else " after")
    info = dates.resolve(query, anchor=anchor)
    past = trigger.tag_ in ("VBD", "VBN") if relative else trigger.tag_ == "VBD"
    if dates.published is not None and info.date is not None and past and \
            _after_publication(info, dates.published, relative=relative):
        return None, dates.resolve(None)  # a past event dated after its report: a wrong anchor, or a name
    return best.text, info


_TIME_NOUNS = frozenset({"day", "night", "morning", "afternoon", "evening", "week", "weekend", "month",
                         "year", "hour", "minute", "time", "period", "season", "quarter", "term", "noon",
                         "midnight"})
_TEMPORAL_PREPOSITIONS = frozenset({"since", "during", "after", "before", "until", "till", "in", "on", "at",
                                    "by", "from", "following", "throughout", "amid"})
_MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "nmod", "poss", "quantmod"})
_MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                          "september", "october", "november", "december"})
_EVENT_RELATIVE_PHRASE = re.compile(r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                                    r"several|few|a\s+few|couple\s+of|a\s+couple\s+of|\d+|many|some)\s+)?"
                                    r"(?:days?|nights?|weeks?|months?|years?|hours?)\s+"
                                    r"(?:after|later|before|earlier)$", re.IGNORECASE)


def _after_publication(info: DateInfo, published: dt.date, *, relative: bool) -> bool:
    """A relative date after publication, or an absolute one in a later period than publication ("Vision
    2030" as the date of a past event)."""
    date = info.date
    if date is None:
        return False
    if relative:
        return date > published
    if info.precision == "year":
        return date.year > published.year
    if info.precision == "month":
        return (date.year, date.month) > (published.year, published.month)
    return False  # a day ahead may be a time zone or a dateline's date


def _names_a_thing(root: Any, trigger: Any) -> bool:
    """A date before a noun that it modifies ("the 2020 Act", "the 2019 accord", "last week's vote") dates
    that noun, so it dates no event but one whose trigger is that noun; before a time noun ("Sunday
    morning") it is still a date."""
    head = root.head
    while root.dep_ in _MODIFIER_DEPS and head.i > root.i and head.pos_ in ("NOUN", "PROPN", "ADJ") and \
            head.lower_ in _TIME_NOUNS:
        root, head = head, head.head  # "Sunday morning's attack": the phrase is "Sunday morning"
    if not (root.dep_ in _MODIFIER_DEPS and head.i > root.i and head.pos_ in ("NOUN", "PROPN")
            and head.lemma_.lower() not in _TIME_NOUNS and head.i != trigger.i):
        return False
    # "since its 1967 debut", "after the 2019 election": a temporal preposition makes the phrase a time
    first = min(t.i for t in head.subtree)
    before = root.doc[first - 1] if first > 0 else None
    governor = head.head if head.dep_ == "pobj" else before
    return not (governor is not None and governor.lower_ in _TEMPORAL_PREPOSITIONS)


def _month_as_name(doc: Any, phrase: _Phrase) -> bool:
    """A bare month that is a person's name: "Theresa May", "May's office", "June said"."""
    if phrase.text.lower() not in _MONTH_NAMES:
        return False
    root = phrase.root
    before = doc[root.i - 1] if root.i > 0 else None
    after = doc[root.i + 1] if root.i + 1 < len(doc) else None
    if before is not None and before.pos_ == "PROPN" and before.lower_ not in _MONTH_NAMES:
        return True
    if after is not None and after.tag_ == "POS":
        return True
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX")


OTHER_EVENT_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "pcomp"})
"""Clauses that describe an event of their own: a date inside one dates that event, not the trigger's
("released the names of six people killed when a tram derailed on Wednesday": Wednesday is the derailing)."""


def _dates_another_event(root: Any, trigger: Any, chain: dict[int, int]) -> bool:
    """Whether a date phrase (its root token) sits in a clause of another event than the trigger's: on its
    way up to the trigger's chain of heads it passes a clause verb that is not on that chain (a clause that
    describes the trigger itself, "the deal signed last year", is the trigger's)."""
    node = root
    while node.i not in chain and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in OTHER_EVENT_CLAUSES and not (
                node.head.i == trigger.i and node.dep_ in ("acl", "relcl")) and not _describes_people(node):
            return True
        node = node.head
    return False


def _describes_people(verb: Any) -> bool:
    """ "fired at workers demanding higher wages on Sunday": a present participle after a noun says what
    the people were doing when the act befell them; a date the parser hangs on it dates the act."""
    return bool(verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i
                and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _compared_since(root: Any) -> bool:
    """ "its lowest level since 1997", "the worst fall since 1987", "its first loss since 1992": a "since"
    phrase after a superlative measures a record against the past; it does not date the event ("has led the
    market since 2003" does)."""
    since = root.head
    if root.dep_ != "pobj" or since.lower_ != "since":
        return False
    if since.head.pos_ not in ("VERB", "AUX"):
        return True
    for tok in reversed(since.doc[max(since.i - 5, 0):since.i]):
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if tok.tag_ in ("JJS", "RBS") or tok.lower_ == "first":
            return True
    return False


_COMPARED = frozenset({"compared", "comparison", "versus", "relative"})


def _comparison_base(root: Any) -> bool:
    """ "fell 12 % from a year earlier", "up on a year ago", "than last year", "compared with a year before":
    the period a figure is measured against, not when anything happened."""
    head = root.head
    if root.dep_ not in ("pobj", "pcomp") and not (root.dep_ == "npadvmod" and head.dep_ == "pcomp"):
        return False
    if root.dep_ == "npadvmod":  # "from [a year] earlier": the phrase hangs from "earlier"
        head = head.head
    if head.lower_ in ("than", "from", "over", "against") and head.dep_ in ("prep", "mark", "advmod"):
        return head.lower_ != "from" or root.lower_ in ("earlier", "before", "ago") or \
            any(t.lower_ in ("earlier", "before", "ago") for t in root.subtree)
    return head.lower_ in ("with", "to") and head.head.lower_ in _COMPARED


def _deadline(phrase: _Phrase, dates: DateResolver) -> bool:
    """ "to cut 3,000 jobs by 2030": a date after "by" that lies after publication is a deadline or a target,
    not when the act happened."""
    if phrase.root.dep_ != "pobj" or phrase.root.head.lower_ != "by" or dates.published is None:
        return False
    date = dates.resolve(phrase.text).date
    return date is not None and date > dates.published


@dataclass(frozen=True, slots=True)
class _Phrase:
    text: str
    root: Any  # spacy Token
    end: int  # index of the token after the phrase


def _relative_phrases(doc: Any, taken: set[int]) -> list[_Phrase]:
    """ "a day after", "two weeks later", "days before": spaCy rarely tags these as DATE."""
    out: list[_Phrase] = []
    text = doc.text.lower()
    if not any(unit in text for unit in _UNITS):
        return out  # no unit word in the sentence: no token to look at
    for tok in doc:
        if tok.i in taken or tok.lemma_.lower() not in _UNITS:
            continue
        following = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if following is None or following.lower_ not in RELATIVE_WORDS:
            continue
        start = min(t.i for t in tok.subtree)
        out.append(_Phrase(f"{doc[start:tok.i + 1].text} {following.text}", tok, following.i + 1))
    return out


_NEXT_WORDS = frozenset({"next", "following", "previous", "preceding"})
_PERIOD_NOUNS = frozenset({"day", "morning", "afternoon", "evening", "night", "week", "month", "year"})


def _next_period_phrases(doc: Any, tagged: set[int]) -> list[_Phrase]:
    """ "the next morning", "the following week": the period after an event's, which spaCy often leaves
    untagged (counted from the event before, see :func:`next_period`)."""
    out: list[_Phrase] = []
    for tok in doc:
        if tok.i in tagged or tok.lower_ not in _PERIOD_NOUNS or tok.i == 0 or \
                doc[tok.i - 1].lower_ not in _NEXT_WORDS:
            continue
        start = tok.i - 2 if tok.i >= 2 and doc[tok.i - 2].lower_ == "the" else tok.i - 1
        text = str(doc[start:tok.i + 1].text)
        if next_period(text):
            out.append(_Phrase(text, tok, tok.i + 1))
    return out


def _season_phrases(doc: Any, tagged: set[int]) -> list[_Phrase]:
    """ "in the fall", "during the summer": a season after a preposition of time, which spaCy often leaves
    untagged; not "the fall of the city" (a season word with an "of" that names no year)."""
    out: list[_Phrase] = []
    if not any(word in doc.text.lower() for word in _SEASONS):
        return out
    for tok in doc:
        if tok.i in tagged or tok.lower_ not in _SEASONS or tok.pos_ not in ("NOUN", "PROPN") or \
                tok.dep_ != "pobj" or tok.head.lower_ not in _SEASON_PREPS:
            continue
        of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        if any(not any(g.like_num for g in c.children) for c in of):
            continue
        start = min([tok.i] + [c.i for c in tok.lefts if c.dep_ in ("det", "amod")])
        end = max([tok.i] + [t.i for c in of for t in c.subtree]) + 1  # "the summer of 2015"
        text = str(doc[start:end].text)
        if is_date_expression(text):
            out.append(_Phrase(text, tok, end))
    return out


def date_text(ent: Any) -> str:
    """The entity text, with a following "after"/"before"/"earlier"/"later" ("a day after") and a "since"
    before it ("since December" looks back: the December before publication, not the one after)."""
    doc = ent.doc
    text: str = ent.text
    if _relative_word_after(ent):
        text = f"{text} {doc[ent.end].text}"
    if ent.start > 0 and doc[ent.start - 1].lower_ == "since" and _MONTH_ALONE.fullmatch(text):
        text = f"since {text}"
    return text


_COUNTED_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "fortnight", "month", "year",
                            "decade"})


def _relative_word_after(ent: Any) -> bool:
    """ "a day after", "two weeks later", "48 hours before": an amount of time counted from something. After a
    named day or date the word is a preposition of its own ("on Thursday after clashes", "in May before the
    vote"): the date stands alone."""
    return bool(ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in RELATIVE_WORDS
                and ent[-1].lemma_.lower() in _COUNTED_UNITS)





def carry_dates(events: list[Any], published: dt.date | None) -> None:
    """Date the events whose sentence has no date phrase of their own with the date of the last event before
    them in the article that has one: a story's lede dates its act ("Police arrested 12 people on Tuesday")
    and the sentences after it go on telling that day's events without repeating the date. A date after
    publication (a plan, a deadline) is carried to nothing, and nothing is carried to a planned or conditional
    act (factuality "hypothetical"). Such an event keeps ``date_text`` None; its
    ``extra["date_carried"]`` says where the date came from (the trigger of the dated event)."""
    last: Any = None
    for event in events:
        if event.date_text is not None and event.date is not None:
            ahead = published is not None and event.date > published
            last = None if ahead else event
        elif last is not None and event.date_text is None and event.factuality != "hypothetical":
            event.date = last.date
            event.date_precision = last.date_precision
            event.extra["date_from_publication"] = False
            event.extra["date_carried"] = last.trigger
