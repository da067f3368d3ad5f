"""POST /cypher: reads run, everything else is refused and the graph stays as it was."""

from __future__ import annotations

import httpx
import pytest
from neo4j import Driver

from tests.api.conftest import counts

REFUSED = [
    "CREATE (n:Evil {id: 'x'}) RETURN n",
    "MERGE (n:Entity {id: 'kt'}) SET n.name = 'pwned'",
    "MATCH (n:Entity {id: 'kt'}) SET n.name = 'pwned'",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Entity {id: 'kt'}) REMOVE n:Company",
    "MATCH (n) CALL (n) { CREATE (:Evil) } RETURN count(*)",
    "MATCH (n) FOREACH (x IN [1] | SET n.x = 1)",
    "CALL db.createLabel('Evil')",
    "CALL db.createProperty('evil')",
    "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL { MATCH (n) RETURN count(n) AS c } IN TRANSACTIONS RETURN c",
    "CALL dbms.listConfig()",
    "CALL dbms.components()",
    "CALL db.clearQueryCaches()",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "CREATE INDEX evil IF NOT EXISTS FOR (n:Evil) ON (n.x)",
    "USE system SHOW DATABASES",
    "// a comment\n  cReAtE (:Evil)",
]


@pytest.mark.parametrize("query", REFUSED)
def test_refused_and_graph_unchanged(client: httpx.Client, seeded: Driver, query: str) -> None:
    before = counts(seeded)
    response = client.post("/cypher", json={"query": query})
    assert response.status_code in (400, 403), response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert counts(seeded) == before
    labels, _, _ = seeded.execute_query("CALL db.labels() YIELD label RETURN collect(label) AS l")
    assert "Evil" not in labels[0]["l"]


def test_read_query_returns_rows(client: httpx.Client) -> None:
    response = client.post(
        "/cypher",
        json={
            "query": "MATCH (o)-[r:MEMBER_OF]->(:Alliance {id: $id}) "
            "RETURN o.id AS id, r.role AS role ORDER BY id",
            "params": {"id": "ai-one-team"},
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["id", "role"]
    assert body["row_count"] == 7
    assert body["truncated"] is False
    assert {"id": "kt", "role": "leader"} in body["rows"]


def test_allowed_procedures_run(client: httpx.Client) -> None:
    body = client.post("/cypher", json={"query": "CALL db.labels()"}).json()
    assert {"label": "Alliance"} in body["rows"]
    body = client.post(
        "/cypher",
        json={
            "query": "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node "
            "RETURN node.id AS id LIMIT 1",
            "params": {"q": "카이스트"},
        },
    ).json()
    assert body["rows"] == [{"id": "kaist"}]


def test_values_are_json_safe(client: httpx.Client) -> None:
    query = (
        "MATCH p = (o:Entity {id: 'kt'})-[r:MEMBER_OF]->(a) "
        "RETURN o, r, p, r.since_start AS day, datetime('2020-06-03T15:51:00+09:00') AS t, "
        "duration('P1DT2H') AS d, point({x: 1, y: 2}) AS pt, 0.0/0.0 AS nan, "
        "[1, 'a', null] AS l"
    )
    response = client.post("/cypher", json={"query": query})
    assert response.status_code == 200, response.text
    (row,) = response.json()["rows"]
    assert row["o"]["properties"]["id"] == "kt"
    assert "Company" in row["o"]["labels"]
    assert row["r"]["type"] == "MEMBER_OF"
    assert row["r"]["start"] == row["o"]["id"]
    assert len(row["p"]["nodes"]) == 2
    assert row["day"] == "2020-02-01"
    assert row["t"].startswith("2020-06-03T15:51:00")
    assert row["d"].startswith("P")
    assert row["pt"] == {"srid": 7203, "x": 1.0, "y": 2.0}
    assert row["nan"] == "nan"
    assert row["l"] == [1, "a", None]


def test_row_limit_reports_truncation(client: httpx.Client) -> None:
    body = client.post(
        "/cypher", json={"query": "UNWIND range(1, 50) AS i RETURN i", "limit": 10}
    ).json()
    assert body["row_count"] == 10
    assert body["truncated"] is True


def test_timeout_can_only_be_lowered(client: httpx.Client) -> None:
    slow = (
        "UNWIND range(1, 100000) AS i UNWIND range(1, 100000) AS j "
        "WITH i WHERE i < 0 RETURN count(i)"
    )
    response = client.post("/cypher", json={"query": slow, "timeout": 0.5})
    assert response.status_code == 504
    assert response.headers["content-type"].startswith("application/problem+json")


def test_syntax_error_is_400(client: httpx.Client) -> None:
    response = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert response.status_code == 400
    assert response.json()["title"] == "Invalid Cypher"


def test_missing_parameter_is_400(client: httpx.Client) -> None:
    response = client.post("/cypher", json={"query": "RETURN $nope AS x"})
    assert response.status_code == 400


def test_query_text_over_64_kib_is_413(client: httpx.Client) -> None:
    query = "RETURN 1 AS x // " + "x" * (64 * 1024)
    assert client.post("/cypher", json={"query": query}).status_code == 413


def test_body_over_the_limit_is_413(client: httpx.Client) -> None:
    response = client.post("/cypher", json={"query": "RETURN 1", "params": {"x": "y" * 300_000}})
    assert response.status_code == 413
    assert response.json()["status"] == 413


@pytest.mark.parametrize(
    "body", [{}, {"query": ""}, {"query": "RETURN 1", "limit": 0}, {"query": 1},
             {"query": "RETURN 1", "timeout": -1}, {"query": "RETURN 1", "extra": True}],
)  # fmt: skip
def test_bad_bodies_are_422(client: httpx.Client, body: dict) -> None:
    assert client.post("/cypher", json=body).status_code == 422


def test_unencodable_parameter_is_400(client: httpx.Client) -> None:
    response = client.post("/cypher", json={"query": "RETURN $x AS x", "params": {"x": 2**70}})
    assert response.status_code == 400
