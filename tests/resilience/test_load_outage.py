"""Neo4j stops in the middle of an article's transaction under `allygraph load`: one line
names the article whose commit is in doubt and says a rerun is safe; the rerun, once
Neo4j is back, loads what is missing and finds the rest unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from allygraph.cli import app
from allygraph.settings import get_settings
from tests.conftest import TEST_PASSWORD
from tests.factories import extraction
from tests.resilience.conftest import OwnNeo4j


@pytest.fixture
def cli_on_own(
    own_neo4j: OwnNeo4j, own_driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> Iterator[CliRunner]:
    monkeypatch.setenv("NEO4J_URI", own_neo4j.uri)
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("NEO4J_CONNECT_TIMEOUT", "1")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


# Stopping and starting a Neo4j takes a minute or more on a busy machine.
@pytest.mark.timeout(900)
def test_neo4j_stopped_mid_transaction(
    cli_on_own: CliRunner, own_neo4j: OwnNeo4j, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import allygraph.loaders.article_writer as writer
    import allygraph.loaders.pipeline as pipeline

    monkeypatch.setattr(pipeline, "extract_path", lambda path, **_: extraction(Path(path).stem))
    for name in ("a0", "a1", "a2"):
        (tmp_path / f"{name}.txt").write_text("x", encoding="utf-8")
    real = writer.fact_states
    stopped: list[bool] = []

    def stop_inside_a1(tx: Any, article_id: str, keys: Any) -> Any:
        if article_id == "a1" and not stopped:
            stopped.append(True)
            own_neo4j.stop()  # the transaction of a1 is open: its commit is now in doubt
        return real(tx, article_id, keys)

    monkeypatch.setattr(writer, "fact_states", stop_inside_a1)
    try:
        result = cli_on_own.invoke(app, ["load", "--jobs", "0", str(tmp_path)])
    finally:
        own_neo4j.start()
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    (line,) = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert "a1.txt" in line and "article a1" in line
    assert "in doubt" in line and "rerun is safe" in line
    assert "1 done before it (committed), 1 not tried" in result.output

    monkeypatch.setattr(writer, "fact_states", real)
    again = cli_on_own.invoke(app, ["load", "--jobs", "0", str(tmp_path)])
    assert again.exit_code == 0, again.output
    assert "new 2 · unchanged 1 · replaced 0 · failed 0" in again.output
