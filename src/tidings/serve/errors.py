"""The API's one error shape, and the exception that carries it.

Every error the service answers, whatever raised it (a bad parameter, an unknown id, an unknown route, a
query over its time limit, a missing token, a bug), is rendered by :func:`error_body`::

    {"error": {"status": 404, "code": "not_found", "message": "no event 'abc'", "detail": null}}

``code`` is one of :data:`ERROR_CODES`; ``detail`` is null or a list of ``{"param", "message"}`` objects
(which parameter was wrong and why).
"""

from __future__ import annotations

from typing import Any

ERROR_CODES = {
    400: "invalid_parameter",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
    504: "timeout",
}


class ApiError(Exception):
    """An error answered to the client with ``status`` and the one error shape."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 detail: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or ERROR_CODES.get(status, "error")
        self.message = message
        self.detail = detail


def error_body(status: int, message: str, *, code: str | None = None,
               detail: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code or ERROR_CODES.get(status, "error"), "message": message,
                      "detail": detail}}


def not_found(what: str, key: str) -> ApiError:
    return ApiError(404, f"no {what} {key!r}")


def bad_param(param: str, message: str) -> ApiError:
    return ApiError(400, f"{param}: {message}", detail=[{"param": param, "message": message}])
