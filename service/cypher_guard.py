"""What ``POST /cypher`` checks before Neo4j sees a query, and how many may run at once.

Why: Neo4j 5.26's Cypher parser recurses once per nesting level (about a dozen Java frames
per bracket, one per ``NOT``) and a long operator chain makes its AST as deep. Past a few
hundred levels the parser overflows its stack, and the server then never answers the
request: the connection hangs until the client gives up. 1,000 nested parentheses, 1,000
``NOT``\\ s or 20,000 ``+`` were enough on our server (measured; the exact point moves with
the JIT). So the text is scanned here, in linear time, and refused with 422 when it nests
deeper than ``cypher_max_depth`` or holds more than ``cypher_max_operators`` operators;
``params`` are held to the same depth. The scan skips string literals, quoted names and
comments, so ``'((('`` in a string never counts.

A scan cannot foresee every way to make a parser slow, so the second line of defence is a
cap on concurrent ad-hoc queries (``AdhocGate``): however many arrive, at most
``cypher_max_concurrent`` hold a driver connection, each for at most its timeout; the rest
are answered 429 at once. The routes users depend on keep the rest of the pool.
"""

from __future__ import annotations

import math
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from allygraph.errors import AllygraphError

# One token at a time, strings, quoted names and comments first so that what is inside them
# is skipped. Unterminated ones run to the end of the text (never rescanned: linear time).
_TOKEN = re.compile(
    r"""
      '(?:[^'\\]|\\.)*(?:'|\Z)              # 'string'
    | "(?:[^"\\]|\\.)*(?:"|\Z)              # "string"
    | `(?:[^`]|``)*(?:`|\Z)                 # `quoted name`
    | //[^\n]*                              # line comment
    | /\*(?:[^*]|\*(?!/))*(?:\*/|\Z)       # block comment
    | (?P<open>[(\[{])
    | (?P<close>[)\]}])
    | (?P<word>\b(?:NOT|CASE|END|AND|OR|XOR|IN|IS|STARTS|ENDS|CONTAINS)\b)
    | (?P<op><>|<=|>=|=~|[-+*/%^=<>])
    """,
    re.VERBOSE | re.IGNORECASE | re.DOTALL,
)
_OPERATOR_WORDS = frozenset({"AND", "OR", "XOR", "IN", "IS", "STARTS", "ENDS", "CONTAINS"})


class QueryTooComplex(AllygraphError):
    """A query, or its parameters, nested too deep or too long to hand to Neo4j."""

    status = 422
    title = "Query too complex"


class TooManyQueries(AllygraphError):
    status = 429
    title = "Too many ad-hoc queries"


def query_shape(
    text: str, max_depth: float = math.inf, max_operators: float = math.inf
) -> tuple[int, int]:
    """(deepest nesting, operators) of a Cypher text, outside strings and comments; the
    scan stops as soon as either passes its limit (a refusal costs a few tokens).

    Nesting counts brackets of all three kinds, ``CASE ... END``, and runs of ``NOT``
    (``NOT NOT x`` nests like ``NOT (NOT x)`` in the parser)."""
    depth = deepest = operators = nots = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind is None:  # a string, a quoted name or a comment
            continue
        word = match.group().upper() if kind == "word" else ""
        if word == "NOT":
            nots += 1  # each NOT of a run is one more level, until the run ends
            operators += 1
            deepest = max(deepest, depth + nots)
        else:
            nots = 0
            if kind == "open" or word == "CASE":
                depth += 1
            elif kind == "close" or word == "END":
                depth = max(depth - 1, 0)
            elif kind == "op" or word in _OPERATOR_WORDS:
                operators += 1
            deepest = max(deepest, depth)
        if deepest > max_depth or operators > max_operators:
            break
    return deepest, operators


def check_query(text: str, max_depth: int, max_operators: int) -> None:
    """Refuse (422) a query Neo4j's parser could choke on, before it is sent."""
    deepest, operators = query_shape(text, max_depth, max_operators)
    if deepest > max_depth:
        raise QueryTooComplex(
            f"the query nests more than {max_depth} levels deep (brackets, CASE, NOT); "
            f"at most {max_depth} are accepted",
            reason="depth",
        )
    if operators > max_operators:
        raise QueryTooComplex(
            f"the query has more than {max_operators} operators; at most {max_operators} "
            "are accepted",
            reason="operators",
        )


def value_depth(value: Any, limit: int) -> int:
    """How deep lists and maps nest in a JSON value, counted without recursion and
    stopping as soon as ``limit`` is passed (so a huge value costs no more than needed)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth) for child in children)
    return deepest


class AdhocGate:
    """At most ``limit`` ad-hoc queries at once; one more is refused at once, not queued.

    Refusing rather than queueing keeps the answer quick (429 with Retry-After) and keeps
    a burst from piling up requests that would all time out anyway. Everything runs on the
    event loop's thread, so a plain counter is enough."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.running = 0

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self.running >= self.limit:
            raise TooManyQueries(
                f"{self.limit} ad-hoc queries are running, the most this server allows "
                "at once; retry shortly",
                retry_after=1,
            )
        self.running += 1
        try:
            yield
        finally:
            self.running -= 1
