"""``POST /cypher``: read-only Cypher for power users (see ``service/adhoc.py`` for how
read-only is enforced, ``service/cypher_guard.py`` for what keeps it from hurting the server).

Checks run cheapest first and all before Neo4j is asked: the key (when
``cypher_requires_key``), the text's size (413), its nesting and operators (422), the
depth of ``params`` (422), then a free slot among ``cypher_max_concurrent`` (429).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from allygraph.errors import AllygraphError
from allygraph.service.adhoc import run_read_only
from allygraph.service.apikey import require_key
from allygraph.service.cypher_guard import AdhocGate, QueryTooComplex, check_query, value_depth
from allygraph.service.deps import DriverDep, SettingsDep
from allygraph.service.problems import problem_responses
from allygraph.service.routing import ModelRoute
from allygraph.settings import Settings

router = APIRouter(tags=["cypher"], route_class=ModelRoute)

MAX_QUERY_BYTES = 64 * 1024
# The whole body: the query plus its parameters.
MAX_BODY_BYTES = 256 * 1024


class TooLarge(AllygraphError):
    status = 413
    title = "Request too large"


class CypherIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "query": "MATCH (o)-[r:MEMBER_OF]->(:Alliance {id: $id}) "
                    "RETURN o.name AS name, r.role AS role ORDER BY name",
                    "params": {"id": "ai-one-team"},
                    "timeout": 5,
                    "limit": 100,
                }
            ]
        },
    )

    query: str = Field(min_length=1, description="one Cypher statement that only reads")
    params: dict[str, Any] = Field(default_factory=dict)
    timeout: float | None = Field(
        None, gt=0, le=3600, description="seconds; capped at the server's query timeout"
    )
    limit: int | None = Field(None, ge=1, description="rows; capped at the server's row limit")


class CypherOut(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    row_count: int
    truncated: bool = Field(
        description="true when more rows existed than were sent (see `truncated_by`)"
    )
    truncated_by: Literal["rows", "bytes"] | None = Field(
        None,
        description="`rows`: more rows than `limit`; `bytes`: the next row would have taken "
        "the answer past the server's size limit (CYPHER_MAX_RESPONSE_BYTES)",
    )


def adhoc_gate(request: Request, settings: Settings) -> AdhocGate:
    """The process's gate, made on first use (one per app, on its event loop)."""
    gate: AdhocGate | None = getattr(request.app.state, "cypher_gate", None)
    if gate is None:
        gate = request.app.state.cypher_gate = AdhocGate(settings.cypher_max_concurrent)
    return gate


@router.post(
    "/cypher",
    response_model=CypherOut,
    summary="Run one read-only Cypher query (writes, LOAD CSV, admin procedures refused)",
    responses=problem_responses(400, 401, 403, 413, 422, 429, 503, 504),
)
async def run_cypher(
    body: CypherIn,
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(max_length=500, pattern=r"^[\x21-\x7e]+$")] = None,
) -> Response:
    if settings.cypher_requires_key:
        require_key(settings, x_api_key, "POST /cypher")
    if len(body.query.encode("utf-8")) > MAX_QUERY_BYTES:
        raise TooLarge(f"the query text is larger than {MAX_QUERY_BYTES} bytes")
    check_query(body.query, settings.cypher_max_depth, settings.cypher_max_operators)
    depth = value_depth(body.params, settings.cypher_max_depth)
    if depth > settings.cypher_max_depth:
        raise QueryTooComplex(
            f"params nest more than {settings.cypher_max_depth} levels of lists and maps",
            reason="params-depth",
        )
    async with adhoc_gate(request, settings).slot():
        answer = await run_read_only(
            driver, settings, body.query, body.params, body.timeout, body.limit
        )
    return Response(answer, media_type="application/json")
