"""Taking an article back out of the graph: ``unload`` and the first half of a replace.

An article's statements live in the facts it supports (its entry in each fact's evidence
lists, and what it stated: ``sinces``, ``untils``, ``roles``, ``titles``) and in its
MENTIONS. Retracting it removes its entries, folds each remaining fact again from the
statements left with the one policy of ``allygraph/facts.py`` (so the fact is what a load
of the remaining articles alone gives), deletes facts left with no evidence and entities
left with no fact and no mention. All of it runs in the caller's transaction: an unload
is one transaction, and a replace retracts the old version and writes the new one in one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import DriverError, Neo4jError
from pydantic import BaseModel

from allygraph.errors import CommitInDoubt, LoadError, NotFoundError
from allygraph.facts import first_seen, merge_all
from allygraph.loaders.rows import STATED_LISTS, stored_props
from allygraph.models import Evidence, Relation
from allygraph.queries import get_query
from allygraph.settings import get_settings


class Retraction(BaseModel):
    """What taking an article's evidence out touched, for the cleanup that follows."""

    facts_touched: int = 0
    emptied: list[str] = []  # element ids of facts left with no evidence
    entity_ids: list[str] = []  # entities the article mentioned: candidates for deletion

    def plus(self, other: Retraction) -> Retraction:
        """Both retractions (an article and the other versions it replaces) as one."""
        return Retraction(
            facts_touched=self.facts_touched + other.facts_touched,
            emptied=list(dict.fromkeys([*self.emptied, *other.emptied])),
            entity_ids=list(dict.fromkeys([*self.entity_ids, *other.entity_ids])),
        )


class UnloadSummary(BaseModel):
    """What an unload did, in the words of the issue: facts the article alone supported are
    retracted, facts others support too keep their other evidence (``facts_updated``)."""

    article_id: str
    title: str | None = None
    source_path: str | None = None
    facts_retracted: int = 0
    facts_updated: int = 0
    mentions_removed: int = 0
    entities_deleted: int = 0
    nodes_deleted: int = 0
    relationships_deleted: int = 0
    graph_version: int | None = None
    # A curated override (data/overrides/) that targeted the article: it stays, and applies
    # again if the article is loaded again.
    override: str | None = None


def run(tx: ManagedTransaction, name: str, **params: Any) -> tuple[list[Any], Any]:
    """Run ``cypher/<name>.cypher`` in ``tx``: its records and Neo4j's counters."""
    query = get_query(name)
    result = tx.run(query.text, query.bind(**params))
    records = list(result)
    return records, result.consume().counters


def lock_article(tx: ManagedTransaction, article_id: str) -> dict[str, Any] | None:
    """Lock the article node for the rest of ``tx``; its fingerprint, title and path, or
    None when the article is not loaded."""
    records, _ = run(tx, "lock_article", article_id=article_id)
    return dict(records[0]) if records else None


def _statements(row: Any) -> list[Relation]:
    """What each remaining article states about a fact, rebuilt from its parallel lists."""
    lists = row["lists"]
    statements = []
    for i, article_id in enumerate(lists["article_ids"]):
        stated = {name: lists[key][i] or None for name, key in STATED_LISTS.items()}
        statements.append(
            Relation.model_validate(
                {
                    "type": row["type"],
                    "from": row["from"],
                    "to": row["to"],
                    **stated,
                    "evidence": Evidence(
                        article_id=article_id,
                        sentence=lists["sentences"][i],
                        start=lists["starts"][i],
                        end=lists["ends"][i],
                    ),
                }
            )
        )
    return statements


PROPS = ("since", "since_start", "until", "until_start", "role", "title", "first_seen")


def _refolded(row: Any) -> dict[str, Any]:
    """The properties of a fact that lost an article's evidence: all None when no evidence
    is left (the fact is deleted at the end of the transaction, or a replace writes it
    again from scratch), else the fold of the remaining statements, with ``first_seen``
    the earliest day of the remaining articles."""
    remaining = row["lists"]["article_ids"]
    if not remaining:
        return dict.fromkeys(PROPS)
    days: dict[str, date] = {d["id"]: d["day"].to_native() for d in row["days"]}
    seen = first_seen(days.get(a) for a in remaining)
    props = stored_props(merge_all(_statements(row)), seen) if row["stated"] else {}
    return {key: props.get(key) for key in PROPS} | {"first_seen": seen}


def retract_evidence(tx: ManagedTransaction, article_id: str) -> Retraction:
    """Take the article's evidence out of every fact it supports and fold each fact again;
    facts left empty are only emptied here (``retract_cleanup`` deletes them). Facts
    written before statements were kept (no ``sinces`` list) keep their properties but
    ``first_seen`` (retract_refold.cypher)."""
    records, _ = run(tx, "retract_evidence", article_id=article_id)
    rows = [
        {"element_id": r["element_id"], "legacy": not r["stated"], "props": _refolded(r)}
        for r in records
    ]
    if rows:
        run(tx, "retract_refold", rows=rows)
    mentioned, _ = run(tx, "article_mentions", article_id=article_id)
    return Retraction(
        facts_touched=len(records),
        emptied=[r["element_id"] for r in records if not r["lists"]["article_ids"]],
        entity_ids=[r["id"] for r in mentioned],
    )


def cleanup(
    tx: ManagedTransaction, article_id: str, retraction: Retraction, keep: list[str]
) -> tuple[dict[str, int], Any]:
    """Delete the article's mentions of entities not in ``keep``, the facts left with no
    evidence, then the entities left with nothing; the counts and Neo4j's counters."""
    records, counters = run(
        tx,
        "retract_cleanup",
        article_id=article_id,
        keep=keep,
        fact_ids=retraction.emptied,
        entity_ids=retraction.entity_ids,
    )
    return dict(records[0]), counters


def bump_version(tx: ManagedTransaction) -> int:
    records, _ = run(tx, "write_graph_version")
    return int(records[0]["version"])


def _unload(tx: ManagedTransaction, article_id: str) -> UnloadSummary | None:
    found = lock_article(tx, article_id)
    if found is None:
        return None
    retraction = retract_evidence(tx, article_id)
    counts, counters = cleanup(tx, article_id, retraction, keep=[])
    _, deleted = run(tx, "delete_article", article_id=article_id)
    return UnloadSummary(
        article_id=article_id,
        title=found["title"],
        source_path=found["source_path"],
        facts_retracted=counts["facts"],
        facts_updated=retraction.facts_touched - counts["facts"],
        mentions_removed=counts["mentions"],
        entities_deleted=counts["entities"],
        nodes_deleted=counters.nodes_deleted + deleted.nodes_deleted,
        relationships_deleted=counters.relationships_deleted + deleted.relationships_deleted,
        graph_version=bump_version(tx),
    )


def unload_article(driver: Driver, article_id: str, database: str | None = None) -> UnloadSummary:
    """Remove an article, its MENTIONS and its evidence from every fact, in one transaction.

    Unloading an article that is not loaded (twice, say) changes nothing, not even the
    graph version, and raises ``NotFoundError`` naming the id.
    """
    database = database or get_settings().neo4j_database
    with driver.session(database=database) as session:
        try:
            summary = session.execute_write(_unload, article_id)
        except Neo4jError as exc:
            raise LoadError(
                f"article {article_id} was not unloaded: {exc.code}: {exc.message}"
            ) from None
        except (DriverError, OSError) as exc:
            raise CommitInDoubt(
                f"Neo4j failed while article {article_id} was being unloaded "
                f"({type(exc).__name__}): its commit is in doubt; a rerun is safe "
                "(unloading an article that is gone changes nothing)",
                article_id=article_id,
            ) from None
    if summary is None:
        raise NotFoundError(f"article {article_id} is not loaded (nothing to unload)")
    from allygraph.loaders.overrides import find_override

    stem = Path(summary.source_path).stem if summary.source_path else None
    override = find_override(stem, article_id)
    summary.override = str(override) if override is not None else None
    return summary
