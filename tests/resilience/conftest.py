"""A Neo4j of the resilience tests' own, which they may stop and start.

It runs in its own home (``.neo4j-test-resilience``) on its own ports (7694/7481 unless
``ALLYGRAPH_RESILIENCE_BOLT_PORT``/``..._HTTP_PORT`` say otherwise), started with
``scripts/neo4j`` exactly like the shared test server, so stopping it never disturbs
another test run or the developer's graph. Tests that only need a graph use the shared
``graph`` fixture instead.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from neo4j import Driver, GraphDatabase

from allygraph.db import apply_schema
from allygraph.settings import Settings
from tests.conftest import (
    ROOT,
    TEST_PASSWORD,
    Neo4jTarget,
    clear_graph,
    neo4j_scheme,
    server_env,
)


@dataclass
class OwnNeo4j:
    env: dict[str, str]
    uri: str

    def script(self, *args: str) -> None:
        subprocess.run(
            [str(ROOT / "scripts" / "neo4j"), *args], env=self.env, check=True, timeout=300
        )

    def stop(self) -> None:
        self.script("stop")

    def start(self) -> None:
        self.script("start")

    def settings(self, **overrides: object) -> Settings:
        return Settings(
            _env_file=None,  # type: ignore[call-arg]
            neo4j_uri=self.uri,
            neo4j_user="neo4j",
            neo4j_password=TEST_PASSWORD,  # type: ignore[arg-type]
            **overrides,  # type: ignore[arg-type]
        )


def own_env() -> dict[str, str]:
    return server_env("test-resilience", 7694, 7481, NEO4J_HEAP="512m", NEO4J_PAGECACHE="128m")


@pytest.fixture(scope="session")
def own_neo4j() -> Iterator[OwnNeo4j]:
    if not shutil.which("java") and not shutil.which("apt-get"):
        pytest.skip("no Java (nor apt-get to install it) to run a dedicated Neo4j")
    env = own_env()
    server = OwnNeo4j(env, f"{neo4j_scheme()}://127.0.0.1:{env['NEO4J_BOLT_PORT']}")
    server.start()
    yield server
    server.stop()  # ours alone: nobody else uses it


@pytest.fixture
def own_driver(own_neo4j: OwnNeo4j) -> Iterator[Driver]:
    drv = GraphDatabase.driver(own_neo4j.uri, auth=("neo4j", TEST_PASSWORD))
    drv.verify_connectivity()
    apply_schema(drv, "neo4j")
    clear_graph(drv)
    yield drv
    drv.close()


def target_of(neo4j_target: Neo4jTarget) -> dict[str, str]:
    """What a child process needs to reach the shared test server."""
    return {"uri": neo4j_target.uri, "user": neo4j_target.user, "password": neo4j_target.password}
