"""The `allygraph` command through typer's runner, against the test Neo4j."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from allygraph.cli import app
from allygraph.settings import get_settings
from tests.conftest import SEED_ARTICLE, Neo4jTarget, graph_counts


@pytest.fixture
def cli(
    neo4j_target: Neo4jTarget, graph: Driver, monkeypatch: pytest.MonkeyPatch
) -> Iterator[CliRunner]:
    monkeypatch.setenv("NEO4J_URI", neo4j_target.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_target.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_target.password)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_load_twice_reports_then_changes_nothing(cli: CliRunner, graph: Driver) -> None:
    first = cli.invoke(app, ["load", str(SEED_ARTICLE.parent)])
    assert first.exit_code == 0, first.output
    assert "load summary" in first.output
    loaded = graph_counts(graph)
    assert loaded[0] > 20 and loaded[1] > 30
    second = cli.invoke(app, ["load", str(SEED_ARTICLE)])
    assert second.exit_code == 0, second.output
    assert graph_counts(graph) == loaded
    assert "new 0 · unchanged 1 · replaced 0 · failed 0" in second.output


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 8),
        ("nodate.txt", "제목\n\nKT와 LG전자가 AI 원팀에 합류했다.\n".encode()),
    ],
)
def test_bad_article_fails_with_one_line_and_writes_nothing(
    cli: CliRunner, graph: Driver, tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = cli.invoke(app, ["load", str(path)])
    assert result.exit_code == 1
    assert name in result.output
    assert "Traceback" not in result.output
    assert graph_counts(graph) == (0, 0)


def test_fifty_megabyte_file_is_refused(cli: CliRunner, graph: Driver, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = cli.invoke(app, ["load", str(path)])
    assert result.exit_code == 1
    assert "huge.txt" in result.output
    assert graph_counts(graph) == (0, 0)


def test_one_bad_article_does_not_stop_the_good_one(
    cli: CliRunner, graph: Driver, tmp_path: Path
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_bytes(SEED_ARTICLE.read_bytes())
    result = cli.invoke(app, ["load", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.txt" in result.output
    assert graph_counts(graph)[0] > 20


def test_missing_path_is_one_line(cli: CliRunner) -> None:
    result = cli.invoke(app, ["load", "/nonexistent/article.txt"])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_reset_needs_yes_then_empties(cli: CliRunner, graph: Driver) -> None:
    assert cli.invoke(app, ["load", str(SEED_ARTICLE)]).exit_code == 0
    refused = cli.invoke(app, ["reset"])
    assert refused.exit_code == 1 and "--yes" in refused.output
    assert graph_counts(graph)[0] > 0
    done = cli.invoke(app, ["reset", "--yes"])
    assert done.exit_code == 0, done.output
    assert graph_counts(graph) == (0, 0)


def test_cli_reports_neo4j_down_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import free_port

    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{free_port()}")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["reset", "--yes"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert "not reachable" in result.output


def test_an_article_past_the_budget_is_named_and_the_rest_load(
    cli: CliRunner, graph: Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXTRACT_BUDGET_SECONDS", "1")
    get_settings.cache_clear()
    (tmp_path / "a-dense.txt").write_text(
        "제목\n2020-06-03\n\n" + "KT와 LG전자가 협력했다. " * 40_000, encoding="utf-8"
    )
    (tmp_path / "b-seed.txt").write_bytes(SEED_ARTICLE.read_bytes())
    result = cli.invoke(app, ["load", "--jobs", "1", str(tmp_path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    failed = [line for line in result.output.splitlines() if "a-dense.txt" in line]
    assert any("article too complex" in line for line in failed), result.output
    assert "new 1 · unchanged 0 · replaced 0 · failed 1" in result.output
    assert graph_counts(graph)[0] > 20
