"""The ``allygraph`` command. Thin: each command calls the library and turns its errors
into one line on stderr and exit code 1, never a traceback."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from allygraph import __version__
from allygraph.errors import AllygraphError

app = typer.Typer(help="A knowledge graph of corporate AI alliances.", no_args_is_help=True)
err = Console(stderr=True)
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
def serve(
    host: str | None = typer.Option(None, help="default: API_HOST"),
    port: int | None = typer.Option(None, help="default: API_PORT"),
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
    )


def main() -> None:
    app()
