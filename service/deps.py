"""Dependencies shared by the routes: settings, the driver, and running a named query."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import Depends, Request
from neo4j import AsyncDriver, Query, RoutingControl

from allygraph.errors import DatabaseUnavailable
from allygraph.queries import get_query
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

    The overall deadline guards against a Neo4j that accepts connections but never answers:
    the client gets a 503, not a hung request.
    """
    query = get_query(name)
    if query.mode != "read":
        raise ValueError(f"{name} is not a read query")
    cypher = Query(query.text, timeout=settings.neo4j_query_timeout)  # type: ignore[arg-type]
    try:
        records, _, _ = await asyncio.wait_for(
            driver.execute_query(
                cypher,
                query.bind(**params),
                database_=settings.neo4j_database,
                routing_=RoutingControl.READ,
            ),
            timeout=settings.neo4j_query_timeout + settings.neo4j_connect_timeout * 2,
        )
    except TimeoutError:
        raise DatabaseUnavailable("Neo4j did not answer in time") from None
    return [record.data() for record in records]
