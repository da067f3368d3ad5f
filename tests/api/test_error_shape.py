"""Every error is application/problem+json with type, title, status and detail, whatever
the status and whichever layer noticed it."""

from __future__ import annotations

import httpx
import pytest

from allygraph.settings import Settings
from tests.conftest import ServerThread, free_port


def assert_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"] == "about:blank"
    assert "Traceback" not in response.text
    return body


def test_404_unknown_id_suggests(client: httpx.Client) -> None:
    body = assert_problem(client.get("/organizations/lg-uplu"), 404)
    assert body["instance"] == "/organizations/lg-uplu"
    assert "lg-uplus" in [s["id"] for s in body["suggestions"]]


def test_404_unknown_route(client: httpx.Client) -> None:
    assert_problem(client.get("/no/such/route"), 404)


@pytest.mark.parametrize(
    "path",
    ["/alliances/ai-one-team/members?as_of=2020-13-01",
     "/alliances/ai-one-team/members?kind=Planet",
     "/search?q=" + "x" * 201, "/graph?center=kt&depth=4"],
)  # fmt: skip
def test_422_bad_parameters(client: httpx.Client, path: str) -> None:
    body = assert_problem(client.get(path), 422)
    assert body["errors"]


def test_403_refused_cypher(client: httpx.Client) -> None:
    body = assert_problem(client.post("/cypher", json={"query": "CREATE (n) RETURN n"}), 403)
    assert body["reason"] == "not-read-only"


def test_400_cypher_syntax(client: httpx.Client) -> None:
    assert_problem(client.post("/cypher", json={"query": "MATCH (n RETURN n"}), 400)


def test_413_body_too_large(client: httpx.Client) -> None:
    assert_problem(client.post("/cypher", content=b"{" + b" " * 300_000 + b"}"), 413)


def test_413_chunked_body_too_large(client: httpx.Client) -> None:
    def chunks():
        for _ in range(100):
            yield b" " * 4096

    assert_problem(
        client.post("/cypher", content=chunks(), headers={"content-type": "application/json"}),
        413,
    )


def test_503_when_neo4j_is_unreachable(test_settings: Settings) -> None:
    dead = test_settings.model_copy(update={"neo4j_uri": f"bolt://127.0.0.1:{free_port()}"})
    with ServerThread(dead) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        for path in ("/alliances", "/alliances/ai-one-team/members", "/search?q=kt"):
            response = http.get(path)
            assert_problem(response, 503)
            assert response.headers["retry-after"]
        assert_problem(http.post("/cypher", json={"query": "RETURN 1"}), 503)
