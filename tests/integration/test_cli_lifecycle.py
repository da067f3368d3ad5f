"""`allygraph load` and `allygraph unload` through typer's runner, against the test Neo4j:
a truthful summary (new, unchanged, replaced), bad dates and sidecars that cost only their
own article, unload by id or path, and one-line errors that name what failed."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from allygraph.cli import app
from allygraph.loaders.intake import read_article
from tests.conftest import SEED_ARTICLE, graph_counts
from tests.integration.test_cli import cli  # noqa: F401  (the fixture)

ARTICLE = "제목: AI 동맹\n\nKT와 LG전자가 AI 원팀에 합류했다.\n"


def write_article(folder: Path, name: str, published: str, text: str = ARTICLE) -> Path:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    (folder / f"{name}.yaml").write_text(f"published: '{published}'\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "published",
    ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2099-01-01", "1899-12-31"],
)
def test_a_date_out_of_range_fails_its_article_only(
    cli: CliRunner,  # noqa: F811
    graph: Driver,
    tmp_path: Path,
    published: str,
) -> None:
    bad = write_article(tmp_path, "a-bad", published)
    write_article(tmp_path, "b-good", "2021-03-03T10:00:00+09:00", ARTICLE + "\n둘째 기사.\n")
    result = cli.invoke(app, ["load", str(tmp_path)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    failure = next(line for line in result.output.splitlines() if "failed:" in line)
    assert bad.name in failure and "outside 1900-01-01" in failure
    assert "new " in result.output and "b-good.txt" in result.output  # the rest loaded
    assert graph_counts(graph)[0] > 0


def test_an_unreadable_sidecar_fails_its_article_only(
    cli: CliRunner,  # noqa: F811
    graph: Driver,
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.yaml").write_text("published: [unclosed\n", encoding="utf-8")
    write_article(tmp_path, "b", "2021-03-03T10:00:00+09:00")
    result = cli.invoke(app, ["load", str(tmp_path)])
    assert result.exit_code == 1
    assert "a.yaml" in result.output and "unreadable sidecar" in result.output
    assert "new 1" in result.output


def test_summary_says_new_then_unchanged(cli: CliRunner, graph: Driver) -> None:  # noqa: F811
    first = cli.invoke(app, ["load", str(SEED_ARTICLE)])
    assert first.exit_code == 0, first.output
    assert first.output.startswith("new ")
    assert "new 1 · unchanged 0 · replaced 0 · failed 0" in first.output
    second = cli.invoke(app, ["load", str(SEED_ARTICLE)])
    assert second.output.startswith("unchanged ")
    assert "created 0 · updated 0 · retracted 0" in second.output


def test_unload_by_path_then_by_id_then_unknown(cli: CliRunner, graph: Driver) -> None:  # noqa: F811
    assert cli.invoke(app, ["load", str(SEED_ARTICLE)]).exit_code == 0
    article_id = read_article(SEED_ARTICLE).id
    result = cli.invoke(app, ["unload", str(SEED_ARTICLE)])
    assert result.exit_code == 0, result.output
    assert f"unloaded {article_id}" in result.output
    assert graph_counts(graph) == (1, 0)  # only the graph version's node is left
    again = cli.invoke(app, ["unload", article_id, "no-such-article"])
    assert again.exit_code == 1
    assert f"{article_id} is not loaded" in again.output
    assert "no-such-article is not loaded" in again.output
    assert "Traceback" not in again.output


def test_reextract_all_then_bad_input(cli: CliRunner, graph: Driver) -> None:  # noqa: F811
    assert cli.invoke(app, ["load", str(SEED_ARTICLE)]).exit_code == 0
    article_id = read_article(SEED_ARTICLE).id
    result = cli.invoke(app, ["reextract", "--all"])
    assert result.exit_code == 0, result.output
    assert f"unchanged {article_id}" in result.output
    assert "unchanged 1 · replaced 0 · failed 0" in result.output
    unknown = cli.invoke(app, ["reextract", "no-such-article"])
    assert unknown.exit_code == 1
    assert "no-such-article is not loaded" in unknown.output
    neither = cli.invoke(app, ["reextract"])
    assert neither.exit_code == 1 and "give article ids or --all" in neither.output
