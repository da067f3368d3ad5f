"""Agreements (MOUs and the like): parties, signatories with titles, date, place, aims."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from allygraph.service.csv_export import (
    Format,
    csv_response,
    csv_responses,
    json_response,
    wants_csv,
)
from allygraph.service.csv_tables import agreements_table
from allygraph.service.deps import DriverDep, SettingsDep, read
from allygraph.service.lookup import not_found
from allygraph.service.problems import NOT_MODIFIED, problem_responses
from allygraph.service.routing import ModelRoute
from allygraph.service.schemas import AgreementList

router = APIRouter(prefix="/agreements", tags=["agreements"], route_class=ModelRoute)


Party = Annotated[
    str | None,
    Query(min_length=1, max_length=200, description="organisation id", examples=["kt"]),
]
AGREEMENTS_CSV = (
    "agreement_id,agreement_name,agreement_name_en,date,place,objectives,tie,entity_id,"
    "entity_name,entity_name_en,entity_type,titles,latest_evidence,evidence_count,"
    "article_ids,evidence\r\n"
    '…,party,kt,KT,KT Corporation,Company,,2020-06-03,1,ef149b896a3d4f0a,"…"\r\n'
)


@router.get(
    "",
    name="list_agreements",
    response_model=AgreementList,
    summary="Agreements, newest first, optionally those one organisation is party to",
    description="As CSV (`?format=csv` or `Accept: text/csv`) one row per party and per "
    "signatory of each agreement.",
    responses={**csv_responses(AGREEMENTS_CSV), **NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def agreements_route(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    party: Party = None,
    fmt: Format = None,
) -> Response:
    listing = await list_agreements(driver=driver, settings=settings, party=party)
    if wants_csv(request, fmt):
        name = f"{party}-agreements.csv" if party else "agreements.csv"
        return csv_response(*agreements_table(listing), filename=name)
    return json_response(listing)


async def list_agreements(
    driver: DriverDep, settings: SettingsDep, party: str | None = None
) -> AgreementList:
    """The agreements (the route above, and the web pages, ask this)."""
    rows = await read(driver, settings, "agreements", party=party)
    if party is not None and not rows and not await read(driver, settings, "entity", id=party):
        raise await not_found(driver, settings, "organization", party)
    return AgreementList.model_validate({"party": party, "agreements": rows})
