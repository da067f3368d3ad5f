"""``allygraph extract`` and ``allygraph eval``: thin commands over the pipeline and scorer.

The main typer app (``allygraph/cli.py``) registers these functions. Library errors become
one line on stderr and exit code 1, never a traceback.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from allygraph.errors import AllygraphError, IntakeError
from allygraph.loaders.evaluate import GoldDocument, Score, load_gold, score, total
from allygraph.loaders.extract import Extractor, RuleExtractor
from allygraph.loaders.pipeline import extract_path, extract_text
from allygraph.loaders.registry import Registry
from allygraph.models import Extraction

_out = Console(highlight=False)
_err = Console(stderr=True, highlight=False)


def extract_command(
    path: Path = typer.Argument(..., help="Article file (text or HTML)."),  # noqa: B008
    json_: bool = typer.Option(False, "--json", help="Print the extraction in the gold format."),
) -> None:
    """Extract entities and relations from one article (no database)."""
    extraction = _run(lambda: extract_path(path))
    if json_:
        typer.echo(json.dumps(extraction.to_gold(), ensure_ascii=False, indent=2))
        return
    _print_extraction(extraction)


def eval_command(
    gold: list[Path] = typer.Option(  # noqa: B008
        ..., "--gold", help="Gold YAML file(s) or folder(s); repeatable."
    ),
    more: list[Path] = typer.Argument(  # noqa: B008
        None, help="More gold files or folders: `--gold a.yaml b.yaml dir/` scores all three."
    ),
    json_: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    no_registry: bool = typer.Option(
        False,
        "--no-registry",
        help="Extract with an empty registry: how well names are found from the text alone.",
    ),
) -> None:
    """Score the extractor against gold files: P/R/F1, property and since accuracy."""
    files = _run(lambda: _gold_files([*gold, *(more or [])]))
    extractor = RuleExtractor(Registry(entries=[])) if no_registry else None
    scores: list[Score] = []
    failed = 0
    for file in files:
        try:
            scores.append(_score_file(file, extractor))
        except AllygraphError as exc:
            # One unreadable article must not hide the others' scores: it scores as an
            # empty extraction (all its gold missed) and the command exits 1 at the end.
            _err.print(f"error: {exc.message}", soft_wrap=True)
            failed += 1
            document = _run(lambda file=file: load_gold(file))
            scores.append(score({"entities": [], "relations": []}, document))
    overall = total(scores)
    if json_:
        report = {"total": overall.report(), "articles": [s.report() for s in scores]}
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for item in [*scores, overall] if len(scores) > 1 else scores:
            _print_score(item)
    if failed:
        raise typer.Exit(1)


def _score_file(path: Path, extractor: Extractor | None = None) -> Score:
    document = load_gold(path)
    return score(_extract_for_gold(document, extractor), document)


def _extract_for_gold(document: GoldDocument, extractor: Extractor | None = None) -> Extraction:
    """The article as the pipeline reads it; a wire brief without a date line borrows the
    gold's ``published`` (the date is what the gold states, not something scored)."""
    try:
        return extract_path(document.article, extractor=extractor)
    except IntakeError as exc:
        if "publication date" not in exc.message or not document.published:
            raise
    raw = Path(document.article).read_bytes()
    meta = {"published": str(document.published)}
    return extract_text(raw, meta, source_path=str(document.article), extractor=extractor)


def _gold_files(paths: list[Path]) -> list[Path]:
    """Gold files named or found in folders (``*.yaml`` holding ``article:``), each once.

    A folder may also hold articles with metadata sidecars (``<stem>.yaml`` without
    ``entities:``): those are no gold files and are skipped; a file named explicitly is
    always taken.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.glob("*.yaml") if p.name != "README.yaml")
            files.extend(p for p in found if _is_gold(p))
        elif path.is_file():
            files.append(path)
        else:
            raise AllygraphError(f"{path}: no such gold file or folder")
    files = list(dict.fromkeys(p.resolve() for p in files))
    if not files:
        raise AllygraphError("no gold files found")
    return files


def _is_gold(path: Path) -> bool:
    """A gold file names its article and holds entities or relations (sidecars do not)."""
    with path.open("rb") as handle:
        head = handle.read(64_000)
    return re.search(rb"^article\s*:", head, re.M) is not None and (
        re.search(rb"^(?:entities|relations)\s*:", head, re.M) is not None
    )


def _run(action: Any) -> Any:
    try:
        return action()
    except AllygraphError as exc:
        _err.print(f"error: {exc.message}", soft_wrap=True)
        raise typer.Exit(1) from None


def _print_extraction(extraction: Extraction) -> None:
    article = extraction.article
    _out.print(f"[bold]{article.title}[/bold]")
    _out.print(f"{article.publisher or '?'} · {article.published:%Y-%m-%d %H:%M} · id {article.id}")
    entities = Table("id", "type", "name", "English", title="Entities")
    for entity in extraction.entities:
        mark = " [yellow](new)[/yellow]" if entity.new else ""
        entities.add_row(entity.id + mark, entity.type, entity.name, entity.name_en or "")
    _out.print(entities)
    relations = Table("type", "from", "to", "properties", title="Relations")
    for r in extraction.relations:
        props = ", ".join(
            f"{k}={getattr(r, k)}" for k in ("since", "role", "title") if getattr(r, k)
        )
        relations.add_row(r.type, r.from_, r.to, props)
    _out.print(relations)
    new = [e for e in extraction.entities if e.new]
    if new:
        _out.print("[bold]New entities to curate[/bold] (not in the registry):")
        for entity in new:
            _out.print(f"  - {entity.id}  {entity.type}  {entity.name}")


def _print_score(item: Score) -> None:
    table = Table("scope", "P", "R", "F1", "tp/extracted/gold", title=f"Scores: {item.article}")
    rows = [("entities", item.entities), *((f"  {k}", v) for k, v in item.entities_by_type.items())]
    rows += [("relations", item.relations)]
    rows += [(f"  {k}", v) for k, v in item.relations_by_type.items()]
    for name, prf in rows:
        table.add_row(
            name, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}",
            f"{prf.true_positives}/{prf.extracted}/{prf.gold}",
        )  # fmt: skip
    _out.print(table)
    accuracy = ", ".join(
        f"{name} {acc.correct}/{acc.total}" for name, acc in item.properties.items() if acc.total
    )
    _out.print(f"property accuracy: {item.property_accuracy:.3f} ({accuracy or 'none'})")
    since = item.properties.get("since")
    if since is not None and since.total:
        _out.print(f"since accuracy: {since.accuracy:.3f} ({since.correct}/{since.total})")
