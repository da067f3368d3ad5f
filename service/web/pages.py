"""The entry pages: home (search and the alliances), search results, and the pages of an
organisation and of a person.

Search is the API's own (``GET /search``: Korean or English names, any spacing or case,
a trailing particle dropped); the home page's suggestions ask that JSON route as the user
types. When exactly one entity matches the words exactly, the results page sends the
reader straight to it: a person typing "AI 원팀" wants the alliance, not a list of one.
"""

from __future__ import annotations

from fastapi import APIRouter
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from allygraph.service.deps import DriverDep, SettingsDep
from allygraph.service.lookup import not_found
from allygraph.service.routes import agreements as api_agreements
from allygraph.service.routes import alliances as api_alliances
from allygraph.service.routes import graph as api_graph
from allygraph.service.routes import organizations as api_organizations
from allygraph.service.routes import search as api_search
from allygraph.service.web import evidence
from allygraph.service.web.render import entity_url, html_page, render

router = APIRouter(include_in_schema=False)

MAX_HITS = 20
MAX_NODES = 150  # more than this is a hairball, not a picture


@router.get("/")
@html_page
async def home(request: Request, driver: DriverDep, settings: SettingsDep) -> Response:
    listing = await api_alliances.list_alliances(driver=driver, settings=settings)
    return render(request, "home.html", {"alliances": listing.alliances, "q": ""})


@router.get("/find")
@html_page
async def find(
    request: Request,
    driver: DriverDep,
    settings: SettingsDep,
    q: str = "",
) -> Response:
    text = q.strip()[:200]
    if not text:
        return RedirectResponse("/", status_code=303)
    result = await api_search.search_entities(
        driver=driver, settings=settings, q=text, limit=MAX_HITS
    )
    exact = [h for h in result.hits if h.exact and entity_url(h.entity)]
    if len(exact) == 1 and "all" not in request.query_params:
        target = entity_url(exact[0].entity)
        assert target is not None
        return RedirectResponse(target, status_code=303)
    return render(request, "find.html", {"q": text, "result": result})


@router.get("/organization/{id}")
@html_page
async def organization_page(
    request: Request, id: str, driver: DriverDep, settings: SettingsDep
) -> Response:
    detail = await api_organizations.get_organization(id=id, driver=driver, settings=settings)
    facts = [
        *detail.memberships, *detail.leads, *detail.agreements, *detail.executives,
        *detail.rivals, *detail.partners, *detail.products,
    ]  # fmt: skip
    sources = await evidence.sources(driver, settings, evidence.article_ids(facts))
    own = [detail.organization.name, detail.organization.name_en, *detail.aliases]
    return render(
        request, "organization.html", {"detail": detail, "sources": sources, "own_names": own}
    )


@router.get("/person/{id}")
@html_page
async def person_page(
    request: Request, id: str, driver: DriverDep, settings: SettingsDep
) -> Response:
    detail = await api_organizations.get_person(id=id, driver=driver, settings=settings)
    sources = await evidence.sources(
        driver, settings, evidence.article_ids([*detail.positions, *detail.signed])
    )
    own = [detail.person.name, detail.person.name_en, *detail.aliases]
    return render(request, "person.html", {"detail": detail, "sources": sources, "own_names": own})


@router.get("/agreement/{id}")
@html_page
async def agreement_page(
    request: Request, id: str, driver: DriverDep, settings: SettingsDep
) -> Response:
    """One agreement: date, place, aims, parties and signatories, each with its evidence.
    It is read from ``GET /agreements`` (the newest 500), which has every field a page
    needs; an agreement older than those 500 is a 404 until the API has a route of its own
    for one agreement."""
    listing = await api_agreements.list_agreements(driver=driver, settings=settings, party=None)
    found = next((a for a in listing.agreements if a.agreement.id == id), None)
    if found is None:
        raise await not_found(driver, settings, "agreement", id)
    facts = [*found.parties, *found.signatories]
    sources = await evidence.sources(driver, settings, evidence.article_ids(facts))
    own = [found.agreement.name, found.agreement.name_en]
    return render(
        request, "agreement.html", {"detail": found, "sources": sources, "own_names": own}
    )


@router.get("/neighbourhood/{id}")
@html_page
async def neighbourhood_page(
    request: Request,
    id: str,
    driver: DriverDep,
    settings: SettingsDep,
    depth: str = "1",
) -> Response:
    """An entity and what it is tied to, as an interactive picture (cytoscape.js, vendored).
    The graph is the API's ``GET /graph`` answer, embedded in the page as JSON."""
    steps = 2 if depth.strip() == "2" else 1  # the page offers 1 and 2; anything else is 1
    graph = await api_graph.neighbourhood(
        driver=driver, settings=settings, center=id, depth=steps, limit=MAX_NODES
    )
    center = next((n for n in graph.nodes if n.id == id), None)
    data = graph.model_dump_json(by_alias=True).replace("<", "\\u003c")
    return render(
        request,
        "neighbourhood.html",
        {"graph": graph, "center": center, "depth": steps, "data": Markup(data)},
    )
