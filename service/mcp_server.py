"""An MCP server for assistants (``allygraph mcp``, stdio), on the official ``mcp`` package.

Tools: ``members``, ``compare``, ``search``, ``organization`` and read-only ``cypher``. Each
calls the API's own route function (``service/routes/``), so the answer is what the HTTP
API answers: the same ``cypher/*.cypher`` files, the same "unknown id" errors with close
matches, and for ``cypher`` every check ``POST /cypher`` applies (size, nesting, operators,
params depth, the concurrency gate, the READ transaction, the plan's deny and allow lists,
the row, byte and time limits). Nothing here is Cypher of its own.

Every fact's evidence gets the citing article's publisher and link beside its title, date
and sentence (``cypher/article_sources.cypher``, once per answer for all cited articles).

Errors come back as tool errors (``isError``) with one line a person can read: the API's
problem title and detail ("Not found: no alliance with id 'x'; did you mean ...?", "Query
refused: ...", "Neo4j unavailable: ..."), never a traceback.

The server process holds the Neo4j credentials of its environment, so whoever can start it
already reads the graph directly: ``CYPHER_REQUIRES_KEY`` (the HTTP endpoint's guard
against network callers) is satisfied with the configured ``API_KEY`` when one is set.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated, Any, ParamSpec, TypeVar

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations
from neo4j import AsyncDriver
from neo4j.exceptions import ClientError, DriverError, Neo4jError
from pydantic import BaseModel, Field, ValidationError
from starlette.datastructures import State
from starlette.requests import Request

from allygraph import __version__
from allygraph.db import create_async_driver
from allygraph.errors import AllygraphError
from allygraph.service.deps import read
from allygraph.service.routes import cypher as cypher_route
from allygraph.service.routes.alliances import compare_alliances, list_members
from allygraph.service.routes.organizations import get_organization
from allygraph.service.routes.search import search_entities
from allygraph.service.schemas import (
    AgreementTie,
    AllianceRivalry,
    Comparison,
    Evidence,
    Executive,
    Leads,
    Member,
    MemberPage,
    MemberRivalry,
    Membership,
    OrganizationDetail,
    OrganizationKind,
    ProductTie,
    Rival,
    SearchResult,
    Tie,
)
from allygraph.settings import Settings, get_settings

log = logging.getLogger("allygraph.mcp")

INSTRUCTIONS = """\
allygraph: a knowledge graph of corporate AI alliances (mostly Korean), built from news
articles. Ids are slugs such as 'kt', 'lg-uplus', 'ai-one-team'; when you only have a
name (Korean or English, any spacing: 'AI 원팀', 'KAIST', '엘지 유플러스'), call search
first. Every fact carries evidence: the article's title, publisher, date, link and the
sentence that says it; cite them. Dates are YYYY-MM-DD; as_of means "who was a member on
that day". cypher runs one read-only query (writes and admin commands are refused).
"""


# --- answers: the API's models, with each evidence entry's publisher and link ----------


class CitedEvidence(Evidence):
    """One article sentence behind a fact: the article (title, publisher, publication time,
    link) and the sentence."""

    publisher: str | None = None
    url: str | None = None


class CitedMember(Member):
    evidence: list[CitedEvidence]


class MembersAnswer(MemberPage):
    members: list[CitedMember]


class CitedAllianceRivalry(AllianceRivalry):
    evidence: list[CitedEvidence]


class CitedMemberRivalry(MemberRivalry):
    evidence: list[CitedEvidence]


class ComparisonAnswer(Comparison):
    alliance_rivalries: list[CitedAllianceRivalry]
    member_rivalries: list[CitedMemberRivalry]


class CitedMembership(Membership):
    evidence: list[CitedEvidence]


class CitedLeads(Leads):
    evidence: list[CitedEvidence]


class CitedAgreementTie(AgreementTie):
    evidence: list[CitedEvidence]


class CitedExecutive(Executive):
    evidence: list[CitedEvidence]


class CitedTie(Tie):
    evidence: list[CitedEvidence]


class CitedRival(Rival):
    evidence: list[CitedEvidence]


class CitedProductTie(ProductTie):
    evidence: list[CitedEvidence]


class OrganizationAnswer(OrganizationDetail):
    memberships: list[CitedMembership]
    leads: list[CitedLeads]
    agreements: list[CitedAgreementTie]
    executives: list[CitedExecutive]
    rivals: list[CitedRival]
    partners: list[CitedTie]
    products: list[CitedProductTie]


def _evidence_lists(value: Any) -> list[list[dict[str, Any]]]:
    """Every ``evidence`` list in a dumped answer, found without recursion."""
    found: list[list[dict[str, Any]]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                if key == "evidence" and isinstance(child, list):
                    found.append(child)
                else:
                    stack.append(child)
        elif isinstance(item, list):
            stack.extend(item)
    return found


async def cite(driver: AsyncDriver, settings: Settings, answer: BaseModel) -> dict[str, Any]:
    """The answer as a dict whose evidence entries carry their article's publisher and
    link, read in one query for every article the answer cites."""
    data = answer.model_dump(by_alias=True)
    lists = _evidence_lists(data)
    ids = list(dict.fromkeys(e["article_id"] for entries in lists for e in entries))
    sources: dict[str, dict[str, Any]] = {}
    if ids:
        rows = await read(driver, settings, "article_sources", ids=ids)
        sources = {row["article"]["id"]: row["article"] for row in rows}
    for entries in lists:
        for entry in entries:
            source = sources.get(entry["article_id"], {})
            entry["publisher"] = source.get("publisher")
            entry["url"] = source.get("url")
    return data


# --- errors -------------------------------------------------------------------------------

P = ParamSpec("P")
R = TypeVar("R")


def _problem(exc: AllygraphError) -> str:
    """An error as the API's problem+json would put it: title, detail, and close matches."""
    text = f"{exc.title}: {exc.message}"
    reason = exc.extra.get("reason")
    if reason:
        text += f" (reason: {reason})"
    return text


def tool_errors(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """Turn the project's errors, Neo4j's and bad arguments into one-line tool errors."""

    @functools.wraps(func)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await func(*args, **kwargs)
        except ToolError:
            raise
        except AllygraphError as exc:
            raise ToolError(_problem(exc)) from None
        except ValidationError as exc:
            detail = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in exc.errors()
            )
            raise ToolError(f"Invalid parameters: {detail[:2000]}") from None
        except ClientError as exc:
            raise ToolError(f"Query error: {exc.message or exc.code}") from None
        except (Neo4jError, DriverError, OSError) as exc:
            log.warning("neo4j unavailable: %s", exc)
            raise ToolError("Neo4j unavailable: Neo4j is not reachable; retry shortly") from None

    return wrapper


# --- the server ---------------------------------------------------------------------------


class _Holder:
    """What the tools share for the life of the server: the driver and, like the API app's
    state, the ad-hoc query gate (``request.app.state.cypher_gate``)."""

    def __init__(self) -> None:
        self.state = State()
        self.driver: AsyncDriver | None = None

    def get_driver(self) -> AsyncDriver:
        if self.driver is None:  # pragma: no cover - the lifespan makes it first
            raise AllygraphError("the server is not started")
        return self.driver


AllianceId = Annotated[
    str,
    Field(min_length=1, max_length=200, description="alliance id, e.g. 'ai-one-team'"),
]
AsOf = Annotated[
    date | None,
    Field(description="a day (YYYY-MM-DD): the members who had joined by then and not yet left"),
]


def build_server(settings: Settings | None = None) -> MCPServer[Any]:
    """The MCP server with its five tools; the Neo4j driver is made when it starts."""
    settings = settings or get_settings()
    holder = _Holder()

    @asynccontextmanager
    async def lifespan(_: MCPServer[Any]) -> AsyncIterator[None]:
        holder.driver = create_async_driver(settings)
        try:
            yield
        finally:
            await holder.driver.close()

    server: MCPServer[Any] = MCPServer(
        "allygraph",
        title="allygraph: corporate AI alliances",
        instructions=INSTRUCTIONS,
        version=__version__,
        lifespan=lifespan,
        log_level="WARNING",
    )
    read_only = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)

    @server.tool(annotations=read_only)
    @tool_errors
    async def members(
        alliance: AllianceId,
        as_of: AsOf = None,
        kind: Annotated[
            OrganizationKind | None, Field(description="only members of this kind")
        ] = None,
        after: Annotated[
            str | None,
            Field(max_length=200, description="cursor: the `next` of the previous answer"),
        ] = None,
    ) -> MembersAnswer:
        """Members of an alliance with kind, role, since/until and, for each membership,
        the evidence (article title, publisher, date, link and sentence). Up to 500 a
        call; `next` is the cursor for more."""
        driver = holder.get_driver()
        page = await list_members(
            id=alliance, driver=driver, settings=settings,
            as_of=as_of, kind=kind, after=after, limit=500,
        )  # fmt: skip
        return MembersAnswer.model_validate(await cite(driver, settings, page))

    @server.tool(annotations=read_only)
    @tool_errors
    async def compare(
        alliances: Annotated[
            list[Annotated[str, Field(min_length=1, max_length=200)]],
            Field(
                min_length=2,
                max_length=10,
                description="2 to 10 alliance ids, e.g. ['ai-one-team', 'ai-super-cooperation']",
            ),
        ],
        as_of: AsOf = None,
    ) -> ComparisonAnswer:
        """Alliances side by side: members by kind, leaders, shared members, rivalries
        between the alliances and between their members (with evidence), agreements among
        members, and a one-line summary."""
        driver = holder.get_driver()
        answer = await compare_alliances(
            driver=driver, settings=settings, ids=alliances, as_of=as_of
        )
        return ComparisonAnswer.model_validate(await cite(driver, settings, answer))

    @server.tool(annotations=read_only)
    @tool_errors
    async def search(
        q: Annotated[
            str,
            Field(
                min_length=1,
                max_length=200,
                pattern=r"\S",
                description="a name as people write it: 카이스트, KAIST, 엘지 유플러스, AI원팀",
            ),
        ],
        limit: Annotated[int, Field(ge=1, le=50)] = 10,
    ) -> SearchResult:
        """Entities (organisations, alliances, people, agreements, products) by any
        spelling, best first: exact normalised matches, then full text. Use it to find ids."""
        return await search_entities(
            driver=holder.get_driver(), settings=settings, q=q, limit=limit
        )

    @server.tool(annotations=read_only)
    @tool_errors
    async def organization(
        id: Annotated[
            str, Field(min_length=1, max_length=200, description="organisation id, e.g. 'kt'")
        ],
    ) -> OrganizationAnswer:
        """Everything the graph says about one organisation: names, kind, memberships,
        alliances it leads, agreements, executives, rivals, partners, products (each with
        evidence) and the articles that mention it."""
        driver = holder.get_driver()
        detail = await get_organization(id=id, driver=driver, settings=settings)
        return OrganizationAnswer.model_validate(await cite(driver, settings, detail))

    @server.tool(annotations=read_only)
    @tool_errors
    async def cypher(
        query: Annotated[str, Field(min_length=1, description="one Cypher statement that reads")],
        params: Annotated[
            dict[str, Any] | None, Field(description="query parameters ($name)")
        ] = None,
        limit: Annotated[
            int | None, Field(ge=1, description="rows; capped at the server's row limit")
        ] = None,
    ) -> cypher_route.CypherOut:
        """Run one read-only Cypher query, with the checks and limits of POST /cypher:
        writes, LOAD CSV, admin commands and most procedures are refused; rows stop at the
        row or size limit (`truncated`). Labels: Entity, Organization, Company, University,
        ResearchInstitute, GovernmentBody, Person, Alliance, Agreement, Product, Article.
        Relationships: MEMBER_OF {since, until, role}, LEADS, PARTY_TO, SIGNED,
        HOLDS_POSITION {title}, COMPETES_WITH, PARTNERS_WITH, DEVELOPS, MENTIONS; each fact
        keeps evidence in article_ids and sentences."""
        body = {"query": query, "params": params or {}, "limit": limit}
        # The HTTP body limit (the API's middleware) holds for the arguments as well.
        if len(json.dumps(body, ensure_ascii=False).encode()) > cypher_route.MAX_BODY_BYTES:
            raise cypher_route.TooLarge(
                f"the query and its params are larger than {cypher_route.MAX_BODY_BYTES} bytes"
            )
        request = Request({"type": "http", "app": holder})
        key = settings.api_key.get_secret_value() if settings.api_key else None
        response = await cypher_route.run_cypher(
            body=cypher_route.CypherIn.model_validate(body),
            request=request,
            driver=holder.get_driver(),
            settings=settings,
            x_api_key=key,
        )
        return cypher_route.CypherOut.model_validate_json(bytes(response.body))

    return server


def run(settings: Settings | None = None) -> None:
    """Serve MCP over stdin/stdout until the client closes it."""
    build_server(settings).run("stdio")
