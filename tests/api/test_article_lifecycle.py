"""The article lifecycle over real HTTP: dates out of range are a 422 (never a 500),
DELETE /articles/{id} behind the key, and /articles newest first with cursor and filters."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from datetime import datetime

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr

from allygraph.loaders.writer import write_extraction
from allygraph.models import Entity, Extraction, Relation
from allygraph.settings import Settings
from tests.api.conftest import counts
from tests.conftest import ServerThread
from tests.factories import SEOUL, article, evidence, extraction

KEY = {"X-API-Key": "s3cret"}
ARTICLE = {
    "text": "KT·카카오 AI 협약\n\nKT와 카카오가 3일 AI 분야 업무협약을 체결했다고 밝혔다. "
    "두 회사는 AI 인재를 함께 키운다.\n",
    "title": "KT·카카오 AI 협약",
    "publisher": "테스트일보",
    "published": "2021-03-03T10:00:00+09:00",
}


@pytest.fixture(scope="module")
def keyed_server(test_settings: Settings, driver: Driver) -> Iterator[ServerThread]:
    keyed = test_settings.model_copy(update={"api_key": SecretStr("s3cret")})
    with ServerThread(keyed) as server:
        yield server


@pytest.fixture
def keyed(keyed_server: ServerThread, graph: Driver) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=keyed_server.url, timeout=60) as http:
        yield http


@pytest.mark.parametrize(
    "published",
    ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2099-01-01T00:00:00+09:00",
     "1899-12-31T23:59:59+09:00"],
)  # fmt: skip
def test_a_date_out_of_range_is_a_422_that_writes_nothing(
    keyed: httpx.Client, graph: Driver, published: str
) -> None:
    before = counts(graph)
    response = keyed.post("/articles", json={**ARTICLE, "published": published}, headers=KEY)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "outside 1900-01-01" in response.json()["detail"]
    assert counts(graph) == before


def test_delete_needs_the_key(keyed: httpx.Client, api: httpx.Client) -> None:
    assert keyed.delete("/articles/art-1").status_code == 401
    assert keyed.delete("/articles/art-1", headers={"X-API-Key": "nope"}).status_code == 403
    assert api.delete("/articles/art-1", headers=KEY).status_code == 403  # no key configured


def test_delete_unknown_is_a_404_naming_the_id(keyed: httpx.Client) -> None:
    response = keyed.delete("/articles/no-such-article", headers=KEY)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "no-such-article is not loaded" in response.json()["detail"]


def test_post_delete_then_delete_again(keyed: httpx.Client, graph: Driver) -> None:
    empty = counts(graph)
    loaded = keyed.post("/articles", json=ARTICLE, headers=KEY)
    assert loaded.status_code == 201, loaded.text
    body = loaded.json()
    assert body["status"] == "new"
    article_id = body["article_id"]
    etag = keyed.get(f"/articles/{article_id}").headers["etag"]
    assert keyed.post("/articles", json=ARTICLE, headers=KEY).json()["status"] == "unchanged"

    gone = keyed.delete(f"/articles/{article_id}", headers=KEY)
    assert gone.status_code == 200, gone.text
    assert gone.json()["facts_retracted"] == body["facts_created"]
    assert keyed.get(f"/articles/{article_id}", headers={"If-None-Match": etag}).status_code == 404
    nodes, rels, version = counts(graph)
    assert (nodes, rels) == (1, 0) and version == body["graph_version"] + 1
    assert empty[2] is None
    again = keyed.delete(f"/articles/{article_id}", headers=KEY)
    assert again.status_code == 404
    assert counts(graph) == (nodes, rels, version)


def dated(article_id: str, day: int, publisher: str, *entities: Entity) -> Extraction:
    x = extraction(article_id, published=datetime(2021, 3, day, 9, tzinfo=SEOUL))
    x.article = article(article_id, published=x.article.published).model_copy(
        update={"publisher": publisher}
    )
    if entities:
        ev = evidence(article_id)
        x.entities = [*x.entities, *entities]
        x.relations = [
            *x.relations,
            *(Relation(type="MEMBER_OF", from_=e.id, to="ai-one-team", evidence=ev)
              for e in entities),
        ]  # fmt: skip
    return x


@pytest.fixture
def three(graph: Driver) -> Driver:
    naver = Entity(id="naver", type="Company", name="네이버")
    write_extraction(graph, dated("art-1", 1, "아주경제"))
    write_extraction(graph, dated("art-3", 3, "전자신문", naver))
    write_extraction(graph, dated("art-2", 2, "아주경제"))
    return graph


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [a["article"]["id"] for a in response.json()["articles"]]


def test_articles_newest_first_with_fact_counts(api: httpx.Client, three: Driver) -> None:
    body = api.get("/articles").json()
    assert [a["article"]["id"] for a in body["articles"]] == ["art-3", "art-2", "art-1"]
    assert [a["facts"] for a in body["articles"]] == [4, 3, 3]
    assert body["next"] is None


def test_articles_cursor_walks_every_page_once(api: httpx.Client, three: Driver) -> None:
    seen, after = [], None
    while True:
        page = api.get("/articles", params={"limit": 1, **({"after": after} if after else {})})
        seen += ids(page)
        after = page.json()["next"]
        if after is None:
            break
    assert seen == ["art-3", "art-2", "art-1"]


def test_articles_filters(api: httpx.Client, three: Driver) -> None:
    assert ids(api.get("/articles", params={"publisher": "아주경제"})) == ["art-2", "art-1"]
    assert ids(api.get("/articles", params={"from": "2021-03-02"})) == ["art-3", "art-2"]
    assert ids(api.get("/articles", params={"to": "2021-03-01"})) == ["art-1"]
    assert ids(api.get("/articles", params={"mentions": "naver"})) == ["art-3"]
    assert ids(api.get("/articles", params={"mentions": "nobody"})) == []


@pytest.mark.parametrize(
    "params",
    [{"after": "not-a-cursor"}, {"after": base64.urlsafe_b64encode(b"[1, 2]").decode()},
     {"from": "2021-03-03", "to": "2021-03-01"}, {"from": "yesterday"}],
)  # fmt: skip
def test_articles_bad_parameters_are_422(api: httpx.Client, params: dict[str, str]) -> None:
    response = api.get("/articles", params=params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
