"""The issue's targets: the pipeline on the seed and dev gold articles, scored by the rules."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from allygraph.loaders.evaluate import load_gold, score
from allygraph.loaders.extract import RuleExtractor
from allygraph.loaders.intake import read_article
from allygraph.loaders.pipeline import extract_path
from allygraph.loaders.registry import Registry, default_registry

from .conftest import GOLD_FILES, SEED

# (entity F1, relation F1) each gold file must reach.
THRESHOLDS = {"2020-06-03-ajunews-kt-lg-ai-one-team.yaml": (0.95, 0.90)}
DEV_THRESHOLDS = (0.85, 0.70)


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_scores(gold_path: Path) -> None:
    document = load_gold(gold_path)
    result = score(extract_path(document.article), document)
    entity_min, relation_min = THRESHOLDS.get(gold_path.name, DEV_THRESHOLDS)
    report = result.report()
    assert result.entities.f1 >= entity_min, report
    assert result.relations.f1 >= relation_min, report
    assert result.property_accuracy >= 0.9, report


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_scores_come_from_rules_not_from_registered_people(gold_path: Path) -> None:
    """Without the registry's people and GEPP, the rules still find them."""
    slim = Registry(e for e in default_registry() if e.type != "Person" and e.id != "gepp")
    document = load_gold(gold_path)
    result = score(RuleExtractor(slim).extract(read_article(document.article)), document)
    entity_min, relation_min = THRESHOLDS.get(gold_path.name, DEV_THRESHOLDS)
    assert result.entities.f1 >= entity_min, result.report()
    assert result.relations.f1 >= relation_min, result.report()


def test_to_gold_has_the_gold_shape() -> None:
    gold = extract_path(SEED).to_gold()
    assert set(gold) == {"article", "published", "source", "title", "entities", "relations"}
    assert gold["published"] == "2020-06-03" and gold["source"] == "아주경제"
    for relation in gold["relations"]:
        assert {"type", "from", "to", "evidence"} <= set(relation)


def test_throughput_is_measured() -> None:
    """Not a benchmark (machines differ), a guard against per-article re-initialisation."""
    extract_path(SEED)
    start = time.perf_counter()
    for _ in range(10):
        extract_path(SEED)
    per_article = (time.perf_counter() - start) / 10
    assert per_article < 0.5
