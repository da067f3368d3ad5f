"""Alliances: the list, one alliance, its members (as of a day, paged), and comparisons."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query

from allygraph.service.deps import DriverDep, SettingsDep, read
from allygraph.service.lookup import not_found, read_one
from allygraph.service.problems import NOT_MODIFIED, problem_responses
from allygraph.service.routing import ModelRoute
from allygraph.service.schemas import (
    AllianceDetail,
    AllianceList,
    Comparison,
    MemberPage,
    OrganizationKind,
)

router = APIRouter(prefix="/alliances", tags=["alliances"], route_class=ModelRoute)

AllianceId = Annotated[
    str,
    Path(min_length=1, max_length=200, description="alliance id", examples=["ai-one-team"]),
]
AsOf = Annotated[
    date | None,
    Query(
        description="a day (YYYY-MM-DD): members who had joined by then (`since`, or "
        "without one `first_seen`, the day an article first reported it) and not yet left",
        examples=["2020-03-01"],
    ),
]


@router.get(
    "",
    response_model=AllianceList,
    summary="Every alliance with leaders, formation date and member counts by kind",
    responses={**NOT_MODIFIED, **problem_responses(503)},
)
async def list_alliances(driver: DriverDep, settings: SettingsDep) -> AllianceList:
    rows = await read(driver, settings, "alliances")
    return AllianceList.model_validate({"alliances": rows})


@router.get(
    "/compare",
    response_model=Comparison,
    summary="Alliances side by side: members, leaders, shared members, rivalries, agreements",
    responses={**NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def compare_alliances(
    driver: DriverDep,
    settings: SettingsDep,
    ids: Annotated[
        list[Annotated[str, Query(min_length=1, max_length=200)]],
        Query(
            min_length=2,
            max_length=10,
            description="2 to 10 alliance ids (repeat the parameter)",
            examples=[["ai-one-team", "ai-super-cooperation"]],
        ),
    ],
    as_of: AsOf = None,
) -> Comparison:
    wanted = list(dict.fromkeys(ids))
    iso = as_of.isoformat() if as_of else None
    rows = await read(driver, settings, "alliance_compare", ids=wanted, as_of=iso)
    row = rows[0] if rows else {"found": []}
    missing = [i for i in wanted if i not in row["found"]]
    if missing:
        raise await not_found(driver, settings, "alliance", missing[0])
    del row["found"]
    return Comparison.model_validate({**row, "as_of": iso, "summary": summarise(row)})


def summarise(row: dict) -> str:  # type: ignore[type-arg]
    """One line a person can read: sizes, shared members, rivalries, joint agreements."""
    sides = "; ".join(
        f"{s['alliance']['name'] or s['alliance']['id']}: {s['member_count']} members"
        + (
            f" led by {', '.join(x['name'] or x['id'] for x in s['leaders'])}"
            if s["leaders"]
            else ""
        )
        for s in row["sides"]
    )
    shared = len(row["shared_members"])
    across = [r for r in row["member_rivalries"] if r["across"]]
    parts = [
        sides,
        f"{shared} shared member{'s' if shared != 1 else ''}" if shared else "no shared members",
        f"{len(row['alliance_rivalries'])} rivalry between the alliances"
        if len(row["alliance_rivalries"]) == 1
        else f"{len(row['alliance_rivalries'])} rivalries between the alliances",
        f"{len(across)} rivalries between members across them",
        f"{len(row['agreements'])} agreements among members",
    ]
    return "; ".join(parts)


@router.get(
    "/{id}",
    response_model=AllianceDetail,
    summary="One alliance: names, leaders with evidence, formation date, counts, rivals",
    responses={**NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def get_alliance(id: AllianceId, driver: DriverDep, settings: SettingsDep) -> AllianceDetail:
    return AllianceDetail.model_validate(
        await read_one(driver, settings, "alliance", "alliance", id)
    )


@router.get(
    "/{id}/members",
    response_model=MemberPage,
    summary="Members with kind, role, since/until and evidence; paged by member id",
    responses={**NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def list_members(
    id: AllianceId,
    driver: DriverDep,
    settings: SettingsDep,
    as_of: AsOf = None,
    kind: Annotated[OrganizationKind | None, Query(description="only members of this kind")] = None,
    after: Annotated[
        str | None,
        Query(max_length=200, description="cursor: the `next` of the previous page"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="members per page")] = 100,
) -> MemberPage:
    iso = as_of.isoformat() if as_of else None
    rows = await read(
        driver, settings, "alliance_members",
        id=id, as_of=iso, kind=kind, after=after, limit=limit + 1,
    )  # fmt: skip
    if not rows:
        known = await read(driver, settings, "entity", id=id)
        if not known or known[0]["entity"]["type"] != "Alliance":
            raise await not_found(driver, settings, "alliance", id)
    more = len(rows) > limit
    rows = rows[:limit]
    return MemberPage.model_validate(
        {
            "alliance": id,
            "as_of": iso,
            "kind": kind,
            "members": rows,
            "next": rows[-1]["member"]["id"] if more else None,
        }
    )
