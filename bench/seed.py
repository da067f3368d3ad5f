"""The seed graph for the query benchmark: the seed article and the dev articles through
the real pipeline, written by the project's writer one article at a time."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from neo4j import Driver

from allygraph.errors import AllygraphError
from allygraph.loaders.writer import write_extraction
from allygraph.queries import get_query
from bench.server import ROOT


def article_files() -> list[Path]:
    """The project's articles, and the gold dev set's article texts when present."""
    files = sorted((ROOT / "data" / "articles").glob("*.txt"))
    folder = Path(os.environ.get("ALLYGRAPH_GOLD_DIR", "/work/shared/gold")) / "dev"
    return files + (sorted(folder.glob("*.txt")) if folder.is_dir() else [])


def load_seed(driver: Driver) -> dict[str, Any]:
    """The real pipeline (intake, extractor, overrides) over the articles, each written with
    write_extraction, as `allygraph load` does."""
    from allygraph.loaders.pipeline import extract_path

    loaded, failed = 0, []
    for path in article_files():
        try:
            write_extraction(driver, extract_path(path), database="neo4j")
            loaded += 1
        except AllygraphError as exc:  # an article the pipeline refuses is reported
            failed.append(f"{path.name}: {exc}"[:200])
    records, _, _ = driver.execute_query(
        get_query("graph_sample").text, limit=200, database_="neo4j"
    )
    row = records[0]
    return {
        "articles": loaded,
        "failed": failed,
        "source": "pipeline",
        "alliances": sorted(row["alliances"]),
        "orgs": sorted(row["orgs"]),
        "names": sorted(row["names"]),
    }
