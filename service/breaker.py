"""A circuit breaker in front of Neo4j: in an outage, answer 503 at once instead of trying.

Why: with Neo4j stopped, every request used to wait for the driver (connection attempts and
about 6.6 s of read retries, twice per GET) before failing; with Neo4j frozen, up to 29 s.
Now the first request that meets a connection failure opens the breaker. While it is open,
requests that need Neo4j are answered 503 (``DatabaseUnavailable``, Retry-After) without
touching the driver. After ``neo4j_breaker_interval`` seconds one request (the probe) is let
through; if Neo4j answers, the breaker closes and everything flows again, otherwise it
stays open for another interval. So an outage costs one failed attempt per interval, and
recovery is seen within one interval (plus the probe) of Neo4j answering again.

What opens it: the driver's connection failures (``ServiceUnavailable``,
``SessionExpired``, refused or reset sockets), Neo4j saying the database is unavailable,
and ``Unresponsive`` (a route's query that Neo4j did not answer within its own timeout plus
the connection budget). A query error (bad Cypher, a timeout Neo4j reports itself) means
Neo4j answered: it closes the breaker, it does not open it. Ad-hoc queries from
``POST /cypher`` never raise ``Unresponsive``: a user's slow query must not be able to
hold the breaker open for everyone.

One breaker per driver (so per API process), found with ``breaker_for``.
"""

from __future__ import annotations

import math
import time
import weakref
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from neo4j import AsyncDriver
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from allygraph.errors import DatabaseUnavailable

DEFAULT_INTERVAL = 0.5


class Unresponsive(DatabaseUnavailable):
    """Neo4j accepted the request but did not answer in time: treated as an outage."""


def is_outage(exc: BaseException) -> bool:
    if isinstance(exc, TimeoutError):
        # An OSError too, but asyncio's deadline on a query: only ``Unresponsive`` (which
        # read() raises for it) says the deadline meant an outage.
        return False
    if isinstance(exc, ServiceUnavailable | SessionExpired | Unresponsive | OSError):
        return True
    return isinstance(exc, Neo4jError) and "DatabaseUnavailable" in (exc.code or "")


class CircuitBreaker:
    def __init__(
        self, interval: float = DEFAULT_INTERVAL, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.interval = interval
        self.clock = clock
        self.reason = ""
        self._open_until: float | None = None  # None: closed
        self._probing = False

    @property
    def is_open(self) -> bool:
        return self._open_until is not None

    def _admit(self) -> bool:
        """True when this request is the probe; raises while the breaker refuses."""
        if self._open_until is None:
            return False
        if self._probing or self.clock() < self._open_until:
            raise DatabaseUnavailable(
                f"Neo4j is not reachable ({self.reason}); not retrying for "
                f"{self.interval:g} s at a time until it answers again",
                retry_after=max(1, math.ceil(self.interval)),
            )
        self._probing = True
        return True

    def record_success(self) -> None:
        self._open_until = None
        self._probing = False
        self.reason = ""

    def record_failure(self, exc: BaseException) -> None:
        self._open_until = self.clock() + self.interval
        self._probing = False
        self.reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]

    @asynccontextmanager
    async def guard(self) -> AsyncIterator[None]:
        """Around one use of the driver: refuse while open, learn from how it ends."""
        probe = self._admit()
        try:
            yield
        except BaseException as exc:
            if is_outage(exc):
                self.record_failure(exc)
            elif isinstance(exc, Exception) and not isinstance(exc, TimeoutError):
                self.record_success()  # Neo4j answered, if only with an error
            elif probe:
                # Cancelled, or an ad-hoc query that ran out of time: no news either way;
                # the next request probes.
                self._probing = False
            raise
        else:
            self.record_success()


_BREAKERS: weakref.WeakKeyDictionary[AsyncDriver, CircuitBreaker] = weakref.WeakKeyDictionary()


def breaker_for(driver: AsyncDriver, interval: float = DEFAULT_INTERVAL) -> CircuitBreaker:
    """The breaker of this driver, made on first use (the driver is made in the app's
    lifespan, so this is one breaker per API process)."""
    breaker = _BREAKERS.get(driver)
    if breaker is None:
        breaker = _BREAKERS[driver] = CircuitBreaker(interval)
    return breaker
