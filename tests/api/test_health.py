"""GET /health over real HTTP."""

from __future__ import annotations

import httpx

from allygraph import __version__
from allygraph.settings import Settings
from tests.conftest import ServerThread, free_port


def test_health_is_up_with_version(api: httpx.Client) -> None:
    response = api.get("/health")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "version": __version__,
        "neo4j": "up",
        "reason": None,
    }


def test_health_is_503_with_a_reason_when_neo4j_is_unreachable(test_settings: Settings) -> None:
    dead = test_settings.model_copy(update={"neo4j_uri": f"bolt://127.0.0.1:{free_port()}"})
    with ServerThread(dead) as server:
        response = httpx.get(server.url + "/health", timeout=30)
    assert response.status_code == 503
    body = response.json()
    assert body["neo4j"] == "down"
    assert body["reason"]
