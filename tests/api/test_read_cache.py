"""The read cache (service/cache.py) over real HTTP against the test Neo4j: hits and misses,
a CLI load and a POST seen by the next request, the memory bound, the per-route switch,
and what is never cached."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr
from typer.testing import CliRunner

from allygraph.cli import app as cli_app
from allygraph.service.cache import GRACE
from allygraph.settings import READ_CACHE_ROUTES, Settings, get_settings
from tests.conftest import ROOT, Neo4jTarget, ServerThread

MEMBERS = "/alliances/ai-one-team/members"
KEY = {"X-API-Key": "s3cret"}
DEMO = ROOT / "data" / "demo"
ARTICLE = {
    "text": "KT·카카오 AI 협약\n\nKT와 카카오가 3일 AI 분야 업무협약을 체결했다고 밝혔다. "
    "두 회사는 AI 인재를 함께 키운다.\n",
    "title": "KT·카카오 AI 협약",
    "publisher": "테스트일보",
    "published": "2021-03-03T10:00:00+09:00",
}


def status(response: httpx.Response) -> str | None:
    return response.headers.get("cache-status")


@pytest.fixture
def serve(test_settings: Settings) -> Iterator[Callable[..., httpx.Client]]:
    """Start an API with some settings changed; closed at the end of the test."""
    servers: list[ServerThread] = []
    clients: list[httpx.Client] = []

    def start(**update: object) -> httpx.Client:
        server = ServerThread(test_settings.model_copy(update=update)).__enter__()
        servers.append(server)
        clients.append(httpx.Client(base_url=server.url, timeout=60))
        return clients[-1]

    yield start
    for client in clients:
        client.close()
    for server in servers:
        server.__exit__()


def test_second_read_is_a_hit_with_age_and_the_same_etag(client: httpx.Client) -> None:
    first = client.get(MEMBERS)
    assert status(first) == "allygraph; fwd=miss; stored"
    second = client.get(MEMBERS)
    assert status(second) == "allygraph; hit"
    assert int(second.headers["age"]) >= 0
    assert second.content == first.content
    assert second.headers["content-type"] == first.headers["content-type"]
    assert second.headers["etag"] == first.headers["etag"]
    # Revalidation still answers 304 without a body.
    again = client.get(MEMBERS, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_parameters_are_normalised_and_accept_is_part_of_the_key(client: httpx.Client) -> None:
    assert (
        status(client.get(MEMBERS + "?limit=5&as_of=2020-07-01")) == "allygraph; fwd=miss; stored"
    )
    assert status(client.get(MEMBERS + "?as_of=2020-07-01&limit=5")) == "allygraph; hit"
    json_only = client.get(MEMBERS + "?limit=5&as_of=2020-07-01", headers={"Accept": "text/csv"})
    assert status(json_only) == "allygraph; fwd=miss; stored"
    # Repeated names keep their order: the other side first is another question.
    a = client.get("/alliances/compare?ids=ai-one-team&ids=ai-super-cooperation")
    b = client.get("/alliances/compare?ids=ai-super-cooperation&ids=ai-one-team")
    assert status(a) == status(b) == "allygraph; fwd=miss; stored"


def test_no_cache_in_the_request_goes_to_the_route(client: httpx.Client) -> None:
    client.get("/alliances")
    forced = client.get("/alliances", headers={"Cache-Control": "no-cache"})
    assert status(forced) == "allygraph; fwd=request; stored"
    assert status(client.get("/alliances")) == "allygraph; hit"


def test_errors_cypher_credentials_and_pages_are_not_cached(client: httpx.Client) -> None:
    for _ in range(2):
        missing = client.get("/organizations/no-such-org")
        assert missing.status_code == 404 and status(missing) == "allygraph; fwd=miss"
    for _ in range(2):
        cypher = client.post("/cypher", json={"query": "MATCH (n:Alliance) RETURN count(n) AS n"})
        assert cypher.status_code == 200 and status(cypher) is None
    client.get("/alliances")
    keyed = client.get("/alliances", headers=KEY)
    assert status(keyed) == "allygraph; fwd=bypass; detail=credentials"
    for _ in range(2):
        assert status(client.get("/health")) is None
        assert status(client.get("/")) is None


def test_a_graph_without_a_version_is_not_cached(api: httpx.Client, graph: Driver) -> None:
    graph.execute_query("CREATE (:Entity:Alliance {id: 'bare', name: 'bare'})", database_="neo4j")
    for _ in range(2):
        response = api.get("/alliances")
        assert response.status_code == 200
        assert status(response) == "allygraph; fwd=bypass; detail=no-version"


@pytest.fixture
def cli(neo4j_target: Neo4jTarget, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("NEO4J_URI", neo4j_target.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_target.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_target.password)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def demo_article(stem_part: str) -> Path:
    (path,) = [p for p in DEMO.glob("*.txt") if stem_part in p.name]
    return path


def test_a_cli_load_is_seen_by_the_next_request(
    client: httpx.Client, cli: CliRunner, test_settings: Settings
) -> None:
    before = client.get("/articles")
    assert status(client.get("/articles")) == "allygraph; hit"
    loaded = cli.invoke(cli_app, ["load", str(demo_article("2020-01-08-ajunews"))])
    assert loaded.exit_code == 0, loaded.output
    # Another process's load is seen once the version is re-read: at most this late.
    time.sleep(GRACE * test_settings.read_cache_version_ttl)
    after = client.get("/articles")
    assert status(after) == "allygraph; fwd=miss; stored"
    assert len(after.json()["articles"]) == len(before.json()["articles"]) + 1
    assert after.headers["etag"] != before.headers["etag"]


def test_a_post_and_a_delete_are_seen_at_once(
    serve: Callable[..., httpx.Client], graph: Driver
) -> None:
    from allygraph.loaders.pipeline import extract_path
    from allygraph.loaders.writer import write_extraction

    write_extraction(graph, extract_path(demo_article("2020-02-20-yna")), "neo4j")
    # A long version TTL: only the invalidation by the write can explain a fresh answer.
    api = serve(api_key=SecretStr("s3cret"), read_cache_version_ttl=1.0)
    assert len(api.get("/articles").json()["articles"]) == 1
    assert status(api.get("/articles")) == "allygraph; hit"
    posted = api.post("/articles", json=ARTICLE, headers=KEY)
    assert posted.status_code == 201, posted.text
    after = api.get("/articles")
    assert status(after) == "allygraph; fwd=miss; stored"
    ids = [a["article"]["id"] for a in after.json()["articles"]]
    assert posted.json()["article_id"] in ids and len(ids) == 2
    assert api.delete(f"/articles/{posted.json()['article_id']}", headers=KEY).status_code == 200
    gone = api.get("/articles")
    assert status(gone) == "allygraph; fwd=miss; stored"
    assert len(gone.json()["articles"]) == 1


def test_the_memory_bound_evicts_the_least_recently_used(
    serve: Callable[..., httpx.Client], seeded: Driver
) -> None:
    bound = 40_000
    api = serve(read_cache_max_bytes=bound)
    paths = [f"{MEMBERS}?limit={n}" for n in range(1, 60)]
    stored = 0
    used: list[str] = []
    for path in paths:
        response = api.get(path)
        assert status(response) == "allygraph; fwd=miss; stored"
        used.append(path)
        stored += len(response.content)
        if stored > bound:
            break
    assert stored > bound, "the seed graph's pages are too small to fill the bound"
    assert status(api.get(used[-1])) == "allygraph; hit"
    assert status(api.get(used[0])) == "allygraph; fwd=miss; stored"  # evicted


def test_the_per_route_switch(serve: Callable[..., httpx.Client], seeded: Driver) -> None:
    routes = [r for r in READ_CACHE_ROUTES if r != "/search"]
    api = serve(read_cache_routes=routes)
    for _ in range(2):
        search = api.get("/search", params={"q": "KT"})
        assert search.status_code == 200 and status(search) is None
    api.get("/alliances")
    assert status(api.get("/alliances")) == "allygraph; hit"
    off = serve(read_cache=False)
    for _ in range(2):
        plain = off.get("/alliances")
        assert plain.status_code == 200 and status(plain) is None and "etag" in plain.headers


def test_routes_setting_reads_a_comma_separated_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READ_CACHE_ROUTES", "/search, /alliances/{id}/members")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.read_cache_routes == ["/search", "/alliances/{id}/members"]
    monkeypatch.setenv("READ_CACHE_ROUTES", '["/graph"]')
    assert Settings(_env_file=None).read_cache_routes == ["/graph"]  # type: ignore[call-arg]
