"""Test data for the API: the seed article through the real pipeline (intake, extractor,
writer), as ``make up`` loads it; every API test reads that graph."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver


@pytest.fixture
def seeded(seed_graph: Driver) -> Driver:
    """The seed article's facts in an otherwise empty graph."""
    return seed_graph


@pytest.fixture
def client(api: httpx.Client, seeded: Driver) -> Iterator[httpx.Client]:
    """An HTTP client to the API on the seed graph."""
    yield api


def counts(driver: Driver) -> tuple[int, int, int | None]:
    """Nodes, relationships and graph version: what must not change after a refusal."""
    records, _, _ = driver.execute_query(
        "MATCH (n) WITH count(n) AS nodes "
        "OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS rels "
        "OPTIONAL MATCH (m:GraphMeta {key: 'graph'}) RETURN nodes, rels, m.version AS version",
        database_="neo4j",
    )
    row = records[0]
    return row["nodes"], row["rels"], row["version"]
