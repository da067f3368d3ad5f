"""Peer baseline (issue 14): the same Cypher through Neo4j's HTTP Query API, beside the API
and the driver, in one run.

For each endpoint (members, members as_of, compare, search, organisation) and concurrency
(1 and 8), four closed-loop runs of ``bench/loadgen.py`` over the same 100 sampled
requests:

* **driver**: the async Neo4j driver runs the ``cypher/*.cypher`` file with the parameters
  the API passes (records turned into dicts);
* **Query API**: the same text and parameters posted to ``/db/neo4j/query/v2`` on Neo4j's
  HTTP port (``accessMode: READ``, basic auth, keep-alive; the body is read, not parsed);
* **API cold**: our API, each request with a parameter it ignores that differs every time
  (``_n=…``), so every request misses the read cache and runs its query: the cold path;
* **API warm**: our API, every request fetched once first, then the same requests again
  without ``If-None-Match``: read-cache hits.

Ratios are taken within one cell (same endpoint, same concurrency, same minute).
"""

from __future__ import annotations

from typing import Any

from bench.queries import ApiProcess, loadgen
from bench.server import PASSWORD, Neo4jServer

ENDPOINTS = ("members", "members_as_of", "compare", "search", "organization")
CONCURRENCIES = (1, 8)
MODES = ("driver", "queryapi", "api_cold", "api_warm")

# The targets: (key, label, ratio, concurrency, bound, "max" when the ratio must
# not exceed the bound, "min" when it must reach it).
TARGETS = (
    ("cold_p50_vs_driver", "cold API/driver p50 ≤ 1.3 at c=1", 1, 1.3, "max"),
    ("cold_p50_vs_queryapi", "cold API/Query API p50 ≤ 0.8 at c=1", 1, 0.8, "max"),
    ("warm_rps_vs_driver", "warm API ≥ 5× driver throughput at c=8", 8, 5.0, "min"),
    ("warm_rps_vs_queryapi", "warm API ≥ 10× Query API throughput at c=8", 8, 10.0, "min"),
    ("warm_p50_vs_driver", "warm API p50 below the driver's at c=1", 1, 1.0, "below"),
)


def _div(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a and b else None


def ratios(cell: dict[str, Any]) -> dict[str, float | None]:
    d, q = cell["driver"], cell["queryapi"]
    cold, warm = cell["api_cold"], cell["api_warm"]
    return {
        "cold_p50_vs_driver": _div(cold.get("p50"), d.get("p50")),
        "cold_p50_vs_queryapi": _div(cold.get("p50"), q.get("p50")),
        "warm_rps_vs_driver": _div(warm.get("rps"), d.get("rps")),
        "warm_rps_vs_queryapi": _div(warm.get("rps"), q.get("rps")),
        "warm_p50_vs_driver": _div(warm.get("p50"), d.get("p50")),
        "queryapi_p50_vs_driver": _div(q.get("p50"), d.get("p50")),
        "cold_rps_vs_driver": _div(cold.get("rps"), d.get("rps")),
    }


def specs(
    server: Neo4jServer, api: ApiProcess, reqs: list[dict[str, Any]], common: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    cypher = [{"query": r["query"], "params": r["params"]} for r in reqs]
    paths = [{"path": r["path"]} for r in reqs]
    auth = ["neo4j", PASSWORD]
    return {
        "driver": {**common, "mode": "driver", "target": server.uri, "auth": auth,
                   "requests": cypher},
        "queryapi": {**common, "mode": "queryapi", "target": f"http://127.0.0.1:{server.http}",
                     "auth": auth, "requests": cypher},
        "api_cold": {**common, "mode": "api", "target": api.url, "requests": paths,
                     "bust": True},
        "api_warm": {**common, "mode": "api", "target": api.url, "requests": paths,
                     "prefetch": True},
    }  # fmt: skip


def run(
    server: Neo4jServer,
    api: ApiProcess,
    plan: dict[str, list[dict[str, Any]]],
    duration: float,
    warmup: float,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in ENDPOINTS:
        reqs = plan.get(name) or []
        if not reqs:
            continue
        runs = []
        for c in CONCURRENCIES:
            common = {"concurrency": c, "duration": duration, "warmup": warmup}
            cell: dict[str, Any] = {"concurrency": c}
            for mode, spec in specs(server, api, reqs, common).items():
                cell[mode] = loadgen(spec)
            cell["ratios"] = ratios(cell)
            runs.append(cell)
            print(
                f"  {name:14s} c={c}: "
                + " | ".join(f"{m} {cell[m].get('p50')} ms {cell[m].get('rps')}/s" for m in MODES),
                flush=True,
            )
        out[name] = {"requests": len(reqs), "runs": runs}
    return out


def meets(value: float, bound: float, kind: str) -> bool:
    if kind == "max":
        return value <= bound
    if kind == "min":
        return value >= bound
    return value < bound


def on_seed(server: Neo4jServer, port: int, duration: float, warmup: float) -> dict[str, Any]:
    """The seed graph (gold extractions through the writer), as ``queries`` builds it."""
    from bench.load import reset
    from bench.queries import scenarios, seed_graph

    print("peers on the seed graph: driver, Neo4j Query API, API cold and warm", flush=True)
    drv = server.driver()
    reset(drv)
    seed = seed_graph(drv)
    drv.close()
    plan = scenarios(seed["alliances"], seed["orgs"], seed["names"])
    with ApiProcess(server, port) as api:
        return {
            "description": f"{seed['articles']} articles, {len(seed['orgs'])} organisations, "
            f"{len(seed['alliances'])} alliances",
            "endpoints": run(server, api, plan, duration, warmup),
        }


def on_synthetic(
    server: Neo4jServer, port: int, corpus: Any, duration: float, warmup: float
) -> dict[str, Any]:
    """The synthetic graph the load benchmark just wrote (100 sampled ids per endpoint)."""
    from bench.queries import scenarios

    n = len(corpus.relations)
    print(f"peers on the synthetic graph ({n:,} relationships)", flush=True)
    plan = scenarios(
        corpus.sample_alliance_ids[:100], corpus.sample_org_ids[:100], corpus.sample_names[:100]
    )
    with ApiProcess(server, port) as api:
        return {
            "description": f"{n:,} relationships",
            "endpoints": run(server, api, plan, duration, warmup),
        }


def verdicts(endpoints: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target against every endpoint's figure at its concurrency: met where all are."""
    rows = []
    for key, label, c, bound, kind in TARGETS:
        figures = {
            name: run["ratios"].get(key)
            for name, row in endpoints.items()
            for run in row["runs"]
            if run["concurrency"] == c
        }
        values = [v for v in figures.values() if v is not None]
        met = [n for n, v in figures.items() if v is not None and meets(v, bound, kind)]
        rows.append(
            {
                "target": label,
                "figures": figures,
                "low": min(values) if values else None,
                "high": max(values) if values else None,
                "met": met,
                "verdict": "met" if values and len(met) == len(values) else "missed",
            }
        )
    return rows
