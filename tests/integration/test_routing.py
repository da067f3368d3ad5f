"""The same code on a cluster: the CLI, the writer and the API reach the test server through
routing (``neo4j://``), as they would reach a cluster or Aura, and load, read (``as_of``
too) and unload. A single server answers routing with a table that names itself, so every
read runs as a READ transaction and every write as a WRITE one on the routing path the
driver takes on a cluster. The whole suite runs this way with ``--neo4j-scheme=neo4j``."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import neo4j
import pytest
from neo4j import Driver
from pydantic import SecretStr
from typer.testing import CliRunner

from allygraph.cli import app
from allygraph.db import create_async_driver, create_driver, read_query, write_query
from allygraph.loaders.retract import unload_article
from allygraph.loaders.writer import write_extraction
from allygraph.models import Extraction
from allygraph.settings import Settings, get_settings
from tests.conftest import (
    ROOT,
    SEED_ARTICLE,
    Neo4jTarget,
    ServerThread,
    graph_counts,
    run_async,
    with_scheme,
)

KEY = {"X-API-Key": "s3cret"}
FOUNDERS = {"kt", "hhi-holdings", "kaist", "hanyang-university", "etri"}


@pytest.fixture(scope="module")
def routed(neo4j_target: Neo4jTarget, test_settings: Settings) -> Settings:
    """The test server's settings with a ``neo4j://`` address (ingest on)."""
    return test_settings.model_copy(
        update={
            "neo4j_uri": with_scheme(neo4j_target.uri, "neo4j"),
            "neo4j_database": "neo4j",
            "api_key": SecretStr("s3cret"),
        }
    )


@pytest.fixture
def routed_driver(routed: Settings, graph: Driver) -> Iterator[Driver]:
    """The project's own driver through routing, on an empty graph this test owns."""
    drv = create_driver(routed)
    yield drv
    drv.close()


@pytest.fixture
def cli(routed: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    monkeypatch.setenv("NEO4J_URI", routed.neo4j_uri)
    monkeypatch.setenv("NEO4J_USER", routed.neo4j_user)
    monkeypatch.setenv("NEO4J_PASSWORD", routed.neo4j_password.get_secret_value())
    monkeypatch.setenv("NEO4J_DATABASE", "neo4j")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_the_drivers_route(routed: Settings) -> None:
    drv = create_driver(routed)
    try:
        assert isinstance(drv, neo4j.Neo4jDriver)  # routing, not a direct connection
        drv.verify_connectivity()
    finally:
        drv.close()

    async def check() -> None:
        adrv = create_async_driver(routed)
        try:
            assert isinstance(adrv, neo4j.AsyncNeo4jDriver)
            await adrv.verify_connectivity()
        finally:
            await adrv.close()

    run_async(check())


def test_read_and_write_queries_take_their_routes(routed_driver: Driver) -> None:
    write_query(routed_driver, "write_graph_version")
    assert read_query(routed_driver, "graph_version")[0]["version"] == 1
    with pytest.raises(ValueError, match="not a read query"):
        read_query(routed_driver, "write_graph_version")
    # A READ transaction refuses writes, so a write slipped into a read path fails loudly.
    with (
        routed_driver.session(database="neo4j") as session,
        pytest.raises(neo4j.exceptions.ClientError),
    ):
        session.execute_read(lambda tx: tx.run("CREATE (:Stray)").consume())


def test_writer_loads_replays_and_unloads(
    routed_driver: Driver, seed_extraction: Extraction
) -> None:
    first = write_extraction(routed_driver, seed_extraction)
    assert first.status == "new" and first.graph_version == 1
    again = write_extraction(routed_driver, seed_extraction)
    assert (again.status, again.graph_version) == ("unchanged", None)
    gone = unload_article(routed_driver, seed_extraction.article.id)
    assert gone.facts_retracted > 0 and gone.graph_version == 2
    assert graph_counts(routed_driver) == (1, 0)  # only the graph version's node is left


def members(client: httpx.Client, as_of: str | None = None) -> set[str]:
    params = {"as_of": as_of} if as_of else {}
    answer = client.get("/alliances/ai-one-team/members", params=params)
    assert answer.status_code == 200, answer.text
    return {m["member"]["id"] for m in answer.json()["members"]}


def test_cli_load_api_reads_and_unloads_through_routing(
    cli: CliRunner, routed: Settings, graph: Driver, seed_extraction: Extraction
) -> None:
    loaded = cli.invoke(app, ["load", "--jobs", "1", str(SEED_ARTICLE), str(ROOT / "data/demo")])
    assert loaded.exit_code == 0, loaded.output
    assert "new 11 · unchanged 0 · replaced 0 · failed 0" in loaded.output
    seed_id = seed_extraction.article.id

    with ServerThread(routed) as server, httpx.Client(base_url=server.url, timeout=60) as api:
        assert api.get("/health").json()["neo4j"] == "up"
        assert members(api, "2020-02-19") == set()
        assert members(api, "2020-02-21") == FOUNDERS
        assert len(members(api)) == 13
        found = api.get("/search", params={"q": "카이스트"}).json()
        assert "kaist" in {hit["entity"]["id"] for hit in found["hits"]}
        cypher = api.post("/cypher", json={"query": "MATCH (a:Article) RETURN count(a) AS n"})
        assert cypher.json()["rows"] == [{"n": 11}]

        posted = api.post("/articles", headers=KEY, json=POSTED)
        assert posted.status_code == 201, posted.text
        assert posted.json()["status"] == "new"
        dropped = api.delete(f"/articles/{posted.json()['article_id']}", headers=KEY)
        assert dropped.status_code == 200, dropped.text
        assert api.delete(f"/articles/{seed_id}", headers=KEY).status_code == 200
        assert api.get(f"/articles/{seed_id}").status_code == 404

    unloaded = cli.invoke(app, ["unload", str(ROOT / "data/demo")])
    assert unloaded.exit_code == 0, unloaded.output
    assert graph_counts(graph) == (1, 0)


POSTED = {
    "text": "KT·카카오 AI 협약\n\nKT와 카카오가 3일 AI 분야 업무협약을 체결했다고 밝혔다. "
    "두 회사는 AI 인재를 함께 키운다.\n",
    "title": "KT·카카오 AI 협약",
    "publisher": "테스트일보",
    "published": "2021-03-03T10:00:00+09:00",
}
