"""The typed records of claims and whereabouts.

A :class:`Claim` is something an article says (or says someone says) about a person or a state: that they
are ill, dead, missing, seen in public, absent, succeeded, or replaced by a double. An :class:`Appearance`
is one dated sighting (or non-sighting) of a person, the raw material of a presence timeline. Both keep
their evidence sentence and character offsets in the cleaned article text, like events do.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from tidings.record import Actor, Attribution

ClaimType = Literal["health", "death", "whereabouts", "appearance", "absence", "succession", "identity"]
CLAIM_TYPES: tuple[str, ...] = ("health", "death", "whereabouts", "appearance", "absence", "succession",
                                "identity")
ClaimFactuality = Literal["asserted", "reported", "hedged", "rumoured", "denied"]
CLAIM_FACTUALITY: tuple[str, ...] = ("asserted", "reported", "hedged", "rumoured", "denied")
Polarity = Literal["positive", "negative"]


SIGHTING_FACTUALITY = frozenset({"asserted", "reported"})
"""Only sightings an article vouches for (or attributes to a named or unnamed source) go on a timeline."""


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim about a subject, with who makes it, how firmly, and when it is about."""

    doc_id: str
    subject: Actor
    type: str  # one of CLAIM_TYPES
    polarity: str  # "positive" ("is ill") or "negative" ("is not ill")
    factuality: str  # one of CLAIM_FACTUALITY
    attribution: Attribution | None
    refers_to: dt.date | None  # the date the claim is about; None when the article gives none
    refers_to_text: str | None  # the date expression ("on April 15")
    precision: str | None  # "day", "month", "year"
    made_on: dt.date | None  # the publication date of the article that carries it
    evidence: str  # the sentence
    span: tuple[int, int]  # the sentence's offsets in the cleaned text
    sentence: int
    cue: str  # the word that made it a claim ("death", "seen", "body double")
    cue_span: tuple[int, int]  # the cue's offsets in the cleaned text
    duration_days: int | None = None  # "absent for 15 days"
    cues: tuple[str, ...] = ()  # the factuality cue words ("rumours", "reportedly")
    date_basis: str | None = None  # "text": its own date expression; "context": borrowed from a sighting

    @property
    def claim_id(self) -> str:
        """Stable id: doc id, cue offset, type, subject code and polarity."""
        key = "|".join([self.doc_id, str(self.cue_span[0]), self.type, self.subject.code, self.polarity])
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    @property
    def effective_date(self) -> dt.date | None:
        """The date used to order claims: the date referred to, else the publication date."""
        return self.refers_to or self.made_on

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "doc_id": self.doc_id,
            "subject": self.subject.to_dict(),
            "type": self.type,
            "polarity": self.polarity,
            "factuality": self.factuality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "refers_to": _iso(self.refers_to),
            "refers_to_text": self.refers_to_text,
            "precision": self.precision,
            "date_basis": self.date_basis,
            "made_on": _iso(self.made_on),
            "duration_days": self.duration_days,
            "evidence": self.evidence,
            "span": list(self.span),
            "sentence": self.sentence,
            "cue": self.cue,
            "cue_span": list(self.cue_span),
            "cues": list(self.cues),
        }


@dataclass(frozen=True, slots=True)
class Appearance:
    """A person seen (``appearance``) or not seen (``absence``) in public on a date or over a period.

    For an absence over a period ("absent from public view for 15 days" before May 2) ``date`` is the
    last day of the period and ``duration_days`` its length.
    """

    person: Actor
    kind: str  # "appearance" or "absence"
    date: dt.date | None  # None when the article gives no date for it
    date_text: str | None
    duration_days: int | None
    factuality: str
    source: Attribution | None
    evidence: str
    span: tuple[int, int]
    doc_id: str
    made_on: dt.date | None
    claim_id: str  # the claim it comes from

    @property
    def start(self) -> dt.date | None:
        """First day of the period (the date itself for a single day)."""
        if self.date is None:
            return None
        return self.date - dt.timedelta(days=self.duration_days or 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "person": self.person.to_dict(),
            "kind": self.kind,
            "date": _iso(self.date),
            "date_text": self.date_text,
            "duration_days": self.duration_days,
            "factuality": self.factuality,
            "source": self.source.to_dict() if self.source else None,
            "evidence": self.evidence,
            "span": list(self.span),
            "doc_id": self.doc_id,
            "made_on": _iso(self.made_on),
            "claim_id": self.claim_id,
        }


@dataclass(frozen=True, slots=True)
class Gap:
    """A period in which a person was not seen in public: ``start`` and ``end`` included."""

    start: dt.date
    end: dt.date
    reason: str  # "between appearances", "reported absence", "since last seen"
    evidence: tuple[str, ...] = ()

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "days": self.days,
                "reason": self.reason, "evidence": list(self.evidence)}


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Two claims (or a claim and a sighting) about one subject that cannot both be true."""

    subject: str  # actor code
    kind: str  # "dead-but-seen", "polarity", "confirmed-denied", "absent-but-seen"
    first: Claim
    second: Claim
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "kind": self.kind, "note": self.note,
                "first": self.first.to_dict(), "second": self.second.to_dict()}


@dataclass(slots=True)
class Whereabouts:
    """A person's presence timeline as of a date."""

    person: str  # the name or code asked for
    as_of: dt.date
    last_seen: Appearance | None
    days_unseen: int | None
    gaps: list[Gap] = field(default_factory=list)
    claims_in_gaps: list[tuple[Gap, list[Claim]]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "as_of": self.as_of.isoformat(),
            "last_seen": self.last_seen.to_dict() if self.last_seen else None,
            "days_unseen": self.days_unseen,
            "gaps": [g.to_dict() for g in self.gaps],
            "claims_in_gaps": [{"gap": g.to_dict(), "claims": [c.to_dict() for c in cs]}
                               for g, cs in self.claims_in_gaps],
        }


def appearances(claims: list[Claim]) -> list[Appearance]:
    """The sightings and non-sightings among claims: appearance and absence claims (and disappearances
    from public view) that the article asserts or reports, positive, not hedged, rumoured or denied."""
    out: list[Appearance] = []
    for claim in claims:
        if claim.type not in ("appearance", "absence") or claim.polarity != "positive":
            continue
        if claim.factuality not in SIGHTING_FACTUALITY:
            continue
        out.append(Appearance(
            person=claim.subject, kind=claim.type, date=claim.refers_to, date_text=claim.refers_to_text,
            duration_days=claim.duration_days, factuality=claim.factuality, source=claim.attribution,
            evidence=claim.evidence, span=claim.span, doc_id=claim.doc_id, made_on=claim.made_on,
            claim_id=claim.claim_id,
        ))
    return out
