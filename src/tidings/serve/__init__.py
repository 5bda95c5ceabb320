"""Serve an event store: a read-only REST API (FastAPI, docs at ``/docs``) and a dashboard at ``/``.

    from tidings.serve import create_app
    app = create_app("tidings.duckdb")

See ``docs/api.md``.
"""

from __future__ import annotations

from tidings.serve.app import create_app
from tidings.serve.errors import ApiError

__all__ = ["ApiError", "create_app"]
