"""Neo4j values to JSON text without recursion, with a depth limit and a size budget.

Why not ``json.dumps`` or pydantic on the whole answer: both recurse once per nesting level,
so ``RETURN reduce(a=[], i IN range(1,600) | [a])`` (a 600-deep list) ended in a
RecursionError and a 500; and both build the whole answer before its size is known, so
``UNWIND range(1,1000) AS i RETURN i, range(1,20000)`` became a 109 MB body. Here every
value is written from an explicit stack: deeper than ``max_depth`` raises ``ValueTooDeep``
(422), and past ``budget`` characters ``OverBudget`` stops the writing at once, whatever
the value, so the caller can cut the answer there.

Mapping (as before): nodes, relationships and paths become maps, temporal values ISO
strings, durations ISO 8601 durations, points maps, bytes base64, non-finite floats strings.
Flat lists and maps of plain scalars, by far the common case, go through ``json.dumps``
in one call.
"""

from __future__ import annotations

import base64
import json
import math
from datetime import date, datetime, time, timedelta
from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from allygraph.errors import AllygraphError

# Properties the loaders keep for their own use, not facts: search keys, the curation flag,
# an article's fingerprint, date-typed copies of since/until, and each article's own
# statement of a fact (folded into since/until/role/title). Left out of nodes and
# relationships written to a client (a query may still RETURN one by name).
INTERNAL_PROPERTIES = frozenset(
    {
        "names_text", "name_keys", "name_keys_text", "new", "fingerprint",
        "since_start", "until_start", "sinces", "untils", "roles", "titles",
    }
)  # fmt: skip

_PLAIN = (str, int, bool, type(None))
_SCALAR = (*_PLAIN, float)
_dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


class ValueTooDeep(AllygraphError):
    status = 422
    title = "Value too deep"


class OverBudget(Exception):
    """The text written so far is larger than the budget (not an error for the client)."""


def _shallow(value: Any) -> Any:
    """One level of a Neo4j value as JSON-able data whose children are still raw values."""
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Node):
        return {
            "id": value.element_id,
            "labels": sorted(value.labels),
            "properties": _public(value.items()),
        }
    if isinstance(value, Relationship):
        return {
            "id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "properties": _public(value.items()),
        }
    if isinstance(value, Path):
        return {"nodes": list(value.nodes), "relationships": list(value.relationships)}
    if isinstance(value, DateTime | Date | Time | datetime | date | time):
        return value.isoformat()
    if isinstance(value, Duration):
        return value.iso_format()
    if isinstance(value, timedelta):
        return Duration(seconds=value.total_seconds()).iso_format()
    if isinstance(value, Point):
        point = {"srid": value.srid, "x": value[0], "y": value[1]}
        if len(value) > 2:
            point["z"] = value[2]
        return point
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    if value is None or isinstance(value, dict | list | tuple | str | int):
        return value
    return str(value)


def _public(items: Any) -> dict[str, Any]:
    return {key: value for key, value in items if key not in INTERNAL_PROPERTIES}


def _flat(value: list[Any] | tuple[Any, ...] | dict[Any, Any]) -> str | None:
    """JSON for a list or map of plain scalars in one C call; None when it holds more."""
    items = value.values() if isinstance(value, dict) else value
    if not all(isinstance(item, _SCALAR) for item in items):
        return None
    if isinstance(value, dict) and not all(isinstance(k, str) for k in value):
        return None
    try:
        return _dumps(value)
    except ValueError:  # NaN or infinity, written as strings one by one
        return None


def encode(value: Any, max_depth: int, budget: float = math.inf) -> str:
    """JSON text for one Neo4j value (a row is a map of its columns).

    Raises ``ValueTooDeep`` past ``max_depth`` levels of lists and maps, and ``OverBudget``
    as soon as more than ``budget`` characters are written."""
    parts: list[str] = []
    size = 0
    # Items are text to write as it is, or (value, depth of the container holding it).
    stack: list[str | tuple[Any, int]] = [(value, 0)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            text = item
        else:
            raw, depth = item
            data = _shallow(raw)
            if isinstance(data, dict | list | tuple):
                if depth >= max_depth:
                    raise ValueTooDeep(
                        f"a value nests deeper than {max_depth} levels of lists and maps",
                        reason="depth",
                    )
                flat = _flat(data)
                if flat is not None:
                    text = flat
                else:
                    _push_children(stack, data, depth + 1)
                    text = "{" if isinstance(data, dict) else "["
            else:
                text = _dumps(data)
        parts.append(text)
        size += len(text)
        if size > budget:
            raise OverBudget
    return "".join(parts)


def _push_children(
    stack: list[str | tuple[Any, int]],
    data: dict[Any, Any] | list[Any] | tuple[Any, ...],
    depth: int,
) -> None:
    """Push a container's closing bracket, then its members in reverse (the stack pops them
    in order), with separators and, for maps, keys."""
    if isinstance(data, dict):
        stack.append("}")
        entries = list(data.items())
        for index in range(len(entries) - 1, -1, -1):
            key, child = entries[index]
            stack.append((child, depth))
            stack.append(("," if index else "") + _dumps(str(key)) + ":")
    else:
        stack.append("]")
        for index in range(len(data) - 1, -1, -1):
            stack.append((data[index], depth))
            if index:
                stack.append(",")
