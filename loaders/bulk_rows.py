"""What a bulk first load writes: the graph the transactional path would write, article by
article in the same order, into an empty database.

- Articles: ``allygraph load`` writes each file in turn; an article loaded again with the
  same extraction is *unchanged* (nothing written), with another extraction, or another
  text at the same URL, it is *replaced*. ``select`` keeps what survives such a run, in the
  order it was written, and counts the writes (each moves the graph version by one).
- Facts: every statement of every surviving article, folded by ``rows.fact_row``,
  i.e. by the one fact policy of ``allygraph/facts.py`` (commutative and associative, so
  folding all statements at once equals folding them one article at a time in Cypher).
- Entities: ``fold_entities`` is ``cypher/write_entities.cypher`` applied to the articles'
  entity rows in load order (names and keys accumulate, later properties win), evaluated
  here instead of by Neo4j, because the importer takes finished nodes. The bulk test
  compares both paths' graphs node by node.

A replaced version leaves no trace here; after a transactional replace, names it added to
an entity stay (``cypher/retract_cleanup.cypher`` does not fold entities again). That is
the one known difference, and only for a corpus that holds two versions of one article.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from allygraph.errors import LoadError
from allygraph.loaders.bulk_csv import (
    ARTICLE_COLUMNS,
    ENTITY_COLUMNS,
    META_COLUMNS,
    ImportFiles,
    write_facts,
    write_mentions,
    write_nodes,
)
from allygraph.loaders.rows import (
    article_props,
    entity_row,
    fact_row,
    fingerprint,
    statement_groups,
)
from allygraph.models import Article, Extraction, Relation


@dataclass
class BulkGraph:
    """Everything one import writes, before folding."""

    articles: list[tuple[Article, str | None]] = field(default_factory=list)  # (article, print)
    entity_rows: list[dict[str, Any]] = field(default_factory=list)  # entity_row, load order
    relations: list[Relation] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (article id, entity id)
    version: int = 1


@dataclass
class Selection:
    """The surviving extractions in write order, and what a transactional run would say."""

    kept: list[tuple[Extraction, str]] = field(default_factory=list)  # (extraction, print)
    writes: int = 0
    unchanged: int = 0
    replaced: int = 0


def select(extractions: Iterable[Extraction]) -> Selection:
    """The articles a transactional load of ``extractions`` (in order) leaves in the graph."""
    kept: dict[str, tuple[int, Extraction, str]] = {}
    by_url: dict[str, str] = {}
    out = Selection()
    for position, extraction in enumerate(extractions):
        article, print_ = extraction.article, fingerprint(extraction)
        found = kept.get(article.id)
        if found is not None and found[2] == print_:
            out.unchanged += 1
            continue
        other = by_url.get(article.url) if article.url else None
        replaced = [i for i in (article.id, other) if i is not None and i in kept]
        for old in dict.fromkeys(replaced):
            del kept[old]
        out.replaced += bool(replaced)
        out.writes += 1
        kept[article.id] = (position, extraction, print_)
        if article.url:
            by_url[article.url] = article.id
    out.kept = [(e, p) for _, e, p in sorted(kept.values(), key=lambda k: k[0])]
    return out


def from_selection(selection: Selection) -> BulkGraph:
    graph = BulkGraph(version=selection.writes)
    for extraction, print_ in selection.kept:
        graph.articles.append((extraction.article, print_))
        graph.entity_rows.extend(entity_row(e) for e in extraction.entities)
        graph.relations.extend(extraction.relations)
        ids = dict.fromkeys(e.id for e in extraction.entities)
        graph.mentions.extend((extraction.article.id, i) for i in ids)
    return graph


def _union(acc: list[str], new: Iterable[str]) -> list[str]:
    """write_entities.cypher's reduce: ``acc`` with each new value not yet in it appended."""
    out = list(acc)
    for x in new:
        if x not in out:
            out.append(x)
    return out


def fold_entities(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Entity nodes (id -> labels and properties) from entity rows in load order, as
    ``cypher/write_entities.cypher`` leaves them row after row."""
    nodes: dict[str, dict[str, Any]] = {}
    for row in rows:
        node = nodes.setdefault(row["id"], {"labels": [], "props": {}})
        props = node["props"]
        aliases = _union(props.get("aliases", []), row["aliases"])
        name_keys = _union(props.get("name_keys", []), row["name_keys"])
        name = row["props"].get("name", props.get("name"))
        name_en = row["props"].get("name_en", props.get("name_en"))
        node["labels"] = _union(node["labels"], row["labels"])
        props.update(row["props"])
        props["aliases"], props["name_keys"] = aliases, name_keys
        props["name_keys_text"] = "".join(" " + k for k in name_keys)
        props["new"] = props.get("new", True) and row["new"]
        names = [name, *([name_en] if name_en is not None else []), *aliases]
        props["names_text"] = " | ".join(names)
    return nodes


def _articles(graph: BulkGraph) -> Iterator[tuple[str, list[str], dict[str, Any]]]:
    for article, print_ in graph.articles:
        yield article.id, ["Article"], article_props(article, print_)


def _entities(graph: BulkGraph) -> Iterator[tuple[str, list[str], dict[str, Any]]]:
    for node_id, node in fold_entities(graph.entity_rows).items():
        yield node_id, node["labels"], node["props"]


def build_files(graph: BulkGraph, folder: Path, jobs: int = 1) -> ImportFiles:
    """Write the import files of ``graph`` into ``folder`` (created), the facts split over
    ``jobs`` processes. The cyclic garbage collector is paused meanwhile: the rows make no
    cycles, and its passes over millions of live objects took two thirds of the time at
    1M facts."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build_files(graph, folder, jobs)
    finally:
        if enabled:
            gc.enable()


def _build_files(graph: BulkGraph, folder: Path, jobs: int) -> ImportFiles:
    folder.mkdir(parents=True, exist_ok=True)
    files = ImportFiles(folder=folder)
    days = {a.id: a.published.date() for a, _ in graph.articles}
    groups = statement_groups(graph.relations)
    parts = max(1, min(jobs, len(groups))) if "fork" in _START_METHODS else 1
    # Contiguous slices: a forked process then touches (and copies) only the pages of its own
    # statements, which were made in the same order; interleaved ones cost it 5 s at 1M.
    cuts = [len(groups) * i // parts for i in range(parts + 1)]
    helpers = [
        _FactPart.start(folder, i, groups[cuts[i] : cuts[i + 1]], days) for i in range(1, parts)
    ]
    try:
        write_facts(files, "facts-0.csv", (fact_row(g, days) for g in groups[: cuts[1]]))
        write_nodes(files, "articles.csv", "Article", ARTICLE_COLUMNS, _articles(graph))
        write_nodes(files, "entities.csv", "Entity", ENTITY_COLUMNS, _entities(graph))
        meta = {"version": graph.version, "updated_at": datetime.now(UTC)}
        write_nodes(
            files, "meta.csv", "GraphMeta", META_COLUMNS, [("graph", ["GraphMeta"], meta)], "key"
        )
        write_mentions(files, "mentions.csv", dict.fromkeys(graph.mentions))
        for helper in helpers:
            helper.join(files)
    finally:
        for helper in helpers:
            helper.stop()
    return files


_START_METHODS = multiprocessing.get_all_start_methods()


class _FactPart:
    """One slice of the facts, folded and written by a forked process (it inherits the
    statements instead of receiving them pickled); what CSV could not say comes back."""

    def __init__(self, process: Any, conn: Connection) -> None:
        self.process, self.conn = process, conn

    @classmethod
    def start(
        cls, folder: Path, index: int, groups: list[list[Relation]], days: dict[str, date]
    ) -> _FactPart:
        context = multiprocessing.get_context("fork")
        conn, child = context.Pipe(duplex=False)
        process = context.Process(target=_write_part, args=(child, folder, index, groups, days))
        process.start()
        child.close()
        return cls(process, conn)

    def join(self, files: ImportFiles) -> None:
        try:
            part = self.conn.recv()
        except EOFError:
            part = None
        self.process.join()
        if not isinstance(part, ImportFiles):
            raise LoadError(f"building the import files failed in a helper process: {part}")
        files.relationships += part.relationships
        files.multiline += part.multiline
        files.fact_fixes += part.fact_fixes

    def stop(self) -> None:
        """Ends the process if it still runs (the parent failed first)."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _write_part(
    conn: Connection, folder: Path, index: int, groups: list[list[Relation]], days: dict[str, date]
) -> None:
    try:
        files = ImportFiles(folder=folder)
        write_facts(files, f"facts-{index}.csv", (fact_row(g, days) for g in groups))
        conn.send(files)
    except Exception as exc:  # the parent names it; a traceback here would be lost
        conn.send(f"{type(exc).__name__}: {exc}")
