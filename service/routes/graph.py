"""Connections: shortest paths between two entities, and a neighbourhood to draw."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from allygraph.service.deps import DriverDep, SettingsDep, read
from allygraph.service.lookup import not_found
from allygraph.service.problems import NOT_MODIFIED, problem_responses
from allygraph.service.routing import ModelRoute
from allygraph.service.schemas import Graph, PathResult

router = APIRouter(tags=["graph"], route_class=ModelRoute)

EntityId = Annotated[str, Query(min_length=1, max_length=200)]


@router.get(
    "/paths",
    response_model=PathResult,
    response_model_by_alias=True,
    summary="Shortest connections between two entities, with relationship types",
    responses={**NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def shortest_paths(
    driver: DriverDep,
    settings: SettingsDep,
    from_: Annotated[str, Query(alias="from", min_length=1, max_length=200, examples=["lg-uplus"])],
    to: Annotated[str, Query(min_length=1, max_length=200, examples=["sk-telecom"])],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
) -> PathResult:
    for id_ in (from_, to):
        if not await read(driver, settings, "entity", id=id_):
            raise await not_found(driver, settings, "entity", id_)
    rows = await read(driver, settings, "paths", **{"from": from_, "to": to, "max_hops": max_hops})
    return PathResult.model_validate({"from": from_, "to": to, "max_hops": max_hops, "paths": rows})


@router.get(
    "/graph",
    response_model=Graph,
    summary="Nodes and edges around one entity, for drawing (at most `limit` nodes)",
    responses={**NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def neighbourhood(
    driver: DriverDep,
    settings: SettingsDep,
    center: Annotated[str, Query(min_length=1, max_length=200, examples=["ai-one-team"])],
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    limit: Annotated[int, Query(ge=2, le=500, description="most nodes returned")] = 200,
) -> Graph:
    # One extra node tells whether the limit cut the neighbourhood.
    rows = await read(
        driver, settings, "graph_neighbourhood", center=center, depth=depth, limit=limit + 1
    )
    if not rows:
        raise await not_found(driver, settings, "entity", center)
    row = rows[0]
    nodes = row["nodes"]
    truncated = len(nodes) > limit
    if truncated:
        nodes = nodes[:limit]
        kept = {n["id"] for n in nodes}
        row["edges"] = [e for e in row["edges"] if e["from"] in kept and e["to"] in kept]
    return Graph.model_validate(
        {"center": center, "depth": depth, "nodes": nodes, "edges": row["edges"],
         "truncated": truncated}
    )  # fmt: skip
