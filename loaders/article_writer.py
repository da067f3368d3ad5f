"""Writes one article's extraction to Neo4j in one transaction, or nothing of it.

Every write is a MERGE on a uniquely constrained key, and all the Cypher is in
``cypher/``. What happens depends on what the graph holds of the article, read under the
article node's lock in the same transaction (so a concurrent unload or load of the same
article waits, and the answer is never about a state that no longer holds):

- ``new``: not loaded yet; written.
- ``unchanged``: loaded with the same extraction (same fingerprint); nothing is written,
  not even the graph version that API ETags derive from.
- ``replaced``: loaded with another extraction (a registry or rule change, another
  publication date, or a graph written by an older release), or another version of it is
  loaded: an article's identity is its URL when it has one, so a changed text at the same
  URL (a new id, the hash of the new text) replaces the articles loaded from that URL
  (``replaced_ids``). The old version's evidence is retracted (``loaders/retract.py``) and
  the new one written in the same transaction, so no stale fact or entity of the old
  version survives and the graph equals a fresh load.

The summary tells which, with Neo4j's own counters and the facts created, updated (an
existing fact that got, changed or lost this article's statement) and retracted.
"""

from __future__ import annotations

from typing import Any, Literal

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError
from pydantic import BaseModel

from allygraph.errors import CommitInDoubt, DatabaseUnavailable, LoadError
from allygraph.loaders.retract import (
    Retraction,
    bump_version,
    cleanup,
    lock_article,
    retract_evidence,
    run,
)
from allygraph.loaders.rows import (
    article_props,
    batches,
    entity_row,
    fingerprint,
    relation_rows,
)
from allygraph.models import Extraction
from allygraph.queries import get_query
from allygraph.settings import get_settings

Status = Literal["new", "unchanged", "replaced"]


class WriteSummary(BaseModel):
    """What one load did: its status, Neo4j's counters, and the facts it changed."""

    article_id: str
    status: Status = "new"
    skipped: bool = False  # status == "unchanged" (kept for the API's earlier clients)
    entities: int = 0
    relations: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    facts_created: int = 0
    facts_updated: int = 0
    facts_retracted: int = 0
    replaced_ids: list[str] = []  # other versions (same URL, other text) it replaced
    graph_version: int | None = None


def _check_references(extraction: Extraction) -> None:
    known = {e.id for e in extraction.entities}
    dangling = {end for r in extraction.relations for end in (r.from_, r.to) if end not in known}
    if dangling:
        raise LoadError(
            f"article {extraction.article.id}: relations name unknown entities {sorted(dangling)}"
        )


FactKey = tuple[str, str, str]


def fact_states(
    tx: ManagedTransaction, article_id: str, keys: list[list[str]]
) -> dict[FactKey, dict[str, Any]]:
    """The stored state of the article's facts and of the facts of ``keys``."""
    records, _ = run(tx, "fact_states", article_id=article_id, keys=keys)
    return {(r["type"], r["from"], r["to"]): r["props"] for r in records}


def other_versions(tx: ManagedTransaction, extraction: Extraction) -> list[str]:
    """Ids of the loaded articles with this article's URL and another text, each locked
    for the rest of ``tx``: the versions this one replaces."""
    url = extraction.article.url
    if not url:
        return []
    records, _ = run(tx, "articles_by_url", url=url, id=extraction.article.id)
    return [r["id"] for r in records if lock_article(tx, r["id"]) is not None]


def _diff(before: dict[FactKey, Any], after: dict[FactKey, Any], summary: WriteSummary) -> None:
    summary.facts_created = len(after.keys() - before.keys())
    summary.facts_retracted = len(before.keys() - after.keys())
    summary.facts_updated = sum(1 for k in after.keys() & before.keys() if after[k] != before[k])


def _diff_new(before: dict[FactKey, Any], keys: list[list[str]], summary: WriteSummary) -> None:
    """The diff of a new article without reading the facts again: it adds its evidence to
    the fact of every key, so the facts that existed are updated (their evidence lists
    grew) and the others created; it retracts nothing. One statement fewer in the
    everyday load (BENCHMARKS.md, incremental load)."""
    written = {(k[0], k[1], k[2]) for k in keys}
    summary.facts_created = len(written - before.keys())
    summary.facts_updated = len(written & before.keys())
    summary.facts_retracted = 0


def _write(
    tx: ManagedTransaction, extraction: Extraction, print_: str
) -> WriteSummary:  # one transaction: see the module docstring
    article = extraction.article
    summary = WriteSummary(
        article_id=article.id,
        entities=len(extraction.entities),
        relations=len(extraction.relations),
    )
    found = lock_article(tx, article.id)
    if found is not None and found["fingerprint"] == print_:
        summary.status, summary.skipped = "unchanged", True
        return summary
    days = {article.id: article.published.date()}
    rows = relation_rows(extraction.relations, days)
    keys = [[row["type"], row["from"], row["to"]] for row in rows]
    others = other_versions(tx, extraction)
    before = fact_states(tx, article.id, keys)
    for other in others:
        before.update(fact_states(tx, other, []))
    counters: list[Any] = []
    retraction = Retraction()
    if found is not None:
        retraction = retract_evidence(tx, article.id)
    for other in others:
        retraction = retraction.plus(retract_evidence(tx, other))
        counters.append(run(tx, "delete_article", article_id=other)[1])
    if found is not None or others:
        summary.status, summary.replaced_ids = "replaced", others

    def write(name: str, **params: Any) -> None:
        counters.append(run(tx, name, **params)[1])

    write("write_article", article=article_props(article, print_))
    for chunk in batches([entity_row(e) for e in extraction.entities]):
        write("write_entities", rows=chunk)
    entity_ids = [e.id for e in extraction.entities]
    write("write_mentions", article_id=article.id, entity_ids=entity_ids)
    for chunk in batches(rows):
        write("write_relations", rows=chunk)
    if summary.status == "replaced":
        counters.append(cleanup(tx, article.id, retraction, keep=entity_ids)[1])
    if summary.status == "new":
        _diff_new(before, keys, summary)
    else:
        _diff(before, fact_states(tx, article.id, keys), summary)
    summary.nodes_created = sum(c.nodes_created for c in counters)
    summary.nodes_deleted = sum(c.nodes_deleted for c in counters)
    summary.relationships_created = sum(c.relationships_created for c in counters)
    summary.relationships_deleted = sum(c.relationships_deleted for c in counters)
    summary.properties_set = sum(c.properties_set for c in counters)
    summary.graph_version = bump_version(tx)
    return summary


def write_extraction(
    driver: Driver, extraction: Extraction, database: str | None = None
) -> WriteSummary:
    """Write one article's facts atomically: new, unchanged (nothing written) or replaced.

    Neo4j failing on the way becomes a one-line error that names the article: ``LoadError``
    when Neo4j refused the transaction (nothing of it was kept), ``DatabaseUnavailable``
    when it could not be reached before the write began (nothing was written) and
    ``CommitInDoubt`` when the connection broke during the write (Neo4j either committed
    all of it or none). Each says that a rerun is safe: loads are idempotent.
    """
    _check_references(extraction)
    article_id = extraction.article.id
    database = database or get_settings().neo4j_database
    print_ = fingerprint(extraction)
    with driver.session(database=database) as session:
        try:
            records = session.execute_read(
                lambda tx: list(
                    tx.run(get_query("write_article_fingerprint").text, article_id=article_id)
                )
            )
        except (DriverError, OSError) as exc:
            raise DatabaseUnavailable(
                f"Neo4j became unreachable before article {article_id} was written "
                f"({type(exc).__name__}); nothing of it was written, and a rerun is safe "
                "(loads are idempotent)"
            ) from None
        if records and records[0]["fingerprint"] == print_:
            return WriteSummary(
                article_id=article_id,
                status="unchanged",
                skipped=True,
                entities=len(extraction.entities),
                relations=len(extraction.relations),
            )
        try:
            return session.execute_write(_write, extraction, print_)
        except Neo4jError as exc:
            raise LoadError(
                f"article {article_id} was not loaded: {exc.code}: {exc.message}"
            ) from None
        except (DriverError, OSError) as exc:
            raise CommitInDoubt(
                f"Neo4j failed while article {article_id} was being written "
                f"({type(exc).__name__}): its commit is in doubt (all of it or none of it "
                "is in the graph); a rerun is safe (loads are idempotent)",
                article_id=article_id,
            ) from None
