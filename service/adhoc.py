"""Read-only Cypher from users (``POST /cypher``), enforced by the database first.

Three lines of defence, strongest first:

1. The query runs in a transaction opened in READ access mode; Neo4j itself refuses any
   write with ``Neo.ClientError.Statement.AccessMode`` (also a write inside a procedure).
2. Before running, ``EXPLAIN`` must report ``query_type == 'r'`` (refuses schema and
   admin commands, which READ mode would also refuse, with a clearer message).
3. READ mode does not stop reads that reach outside the graph (``LOAD CSV`` fetching a
   URL, a procedure reading files: server-side request forgery) or that look at other
   users' work (``SHOW TRANSACTIONS``). The EXPLAIN plan's operators are checked against
   a deny list, and every ``ProcedureCall`` against an allow list of read procedures; the
   operators' ``@database`` suffix must be the configured database (no ``USE`` elsewhere).

The plan is inspected rather than the text, so comments, odd spacing or string tricks
cannot hide a clause. Rows are fetched up to ``limit + 1`` to report ``truncated``; the
transaction timeout may be lowered by the request, never raised above the setting.

So that no query can hurt the server itself (``service/cypher_guard.py`` checks the text
and caps concurrency before this runs): rows are fetched in small batches and written to
JSON one by one without recursion (``service/encode.py``); a value nested deeper than
``cypher_max_depth`` is a 422, and the answer stops before ``cypher_max_response_bytes``
bytes of rows with ``truncated: true, truncated_by: "bytes"``, so memory stays bounded by
about one batch plus the limit. Chosen over a problem+json because the rows before the cut
are valid and often what was wanted (the same as the row limit). A single value larger than
the driver can hold is beyond this: the driver decodes a record whole.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import AsyncDriver
from neo4j.exceptions import ClientError

from allygraph.errors import AllygraphError, DatabaseUnavailable, QueryRefused
from allygraph.service.breaker import breaker_for
from allygraph.service.encode import OverBudget, ValueTooDeep, encode
from allygraph.settings import Settings

# Records per PULL: the driver holds a whole batch in memory before we see a row.
FETCH_SIZE = 100
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

# Read procedures a user may call. Anything else (apoc.load.*, dbms.*, db.create*, ...)
# is refused before it runs, whatever mode it declares.
ALLOWED_PROCEDURES: frozenset[str] = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
    }
)
# Operators that read outside the graph, run their own transactions, or administer.
_DENIED_OPERATOR = re.compile(
    r"^(LoadCSV|TransactionApply|TransactionForeach|Show.*|Terminate.*|.*Command.*|"
    r"Create.*|Drop.*|DoNothingIfExists.*|Alter.*|Grant.*|Deny.*|Revoke.*|Start.*|Stop.*)$"
)
_PROCEDURE_NAME = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*\(")


class SyntaxRefused(AllygraphError):
    """Cypher that Neo4j cannot parse or plan (a 400, not a refusal)."""

    status = 400
    title = "Invalid Cypher"


class QueryTimedOut(AllygraphError):
    status = 504
    title = "Query timed out"


def plan_operators(plan: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(operator, database, details) for every operator of an EXPLAIN plan, depth first."""
    name, _, database = str(plan.get("operatorType", "")).partition("@")
    details = str(plan.get("args", {}).get("Details") or "")
    yield name, database, details
    for child in plan.get("children", []) or []:
        yield from plan_operators(child)


def check_plan(query_type: str | None, plan: dict[str, Any] | None, database: str) -> None:
    """Raise ``QueryRefused`` unless the planned query only reads this database's graph."""
    if query_type != "r":
        kind = {"w": "writes", "rw": "reads and writes", "s": "changes the schema"}.get(
            query_type or "", "is not a read-only query"
        )
        raise QueryRefused(
            f"the query {kind}; this endpoint only runs read-only Cypher",
            reason="not-read-only",
        )
    if plan is None:
        raise QueryRefused("Neo4j gave no plan for the query", reason="no-plan")
    for operator, db, details in plan_operators(plan):
        if db and db != database:
            raise QueryRefused(
                f"the query reads database {db!r}; only {database!r} is served",
                reason="other-database",
            )
        if _DENIED_OPERATOR.match(operator):
            raise QueryRefused(
                f"the query uses {operator}, which is not allowed here "
                "(LOAD CSV, CALL ... IN TRANSACTIONS, SHOW/TERMINATE and admin commands)",
                reason="operator",
                operator=operator,
            )
        if operator == "ProcedureCall":
            match = _PROCEDURE_NAME.match(details)
            procedure = match.group(1) if match else details
            if procedure not in ALLOWED_PROCEDURES:
                raise QueryRefused(
                    f"procedure {procedure} is not allowed; allowed: "
                    + ", ".join(sorted(ALLOWED_PROCEDURES)),
                    reason="procedure",
                    operator=procedure,
                )


async def run_read_only(
    driver: AsyncDriver,
    settings: Settings,
    query: str,
    params: dict[str, Any],
    timeout: float | None,
    limit: int | None,
) -> bytes:
    """Check and run one user query; the graph is never changed, whatever it says.

    Returns the JSON answer (``CypherOut``) as bytes, written row by row: rows stop at the
    row limit or when the next row would take the rows past ``cypher_max_response_bytes``;
    either way ``truncated`` is true and ``truncated_by`` says which limit cut it.
    """
    seconds = min(timeout or settings.neo4j_query_timeout, settings.neo4j_query_timeout)
    rows_max = min(limit or settings.cypher_row_limit, settings.cypher_row_limit)
    shape = _Shape(rows_max, settings.cypher_max_response_bytes, settings.cypher_max_depth)
    breaker = breaker_for(driver, settings.neo4j_breaker_interval)
    try:
        async with breaker.guard():
            return await asyncio.wait_for(
                _explain_and_run(driver, settings.neo4j_database, query, params, seconds, shape),
                timeout=seconds + settings.neo4j_connect_timeout * 2,
            )
    except TimeoutError:
        # Not an outage for the breaker: a user's query must not hold it open for everyone.
        raise QueryTimedOut(f"the query ran past its time limit of {seconds:g} s") from None


@dataclass(frozen=True)
class _Shape:
    rows: int
    bytes: int
    depth: int


async def _explain_and_run(
    driver: AsyncDriver,
    database: str,
    query: str,
    params: dict[str, Any],
    seconds: float,
    shape: _Shape,
) -> bytes:
    # Small fetches: the driver buffers a whole batch, and rows may be large.
    async with driver.session(
        database=database, default_access_mode=neo4j.READ_ACCESS, fetch_size=FETCH_SIZE
    ) as session:
        try:
            tx = await session.begin_transaction(timeout=seconds)
            try:
                try:
                    explained = await tx.run("EXPLAIN " + query, params)
                except (OverflowError, ValueError, TypeError) as exc:
                    # The driver could not encode a parameter (an integer beyond 64 bits).
                    raise SyntaxRefused(f"a parameter cannot be sent to Neo4j: {exc}") from None
                summary = await explained.consume()
                check_plan(summary.query_type, summary.plan, database)
                result = await tx.run(query, params)
                columns = list(result.keys())
                rows: list[bytes] = []
                size = 0
                truncated_by: str | None = None
                async for record in result:
                    if len(rows) == shape.rows:
                        truncated_by = "rows"
                        break
                    row = _row(dict(record.items()), shape.depth, shape.bytes - size)
                    if row is None or size + len(row) > shape.bytes:
                        truncated_by = "bytes"
                        break
                    rows.append(row)
                    size += len(row) + 1
            finally:
                # Never commit: even a read that slipped through leaves nothing behind.
                # Closing also drops the rows not fetched yet.
                await tx.close()
        except ClientError as exc:
            raise _client_error(exc) from None
        except RecursionError:
            # The driver decodes values recursively; a value that deep is refused.
            raise ValueTooDeep("a value nests too deep to be read", reason="depth") from None
    return b"".join(
        (
            b'{"columns":',
            _dumps(columns).encode(),
            b',"rows":[',
            b",".join(rows),
            f'],"row_count":{len(rows)},"truncated":{_dumps(truncated_by is not None)},'
            f'"truncated_by":{_dumps(truncated_by)}}}'.encode(),
        )
    )


def _row(values: dict[str, Any], depth: int, budget: int) -> bytes | None:
    """One row as JSON bytes; None when it alone is larger than ``budget`` bytes (checked
    on characters while writing, which never exceed bytes, so a huge row stops early)."""
    try:
        return encode(values, depth, budget).encode("utf-8")
    except OverBudget:
        return None


def _client_error(exc: ClientError) -> AllygraphError:
    code = exc.code or ""
    message = (exc.message or code).splitlines()[0][:500]
    if "AccessMode" in code or "Forbidden" in code or "Security" in code:
        return QueryRefused(f"Neo4j refused the query: {message}", reason="access-mode")
    if "TransactionTimedOut" in code or "Transaction.Terminated" in code:
        return QueryTimedOut("the query ran past its time limit")
    if "ExternalResource" in code:
        return QueryRefused(f"Neo4j refused the query: {message}", reason="external-resource")
    if "Procedure" in code and "NotFound" in code:
        return SyntaxRefused(message, code=code)
    if "Database" in code and "NotFound" in code:
        return QueryRefused(message, reason="other-database")
    if code.startswith("Neo.ClientError."):
        return SyntaxRefused(message, code=code)
    return DatabaseUnavailable(message)
