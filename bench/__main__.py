"""``python -m bench run [--quick]``: every benchmark, each beside its baseline, in one run.

Results go to bench/results/bench.json (bench-quick.json with --quick), plots to
bench/results/*.png, and the tables into BENCHMARKS.md. ``python -m bench report [name]``
redraws plots and tables from a results file. The benchmark runs its own Neo4j servers
under bench/work/ (ports 7693/7480 and, for neo4j-admin import, a home that is never
started), never the dev or test servers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from importlib.metadata import version
from typing import Any

from allygraph.queries import get_query
from bench import peers, report
from bench.server import Neo4jServer

# ALLYGRAPH_BENCH_API_PORT moves the API (see Neo4jServer for the Neo4j ports).
API_PORT = int(os.environ.get("ALLYGRAPH_BENCH_API_PORT", "8093"))
ALL = {"load", "queries", "extractor", "outage", "peers", "pages", "bulk"}


def machine() -> dict[str, Any]:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(
                (ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu
            )
        with open("/proc/meminfo", encoding="utf-8") as f:
            mem = int(f.readline().split()[1]) / 1024 / 1024
    except OSError:
        mem = 0
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem, 1),
        "python": platform.python_version(),
        "driver": version("neo4j"),
        "rust_ext": version("neo4j-rust-ext"),
        "fastapi": version("fastapi"),
        "uvicorn": version("uvicorn"),
        "loadavg_start": _loadavg(),
    }


def _loadavg() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def start(server: Neo4jServer) -> str:
    """Start the benchmark's Neo4j, warm it up, and say which version it is."""
    from bench import load

    print(f"starting the benchmark's Neo4j ({server.home})", flush=True)
    server.start()
    drv = server.driver()
    rows, _, _ = drv.execute_query(get_query("neo4j_version").text)
    drv.close()
    print(f"warming up: {load.warm_up(server):.1f} s", flush=True)
    return f"{rows[0]['version']} {rows[0]['edition']}"


def outage_and_extractor(server: Neo4jServer, quick: bool, only: set[str]) -> dict[str, Any]:
    from bench.extractor import run as run_extractor

    out: dict[str, Any] = {}
    if "outage" in only:
        from bench import outage

        print("outage: the API's answers with its Neo4j stopped, and its recovery", flush=True)
        out["outage"] = outage.run(server, API_PORT, rounds=10 if quick else 25)
        print(f"  {out['outage']}", flush=True)
    if "extractor" in only:
        n = 200 if quick else 1000
        print(f"extractor on {n} synthetic articles", flush=True)
        out["extractor"] = run_extractor(n)
        print(f"  {out['extractor']}", flush=True)
    return out


def bulk_section(corpus: Any, quick: bool, scale: int, only: set[str]) -> dict[str, Any]:
    """bench/bulk.py: load --bulk beside neo4j-admin import, on servers of its own."""
    if "bulk" not in only:
        return {}
    from bench import bulk

    return {"bulk": bulk.run(corpus, 1000 if quick else 10_000, scale)}


def run(quick: bool, only: set[str]) -> dict[str, Any]:
    from bench import load, queries
    from bench.corpus import make_corpus

    started = time.perf_counter()
    results: dict[str, Any] = {
        "meta": {
            **machine(),
            "quick": quick,
            "command": "python -m bench run" + (" --quick" * quick),
            "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        }
    }
    server = Neo4jServer("bench", 7693, 7480)
    importer = Neo4jServer("import", 7695, 7482)
    results["meta"].update(heap=server.heap, pagecache=server.pagecache)
    scales = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]
    concurrencies = [1, 8, 32]
    duration, warmup = (1.5, 0.5) if quick else (4.0, 1.0)

    if only & {"load", "queries", "outage", "peers", "pages"}:
        results["meta"]["neo4j"] = start(server)
    results["queries"] = {}

    if "pages" in only:  # web page server time on the demo graph (bench/pages.py)
        from bench import pages

        print("web pages on the demo graph", flush=True)
        results["pages"] = pages.run(server, API_PORT, rounds=10 if quick else 30)

    if "queries" in only and not quick:
        print("seed graph: the articles through the pipeline and write_extraction", flush=True)
        drv = server.driver()
        load.reset(drv)
        seed = queries.seed_graph(drv)
        drv.close()
        plan = queries.scenarios(seed["alliances"], seed["orgs"], seed["names"])
        with queries.ApiProcess(server, API_PORT) as api:
            results["queries"]["seed"] = {
                "description": f"{seed['articles']} articles through the {seed['source']}, "
                f"{len(seed['orgs'])} "
                f"organisations, {len(seed['alliances'])} alliances",
                "endpoints": queries.run_matrix(server, api, plan, concurrencies, duration, warmup),
            }

    peer_time = (4.0, 1.0)  # c=1 cells need a few hundred samples whatever the mode
    if "peers" in only:
        results["peers"] = {"seed": peers.on_seed(server, API_PORT, *peer_time)}

    corpus = None
    if only & {"load", "queries", "peers"}:
        load_results: dict[str, Any] = {"scales": [], "sweep": []}
        if "load" in only:
            results["load"] = load_results
        for n in scales if "load" in only else scales[-1:]:
            t = time.perf_counter()
            corpus = make_corpus(n)
            gen = time.perf_counter() - t
            print(f"load {n:,} relationships (corpus made in {gen:.1f} s)", flush=True)
            sample = 500 if quick else 2000
            w = load.writer_load(server, corpus, sample=sample, batch_size=10_000)
            entry: dict[str, Any] = {
                "relationships": n,
                "corpus_seconds": round(gen, 2),
                "counts": corpus.counts(),
                "writer": w,
            }
            print(
                f"  writer {w['rels_per_s_total']:,} rels/s total "
                f"({w['rels_per_s_rel_phase']:,} in the relationship phase), one tx per row "
                f"{w['one_tx_per_row_rels_per_s']} rels/s; complete={w['complete']}",
                flush=True,
            )
            if "load" in only:
                imp = load.admin_import(importer, corpus)
                entry["import"] = imp
                print(
                    f"  neo4j-admin import {imp['rels_per_s']} rels/s ({imp['seconds']} s)",
                    flush=True,
                )
                if imp.get("rels_per_s"):
                    entry["ratio_vs_import"] = round(w["rels_per_s_total"] / imp["rels_per_s"], 3)
                if imp.get("rels_per_s_with_indexes"):
                    entry["ratio_vs_import_with_indexes"] = round(
                        w["rels_per_s_total"] / imp["rels_per_s_with_indexes"], 3
                    )
            if w["one_tx_per_row_rels_per_s"]:
                entry["ratio_vs_one_tx_per_row"] = round(
                    w["rels_per_s_total"] / w["one_tx_per_row_rels_per_s"], 1
                )
            load_results["scales"].append(entry)
            if n == 100_000 and "load" in only:
                sizes = [1000, 10_000, 50_000] if quick else [500, 2000, 10_000, 50_000]
                workers = [1] if quick else [1, 2]
                load_results["sweep"] = load.batch_sweep(server, corpus, sizes, workers)
                load_results["sweep_relationships"] = n
                load_results["sweep_import_rate"] = entry.get("import", {}).get("rels_per_s")
                load_results["sweep_one_tx_per_row_rate"] = w["one_tx_per_row_rels_per_s"]

    if "queries" in only and corpus is not None:
        n = len(corpus.relations)
        print(f"queries on the synthetic graph ({n:,} relationships)", flush=True)
        hub = sum(1 for r in corpus.relations if r.type == "MEMBER_OF" and r.to == corpus.hub_id)
        plan = queries.scenarios(
            corpus.sample_alliance_ids[:100], corpus.sample_org_ids[:100], corpus.sample_names[:100]
        )
        with queries.ApiProcess(server, API_PORT) as api:
            data: dict[str, Any] = {
                "description": f"{n:,} relationships, hub alliance with {hub:,} members",
                "endpoints": queries.run_matrix(server, api, plan, concurrencies, duration, warmup),
            }
            data["hubs"] = queries.hubs(
                server, api, corpus.hub_id, corpus.small_alliance_id, duration * 2, warmup
            )
            data["caching"] = queries.caching(api, plan["members"], 8, duration, warmup)
        results["queries"]["synthetic"] = data

    if "peers" in only and corpus is not None:
        results["peers"]["synthetic"] = peers.on_synthetic(server, API_PORT, corpus, *peer_time)

    results.update(bulk_section(corpus, quick, scales[-1], only))
    results.update(outage_and_extractor(server, quick, only))
    results["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    results["meta"]["loadavg_end"] = _loadavg()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    sub = parser.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run the benchmarks")
    r.add_argument("--quick", action="store_true", help="small scales, short runs (< 5 min)")
    r.add_argument(
        "--only",
        default="load,queries,extractor,outage,peers,pages,bulk",
        help="comma-separated subset of load,queries,extractor,outage,peers,pages,bulk",
    )
    r.add_argument("--keep-server", action="store_true", help="leave the bench Neo4j running")
    p = sub.add_parser("report", help="redraw plots and BENCHMARKS.md from a results file")
    p.add_argument("name", nargs="?", default="bench")
    args = parser.parse_args(argv)
    if args.cmd == "report":
        report.main(args.name)
        return 0
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    name = "bench-quick" if args.quick else "bench"
    try:
        results = run(args.quick, only)
    finally:
        if not args.keep_server:
            Neo4jServer("bench", 7693, 7480).stop()  # or where the environment moved it
    report.RESULTS.mkdir(parents=True, exist_ok=True)
    path = report.RESULTS / f"{name}.json"
    if only != ALL and path.exists():  # a partial re-run updates its sections only
        previous = json.loads(path.read_text(encoding="utf-8"))
        rerun = {
            "only": sorted(only),
            **{k: results["meta"][k] for k in ("started", "seconds", "loadavg_start")},
        }
        previous["meta"].setdefault("reruns", []).append(rerun)
        for key, value in results.items():
            if key != "meta" and (value or key not in previous):
                previous[key] = value
        results = previous
    path.write_text(
        json.dumps(results, indent=1, ensure_ascii=False, default=str), encoding="utf-8"
    )
    report.main(name)
    if results.get("bulk"):
        from bench import bulk

        bulk.update_markdown(results["bulk"], results["meta"])
    print(f"results: {path}; tables: BENCHMARKS.md; took {results['meta']['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
