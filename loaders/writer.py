"""Writes one article's extraction to Neo4j in one transaction, or nothing of it.

Every write is a MERGE on a uniquely constrained key, batched with UNWIND, and all the
Cypher is in ``cypher/write_*.cypher``. An article whose extraction is unchanged since it
was last loaded (same fingerprint) is skipped without a write, so loading twice changes
nothing, not even the graph version that API ETags derive from.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError
from pydantic import BaseModel

from allygraph.errors import LoadError
from allygraph.facts import first_seen, merge_all, merge_evidence
from allygraph.models import (
    RELATION_TYPES,
    Article,
    Entity,
    Extraction,
    Relation,
    partial_date_start,
)
from allygraph.queries import get_query
from allygraph.settings import get_settings

BATCH_SIZE = 10_000


class WriteSummary(BaseModel):
    """What one load did: created vs. already present, from Neo4j's own counters."""

    article_id: str
    skipped: bool = False
    entities: int = 0
    relations: int = 0
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    graph_version: int | None = None

    @property
    def nodes_present(self) -> int:
        return max(self.entities + 1 - self.nodes_created, 0)

    @property
    def relationships_present(self) -> int:
        # every entity of an article is also linked by one MENTIONS relationship
        return max(self.relations + self.entities - self.relationships_created, 0)


def name_key(name: str) -> str:
    """The spelling-insensitive form of a name: NFKC, case folded, no white space."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


# Part of every fingerprint: bumped when the writer stores more for the same extraction,
# so that the next load rewrites each article once, then skips it again. 2: first_seen
# and the order-independent fact merge of allygraph.facts.
WRITE_FORMAT = 2


def fingerprint(extraction: Extraction) -> str:
    """What was loaded from an article: equal fingerprints mean a reload writes nothing."""
    payload = extraction.model_dump(mode="json", by_alias=True)
    payload["write_format"] = WRITE_FORMAT
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:32]


def entity_row(entity: Entity) -> dict[str, Any]:
    props: dict[str, Any] = {"name": entity.name, "name_en": entity.name_en}
    for key in ("country", "sector", "place"):
        props[key] = getattr(entity, key)
    if entity.type == "Agreement":
        props["date"] = entity.date
        props["date_start"] = partial_date_start(entity.date)
        props["objectives"] = entity.objectives
    names = [entity.name, *([entity.name_en] if entity.name_en else []), *entity.aliases]
    return {
        "id": entity.id,
        "labels": entity.labels,
        "props": {k: v for k, v in props.items() if v is not None},
        "aliases": list(dict.fromkeys(entity.aliases)),
        "name_keys": list(dict.fromkeys(name_key(n) for n in names)),
        "new": entity.new,
    }


def relation_row(relation: Relation, published: Mapping[str, date] | None = None) -> dict[str, Any]:
    """The row of one statement of a fact (``published``: article id -> publication day)."""
    return fact_row([relation], published)


def fact_row(
    statements: list[Relation], published: Mapping[str, date] | None = None
) -> dict[str, Any]:
    """The row of one fact from every statement of it, folded by ``allygraph.facts``, the
    policy write_relations.cypher applies again when the row meets a stored relationship.
    ``first_seen`` is the earliest publication day of the evidencing articles ``published``
    knows; it is left out when it knows none of them."""
    fact = merge_all(statements)
    evidence = merge_evidence(s.evidence for s in statements)
    days = published or {}
    _, start, end = fact.key  # symmetric facts: ends sorted, so stored once
    props: dict[str, Any] = {
        "since": fact.since,
        "since_start": partial_date_start(fact.since),
        "until": fact.until,
        "until_start": partial_date_start(fact.until),
        "role": fact.role,
        "title": fact.title,
        "first_seen": first_seen(days.get(e.article_id) for e in evidence),
    }
    return {
        "type": fact.type,
        "from": start,
        "to": end,
        "props": {k: v for k, v in props.items() if v is not None},
        "article_ids": [e.article_id for e in evidence],
        "sentences": [e.sentence for e in evidence],
        "starts": [e.start for e in evidence],
        "ends": [e.end for e in evidence],
    }


def relation_rows(
    relations: Iterable[Relation], published: Mapping[str, date] | None = None
) -> list[dict[str, Any]]:
    """One row per fact (type, from, to): a fact stated twice is merged here, so that no
    batch holds the same relationship twice (two rows of one UNWIND would race)."""
    facts: dict[tuple[str, str, str], list[Relation]] = {}
    for relation in relations:
        facts.setdefault(relation.key, []).append(relation)
    return [fact_row(statements, published) for statements in facts.values()]


def article_props(article: Article, print_: str | None = None) -> dict[str, Any]:
    props = {
        "id": article.id,
        "title": article.title,
        "subtitle": article.subtitle,
        "published": article.published,
        "publisher": article.publisher,
        "url": article.url,
        "source_path": article.source_path,
        "text": article.text,
        "fingerprint": print_,
    }
    return {k: v for k, v in props.items() if v is not None}


def batches(rows: list[dict[str, Any]], size: int = BATCH_SIZE) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _check_references(extraction: Extraction) -> None:
    known = {e.id for e in extraction.entities}
    dangling = {end for r in extraction.relations for end in (r.from_, r.to) if end not in known}
    if dangling:
        raise LoadError(
            f"article {extraction.article.id}: relations name unknown entities {sorted(dangling)}"
        )


def _write(tx: ManagedTransaction, extraction: Extraction, print_: str) -> WriteSummary:
    article = extraction.article
    summary = WriteSummary(
        article_id=article.id,
        entities=len(extraction.entities),
        relations=len(extraction.relations),
    )
    counters: list[Any] = []

    def run(name: str, **params: Any) -> Any:
        query = get_query(name)
        result = tx.run(query.text, query.bind(**params))
        records = list(result)
        counters.append(result.consume().counters)
        return records

    run("write_article", article=article_props(article, print_))
    for rows in batches([entity_row(e) for e in extraction.entities]):
        run("write_entities", rows=rows)
    run("write_mentions", article_id=article.id, entity_ids=[e.id for e in extraction.entities])
    days = {article.id: article.published.date()}
    for rows in batches(relation_rows(extraction.relations, days)):
        run("write_relations", rows=rows)
    summary.nodes_created = sum(c.nodes_created for c in counters)
    summary.relationships_created = sum(c.relationships_created for c in counters)
    summary.properties_set = sum(c.properties_set for c in counters)
    (record,) = run("write_graph_version")
    summary.graph_version = record["version"]
    return summary


def write_extraction(
    driver: Driver, extraction: Extraction, database: str | None = None
) -> WriteSummary:
    """Write one article's facts atomically; skip it when nothing changed since last time."""
    _check_references(extraction)
    database = database or get_settings().neo4j_database
    print_ = fingerprint(extraction)
    with driver.session(database=database) as session:
        records = session.execute_read(
            lambda tx: list(
                tx.run(
                    get_query("write_article_fingerprint").text,
                    article_id=extraction.article.id,
                )
            )
        )
        if records and records[0]["fingerprint"] == print_:
            return WriteSummary(
                article_id=extraction.article.id,
                skipped=True,
                entities=len(extraction.entities),
                relations=len(extraction.relations),
            )
        try:
            return session.execute_write(_write, extraction, print_)
        except Neo4jError as exc:
            raise LoadError(
                f"article {extraction.article.id} was not loaded: {exc.code}: {exc.message}"
            ) from exc


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
    records, _, _ = driver.execute_query(
        get_query("write_article_days").text, ids=missing, database_=database
    )
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
