"""The one place tests get Neo4j from.

Provider, in order: ``NEO4J_URI`` from the environment (never from ``.env``: tests clear the
graph they use); a testcontainers ``Neo4jContainer`` when a Docker engine answers; else a
local Community server started by ``scripts/neo4j`` in its own home and ports, so the
developer's graph from ``make up`` is never touched. The session header says which served.

``--neo4j-scheme=neo4j`` (or ``ALLYGRAPH_TEST_NEO4J_SCHEME=neo4j``) makes every test reach
the server through routing, ``neo4j://`` instead of ``bolt://``, as a cluster or Aura is
reached (README, "Bigger than one machine"); ``tests/integration/test_routing.py`` does it
in every run for the load, read, as_of and unload paths.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
from neo4j import Driver, GraphDatabase

from allygraph.db import apply_schema, reset_graph
from allygraph.models import Extraction
from allygraph.queries import get_query
from allygraph.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
TEST_PASSWORD = "allygraph-test"
SCHEME_ENV = "ALLYGRAPH_TEST_NEO4J_SCHEME"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--neo4j-scheme",
        choices=("bolt", "neo4j"),
        default=None,
        help="URI scheme of the test servers: bolt (direct, the default) or neo4j (routing, "
        f"as on a cluster); also {SCHEME_ENV}",
    )


def pytest_configure(config: pytest.Config) -> None:
    scheme = config.getoption("--neo4j-scheme", default=None)
    if scheme:  # child processes and the resilience server read it from the environment
        os.environ[SCHEME_ENV] = scheme


def neo4j_scheme() -> str:
    """``bolt`` or ``neo4j``: how the local test servers are reached."""
    scheme = os.environ.get(SCHEME_ENV, "bolt")
    if scheme not in ("bolt", "neo4j"):
        raise pytest.UsageError(f"{SCHEME_ENV} must be bolt or neo4j, not {scheme!r}")
    return scheme


def with_scheme(uri: str, scheme: str) -> str:
    """The same server's URI with another scheme (``bolt://h:p`` -> ``neo4j://h:p``)."""
    return scheme + "://" + uri.split("://", 1)[1]


@dataclass(frozen=True)
class Neo4jTarget:
    provider: str
    uri: str
    user: str
    password: str
    http_port: int | None = None
    home: Path | None = None


def server_env(name: str, bolt: int, http: int, **extra: str) -> dict[str, str]:
    """Environment for scripts/neo4j that points it at a test server of its own (home
    ``.neo4j-<name>``), never the developer's; ``ALLYGRAPH_<NAME>_NEO4J_HOME``,
    ``_BOLT_PORT`` and ``_HTTP_PORT`` move it elsewhere."""
    key = "ALLYGRAPH_" + name.upper().replace("-", "_")
    return {
        **os.environ,
        "ALLYGRAPH_NEO4J_HOME": os.environ.get(f"{key}_NEO4J_HOME", str(ROOT / f".neo4j-{name}")),
        "NEO4J_BOLT_PORT": os.environ.get(f"{key}_BOLT_PORT", str(bolt)),
        "NEO4J_HTTP_PORT": os.environ.get(f"{key}_HTTP_PORT", str(http)),
        "NEO4J_PASSWORD": TEST_PASSWORD,
        "NEO4J_USER": "neo4j",
        **extra,
    }


def local_env() -> dict[str, str]:
    """The shared test server's environment (Bolt 7688, HTTP 7475)."""
    return server_env("test", 7688, 7475)


@cache
def docker_answers() -> bool:
    if not shutil.which("docker"):
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def chosen_provider() -> str:
    if os.environ.get("NEO4J_URI"):
        return "env"
    return "testcontainers" if docker_answers() else "local"


def pytest_report_header(config: pytest.Config) -> str:
    provider = chosen_provider()
    detail = {
        "env": f"NEO4J_URI={os.environ.get('NEO4J_URI')}",
        "testcontainers": "testcontainers Neo4jContainer (neo4j:5.26-community)",
        "local": "local Community server via scripts/neo4j, bolt port "
        + local_env()["NEO4J_BOLT_PORT"]
        + f", scheme {neo4j_scheme()}://",
    }[provider]
    return f"neo4j provider: {provider} ({detail})"


def run_neo4j_script(*args: str) -> None:
    subprocess.run([str(ROOT / "scripts" / "neo4j"), *args], env=local_env(), check=True)


@pytest.fixture(scope="session")
def neo4j_target() -> Iterator[Neo4jTarget]:
    provider = chosen_provider()
    if provider == "env":
        yield Neo4jTarget(
            "env",
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", "allygraph-dev"),
        )
    elif provider == "testcontainers":
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer("neo4j:5.26-community", password=TEST_PASSWORD) as container:
            uri = with_scheme(container.get_connection_url(), neo4j_scheme())
            yield Neo4jTarget("testcontainers", uri, "neo4j", TEST_PASSWORD)
    else:
        env = local_env()
        run_neo4j_script("start")
        yield Neo4jTarget(
            "local",
            f"{neo4j_scheme()}://127.0.0.1:{env['NEO4J_BOLT_PORT']}",
            "neo4j",
            TEST_PASSWORD,
            http_port=int(env["NEO4J_HTTP_PORT"]),
            home=Path(env["ALLYGRAPH_NEO4J_HOME"]),
        )
        # Left running on purpose: the next run starts in seconds; `make down` stops it.


@pytest.fixture(scope="session")
def test_settings(neo4j_target: Neo4jTarget) -> Settings:
    """Settings that point at the test server, whatever the developer's .env says."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        neo4j_uri=neo4j_target.uri,
        neo4j_user=neo4j_target.user,
        neo4j_password=neo4j_target.password,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="session")
def driver(neo4j_target: Neo4jTarget) -> Iterator[Driver]:
    drv = GraphDatabase.driver(neo4j_target.uri, auth=(neo4j_target.user, neo4j_target.password))
    drv.verify_connectivity()
    apply_schema(drv, "neo4j")
    yield drv
    drv.close()


def clear_graph(driver: Driver) -> None:
    reset_graph(driver, "neo4j")


@pytest.fixture
def graph(driver: Driver) -> Driver:
    """A driver on an empty graph (schema in place) that this test owns."""
    clear_graph(driver)
    return driver


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerThread:
    """A real uvicorn server on a loopback port, in a thread of the test process."""

    def __init__(self, settings: Settings) -> None:
        import threading

        import uvicorn

        from allygraph.service.app import create_app

        self.port = free_port()
        config = uvicorn.Config(
            create_app(settings), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ServerThread:
        import time

        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the API did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def api_server(test_settings: Settings, driver: Driver) -> Iterator[ServerThread]:
    with ServerThread(test_settings) as server:
        yield server


@pytest.fixture
def api(api_server: ServerThread, graph: Driver) -> Iterator[httpx.Client]:
    """An HTTP client for the API over loopback, on an empty graph this test owns."""
    with httpx.Client(base_url=api_server.url, timeout=30) as client:
        yield client


SEED_ARTICLE = ROOT / "data" / "articles" / "2020-06-03-ajunews-kt-lg-ai-one-team.txt"


@pytest.fixture(scope="session")
def seed_extraction() -> Extraction:
    """The seed article through the real pipeline (intake, rules, overrides), once."""
    from allygraph.loaders.pipeline import extract_path

    return extract_path(SEED_ARTICLE)


@pytest.fixture
def seed_graph(graph: Driver, seed_extraction: Extraction) -> Driver:
    """A graph holding exactly what loading the seed article writes."""
    from allygraph.loaders.writer import write_extraction

    write_extraction(graph, seed_extraction, "neo4j")
    return graph


def graph_counts(driver: Driver) -> tuple[int, int]:
    """(nodes, relationships) in the test graph, through cypher/graph_counts.cypher."""
    records, _, _ = driver.execute_query(get_query("graph_counts").text, database_="neo4j")
    return records[0]["nodes"], records[0]["relationships"]


def run_async(coroutine: Any) -> Any:
    """``asyncio.run`` on a thread of its own: Playwright's sync API keeps an event loop
    running on the main thread for the whole session (the browser tests run first), and
    ``asyncio.run`` refuses to start inside a running loop."""
    import asyncio
    import threading

    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = asyncio.run(coroutine)
        except BaseException as exc:  # re-raised in the test's thread
            result["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result.get("value")
