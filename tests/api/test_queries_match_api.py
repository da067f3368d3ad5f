"""Each API answer is what its ``cypher/*.cypher`` file returns in Neo4j Browser.

Every file runs through the driver with the parameters the API used, and the rows are
compared with the JSON the API served: the HTTP layer adds paging and wrappers, never facts.
Two fields it derives from a fact's evidence are left out of the comparison:
``latest_evidence`` (the newest evidence's day) and a rivalry's ``stale`` (that day against
RIVALRY_STALE_DAYS); tests/api/test_freshness_and_internals.py checks them.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from neo4j import Driver

from allygraph.queries import get_query
from allygraph.service.lookup import search_params

DERIVED = ("latest_evidence", "stale")


def underived(value: Any) -> Any:
    """The API's JSON without the fields it derives from the query's rows."""
    if isinstance(value, dict):
        return {k: underived(v) for k, v in value.items() if k not in DERIVED}
    if isinstance(value, list):
        return [underived(v) for v in value]
    return value


def run(driver: Driver, name: str, **params: Any) -> list[dict[str, Any]]:
    query = get_query(name)
    records, _, _ = driver.execute_query(query.text, query.bind(**params), database_="neo4j")
    return [r.data() for r in records]


CASES: list[tuple[str, str, dict[str, Any], str | None]] = [
    # (url, query file, its parameters, key of the API body holding the rows)
    ("/alliances", "alliances", {}, "alliances"),
    (
        "/alliances/ai-one-team/members",
        "alliance_members",
        {"id": "ai-one-team", "as_of": None, "kind": None, "after": None, "limit": 101},
        "members",
    ),
    (
        "/alliances/ai-one-team/members?as_of=2020-03-01&kind=Company",
        "alliance_members",
        {"id": "ai-one-team", "as_of": "2020-03-01", "kind": "Company", "after": None,
         "limit": 101},
        "members",
    ),
    (
        "/agreements?party=kt",
        "agreements",
        {"party": "kt"},
        "agreements",
    ),
    (
        "/paths?from=lg-uplus&to=sk-telecom&max_hops=4",
        "paths",
        {"from": "lg-uplus", "to": "sk-telecom", "max_hops": 4},
        "paths",
    ),
    ("/articles", "articles", {"after_published": None, "after_id": None, "limit": 101,
                               "publisher": None, "date_from": None, "date_to": None,
                               "mentions": None}, "articles"),
    ("/articles?mentions=kt&from=2020-06-01&to=2020-06-30", "articles",
     {"after_published": None, "after_id": None, "limit": 101, "publisher": None,
      "date_from": "2020-06-01", "date_to": "2020-06-30", "mentions": "kt"}, "articles"),
]  # fmt: skip


@pytest.mark.parametrize(("url", "name", "params", "key"), CASES, ids=[c[0] for c in CASES])
def test_list_endpoints_equal_their_query(
    client: httpx.Client, seeded: Driver, url: str, name: str, params: dict, key: str
) -> None:
    body = underived(client.get(url).json())
    assert body[key] == run(seeded, name, **params)


@pytest.mark.parametrize(
    ("url", "name", "params"),
    [
        ("/alliances/ai-one-team", "alliance", {"id": "ai-one-team"}),
        ("/organizations/kt", "organization", {"id": "kt"}),
        ("/organizations/lg-uplus", "organization", {"id": "lg-uplus"}),
        ("/people/lee-sang-min", "person", {"id": "lee-sang-min"}),
    ],
)
def test_detail_endpoints_equal_their_query(
    client: httpx.Client, seeded: Driver, url: str, name: str, params: dict
) -> None:
    (row,) = run(seeded, name, **params)
    assert underived(client.get(url).json()) == row


def test_compare_equals_its_query(client: httpx.Client, seeded: Driver) -> None:
    ids = ["ai-one-team", "ai-super-cooperation"]
    body = underived(client.get("/alliances/compare", params={"ids": ids}).json())
    (row,) = run(seeded, "alliance_compare", ids=ids, as_of=None)
    row.pop("found")
    assert {k: v for k, v in body.items() if k not in ("summary", "as_of")} == row


def test_graph_equals_its_query(client: httpx.Client, seeded: Driver) -> None:
    body = client.get("/graph", params={"center": "kt", "depth": 2}).json()
    (row,) = run(seeded, "graph_neighbourhood", center="kt", depth=2, limit=201)
    assert body["nodes"] == row["nodes"]
    assert body["edges"] == row["edges"]


@pytest.mark.parametrize("q", ["카이스트", "LG U+", "AI원팀"])
def test_search_equals_its_query(client: httpx.Client, seeded: Driver, q: str) -> None:
    body = client.get("/search", params={"q": q}).json()
    assert body["hits"] == run(seeded, "search", **search_params(q, 10))


def test_article_equals_its_query(client: httpx.Client, seeded: Driver) -> None:
    (listed,) = client.get("/articles").json()["articles"]
    article_id = listed["article"]["id"]
    (row,) = run(seeded, "article", id=article_id)
    assert client.get(f"/articles/{article_id}").json() == row
