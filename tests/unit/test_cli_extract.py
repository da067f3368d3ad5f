from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from allygraph.loaders.cli import eval_command, extract_command

from .conftest import GOLD_FILES, SEED

app = typer.Typer()
app.command("extract")(extract_command)
app.command("eval")(eval_command)
runner = CliRunner()


def test_extract_json_is_gold_format() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"article", "published", "source", "title", "entities", "relations"} <= set(data)
    assert any(e["id"] == "ai-one-team" for e in data["entities"])


def test_extract_summary_lists_new_entities() -> None:
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0, result.output
    assert "New entities to curate" in result.stdout
    assert "Agreement" in result.stdout


def test_bad_files_exit_1_with_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02")
    for path in (empty, binary, tmp_path / "missing.txt"):
        result = runner.invoke(app, ["extract", str(path)])
        assert result.exit_code == 1
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.output


def test_eval_json_and_table() -> None:
    result = runner.invoke(app, ["eval", "--gold", str(GOLD_FILES[0]), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["total"]["entities"]["f1"] >= 0.95
    table = runner.invoke(app, ["eval", "--gold", str(GOLD_FILES[1].parent)])
    assert table.exit_code == 0, table.output
    assert "property accuracy" in table.stdout


def test_eval_missing_gold_exits_1(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_eval_takes_several_paths_after_one_gold() -> None:
    result = runner.invoke(
        app, ["eval", "--gold", str(GOLD_FILES[0]), *(str(p) for p in GOLD_FILES[1:]), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert len(report["articles"]) == len(GOLD_FILES)


def test_eval_folder_with_gold_suffix(tmp_path: Path) -> None:
    article = tmp_path / "2020-06-03-x.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    gold = tmp_path / "2020-06-03-x.gold.yaml"
    gold.write_text(
        "article: 2020-06-03-x.txt\nentities:\n  - {id: kt, type: Company, name: KT}\n"
        "relations: []\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path), str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["articles"]) == 1


def _f1(args: list[str]) -> tuple[float, float]:
    result = runner.invoke(app, ["eval", "--gold", str(GOLD_FILES[0]), "--json", *args])
    assert result.exit_code == 0, result.output
    total = json.loads(result.stdout)["total"]
    return total["entities"]["f1"], total["relations"]["f1"]


def test_eval_without_the_registry_finds_names_from_the_text() -> None:
    """--no-registry scores what the text alone yields: lower than with the registry (the
    registry still resolves some names), but the names must be found without it."""
    with_registry, without = _f1([]), _f1(["--no-registry"])
    assert without < with_registry
    assert without[0] >= 0.85 and without[1] >= 0.75


def test_an_empty_registry_file_scores_like_no_registry(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    empty = tmp_path / "registry.yaml"
    empty.write_text("entries: []\n", encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "allygraph.cli",
        "eval",
        "--gold",
        str(GOLD_FILES[0]),
        "--json",
    ]
    env = {**os.environ, "REGISTRY_PATH": str(empty)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    total = json.loads(done.stdout)["total"]
    assert (total["entities"]["f1"], total["relations"]["f1"]) == _f1(["--no-registry"])


def test_a_brief_without_a_date_line_takes_the_gold_date(tmp_path: Path) -> None:
    article = tmp_path / "brief.txt"
    article.write_text(
        "누리랩스, 가온 AI 연합 합류\n\n누리랩스가 가온 AI 연합에 합류했다고 3일 밝혔다.\n",
        encoding="utf-8",
    )
    gold = tmp_path / "brief.gold.yaml"
    gold.write_text(
        "article: brief.txt\npublished: 2025-03-04\n"
        "entities:\n  - {id: nurilabs, type: Company, name: 누리랩스}\nrelations: []\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["total"]["entities"]["tp"] == 1
