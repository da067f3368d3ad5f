"""A closed-loop load generator, run in its own process: C workers each send the next
request as soon as the previous one is answered, for D seconds after a warm-up.

    python -m bench.loadgen SPEC.json   (prints one JSON result on stdout)

SPEC: {"mode": "api"|"driver", "target": URL or bolt URI, "auth": [user, password],
"concurrency": C, "duration": D, "warmup": W, "etag": bool,
"requests": [{"path": "/search?q=KT"} or {"query": "search", "params": {...}}]}

API mode uses one aiohttp client session (keep-alive pool of C connections; aiohttp spends a
fraction of httpx's CPU per request, and the client shares the 2 cores with the server, so
a heavy client would be charged to the API); driver mode one async Neo4j driver (pool of C
connections) running the same named Cypher files with the parameters the API would pass.
Both record per-request latency with perf_counter, on uvloop when it is installed.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
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


async def run(spec: dict[str, Any]) -> dict[str, Any]:
    concurrency, duration = int(spec["concurrency"]), float(spec["duration"])
    warmup = float(spec.get("warmup", 1.0))
    requests = spec["requests"]
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    errors: list[str] = []
    state = {"measuring": False, "stop": False}

    if spec["mode"] == "api":
        import aiohttp

        connector = aiohttp.TCPConnector(limit=concurrency)
        client = aiohttp.ClientSession(
            base_url=spec["target"],
            connector=connector,
            timeout=aiohttp.ClientTimeout(total=30),
        )
        etags: dict[str, str] = {}

        async def one(req: dict[str, Any]) -> str:
            headers = {}
            if spec.get("etag") and req["path"] in etags:
                headers["If-None-Match"] = etags[req["path"]]
            async with client.get(req["path"], headers=headers) as resp:
                await resp.read()
                if spec.get("etag") and "ETag" in resp.headers:
                    etags[req["path"]] = resp.headers["ETag"]
                return str(resp.status)

        async def close() -> None:
            await client.close()
    else:
        import neo4j

        from allygraph.queries import get_query

        driver = neo4j.AsyncGraphDatabase.driver(
            spec["target"], auth=tuple(spec["auth"]), max_connection_pool_size=concurrency
        )
        texts = {r["query"]: get_query(r["query"]).text for r in requests}

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

        async def close() -> None:
            await driver.close()

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

    if spec.get("etag") and spec["mode"] == "api":
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
