"""Test data for the API: the seed article's facts, written by the project's own writer.

``seeded`` is the seed graph every API test reads. It is the real pipeline's output
(``seed_graph`` of ``tests/conftest.py``: intake, extractor, writer) whenever the pipeline
and ``data/articles/`` hold the seed article. Until then, or with
``ALLYGRAPH_TEST_SEED=gold``, it is the hand-made gold annotation of the same article
(``shared/gold``) turned into an ``Extraction`` and written by the same writer, so the API is
tested against exactly the facts the gold file says the article yields.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml
from neo4j import Driver

from allygraph.models import Entity, Evidence, Extraction, Relation
from tests.conftest import ROOT, SEED_ARTICLE

GOLD = ROOT.parent / "shared" / "gold" / "2020-06-03-ajunews-kt-lg-ai-one-team.yaml"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "2020-06-03-ajunews-kt-lg-ai-one-team.txt"


def pipeline_ready() -> bool:
    return (
        SEED_ARTICLE.is_file()
        and importlib.util.find_spec("allygraph.loaders.pipeline") is not None
    )


def seed_source() -> str:
    """'pipeline' or 'gold': where the seed graph of these tests comes from."""
    wanted = os.environ.get("ALLYGRAPH_TEST_SEED", "auto")
    if wanted == "gold" or (wanted == "auto" and not pipeline_ready()):
        return "gold"
    return "pipeline"


def pytest_report_header(config: pytest.Config) -> str:
    return f"api seed graph: {seed_source()}"


def gold_extraction(gold: Path = GOLD) -> Extraction:
    """The gold annotation as an ``Extraction``: entities and relations as written by hand,
    evidence offsets found in the article's normalised text."""
    from allygraph.loaders.intake import read_article
    from allygraph.loaders.text import normalise

    data = yaml.safe_load(gold.read_text(encoding="utf-8"))
    source = SEED_ARTICLE if SEED_ARTICLE.is_file() else SHARED_SEED
    article = read_article(source)
    entities = []
    for row in data["entities"]:
        row = {k: (str(v) if k == "date" else v) for k, v in row.items()}
        entities.append(Entity.model_validate(row))
    relations = []
    for row in data["relations"]:
        sentence = normalise(row.pop("evidence"))
        start = article.text.find(sentence)
        if start < 0:
            raise AssertionError(f"gold evidence not in the article text: {sentence!r}")
        for key in ("since", "until"):
            if key in row:
                row[key] = str(row[key])
        relations.append(
            Relation.model_validate(
                {
                    **row,
                    "evidence": Evidence(
                        article_id=article.id,
                        sentence=sentence,
                        start=start,
                        end=start + len(sentence),
                    ),
                }
            )
        )
    return Extraction(article=article, entities=entities, relations=relations)


@pytest.fixture(scope="session")
def gold_seed() -> Extraction:
    return gold_extraction()


@pytest.fixture
def seeded(request: pytest.FixtureRequest, graph: Driver) -> Driver:
    """The seed article's facts in an otherwise empty graph (see the module docstring)."""
    if seed_source() == "pipeline":
        return request.getfixturevalue("seed_graph")
    from allygraph.loaders.writer import write_extraction

    write_extraction(graph, request.getfixturevalue("gold_seed"), "neo4j")
    return graph


@pytest.fixture
def client(api: httpx.Client, seeded: Driver) -> Iterator[httpx.Client]:
    """An HTTP client to the API on the seed graph."""
    yield api


def counts(driver: Driver) -> tuple[int, int, int | None]:
    """Nodes, relationships and graph version: what must not change after a refusal."""
    records, _, _ = driver.execute_query(
        "MATCH (n) WITH count(n) AS nodes "
        "OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS rels "
        "OPTIONAL MATCH (m:GraphMeta {key: 'graph'}) RETURN nodes, rels, m.version AS version",
        database_="neo4j",
    )
    row = records[0]
    return row["nodes"], row["rels"], row["version"]
