"""The foundation: the test Neo4j is real, the schema applies twice, queries load."""

from __future__ import annotations

from neo4j import Driver

from allygraph.db import apply_schema, reset_graph
from allygraph.models import ENTITY_TYPES
from allygraph.queries import load_queries


def test_server_is_real_neo4j_526(graph: Driver) -> None:
    records, _, _ = graph.execute_query(
        "CALL dbms.components() YIELD name, versions, edition "
        "RETURN name, versions[0] AS v, edition"
    )
    assert records[0]["name"] == "Neo4j Kernel"
    assert records[0]["v"].startswith("5.26")


def test_schema_is_idempotent_and_has_a_key_per_label(graph: Driver) -> None:
    apply_schema(graph, "neo4j")
    apply_schema(graph, "neo4j")
    records, _, _ = graph.execute_query(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
        "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties[0] AS key"
    )
    keys = {r["label"]: r["key"] for r in records}
    for label in ("Entity", "Organization", *ENTITY_TYPES, "Article"):
        assert keys.get(label) == "id", label
    fulltext, _, _ = graph.execute_query(
        "SHOW FULLTEXT INDEXES YIELD name, options RETURN name, options"
    )
    analyzers = {r["name"]: r["options"]["indexConfig"]["fulltext.analyzer"] for r in fulltext}
    assert analyzers == {"entity_names": "cjk", "entity_keys": "whitespace"}


# dbms.components() reads the DBMS, and Neo4j plans any dbms procedure as type 's'.
DBMS_READS = {"neo4j_version"}


def test_every_read_query_explains_as_read_only(graph: Driver) -> None:
    for query in load_queries().values():
        if query.mode != "read":
            continue
        with graph.session(database="neo4j") as session:
            explain = "EXPLAIN " + query.text
            summary = session.run(explain, {p: None for p in query.params}).consume()
        expected = "s" if query.name in DBMS_READS else "r"
        assert summary.query_type == expected, query.name


def test_reset_empties_the_graph(graph: Driver) -> None:
    graph.execute_query(
        "CREATE (:Entity:Company {id: 'x'})-[:PARTNERS_WITH]->(:Entity:Company {id: 'y'})"
    )
    reset_graph(graph, "neo4j")
    records, _, _ = graph.execute_query("MATCH (n) RETURN count(n) AS n")
    assert records[0]["n"] == 0
