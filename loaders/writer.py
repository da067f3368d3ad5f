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
from collections.abc import Iterable, Iterator
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError
from pydantic import BaseModel

from allygraph.errors import LoadError
from allygraph.models import SYMMETRIC_RELATIONS, Entity, Extraction, Relation, partial_date_start
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


def fingerprint(extraction: Extraction) -> str:
    payload = extraction.model_dump(mode="json", by_alias=True)
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


def relation_row(relation: Relation) -> dict[str, Any]:
    _, start, end = relation.key
    props: dict[str, Any] = {
        "since": relation.since,
        "since_start": partial_date_start(relation.since),
        "until": relation.until,
        "until_start": partial_date_start(relation.until),
        "role": relation.role,
        "title": relation.title,
    }
    return {
        "type": relation.type,
        "from": start if relation.type in SYMMETRIC_RELATIONS else relation.from_,
        "to": end if relation.type in SYMMETRIC_RELATIONS else relation.to,
        "props": {k: v for k, v in props.items() if v is not None},
        "article_id": relation.evidence.article_id,
        "sentence": relation.evidence.sentence,
        "start": relation.evidence.start,
        "end": relation.evidence.end,
    }


def batches(rows: list[dict[str, Any]], size: int = BATCH_SIZE) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _check_references(extraction: Extraction) -> None:
    known = {e.id for e in extraction.entities}
    dangling = {
        end for r in extraction.relations for end in (r.from_, r.to) if end not in known
    }
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

    article_props = {
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
    run("write_article", article={k: v for k, v in article_props.items() if v is not None})
    for rows in batches([entity_row(e) for e in extraction.entities]):
        run("write_entities", rows=rows)
    run("write_mentions", article_id=article.id, entity_ids=[e.id for e in extraction.entities])
    for rows in batches([relation_row(r) for r in extraction.relations]):
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


def write_many(
    driver: Driver, extractions: Iterable[Extraction], database: str | None = None
) -> list[WriteSummary]:
    return [write_extraction(driver, e, database) for e in extractions]
