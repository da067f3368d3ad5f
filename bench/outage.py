"""Outage answer time: how fast the API answers while its Neo4j is stopped, and how soon it
serves again once Neo4j is back (issue 12: 503 within about half a second, never 504,
recovery within 2 s). Measured beside the same requests with Neo4j up, in the same run.

The API runs as one uvicorn process (``bench.queries.ApiProcess``) against the bench's
Neo4j, which this stops and starts with ``scripts/neo4j``. Requests go one at a time, in
rounds a little apart so that some meet an open circuit breaker and some are its probes.
"""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

import httpx

from bench.queries import ApiProcess
from bench.server import Neo4jServer

REQUESTS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/health", None),
    ("GET", "/alliances", None),
    ("GET", "/search?q=KT", None),
    ("POST", "/cypher", {"query": "RETURN 1 AS x"}),
]


def _round(client: httpx.Client, seconds: list[float], statuses: Counter[int]) -> None:
    for method, path, body in REQUESTS:
        started = time.perf_counter()
        try:
            status = client.request(method, path, json=body).status_code
        except httpx.HTTPError:
            status = 0  # no answer at all
        seconds.append(time.perf_counter() - started)
        statuses[status] += 1


def _summary(seconds: list[float], statuses: Counter[int]) -> dict[str, Any]:
    ordered = sorted(seconds)
    return {
        "requests": len(ordered),
        "p50_ms": round(ordered[len(ordered) // 2] * 1000, 1),
        "p95_ms": round(ordered[int(len(ordered) * 0.95)] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
    }


def run(server: Neo4jServer, port: int, rounds: int = 25) -> dict[str, Any]:
    with ApiProcess(server, port) as api, httpx.Client(base_url=api.url, timeout=60) as client:
        up: list[float] = []
        up_statuses: Counter[int] = Counter()
        for _ in range(rounds):
            _round(client, up, up_statuses)
        server.stop()
        down: list[float] = []
        down_statuses: Counter[int] = Counter()
        try:
            for _ in range(rounds):
                _round(client, down, down_statuses)
                time.sleep(0.1)
        finally:
            server.start()
        back = time.perf_counter()
        while client.get("/health").status_code != 200:
            if time.perf_counter() - back > 60:
                break
            time.sleep(0.02)
        recovery = time.perf_counter() - back
    return {
        "up": _summary(up, up_statuses),
        "down": _summary(down, down_statuses),
        "answers_504_down": down_statuses[504],
        "recovery_s": round(recovery, 2),
    }
