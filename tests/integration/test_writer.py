"""The writer against a real Neo4j: idempotent, atomic, evidence accumulates."""

from __future__ import annotations

import pytest
from neo4j import Driver

from allygraph.errors import LoadError
from allygraph.loaders.writer import write_extraction
from allygraph.models import Entity, Relation
from tests.conftest import graph_counts
from tests.factories import evidence, extraction


def test_loading_twice_changes_nothing(graph: Driver) -> None:
    first = write_extraction(graph, extraction())
    assert not first.skipped
    assert first.nodes_created == 5  # 4 entities + the article
    before = graph_counts(graph)
    second = write_extraction(graph, extraction())
    assert second.skipped
    assert graph_counts(graph) == before
    version, _, _ = graph.execute_query("MATCH (m:GraphMeta) RETURN m.version AS v")
    assert version[0]["v"] == first.graph_version == 1


def test_nodes_carry_labels_names_and_search_keys(graph: Driver) -> None:
    write_extraction(graph, extraction())
    records, _, _ = graph.execute_query(
        "MATCH (n:Entity {id: 'kt'}) RETURN labels(n) AS labels, n.names_text AS text, "
        "n.name_keys AS keys, n.new AS new"
    )
    row = records[0]
    assert set(row["labels"]) == {"Entity", "Company", "Organization"}
    assert "케이티" in row["text"] and "KT Corporation" in row["text"]
    assert "ktcorporation" in row["keys"]
    assert row["new"] is False


def test_symmetric_fact_is_stored_once_with_sorted_ends(graph: Driver) -> None:
    reverse = Relation(
        type="COMPETES_WITH", from_="kt", to="sk-telecom", evidence=evidence("art-1")
    )
    write_extraction(graph, extraction(extra=[reverse]))
    records, _, _ = graph.execute_query(
        "MATCH (a)-[r:COMPETES_WITH]-(b) WHERE a.id < b.id RETURN a.id AS a, b.id AS b, "
        "startNode(r).id AS start"
    )
    assert [(r["a"], r["b"], r["start"]) for r in records] == [("kt", "sk-telecom", "kt")]


def test_second_article_adds_evidence_not_a_duplicate(graph: Driver) -> None:
    write_extraction(graph, extraction("art-1"))
    write_extraction(graph, extraction("art-2"))
    records, _, _ = graph.execute_query(
        "MATCH (:Entity {id: 'kt'})-[r:MEMBER_OF]->(:Entity {id: 'ai-one-team'}) "
        "RETURN count(r) AS n, collect(r.article_ids)[0] AS ids, collect(r.sentences)[0] AS s"
    )
    assert records[0]["n"] == 1
    assert records[0]["ids"] == ["art-1", "art-2"]
    assert len(records[0]["s"]) == 2
    mentions, _, _ = graph.execute_query("MATCH (:Article)-[m:MENTIONS]->() RETURN count(m) AS n")
    assert mentions[0]["n"] == 8


def test_membership_keeps_earliest_since_and_strongest_role(graph: Driver) -> None:
    write_extraction(graph, extraction("art-1"))
    later = extraction("art-2")
    later.relations[0] = Relation(
        type="MEMBER_OF",
        from_="kt",
        to="ai-one-team",
        since="2021",
        role="member",
        evidence=evidence("art-2"),
    )
    write_extraction(graph, later)
    records, _, _ = graph.execute_query(
        "MATCH (:Entity {id: 'kt'})-[r:MEMBER_OF]->() RETURN r.since AS since, r.role AS role, "
        "toString(r.since_start) AS start"
    )
    assert dict(records[0]) == {"since": "2020-02", "role": "leader", "start": "2020-02-01"}


def test_a_failing_article_leaves_nothing(graph: Driver) -> None:
    # A Company node that is not an :Entity makes the label step violate company_id.
    graph.execute_query("CREATE (:Company {id: 'kt'})")
    before = graph_counts(graph)
    with pytest.raises(LoadError, match="was not loaded"):
        write_extraction(graph, extraction())
    assert graph_counts(graph) == before
    articles, _, _ = graph.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    assert articles[0]["n"] == 0


def test_dangling_relation_is_refused_before_any_write(graph: Driver) -> None:
    bad = extraction(
        extra=[Relation(type="DEVELOPS", from_="kt", to="nowhere", evidence=evidence("art-1"))]
    )
    with pytest.raises(LoadError, match="nowhere"):
        write_extraction(graph, bad)
    assert graph_counts(graph) == (0, 0)


def test_agreement_properties_are_written(graph: Driver) -> None:
    ex = extraction()
    ex.entities.append(
        Entity(
            id="mou-1",
            type="Agreement",
            name="업무협약",
            date="2020-06-03",
            place="KT 광화문빌딩",
            objectives=["a", "b"],
        )
    )
    ex.relations.append(
        Relation(type="PARTY_TO", from_="kt", to="mou-1", evidence=evidence("art-1"))
    )
    write_extraction(graph, ex)
    records, _, _ = graph.execute_query(
        "MATCH (a:Agreement {id: 'mou-1'}) RETURN a.date AS d, toString(a.date_start) AS ds, "
        "a.place AS p, a.objectives AS o"
    )
    assert dict(records[0]) == {
        "d": "2020-06-03",
        "ds": "2020-06-03",
        "p": "KT 광화문빌딩",
        "o": ["a", "b"],
    }
