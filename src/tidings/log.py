"""Logging under the ``tidings`` logger, and tidings' own numbered warnings.

The library never prints: it logs. Every warning a user may see carries a number, so it can be searched and
silenced by number, like spaCy's ``[W005]``. Numbers are grouped by the part of tidings that raises them:

    W0xx  input and ingest (readers, validation, limits)
    W1xx  event coding (coder, lexicon, dictionaries importer)
    W2xx  the pipeline's stages (mentions, actors, claims, summaries)
    W3xx  the store and the server
    W4xx  the command line and exports
    W5xx  cleaning, dates and places

Applications (the CLI, the server) configure handlers; the library only adds a ``NullHandler``.
"""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger("tidings")
logger.addHandler(logging.NullHandler())


def get_logger(name: str) -> logging.Logger:
    """The logger of a tidings module (``tidings.<name>``): ``get_logger(__name__)``."""
    if name == "tidings":
        return logger
    return logging.getLogger(name if name.startswith("tidings.") else f"tidings.{name}")


def warn(code: str, message: str, *, doc_id: str | None = None, log: logging.Logger | None = None,
         **fields: Any) -> str:
    """Log a numbered warning (``[W101] ... (document 'x')``) and return the text that was logged."""
    where = f" (document {doc_id!r})" if doc_id else ""
    text = f"[{code}] {message}{where}"
    (log or logger).warning(text, extra={"tidings_code": code, "doc_id": doc_id, **fields})
    return text
