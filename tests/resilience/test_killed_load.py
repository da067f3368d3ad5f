"""A load killed (SIGKILL) in the middle of an article's transaction leaves none of it;
the same load run to the end leaves all of it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from neo4j import Driver

from tests.conftest import ROOT, Neo4jTarget
from tests.resilience.conftest import target_of

SIZE = 20_000  # entities and relations in the one article: seconds of writing

CHILD = """
import json, sys
from neo4j import GraphDatabase
from allygraph.loaders.writer import write_extraction
from allygraph.models import Entity, Evidence, Extraction, Relation
from tests.factories import article

target, size = json.loads(sys.argv[1]), int(sys.argv[2])
art = article("huge-article", text="큰 기사.")
ev = Evidence(article_id=art.id, sentence="큰 기사.", start=0, end=5)
alliance = Entity(id="huge-alliance", type="Alliance", name="거대 동맹")
orgs = [Entity(id=f"huge-org-{i}", type="Company", name=f"회사{i}") for i in range(size)]
rels = [Relation(type="MEMBER_OF", from_=o.id, to=alliance.id, evidence=ev) for o in orgs]
x = Extraction(article=art, entities=[alliance, *orgs], relations=rels)
with GraphDatabase.driver(target["uri"], auth=(target["user"], target["password"])) as d:
    print("writing", flush=True)
    s = write_extraction(d, x, database="neo4j")
    print("done", s.relationships_created, flush=True)
"""


def ours(driver: Driver) -> tuple[int, int, int]:
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (a:Article {id: 'huge-article'}) RETURN count(a) AS articles } "
        "CALL () { MATCH (n:Entity) WHERE n.id STARTS WITH 'huge-' RETURN count(n) AS nodes } "
        "CALL () { MATCH (:Entity)-[r:MEMBER_OF]->(:Alliance {id: 'huge-alliance'}) "
        "          RETURN count(r) AS rels } "
        "RETURN articles, nodes, rels"
    )
    return records[0]["articles"], records[0]["nodes"], records[0]["rels"]


def open_write_transactions(driver: Driver) -> int:
    records, _, _ = driver.execute_query(
        "SHOW TRANSACTIONS YIELD currentQuery, status "
        "WHERE currentQuery CONTAINS 'UNWIND $rows' RETURN count(*) AS n"
    )
    return records[0]["n"]


def child(target: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, json.dumps(target), str(SIZE)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_sigkill_midway_leaves_nothing_then_a_full_load_leaves_everything(
    graph: Driver, neo4j_target: Neo4jTarget
) -> None:
    proc = child(target_of(neo4j_target))
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
        # Kill only once Neo4j is running one of the article's batched writes.
        deadline = time.monotonic() + 60
        while open_write_transactions(graph) == 0:
            assert proc.poll() is None, "the load finished before it could be killed"
            assert time.monotonic() < deadline, "the load never started writing"
            time.sleep(0.05)
        time.sleep(0.5)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    # Neo4j rolls the transaction back when it sees the connection drop.
    deadline = time.monotonic() + 60
    while open_write_transactions(graph) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert ours(graph) == (0, 0, 0)

    proc = child(target_of(neo4j_target))
    out, _ = proc.communicate(timeout=240)
    assert proc.returncode == 0, out
    assert ours(graph) == (1, SIZE + 1, SIZE)
