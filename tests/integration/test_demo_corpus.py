"""The demo corpus `make up` loads (``data/demo``, beside ``data/articles``): copies of the
timeline acceptance corpus, so the first page a user opens shows AI One Team growing from
5 members to 13 beside its rival camp."""

from __future__ import annotations

import re

import httpx
from neo4j import Driver

from allygraph.loaders.files import article_files
from allygraph.loaders.pipeline import extract_path
from allygraph.loaders.writer import write_extraction
from tests.conftest import ROOT

DEMO = ROOT / "data" / "demo"
TIMELINE = ROOT / "tests" / "data" / "timeline"


def make_up_load_paths() -> list[str]:
    """The folders the Makefile's `load` target (run by `make up`) loads."""
    makefile = (ROOT / "Makefile").read_text()
    line = re.search(r"^load:.*\n\t\$\(BIN\)/allygraph load (.+)$", makefile, flags=re.M)
    assert line, "the Makefile's load target runs `allygraph load`"
    return line.group(1).split()


def test_make_up_loads_the_demo_beside_the_seed() -> None:
    assert make_up_load_paths() == ["data/articles", "data/demo"]
    compose = (ROOT / "docker-compose.yml").read_text()
    assert "allygraph load /app/data/articles /app/data/demo" in compose


def test_demo_articles_are_the_timeline_corpus_unchanged() -> None:
    demo = {p.name: p.read_bytes() for p in DEMO.iterdir() if p.suffix in (".txt", ".yaml")}
    timeline = {
        p.name: p.read_bytes()
        for p in TIMELINE.iterdir()
        if p.suffix in (".txt", ".yaml") and not p.name.endswith(".gold.yaml")
    }
    assert len(demo) == 20
    assert demo == timeline


def members(client: httpx.Client, as_of: str | None = None) -> set[str]:
    params = {"as_of": as_of} if as_of else {}
    answer = client.get("/alliances/ai-one-team/members", params=params)
    assert answer.status_code == 200, answer.text
    return {m["member"]["id"] for m in answer.json()["members"]}


def test_the_graph_make_up_loads_shows_ai_one_team_growing(
    api: httpx.Client, graph: Driver
) -> None:
    for path in article_files([ROOT / p for p in make_up_load_paths()]):
        write_extraction(graph, extract_path(path), "neo4j")
    before = members(api, "2020-02-19")
    founders = members(api, "2020-02-21")
    june = members(api, "2020-07-01")
    today = members(api)
    assert before == set()
    assert founders == {"kt", "hhi-holdings", "kaist", "hanyang-university", "etri"}
    assert june == founders | {"lg-electronics", "lg-uplus"}
    assert len(today) == 13 and june < today
    rival = api.get("/alliances/ai-super-cooperation/members").json()["members"]
    assert {"sk-telecom", "samsung-electronics", "kakao"} <= {m["member"]["id"] for m in rival}
