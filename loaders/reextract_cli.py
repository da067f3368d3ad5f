"""``allygraph reextract [--all | ID…]``: loaded articles extracted again from the graph
with the current registry, overrides and rules; only the difference is written.

Like ``load``: one transaction per article, one line per article (``unchanged`` or
``replaced`` with facts created, updated and retracted), a failed article is named at the
end (exit 1) and the others go on; Neo4j going away stops the run with one line.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from allygraph.errors import AllygraphError, DatabaseUnavailable

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def reextract_command(
    ids: Annotated[list[str] | None, typer.Argument(help="article ids")] = None,
    all_: Annotated[bool, typer.Option("--all", help="every loaded article")] = False,
) -> None:
    """Extract loaded articles again (current registry, overrides, rules); write the change."""
    from allygraph.db import driver_session
    from allygraph.loaders.reextract import article_ids, reextract

    if bool(ids) == all_:
        raise AllygraphError("give article ids or --all (not both)")
    failed: list[tuple[str, str]] = []
    totals = {"unchanged": 0, "replaced": 0, "created": 0, "updated": 0, "retracted": 0}
    with driver_session() as driver:
        targets = article_ids(driver) if all_ else list(dict.fromkeys(ids or []))
        for i, article_id in enumerate(targets):
            try:
                s = reextract(driver, article_id)
            except DatabaseUnavailable as exc:
                err.print(f"[red]error:[/red] {exc.message}", soft_wrap=True)
                err.print(f"{i} done before it (committed), {len(targets) - i - 1} not tried")
                raise typer.Exit(1) from None
            except AllygraphError as exc:
                failed.append((article_id, exc.message))
                continue
            totals[s.status if s.status != "new" else "replaced"] += 1
            totals["created"] += s.facts_created
            totals["updated"] += s.facts_updated
            totals["retracted"] += s.facts_retracted
            out.print(
                f"{s.status:<9} {article_id}  facts +{s.facts_created} ~{s.facts_updated} "
                f"-{s.facts_retracted}; nodes +{s.nodes_created} -{s.nodes_deleted}",
                soft_wrap=True,
            )
    out.print(
        f"reextracted {len(targets) - len(failed)}: unchanged {totals['unchanged']} · "
        f"replaced {totals['replaced']} · failed {len(failed)}; facts created "
        f"{totals['created']} · updated {totals['updated']} · retracted {totals['retracted']}"
    )
    for article_id, message in failed:
        err.print(f"[red]failed:[/red] {article_id}: {message}", soft_wrap=True)
    if failed:
        raise typer.Exit(1)
