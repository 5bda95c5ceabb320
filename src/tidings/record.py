"""The typed records that flow through the pipeline and come out of it.

An :class:`Article` goes in; each stage adds to a :class:`Document` (cleaned text, sentences, mentions);
:class:`Event` records come out. Every record serialises to plain JSON with ``to_dict`` in the field
order documented in the README ("Output contract").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Factuality = Literal["asserted", "reported", "hedged", "rumoured", "negated", "hypothetical"]
FACTUALITY_LABELS: tuple[str, ...] = ("asserted", "reported", "hedged", "rumoured", "negated", "hypothetical")
DatePrecision = Literal["day", "month", "year"]


@dataclass(slots=True)
class Article:
    """One input document, as read from a file, a JSON record or a string."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved to a CAMEO-style code (country + sector codes)."""

    text: str  # the words in the article
    name: str  # canonical name ("Kim Jong Un", "North Korea")
    code: str  # "PRKGOV", "RUS", "IGOUNO", "---REB"
    country: str | None  # ISO 3166 alpha-3 or None for IGOs/unknown
    sector: str | None  # first sector code after the country ("GOV", "MIL", ...)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "code": self.code,
                "country": self.country, "sector": self.sector}


@dataclass(frozen=True, slots=True)
class Cameo:
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None
    context: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    geonameid: int | None
    text: str | None = None  # the words in the article

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
                "geonameid": self.geonameid}


@dataclass(frozen=True, slots=True)
class Attribution:
    text: str  # the source phrase ("Pyongyang's official Korean Central News Agency", "some experts")
    name: str | None  # canonical name when resolved
    code: str | None  # actor code when resolved
    cue: str  # the cue word ("said", "according to", "reported")

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "code": self.code, "cue": self.cue}


@dataclass(frozen=True, slots=True)
class DateInfo:
    date: dt.date | None  # None: an undated article, and no absolute date expression
    text: str | None  # None: no date expression; the publication date was used
    precision: DatePrecision
    from_publication: bool = False


@dataclass(slots=True)
class Event:
    doc_id: str
    event_id: str
    sentence: int
    evidence: str
    span: tuple[int, int]
    date: dt.date | None
    date_text: str | None
    date_precision: str | None
    source: Actor | None
    target: Actor | None
    cameo: Cameo
    plover: Plover | None
    location: Location | None
    attribution: Attribution | None
    factuality: str
    rule: str
    coder: str
    trigger: str = ""
    trigger_span: tuple[int, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "span": list(self.span),
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo.to_dict(),
            "plover": self.plover.to_dict() if self.plover else None,
            "location": self.location.to_dict() if self.location else None,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "factuality": self.factuality,
            "rule": self.rule,
            "coder": self.coder,
            "trigger": self.trigger,
            "trigger_span": list(self.trigger_span) if self.trigger_span else None,
        }
