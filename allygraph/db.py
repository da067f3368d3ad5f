"""The Neo4j driver, made the same way for the CLI, the loaders, the API and the tests.

The same code runs on one server and on a cluster or Aura (README, "Bigger than one
machine"): ``NEO4J_URI`` may be ``bolt://`` (one server), ``neo4j://`` (routing: the
server's routing table sends reads to readers and writes to the leader) or ``neo4j+s://``
(routing over TLS, as Aura requires). Every session names its database
(``NEO4J_DATABASE``); reads run as READ transactions (``read_query`` here, READ sessions in
the API), writes as transaction functions (``execute_write`` / ``write_query``), which the
driver retries on a leader switch, so every write query is idempotent (MERGE on keys).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import neo4j
from neo4j import AsyncDriver, Driver, GraphDatabase, Record, RoutingControl
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


def read_query(
    driver: Driver,
    name: str,
    params: dict[str, Any] | None = None,
    database: str | None = None,
) -> list[Record]:
    """Run the read query ``cypher/<name>.cypher`` as a READ transaction function: routed
    to a reader on a cluster, retried by the driver on a transient failure."""
    return _run(driver, name, "read", RoutingControl.READ, params, database)


def write_query(
    driver: Driver,
    name: str,
    params: dict[str, Any] | None = None,
    database: str | None = None,
) -> list[Record]:
    """Run the write query ``cypher/<name>.cypher`` as one WRITE transaction function (on
    the leader of a cluster); the driver may run it again after a failure, so the query
    must be idempotent."""
    return _run(driver, name, "write", RoutingControl.WRITE, params, database)


def _run(
    driver: Driver,
    name: str,
    mode: str,
    routing: RoutingControl,
    params: dict[str, Any] | None,
    database: str | None,
) -> list[Record]:
    """One query file as a transaction function of its mode, on the named database."""
    query = get_query(name)
    if query.mode != mode:
        raise ValueError(f"{name} is not a {mode} query")
    records, _, _ = driver.execute_query(
        query.text,
        query.bind(**(params or {})),
        database_=database or get_settings().neo4j_database,
        routing_=routing,
    )
    return records


def apply_schema(driver: Driver, database: str | None = None) -> int:
    """Create every constraint and index of ``cypher/schema.cypher`` (all IF NOT EXISTS)."""
    database = database or get_settings().neo4j_database
    statements = get_query("schema").statements
    for statement in statements:
        driver.execute_query(statement, database_=database, routing_=RoutingControl.WRITE)
    return len(statements)


def reset_graph(driver: Driver, database: str | None = None) -> int:
    """Empty the graph in batches of ``cypher/reset.cypher``; return the nodes deleted."""
    database = database or get_settings().neo4j_database
    query = get_query("reset").text
    total = 0
    while True:
        records, _, _ = driver.execute_query(
            query, database_=database, routing_=RoutingControl.WRITE
        )
        deleted = records[0]["deleted"]
        total += deleted
        if deleted == 0:
            return total
