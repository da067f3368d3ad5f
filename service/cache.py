"""A read cache keyed by graph version: whole GET answers kept in the API process.

The graph only changes when articles load, so an answer stays right until
``GraphMeta.version`` moves. ``ReadCacheMiddleware`` (pure ASGI, inside the ETag
middleware) keeps the bytes a route sent (body, content type and the route's other headers)
under route path + normalised query parameters + Accept, and serves them again without
routing, validation or Neo4j, until the graph's stamp changes; then every entry is dropped.

What decides freshness (``GraphStamp``): the graph version, the time of its last bump (a
graph emptied and loaded again restarts its versions at 1, with a new time) and the day
(the API marks rivalries stale by age). The version is re-read at most every
``READ_CACHE_VERSION_TTL`` seconds (5 ms by default; in the background once half of that
has passed, so requests rarely wait), so a load by another process (``allygraph load``) is
seen at most that late, or at most 4x that late while a version read is slow in coming
(Neo4j busy: requests keep the last value meanwhile instead of queueing behind the read). A
write through this API (``POST``/``DELETE /articles``, the web ingest) invalidates the
version at once: the next request re-reads it. The ETags use the same version, so they are
as fresh. A graph with no ``GraphMeta`` (never loaded through the loaders: nothing says
when it changes) is not cached.

What is cached: 200 answers of the routes in ``READ_CACHE_ROUTES`` (the JSON read API; not
``/cypher``, ``/health``, the web pages, which vary by cookie and language, or static
files), without ``Set-Cookie``, ``Content-Encoding`` or a ``Vary`` beyond ``Accept``.
Requests carrying credentials (``Authorization``, ``X-API-Key``) are never answered from the
cache. ``Cache-Control: no-cache`` in a request goes to the route and refreshes the entry.
Memory: at most ``READ_CACHE_MAX_BYTES`` (body + headers + key + a fixed overhead per
entry), least recently used first out; an answer over a quarter of that is not kept.

Headers (RFC 9211): ``Cache-Status: allygraph; hit`` with ``Age`` (seconds since the answer
was stored), ``allygraph; fwd=miss; stored`` (or without ``stored`` when it was not kept),
``allygraph; fwd=request`` for ``no-cache``, ``allygraph; fwd=bypass`` with a ``detail``
when the cache could not be used.

Outage: no cached answer is served once the version cannot be read (Neo4j down, the
circuit breaker open): the request goes to its route, which answers 503 at once, as without
the cache. Only within ``READ_CACHE_VERSION_TTL`` of the last good version read can a hit
be served while Neo4j has just gone. Serving stale answers through an outage was left out
on purpose: the API could not tell a stale answer from a current one, and a 503 says so.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from datetime import date
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from allygraph.service.middleware import GraphVersion
from allygraph.settings import Settings

# Bytes charged per entry beyond its body, headers and key (the tuple, list and dict slots).
ENTRY_OVERHEAD = 400
# POSTs that do not write: no need to re-read the version after them.
READ_ONLY_POSTS = frozenset({"/cypher"})
CREDENTIALS = (b"authorization", b"x-api-key")
# Response headers an answer may not carry to be kept (lower-case).
UNCACHEABLE_HEADERS = frozenset({b"set-cookie", b"content-encoding"})
# Headers added on the way out, never stored.
NOT_STORED = frozenset({b"etag", b"cache-control", b"cache-status", b"age", b"date", b"server"})

# A version read still on its way lets requests keep the last value up to GRACE x the TTL.
GRACE = 4
Stamp = tuple[int, str | None, int]
Key = tuple[str, str, str]


class GraphStamp(GraphVersion):
    """``GraphVersion`` (the version for ETags) that also keeps the stamp the cache keys on.

    ``stamp`` is (version, time of the last bump, today's ordinal) or None while Neo4j cannot
    say; it is read together with the version, so the two always agree. A read counts from
    when it started: a load that commits while the read runs is seen on the next one.
    """

    def __init__(self, ttl: float) -> None:
        super().__init__(ttl)
        self.stamp: tuple[int, str | None] | None = None
        # While a read is on its way, requests keep the value up to this age instead of
        # queueing behind the read (Neo4j busy: a read can take longer than ``ttl``).
        self.grace = GRACE * ttl

    async def get(self, state: Any) -> int | None:
        age = time.monotonic() - self._read_at
        if self.ttl <= age < self.grace and self._ahead is not None:
            return self._value
        return await super().get(state)

    async def _reread(self, state: Any) -> None:
        from allygraph.service.deps import read

        generation = self._generation
        started = time.monotonic()
        try:
            rows = await read(state.driver, state.settings, "graph_version")
            number = int(rows[0]["version"]) if rows else 0
            bumped = str(rows[0]["stamp"]) if rows and rows[0].get("stamp") else None
            version: int | None = number
            stamp: tuple[int, str | None] | None = (number, bumped)
        except Exception:
            # Neo4j down: no tag, no cache; the route itself answers 503.
            version, stamp = None, None
        if generation == self._generation:
            self._value, self.stamp = version, stamp
            self._read_at = started

    async def current(self, state: Any) -> Stamp | None:
        """The stamp to key answers by, or None when answers must not be cached."""
        if await self.get(state) is None or self.stamp is None:
            return None
        version, bumped = self.stamp
        if version == 0 and bumped is None:
            return None  # no GraphMeta: written outside the loaders
        return (version, bumped, date.today().toordinal())


class Entry(NamedTuple):
    body: bytes
    headers: list[tuple[bytes, bytes]]
    stored_at: float
    size: int


class LruBytes:
    """Entries of one graph stamp, least recently used first out past ``max_bytes``."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.stamp: Stamp | None = None
        self._entries: OrderedDict[Key, Entry] = OrderedDict()
        self.evictions = 0

    def __len__(self) -> int:
        return len(self._entries)

    def sync(self, stamp: Stamp) -> None:
        """Drop everything when the graph moved on."""
        if stamp != self.stamp:
            self._entries.clear()
            self.bytes = 0
            self.stamp = stamp

    def get(self, key: Key) -> Entry | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, stamp: Stamp, key: Key, entry: Entry) -> bool:
        """Keep ``entry`` if it was read under the current stamp and fits; True if kept."""
        if stamp != self.stamp or entry.size > self.max_bytes // 4:
            return False
        old = self._entries.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._entries[key] = entry
        self.bytes += entry.size
        while self.bytes > self.max_bytes:
            _, gone = self._entries.popitem(last=False)
            self.bytes -= gone.size
            self.evictions += 1
        return True

    def clear(self) -> None:
        self._entries.clear()
        self.bytes = 0


def header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key == name:
            return value
    return None


def cache_key(scope: Scope) -> Key:
    """Path, query parameters sorted by name (repeated names keep their order, as routes
    read them), and Accept (absent and ``*/*`` are one variant)."""
    query = scope.get("query_string", b"")
    if query:
        pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
        pairs.sort(key=lambda pair: pair[0])
        params = urlencode(pairs)
    else:
        params = ""
    accept = (header(scope, b"accept") or b"").decode("latin-1").replace(" ", "").lower()
    return (scope["path"], params, "" if accept == "*/*" else accept)


def storable(headers: list[tuple[bytes, bytes]]) -> bool:
    for name, value in headers:
        name = name.lower()
        if name in UNCACHEABLE_HEADERS:
            return False
        if name == b"vary" and any(
            v.strip() not in (b"accept", b"") for v in value.lower().split(b",")
        ):
            return False
        if name == b"cache-control" and (b"no-store" in value or b"private" in value):
            return False
    return True


def status_header(value: str) -> tuple[bytes, bytes]:
    return (b"cache-status", f"allygraph; {value}".encode())


class ReadCacheMiddleware:
    def __init__(
        self, app: ASGIApp, versions: GraphStamp, max_bytes: int, routes: frozenset[str]
    ) -> None:
        self.app = app
        self.versions = versions
        self.routes = routes
        self.store = LruBytes(max_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method != "GET":
            if method in ("HEAD", "OPTIONS") or scope["path"] in READ_ONLY_POSTS:
                await self.app(scope, receive, send)
            else:
                await self.app(scope, receive, self._invalidating(send))
            return
        if any(header(scope, name) is not None for name in CREDENTIALS):
            await self._forward(scope, receive, send, None, None, "fwd=bypass; detail=credentials")
            return
        stamp = await self.versions.current(scope["app"].state)
        if stamp is None:
            await self._forward(scope, receive, send, None, None, "fwd=bypass; detail=no-version")
            return
        self.store.sync(stamp)
        key = cache_key(scope)
        control = (header(scope, b"cache-control") or b"") + (header(scope, b"pragma") or b"")
        if b"no-cache" in control.lower():
            await self._forward(scope, receive, send, stamp, key, "fwd=request")
            return
        entry = self.store.get(key)
        if entry is None:
            await self._forward(scope, receive, send, stamp, key, "fwd=miss")
            return
        age = int(time.monotonic() - entry.stored_at)
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    *entry.headers,
                    status_header("hit"),
                    (b"age", str(age).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": entry.body})

    def _invalidating(self, send: Send) -> Send:
        """After a request that may have written: the next GET re-reads the version."""

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] < 400:
                self.versions.invalidate()
            await send(message)

        return wrapped

    async def _forward(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        stamp: Stamp | None,
        key: Key | None,
        status: str,
    ) -> None:
        """Run the route; keep its answer when it is a 200 of a cached route."""
        limit = self.store.max_bytes // 4
        kept: dict[str, Any] = {"keep": False, "chunks": [], "size": 0, "headers": []}

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                route = scope.get("route")
                path = getattr(route, "path", None)
                if path not in self.routes:
                    await send(message)  # not ours: no header either
                    return
                headers = list(message.get("headers", []))
                kept["keep"] = key is not None and message["status"] == 200 and storable(headers)
                kept["headers"] = [(k, v) for k, v in headers if k.lower() not in NOT_STORED]
                note = status + ("; stored" if kept["keep"] else "")
                message = {**message, "headers": [*headers, status_header(note)]}
            elif message["type"] == "http.response.body" and kept["keep"]:
                body = message.get("body", b"")
                kept["size"] += len(body)
                if kept["size"] > limit:
                    kept["keep"] = False
                    kept["chunks"] = []
                else:
                    kept["chunks"].append(body)
                    if not message.get("more_body", False) and stamp is not None and key:
                        self._keep(stamp, key, b"".join(kept["chunks"]), kept["headers"])
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(
        self, stamp: Stamp, key: Key, body: bytes, headers: list[tuple[bytes, bytes]]
    ) -> None:
        size = (
            len(body)
            + sum(len(k) + len(v) for k, v in headers)
            + sum(len(part) for part in key)
            + ENTRY_OVERHEAD
        )
        self.store.put(stamp, key, Entry(body, headers, time.monotonic(), size))


def install(app: Any, settings: Settings) -> GraphVersion:
    """Add the read cache to ``app`` when it is on, and return the graph version the ETags
    should use: the cache's own (re-read every few ms) or, with the cache off, the ETag
    middleware's usual one (1 s)."""
    if not settings.read_cache or settings.read_cache_max_bytes <= 0:
        return GraphVersion()
    versions = GraphStamp(settings.read_cache_version_ttl)
    app.add_middleware(
        ReadCacheMiddleware,
        versions=versions,
        max_bytes=settings.read_cache_max_bytes,
        routes=frozenset(settings.read_cache_routes),
    )
    return versions
