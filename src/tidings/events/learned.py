"""A learned second opinion on event types, fused with the rule coder into a per-event confidence.

A small spaCy ``textcat_multilabel`` model (bag of words, CPU, about 0.05 ms a sentence) says, for a sentence,
how likely it reports each of the 16 PLOVER types, and how likely it reports no political event at all
(label ``NONE``: sports, business, private crime, disasters, weather, idioms, page furniture). It is trained
by ``scripts/train_event_model.py`` on a synthetic corpus the project writes itself
(``scripts/make_event_corpus.py``) and shipped as package data (``data/event_model.bin`` and
``data/event_model.json``); it is loaded once, on first use, and nothing is fetched at run time.

:func:`review` is the pipeline's hook (after the events stage). With the settings of ``data/learned.json``:

* every event gets ``extra["confidence"]``: the rule coder's prior belief (by how many sides the rule named,
  adjusted by the kind of rule) pooled in log-odds with the model's probability of the event's PLOVER type
  (of "some event", ``1 - P(NONE)``, for CAMEO statements and appeals, which PLOVER leaves untyped), and
  ``extra["model"]``: the model's probabilities for the type and for ``NONE``;
* in mode ``veto`` an event with a PLOVER type is dropped when the model rates its sentence a non-event with
  high confidence and its type as unlikely.

``confidence`` here is the event's *coding* confidence, a number in 0..1; the exports' ``confidence``
(:mod:`tidings.export.factuality`) is FactBank's factuality value, a different thing.
"""

from __future__ import annotations

import functools
import json
import math
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

from tidings.errors import DataError
from tidings.log import get_logger
from tidings.record import Event

__all__ = ["MODES", "EventModel", "Settings", "confidence", "model", "review", "rule_prior", "settings"]

Mode = Literal["off", "fuse", "veto"]
MODES: tuple[str, ...] = ("off", "fuse", "veto")
NONE = "NONE"
_log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Settings:
    """How the model is fused with the rule coder (``data/learned.json``)."""

    mode: str = "fuse"
    rule_prior: dict[str, float] = field(default_factory=dict)
    rule_adjust: dict[str, float] = field(default_factory=dict)
    model_weight: float = 1.0
    clip: float = 0.02
    none_at_least: float = 0.5
    type_below: float = 0.5


def _data(name: str) -> bytes:
    try:
        return resources.files("tidings.events").joinpath("data", name).read_bytes()
    except (FileNotFoundError, OSError) as exc:
        raise DataError(f"events/data/{name} cannot be read ({exc})") from exc


@functools.cache
def settings() -> Settings:
    """The packaged fusion settings, read once."""
    raw = json.loads(_data("learned.json"))
    try:
        veto = raw["veto"]
        out = Settings(mode=str(raw["mode"]), rule_prior={k: float(v) for k, v in raw["rule_prior"].items()},
                       rule_adjust={k: float(v) for k, v in raw["rule_adjust"].items()},
                       model_weight=float(raw["model_weight"]), clip=float(raw["clip"]),
                       none_at_least=float(veto["none_at_least"]), type_below=float(veto["type_below"]))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"events/data/learned.json is malformed ({exc!r})") from exc
    if out.mode not in MODES or not {"two_sides", "one_side", "no_side"} <= set(out.rule_prior):
        raise DataError(f"events/data/learned.json: mode must be one of {MODES} and rule_prior name "
                        "two_sides, one_side and no_side")
    return out


class EventModel:
    """The trained text classifier: one probability per PLOVER type and one for ``NONE``."""

    def __init__(self, nlp: Any, labels: Sequence[str]) -> None:
        self.nlp = nlp
        self.labels = tuple(labels)

    def scores(self, texts: Iterable[str]) -> list[dict[str, float]]:
        """The label probabilities of each text (lower-cased, as the model was trained)."""
        return [{k: float(v) for k, v in doc.cats.items()}
                for doc in self.nlp.pipe(t.lower() for t in texts)]

    def score(self, text: str) -> dict[str, float]:
        return self.scores([text])[0]


@functools.cache
def model() -> EventModel:
    """The packaged model, loaded once (spaCy builds it from the stored config; nothing is downloaded)."""
    from spacy.lang.en import English
    from thinc.api import Config

    meta = json.loads(_data("event_model.json"))
    try:
        nlp = English.from_config(Config().from_str(meta["config"]))
        nlp.from_bytes(zlib.decompress(_data("event_model.bin")))
    except (KeyError, ValueError, zlib.error) as exc:
        raise DataError(f"events/data/event_model.bin cannot be loaded ({exc!r})") from exc
    return EventModel(nlp, meta["labels"])


def rule_prior(event: Event, conf: Settings) -> float:
    """The rule coder's own belief in an event: by the sides it named, adjusted by the kind of rule."""
    sides = (event.source is not None) + (event.target is not None)
    prior = conf.rule_prior[("no_side", "one_side", "two_sides")[sides]]
    prior += sum(delta for key, delta in conf.rule_adjust.items() if key in event.rule)
    return min(max(prior, conf.clip), 1 - conf.clip)


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def confidence(prior: float, probability: float, conf: Settings) -> float:
    """The rule's prior and the model's probability pooled in log-odds (a logarithmic opinion pool)."""
    p = min(max(probability, conf.clip), 1 - conf.clip)
    return 1 / (1 + math.exp(-(_logit(prior) + conf.model_weight * _logit(p))))


def _vetoed(type_p: float | None, none_p: float, conf: Settings) -> bool:
    return type_p is not None and none_p >= conf.none_at_least and type_p < conf.type_below


def review(events: list[Event], mode: str | None = None) -> list[Event]:
    """Add the learned confidence to each event; in mode ``veto`` drop the events the model rejects.

    ``mode`` None takes the packaged setting; ``off`` returns the events untouched."""
    conf = settings()
    mode = mode or conf.mode
    if mode not in MODES:
        raise ValueError(f"learned mode must be one of {MODES}, not {mode!r}")
    if mode == "off" or not events:
        return events
    texts = sorted({e.evidence for e in events})
    scored = dict(zip(texts, model().scores(texts), strict=True))
    kept: list[Event] = []
    for event in events:
        cats = scored[event.evidence]
        none_p = cats.get(NONE, 0.0)
        type_p = cats.get(event.plover.type) if event.plover is not None else None
        if mode == "veto" and _vetoed(type_p, none_p, conf):
            _log.debug("learned veto: %s %s (P(type)=%.3f, P(NONE)=%.3f)", event.doc_id, event.event_id,
                       type_p or 0.0, none_p)
            continue
        evidence = type_p if type_p is not None else 1 - none_p
        event.extra["confidence"] = round(confidence(rule_prior(event, conf), evidence, conf), 4)
        event.extra["model"] = {"type": None if type_p is None else round(type_p, 4),
                                "none": round(none_p, 4)}
        kept.append(event)
    return kept
