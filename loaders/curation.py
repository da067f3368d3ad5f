"""Fixing entities without a reset: list the new ones, merge two into one, rename one.

Every curation step is a registry edit followed by re-extraction of the articles that
name the entities concerned (``loaders/reextract.py``): the registry stays the one source
of identity, so a later reset and reload gives the same graph, and the graph after the step
is exactly what that reload gives (no Cypher rewiring of its own to drift from the
extractor). Each step is logged in the graph as a ``CurationLog`` node (who, when, what).
Repeating a step changes nothing and says so.

The registry file keeps one entity per line (``  - {id: …, …}``); an edit rewrites only the
lines of the entries concerned, checks the result loads as a registry (no name claimed by
two entries) and replaces the file atomically.
"""

from __future__ import annotations

import getpass
import os
import re
import uuid
from pathlib import Path
from typing import Any

import yaml
from neo4j import Driver
from pydantic import BaseModel

from allygraph.db import read_query, write_query
from allygraph.errors import AllygraphError, NotFoundError
from allygraph.loaders.extract import RuleExtractor
from allygraph.loaders.reextract import reextract
from allygraph.loaders.registry import Registry, RegistryEntry
from allygraph.settings import get_settings


class CurationError(AllygraphError):
    status = 409
    title = "Curation refused"


class CurationSummary(BaseModel):
    """What a step did: the registry lines it changed and the articles extracted again."""

    action: str
    args: list[str]
    done: bool = True  # False: nothing to do (the step was taken before)
    message: str = ""
    articles: int = 0
    facts_created: int = 0
    facts_updated: int = 0
    facts_retracted: int = 0
    nodes_deleted: int = 0
    failed: list[str] = []


def new_entities(driver: Driver, limit: int = 50) -> list[dict[str, Any]]:
    """Entities not in the registry, most mentioned first, with an example sentence."""
    return [r.data() for r in read_query(driver, "entities_new", {"limit": limit})]


def _node(driver: Driver, entity_id: str) -> dict[str, Any]:
    return read_query(driver, "entity_articles", {"id": entity_id})[0].data()


_LINE = re.compile(r"^(\s*-\s*)\{id:\s*([a-z0-9-]+)\s*,")


def entry_line(entry: RegistryEntry) -> str:
    """One registry entry as a flow mapping on one line, fields in the file's order."""
    data = entry.model_dump(exclude_defaults=True)
    data["aliases"] = list(entry.aliases) if entry.aliases else None
    ordered = {k: data[k] for k in RegistryEntry.model_fields if data.get(k) is not None}
    return yaml.safe_dump(
        ordered, default_flow_style=True, allow_unicode=True, sort_keys=False, width=1 << 20
    )


def edit_registry(
    path: Path, replace: dict[str, RegistryEntry | None], add: RegistryEntry | None = None
) -> None:
    """Rewrite the lines of the entries in ``replace`` (None removes one), append ``add``,
    check the file still makes a registry, and swap it in atomically."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out: list[str] = []
    for line in lines:
        match = _LINE.match(line)
        if match and match[2] in replace:
            entry = replace[match[2]]
            if entry is not None:
                out.append(match[1] + entry_line(entry))
            continue
        out.append(line)
    if add is not None:
        indent = next((m[1] for m in map(_LINE.match, lines) if m), "  - ")
        out.append(("" if not out or out[-1].endswith("\n") else "\n") + indent + entry_line(add))
    text = "".join(out)
    tmp = path.with_suffix(".yaml.tmp")
    tmp.write_text(text, encoding="utf-8")
    try:
        Registry.load(tmp)  # refuses a name claimed by two entries, a bad id, …
    except AllygraphError as exc:
        tmp.unlink()
        raise CurationError(f"the registry would break: {exc.message}") from None
    os.replace(tmp, path)


def _entry_from_node(entity_id: str, node: dict[str, Any]) -> RegistryEntry:
    return RegistryEntry(
        id=entity_id,
        type=node["type"],
        name=node["name"],
        name_en=node["name_en"],
        aliases=tuple(node["aliases"]),
    )


def _with_aliases(entry: RegistryEntry, names: list[str | None]) -> RegistryEntry:
    own = set(entry.surfaces)
    extra = [n for n in dict.fromkeys(names) if n and n not in own]
    return entry.model_copy(update={"aliases": (*entry.aliases, *extra)})


def _reextract_all(
    driver: Driver, ids: list[str], path: Path, summary: CurationSummary
) -> CurationSummary:
    """Extract the articles again with the registry as it now is; log the step."""
    extractor = RuleExtractor(Registry.load(path))
    for article_id in dict.fromkeys(ids):
        try:
            result = reextract(driver, article_id, extractor=extractor)
        except NotFoundError:
            continue
        except AllygraphError as exc:
            summary.failed.append(f"{article_id}: {exc.message}")
            continue
        summary.articles += 1
        summary.facts_created += result.facts_created
        summary.facts_updated += result.facts_updated
        summary.facts_retracted += result.facts_retracted
        summary.nodes_deleted += result.nodes_deleted
    log = {
        "id": uuid.uuid4().hex,  # the driver may run the write again: MERGE on this key
        "who": os.environ.get("ALLYGRAPH_USER") or getpass.getuser(),
        "action": summary.action,
        "args": summary.args,
        "articles": summary.articles,
    }
    write_query(driver, "write_curation_log", log)
    return summary


def merge_entity(
    driver: Driver, keep: str, gone: str, registry_path: Path | None = None
) -> CurationSummary:
    """Make ``gone`` one with ``keep``: its names become ``keep``'s aliases in the registry
    (its registry entry goes), and every article that mentions it is extracted again, so
    its facts and evidence move to ``keep`` and its node goes."""
    path = registry_path or get_settings().registry_path
    summary = CurationSummary(action="merge-entity", args=[keep, gone])
    if keep == gone:
        raise CurationError(f"cannot merge {keep} into itself")
    registry = Registry.load(path)
    keep_node, gone_node = _node(driver, keep), _node(driver, gone)
    keep_entry = registry.get(keep)
    if keep_entry is None:
        if not keep_node["found"]:
            raise NotFoundError(f"entity {keep} is neither in the registry nor in the graph")
        keep_entry = _entry_from_node(keep, keep_node)
    gone_entry = registry.get(gone)
    if gone_entry is not None:
        names: list[str | None] = list(gone_entry.surfaces)
    elif gone_node["found"]:
        names = [gone_node["name"], gone_node["name_en"], *gone_node["aliases"]]
    else:
        summary.done = False
        summary.message = f"{gone} is neither in the registry nor in the graph: merged already?"
        return summary
    merged = _with_aliases(keep_entry, names)
    replace: dict[str, RegistryEntry | None] = {gone: None}
    if keep in registry:
        replace[keep] = merged
    edit_registry(path, replace, add=None if keep in registry else merged)
    return _reextract_all(driver, gone_node["articles"], path, summary)


def rename_entity(
    driver: Driver, entity_id: str, name: str, registry_path: Path | None = None
) -> CurationSummary:
    """Give an entity another name (the old one stays as an alias); an entity the registry
    lacked is added to it under the new name. Its articles are extracted again."""
    path = registry_path or get_settings().registry_path
    summary = CurationSummary(action="rename-entity", args=[entity_id, name])
    registry = Registry.load(path)
    node = _node(driver, entity_id)
    entry = registry.get(entity_id)
    if entry is None:
        if not node["found"]:
            raise NotFoundError(f"entity {entity_id} is neither in the registry nor in the graph")
        entry = _entry_from_node(entity_id, node)
    if entry.name == name and entity_id in registry:
        summary.done = False
        summary.message = f"{entity_id} is already named {name!r}"
        return summary
    aliases = [a for a in dict.fromkeys([*entry.aliases, entry.name]) if a != name]
    renamed = entry.model_copy(update={"name": name, "aliases": tuple(aliases)})
    if entity_id in registry:
        edit_registry(path, {entity_id: renamed})
    else:
        edit_registry(path, {}, add=renamed)
    return _reextract_all(driver, node["articles"], path, summary)
