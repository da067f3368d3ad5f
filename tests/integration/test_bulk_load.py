"""``allygraph load --bulk`` builds exactly the graph the transactional path builds.

A Neo4j of this test's own (home ``.neo4j-bulk-test``, Bolt 7754, HTTP 7755; the import
stops and starts it, so it cannot be the shared test server). The timeline corpus and the
seed are loaded through the CLI with ``--bulk --jobs 2``, the graph is read node by node
and relationship by relationship, then emptied and loaded again one transaction per
article: both reads must be equal, evidence included. A second ``--bulk`` onto the full
graph is refused in one line.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver, GraphDatabase

from allygraph.db import apply_schema, reset_graph
from allygraph.loaders.article_writer import write_extraction
from allygraph.loaders.bulk import LocalServer
from allygraph.loaders.files import article_files
from allygraph.loaders.pipeline import extract_path
from tests.conftest import ROOT

PASSWORD = "allygraph-bulk-test"
BOLT = int(os.environ.get("ALLYGRAPH_BULK_TEST_BOLT_PORT", "7754"))
HTTP = int(os.environ.get("ALLYGRAPH_BULK_TEST_HTTP_PORT", "7755"))
HOME = Path(os.environ.get("ALLYGRAPH_BULK_TEST_NEO4J_HOME", str(ROOT / ".neo4j-bulk-test")))
CORPUS = [ROOT / "tests" / "data" / "timeline", ROOT / "data" / "articles"]


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    local = LocalServer(home=HOME, bolt_port=BOLT, http_port=HTTP, password=PASSWORD)  # type: ignore[arg-type]
    local.run("start")
    yield local
    local.run("stop")  # its memory back to the machine; a rerun starts it in seconds


def connect() -> Driver:
    """A new driver: one that lived across the import would wait for bookmarks of the old
    store (execute_query's bookmark manager), whose transaction ids ran further."""
    return GraphDatabase.driver(f"bolt://127.0.0.1:{BOLT}", auth=("neo4j", PASSWORD))


def cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "NEO4J_URI": f"bolt://127.0.0.1:{BOLT}",
        "NEO4J_USER": "neo4j",
        "NEO4J_PASSWORD": PASSWORD,
        "NEO4J_DATABASE": "neo4j",
    }
    command = [str(ROOT / ".venv" / "bin" / "allygraph"), "load", *args]
    # Run from an empty folder, so no .env is read.
    return subprocess.run(command, env=env, cwd=tmp_path, text=True, capture_output=True)


def plain(value: Any) -> Any:
    """A stored value as comparable data: temporal values by their ISO text (offset kept)."""
    if isinstance(value, list):
        return [plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return f"{type(value).__name__}:{value.iso_format()}"
    return value


def snapshot(driver: Driver) -> dict[str, Any]:
    """Every node by labels and key, every relationship by type and end keys, with all
    their properties (the graph version's timestamp left out: it is the time of the load)."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", database_="neo4j"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.key) AS a, "
        "coalesce(b.id, b.key) AS b, properties(r) AS props",
        database_="neo4j",
    )
    graph: dict[str, Any] = {}
    for n in nodes:
        props = {k: plain(v) for k, v in n["props"].items() if k != "updated_at"}
        graph[f"node {sorted(n['labels'])} {props.get('id', props.get('key'))}"] = props
    for r in rels:
        key = f"rel {r['type']} {r['a']} -> {r['b']}"
        assert key not in graph, f"two relationships {key}"
        graph[key] = {k: plain(v) for k, v in r["props"].items()}
    return graph


def differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    out = [f"only bulk: {k}" for k in a.keys() - b.keys()]
    out += [f"only transactional: {k}" for k in b.keys() - a.keys()]
    for key in sorted(a.keys() & b.keys()):
        for prop in sorted(a[key].keys() | b[key].keys()):
            if a[key].get(prop, "<absent>") != b[key].get(prop, "<absent>"):
                out.append(
                    f"{key}.{prop}: {a[key].get(prop, '<absent>')!r} != "
                    f"{b[key].get(prop, '<absent>')!r}"
                )
    return out


def test_bulk_load_equals_transactional_load(server: LocalServer, tmp_path: Path) -> None:
    with connect() as before:
        reset_graph(before, "neo4j")
    done = cli(tmp_path, "--bulk", "--jobs", "2", *map(str, CORPUS))
    assert done.returncode == 0, done.stderr + done.stdout
    assert "bulk load: articles new 11" in done.stdout
    driver = connect()
    bulk = snapshot(driver)
    constraints, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
    assert {"entity_id", "article_id", "graph_meta_key"} <= {r["name"] for r in constraints}

    refused = cli(tmp_path, "--bulk", str(CORPUS[1]))
    assert refused.returncode == 1
    assert refused.stderr.strip().count("\n") == 0, refused.stderr
    assert "empty database" in refused.stderr and "reset" in refused.stderr
    assert snapshot(driver) == bulk  # refused before anything was touched

    reset_graph(driver, "neo4j")
    apply_schema(driver, "neo4j")
    for path in article_files(CORPUS):
        write_extraction(driver, extract_path(path), database="neo4j")
    transactional = snapshot(driver)

    assert differences(bulk, transactional) == []
    facts = [k for k in bulk if k.startswith("rel ") and "MENTIONS" not in k]
    assert len(facts) > 50 and all(bulk[k]["article_ids"] for k in facts)
    assert bulk["node ['GraphMeta'] graph"]["version"] == 11
    driver.close()
