"""``allygraph load`` and ``allygraph unload``: an article's lifecycle from the command line.

Both work through a list one article at a time, each in its own transaction. One bad
article (unreadable, a date out of range, a bad sidecar, an unknown id) never stops the
others: it is named at the end and the command exits 1. Neo4j going away does stop the
run, with one line that names the article whose commit is in doubt and says that running
the same command again is safe. Never a traceback.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from neo4j import Driver
from neo4j.exceptions import DriverError, Neo4jError
from rich.console import Console
from rich.table import Table

from allygraph.errors import AllygraphError, DatabaseUnavailable

if TYPE_CHECKING:
    from allygraph.loaders.article_writer import WriteSummary
    from allygraph.models import Extraction

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def _fail(message: str) -> None:
    err.print(f"[red]error:[/red] {message}", soft_wrap=True)


def _unexpected(exc: Exception) -> str:
    """An error nobody planned for, in one line (the batch goes on without the article)."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"unexpected {type(exc).__name__}" + (f": {first}" if first else "")


def _stop(where: str, exc: DatabaseUnavailable, done: int, left: int) -> None:
    _fail(f"{where}: {exc.message}")
    err.print(f"{done} done before it (committed), {left} not tried", soft_wrap=True)
    raise typer.Exit(1)


def _schema(driver: Driver) -> None:
    from allygraph.db import apply_schema

    try:
        apply_schema(driver)
    except (DriverError, Neo4jError, OSError) as exc:
        raise DatabaseUnavailable(f"Neo4j failed while applying the schema: {exc}") from None


def load_command(
    paths: Annotated[
        list[str], typer.Argument(help="article files, folders of them, or web addresses")
    ],
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="extraction worker processes, each article within EXTRACT_BUDGET_SECONDS "
            "(default EXTRACT_WORKERS); 0 extracts in this process, with no time budget",
        ),
    ] = None,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="first load into an empty database with neo4j-admin import: stops the "
            "local Neo4j (scripts/neo4j), imports, starts it, builds the schema",
        ),
    ] = False,
) -> None:
    """Extract and load articles, one transaction each: each is new, unchanged or replaced.

    Exit 1 if any article failed (the others are loaded all the same)."""
    if bulk:
        from allygraph.loaders.bulk_cli import bulk_command

        return bulk_command(paths, jobs)
    from allygraph.db import driver_session
    from allygraph.loaders.article_writer import write_extraction
    from allygraph.loaders.fetch import is_url
    from allygraph.loaders.files import article_files

    found = article_files(Path(p) for p in paths if not is_url(p))
    missing = [str(p) for p in found if not p.is_file()]
    if missing:
        raise AllygraphError(f"no such file: {', '.join(missing)}")
    # Web addresses are fetched where they are extracted (loaders/fetch.py), in order.
    files: list[Path | str] = [*found, *(p for p in paths if is_url(p))]
    if not files:
        raise AllygraphError("no article files (.txt, .html) under the given paths")
    done: list[WriteSummary] = []
    failed: list[tuple[Path | str, str]] = []
    new_entities: dict[str, str] = {}
    with driver_session() as driver, _extractions(files, jobs) as extractions:
        _schema(driver)
        for i, (path, extracted) in enumerate(zip(files, extractions, strict=True)):
            try:
                if isinstance(extracted, Exception):
                    raise extracted
                extraction = extracted
                summary = write_extraction(driver, extraction)
            except DatabaseUnavailable as exc:
                _print_summary(done, failed)
                _stop(str(path), exc, len(done), len(files) - i - 1)
            except AllygraphError as exc:
                failed.append((path, exc.message))
                continue
            except Exception as exc:  # one article's surprise must not cost the others
                failed.append((path, _unexpected(exc)))
                continue
            done.append(summary)
            new_entities.update({e.id: e.name for e in extraction.entities if e.new})
            out.print(
                f"{summary.status:<9} {path}  ({summary.article_id})  facts "
                f"+{summary.facts_created} ~{summary.facts_updated} -{summary.facts_retracted}"
                + (
                    f"  (other version of its URL: {', '.join(summary.replaced_ids)})"
                    if summary.replaced_ids
                    else ""
                ),
                soft_wrap=True,
            )
    _print_summary(done, failed)
    if new_entities:
        out.print(
            f"{len(new_entities)} entities not in the registry (to curate): "
            + ", ".join(f"{k} ({v})" for k, v in sorted(new_entities.items())),
            soft_wrap=True,
        )
    for path, message in failed:
        err.print(f"[red]failed:[/red] {path}: {message}", soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@contextmanager
def _extractions(
    files: list[Path | str], jobs: int | None
) -> Iterator[Iterator[Extraction | Exception]]:
    """Each file's extraction (or what went wrong with it), in order: from worker processes
    that keep every article within the time budget and use the machine's cores, or, with
    ``--jobs 0``, from this process (for a debugger or a profiler)."""
    from allygraph.loaders import pipeline
    from allygraph.loaders.workers import WorkerPool
    from allygraph.settings import get_settings

    settings = get_settings()
    jobs = settings.extract_workers if jobs is None else jobs
    if jobs == 0:
        yield (_in_process(pipeline.extract_source, path) for path in files)
        return
    with WorkerPool(min(jobs, len(files)), settings.extract_budget_seconds) as pool:
        yield pool.map(pipeline.extract_source, [(p,) for p in files], [str(p) for p in files])


def _in_process(
    extract: Callable[[Path | str], Extraction], path: Path | str
) -> Extraction | Exception:
    try:
        return extract(path)
    except Exception as exc:  # handed to the loop, which names the article and goes on
        return exc


def _print_summary(done: list[WriteSummary], failed: list[tuple[Path | str, str]]) -> None:
    """The totals: articles by status, facts created/updated/retracted, Neo4j's counters."""
    status = Counter(s.status for s in done)
    table = Table("", "", title="load summary", show_header=False)
    table.add_row(
        "articles",
        f"new {status['new']} · unchanged {status['unchanged']} · "
        f"replaced {status['replaced']} · failed {len(failed)}",
    )
    table.add_row(
        "facts",
        f"created {sum(s.facts_created for s in done)} · "
        f"updated {sum(s.facts_updated for s in done)} · "
        f"retracted {sum(s.facts_retracted for s in done)}",
    )
    table.add_row(
        "nodes",
        f"created {sum(s.nodes_created for s in done)} · "
        f"deleted {sum(s.nodes_deleted for s in done)}",
    )
    table.add_row(
        "relationships",
        f"created {sum(s.relationships_created for s in done)} · "
        f"deleted {sum(s.relationships_deleted for s in done)}",
    )
    out.print(table)


def _article_ids(target: str) -> list[tuple[str, str]]:
    """(label, article id) for an argument: a file or folder of articles (the id is their
    content hash, read as ``load`` reads them) or else an article id as it is."""
    from allygraph.loaders.files import article_files
    from allygraph.loaders.intake import read_article

    path = Path(target)
    if not path.exists():
        return [(target, target)]
    files = article_files([path])
    if not files:
        raise AllygraphError(f"{target}: no article files (.txt, .html) here")
    return [(str(f), read_article(f).id) for f in files]


def unload_command(
    targets: Annotated[
        list[str], typer.Argument(help="article ids, or the article files or folders loaded")
    ],
) -> None:
    """Remove articles: their node, mentions and evidence; facts and entities left with
    none go too. One transaction each; exit 1 if any was not loaded."""
    from allygraph.db import driver_session
    from allygraph.loaders.retract import unload_article

    failed: list[tuple[str, str]] = []
    with driver_session() as driver:
        for t, target in enumerate(targets):
            try:
                articles = _article_ids(target)
            except AllygraphError as exc:
                failed.append((target, exc.message))
                continue
            for label, article_id in articles:
                try:
                    s = unload_article(driver, article_id)
                except DatabaseUnavailable as exc:
                    _stop(label, exc, t, len(targets) - t - 1)
                except AllygraphError as exc:
                    failed.append((label, exc.message))
                    continue
                out.print(
                    f"unloaded {s.article_id} ({s.title or s.source_path or '?'}): facts "
                    f"retracted {s.facts_retracted}, kept with other evidence "
                    f"{s.facts_updated}; entities deleted {s.entities_deleted}; "
                    f"graph version {s.graph_version}",
                    soft_wrap=True,
                )
                if s.override is not None:
                    out.print(
                        f"note: override {s.override} targeted this article; it stays and "
                        "applies again if the article is loaded again",
                        soft_wrap=True,
                    )
    for label, message in failed:
        err.print(f"[red]failed:[/red] {label}: {message}", soft_wrap=True)
    if failed:
        raise typer.Exit(1)
