"""Neo4j stops while the API serves: 503s with a reason, then 200s again without a restart."""

from __future__ import annotations

import time

import httpx
from neo4j import Driver

from allygraph.loaders.writer import write_extraction
from tests.conftest import ServerThread
from tests.factories import extraction
from tests.resilience.conftest import OwnNeo4j

CONNECT_TIMEOUT = 2.0
QUERY_TIMEOUT = 5.0
# The longest the API may take to give up on Neo4j (see allygraph.service.deps.read).
REQUEST_BUDGET = QUERY_TIMEOUT + 2 * CONNECT_TIMEOUT + 2


def wait_for(client: httpx.Client, path: str, status: int, within: float) -> httpx.Response:
    deadline = time.monotonic() + within
    while True:
        resp = client.get(path)
        if resp.status_code == status or time.monotonic() > deadline:
            return resp
        time.sleep(0.25)


def test_api_reports_neo4j_down_and_recovers(own_neo4j: OwnNeo4j, own_driver: Driver) -> None:
    write_extraction(own_driver, extraction(), database="neo4j")
    settings = own_neo4j.settings(
        neo4j_connect_timeout=CONNECT_TIMEOUT, neo4j_query_timeout=QUERY_TIMEOUT
    )
    members = "/alliances/ai-one-team/members"
    with (
        ServerThread(settings) as api,
        httpx.Client(base_url=api.url, timeout=REQUEST_BUDGET) as client,
    ):
        assert client.get("/health").status_code == 200
        assert client.get(members).status_code == 200

        own_neo4j.stop()
        try:
            health = client.get("/health")  # httpx raises if it takes longer than the budget
            assert health.status_code == 503
            body = health.json()
            assert body["neo4j"] == "down" and body["reason"]
            assert health.headers.get("retry-after")

            data = client.get(members)
            assert data.status_code == 503
            assert data.headers["content-type"].startswith("application/problem+json")
            problem = data.json()
            assert problem["status"] == 503 and problem["detail"]
            assert "Traceback" not in data.text
        finally:
            own_neo4j.start()

        # scripts/neo4j start returns once Neo4j answers; the API must follow within 10 s.
        assert wait_for(client, "/health", 200, within=10).status_code == 200
        assert wait_for(client, members, 200, within=10).status_code == 200
