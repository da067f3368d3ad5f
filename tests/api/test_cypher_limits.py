"""POST /cypher cannot hurt the server: deep text, deep params and deep values are 422,
large results are cut with `truncated_by: "bytes"`, a full gate answers 429, and the key
can be required (issue 12)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from pydantic import SecretStr

from allygraph.settings import Settings
from tests.conftest import ServerThread

DEEP_QUERY = "RETURN " + "(" * 12_000 + "1" + ")" * 12_000
# 10^10 rows: no machine counts them within the seconds a test allows (10^8 could: CI saw one
# finish inside a 3 s timeout)
SLOW = (
    "UNWIND range(1, 100000) AS i UNWIND range(1, 100000) AS j "
    "WITH i WHERE i < 0 RETURN count(i) AS n"
)


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


def problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "Traceback" not in response.text
    return response.json()


def test_deep_query_is_422_before_neo4j_sees_it(client: httpx.Client) -> None:
    body = problem(client.post("/cypher", json={"query": DEEP_QUERY}), 422)
    assert body["title"] == "Query too complex" and body["reason"] == "depth"
    assert "64" in body["detail"]


def test_long_operator_chain_is_422(client: httpx.Client) -> None:
    query = "RETURN " + "+".join(["1"] * 5000)
    assert problem(client.post("/cypher", json={"query": query}), 422)["reason"] == "operators"


def test_deep_params_are_422(client: httpx.Client) -> None:
    response = client.post(
        "/cypher", json={"query": "RETURN $x AS x", "params": {"x": nested(500)}}
    )
    assert problem(response, 422)["reason"] == "params-depth"


def test_deep_result_value_is_422(client: httpx.Client) -> None:
    response = client.post(
        "/cypher", json={"query": "RETURN reduce(a=[], i IN range(1,600) | [a])"}
    )
    body = problem(response, 422)
    assert body["title"] == "Value too deep"


def test_a_json_body_too_deep_to_parse_is_no_5xx(client: httpx.Client) -> None:
    raw = '{"query": "RETURN 1", "params": {"x": ' + "[" * 100_000 + "]" * 100_000 + "}}"
    response = client.post("/cypher", content=raw, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, response.text[:300]


def test_a_100_mb_result_is_cut_at_the_byte_limit(client: httpx.Client) -> None:
    limit = Settings(_env_file=None).cypher_max_response_bytes  # type: ignore[call-arg]
    response = client.post(
        "/cypher", json={"query": "UNWIND range(1,1000) AS i RETURN i, range(1,20000) AS r"}
    )
    assert response.status_code == 200, response.text[:300]
    assert len(response.content) <= limit + 1024
    body = response.json()
    assert body["truncated"] is True and body["truncated_by"] == "bytes"
    assert 0 < body["row_count"] < 1000
    assert body["rows"][0]["r"][-1] == 20000


def test_row_limit_says_rows(client: httpx.Client) -> None:
    body = client.post("/cypher", json={"query": "UNWIND range(1, 50) AS i RETURN i", "limit": 5})
    assert body.json()["truncated_by"] == "rows"
    whole = client.post("/cypher", json={"query": "RETURN 1 AS x"}).json()
    assert whole["truncated"] is False and whole["truncated_by"] is None


@pytest.fixture(scope="module")
def guarded(test_settings: Settings, driver: object) -> Iterator[httpx.Client]:
    """An API that needs the key for /cypher and runs one ad-hoc query at a time."""
    settings = test_settings.model_copy(
        update={
            "cypher_requires_key": True,
            "api_key": SecretStr("s3cret"),
            "cypher_max_concurrent": 1,
        }
    )
    with ServerThread(settings) as server, httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def test_key_can_be_required(guarded: httpx.Client) -> None:
    query = {"query": "RETURN 1 AS x"}
    assert problem(guarded.post("/cypher", json=query), 401)["status"] == 401
    problem(guarded.post("/cypher", json=query, headers={"X-API-Key": "nope"}), 403)
    ok = guarded.post("/cypher", json=query, headers={"X-API-Key": "s3cret"})
    assert ok.status_code == 200 and ok.json()["rows"] == [{"x": 1}]


def test_a_full_gate_answers_429_at_once(guarded: httpx.Client) -> None:
    key = {"X-API-Key": "s3cret"}
    slow_status: list[int] = []

    def slow() -> None:
        response = guarded.post("/cypher", json={"query": SLOW, "timeout": 3}, headers=key)
        slow_status.append(response.status_code)

    thread = threading.Thread(target=slow)
    thread.start()
    time.sleep(1)  # let the slow query take the only slot (it runs for 3 s)
    response = guarded.post("/cypher", json={"query": "RETURN 1 AS x"}, headers=key)
    thread.join()
    assert slow_status == [504]  # it held the slot until Neo4j stopped it
    body = problem(response, 429)
    assert response.headers["retry-after"] == "1"
    assert "at once" in body["detail"]
    # the slot is free again
    assert guarded.post("/cypher", json={"query": "RETURN 1 AS x"}, headers=key).status_code == 200
