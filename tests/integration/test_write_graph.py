"""The writer's bulk path (write_graph) and the fact merging both paths share."""

from __future__ import annotations

from datetime import date

from neo4j import Driver

from allygraph.loaders.writer import (
    check_relation_dispatch,
    relation_rows,
    write_extraction,
    write_graph,
)
from allygraph.models import Relation
from allygraph.queries import get_query
from bench.corpus import make_corpus
from tests.factories import evidence, extraction


def snapshot(driver: Driver) -> tuple[int, int, list[tuple[str, str, str, list[str]]]]:
    counts, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS nodes } "
        "CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels"
    )
    facts, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONS' "
        "RETURN type(r) AS t, a.id AS a, b.id AS b, r.article_ids AS ids ORDER BY t, a, b"
    )
    return (
        counts[0]["nodes"],
        counts[0]["rels"],
        [(f["t"], f["a"], f["b"], f["ids"]) for f in facts],
    )


def test_every_relation_type_has_a_static_merge_branch() -> None:
    check_relation_dispatch()


def test_bulk_load_writes_the_whole_corpus_once(graph: Driver) -> None:
    corpus = make_corpus(1000, seed=3)
    summary = write_graph(
        graph,
        corpus.entities,
        corpus.relations,
        articles=corpus.articles,
        mentions=corpus.mentions,
        batch_size=300,
        database="neo4j",
    )
    mentions = sum(len(v) for v in corpus.mentions.values())
    assert summary.relationships_created == len(corpus.relations) + mentions
    nodes, rels, facts = snapshot(graph)
    assert nodes == len(corpus.entities) + len(corpus.articles) + 1  # + GraphMeta
    assert rels == len(corpus.relations) + mentions
    assert all(len(ids) == 1 for *_, ids in facts)
    again = write_graph(
        graph,
        corpus.entities,
        corpus.relations,
        articles=corpus.articles,
        mentions=corpus.mentions,
        batch_size=700,
        workers=2,
        database="neo4j",
    )
    assert again.nodes_created == again.relationships_created == 0
    assert snapshot(graph) == (nodes, rels, facts)


def test_parallel_batches_write_the_same_graph(graph: Driver) -> None:
    corpus = make_corpus(1000, seed=4)
    write_graph(
        graph,
        corpus.entities,
        corpus.relations,
        articles=corpus.articles,
        batch_size=100,
        workers=2,
        database="neo4j",
    )
    _, rels, facts = snapshot(graph)
    assert rels == len(corpus.relations)
    assert len({(t, a, b) for t, a, b, _ in facts}) == len(corpus.relations)


def test_a_fact_stated_twice_in_one_article_has_one_evidence_entry(graph: Driver) -> None:
    twice = Relation(
        type="MEMBER_OF",
        from_="kt",
        to="ai-one-team",
        since="2019",
        role="founder",
        evidence=evidence("art-1", "KT는 2019년 AI 원팀을 세웠다."),
    )
    write_extraction(graph, extraction(extra=[twice]), database="neo4j")
    records, _, _ = graph.execute_query(
        "MATCH (:Entity {id: 'kt'})-[r:MEMBER_OF]->() RETURN count(r) AS n, r.article_ids AS ids,"
        " r.since AS since, r.role AS role"
    )
    assert records[0]["n"] == 1
    assert records[0]["ids"] == ["art-1"]
    assert (records[0]["since"], records[0]["role"]) == ("2019", "leader")


def test_relation_rows_merge_duplicates_like_the_cypher() -> None:
    a = Relation(type="COMPETES_WITH", from_="b", to="a", evidence=evidence("x"))
    b = Relation(type="COMPETES_WITH", from_="a", to="b", evidence=evidence("y"))
    (row,) = relation_rows([a, b])
    assert (row["from"], row["to"], row["article_ids"]) == ("a", "b", ["x", "y"])


def stored_first_seen(driver: Driver) -> dict[tuple[str, str, str], date | None]:
    records, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONS' "
        "RETURN type(r) AS t, a.id AS a, b.id AS b, r.first_seen AS d"
    )
    return {(r["t"], r["a"], r["b"]): r["d"] and r["d"].to_native() for r in records}


def test_bulk_facts_get_first_seen_from_given_or_stored_articles(graph: Driver) -> None:
    corpus = make_corpus(1000, seed=5)
    days = {a.id: a.published.date() for a in corpus.articles}
    expected = {
        (row["type"], row["from"], row["to"]): row["props"]["first_seen"]
        for row in relation_rows(corpus.relations, days)
    }
    write_graph(graph, corpus.entities, corpus.relations, articles=corpus.articles,
                database="neo4j")  # fmt: skip
    assert stored_first_seen(graph) == expected
    with graph.session(database="neo4j") as session:  # auto-commit: IN TRANSACTIONS
        session.run(get_query("delete_relationships").text).consume()
    # the articles are in the graph now: the bulk path reads their days when not given them
    write_graph(graph, corpus.entities, corpus.relations, database="neo4j")
    assert stored_first_seen(graph) == expected
