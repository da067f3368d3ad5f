"""Curation against a real Neo4j: a merge or a rename is a registry edit plus re-extraction
of the articles concerned, leaves the graph a reset and reload with the edited registry
gives, is logged in the graph, and says "nothing to do" when repeated."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from allygraph.cli import app
from allygraph.errors import NotFoundError
from allygraph.loaders.curation import merge_entity, new_entities, rename_entity
from allygraph.loaders.extract import RuleExtractor
from allygraph.loaders.pipeline import extract_path
from allygraph.loaders.registry import Registry
from allygraph.loaders.writer import write_extraction
from tests.conftest import ROOT, SEED_ARTICLE, clear_graph
from tests.integration.test_cli import cli  # noqa: F401  (the fixture)
from tests.integration.test_unload import snapshot


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    path = tmp_path / "registry.yaml"
    shutil.copy(ROOT / "data" / "registry.yaml", path)
    return path


@pytest.fixture
def seeded(graph: Driver, registry: Path) -> Driver:
    write_extraction(graph, extract_path(SEED_ARTICLE, extractor=extractor(registry)))
    return graph


def extractor(registry: Path) -> RuleExtractor:
    return RuleExtractor(Registry.load(registry))


def curated(driver: Driver) -> tuple[Any, Any]:
    """The graph without its curation log."""
    nodes, rels = snapshot(driver)
    return {n for n in nodes if n[0] != ("CurationLog",)}, rels


def reloaded(driver: Driver, registry: Path) -> tuple[Any, Any]:
    clear_graph(driver)
    write_extraction(driver, extract_path(SEED_ARTICLE, extractor=extractor(registry)))
    return snapshot(driver)


def test_merge_moves_facts_and_logs_then_is_a_no_op(seeded: Driver, registry: Path) -> None:
    summary = merge_entity(seeded, "lg-electronics", "lg-uplus", registry)
    assert summary.done and summary.articles == 1 and summary.nodes_deleted >= 1
    text = registry.read_text(encoding="utf-8")
    assert "{id: lg-uplus," not in text
    assert Registry.load(registry).lookup("LG유플러스").id == "lg-electronics"  # type: ignore[union-attr]
    log, _, _ = seeded.execute_query("MATCH (c:CurationLog) RETURN c.action AS a, c.args AS x")
    assert [(r["a"], r["x"]) for r in log] == [("merge-entity", ["lg-electronics", "lg-uplus"])]
    after = curated(seeded)
    assert not any("lg-uplus" in key for key in after[1])

    again = merge_entity(seeded, "lg-electronics", "lg-uplus", registry)
    assert not again.done and "merged already" in again.message
    assert registry.read_text(encoding="utf-8") == text
    assert curated(seeded) == after == reloaded(seeded, registry)


def test_rename_keeps_the_old_name_as_an_alias(seeded: Driver, registry: Path) -> None:
    summary = rename_entity(seeded, "kt", "케이티 주식회사", registry)
    assert summary.done and summary.articles == 1
    entry = Registry.load(registry).get("kt")
    assert entry is not None and entry.name == "케이티 주식회사" and "KT" in entry.aliases
    records, _, _ = seeded.execute_query("MATCH (n:Entity {id: 'kt'}) RETURN n.name AS name")
    assert records[0]["name"] == "케이티 주식회사"
    assert not rename_entity(seeded, "kt", "케이티 주식회사", registry).done


def test_unknown_entities_are_named(seeded: Driver, registry: Path) -> None:
    with pytest.raises(NotFoundError, match="no-such-firm"):
        merge_entity(seeded, "no-such-firm", "kt", registry)
    with pytest.raises(NotFoundError, match="no-such-firm"):
        rename_entity(seeded, "no-such-firm", "이름", registry)


def test_new_entities_have_counts_and_examples(seeded: Driver) -> None:
    rows = new_entities(seeded)
    assert all(row["articles"] >= 1 for row in rows)


@pytest.fixture
def cli_registry(
    cli: CliRunner,  # noqa: F811
    registry: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[CliRunner]:
    from allygraph.settings import get_settings

    monkeypatch.setenv("REGISTRY_PATH", str(registry))
    get_settings.cache_clear()
    yield cli
    get_settings.cache_clear()


def test_cli_curation_commands(cli_registry: CliRunner, seeded: Driver) -> None:
    listed = cli_registry.invoke(app, ["entities", "--new"])
    assert listed.exit_code == 0, listed.output
    assert "entities not in the registry" in listed.output
    merged = cli_registry.invoke(app, ["merge-entity", "lg-electronics", "lg-uplus"])
    assert merged.exit_code == 0, merged.output
    assert "1 articles extracted again" in merged.output
    again = cli_registry.invoke(app, ["merge-entity", "lg-electronics", "lg-uplus"])
    assert again.exit_code == 0 and "nothing to do" in again.output
    unknown = cli_registry.invoke(app, ["rename-entity", "no-such-firm", "이름"])
    assert unknown.exit_code == 1 and "no-such-firm" in unknown.output
    assert "Traceback" not in unknown.output
