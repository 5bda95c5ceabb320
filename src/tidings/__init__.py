"""tidings: news articles in; attributed, dated, geocoded CAMEO/PLOVER events out.

    import tidings
    for event in tidings.extract(text, published="2020-05-09"):
        print(event.source, event.cameo.code, event.target, event.factuality)

The public names below are imported lazily (PEP 562): ``import tidings`` stays cheap, and spaCy is loaded
only when a :class:`Pipeline` is built.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tidings.about import __version__

if TYPE_CHECKING:
    from tidings.errors import InputError, TidingsError
    from tidings.pipeline import Options, Pipeline, Result, extract
    from tidings.record import Actor, Article, Attribution, Cameo, Event, Location, Plover

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "Cameo",
    "Event",
    "InputError",
    "Location",
    "Options",
    "Pipeline",
    "Plover",
    "Result",
    "TidingsError",
    "__version__",
    "extract",
]

_LAZY: dict[str, str] = {
    "extract": "tidings.pipeline",
    "Pipeline": "tidings.pipeline",
    "Options": "tidings.pipeline",
    "Result": "tidings.pipeline",
    "Article": "tidings.record",
    "Event": "tidings.record",
    "Actor": "tidings.record",
    "Cameo": "tidings.record",
    "Plover": "tidings.record",
    "Location": "tidings.record",
    "Attribution": "tidings.record",
    "TidingsError": "tidings.errors",
    "InputError": "tidings.errors",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tidings' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
