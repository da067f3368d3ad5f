"""ETags and 304s, the Neo4j Browser guide, and POST /articles' protection."""

from __future__ import annotations

import html
import importlib.util
import re
import time
from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr

from allygraph.queries import get_query
from allygraph.service.encode import INTERNAL_PROPERTIES
from allygraph.service.middleware import VERSION_TTL
from allygraph.service.routes.guide import SLIDES, param_line
from allygraph.settings import Settings
from tests.conftest import ServerThread


def test_get_carries_an_etag_and_answers_304(client: httpx.Client) -> None:
    first = client.get("/alliances/ai-one-team/members")
    tag = first.headers["etag"]
    again = client.get("/alliances/ai-one-team/members", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.headers["etag"] == tag
    assert again.content == b""
    other = client.get("/alliances/ai-one-team/members?as_of=2020-03-01")
    assert other.headers["etag"] != tag
    stale = client.get("/alliances/ai-one-team/members", headers={"If-None-Match": '"g0-x"'})
    assert stale.status_code == 200


def test_etag_changes_when_the_graph_version_changes(client: httpx.Client, seeded: Driver) -> None:
    tag = client.get("/alliances").headers["etag"]
    seeded.execute_query(
        "MERGE (m:GraphMeta {key: 'graph'}) SET m.version = m.version + 1", database_="neo4j"
    )
    time.sleep(VERSION_TTL + 0.1)  # the documented staleness bound
    response = client.get("/alliances", headers={"If-None-Match": tag})
    assert response.status_code == 200
    assert response.headers["etag"] != tag


def test_errors_and_health_carry_no_etag(client: httpx.Client) -> None:
    assert "etag" not in client.get("/organizations/nope").headers
    assert "etag" not in client.get("/health").headers


def test_guide_is_html_with_slides_from_the_query_files(client: httpx.Client) -> None:
    response = client.get("/guide", headers={"Origin": "http://localhost:7474"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["access-control-allow-origin"] == "http://localhost:7474"
    page = response.text
    assert page.count("<slide") == len(SLIDES) + 2  # and "More questions", the schema
    for slide in SLIDES:
        assert html.escape(get_query(slide.query).text) in page
        if get_query(slide.query).params:
            assert html.escape(param_line(slide.query, slide.params)) in page
    assert "<script" not in page


def test_guide_opens_with_one_short_query_and_ends_with_the_schema(client: httpx.Client) -> None:
    slides = client.get("/guide").text.split("<slide")[1:]
    first = slides[0]
    assert "AI One Team" in first and first.count('class="runnable"') == 1  # no :param step
    (query,) = re.findall(r'<pre class="runnable">(.*?)</pre>', first, flags=re.S)
    assert len(html.unescape(query).strip().splitlines()) <= 3
    assert "RETURN p" in html.unescape(query)
    assert [t for s in slides[1:4] for t in re.findall(r"<h3>(.*?)</h3>", s)] == [
        "Who was in it on 1 March 2020?",
        "The rival camps side by side",
        "Where does a fact come from?",
    ]
    assert "db.schema.visualization()" in slides[-1]
    assert all("db.schema" not in s for s in slides[:-1])


def test_guide_queries_return_no_internal_property() -> None:
    for slide in SLIDES:
        returned = get_query(slide.query).text.rsplit("RETURN", 1)[1]
        assert not {p for p in INTERNAL_PROPERTIES if re.search(rf"\b{p}\b", returned)}, slide


def test_guide_param_lines_parse_as_browser_maps() -> None:
    line = param_line("guide_members_on", SLIDES[1].params)
    assert line == ":param {id: 'ai-one-team', as_of: '2020-03-01'}"
    assert re.match(r"^:param \{.*\}$", line)


def test_cors_preflight_from_browser_127(client: httpx.Client) -> None:
    response = client.options(
        "/guide",
        headers={"Origin": "http://127.0.0.1:7474", "Access-Control-Request-Method": "GET"},
    )
    assert response.headers["access-control-allow-origin"] == "http://127.0.0.1:7474"


ARTICLE = {
    "text": "KT·카카오 AI 협약\n\nKT와 카카오가 3일 AI 분야 업무협약을 체결했다고 밝혔다. "
    "두 회사는 AI 인재를 함께 키운다.\n",
    "title": "KT·카카오 AI 협약",
    "url": "https://example.com/a",
    "publisher": "테스트일보",
    "published": "2021-03-03T10:00:00+09:00",
}


def test_ingest_is_disabled_without_a_key(client: httpx.Client) -> None:
    response = client.post("/articles", json=ARTICLE)
    assert response.status_code == 403
    assert "no API key is configured" in response.json()["detail"]


@pytest.fixture
def keyed_api(test_settings: Settings, graph: Driver) -> Iterator[httpx.Client]:
    keyed = test_settings.model_copy(update={"api_key": SecretStr("s3cret")})
    with ServerThread(keyed) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        yield http


def test_ingest_needs_the_right_key(keyed_api: httpx.Client) -> None:
    assert keyed_api.post("/articles", json=ARTICLE).status_code == 401
    wrong = keyed_api.post("/articles", json=ARTICLE, headers={"X-API-Key": "nope"})
    assert wrong.status_code == 403
    too_big = {**ARTICLE, "text": "가" * 1_000_000}
    response = keyed_api.post("/articles", json=too_big, headers={"X-API-Key": "s3cret"})
    assert response.status_code == 413
    bad = keyed_api.post("/articles", json={"title": "no text"}, headers={"X-API-Key": "s3cret"})
    assert bad.status_code == 422


@pytest.mark.skipif(
    importlib.util.find_spec("allygraph.loaders.pipeline") is None,
    reason="loaders/pipeline.py (extract_text) not there yet",
)
def test_ingest_loads_an_article(keyed_api: httpx.Client) -> None:
    before = keyed_api.get("/articles").headers.get("etag")
    response = keyed_api.post("/articles", json=ARTICLE, headers={"X-API-Key": "s3cret"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["skipped"] is False
    listing = keyed_api.get("/articles")
    assert [a["article"]["id"] for a in listing.json()["articles"]] == [body["article_id"]]
    assert listing.headers["etag"] != before
    again = keyed_api.post("/articles", json=ARTICLE, headers={"X-API-Key": "s3cret"})
    assert again.json()["skipped"] is True
    empty = keyed_api.post(
        "/articles", json={**ARTICLE, "text": " "}, headers={"X-API-Key": "s3cret"}
    )
    assert empty.status_code == 422
