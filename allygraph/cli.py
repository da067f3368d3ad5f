"""The ``allygraph`` command. Thin: each command calls the library and turns its errors
into one line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from allygraph import __version__
from allygraph.errors import AllygraphError

app = typer.Typer(help="A knowledge graph of corporate AI alliances.", no_args_is_help=True)
err = Console(stderr=True)
out = Console()
F = TypeVar("F", bound=Callable[..., Any])


def one_line_errors(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AllygraphError as exc:
            err.print(f"[red]error:[/red] {exc.message}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


@app.command()
@one_line_errors
def schema() -> None:
    """Apply cypher/schema.cypher (constraints and indexes; safe to repeat)."""
    from allygraph.db import apply_schema, driver_session

    with driver_session() as driver:
        count = apply_schema(driver)
    typer.echo(f"schema applied ({count} statements)")


@app.command()
@one_line_errors
def load(
    paths: Annotated[list[Path], typer.Argument(help="article files or folders of them")],
) -> None:
    """Extract and load articles, one transaction each; exit 1 if any article failed."""
    from rich.progress import Progress
    from rich.table import Table

    from allygraph.db import apply_schema, driver_session
    from allygraph.loaders.files import article_files
    from allygraph.loaders.pipeline import extract_path
    from allygraph.loaders.writer import WriteSummary, write_extraction

    files = article_files(paths)
    missing = [str(p) for p in files if not p.is_file()]
    if missing:
        raise AllygraphError(f"no such file: {', '.join(missing)}")
    if not files:
        raise AllygraphError("no article files (.txt, .html) under the given paths")
    done: list[WriteSummary] = []
    failed: list[tuple[Path, str]] = []
    new_entities: dict[str, str] = {}
    with driver_session() as driver:
        apply_schema(driver)
        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("loading", total=len(files))
            for path in files:
                progress.update(task, description=path.name)
                try:
                    extraction = extract_path(path)
                    done.append(write_extraction(driver, extraction))
                    new_entities.update({e.id: e.name for e in extraction.entities if e.new})
                except AllygraphError as exc:
                    failed.append((path, exc.message))
                progress.advance(task)
    table = Table(title="load summary", show_header=True)
    for column in ("", "created", "already present"):
        table.add_column(column, justify="right" if column else "left")
    table.add_row(
        "articles", str(sum(not s.skipped for s in done)), str(sum(s.skipped for s in done))
    )
    table.add_row(
        "nodes", str(sum(s.nodes_created for s in done)), str(sum(s.nodes_present for s in done))
    )
    table.add_row(
        "relationships",
        str(sum(s.relationships_created for s in done)),
        str(sum(s.relationships_present for s in done)),
    )
    out.print(table)
    if new_entities:
        out.print(
            f"{len(new_entities)} entities not in the registry (to curate): "
            + ", ".join(f"{k} ({v})" for k, v in sorted(new_entities.items()))
        )
    for path, message in failed:
        err.print(f"[red]failed:[/red] {path}: {message}", highlight=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@app.command()
@one_line_errors
def reset(
    yes: Annotated[bool, typer.Option("--yes", help="confirm: delete the whole graph")] = False,
) -> None:
    """Delete every node and relationship (constraints and indexes stay)."""
    from allygraph.db import driver_session, reset_graph

    if not yes:
        raise AllygraphError("reset deletes the whole graph: pass --yes to confirm")
    with driver_session() as driver:
        deleted = reset_graph(driver)
    typer.echo(f"graph emptied ({deleted} nodes deleted)")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="default: API_HOST")] = None,
    port: Annotated[int | None, typer.Option(help="default: API_PORT")] = None,
) -> None:
    """Run the HTTP API."""
    import uvicorn

    from allygraph.settings import get_settings

    settings = get_settings()
    uvicorn.run(
        "allygraph.service.app:create_app",
        factory=True,
        host=host or settings.api_host,
        port=port or settings.api_port,
        log_level="info",
        access_log=settings.api_access_log,
    )


def _register_loader_commands() -> None:
    from allygraph.loaders.cli import eval_command, extract_command

    app.command(
        "extract", help="Extract one article (no database); --json prints the gold format."
    )(extract_command)
    app.command("eval", help="Score the extractor against gold files: P/R/F1, since accuracy.")(
        eval_command
    )


_register_loader_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
