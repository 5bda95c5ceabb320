"""Serve an event store: a read-only REST API (FastAPI, docs at ``/docs``) and a dashboard at ``/``.

    from tidings.serve import create_app
    app = create_app("tidings.duckdb")

See ``docs/api.md``. FastAPI is imported only when :func:`create_app` is first used (the ``serve`` extra), so
``tidings.serve.queries`` and ``tidings.serve.cli`` stay light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tidings.serve.app import create_app
    from tidings.serve.errors import ApiError

__all__ = ["ApiError", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from tidings.serve.app import create_app

        return create_app
    if name == "ApiError":
        from tidings.serve.errors import ApiError

        return ApiError
    raise AttributeError(f"module 'tidings.serve' has no attribute {name!r}")
