"""`allygraph mcp` as an assistant meets it: started as a subprocess and driven over stdio by
the ``mcp`` package's own client, against the test Neo4j holding the seed graph."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp_types import CallToolResult, TextContent
from neo4j import Driver

from tests.api.conftest import counts
from tests.conftest import Neo4jTarget, free_port, run_async

ALLYGRAPH = Path(sys.executable).with_name("allygraph")
# The seed article is loaded from a file, so it has no address; give it the one it came from.
SEED_URL = "https://www.ajunews.com/view/20200603155100000"
TOOLS = {"members", "compare", "search", "organization", "cypher"}


def server_params(uri: str, target: Neo4jTarget, tmp_path: Path) -> StdioServerParameters:
    """``allygraph mcp`` pointed at ``uri``, run outside the checkout so no .env applies."""
    return StdioServerParameters(
        command=str(ALLYGRAPH),
        args=["mcp"],
        cwd=str(tmp_path),
        env={
            "NEO4J_URI": uri,
            "NEO4J_USER": target.user,
            "NEO4J_PASSWORD": target.password,
            "NEO4J_DATABASE": "neo4j",
            "NEO4J_CONNECT_TIMEOUT": "1",
        },
    )


def with_session(
    params: StdioServerParameters, scenario: Callable[[ClientSession], Awaitable[None]]
) -> None:
    async def main() -> None:
        async with (
            stdio_client(params) as (read, write),
            ClientSession(read, write, read_timeout_seconds=60) as session,
        ):
            await session.initialize()
            await scenario(session)

    run_async(asyncio.wait_for(main(), timeout=120))


def text(result: CallToolResult) -> str:
    return " ".join(c.text for c in result.content if isinstance(c, TextContent))


def structured(result: CallToolResult) -> dict[str, Any]:
    assert not result.is_error, text(result)
    assert result.structured_content is not None
    return result.structured_content


@pytest.fixture
def mcp_server(
    neo4j_target: Neo4jTarget, seed_graph: Driver, tmp_path: Path
) -> StdioServerParameters:
    seed_graph.execute_query("MATCH (a:Article) SET a.url = $url", url=SEED_URL, database_="neo4j")
    return server_params(neo4j_target.uri, neo4j_target, tmp_path)


def test_tools_answer_with_evidence_and_refuse_clearly(
    mcp_server: StdioServerParameters, seed_graph: Driver
) -> None:
    before = counts(seed_graph)
    seen: dict[str, Any] = {}

    async def scenario(session: ClientSession) -> None:
        listed = await session.list_tools()
        seen["tools"] = {t.name: t for t in listed.tools}
        seen["members"] = await session.call_tool("members", {"alliance": "ai-one-team"})
        seen["members_early"] = await session.call_tool(
            "members", {"alliance": "ai-one-team", "as_of": "2000-01-01"}
        )
        seen["search"] = await session.call_tool("search", {"q": "원팀"})
        seen["organization"] = await session.call_tool("organization", {"id": "kt"})
        seen["compare"] = await session.call_tool(
            "compare", {"alliances": ["ai-one-team", "ai-super-cooperation"]}
        )
        seen["read"] = await session.call_tool(
            "cypher",
            {
                "query": "MATCH (o)-[:MEMBER_OF]->(:Alliance {id: $id}) "
                "RETURN o.id AS id ORDER BY id",
                "params": {"id": "ai-one-team"},
                "limit": 2,
            },
        )
        seen["write"] = await session.call_tool(
            "cypher", {"query": "CREATE (n:Evil {id: 'x'}) RETURN n"}
        )
        seen["deep"] = await session.call_tool(
            "cypher", {"query": "RETURN " + "(" * 200 + "1" + ")" * 200}
        )
        seen["unknown"] = await session.call_tool("members", {"alliance": "ai-one-teem"})
        seen["bad_args"] = await session.call_tool("compare", {"alliances": ["ai-one-team"]})

    with_session(mcp_server, scenario)

    tools = seen["tools"]
    assert set(tools) == TOOLS
    assert all(t.annotations and t.annotations.read_only_hint for t in tools.values())
    assert tools["members"].output_schema is not None

    members = structured(seen["members"])
    assert members["alliance"] == "ai-one-team"
    assert len(members["members"]) == 7
    evidence = [e for m in members["members"] for e in m["evidence"]]
    assert evidence and all(e["sentence"] and e["title"] for e in evidence)
    assert {(e["publisher"], e["url"]) for e in evidence} == {("아주경제", SEED_URL)}
    assert all(e["published"].startswith("2020-06-03") for e in evidence)
    assert json.loads(text(seen["members"])) == members  # the same answer as text
    assert structured(seen["members_early"])["members"] == []

    hits = structured(seen["search"])["hits"]
    assert hits[0]["entity"]["id"] == "ai-one-team"

    org = structured(seen["organization"])
    assert org["organization"]["id"] == "kt"
    assert any(m["alliance"]["id"] == "ai-one-team" for m in org["memberships"])
    assert all(e["url"] == SEED_URL for m in org["memberships"] for e in m["evidence"])

    comparison = structured(seen["compare"])
    assert [s["alliance"]["id"] for s in comparison["sides"]] == [
        "ai-one-team",
        "ai-super-cooperation",
    ]
    assert comparison["summary"]

    read = structured(seen["read"])
    assert read["columns"] == ["id"]
    assert read["row_count"] == 2 and read["truncated"] is True
    assert read["truncated_by"] == "rows"

    for name in ("write", "deep", "unknown", "bad_args"):
        assert seen[name].is_error, name
        assert "Traceback" not in text(seen[name])
    # The SDK puts "Error executing tool <name>: " before the tool's own message.
    assert "Query refused: the query reads and writes" in text(seen["write"])
    assert "read-only" in text(seen["write"])
    assert "Query too complex: the query nests more than" in text(seen["deep"])
    unknown = text(seen["unknown"])
    assert "Not found: no alliance with id 'ai-one-teem'" in unknown
    assert "did you mean ai-one-team" in unknown
    assert "alliances" in text(seen["bad_args"])
    assert counts(seed_graph) == before  # nothing was written


def test_neo4j_down_is_a_tool_error(neo4j_target: Neo4jTarget, tmp_path: Path) -> None:
    params = server_params(f"bolt://127.0.0.1:{free_port()}", neo4j_target, tmp_path)
    seen: dict[str, Any] = {}

    async def scenario(session: ClientSession) -> None:
        seen["tools"] = await session.list_tools()
        seen["first"] = await session.call_tool("members", {"alliance": "ai-one-team"})
        seen["again"] = await session.call_tool("search", {"q": "KT"})

    with_session(params, scenario)
    assert {t.name for t in seen["tools"].tools} == TOOLS
    for name in ("first", "again"):
        assert seen[name].is_error
        assert "Neo4j unavailable: Neo4j is not reachable" in text(seen[name]), text(seen[name])
