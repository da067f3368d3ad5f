"""``allygraph load --bulk``: a first load through ``neo4j-admin database import``.

Extraction runs in the worker pool ``allygraph load`` uses (``--jobs``); the import and the
server's stop and start are ``loaders/bulk.py``. A bad article is named at the end and the
command exits 1, as without ``--bulk``; the others are loaded all the same.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer
from rich.console import Console

from allygraph.errors import AllygraphError
from allygraph.models import Extraction

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def _sources(paths: list[str]) -> list[Path | str]:
    """Article files under ``paths`` and web addresses, as ``allygraph load`` reads them."""
    from allygraph.loaders.fetch import is_url
    from allygraph.loaders.files import article_files

    found = article_files(Path(p) for p in paths if not is_url(p))
    missing = [str(p) for p in found if not p.is_file()]
    if missing:
        raise AllygraphError(f"no such file: {', '.join(missing)}")
    sources: list[Path | str] = [*found, *(p for p in paths if is_url(p))]
    if not sources:
        raise AllygraphError("no article files (.txt, .html) under the given paths")
    return sources


def _extract(
    sources: list[Path | str], jobs: int | None
) -> tuple[list[Extraction], list[tuple[str, str]]]:
    """Every source's extraction, in order, and the sources that failed (with why)."""
    from allygraph.loaders.article_writer import _check_references
    from allygraph.loaders.load_cli import _extractions, _unexpected

    done: list[Extraction] = []
    failed: list[tuple[str, str]] = []
    with _extractions(sources, jobs) as extractions:
        for source, extracted in zip(sources, extractions, strict=True):
            try:
                if isinstance(extracted, Exception):
                    raise extracted
                _check_references(extracted)
            except AllygraphError as exc:
                failed.append((str(source), exc.message))
                continue
            except Exception as exc:  # one article's surprise must not cost the others
                failed.append((str(source), _unexpected(exc)))
                continue
            done.append(extracted)
    return done, failed


def bulk_command(paths: list[str], jobs: int | None) -> None:
    """Extract ``paths`` on ``jobs`` processes and import them into the empty database."""
    from allygraph.loaders.bulk import bulk_load, preflight
    from allygraph.loaders.bulk_rows import from_selection, select
    from allygraph.settings import get_settings

    settings = get_settings()
    sources = _sources(paths)
    preflight(settings)  # refuse before minutes of extraction, not after
    extractions, failed = _extract(sources, jobs)
    selection = select(extractions)
    graph = from_selection(selection)
    with tempfile.TemporaryDirectory(prefix="allygraph-bulk-") as folder:
        files_jobs = settings.extract_workers if jobs is None else max(jobs, 1)
        summary = bulk_load(graph, settings, Path(folder), files_jobs)
    out.print(
        f"bulk load: articles new {selection.writes - selection.replaced} · "
        f"unchanged {selection.unchanged} · replaced {selection.replaced} · failed {len(failed)}; "
        f"{summary.nodes:,} nodes, {summary.relationships:,} relationships; "
        f"graph version {summary.graph_version}",
        soft_wrap=True,
    )
    out.print(
        f"seconds: files {summary.seconds_files} · stop {summary.seconds_stop} · import "
        f"{summary.seconds_import} · start {summary.seconds_start} · schema "
        f"{summary.seconds_schema} · fixes {summary.seconds_fixes} "
        f"({summary.node_fixes + summary.fact_fixes} values set after the import)",
        soft_wrap=True,
    )
    for source, message in failed:
        err.print(f"[red]failed:[/red] {source}: {message}", soft_wrap=True)
    if failed:
        raise typer.Exit(1)
