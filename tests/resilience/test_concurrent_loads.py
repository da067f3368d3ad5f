"""Four processes load overlapping articles at once: no duplicate node or relationship."""

from __future__ import annotations

import multiprocessing as mp
import random
from typing import Any

from neo4j import Driver

from allygraph.models import Entity, Evidence, Extraction, Relation
from tests.conftest import Neo4jTarget
from tests.factories import article
from tests.resilience.conftest import target_of

PROCESSES = 4
ARTICLES = 12
POOL = [
    Entity(id=f"org-{i}", type="Company", name=f"회사{i}", aliases=[f"C{i}"]) for i in range(10)
] + [Entity(id=f"alliance-{i}", type="Alliance", name=f"동맹{i}") for i in range(3)]


def make_extraction(n: int) -> Extraction:
    """Article n names a random half of the pool; its facts overlap with other articles'."""
    rng = random.Random(n)
    orgs = rng.sample([e for e in POOL if e.type == "Company"], 5)
    alliances = rng.sample([e for e in POOL if e.type == "Alliance"], 2)
    art = article(f"overlap-{n}", text=f"문장 {n}.")
    ev = Evidence(article_id=art.id, sentence=f"문장 {n}.", start=0, end=4)
    relations = [
        Relation(
            type="MEMBER_OF",
            from_=o.id,
            to=a.id,
            since=f"20{10 + n}",
            role=rng.choice(["member", "founder", "leader"]),
            evidence=ev,
        )
        for o in orgs
        for a in alliances
    ]
    relations += [
        Relation(type="COMPETES_WITH", from_=orgs[i].id, to=orgs[i + 1].id, evidence=ev)
        for i in range(4)
    ]
    # the same fact twice in one article, and a symmetric fact in both directions
    relations += [
        relations[0],
        Relation(type="COMPETES_WITH", from_=orgs[1].id, to=orgs[0].id, evidence=ev),
    ]
    return Extraction(article=art, entities=[*orgs, *alliances], relations=relations)


def loader(target: dict[str, str], seed: int, queue: Any) -> None:
    from neo4j import GraphDatabase

    from allygraph.loaders.writer import write_extraction

    order = list(range(ARTICLES))
    random.Random(seed).shuffle(order)
    try:
        with GraphDatabase.driver(
            target["uri"], auth=(target["user"], target["password"]), max_transaction_retry_time=60
        ) as driver:
            for n in order:
                write_extraction(driver, make_extraction(n), database="neo4j")
        queue.put(("ok", seed))
    except Exception as exc:  # reported to the test, which fails with it
        queue.put(("error", f"{type(exc).__name__}: {exc}"))


def graph_facts(driver: Driver) -> dict[str, Any]:
    nodes, _, _ = driver.execute_query(
        "MATCH (n) WHERE n:Entity OR n:Article RETURN coalesce(n.id, '') AS id, count(*) AS copies"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, count(*) AS copies, "
        "collect(r.article_ids) AS evidence"
    )
    return {
        "nodes": {r["id"]: r["copies"] for r in nodes},
        "rels": {(r["type"], r["a"], r["b"]): (r["copies"], r["evidence"]) for r in rels},
    }


def test_four_concurrent_loaders_make_no_duplicates(
    graph: Driver, neo4j_target: Neo4jTarget
) -> None:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    procs = [
        ctx.Process(target=loader, args=(target_of(neo4j_target), seed, queue))
        for seed in range(PROCESSES)
    ]
    for p in procs:
        p.start()
    outcomes = [queue.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    assert all(kind == "ok" for kind, _ in outcomes), outcomes

    facts = graph_facts(graph)
    extractions = [make_extraction(n) for n in range(ARTICLES)]
    expected_nodes = {e.id for x in extractions for e in x.entities} | {
        x.article.id for x in extractions
    }
    assert set(facts["nodes"]) == expected_nodes
    assert all(copies == 1 for copies in facts["nodes"].values())

    expected_keys = {r.key for x in extractions for r in x.relations}
    stored = {k: v for k, v in facts["rels"].items() if k[0] != "MENTIONS"}
    assert set(stored) == expected_keys
    for key, (copies, evidence) in stored.items():
        assert copies == 1, key
        (ids,) = evidence
        assert len(ids) == len(set(ids)), f"{key}: an article counted twice in {ids}"
        wanted = {x.article.id for x in extractions for r in x.relations if r.key == key}
        assert set(ids) == wanted, key
    mentions = [v[0] for k, v in facts["rels"].items() if k[0] == "MENTIONS"]
    assert mentions and all(c == 1 for c in mentions)
