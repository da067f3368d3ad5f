"""The bulk path's pieces that need no Neo4j: which articles survive a run, how entity
rows fold, and how values are spelled for the importer (what it cannot take is kept)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from allygraph.loaders.bulk_csv import Unsayable, cell
from allygraph.loaders.bulk_rows import build_files, fold_entities, from_selection, select
from allygraph.loaders.pipeline import extract_path
from tests.conftest import ROOT

TIMELINE = ROOT / "tests" / "data" / "timeline"


def _one(name: str) -> Path:
    return next(TIMELINE.glob(f"{name}*.txt"))


def test_select_counts_as_the_transactional_load_does() -> None:
    a = extract_path(_one("2020-02-20"))
    b = extract_path(_one("2020-06-03"))
    changed = a.model_copy(deep=True)
    changed.article.source_path = "elsewhere.txt"  # same id, another extraction
    picked = select([a, b, a, changed])
    assert [e.article.id for e, _ in picked.kept] == [b.article.id, a.article.id]
    assert (picked.writes, picked.unchanged, picked.replaced) == (3, 1, 1)
    assert picked.kept[1][0].article.source_path == "elsewhere.txt"


def test_same_url_other_text_replaces_the_earlier_version() -> None:
    a = extract_path(_one("2020-02-20"))
    b = extract_path(_one("2020-06-03"))
    a.article.url = b.article.url = "https://example.com/same"
    picked = select([a, b])
    assert [e.article.id for e, _ in picked.kept] == [b.article.id]
    assert (picked.writes, picked.replaced) == (2, 1)


def test_entity_rows_fold_as_write_entities_does() -> None:
    def row(aliases: list[str], new: bool, **props: str) -> dict:
        keys = [x.lower() for x in [props.get("name", ""), *aliases] if x]
        return {
            "id": "kt",
            "labels": ["Entity", "Company", "Organization"],
            "props": props,
            "aliases": aliases,
            "name_keys": keys,
            "new": new,
        }

    nodes = fold_entities(
        [row(["케이티"], True, name="KT", name_en="KT Corp"), row(["K"], False, name="KT")]
    )
    props = nodes["kt"]["props"]
    assert props["aliases"] == ["케이티", "K"]
    assert props["name_en"] == "KT Corp"  # a later row without it keeps it
    assert props["new"] is False
    assert props["names_text"] == "KT | KT Corp | 케이티 | K"
    assert props["name_keys_text"] == " kt 케이티 k"


def test_cells() -> None:
    assert cell(None, "string") == ""
    assert cell("", "string") == '""'
    assert cell('say "hi"', "string") == '"say ""hi"""'
    assert cell([""], "string[]") == '" "'  # one empty element, after the importer's trim
    assert cell(["a", ""], "string[]") == '"a\x1f"'
    assert cell([1, 2], "long[]") == '"1\x1f2"'
    assert cell(date(2020, 2, 1), "date") == '"2020-02-01"'
    assert cell(False, "boolean") == '"false"'
    assert cell(["a\tb", "", "c"], "string[]") == '"a\tb\x1f\x1fc"'  # blanks inside stay
    for unsayable in ([], [" padded"], ["a\x1fb"], ["a", "b "], ["a", "\nb"], ["a\n"]):
        with pytest.raises(Unsayable):
            cell(unsayable, "string[]")
    with pytest.raises(Unsayable):
        cell([], "long[]")


def test_fact_files_written_by_several_processes_hold_the_same_facts(tmp_path: Path) -> None:
    extractions = [extract_path(p) for p in sorted(TIMELINE.glob("*.txt"))]
    graph = from_selection(select(extractions))

    def fact_lines(jobs: int) -> tuple[list[str], int]:
        files = build_files(graph, tmp_path / str(jobs), jobs)
        facts = [p for p in files.relationships if p.name.startswith("facts-")]
        lines = [ln for p in facts for ln in p.read_text(encoding="utf-8").splitlines()[1:]]
        return sorted(lines), len(facts)

    alone, one_file = fact_lines(1)
    split, three_files = fact_lines(3)
    assert (one_file, three_files) == (1, 3)
    assert split == alone and len(alone) == len({r.key for r in graph.relations})
