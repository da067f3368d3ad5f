"""Alliances: the list, one alliance, its members (as of a day, paged), and comparisons."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from allygraph.service.csv_export import (
    Format,
    csv_response,
    csv_responses,
    json_response,
    wants_csv,
)
from allygraph.service.csv_tables import compare_table, members_table
from allygraph.service.deps import DriverDep, SettingsDep, read
from allygraph.service.freshness import mark_stale
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


CompareIds = Annotated[
    list[Annotated[str, Query(min_length=1, max_length=200)]],
    Query(
        min_length=2,
        max_length=10,
        description="2 to 10 alliance ids (repeat the parameter)",
        examples=[["ai-one-team", "ai-super-cooperation"]],
    ),
]
COMPARE_CSV = (
    "as_of,fact,alliance_id,subject_id,subject_name,...\r\n,member,ai-one-team,kt,KT,...\r\n"
)
MEMBERS_CSV = (
    "alliance,as_of,member_id,member_name,member_name_en,member_type,role,since,until,"
    "first_seen,latest_evidence,evidence_count,article_ids,evidence\r\n"
    "ai-one-team,,kt,KT,KT Corporation,Company,leader,2020-02,,2020-06-03,2020-06-03,1,"
    "ef149b896a3d4f0a,\"2020-06-03 KT '기가지니'…: …\"\r\n"
)


@router.get(
    "/compare",
    name="compare_alliances",
    response_model=Comparison,
    summary="Alliances side by side: members, leaders, shared members, rivalries, agreements",
    responses={**csv_responses(COMPARE_CSV), **NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def compare_route(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    ids: CompareIds,
    as_of: AsOf = None,
    fmt: Format = None,
) -> Response:
    comparison = await compare_alliances(driver=driver, settings=settings, ids=ids, as_of=as_of)
    if wants_csv(request, fmt):
        return csv_response(*compare_table(comparison), filename="compare.csv")
    return json_response(comparison)


async def compare_alliances(
    driver: DriverDep, settings: SettingsDep, ids: list[str], as_of: date | None = None
) -> Comparison:
    """The comparison of ``ids`` (the route above, and the web pages and MCP, ask this)."""
    wanted = list(dict.fromkeys(ids))
    iso = as_of.isoformat() if as_of else None
    rows = await read(driver, settings, "alliance_compare", ids=wanted, as_of=iso)
    row = rows[0] if rows else {"found": []}
    missing = [i for i in wanted if i not in row["found"]]
    if missing:
        raise await not_found(driver, settings, "alliance", missing[0])
    del row["found"]
    comparison = Comparison.model_validate({**row, "as_of": iso, "summary": summarise(row)})
    mark_stale([*comparison.alliance_rivalries, *comparison.member_rivalries], settings)
    return comparison


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
    detail = AllianceDetail.model_validate(
        await read_one(driver, settings, "alliance", "alliance", id)
    )
    mark_stale(detail.rivals, settings)
    return detail


Kind = Annotated[OrganizationKind | None, Query(description="only members of this kind")]
After = Annotated[
    str | None,
    Query(max_length=200, description="cursor: the `next` of the previous page"),
]
Limit = Annotated[int, Query(ge=1, le=500, description="members per page")]


@router.get(
    "/{id}/members",
    name="list_members",
    response_model=MemberPage,
    summary="Members with kind, role, since/until and evidence; paged by member id",
    description="As CSV (`?format=csv` or `Accept: text/csv`) one row per member; the "
    'next page, if any, is in the `Link` header (`rel="next"`).',
    responses={**csv_responses(MEMBERS_CSV), **NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def members_route(
    request: Request,
    id: AllianceId,
    driver: DriverDep,
    settings: SettingsDep,
    as_of: AsOf = None,
    kind: Kind = None,
    after: After = None,
    limit: Limit = 100,
    fmt: Format = None,
) -> Response:
    page = await list_members(
        id=id, driver=driver, settings=settings, as_of=as_of, kind=kind, after=after,
        limit=limit,
    )  # fmt: skip
    if not wants_csv(request, fmt):
        return json_response(page)
    more = {}
    if page.next is not None:
        more["Link"] = f'<{request.url.include_query_params(after=page.next)}>; rel="next"'
    return csv_response(*members_table(page), filename=f"{id}-members.csv", **more)


async def list_members(
    id: str,
    driver: DriverDep,
    settings: SettingsDep,
    as_of: date | None = None,
    kind: str | None = None,
    after: str | None = None,
    limit: int = 100,
) -> MemberPage:
    """One page of members (the route above, and the web pages and MCP, ask this)."""
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
