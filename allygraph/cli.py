"""The ``allygraph`` command. Thin: each command calls the library and turns its errors
into one line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import functools
from collections.abc import Callable
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


@app.command()
def mcp() -> None:
    """Serve the graph to assistants over MCP (stdio): members, compare, search,
    organization and read-only cypher, each answer with its evidence."""
    from allygraph.service.mcp_server import run

    run()


def _register_loader_commands() -> None:
    from allygraph.loaders.cli import eval_command, extract_command
    from allygraph.loaders.curation_cli import (
        entities_command,
        merge_entity_command,
        rename_entity_command,
    )
    from allygraph.loaders.load_cli import load_command, unload_command
    from allygraph.loaders.reextract_cli import reextract_command

    app.command("load", help="Extract and load articles, one transaction each.")(
        one_line_errors(load_command)
    )
    app.command("unload", help="Remove articles (by id, file or folder) and what only they say.")(
        one_line_errors(unload_command)
    )
    app.command(
        "reextract", help="Extract loaded articles again from the graph; write only the change."
    )(one_line_errors(reextract_command))
    app.command("entities", help="Entities to curate (--new: those the registry lacks).")(
        one_line_errors(entities_command)
    )
    app.command("merge-entity", help="Merge one entity into another (registry and graph).")(
        one_line_errors(merge_entity_command)
    )
    app.command("rename-entity", help="Rename an entity (registry and graph).")(
        one_line_errors(rename_entity_command)
    )
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
