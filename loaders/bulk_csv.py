"""CSV files for ``neo4j-admin database import full`` holding exactly what the writer stores.

The rows are the writer's own (``loaders/rows.py``, folded by ``loaders/bulk_rows.py``);
this module only spells them in the importer's CSV dialect. Every value is quoted (an
unquoted empty cell is "no property", a quoted ``""`` the empty string), arrays are joined
with U+001F, and the import runs with ``--trim-strings=true``, which trims array elements
only: so ``[""]`` (an article that states nothing about a fact, common in ``untils``) is
written as one blank. What the dialect cannot say at all (an empty list, an array element
with blanks at an edge or holding U+001F) is left out of the CSV and kept as a *fix-up*,
set by key with Cypher once the server runs again (``cypher/write_bulk_fix_*.cypher``);
the one common case, an entity without aliases, is set for all of them in one pass
(``cypher/write_bulk_empty_aliases.cypher``: the writer gives every entity its list).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from pydantic import BaseModel

ARRAY_DELIMITER = "\x1f"
IMPORT_OPTIONS = [
    "--array-delimiter=U+001F",
    "--trim-strings=true",
    "--ignore-empty-strings=false",
    "--normalize-types=false",
]

# (property, import type) of every property the writer may set, per file.
ENTITY_COLUMNS = [
    ("name", "string"),
    ("name_en", "string"),
    ("country", "string"),
    ("sector", "string"),
    ("place", "string"),
    ("date", "string"),
    ("date_start", "date"),
    ("objectives", "string[]"),
    ("aliases", "string[]"),
    ("name_keys", "string[]"),
    ("name_keys_text", "string"),
    ("names_text", "string"),
    ("new", "boolean"),
]
ARTICLE_COLUMNS = [
    ("title", "string"),
    ("subtitle", "string"),
    ("published", "datetime"),
    ("publisher", "string"),
    ("url", "string"),
    ("source_path", "string"),
    ("text", "string"),
    ("sentence_starts", "long[]"),
    ("sentence_ends", "long[]"),
    ("sentence_kinds", "string[]"),
    ("fingerprint", "string"),
]
META_COLUMNS = [("version", "long"), ("updated_at", "datetime")]
FACT_COLUMNS = [
    ("since", "string"),
    ("since_start", "date"),
    ("until", "string"),
    ("until_start", "date"),
    ("role", "string"),
    ("title", "string"),
    ("first_seen", "date"),
    ("article_ids", "string[]"),
    ("sentences", "string[]"),
    ("starts", "long[]"),
    ("ends", "long[]"),
    ("sinces", "string[]"),
    ("untils", "string[]"),
    ("roles", "string[]"),
    ("titles", "string[]"),
]


class Unsayable(ValueError):
    """A value the importer's CSV cannot carry exactly (it becomes a fix-up)."""


class NodeFix(BaseModel):
    """Properties to set on one imported node, found by its label and key."""

    label: str
    id: str
    props: dict[str, Any]


class FactFix(BaseModel):
    """Properties to set on one imported fact, found by its type and ends."""

    type: str
    from_id: str
    to_id: str
    props: dict[str, Any]


class ImportFiles(BaseModel):
    """The files of one import, the options naming them, and what CSV could not say."""

    folder: Path
    nodes: list[Path] = []
    relationships: list[Path] = []
    multiline: list[Path] = []
    node_fixes: list[NodeFix] = []
    fact_fixes: list[FactFix] = []

    def options(self) -> list[str]:
        opts = [f"--nodes={p}" for p in self.nodes]
        opts += [f"--relationships={p}" for p in self.relationships]
        if self.multiline:
            # v1, for every file: v2 (per file) failed in 5.26.30 on a quoted value across
            # its 4 MB read buffer ("found CR outside a text cell"), 10,000 articles in.
            opts.append("--multiline-fields=true")
        return [*opts, *IMPORT_OPTIONS]


# An element the importer would trim (Java's String.trim: every character up to U+0020 at
# either end), looked for at the edges of the joined text and beside each delimiter.
_TRIMMED = re.compile("(?:^|\x1f)[\x00-\x1e ]|[\x00-\x1e ](?:\x1f|\\Z)")


def _array(values: Sequence[Any]) -> str:
    items = [v if isinstance(v, str) else str(v) for v in values]
    if not items:
        raise Unsayable("an empty list")
    if items == [""]:
        return " "  # trimmed to one empty element
    text = ARRAY_DELIMITER.join(items)
    if text.count(ARRAY_DELIMITER) != len(items) - 1 or _TRIMMED.search(text):
        raise Unsayable("an element the importer would split or trim")
    return text


def _numbers(values: Sequence[Any]) -> str:
    """A list of numbers, which no delimiter or trim can touch."""
    if not values:
        raise Unsayable("an empty list")
    return '"' + ARRAY_DELIMITER.join(map(str, values)) + '"'


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _string(value: Any) -> str:
    return _quoted(value if isinstance(value, str) else str(value))


def _boolean(value: Any) -> str:
    return '"true"' if value else '"false"'


def _temporal(value: Any) -> str:
    return _quoted(value.isoformat() if isinstance(value, datetime | date) else str(value))


def _list(value: Any) -> str:
    return _quoted(_array(value))


def formatter(kind: str) -> Callable[[Any], str]:
    """How a non-null value of import type ``kind`` is spelled; chosen once per column,
    since a million facts make twenty million cells."""
    if kind in ("long[]", "int[]", "double[]"):
        return _numbers
    if kind.endswith("[]"):
        return _list
    if kind == "boolean":
        return _boolean
    if kind in ("date", "datetime"):
        return _temporal
    return _string


def cell(value: Any, kind: str) -> str:
    """One CSV cell: empty for no property, else the quoted value in the importer's form."""
    return "" if value is None else formatter(kind)(value)


class CsvFile:
    """One import file: a typed header, then one line per record; notes whether any value
    spans lines (the importer reads such files more slowly, so only they are named)."""

    def __init__(self, path: Path, head: list[str], columns: list[tuple[str, str]]) -> None:
        self.path, self.columns = path, columns
        self.multiline = False
        self._file: IO[str] = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        header = [
            *head,
            *(name if kind == "string" else f"{name}:{kind}" for name, kind in columns),
        ]
        self._file.write(",".join(header) + "\n")
        self._formats = [(name, formatter(kind)) for name, kind in columns]

    def write(self, head: list[str], props: dict[str, Any]) -> dict[str, Any]:
        """Write one record; returns the properties the CSV could not carry."""
        cells = [_quoted(h) for h in head]
        unsaid: dict[str, Any] = {}
        for name, spell in self._formats:
            value = props.get(name)
            if value is None:
                cells.append("")
                continue
            try:
                cells.append(spell(value))
            except Unsayable:
                cells.append("")
                unsaid[name] = value
        line = ",".join(cells)
        if not self.multiline and ("\n" in line or "\r" in line):
            self.multiline = True
        self._file.write(line + "\n")
        return unsaid

    def close(self) -> None:
        self._file.close()


def write_nodes(
    files: ImportFiles,
    name: str,
    label_space: str,
    columns: list[tuple[str, str]],
    records: Iterable[tuple[str, list[str], dict[str, Any]]],
    key: str = "id",
) -> None:
    """A node file of ``(key, labels, properties)`` records in the ID space ``label_space``."""
    out = CsvFile(files.folder / name, [f"{key}:ID({label_space})", ":LABEL"], columns)
    try:
        for node_id, labels, props in records:
            unsaid = out.write([node_id, ARRAY_DELIMITER.join(labels)], props)
            if unsaid.get("aliases") == [] and label_space == "Entity":
                del unsaid["aliases"]  # every entity has aliases: absent means [] (one pass)
            if unsaid:
                files.node_fixes.append(NodeFix(label=label_space, id=node_id, props=unsaid))
    finally:
        out.close()
    files.nodes.append(out.path)
    if out.multiline:
        files.multiline.append(out.path)


def write_facts(files: ImportFiles, name: str, rows: Iterable[dict[str, Any]]) -> None:
    """The fact relationships, from the writer's fact rows (``rows.fact_row``)."""
    head = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    out = CsvFile(files.folder / name, head, FACT_COLUMNS)
    try:
        for row in rows:
            props = {**row["props"], **{k: row[k] for k in _FACT_LISTS}}
            unsaid = out.write([row["from"], row["to"], row["type"]], props)
            if unsaid:
                fix = FactFix(type=row["type"], from_id=row["from"], to_id=row["to"], props=unsaid)
                files.fact_fixes.append(fix)
    finally:
        out.close()
    files.relationships.append(out.path)
    if out.multiline:
        files.multiline.append(out.path)


_FACT_LISTS = [name for name, kind in FACT_COLUMNS if kind.endswith("[]")]


def write_mentions(files: ImportFiles, name: str, mentions: Iterable[tuple[str, str]]) -> None:
    """(article id, entity id) pairs as MENTIONS relationships."""
    path = files.folder / name
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(":START_ID(Article),:END_ID(Entity),:TYPE\n")
        for article_id, entity_id in mentions:
            f.write(f"{_string(article_id)},{_string(entity_id)},MENTIONS\n")
    files.relationships.append(path)
