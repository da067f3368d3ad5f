"""Rows of the write queries: what one entity, fact or article becomes as a parameter map.

Shared by the one-article path (``write_extraction``), the bulk path (``write_graph``) and
the retraction of an article (``loaders/retract.py``), so that all three store a fact the
same way. A fact row carries, beside the evidence lists, what each evidencing article
states about the fact (``sinces``, ``untils``, ``roles``, ``titles``, '' for nothing):
unloading an article folds the fact again from the articles that remain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Any

from allygraph.facts import first_seen, merge_all, merge_evidence
from allygraph.loaders.text import name_key
from allygraph.models import Article, Entity, Extraction, Relation, partial_date_start

BATCH_SIZE = 10_000


# Part of every fingerprint: bumped when the writer stores more for the same extraction,
# so that the next load rewrites each article once, then skips it again. 2: first_seen
# and the order-independent fact merge of allygraph.facts; 3: what each article states
# about a fact (STATED_LISTS), so that unloading an article can fold the fact again;
# 4: the article's sentences, so that it can be extracted again from the graph.
WRITE_FORMAT = 4


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


# What each evidencing article states about a fact, one list per property, parallel to
# ``article_ids`` ('' where the article states nothing: Neo4j lists hold no nulls).
STATED_LISTS = {"since": "sinces", "until": "untils", "role": "roles", "title": "titles"}


def stored_props(fact: Relation, seen: date | None) -> dict[str, Any]:
    """The properties a fact relationship stores for its folded statement (None left out)."""
    props: dict[str, Any] = {
        "since": fact.since,
        "since_start": partial_date_start(fact.since),
        "until": fact.until,
        "until_start": partial_date_start(fact.until),
        "role": fact.role,
        "title": fact.title,
        "first_seen": seen,
    }
    return {k: v for k, v in props.items() if v is not None}


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
    by_article: dict[str, list[Relation]] = {}
    for statement in statements:
        by_article.setdefault(statement.evidence.article_id, []).append(statement)
    stated = [merge_all(by_article[e.article_id]) for e in evidence]
    row: dict[str, Any] = {
        "type": fact.type,
        "from": start,
        "to": end,
        "props": stored_props(fact, first_seen(days.get(e.article_id) for e in evidence)),
        "article_ids": [e.article_id for e in evidence],
        "sentences": [e.sentence for e in evidence],
        "starts": [e.start for e in evidence],
        "ends": [e.end for e in evidence],
    }
    for name, lists in STATED_LISTS.items():
        row[lists] = [getattr(s, name) or "" for s in stated]
    return row


def relation_rows(
    relations: Iterable[Relation], published: Mapping[str, date] | None = None
) -> list[dict[str, Any]]:
    """One row per fact (type, from, to): a fact stated twice is merged here, so that no
    batch holds the same relationship twice (two rows of one UNWIND would race)."""
    return [fact_row(statements, published) for statements in statement_groups(relations)]


def statement_groups(relations: Iterable[Relation]) -> list[list[Relation]]:
    """The statements of each fact (type, from, to), facts in order of first statement."""
    facts: dict[tuple[str, str, str], list[Relation]] = {}
    for relation in relations:
        facts.setdefault(relation.key, []).append(relation)
    return list(facts.values())


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
        # The sentences the extractor read, so `allygraph reextract` reads the same ones
        # again from the graph alone (loaders/reextract.py).
        "sentence_starts": [s.start for s in article.sentences],
        "sentence_ends": [s.end for s in article.sentences],
        "sentence_kinds": [s.kind for s in article.sentences],
        "fingerprint": print_,
    }
    return {k: v for k, v in props.items() if v is not None}


def batches(rows: list[dict[str, Any]], size: int = BATCH_SIZE) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
