"""Web page server time on the demo graph (issue 11: "the page answers in under 300 ms").

What ``make up`` loads (``data/articles`` and ``data/demo``) goes through the pipeline into
the bench's Neo4j; the API runs as users run it (one uvicorn process, ``ApiProcess``); each
page is asked once to warm up, then ``rounds`` times one after another by one client on
loopback. The time is the request's wall time at the client: the server's time plus a
loopback round trip (well under a millisecond), with no other load. The web pages are not
answered from the API's read cache (they vary by language), so every request renders.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import httpx

from bench.server import Neo4jServer

TARGET_MS = 300
PAGES = [
    ("home", "/"),
    ("alliance", "/alliance/ai-one-team"),
    ("alliance as of 2020-07-01", "/alliance/ai-one-team?as_of=2020-07-01"),
    ("timeline", "/alliance/ai-one-team/timeline"),
    ("compare", "/compare?ids=ai-one-team&ids=ai-super-cooperation"),
    ("organisation", "/organization/kt"),
    ("neighbourhood picture", "/neighbourhood/ai-one-team"),
    ("search", "/find?q=AI%20%EC%9B%90%ED%8C%80&all=1"),
]


def load_demo(server: Neo4jServer) -> int:
    """The seed and demo articles, as ``make up`` loads them, into an empty graph."""
    from allygraph.db import apply_schema, reset_graph
    from allygraph.loaders.files import article_files
    from allygraph.loaders.pipeline import extract_path
    from allygraph.loaders.writer import write_extraction
    from allygraph.settings import PROJECT_ROOT

    driver = server.driver()
    try:
        reset_graph(driver, "neo4j")
        apply_schema(driver, "neo4j")
        paths = article_files([PROJECT_ROOT / "data" / "articles", PROJECT_ROOT / "data" / "demo"])
        for path in paths:
            write_extraction(driver, extract_path(path), "neo4j")
        return len(paths)
    finally:
        driver.close()


def time_page(client: httpx.Client, path: str, rounds: int) -> dict[str, Any]:
    response = client.get(path)  # warm-up: templates compiled, plans cached
    if response.status_code != 200:
        return {"path": path, "error": f"HTTP {response.status_code}"}
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    times.sort()
    return {
        "path": path,
        "p50": round(statistics.median(times), 1),
        "p95": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1),
        "max": round(times[-1], 1),
        "kb": round(len(response.content) / 1024, 1),
    }


def run(server: Neo4jServer, port: int, rounds: int) -> dict[str, Any]:
    from bench.queries import ApiProcess

    articles = load_demo(server)
    with ApiProcess(server, port) as api, httpx.Client(base_url=api.url, timeout=30) as client:
        pages = {name: time_page(client, path, rounds) for name, path in PAGES}
    return {"articles": articles, "rounds": rounds, "target_ms": TARGET_MS, "pages": pages}


def table(result: dict[str, Any] | None) -> list[str]:
    """The BENCHMARKS.md section: each page's server time against the 300 ms target."""
    if not result:
        return []
    lines = [
        "",
        "### Web pages on the demo graph",
        "",
        f"The `make up` graph ({result['articles']} articles); each page asked "
        f"{result['rounds']} times in a row by one client on loopback, after one warm-up "
        f"(`bench/pages.py`). Target: under {result['target_ms']} ms.",
        "",
        "| page | path | p50 ms | p95 ms | max ms | KB | under target |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for name, page in result["pages"].items():
        if "error" in page:
            lines.append(f"| {name} | `{page['path']}` | {page['error']} | | | | no |")
            continue
        ok = "yes" if page["p95"] < result["target_ms"] else "**no**"
        lines.append(
            f"| {name} | `{page['path']}` | {page['p50']} | {page['p95']} | {page['max']} "
            f"| {page['kb']} | {ok} |"
        )
    return lines
