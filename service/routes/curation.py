"""Curation over HTTP: the entities the registry lacks, and merging or renaming one
(behind the API key). The steps are ``loaders/curation.py``'s, as ``allygraph entities
--new``, ``merge-entity`` and ``rename-entity`` run them: a registry edit, the articles
concerned extracted again (which moves the graph version), the step logged in the graph.
Repeating a step changes nothing and answers ``done: false``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from allygraph.errors import NotFoundError
from allygraph.loaders.curation import CurationSummary, merge_entity, rename_entity
from allygraph.service.apikey import require_key
from allygraph.service.deps import DriverDep, SettingsDep, read
from allygraph.service.problems import problem_responses
from allygraph.service.routing import ModelRoute

router = APIRouter(prefix="/entities", tags=["curation"], route_class=ModelRoute)

EntityId = Annotated[str, Path(min_length=1, max_length=200, pattern=r"^[a-z0-9-]+$")]
ApiKey = Annotated[str | None, Header(max_length=500, pattern=r"^[\x21-\x7e]+$")]


class NewEntity(BaseModel):
    id: str
    type: str | None = None
    name: str | None = None
    articles: int = Field(description="articles that mention it")
    example: str | None = Field(None, description="a sentence that names it")


class NewEntities(BaseModel):
    entities: list[NewEntity]


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"into": "kt"}]})
    into: str = Field(min_length=1, max_length=200, pattern=r"^[a-z0-9-]+$")


class RenameIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"name": "KT"}]})
    name: str = Field(min_length=1, max_length=200, pattern=r"\S")


@router.get(
    "/new",
    response_model=NewEntities,
    summary="Entities the registry lacks, most mentioned first, with an example sentence",
    responses=problem_responses(422, 503),
)
async def list_new_entities(
    driver: DriverDep,
    settings: SettingsDep,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 50,
) -> NewEntities:
    rows = await read(driver, settings, "entities_new", limit=limit)
    return NewEntities.model_validate({"entities": rows})


@router.post(
    "/{id}/merge",
    response_model=CurationSummary,
    summary="Merge entity {id} into another (needs X-API-Key)",
    description="{id}'s names become `into`'s aliases in the registry and the articles "
    "naming it are extracted again, so its facts and evidence move to `into`. Repeating it "
    "answers `done: false`. An id neither in the registry, nor in the graph, nor merged "
    "before is a 404.",
    responses=problem_responses(401, 403, 404, 409, 422, 503),
)
async def merge(
    id: EntityId, body: MergeIn, request: Request, settings: SettingsDep, x_api_key: ApiKey = None
) -> CurationSummary:
    require_key(settings, x_api_key, "POST /entities/{id}/merge")
    summary = await run_in_threadpool(
        merge_entity, request.app.state.write_driver, body.into, id, settings.registry_path
    )
    if not summary.done and " is neither in the registry nor in the graph" in summary.message:
        rows = await read(request.app.state.driver, settings, "curation_merged", gone=id)
        if not rows or rows[0]["into"] is None:
            raise NotFoundError(f"entity {id} is neither in the registry nor in the graph")
        summary.message = f"{id} was merged into {rows[0]['into']} already"
    request.app.state.graph_version.invalidate()
    return summary


@router.post(
    "/{id}/rename",
    response_model=CurationSummary,
    summary="Rename entity {id}; the old name stays an alias (needs X-API-Key)",
    description="An entity the registry lacks is added to it under the new name; the "
    "articles naming it are extracted again. Repeating it answers `done: false`.",
    responses=problem_responses(401, 403, 404, 409, 422, 503),
)
async def rename(
    id: EntityId, body: RenameIn, request: Request, settings: SettingsDep, x_api_key: ApiKey = None
) -> CurationSummary:
    require_key(settings, x_api_key, "POST /entities/{id}/rename")
    summary = await run_in_threadpool(
        rename_entity, request.app.state.write_driver, id, body.name.strip(), settings.registry_path
    )
    request.app.state.graph_version.invalidate()
    return summary
