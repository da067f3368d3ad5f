"""Agreements (MOUs and the like): parties, signatories with titles, date, place, aims."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from allygraph.service.deps import DriverDep, SettingsDep, read
from allygraph.service.lookup import not_found
from allygraph.service.problems import NOT_MODIFIED, problem_responses
from allygraph.service.routing import ModelRoute
from allygraph.service.schemas import AgreementList

router = APIRouter(prefix="/agreements", tags=["agreements"], route_class=ModelRoute)


@router.get(
    "",
    response_model=AgreementList,
    summary="Agreements, newest first, optionally those one organisation is party to",
    responses={**NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def list_agreements(
    driver: DriverDep,
    settings: SettingsDep,
    party: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="organisation id", examples=["kt"]),
    ] = None,
) -> AgreementList:
    rows = await read(driver, settings, "agreements", party=party)
    if party is not None and not rows and not await read(driver, settings, "entity", id=party):
        raise await not_found(driver, settings, "organization", party)
    return AgreementList.model_validate({"party": party, "agreements": rows})
