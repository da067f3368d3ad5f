"""Alliance pages: one alliance (members as of a day, leaders, agreements, rivals, each
fact with its evidence), its membership timeline (HTML and a downloadable SVG), and
alliances compared side by side.

Every answer comes from the API's own route functions (and so from the same Cypher files
and response models); these pages only arrange it for a reader.
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from allygraph.service.deps import DriverDep, SettingsDep
from allygraph.service.routes import alliances as api
from allygraph.service.schemas import AllianceDetail, Comparison, EntityRef, Member
from allygraph.service.web import compare_chart, evidence
from allygraph.service.web.render import ORGANIZATION_KINDS, html_page, render, render_text
from allygraph.service.web.timeline import layout

router = APIRouter(include_in_schema=False)

MAX_MEMBERS = 500
MAX_COMPARED = 10


def parse_day(value: str | None) -> date | None:
    """The day a date input sent, or None when it is empty or not a date (the page then
    shows today's members rather than an error). Pages take their parameters as plain
    text and make sense of them here, so that a person never meets a JSON 422."""
    try:
        return date.fromisoformat(value.strip()[:10]) if value and value.strip() else None
    except ValueError:
        return None


def chosen(ids: list[str] | None) -> list[str]:
    """The alliance ids asked for, once each, at most MAX_COMPARED."""
    return [i.strip()[:200] for i in dict.fromkeys(ids or []) if i.strip()][:MAX_COMPARED]


def alliance_names(detail: AllianceDetail) -> list[str | None]:
    return [detail.alliance.name, detail.alliance.name_en, *detail.aliases]


def names_of(entity: EntityRef) -> list[str | None]:
    return [entity.name, entity.name_en]


async def all_members(
    driver: Any, settings: Any, id_: str, as_of: date | None
) -> tuple[list[Member], bool]:
    """The alliance's members (the first MAX_MEMBERS by id), and whether there are more:
    a page lists them all at once, and says so when it cannot."""
    page = await api.list_members(
        id=id_, driver=driver, settings=settings, as_of=as_of, kind=None, after=None,
        limit=MAX_MEMBERS,
    )  # fmt: skip
    return page.members, page.next is not None


@router.get("/alliance/{id}")
@html_page
async def alliance_page(
    request: Request,
    id: str,
    driver: DriverDep,
    settings: SettingsDep,
    as_of: str | None = None,
) -> Response:
    day = parse_day(as_of)
    detail = await api.get_alliance(id=id, driver=driver, settings=settings)
    (members, more), own, listing = await asyncio.gather(
        all_members(driver, settings, id, day),
        api.compare_alliances(driver=driver, settings=settings, ids=[id], as_of=day),
        api.list_alliances(driver=driver, settings=settings),
    )
    cited = evidence.article_ids([*members, *detail.leaders, *detail.rivals])
    sources = await evidence.sources(driver, settings, cited)
    names = {m.member.id: m.member for m in members}
    return render(
        request,
        "alliance.html",
        {
            "detail": detail,
            "members": members,
            "more": more,
            "by_kind": _by_kind(members),
            "agreements": own.agreements,
            "party_names": names,
            "others": [a.alliance for a in listing.alliances if a.alliance.id != id],
            "as_of": day.isoformat() if day else "",
            "bad_date": bool(as_of and as_of.strip() and day is None),
            "sources": sources,
            "alliance_names": alliance_names(detail),
            "names_of": names_of,
        },
    )


def _by_kind(members: list[Member]) -> list[tuple[str, list[Member]]]:
    """Members grouped by kind, in the kinds' fixed order (companies first)."""
    order = {k: i for i, k in enumerate(ORGANIZATION_KINDS)}
    kinds = sorted({m.member.type for m in members}, key=lambda k: (order.get(k, 99), k))
    return [(k, [m for m in members if m.member.type == k]) for k in kinds]


async def _timeline(id_: str, driver: Any, settings: Any, as_of: str | None) -> dict[str, Any]:
    day = parse_day(as_of)
    detail = await api.get_alliance(id=id_, driver=driver, settings=settings)
    members, more = await all_members(driver, settings, id_, None)
    chart = layout(members, date.today(), day)
    return {"detail": detail, "chart": chart, "more": more, "as_of": day.isoformat() if day else ""}


@router.get("/alliance/{id}/timeline")
@html_page
async def timeline_page(
    request: Request, id: str, driver: DriverDep, settings: SettingsDep, as_of: str | None = None
) -> Response:
    return render(request, "timeline.html", await _timeline(id, driver, settings, as_of))


@router.get("/alliance/{id}/timeline.svg")
@html_page
async def timeline_svg(
    request: Request, id: str, driver: DriverDep, settings: SettingsDep, as_of: str | None = None
) -> Response:
    """The timeline as a stand-alone SVG file, to put in a report or a slide."""
    context = await _timeline(id, driver, settings, as_of)
    svg = render_text(request, "timeline.svg", {**context, "standalone": True})
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={"Content-Disposition": f'attachment; filename="{id}-timeline.svg"'},
    )


@router.get("/compare")
@html_page
async def compare_page(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    ids: Annotated[list[str] | None, Query()] = None,
    as_of: str | None = None,
) -> Response:
    wanted = chosen(ids)
    day = parse_day(as_of)
    listing = await api.list_alliances(driver=driver, settings=settings)
    context: dict[str, Any] = {
        "choices": [a.alliance for a in listing.alliances],
        "wanted": wanted,
        "as_of": day.isoformat() if day else "",
        "comparison": None,
    }
    if len(wanted) >= 2:
        comparison = await api.compare_alliances(
            driver=driver, settings=settings, ids=wanted, as_of=day
        )
        cited = evidence.article_ids([*comparison.alliance_rivalries, *comparison.member_rivalries])
        context |= {
            "comparison": comparison,
            "chart": compare_chart.layout(comparison),
            "rows": compare_rows(comparison),
            "sources": await evidence.sources(driver, settings, cited),
            "names_of": names_of,
            "entities": _entities(comparison),
        }
    return render(request, "compare.html", context)


def compare_rows(comparison: Comparison) -> list[tuple[str, list[list[EntityRef]]]]:
    """One row per kind of member, one cell per alliance: the members of that kind."""
    kinds = {m.member.type for side in comparison.sides for m in side.members}
    order = {k: i for i, k in enumerate(ORGANIZATION_KINDS)}
    rows = []
    for kind in sorted(kinds, key=lambda k: (order.get(k, 99), k)):
        cells = [
            [m.member for m in side.members if m.member.type == kind] for side in comparison.sides
        ]
        rows.append((kind, cells))
    return rows


def _entities(comparison: Comparison) -> dict[str, EntityRef]:
    """Every alliance and member of the comparison by id, to name the ids it lists."""
    found: dict[str, EntityRef] = {}
    for side in comparison.sides:
        found[side.alliance.id] = side.alliance
        for m in side.members:
            found[m.member.id] = m.member
    return found


@router.get("/compare.svg")
@html_page
async def compare_svg(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    ids: Annotated[list[str] | None, Query()] = None,
    as_of: str | None = None,
) -> Response:
    """The comparison's picture as a stand-alone SVG file."""
    wanted = chosen(ids)
    if len(wanted) < 2:
        return RedirectResponse("/compare", status_code=303)
    day = parse_day(as_of)
    comparison = await api.compare_alliances(
        driver=driver, settings=settings, ids=wanted, as_of=day
    )
    context = {
        "chart": compare_chart.layout(comparison),
        "as_of": day.isoformat() if day else "",
        "standalone": True,
    }
    svg = render_text(request, "compare.svg", context)
    return Response(
        svg,
        media_type="image/svg+xml",
        headers={"Content-Disposition": 'attachment; filename="compare.svg"'},
    )
