"""A flood of hostile POST /cypher requests does not take the service down (issue 12):
deep queries are refused at once, and slow ones never take more than their share of the
driver's pool, so ordinary reads keep answering while 100 of them arrive at once."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver

from allygraph.loaders.writer import write_extraction
from allygraph.settings import Settings
from tests.conftest import ROOT, free_port, run_async
from tests.factories import extraction

DEEP_QUERY = "RETURN " + "(" * 12_000 + "1" + ")" * 12_000
# 10^10 rows: slower than any timeout here
SLOW = (
    "UNWIND range(1, 100000) AS i UNWIND range(1, 100000) AS j "
    "WITH i WHERE i < 0 RETURN count(i) AS n"
)
MEMBERS = "/alliances/ai-one-team/members"
FLOOD = 100
# The bound for refusing a deep query; generous next to what it takes.
REFUSE_WITHIN = 1.0


class ApiProcess:
    """The API in a uvicorn process of its own, so that the test's own client work does not
    share a GIL with the server it measures (started in a folder without a .env)."""

    def __init__(self, settings: Settings, workdir: Path) -> None:
        self.port = free_port()
        self.env = {
            **os.environ,
            "NEO4J_URI": settings.neo4j_uri,
            "NEO4J_USER": settings.neo4j_user,
            "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
            "PYTHONPATH": str(ROOT),
        }
        self.workdir = workdir
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ApiProcess:
        command = [sys.executable, "-m", "uvicorn", "allygraph.service.app:create_app"]
        command += ["--factory", "--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(command, env=self.env, cwd=self.workdir)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/health", timeout=5).status_code:
                    return self
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("the API did not start")
            time.sleep(0.2)

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def api_port(
    test_settings: Settings, driver: Driver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[int]:
    with ApiProcess(test_settings, tmp_path_factory.mktemp("api")) as api:
        yield api.port


def raw_request(method: str, path: str, body: dict | None = None) -> bytes:
    """A whole HTTP/1.1 request, made once: the flood's client does no work per request
    beyond writing it and reading the status line."""
    data = json.dumps(body).encode() if body is not None else b""
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
    return head.encode() + b"\r\n" + data


async def send(port: int, request: bytes) -> tuple[int, float]:
    """(status, seconds from connecting to the status line)."""
    started = time.monotonic()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(request)
        await writer.drain()
        status_line = await reader.readline()
        seconds = time.monotonic() - started
        await reader.read()  # the rest, until the server closes
    finally:
        writer.close()
    return int(status_line.split()[1]), seconds


async def reads_during(port: int, flood: asyncio.Future) -> list[int]:
    """Ordinary GETs, one after another, for as long as the flood lasts."""
    statuses = []
    while not flood.done():
        statuses.append((await send(port, raw_request("GET", MEMBERS)))[0])
    return statuses


async def flood_with(port: int, body: dict) -> tuple[list[tuple[int, float]], list[int]]:
    assert (await send(port, raw_request("GET", MEMBERS)))[0] == 200
    hostile = raw_request("POST", "/cypher", body)
    flood = asyncio.gather(*(send(port, hostile) for _ in range(FLOOD)))
    reads = await reads_during(port, flood)
    return await flood, reads


def test_deep_queries_are_refused_fast_while_reads_go_on(api_port: int, graph: Driver) -> None:
    write_extraction(graph, extraction(), database="neo4j")
    answers, reads = run_async(flood_with(api_port, {"query": DEEP_QUERY}))
    assert Counter(status for status, _ in answers) == {422: FLOOD}
    assert max(seconds for _, seconds in answers) < REFUSE_WITHIN
    assert reads and set(reads) == {200}


def test_slow_queries_cannot_take_the_pool(
    api_port: int, graph: Driver, test_settings: Settings
) -> None:
    write_extraction(graph, extraction(), database="neo4j")
    answers, reads = run_async(flood_with(api_port, {"query": SLOW, "timeout": 2}))
    statuses = Counter(status for status, _ in answers)
    # At most the gate's share ran (and were stopped by their timeout); the rest were
    # turned away at once instead of waiting for a connection.
    assert set(statuses) <= {429, 504}
    assert statuses[504] <= test_settings.cypher_max_concurrent
    assert statuses[429] >= FLOOD - test_settings.cypher_max_concurrent
    assert reads and set(reads) == {200}
