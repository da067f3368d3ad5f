"""Query benchmark: the API over loopback against the same Cypher through the driver alone,
each from a load generator in its own process, at several concurrencies."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any
from urllib.parse import quote, urlencode

import httpx

from bench.server import PASSWORD, ROOT, WORK, Neo4jServer

AS_OF = "2021-06-30"


def search_params(text: str, limit: int = 10) -> dict[str, Any]:
    """Exactly the parameters the API passes to search.cypher."""
    from allygraph.service.lookup import search_params as api_params

    return api_params(text, limit)


def members(alliance: str, as_of: str | None = None, limit: int = 100) -> dict[str, Any]:
    path = f"/alliances/{quote(alliance)}/members?limit={limit}"
    if as_of:
        path += f"&as_of={as_of}"
    return {
        "path": path,
        "query": "alliance_members",
        "params": {"id": alliance, "as_of": as_of, "kind": None, "after": None, "limit": limit + 1},
    }


def scenarios(
    alliances: list[str], orgs: list[str], names: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """Request lists per endpoint: each entry has the API path and the driver's query."""
    pairs = [(alliances[i], alliances[(i + 1) % len(alliances)]) for i in range(len(alliances))]
    return {
        "members": [members(a) for a in alliances],
        "members_as_of": [members(a, AS_OF) for a in alliances],
        "compare": [
            {
                "path": "/alliances/compare?" + urlencode([("ids", a), ("ids", b)]),
                "query": "alliance_compare",
                "params": {"ids": [a, b], "as_of": None},
            }
            for a, b in pairs
            if a != b
        ],
        "search": [
            {
                "path": "/search?" + urlencode({"q": n}),
                "query": "search",
                "params": search_params(n),
            }
            for n in names
        ],
        "organization": [
            {"path": f"/organizations/{quote(o)}", "query": "organization", "params": {"id": o}}
            for o in orgs
        ],
    }


class ApiProcess:
    """The API as users run it: one uvicorn process, pointed at the bench's Neo4j."""

    def __init__(self, server: Neo4jServer, port: int) -> None:
        self.server, self.port = server, port
        self.url = f"http://127.0.0.1:{port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> ApiProcess:
        log = open(WORK / "api.log", "wb")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "allygraph.service.app:create_app",
                "--factory",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            env=self.server.settings_env(),
            cwd=WORK,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"the API did not start; see {WORK / 'api.log'}")

    def __exit__(self, *exc: object) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def loadgen(spec: dict[str, Any]) -> dict[str, Any]:
    path = WORK / f"loadgen-spec-{os.getpid()}.json"  # two runs never share it
    path.write_text(json.dumps(spec), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "bench.loadgen", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=spec["duration"] * 4 + 120,
    )
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["loadgen failed"]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def available(api: ApiProcess, reqs: list[dict[str, Any]]) -> bool:
    """An endpoint the API does not have yet (404 with no problem body of ours) is skipped."""
    try:
        resp = httpx.get(api.url + reqs[0]["path"], timeout=30)
    except httpx.HTTPError:
        return False
    return resp.status_code < 400


def run_matrix(
    server: Neo4jServer,
    api: ApiProcess,
    plan: dict[str, list[dict[str, Any]]],
    concurrencies: list[int],
    duration: float,
    warmup: float,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, reqs in plan.items():
        if not reqs:
            continue
        row: dict[str, Any] = {"requests": len(reqs), "runs": []}
        has_api = available(api, reqs)
        row["api_available"] = has_api
        for c in concurrencies:
            common = {"concurrency": c, "duration": duration, "warmup": warmup}
            drv = loadgen(
                {
                    **common,
                    "mode": "driver",
                    "target": server.uri,
                    "auth": ["neo4j", PASSWORD],
                    "requests": [{"query": r["query"], "params": r["params"]} for r in reqs],
                }
            )
            res: dict[str, Any] = {"concurrency": c, "driver": drv}
            if has_api:
                res["api"] = loadgen(
                    {
                        **common,
                        "mode": "api",
                        "target": api.url,
                        "requests": [{"path": r["path"]} for r in reqs],
                    }
                )
                a, d = res["api"], drv
                if a.get("p50") and d.get("p50"):
                    res["latency_ratio_p50"] = round(a["p50"] / d["p50"], 2)
                    res["throughput_ratio"] = round(a["rps"] / d["rps"], 2)
            row["runs"].append(res)
            print(
                f"  {name:14s} c={c:<3d} driver {drv.get('rps', 0):>7} rps p50 "
                f"{drv.get('p50')} ms | api "
                f"{res.get('api', {}).get('rps', '-')} rps p50 "
                f"{res.get('api', {}).get('p50', '-')} ms",
                flush=True,
            )
        out[name] = row
    return out


def hubs(
    server: Neo4jServer, api: ApiProcess, hub: str, small: str, duration: float, warmup: float
) -> dict[str, Any]:
    """First page of a 100k-member alliance against a small one's, c=1, both paths."""
    out: dict[str, Any] = {}
    for label, alliance in (("hub", hub), ("small", small)):
        req = members(alliance)
        common = {"concurrency": 1, "duration": duration, "warmup": warmup}
        out[label] = {
            "alliance": alliance,
            "driver": loadgen(
                {
                    **common,
                    "mode": "driver",
                    "target": server.uri,
                    "auth": ["neo4j", PASSWORD],
                    "requests": [{"query": req["query"], "params": req["params"]}],
                }
            ),
            "api": loadgen(
                {**common, "mode": "api", "target": api.url, "requests": [{"path": req["path"]}]}
            ),
        }
        print(
            f"  first page {label:5s} ({alliance}): api p50 {out[label]['api'].get('p50')} "
            f"ms, driver p50 {out[label]['driver'].get('p50')} ms",
            flush=True,
        )
    return out


def caching(
    api: ApiProcess, reqs: list[dict[str, Any]], concurrency: int, duration: float, warmup: float
) -> dict[str, Any]:
    """Repeated reads of the same pages with and without If-None-Match."""
    paths = [{"path": r["path"]} for r in reqs[:20]]
    common = {
        "mode": "api",
        "target": api.url,
        "concurrency": concurrency,
        "duration": duration,
        "warmup": warmup,
        "requests": paths,
    }
    plain = loadgen({**common, "etag": False})
    etag = loadgen({**common, "etag": True})
    resp = httpx.get(api.url + paths[0]["path"], timeout=30)
    out = {
        "concurrency": concurrency,
        "without_etag": plain,
        "with_etag": etag,
        "etag_sent": "etag" in resp.headers,
    }
    if plain.get("rps") and etag.get("rps"):
        out["speedup"] = round(etag["rps"] / plain["rps"], 2)
    print(
        f"  caching c={concurrency}: {plain.get('rps')} rps plain, {etag.get('rps')} rps with "
        f"If-None-Match ({etag.get('statuses')})",
        flush=True,
    )
    return out


def seed_graph(driver: Any) -> dict[str, Any]:
    """The seed graph: every gold extraction under /work/shared/gold (or the project's
    data/articles through the extractor when no gold is found), written by the writer."""
    from bench.seed import load_seed

    return load_seed(driver)


__all__ = ["ApiProcess", "caching", "hubs", "run_matrix", "scenarios", "seed_graph"]
