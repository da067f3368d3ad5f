"""Source articles: the list, one article with the facts it supports, and ingestion."""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from neo4j import Driver
from pydantic import BaseModel, ConfigDict, Field

from allygraph.errors import AllygraphError, NotFoundError
from allygraph.service.deps import DriverDep, SettingsDep, read
from allygraph.service.problems import NOT_MODIFIED, problem_responses
from allygraph.service.routing import ModelRoute
from allygraph.service.schemas import ArticleDetail, ArticlePage
from allygraph.settings import Settings

router = APIRouter(prefix="/articles", tags=["articles"], route_class=ModelRoute)


class Unauthorized(AllygraphError):
    status = 401
    title = "API key missing"


class Forbidden(AllygraphError):
    status = 403
    title = "Forbidden"


@router.get(
    "",
    response_model=ArticlePage,
    summary="Source articles in id order, paged with a cursor",
    responses={**NOT_MODIFIED, **problem_responses(422, 503)},
)
async def list_articles(
    driver: DriverDep,
    settings: SettingsDep,
    after: Annotated[
        str | None, Query(max_length=200, description="cursor: previous `next`")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> ArticlePage:
    rows = await read(driver, settings, "articles", after=after, limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return ArticlePage.model_validate(
        {"articles": rows, "next": rows[-1]["article"]["id"] if more else None}
    )


@router.get(
    "/{id}",
    response_model=ArticleDetail,
    summary="One article, the entities it mentions and every fact it supports",
    responses={**NOT_MODIFIED, **problem_responses(404, 422, 503)},
)
async def get_article(
    id: Annotated[str, Path(min_length=1, max_length=200)],
    driver: DriverDep,
    settings: SettingsDep,
) -> ArticleDetail:
    rows = await read(driver, settings, "article", id=id)
    if not rows:
        raise NotFoundError(f"no article with id {id!r}; GET /articles lists them")
    return ArticleDetail.model_validate(rows[0])


class ArticleIn(BaseModel):
    """One article to load: its text (plain or HTML) and what is known about it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "KT와 LG전자, LG유플러스가 AI 분야 협력을 위한 동맹을 결성했다.",
                    "title": "KT·LG, AI 동맹",
                    "url": "https://www.ajunews.com/view/20200603155100000",
                    "publisher": "아주경제",
                    "published": "2020-06-03T15:51:00+09:00",
                }
            ]
        },
    )

    text: str = Field(min_length=1)
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    publisher: str | None = Field(None, max_length=200)
    published: datetime | None = None


class Loaded(BaseModel):
    article_id: str
    skipped: bool = Field(description="true when the same article was already loaded")
    entities: int
    relations: int
    graph_version: int | None = None


def check_key(settings: Settings, given: str | None) -> None:
    """Ingestion is off unless API_KEY is set; then the request must send it."""
    if settings.api_key is None:
        raise Forbidden(
            "POST /articles is disabled: no API key is configured on the server (set API_KEY)"
        )
    if not given:
        raise Unauthorized("send the API key in the X-API-Key header")
    if not secrets.compare_digest(given.encode(), settings.api_key.get_secret_value().encode()):
        raise Forbidden("the X-API-Key header does not match the configured key")


def _load(driver: Driver, settings: Settings, body: ArticleIn) -> dict[str, Any]:
    """Extract and write in a worker thread: both block (Kiwi, the sync driver)."""
    from allygraph.loaders.pipeline import extract_text
    from allygraph.loaders.writer import write_extraction

    meta = body.model_dump(exclude={"text"}, exclude_none=True)
    extraction = extract_text(body.text, meta)
    return write_extraction(driver, extraction, settings.neo4j_database).model_dump()


@router.post(
    "",
    response_model=Loaded,
    status_code=201,
    summary="Load one article through the extractor and writer (needs X-API-Key)",
    responses=problem_responses(401, 403, 413, 422, 503),
)
async def post_article(
    body: ArticleIn,
    request: Request,
    settings: SettingsDep,
    # Visible ASCII only: HTTP servers refuse other bytes in a header before we see them.
    x_api_key: Annotated[str | None, Header(max_length=500, pattern=r"^[\x21-\x7e]+$")] = None,
) -> Loaded:
    check_key(settings, x_api_key)
    summary = await run_in_threadpool(_load, request.app.state.write_driver, settings, body)
    request.app.state.graph_version.invalidate()
    return Loaded.model_validate(summary)
