"""Search entities by any spelling: Korean or English name, alias, spaced or not."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from allygraph.service.deps import DriverDep, SettingsDep
from allygraph.service.lookup import search
from allygraph.service.problems import NOT_MODIFIED, problem_responses
from allygraph.service.routing import ModelRoute
from allygraph.service.schemas import SearchResult

router = APIRouter(tags=["search"], route_class=ModelRoute)


@router.get(
    "/search",
    response_model=SearchResult,
    summary="Entities ranked by name match (exact normalised spelling first, then full text)",
    responses={**NOT_MODIFIED, **problem_responses(422, 503)},
)
async def search_entities(
    driver: DriverDep,
    settings: SettingsDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            pattern=r"\S",
            description="a name as people write it: 카이스트, KAIST, 엘지 유플러스, LG U+, SKT",
            examples=["카이스트"],
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> SearchResult:
    matched, rows = await search(driver, settings, q.strip(), limit)
    return SearchResult.model_validate({"q": q, "matched": matched, "hits": rows})
