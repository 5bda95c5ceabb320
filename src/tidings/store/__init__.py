"""The embedded event store (DuckDB): articles, events, actors, mentions, skipped inputs, ingest runs.

See ``docs/store.md`` for the schema.
"""

from __future__ import annotations

from tidings.store.db import DEFAULT_DB, Batch, EventQuery, Skip, Store, StoredArticle
from tidings.store.schema import SCHEMA_VERSION

__all__ = ["DEFAULT_DB", "SCHEMA_VERSION", "Batch", "EventQuery", "Skip", "Store", "StoredArticle"]
