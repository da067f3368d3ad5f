"""Organisations and people: everything the graph says about one of them, with evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from allygraph.service.deps import DriverDep, SettingsDep
from allygraph.service.freshness import mark_stale
from allygraph.service.lookup import read_one
from allygraph.service.problems import NOT_MODIFIED, problem_responses
from allygraph.service.routing import ModelRoute
from allygraph.service.schemas import OrganizationDetail, PersonDetail

router = APIRouter(tags=["organizations"], route_class=ModelRoute)


@router.get(
    "/organizations/{id}",
    response_model=OrganizationDetail,
    summary="An organisation: names, kind, memberships, agreements, executives, rivals...",
    responses={**NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def get_organization(
    id: Annotated[str, Path(min_length=1, max_length=200, examples=["kt"])],
    driver: DriverDep,
    settings: SettingsDep,
) -> OrganizationDetail:
    detail = OrganizationDetail.model_validate(
        await read_one(driver, settings, "organization", "organization", id)
    )
    mark_stale(detail.rivals, settings)
    return detail


@router.get(
    "/people/{id}",
    response_model=PersonDetail,
    tags=["people"],
    summary="A person: positions with titles, agreements signed, articles",
    responses={**NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def get_person(
    id: Annotated[str, Path(min_length=1, max_length=200, examples=["koo-hyun-mo"])],
    driver: DriverDep,
    settings: SettingsDep,
) -> PersonDetail:
    return PersonDetail.model_validate(await read_one(driver, settings, "person", "person", id))
