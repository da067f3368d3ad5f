"""The Neo4j driver, made the same way for the CLI, the loaders, the API and the tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import neo4j
from neo4j import AsyncDriver, Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from allygraph.errors import DatabaseUnavailable
from allygraph.queries import get_query
from allygraph.settings import Settings, get_settings

UNAVAILABLE = (ServiceUnavailable, SessionExpired, ConnectionError, OSError)


def _driver_options(settings: Settings) -> dict[str, Any]:
    return {
        "auth": (settings.neo4j_user, settings.neo4j_password.get_secret_value()),
        "connection_timeout": settings.neo4j_connect_timeout,
        # Fail fast when Neo4j is down instead of retrying for the default 30 s.
        "connection_acquisition_timeout": settings.neo4j_connect_timeout * 2,
        "max_transaction_retry_time": settings.neo4j_connect_timeout,
        "user_agent": "allygraph",
        # Our queries name properties that may not exist yet (until_start before any
        # membership ended); the server's notices about that are noise in every log.
        "notifications_min_severity": "OFF",
    }


def create_driver(settings: Settings | None = None) -> Driver:
    settings = settings or get_settings()
    return GraphDatabase.driver(settings.neo4j_uri, **_driver_options(settings))


def create_async_driver(settings: Settings | None = None) -> AsyncDriver:
    """The API's driver. It never retries a transaction: a retry turned every request in an
    outage into seconds of waiting, and the API's circuit breaker (service/breaker.py)
    answers 503 at once instead; clients retry after Retry-After."""
    settings = settings or get_settings()
    options = {**_driver_options(settings), "max_transaction_retry_time": 0.0}
    return neo4j.AsyncGraphDatabase.driver(settings.neo4j_uri, **options)


@contextmanager
def driver_session(settings: Settings | None = None) -> Iterator[Driver]:
    """A driver for one CLI command; Neo4j being down becomes a one-line error."""
    settings = settings or get_settings()
    driver = create_driver(settings)
    try:
        try:
            driver.verify_connectivity()
        except AuthError as exc:
            raise DatabaseUnavailable(f"Neo4j refused the credentials: {exc.message}") from None
        except UNAVAILABLE:
            raise DatabaseUnavailable(
                f"Neo4j is not reachable at {settings.neo4j_uri} (start it: make up)"
            ) from None
        yield driver
    finally:
        driver.close()


def apply_schema(driver: Driver, database: str | None = None) -> int:
    """Create every constraint and index of ``cypher/schema.cypher`` (all IF NOT EXISTS)."""
    database = database or get_settings().neo4j_database
    statements = get_query("schema").statements
    for statement in statements:
        driver.execute_query(statement, database_=database)
    return len(statements)


def reset_graph(driver: Driver, database: str | None = None) -> int:
    """Empty the graph in batches of ``cypher/reset.cypher``; return the nodes deleted."""
    database = database or get_settings().neo4j_database
    query = get_query("reset").text
    total = 0
    while True:
        records, _, _ = driver.execute_query(query, database_=database)
        deleted = records[0]["deleted"]
        total += deleted
        if deleted == 0:
            return total
