"""Two pure-ASGI middlewares: request-body size limits and ETags from the graph version.

Both act before a route runs: a body that is too big is refused before it is parsed, and a
conditional GET whose tag is current is answered 304 without running the route's query.

Staleness bound of the ETags: the graph version (``GraphMeta.version``, bumped by every load
that changes the graph) is kept in memory and re-read from Neo4j at most once every
``VERSION_TTL`` seconds (1 s), shared by all requests (read ahead in the background once
half of that has passed, so requests rarely wait for it). A load made by another process is
therefore seen at most 1 s late: in that window a client holding the previous tag may get a
304 for data that just changed. A load made through this API (``POST /articles``)
invalidates the cached version at once. Responses never carry a tag newer than their data:
the version is read before the route runs its query.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from allygraph.service.problems import problem

VERSION_TTL = 1.0
# Paths whose answers do not come from the graph: no ETag.
UNTAGGED = frozenset({"/health", "/openapi.json", "/docs", "/redoc", "/docs/oauth2-redirect"})


class GraphVersion:
    """``GraphMeta.version`` cached for ``ttl`` seconds; None while Neo4j cannot say.

    Read ahead: once the value is half its ``ttl`` old, the request that notices starts a
    re-read in the background and goes on with the cached value, so under steady traffic
    a GET makes one Neo4j round trip (its own query), not two. Only a GET after ``ttl`` of
    silence (or after ``invalidate``) waits for the version read; in an outage that read
    fails at once behind the circuit breaker (``service/breaker.py``).
    """

    def __init__(self, ttl: float = VERSION_TTL) -> None:
        self.ttl = ttl
        self._value: int | None = None
        self._read_at = float("-inf")
        self._lock = asyncio.Lock()
        self._ahead: asyncio.Task[None] | None = None
        # Bumped by invalidate(): a read started before it must not be stored after it.
        self._generation = 0

    def invalidate(self) -> None:
        self._read_at = float("-inf")
        self._generation += 1

    async def get(self, state: Any) -> int | None:
        age = time.monotonic() - self._read_at
        if age < self.ttl:
            if age >= self.ttl / 2 and self._ahead is None:
                self._ahead = asyncio.create_task(self._read_ahead(state))
            return self._value
        async with self._lock:
            if time.monotonic() - self._read_at < self.ttl:
                return self._value
            await self._reread(state)
            return self._value

    async def _read_ahead(self, state: Any) -> None:
        try:
            async with self._lock:
                await self._reread(state)
        finally:
            self._ahead = None

    async def _reread(self, state: Any) -> None:
        from allygraph.service.deps import read

        generation = self._generation
        try:
            rows = await read(state.driver, state.settings, "graph_version")
            value: int | None = int(rows[0]["version"]) if rows else 0
        except Exception:
            # Neo4j down: no tag for a while; the route itself answers 503.
            value = None
        if generation == self._generation:
            self._value = value
            self._read_at = time.monotonic()


def etag_for(version: int, scope: Scope) -> str:
    """A strong tag: the graph version plus a digest of the path, query string and Accept
    (``Accept: text/csv`` gets CSV from the same URL, so it must not match the JSON's tag)."""
    accept = next((v for k, v in scope.get("headers", ()) if k == b"accept"), b"")
    target = scope["path"].encode() + b"?" + scope.get("query_string", b"") + b"\n" + accept
    digest = hashlib.blake2b(target, digest_size=8).hexdigest()
    return f'"g{version}-{digest}"'


def tag_matches(header: str, tag: str) -> bool:
    """If-None-Match comparison (weak, as RFC 9110 asks for GET): any listed tag or '*'."""
    if header.strip() == "*":
        return True
    wanted = tag.removeprefix("W/")
    return any(t.strip().removeprefix("W/") == wanted for t in header.split(","))


class ETagMiddleware:
    def __init__(self, app: ASGIApp, versions: GraphVersion) -> None:
        self.app = app
        self.versions = versions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or scope["path"] in UNTAGGED
        ):
            await self.app(scope, receive, send)
            return
        version = await self.versions.get(scope["app"].state)
        if version is None:
            await self.app(scope, receive, send)
            return
        tag = etag_for(version, scope)
        headers = dict(scope["headers"])
        if_none_match = headers.get(b"if-none-match")
        if if_none_match is not None and tag_matches(if_none_match.decode("latin-1"), tag):
            await send(
                {
                    "type": "http.response.start",
                    "status": 304,
                    "headers": [(b"etag", tag.encode()), (b"cache-control", b"no-cache")],
                }
            )
            await send({"type": "http.response.body", "body": b""})
            return

        async def tagged(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                message = {
                    **message,
                    "headers": [
                        *message.get("headers", []),
                        (b"etag", tag.encode()),
                        (b"cache-control", b"no-cache"),
                    ],
                }
            await send(message)

        await self.app(scope, receive, tagged)


class BodyLimitMiddleware:
    """Refuses request bodies over a per-path limit with 413, before any parsing.

    The declared Content-Length is checked first; a body sent without one (chunked) is read
    up to the limit and replayed to the route, so no route ever sees more than its limit.
    """

    def __init__(self, app: ASGIApp, limits: dict[str, int], default: int) -> None:
        self.app = app
        self.limits = limits
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.limits.get(scope["path"], self.default)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                declared = limit + 1
            if declared > limit:
                await self._refuse(scope, receive, send, limit)
                return
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            size += len(message.get("body", b""))
            if size > limit:
                await self._refuse(scope, receive, send, limit)
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        response = problem(
            Request(scope),
            413,
            "Request too large",
            f"the request body is larger than the limit of {limit} bytes for {scope['path']}",
        )
        await response(scope, receive, send)
