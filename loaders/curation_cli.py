"""``allygraph entities --new``, ``merge-entity KEEP GONE``, ``rename-entity ID NAME``:
curating entities from the command line (``loaders/curation.py`` says how)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from allygraph.errors import AllygraphError

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def entities_command(
    new: Annotated[bool, typer.Option("--new", help="entities the registry lacks")] = False,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
) -> None:
    """Entities to curate: those the registry lacks, with article counts and an example."""
    from allygraph.db import driver_session
    from allygraph.loaders.curation import new_entities

    if not new:
        raise AllygraphError("only --new is supported: entities the registry lacks")
    with driver_session() as driver:
        rows = new_entities(driver, limit)
    table = Table("id", "type", "name", "articles", "example", title="entities not in the registry")
    for row in rows:
        table.add_row(row["id"], row["type"], row["name"], str(row["articles"]),
                      (row["example"] or "")[:80])  # fmt: skip
    out.print(table)


def _report(summary: object) -> None:
    from allygraph.loaders.curation import CurationSummary

    assert isinstance(summary, CurationSummary)
    if not summary.done:
        out.print(f"nothing to do: {summary.message}", soft_wrap=True)
        return
    out.print(
        f"{summary.action} {' '.join(summary.args)}: registry updated; "
        f"{summary.articles} articles extracted again: facts +{summary.facts_created} "
        f"~{summary.facts_updated} -{summary.facts_retracted}, nodes deleted "
        f"{summary.nodes_deleted}",
        soft_wrap=True,
    )
    for failure in summary.failed:
        err.print(f"[red]failed:[/red] {failure}", soft_wrap=True)
    if summary.failed:
        raise typer.Exit(1)


def merge_entity_command(
    keep: Annotated[str, typer.Argument(help="the entity id that stays")],
    gone: Annotated[str, typer.Argument(help="the entity id that becomes its alias")],
) -> None:
    """Merge GONE into KEEP: GONE's names become KEEP's aliases in the registry, and the
    articles naming GONE are extracted again (its facts and evidence move to KEEP)."""
    from allygraph.db import driver_session
    from allygraph.loaders.curation import merge_entity

    with driver_session() as driver:
        _report(merge_entity(driver, keep, gone))


def rename_entity_command(
    entity_id: Annotated[str, typer.Argument(help="the entity id")],
    name: Annotated[str, typer.Argument(help="its new name (the old one stays an alias)")],
) -> None:
    """Rename an entity in the registry (adding it there if it was new) and re-extract the
    articles that name it."""
    from allygraph.db import driver_session
    from allygraph.loaders.curation import rename_entity

    with driver_session() as driver:
        _report(rename_entity(driver, entity_id, name))
