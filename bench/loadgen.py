"""A closed-loop load generator, run in its own process: C workers each send the next
request as soon as the previous one is answered, for D seconds after a warm-up.

    python -m bench.loadgen SPEC.json   (prints one JSON result on stdout)

SPEC: {"mode": "api"|"driver"|"queryapi", "target": URL or bolt URI, "auth": [user, password],
"concurrency": C, "duration": D, "warmup": W, "etag": bool, "bust": bool, "prefetch": bool,
"requests": [{"path": "/search?q=KT"} or {"query": "search", "params": {...}}]}

``bust`` (API mode) adds a parameter the API ignores, different on every request
(``_n=<counter>``), so every request misses the API's read cache: the cold path.
``prefetch`` fetches every request once before the clock starts (the warm path: the
measured requests are cache hits; with ``etag`` they revalidate instead).
Query API mode posts the same Cypher file with the same parameters to Neo4j's HTTP Query
API (``POST {target}/db/neo4j/query/v2``, basic auth, ``accessMode: READ``) with the same
aiohttp client as API mode; like API mode it reads the body and does not parse it.

API mode uses one aiohttp client session (keep-alive pool of C connections; aiohttp spends a
fraction of httpx's CPU per request, and the client shares the 2 cores with the server, so
a heavy client would be charged to the API); driver mode one async Neo4j driver (pool of C
connections) running the same named Cypher files with the parameters the API would pass.
Both record per-request latency with perf_counter, on uvloop when it is installed.
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any


def percentiles(samples: list[float]) -> dict[str, float | None]:
    if not samples:
        return {"p50": None, "p95": None, "p99": None, "mean": None}
    s = sorted(samples)

    def pick(q: float) -> float:
        return round(s[min(int(q * len(s)), len(s) - 1)] * 1000, 3)

    return {
        "p50": pick(0.50),
        "p95": pick(0.95),
        "p99": pick(0.99),
        "mean": round(sum(s) / len(s) * 1000, 3),
    }


One = Callable[[dict[str, Any]], Awaitable[str]]
Close = Callable[[], Awaitable[None]]


def queryapi_client(spec: dict[str, Any]) -> tuple[One, Close]:
    import aiohttp

    from allygraph.queries import get_query

    client = aiohttp.ClientSession(
        base_url=spec["target"],
        connector=aiohttp.TCPConnector(limit=int(spec["concurrency"])),
        timeout=aiohttp.ClientTimeout(total=30),
    )
    bodies = {
        id(r): json.dumps(
            {
                "statement": get_query(r["query"]).text,
                "parameters": r["params"],
                "accessMode": "READ",
            }
        ).encode()
        for r in spec["requests"]
    }
    user, password = spec["auth"]
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    headers = {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "Authorization": f"Basic {token}",
    }

    async def one(req: dict[str, Any]) -> str:
        async with client.post("/db/neo4j/query/v2", data=bodies[id(req)], headers=headers) as r:
            await r.read()
            return str(r.status)

    return one, client.close


def api_client(spec: dict[str, Any]) -> tuple[One, Close]:
    import aiohttp

    client = aiohttp.ClientSession(
        base_url=spec["target"],
        connector=aiohttp.TCPConnector(limit=int(spec["concurrency"])),
        timeout=aiohttp.ClientTimeout(total=30),
    )
    etags: dict[str, str] = {}
    counter = iter(range(1 << 62))

    async def one(req: dict[str, Any]) -> str:
        headers = {}
        if spec.get("etag") and req["path"] in etags:
            headers["If-None-Match"] = etags[req["path"]]
        path = req["path"]
        if spec.get("bust"):
            path += ("&" if "?" in path else "?") + f"_n={next(counter)}"
        async with client.get(path, headers=headers) as resp:
            await resp.read()
            if spec.get("etag") and "ETag" in resp.headers:
                etags[req["path"]] = resp.headers["ETag"]
            return str(resp.status)

    return one, client.close


def driver_client(spec: dict[str, Any]) -> tuple[One, Close]:
    import neo4j

    from allygraph.queries import get_query

    # Notifications off, as the API's own driver has them (allygraph/db.py).
    driver = neo4j.AsyncGraphDatabase.driver(
        spec["target"],
        auth=tuple(spec["auth"]),
        max_connection_pool_size=int(spec["concurrency"]),
        notifications_min_severity="OFF",
    )
    texts = {r["query"]: get_query(r["query"]).text for r in spec["requests"]}

    async def one(req: dict[str, Any]) -> str:
        records, _, _ = await driver.execute_query(
            texts[req["query"]],
            req["params"],
            database_="neo4j",
            routing_=neo4j.RoutingControl.READ,
        )
        # the API turns every record into a dict; so does this side
        [r.data() for r in records]
        return "ok"

    return one, driver.close


CLIENTS = {"api": api_client, "queryapi": queryapi_client, "driver": driver_client}


async def run(spec: dict[str, Any]) -> dict[str, Any]:
    concurrency, duration = int(spec["concurrency"]), float(spec["duration"])
    warmup = float(spec.get("warmup", 1.0))
    requests = spec["requests"]
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    errors: list[str] = []
    state = {"measuring": False, "stop": False}
    one, close = CLIENTS[spec["mode"]](spec)

    async def worker(k: int) -> None:
        i = k * 7919
        while not state["stop"]:
            req = requests[i % len(requests)]
            i += 1
            t = time.perf_counter()
            try:
                status = await one(req)
            except Exception as exc:  # recorded, the run goes on
                status = type(exc).__name__
                if len(errors) < 5:
                    errors.append(f"{status}: {exc}"[:300])
            if state["measuring"]:
                latencies.append(time.perf_counter() - t)
                statuses[status] = statuses.get(status, 0) + 1

    if (spec.get("etag") or spec.get("prefetch")) and spec["mode"] == "api":
        for req in requests:  # every page fetched once: the repeated reads are what counts
            await one(req)
    tasks = [asyncio.create_task(worker(k)) for k in range(concurrency)]
    await asyncio.sleep(warmup)
    state["measuring"] = True
    started = time.perf_counter()
    await asyncio.sleep(duration)
    state["measuring"] = False
    elapsed = time.perf_counter() - started
    state["stop"] = True
    await asyncio.gather(*tasks, return_exceptions=True)
    await close()
    return {
        "mode": spec["mode"],
        "concurrency": concurrency,
        "requests": len(latencies),
        "seconds": round(elapsed, 3),
        "rps": round(len(latencies) / elapsed, 1),
        "statuses": statuses,
        "errors": errors,
        **percentiles(latencies),
    }


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    print(json.dumps(asyncio.run(run(spec))))


if __name__ == "__main__":
    main()
