"""The read cache in an outage: no cached answer once Neo4j is gone (the breaker's 503
stays the answer), and the cached answers serve again once it is back, the graph unchanged."""

from __future__ import annotations

import httpx
from neo4j import Driver

from allygraph.loaders.writer import write_extraction
from tests.conftest import ServerThread
from tests.factories import extraction
from tests.resilience.conftest import OwnNeo4j
from tests.resilience.test_neo4j_down import REQUEST_BUDGET, wait_for

MEMBERS = "/alliances/ai-one-team/members"


def test_no_cached_answer_while_neo4j_is_down(own_neo4j: OwnNeo4j, own_driver: Driver) -> None:
    write_extraction(own_driver, extraction(), database="neo4j")
    settings = own_neo4j.settings(neo4j_connect_timeout=2.0, neo4j_query_timeout=5.0)
    with (
        ServerThread(settings) as api,
        httpx.Client(base_url=api.url, timeout=REQUEST_BUDGET) as client,
    ):
        first = client.get(MEMBERS)
        assert first.status_code == 200
        assert client.get(MEMBERS).headers["cache-status"] == "allygraph; hit"

        own_neo4j.stop()
        try:
            down = client.get(MEMBERS)
            assert down.status_code == 503, down.text
            assert down.headers["cache-status"] == "allygraph; fwd=bypass; detail=no-version"
            assert down.headers["content-type"].startswith("application/problem+json")
        finally:
            own_neo4j.start()

        assert wait_for(client, MEMBERS, 200, within=10).status_code == 200
        back = client.get(MEMBERS)
        assert back.headers["cache-status"] == "allygraph; hit"  # same graph, same stamp
        assert back.content == first.content
