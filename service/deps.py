"""Dependencies shared by the routes: settings, the driver, and running a named query."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import Depends, Request
from neo4j import READ_ACCESS, AsyncDriver, Query

from allygraph.queries import get_query
from allygraph.service.breaker import Unresponsive, breaker_for
from allygraph.settings import Settings


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_driver(request: Request) -> AsyncDriver:
    return request.app.state.driver


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
DriverDep = Annotated[AsyncDriver, Depends(get_driver)]


async def read(
    driver: AsyncDriver, settings: Settings, name: str, **params: Any
) -> list[dict[str, Any]]:
    """Run the read query ``cypher/<name>.cypher`` and return its rows as dicts.

    One attempt, in an auto-commit READ transaction: no driver retries (they made an
    outage cost ~6.6 s a request), behind the process's circuit breaker (an outage is
    answered 503 at once, see ``service/breaker.py``). The overall deadline guards against a
    Neo4j that accepts connections but never answers: the client gets a 503, not a hung
    request, and the breaker opens.
    """
    query = get_query(name)
    if query.mode != "read":
        raise ValueError(f"{name} is not a read query")
    cypher = Query(query.text, timeout=settings.neo4j_query_timeout)  # type: ignore[arg-type]
    breaker = breaker_for(driver, settings.neo4j_breaker_interval)
    async with breaker.guard():
        try:
            return await asyncio.wait_for(
                _run(driver, settings.neo4j_database, cypher, query.bind(**params)),
                timeout=settings.neo4j_query_timeout + settings.neo4j_connect_timeout * 2,
            )
        except TimeoutError:
            raise Unresponsive("Neo4j did not answer in time") from None


async def _run(
    driver: AsyncDriver, database: str, cypher: Query, params: dict[str, Any]
) -> list[dict[str, Any]]:
    async with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
        result = await session.run(cypher, params)
        return await result.data()
