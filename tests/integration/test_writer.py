"""The writer against a real Neo4j: idempotent, atomic, evidence accumulates, the same
facts make the same graph in any order, and as_of dates memberships by first_seen."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from neo4j import Driver

from allygraph.errors import LoadError
from allygraph.loaders.writer import write_extraction
from allygraph.models import Entity, Extraction, Relation
from allygraph.queries import get_query
from tests.conftest import clear_graph, graph_counts
from tests.factories import SEOUL, evidence, extraction


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


LATER = datetime(2021, 3, 2, 9, 0, tzinfo=SEOUL)


def fact_properties(driver: Driver) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE type(r) <> 'MENTIONS' "
        "RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p ORDER BY t, a, b"
    )
    return [dict(r) for r in records]


def statements_of_one_fact() -> list[Extraction]:
    """Two articles that state the same facts with different details (and one of them
    twice, with two sentences): every rule of allygraph.facts has something to decide."""
    first = extraction("art-1", published=LATER)
    second = extraction("art-2")
    ceo = Entity(id="koo", type="Person", name="구현모")
    for ex, title in ((first, "사장"), (second, "대표")):  # equal length: the smaller wins
        ex.entities.append(ceo)
        ex.relations.append(
            Relation(type="HOLDS_POSITION", from_="koo", to="kt", title=title,
                     evidence=evidence(ex.article.id))
        )  # fmt: skip
    second.relations[0] = Relation(
        type="MEMBER_OF", from_="kt", to="ai-one-team", since="2020-02-01", until="2024",
        role="member", evidence=evidence("art-2", "KT는 2020년 2월 1일 AI 원팀에 들었다."),
    )  # fmt: skip
    second.relations.append(
        Relation(type="MEMBER_OF", from_="kt", to="ai-one-team", until="2023-12",
                 evidence=evidence("art-2", "KT는"))
    )  # fmt: skip
    return [first, second]


def test_the_same_facts_in_either_order_make_the_same_relationships(graph: Driver) -> None:
    first, second = statements_of_one_fact()
    write_extraction(graph, first)
    write_extraction(graph, second)
    forward = fact_properties(graph)
    clear_graph(graph)
    write_extraction(graph, second)
    write_extraction(graph, first)
    assert fact_properties(graph) == forward
    member = next(f["p"] for f in forward if (f["t"], f["a"]) == ("MEMBER_OF", "kt"))
    assert {k: member[k] for k in ("since", "until", "role", "article_ids")} == {
        "since": "2020-02-01",  # same start as art-1's 2020-02: the more precise
        "until": "2023-12",  # the earliest end
        "role": "leader",
        "article_ids": ["art-1", "art-2"],
    }
    assert member["sentences"][1] == "KT는"  # art-2's first sentence in its text
    assert member["first_seen"].to_native() == date(2020, 6, 3)
    title = next(f["p"]["title"] for f in forward if f["t"] == "HOLDS_POSITION")
    assert title == "대표"


@pytest.mark.parametrize("order", [("art-1", "art-2"), ("art-2", "art-1")])
def test_first_seen_is_the_earliest_evidencing_article(
    graph: Driver, order: tuple[str, str]
) -> None:
    published = {"art-1": LATER, "art-2": datetime(2020, 6, 3, 0, 30, tzinfo=SEOUL)}
    for article_id in order:
        write_extraction(graph, extraction(article_id, published=published[article_id]))
    records, _, _ = graph.execute_query(
        "MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' RETURN DISTINCT toString(r.first_seen) AS d"
    )
    assert [r["d"] for r in records] == ["2020-06-03"]  # the day in Seoul, not in UTC


def members_as_of(driver: Driver, day: str) -> dict[str, tuple[str | None, str | None]]:
    query = get_query("alliance_members")
    records, _, _ = driver.execute_query(
        query.text, query.bind(id="ai-one-team", as_of=day, kind=None, after=None, limit=100)
    )
    return {r["member"]["id"]: (r["since"], r["first_seen"]) for r in records}


def test_as_of_dates_a_membership_without_since_by_its_first_evidence(graph: Driver) -> None:
    ex = extraction("art-1")
    ex.relations[1] = Relation(
        type="MEMBER_OF", from_="lg-electronics", to="ai-one-team", evidence=evidence("art-1")
    )
    write_extraction(graph, ex)
    assert members_as_of(graph, "2020-03-01") == {"kt": ("2020-02", "2020-06-03")}
    assert members_as_of(graph, "2020-06-03") == {
        "kt": ("2020-02", "2020-06-03"),
        "lg-electronics": (None, "2020-06-03"),
    }


def test_a_membership_with_no_date_at_all_is_in_no_as_of(graph: Driver) -> None:
    graph.execute_query(
        "CREATE (:Entity:Company:Organization {id: 'x'})-[:MEMBER_OF]->"
        "(:Entity:Alliance {id: 'ai-one-team'})"
    )
    assert members_as_of(graph, "2030-01-01") == {}


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_precise_join_date_refines_a_coarse_one(graph: Driver, order: tuple[int, int]) -> None:
    """'작년 합류한 동원그룹' (2020) and the join article's 2020-08-27 are one date, told
    twice; the graph keeps the day whichever article loads first."""
    stated = []
    for article_id, since in (("art-1", "2020"), ("art-2", "2020-08-27")):
        ex = extraction(article_id)
        ex.relations[0] = Relation(
            type="MEMBER_OF", from_="kt", to="ai-one-team", since=since, role="member",
            evidence=evidence(article_id),
        )  # fmt: skip
        stated.append(ex)
    for i in order:
        write_extraction(graph, stated[i])
    member = next(f["p"] for f in fact_properties(graph) if (f["t"], f["a"]) == ("MEMBER_OF", "kt"))
    assert member["since"] == "2020-08-27"
