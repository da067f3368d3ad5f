"""The writer's bulk path: many entities and facts in batches (``write_graph``).

The one-article path, one transaction per article with new/unchanged/replaced, is
``loaders/article_writer.py``; the rows both paths send are ``loaders/rows.py``. Both are
importable from here as before. Every write is a MERGE on a uniquely constrained key,
batched with UNWIND, and all the Cypher is in ``cypher/write_*.cypher``.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from neo4j import Driver, ManagedTransaction
from pydantic import BaseModel

from allygraph.db import read_query
from allygraph.errors import LoadError

# The one-article path and the row helpers, importable from here as before.
from allygraph.loaders.article_writer import WriteSummary, write_extraction
from allygraph.loaders.rows import (
    BATCH_SIZE,
    WRITE_FORMAT,
    article_props,
    batches,
    entity_row,
    fact_row,
    fingerprint,
    name_key,
    relation_row,
    relation_rows,
)
from allygraph.models import RELATION_TYPES, Article, Entity, Relation
from allygraph.queries import get_query
from allygraph.settings import get_settings

__all__ = [
    "BATCH_SIZE",
    "WRITE_FORMAT",
    "GraphWriteSummary",
    "WriteSummary",
    "article_props",
    "batches",
    "check_relation_dispatch",
    "entity_row",
    "fact_row",
    "fingerprint",
    "name_key",
    "relation_row",
    "relation_rows",
    "write_extraction",
    "write_graph",
]


class GraphWriteSummary(BaseModel):
    """What ``write_graph`` did, with the time each phase took (seconds)."""

    articles: int = 0
    entities: int = 0
    relations: int = 0
    mentions: int = 0
    batches: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    seconds_articles: float = 0.0
    seconds_entities: float = 0.0
    seconds_relations: float = 0.0
    graph_version: int | None = None


def check_relation_dispatch() -> None:
    """write_relations.cypher has one static MERGE branch per relation type; a type added
    to the model without its branch would silently write nothing, so refuse early."""
    text = get_query("write_relations").text
    missing = [t for t in RELATION_TYPES if f"MERGE (a)-[r:{t}]->(b)" not in text]
    if missing:
        raise LoadError(f"write_relations.cypher has no MERGE branch for {missing}")


def _run_batches(
    driver: Driver,
    database: str,
    name: str,
    chunks: list[list[dict[str, Any]]],
    workers: int,
) -> tuple[int, int]:
    """Run a write query over batches, each in its own transaction; sums the counters."""
    text = get_query(name).text

    def one(rows: list[dict[str, Any]]) -> tuple[int, int]:
        def work(tx: ManagedTransaction) -> tuple[int, int]:
            counters = tx.run(text, rows=rows).consume().counters
            return counters.nodes_created, counters.relationships_created

        with driver.session(database=database) as session:
            return session.execute_write(work)

    if workers <= 1 or len(chunks) <= 1:
        results = [one(rows) for rows in chunks]
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(one, chunks))
    return sum(r[0] for r in results), sum(r[1] for r in results)


def _disjoint_chunks(
    rows: list[dict[str, Any]], size: int, workers: int
) -> list[list[dict[str, Any]]]:
    """Batches for parallel writers: rows are partitioned by their end node, so batches
    that run at the same time never MERGE onto the same end node (a hub alliance is in
    one partition only), and sorted by start node, so the start nodes they share are
    locked in the same order (fewer deadlocks; Neo4j's deadlock errors are retried by
    execute_write). Batches are interleaved across partitions so that the workers pick
    from different ones."""
    if workers <= 1:
        return list(batches(rows, size))
    parts: list[list[dict[str, Any]]] = [[] for _ in range(workers)]
    for row in rows:
        parts[zlib.crc32(row["to"].encode()) % workers].append(row)
    per_part = [list(batches(sorted(p, key=lambda r: (r["from"], r["to"])), size)) for p in parts]
    out: list[list[dict[str, Any]]] = []
    for i in range(max((len(p) for p in per_part), default=0)):
        out.extend(p[i] for p in per_part if i < len(p))
    return out


def _published_days(
    driver: Driver, database: str, relations: list[Relation], known: Mapping[str, date]
) -> dict[str, date]:
    """Publication days of evidencing articles not given to ``write_graph``, read from the
    graph (an earlier load wrote them), so their facts still get a ``first_seen``."""
    missing = sorted({r.evidence.article_id for r in relations} - set(known))
    if not missing:
        return {}
    records = read_query(driver, "write_article_days", {"ids": missing}, database)
    return {r["id"]: r["day"].to_native() for r in records}


def write_graph(
    driver: Driver,
    entities: Iterable[Entity],
    relations: Iterable[Relation],
    *,
    articles: Iterable[Article] = (),
    mentions: dict[str, list[str]] | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int = 1,
    database: str | None = None,
) -> GraphWriteSummary:
    """Write many entities and facts in batches of ``batch_size`` rows, one transaction per
    batch, with the same Cypher as ``write_extraction`` (so MERGE semantics, evidence lists
    and idempotence are the same). Not atomic as a whole: each batch is. Articles named as
    evidence should be given too (they are written first, without text fingerprints), and
    ``mentions`` (article id -> entity ids) links them to the entities they name.
    ``workers`` > 1 runs relationship batches in parallel on disjoint end nodes."""
    import time

    check_relation_dispatch()
    database = database or get_settings().neo4j_database
    summary = GraphWriteSummary()
    entity_list = list(entities)
    known = {e.id for e in entity_list}

    article_list = list(articles)
    t0 = time.perf_counter()
    article_rows = [{"id": a.id, "props": article_props(a)} for a in article_list]
    chunks = list(batches(article_rows, batch_size))
    created, _ = _run_batches(driver, database, "write_articles", chunks, 1)
    summary.articles, summary.nodes_created = len(article_rows), created
    summary.batches += len(chunks)

    t1 = time.perf_counter()
    chunks = list(batches([entity_row(e) for e in entity_list], batch_size))
    created, _ = _run_batches(driver, database, "write_entities", chunks, 1)
    summary.entities, summary.nodes_created = len(entity_list), summary.nodes_created + created
    summary.batches += len(chunks)

    t2 = time.perf_counter()
    relation_list = list(relations)
    days = {a.id: a.published.date() for a in article_list}
    days.update(_published_days(driver, database, relation_list, days))
    rows = relation_rows(relation_list, days)
    dangling = {end for r in rows for end in (r["from"], r["to"]) if end not in known}
    if dangling:
        raise LoadError(f"relations name entities not given: {sorted(dangling)[:10]}")
    chunks = _disjoint_chunks(rows, batch_size, workers)
    _, rels = _run_batches(driver, database, "write_relations", chunks, workers)
    summary.relations, summary.relationships_created = len(rows), rels
    summary.batches += len(chunks)
    if mentions:
        mention_rows = [{"article_id": a, "entity_ids": ids} for a, ids in mentions.items()]
        chunk = max(batch_size // max(max(len(r["entity_ids"]) for r in mention_rows), 1), 1)
        chunks = list(batches(mention_rows, chunk))
        _, created = _run_batches(driver, database, "write_mentions_bulk", chunks, 1)
        summary.relationships_created += created
        summary.mentions = sum(len(ids) for ids in mentions.values())
        summary.batches += len(chunks)
    t3 = time.perf_counter()

    with driver.session(database=database) as session:
        summary.graph_version = session.execute_write(
            lambda tx: tx.run(get_query("write_graph_version").text).single(strict=True)["version"]
        )
    summary.seconds_articles, summary.seconds_entities = t1 - t0, t2 - t1
    summary.seconds_relations = t3 - t2
    return summary
