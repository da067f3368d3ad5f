"""Every error leaves the API as RFC 9457 ``application/problem+json``, made in one place.

Clients get a status, a title and a one-line detail; never a stack trace. Neo4j being
unreachable is a 503 with the reason, whichever route noticed it.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j.exceptions import (
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from allygraph.errors import AllygraphError

log = logging.getLogger("allygraph.api")

PROBLEM_JSON = "application/problem+json"


class Problem(BaseModel):
    """The body of every error response (RFC 9457 allows extension members, such as the
    ``reason`` of a refused query)."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None
    suggestions: list[dict[str, Any]] | None = None


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": title}
    for status, title in (
        (404, "Not found"),
        (422, "Invalid parameters"),
        (503, "Neo4j unavailable"),
    )
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` for the given error statuses (problem+json bodies)."""
    return {
        status: {
            "model": Problem,
            "content": {PROBLEM_JSON: {}},
            "description": _TITLES.get(status, "Error"),
        }
        for status in statuses
    }


_TITLES = {
    400: "Invalid request",
    401: "API key missing",
    403: "Refused",
    404: "Not found",
    413: "Request too large",
    422: "Invalid parameters",
    429: "Too many requests",
    503: "Neo4j unavailable",
    504: "Query timed out",
}
_RETRY_AFTER = {429: 1, 503: 5}
# Every read GET answers 304 to a current If-None-Match (see service/middleware.py).
NOT_MODIFIED: dict[int | str, dict[str, Any]] = {
    304: {"description": "Not modified: the ETag sent in If-None-Match is current"}
}


def problem(
    request: Request,
    status: int,
    title: str,
    detail: str,
    retry_after: int | None = None,
    **extra: Any,
) -> JSONResponse:
    """A problem+json response; 429 and 503 say when to retry (``retry_after`` seconds,
    else 1 s for 429 and 5 s for 503)."""
    body = Problem(title=title, status=status, detail=detail, instance=request.url.path, **extra)
    if retry_after is None and status in _RETRY_AFTER:
        retry_after = _RETRY_AFTER[status]
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(AllygraphError)
    async def _ours(request: Request, exc: AllygraphError) -> JSONResponse:
        extra = dict(exc.extra)
        retry_after = extra.pop("retry_after", None)
        return problem(
            request,
            exc.status,
            exc.title,
            exc.message,
            retry_after=retry_after if isinstance(retry_after, int) else None,
            **extra,
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        detail = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
        return problem(request, 422, "Invalid parameters", detail[:2000], errors=errors[:50])

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = {404: "Not found", 405: "Method not allowed", 413: "Request too large"}.get(
            exc.status_code, "Error"
        )
        return problem(request, exc.status_code, title, str(exc.detail))

    @app.exception_handler(ServiceUnavailable)
    @app.exception_handler(SessionExpired)
    async def _down(request: Request, exc: Exception) -> JSONResponse:
        return problem(request, 503, "Neo4j unavailable", "Neo4j is not reachable; retry shortly")

    @app.exception_handler(ClientError)
    async def _client(request: Request, exc: ClientError) -> JSONResponse:
        if exc.code and "TransactionTimedOut" in exc.code:
            return problem(request, 504, "Query timed out", "the query ran past its time limit")
        log.warning("neo4j client error on %s: %s", request.url.path, exc.code)
        return problem(request, 400, "Query error", exc.message or "Neo4j refused the query")

    @app.exception_handler(Neo4jError)
    @app.exception_handler(DriverError)
    async def _neo4j(request: Request, exc: Exception) -> JSONResponse:
        log.exception("neo4j error on %s", request.url.path)
        return problem(request, 503, "Neo4j unavailable", "Neo4j could not answer; retry shortly")

    @app.exception_handler(Exception)
    async def _any(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return problem(request, 500, "Internal error", "the server failed to answer; see its log")
