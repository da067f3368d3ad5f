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
"""

from __future__ import annotations

import asyncio
import base64
import math
import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

import neo4j
from neo4j import AsyncDriver
from neo4j.exceptions import ClientError
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from allygraph.errors import AllygraphError, DatabaseUnavailable, QueryRefused
from allygraph.settings import Settings

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


def to_json(value: Any) -> Any:
    """A Neo4j value as JSON: nodes, relationships and paths as maps, temporal values as ISO
    strings, points as maps, bytes as base64, non-finite floats as strings."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Node):
        return {
            "id": value.element_id,
            "labels": sorted(value.labels),
            "properties": {k: to_json(v) for k, v in value.items()},
        }
    if isinstance(value, Relationship):
        return {
            "id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "properties": {k: to_json(v) for k, v in value.items()},
        }
    if isinstance(value, Path):
        return {
            "nodes": [to_json(n) for n in value.nodes],
            "relationships": [to_json(r) for r in value.relationships],
        }
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
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return str(value)


async def run_read_only(
    driver: AsyncDriver,
    settings: Settings,
    query: str,
    params: dict[str, Any],
    timeout: float | None,
    limit: int | None,
) -> dict[str, Any]:
    """Check and run one user query; the graph is never changed, whatever it says."""
    seconds = min(timeout or settings.neo4j_query_timeout, settings.neo4j_query_timeout)
    rows_max = min(limit or settings.cypher_row_limit, settings.cypher_row_limit)
    database = settings.neo4j_database
    try:
        return await asyncio.wait_for(
            _explain_and_run(driver, database, query, params, seconds, rows_max),
            timeout=seconds + settings.neo4j_connect_timeout * 2,
        )
    except TimeoutError:
        raise QueryTimedOut(f"the query ran past its time limit of {seconds:g} s") from None


async def _explain_and_run(
    driver: AsyncDriver,
    database: str,
    query: str,
    params: dict[str, Any],
    seconds: float,
    rows_max: int,
) -> dict[str, Any]:
    async with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        try:
            tx = await session.begin_transaction(timeout=seconds)
            try:
                explained = await tx.run("EXPLAIN " + query, params)
                summary = await explained.consume()
                check_plan(summary.query_type, summary.plan, database)
                result = await tx.run(query, params)
                columns = list(result.keys())
                rows: list[dict[str, Any]] = []
                truncated = False
                async for record in result:
                    if len(rows) == rows_max:
                        truncated = True
                        break
                    rows.append({k: to_json(v) for k, v in record.items()})
                await result.consume()
            finally:
                # Never commit: even a read that slipped through leaves nothing behind.
                await tx.close()
        except ClientError as exc:
            raise _client_error(exc) from None
        except (OverflowError, ValueError, TypeError) as exc:
            # The driver could not encode a parameter (an integer beyond 64 bits, say).
            raise SyntaxRefused(f"a parameter cannot be sent to Neo4j: {exc}") from None
    return {"columns": columns, "rows": rows, "row_count": len(rows), "truncated": truncated}


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
