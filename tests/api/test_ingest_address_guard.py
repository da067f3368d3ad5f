"""POST /articles {"url"} fetches only public addresses: whoever holds the key must not
reach the network the server stands in (Neo4j's port, a metadata service) through it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr

from allygraph.loaders.fetch import AddressRefused, fetch
from allygraph.settings import Settings
from tests.conftest import ServerThread

KEY = {"X-API-Key": "s3cret"}


@pytest.fixture
def keyed(test_settings: Settings, graph: Driver) -> Iterator[tuple[httpx.Client, str]]:
    settings = test_settings.model_copy(update={"api_key": SecretStr("s3cret")})
    with ServerThread(settings) as server, httpx.Client(base_url=server.url, timeout=60) as c:
        yield c, server.url


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "10.0.0.1", "169.254.169.254"])
def test_a_private_address_is_refused_and_nothing_written(
    keyed: tuple[httpx.Client, str], graph: Driver, host: str
) -> None:
    client, own = keyed
    port = own.rsplit(":", 1)[1]
    response = client.post("/articles", json={"url": f"http://{host}:{port}/health"}, headers=KEY)
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["title"] == "Address not allowed"
    assert "non-public network" in problem["detail"] and "FETCH_ALLOW_PRIVATE" in problem["detail"]
    records, _, _ = graph.execute_query("MATCH (n) RETURN count(n) AS n", database_="neo4j")
    assert records[0]["n"] == 0


def test_the_command_line_may_fetch_from_its_own_network(keyed: tuple[httpx.Client, str]) -> None:
    _, own = keyed
    with pytest.raises(AddressRefused):
        fetch(own + "/health", public_only=True)
    page = fetch(own + "/docs")  # the person at the machine may read their intranet
    assert page.content_type == "text/html"
