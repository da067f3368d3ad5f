"""``POST /cypher``: read-only Cypher for power users (see ``service/adhoc.py`` for how
read-only is enforced)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from allygraph.errors import AllygraphError
from allygraph.service.adhoc import run_read_only
from allygraph.service.deps import DriverDep, SettingsDep
from allygraph.service.problems import problem_responses
from allygraph.service.routing import ModelRoute

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
    truncated: bool = Field(description="true when more rows existed than `limit`")


@router.post(
    "/cypher",
    response_model=CypherOut,
    summary="Run one read-only Cypher query (writes, LOAD CSV, admin procedures refused)",
    responses=problem_responses(400, 403, 413, 422, 503, 504),
)
async def run_cypher(body: CypherIn, driver: DriverDep, settings: SettingsDep) -> CypherOut:
    if len(body.query.encode("utf-8")) > MAX_QUERY_BYTES:
        raise TooLarge(f"the query text is larger than {MAX_QUERY_BYTES} bytes")
    result = await run_read_only(
        driver, settings, body.query, body.params, body.timeout, body.limit
    )
    return CypherOut.model_validate(result)
