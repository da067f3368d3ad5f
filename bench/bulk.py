"""Bulk first load benchmark (issue 14, item 3): ``allygraph load --bulk``'s path beside
``neo4j-admin import`` alone, in the same run, on servers of its own.

- ``graph_1m``: the synthetic 1M-relationship graph (``bench/corpus.py``) through the bulk
  path (the writer's rows and fact fold, CSV files, import, schema, fix-ups) vs the bare
  import of the same graph's minimal CSV (``bench/load.py``'s files: no per-article
  statement lists, article titles only), alone and with the schema built after it.
- ``articles_10k``: 10,000 synthetic article files end to end: extraction on 2 worker
  processes, the bulk path, import, schema.

Servers: ``bench/work/neo4j-bulk`` (Bolt 7756, HTTP 7757) for the bulk path, and
``neo4j-bulk-import`` (7758/7759) for the bare import; never the other benchmarks' homes.
Server stop and start are reported but not counted, as ``bench/load.py`` does not count
them for the import either.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path
from typing import Any

from allygraph.db import apply_schema
from allygraph.errors import LoadError
from allygraph.loaders.bulk import BulkSummary, bulk_load
from allygraph.loaders.bulk_rows import BulkGraph, from_selection, select
from allygraph.loaders.rows import entity_row
from allygraph.settings import Settings
from bench.corpus import Corpus
from bench.server import PASSWORD, WORK, Neo4jServer

SERVER = ("bulk", 7756, 7757)
IMPORTER = ("bulk-import", 7758, 7759)
COUNTED = ("files", "import", "schema", "fixes")


def graph_of(corpus: Corpus) -> BulkGraph:
    """The synthetic corpus as the bulk path takes it (articles without fingerprints, as
    ``write_graph`` writes them)."""
    return BulkGraph(
        articles=[(a, None) for a in corpus.articles],
        entity_rows=[entity_row(e) for e in corpus.entities],
        relations=corpus.relations,
        mentions=[(a, e) for a, ids in corpus.mentions.items() for e in ids],
    )


def settings_for(server: Neo4jServer) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        neo4j_uri=server.uri,
        neo4j_user="neo4j",
        neo4j_password=PASSWORD,  # type: ignore[arg-type]
        neo4j_database="neo4j",
    )


def _phases(summary: BulkSummary) -> dict[str, Any]:
    phases = {k: getattr(summary, f"seconds_{k}") for k in (*COUNTED, "stop", "start")}
    counted = sum(phases[k] for k in COUNTED)
    return {
        **summary.model_dump(),
        "seconds": round(counted, 3),
        "seconds_with_restart": round(counted + phases["stop"] + phases["start"], 3),
    }


def bulk_path(server: Neo4jServer, graph: BulkGraph, name: str, jobs: int = 2) -> dict[str, Any]:
    """The bulk path into an emptied server (left stopped afterwards), its fact files
    written by ``jobs`` processes (``allygraph load --bulk``'s default on this machine)."""
    server.wipe()
    folder = WORK / f"bulk-csv-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    try:
        summary = bulk_load(graph, settings_for(server), folder, jobs)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return _phases(summary)


def import_alone(importer: Neo4jServer, corpus: Corpus) -> dict[str, Any]:
    """``neo4j-admin database import full`` of bench/load.py's CSV of the same graph, then
    the schema on it (server start not counted)."""
    from bench.load import write_csv

    importer.stop()
    importer.script("install")
    folder = WORK / "bulk-baseline-csv"
    options = write_csv(corpus, folder)
    t = time.perf_counter()
    done = importer.script(
        "admin", "database", "import", "full", "neo4j", *options,
        "--overwrite-destination=true", "--array-delimiter=;",
        f"--report-file={folder / 'import.report'}", capture=True,
    )  # fmt: skip
    seconds = time.perf_counter() - t
    found = re.search(r"Imported:\s*\n\s*([\d,]+) nodes\s*\n\s*([\d,]+) relationships", done.stdout)
    importer.start()
    try:
        driver = importer.driver()
        t = time.perf_counter()
        apply_schema(driver, "neo4j")
        schema_seconds = time.perf_counter() - t
        driver.close()
    finally:
        importer.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "nodes": int(found.group(1).replace(",", "")) if found else None,
        "relationships": int(found.group(2).replace(",", "")) if found else None,
        "seconds": round(seconds, 3),
        "schema_seconds": round(schema_seconds, 3),
    }


def graph_1m(corpus: Corpus) -> dict[str, Any]:
    server, importer = Neo4jServer(*SERVER), Neo4jServer(*IMPORTER)
    print("  bulk: neo4j-admin import alone", flush=True)
    alone = import_alone(importer, corpus)
    print(f"  {alone}", flush=True)
    print("  bulk: the bulk path", flush=True)
    bulk = bulk_path(server, graph_of(corpus), "1m")
    print(f"  {bulk}", flush=True)
    with_schema = alone["seconds"] + alone["schema_seconds"]
    return {
        "relationships": len(corpus.relations) + sum(len(v) for v in corpus.mentions.values()),
        "import_alone": alone,
        "bulk": bulk,
        "ratio_vs_import": round(alone["seconds"] / bulk["seconds"], 3),
        "ratio_vs_import_with_schema": round(with_schema / bulk["seconds"], 3),
        "target": 0.5,
    }


def articles_10k(n: int, jobs: int = 2) -> dict[str, Any]:
    """``n`` synthetic article files, extracted on ``jobs`` workers, then the bulk path."""
    from allygraph.loaders.bulk_cli import _extract
    from bench.corpus import write_articles

    folder = WORK / "bulk-articles"
    shutil.rmtree(folder, ignore_errors=True)
    paths: list[Path | str] = list(write_articles(folder, n))
    t = time.perf_counter()
    extractions, failed = _extract(paths, jobs)
    extract_seconds = time.perf_counter() - t
    selection = select(extractions)
    server = Neo4jServer(*SERVER)
    try:
        bulk = bulk_path(server, from_selection(selection), "articles", jobs)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    total = extract_seconds + bulk["seconds"]
    return {
        "articles": n,
        "jobs": jobs,
        "failed": len(failed),
        "loaded": len(selection.kept),
        "extract_seconds": round(extract_seconds, 3),
        "articles_per_s_extract": round(n / extract_seconds, 1),
        "bulk": bulk,
        "seconds_total": round(total, 3),
        "articles_per_s_total": round(n / total, 1),
    }


def run(corpus: Corpus | None, articles: int, scale: int = 1_000_000) -> dict[str, Any]:
    """Both measurements; ``corpus`` is reused when it is the graph of ``scale``."""
    from bench.corpus import make_corpus

    out: dict[str, Any] = {}
    print(f"bulk: {articles:,} synthetic articles end to end", flush=True)
    try:
        out["articles"] = articles_10k(articles)
    except LoadError as exc:  # reported in the section, the graph measured all the same
        out["articles"] = {"articles": articles, "error": exc.message}
    print(f"  {out['articles']}", flush=True)
    if corpus is None or len(corpus.relations) != scale:
        corpus = make_corpus(scale)
    print(f"bulk: the {len(corpus.relations):,}-fact graph", flush=True)
    out["graph"] = graph_1m(corpus)
    return out


# ---------------------------------------------------------------------------------------
# Its own section of BENCHMARKS.md, between its own markers, from the same run's figures.

BEGIN, END = "<!-- bulk:begin (generated by bench/bulk.py) -->", "<!-- bulk:end -->"


def section(out: dict[str, Any], meta: dict[str, Any]) -> str:
    g, a = out["graph"], out["articles"]
    alone, bulk = g["import_alone"], g["bulk"]
    met = g["ratio_vs_import"] >= g["target"]
    if "error" in a:
        end_to_end = [f"{a['articles']:,} synthetic articles end to end: failed: {a['error']}"]
    else:
        end_to_end = _end_to_end(a)
    return "\n".join(
        [
            f"Run: `{meta.get('command', 'python -m bench.bulk')}` on {meta.get('started')}, "
            f"load average {meta.get('loadavg_start')} at start, {meta.get('loadavg_end')} "
            "at the end.",
            "",
            "| | seconds | files | import | schema | fix-ups | stop + start (not counted) |",
            "|---|---:|---:|---:|---:|---:|---:|",
            f"| `neo4j-admin import` alone, {g['relationships']:,} relationships "
            f"| {alone['seconds']} | – | {alone['seconds']} | ({alone['schema_seconds']}) "
            "| – | – |",
            f"| bulk path, same graph | {bulk['seconds']} | {bulk['seconds_files']} "
            f"| {bulk['seconds_import']} | {bulk['seconds_schema']} | {bulk['seconds_fixes']} "
            f"| {bulk['seconds_stop']} + {bulk['seconds_start']} |",
            "",
            f"Bulk path ÷ import alone: **{g['ratio_vs_import']}** (÷ import + schema: "
            f"{g['ratio_vs_import_with_schema']}); target ≥ {g['target']}: "
            + ("**met**." if met else "**missed**."),
            "",
            *end_to_end,
        ]
    )


def _end_to_end(a: dict[str, Any]) -> list[str]:
    ab = a["bulk"]
    return [
        f"{a['articles']:,} synthetic articles end to end: **{a['seconds_total']} s**, "
        f"{a['articles_per_s_total']} articles/s: extraction on {a['jobs']} workers "
        f"{a['extract_seconds']} s ({a['articles_per_s_extract']} articles/s), files "
        f"{ab['seconds_files']} s, import {ab['seconds_import']} s, schema "
        f"{ab['seconds_schema']} s, fix-ups {ab['seconds_fixes']} s (stop + start "
        f"{ab['seconds_stop']} + {ab['seconds_start']} s, not counted); {a['loaded']:,} "
        f"loaded, {a['failed']} failed; {ab['nodes']:,} nodes, {ab['relationships']:,} "
        "relationships.",
    ]


def update_markdown(out: dict[str, Any], meta: dict[str, Any]) -> None:
    from bench.report import ROOT

    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    if BEGIN not in text:
        text += f"\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{section(out, meta)}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    """``python -m bench.bulk [--quick]``: this benchmark alone, results in
    bench/results/bulk.json and its section of BENCHMARKS.md."""
    import json
    import os
    import sys
    from datetime import UTC, datetime

    from bench.report import RESULTS

    quick = "--quick" in sys.argv
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    meta: dict[str, Any] = {
        "command": "python -m bench.bulk" + " --quick" * quick,
        "started": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "loadavg_start": load,
    }
    out = run(None, 1000 if quick else 10_000, 100_000 if quick else 1_000_000)
    meta["loadavg_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    RESULTS.mkdir(parents=True, exist_ok=True)
    name = "bulk-quick.json" if quick else "bulk.json"
    (RESULTS / name).write_text(
        json.dumps({"meta": meta, "bulk": out}, indent=1, default=str), encoding="utf-8"
    )
    update_markdown(out, meta)


if __name__ == "__main__":
    main()
