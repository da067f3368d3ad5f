"""After loading only the seed article, the graph holds what the issue promises (read back
with Cypher, as a Neo4j Browser user would)."""

from __future__ import annotations

from neo4j import Driver


def rows(driver: Driver, cypher: str) -> list[dict]:  # type: ignore[type-arg]
    records, _, _ = driver.execute_query(cypher, database_="neo4j")
    return [r.data() for r in records]


def test_ai_one_team_members_since_and_leader(seed_graph: Driver) -> None:
    members = rows(
        seed_graph,
        "MATCH (o)-[r:MEMBER_OF]->(:Alliance {id: 'ai-one-team'}) "
        "RETURN o.name AS name, r.since AS since, r.role AS role",
    )
    since = {m["name"]: m["since"] for m in members}
    assert since == {
        "KT": "2020-02",
        "현대중공업지주": "2020-02",
        "한국과학기술원": "2020-02",
        "한양대": "2020-02",
        "한국전자통신연구원": "2020-02",
        "LG전자": "2020-06-03",
        "LG유플러스": "2020-06-03",
    }
    leaders = rows(
        seed_graph, "MATCH (o)-[:LEADS]->(:Alliance {id: 'ai-one-team'}) RETURN o.id AS id"
    )
    assert leaders == [{"id": "kt"}]


def test_ai_super_cooperation(seed_graph: Driver) -> None:
    members = rows(
        seed_graph,
        "MATCH (o)-[r:MEMBER_OF]->(:Alliance {id: 'ai-super-cooperation'}) "
        "RETURN o.id AS id, r.role AS role ORDER BY id",
    )
    assert members == [
        {"id": "kakao", "role": "member"},
        {"id": "samsung-electronics", "role": "member"},
        {"id": "sk-telecom", "role": "leader"},
    ]


def test_the_mou_with_parties_signatories_place_and_objectives(seed_graph: Driver) -> None:
    (mou,) = rows(
        seed_graph,
        "MATCH (a:Agreement) RETURN a.date AS date, a.place AS place, a.objectives AS goals, "
        "COLLECT { MATCH (o)-[:PARTY_TO]->(a) RETURN o.id ORDER BY o.id } AS parties, "
        "COLLECT { MATCH (p)-[:SIGNED]->(a) RETURN p.name ORDER BY p.name } AS signatories",
    )
    assert mou["date"] == "2020-06-03"
    assert "광화문" in mou["place"]
    assert len(mou["goals"]) == 4
    assert mou["parties"] == ["kt", "lg-electronics", "lg-uplus"]
    assert mou["signatories"] == ["박일평", "이상민", "전홍범"]


def test_five_executives_with_titles(seed_graph: Driver) -> None:
    positions = rows(
        seed_graph,
        "MATCH (p:Person)-[r:HOLDS_POSITION]->(o) RETURN p.name AS person, o.id AS org, "
        "r.title AS title ORDER BY person",
    )
    assert positions == [
        {"person": "구현모", "org": "kt", "title": "사장"},
        {"person": "박일평", "org": "lg-electronics", "title": "CTO 사장"},
        {"person": "이상민", "org": "lg-uplus", "title": "FC(Future and Converged)부문장 부사장"},
        {"person": "전홍범", "org": "kt", "title": "AI/DX융합사업부문장 부사장"},
        {"person": "하현회", "org": "lg-uplus", "title": "부회장"},
    ]


def test_rivalries(seed_graph: Driver) -> None:
    pairs = rows(
        seed_graph,
        "MATCH (a)-[:COMPETES_WITH]-(b) WHERE a.id < b.id "
        "RETURN a.id AS a, b.id AS b ORDER BY a, b",
    )
    assert pairs == [
        {"a": "ai-one-team", "b": "ai-super-cooperation"},
        {"a": "kt", "b": "lg-uplus"},
        {"a": "kt", "b": "sk-telecom"},
    ]


def test_every_relationship_has_its_evidence_sentence(seed_graph: Driver) -> None:
    missing = rows(
        seed_graph,
        "MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' "
        "AND (size(coalesce(r.sentences, [])) = 0 OR size(r.article_ids) <> size(r.sentences)) "
        "RETURN type(r) AS type, count(*) AS n",
    )
    assert missing == []
    (article,) = rows(seed_graph, "MATCH (a:Article) RETURN a.text AS text, a.id AS id")
    spans = rows(
        seed_graph,
        "MATCH ()-[r]->() WHERE type(r) <> 'MENTIONS' "
        "RETURN r.sentences[0] AS sentence, r.starts[0] AS start, r.ends[0] AS end",
    )
    for span in spans:
        assert article["text"][span["start"] : span["end"]] == span["sentence"]
