"""POST /articles keeps every article within the extraction time budget: one that would
hold the CPU past it is refused with 422 and nothing of it is written."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr

from allygraph.settings import Settings
from tests.conftest import ServerThread

KEY = {"X-API-Key": "s3cret"}
DENSE = {
    "title": "제목",
    "text": ("KT와 LG전자가 협력했다. " * 10 + "\n") * 4_000,
    "published": "2020-06-03",
}
GOOD = {
    "title": "KT, LG전자와 'AI 원팀' 결성",
    "text": "KT, LG전자와 'AI 원팀' 결성\n\nKT와 LG전자가 'AI 원팀'을 결성했다고 3일 밝혔다.\n",
    "published": "2020-06-03",
}


@pytest.fixture
def budgeted_api(test_settings: Settings, graph: Driver) -> Iterator[httpx.Client]:
    settings = test_settings.model_copy(
        update={"api_key": SecretStr("s3cret"), "extract_budget_seconds": 1.0}
    )
    with ServerThread(settings) as server, httpx.Client(base_url=server.url, timeout=120) as http:
        yield http


def test_an_article_past_the_budget_is_refused_and_nothing_is_written(
    budgeted_api: httpx.Client, graph: Driver
) -> None:
    response = budgeted_api.post("/articles", json=DENSE, headers=KEY)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["title"] == "Article too complex"
    assert "did not finish within 1 s" in problem["detail"]
    assert "Traceback" not in response.text
    records, _, _ = graph.execute_query("MATCH (n) RETURN count(n) AS n", database_="neo4j")
    assert records[0]["n"] == 0
    # the worker that was killed is replaced: the next article loads
    loaded = budgeted_api.post("/articles", json=GOOD, headers=KEY)
    assert loaded.status_code == 201, loaded.text
