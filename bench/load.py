"""Load benchmark: the batched writer vs. one transaction per row vs. neo4j-admin import,
on the same synthetic graph, in the same run."""

from __future__ import annotations

import csv
import random
import re
import time
from pathlib import Path
from typing import Any

from neo4j import Driver, ManagedTransaction

from allygraph.db import apply_schema, reset_graph
from allygraph.loaders.writer import (
    _disjoint_chunks,
    _run_batches,
    article_props,
    entity_row,
    relation_row,
    relation_rows,
    write_graph,
)
from allygraph.queries import get_query
from bench.corpus import Corpus
from bench.server import WORK, Neo4jServer


def counts(driver: Driver) -> dict[str, int]:
    records, _, _ = driver.execute_query(get_query("graph_counts").text, database_="neo4j")
    return dict(records[0])


def reset(driver: Driver) -> None:
    """An empty graph, schema in place (the server stays up, warm)."""
    reset_graph(driver, "neo4j")
    apply_schema(driver, "neo4j")


def warm_up(server: Neo4jServer) -> float:
    """A small load on a fresh server so that the JIT and the query caches are warm before
    anything is timed; the graph is emptied afterwards."""
    from bench.corpus import make_corpus

    t = time.perf_counter()
    driver = server.driver()
    try:
        reset(driver)
        small = make_corpus(5000, seed=1234)
        for size in (1000, 5000):
            write_graph(
                driver,
                small.entities,
                small.relations,
                articles=small.articles,
                batch_size=size,
                database="neo4j",
            )
            one_tx_per_row(driver, small.relations[:200])
            reset(driver)
    finally:
        driver.close()
    return time.perf_counter() - t


def one_tx_per_row(driver: Driver, relations: list[Any]) -> float:
    """The naive loader: the same write_relations.cypher, one relationship per transaction."""
    text = get_query("write_relations").text
    rows = [relation_row(r) for r in relations]
    t = time.perf_counter()

    def one(tx: ManagedTransaction, row: dict[str, Any]) -> None:
        tx.run(text, rows=[row]).consume()

    with driver.session(database="neo4j") as session:
        for row in rows:
            session.execute_write(one, row)
    return time.perf_counter() - t


def writer_load(
    server: Neo4jServer, corpus: Corpus, *, sample: int, batch_size: int, workers: int = 1
) -> dict[str, Any]:
    """Wipe, schema, then the writer's bulk path for everything but a held-out sample of
    relations, which the one-transaction-per-row loader then adds to the same graph."""
    driver = server.driver()
    try:
        reset(driver)
        rng = random.Random(5)
        held = set(rng.sample(range(len(corpus.relations)), min(sample, len(corpus.relations))))
        bulk = [r for i, r in enumerate(corpus.relations) if i not in held]
        naive = [corpus.relations[i] for i in sorted(held)]
        t = time.perf_counter()
        summary = write_graph(
            driver,
            corpus.entities,
            bulk,
            articles=corpus.articles,
            mentions=corpus.mentions,
            batch_size=batch_size,
            workers=workers,
            database="neo4j",
        )
        total = time.perf_counter() - t
        naive_seconds = one_tx_per_row(driver, naive) if naive else 0.0
        after = counts(driver)
    finally:
        driver.close()
    nodes = len(corpus.entities) + len(corpus.articles)
    mentions = sum(len(v) for v in corpus.mentions.values())
    expected_rels = len(corpus.relations) + mentions
    written = len(bulk) + mentions
    return {
        "relationships": written,
        "facts": len(bulk),
        "mentions": mentions,
        "nodes": nodes,
        "batch_size": batch_size,
        "workers": workers,
        "seconds_total": round(total, 3),
        "seconds_nodes": round(summary.seconds_articles + summary.seconds_entities, 3),
        "seconds_relationships": round(summary.seconds_relations, 3),
        "rels_per_s_total": round(written / total),
        "rels_per_s_rel_phase": round(written / summary.seconds_relations),
        "nodes_per_s": round(
            nodes / max(summary.seconds_articles + summary.seconds_entities, 1e-9)
        ),
        "one_tx_per_row_sample": len(naive),
        "one_tx_per_row_seconds": round(naive_seconds, 3),
        "one_tx_per_row_rels_per_s": round(len(naive) / naive_seconds) if naive else None,
        "graph_after": after,
        "complete": after["relationships"] == expected_rels and after["nodes"] == nodes + 1,
    }


def batch_sweep(
    server: Neo4jServer, corpus: Corpus, sizes: list[int], workers: list[int]
) -> list[dict[str, Any]]:
    """Relationships reloaded into the same nodes with each batch size (and worker count)."""
    driver = server.driver()
    out = []
    rows = relation_rows(corpus.relations)
    try:
        for w in workers:
            for size in sizes:
                with driver.session(database="neo4j") as session:
                    session.run(get_query("delete_relationships").text).consume()
                t = time.perf_counter()
                _run_batches(driver, "neo4j", "write_relations", _disjoint_chunks(rows, size, w), w)
                dt = time.perf_counter() - t
                n = counts(driver)["relationships"]
                out.append(
                    {
                        "batch_size": size,
                        "workers": w,
                        "relationships": n,
                        "seconds": round(dt, 3),
                        "rels_per_s": round(n / dt),
                    }
                )
                print(f"  sweep batch={size} workers={w}: {n / dt:,.0f} rels/s", flush=True)
        # the sweep deleted the MENTIONS links too: put them back for the query benchmark
        write_graph(driver, [], [], mentions=corpus.mentions, database="neo4j")
    finally:
        driver.close()
    return out


# ---------------------------------------------------------------------------------------
# neo4j-admin database import of the same graph.

NODE_HEADER = [
    "id:ID",
    ":LABEL",
    "name",
    "name_en",
    "country",
    "sector",
    "place",
    "date",
    "date_start:date",
    "aliases:string[]",
    "name_keys:string[]",
    "objectives:string[]",
    "new:boolean",
    "names_text",
    "name_keys_text",
]
ARTICLE_HEADER = ["id:ID", ":LABEL", "title", "published:datetime", "publisher", "url", "text"]
REL_HEADER = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "since",
    "since_start:date",
    "until",
    "until_start:date",
    "role",
    "title",
    "first_seen:date",
    "article_ids:string[]",
    "sentences:string[]",
    "starts:long[]",
    "ends:long[]",
]


def write_csv(corpus: Corpus, folder: Path) -> list[str]:
    """CSV files of exactly what the writer stores, and the import options naming them."""
    folder.mkdir(parents=True, exist_ok=True)
    a = ";"
    with open(folder / "entities.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(NODE_HEADER)
        for e in corpus.entities:
            row = entity_row(e)
            p = row["props"]
            names = [p["name"], *([p["name_en"]] if p.get("name_en") else []), *row["aliases"]]
            text = " | ".join(names)
            w.writerow(
                [
                    e.id,
                    a.join(row["labels"]),
                    p.get("name"),
                    p.get("name_en"),
                    p.get("country"),
                    p.get("sector"),
                    p.get("place"),
                    p.get("date"),
                    p.get("date_start"),
                    a.join(row["aliases"]),
                    a.join(row["name_keys"]),
                    a.join(p.get("objectives", [])),
                    str(e.new).lower(),
                    text,
                    "".join(" " + k for k in row["name_keys"]),
                ]
            )
    with open(folder / "articles.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(ARTICLE_HEADER)
        for art in corpus.articles:
            p = article_props(art)
            w.writerow(
                [
                    art.id,
                    "Article",
                    p["title"],
                    p["published"].isoformat(),
                    p.get("publisher"),
                    p.get("url"),
                    p["text"],
                ]
            )
    with open(folder / "relationships.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(REL_HEADER)
        days = {art.id: art.published.date() for art in corpus.articles}
        for row in relation_rows(corpus.relations, days):
            p = row["props"]
            w.writerow(
                [
                    row["from"],
                    row["to"],
                    row["type"],
                    p.get("since"),
                    p.get("since_start"),
                    p.get("until"),
                    p.get("until_start"),
                    p.get("role"),
                    p.get("title"),
                    p.get("first_seen"),
                    a.join(row["article_ids"]),
                    a.join(row["sentences"]),
                    a.join(map(str, row["starts"])),
                    a.join(map(str, row["ends"])),
                ]
            )
    with open(folder / "mentions.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([":START_ID", ":END_ID", ":TYPE"])
        for article_id, ids in corpus.mentions.items():
            w.writerows([article_id, entity_id, "MENTIONS"] for entity_id in ids)
    return [
        f"--nodes={folder / 'entities.csv'}",
        f"--nodes={folder / 'articles.csv'}",
        f"--relationships={folder / 'relationships.csv'}",
        f"--relationships={folder / 'mentions.csv'}",
    ]


def admin_import(server: Neo4jServer, corpus: Corpus, with_indexes: bool = True) -> dict[str, Any]:
    """neo4j-admin database import full, timed. With ``with_indexes``, the imported database
    is then started and given the project's schema (12 constraints, range and full-text
    indexes, populated from the imported store): the like-for-like figure, since the writer
    maintains all of them on every write. Server start-up is not counted."""
    server.stop()
    server.script("install")
    t = time.perf_counter()
    options = write_csv(corpus, WORK / "import-csv")
    csv_seconds = time.perf_counter() - t
    t = time.perf_counter()
    done = server.script(
        "admin",
        "database",
        "import",
        "full",
        "neo4j",
        *options,
        "--overwrite-destination=true",
        "--array-delimiter=;",
        "--high-parallel-io=on",
        capture=True,
    )
    seconds = time.perf_counter() - t
    output = done.stdout + done.stderr
    found = re.search(r"Imported:\s*\n\s*([\d,]+) nodes\s*\n\s*([\d,]+) relationships", output)
    nodes = int(found.group(1).replace(",", "")) if found else None
    rels = int(found.group(2).replace(",", "")) if found else None
    out: dict[str, Any] = {
        "relationships": rels,
        "nodes": nodes,
        "seconds": round(seconds, 3),
        "csv_seconds": round(csv_seconds, 3),
        "rels_per_s": round(rels / seconds) if rels else None,
        "note": "rels_per_s: store only; rels_per_s_with_indexes: plus building the schema",
    }
    if with_indexes and rels:
        server.start()
        try:
            driver = server.driver()
            try:
                t = time.perf_counter()
                apply_schema(driver, "neo4j")  # ends with db.awaitIndexes
                schema_seconds = time.perf_counter() - t
                out["graph_after"] = counts(driver)
            finally:
                driver.close()
        finally:
            server.stop()
        out["schema_seconds"] = round(schema_seconds, 3)
        out["rels_per_s_with_indexes"] = round(rels / (seconds + schema_seconds))
    return out
