"""Cypher queries live in ``cypher/*.cypher``; Python loads them by name.

Each file is one query (``schema.cypher`` is the exception: several statements, one per
``;``). A header of ``//`` lines describes it, aiosql-style, and is checked when loaded:

    // Members of an alliance, optionally as of a date.
    // @mode read
    // @params id, as_of, kind
    // :param {id: 'ai-one-team', as_of: '2020-03-01', kind: null}
    MATCH ...

``@params`` must name exactly the ``$parameters`` the body uses, so a typo fails at start-up,
not on the first request; ``@mode`` says whether the query may write. The ``:param`` line is
for Neo4j Browser users: paste it, then run the file as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

Mode = Literal["read", "write", "schema"]

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# Strings, backtick names and comments may contain '$' without it being a parameter.
_NOT_CODE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


class QueryFileError(ValueError):
    """A .cypher file whose header and body disagree; raised at load time."""


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    mode: Mode
    params: tuple[str, ...]
    doc: str = ""
    example: str = ""
    statements: tuple[str, ...] = field(default=())

    def bind(self, **values: Any) -> dict[str, Any]:
        """The parameter map for this query; refuses missing or unknown names."""
        missing = [p for p in self.params if p not in values]
        unknown = [k for k in values if k not in self.params]
        if missing or unknown:
            raise TypeError(f"query {self.name}: missing {missing}, unknown {unknown}")
        return dict(values)


def used_parameters(body: str) -> set[str]:
    return set(_PARAM.findall(_NOT_CODE.sub(" ", body)))


def parse_query(name: str, source: str) -> Query:
    header: list[str] = []
    lines = source.splitlines()
    i = 0
    while i < len(lines) and (lines[i].startswith("//") or not lines[i].strip()):
        if lines[i].startswith("//"):
            header.append(lines[i][2:].strip())
        i += 1
    body = "\n".join(lines[i:]).strip()
    if not body:
        raise QueryFileError(f"{name}.cypher: empty body")
    mode: str | None = None
    declared: list[str] = []
    doc: list[str] = []
    example = ""
    for line in header:
        if line.startswith("@mode"):
            mode = line.removeprefix("@mode").strip()
        elif line.startswith("@params"):
            declared = [p.strip() for p in line.removeprefix("@params").split(",") if p.strip()]
        elif line.startswith(":param"):
            example = line
        elif line:
            doc.append(line)
    if mode not in ("read", "write", "schema"):
        raise QueryFileError(f"{name}.cypher: header needs '// @mode read|write|schema'")
    if len(set(declared)) != len(declared):
        raise QueryFileError(f"{name}.cypher: a parameter is declared twice")
    used = used_parameters(body)
    if used != set(declared):
        raise QueryFileError(
            f"{name}.cypher: @params {sorted(declared)} but the body uses {sorted(used)}"
        )
    if declared and not example:
        raise QueryFileError(f"{name}.cypher: give a ':param {{...}}' example line")
    statements = tuple(
        s.strip() for s in re.split(r";\s*(?:\n|$)", _strip_comments(body)) if s.strip()
    )
    if mode != "schema" and len(statements) != 1:
        raise QueryFileError(f"{name}.cypher: one statement per file (found {len(statements)})")
    return Query(
        name=name,
        text=statements[0] if mode != "schema" else body,
        mode=mode,  # type: ignore[arg-type]
        params=tuple(declared),
        doc=" ".join(doc),
        example=example,
        statements=statements,
    )


def _strip_comments(body: str) -> str:
    return "\n".join(line for line in body.splitlines() if not line.lstrip().startswith("//"))


@lru_cache
def load_queries() -> dict[str, Query]:
    """Every query in ``cypher/``, parsed and checked once per process."""
    folder = resources.files("allygraph.cypher")
    found: dict[str, Query] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".cypher"):
            name = entry.name.removesuffix(".cypher")
            found[name] = parse_query(name, entry.read_text(encoding="utf-8"))
    return found


def get_query(name: str) -> Query:
    try:
        return load_queries()[name]
    except KeyError:
        raise KeyError(f"no query named {name!r} in cypher/") from None
