"""Source articles: the list (newest first), one article with the facts it supports, and
loading and unloading them (behind the API key)."""

from __future__ import annotations

import base64
import json
import secrets
from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from neo4j import Driver
from pydantic import BaseModel, ConfigDict, Field, model_validator

from allygraph.errors import AllygraphError, IntakeError, NotFoundError
from allygraph.loaders.fetch import is_url
from allygraph.models import Extraction, Published
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


class InvalidCursor(AllygraphError):
    status = 422
    title = "Invalid parameters"


def encode_cursor(article: dict[str, Any]) -> str:
    """The opaque cursor of a page's last row: its publication time and id."""
    raw = json.dumps([article["published"], article["id"]], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, str]:
    """(published, id) from a cursor ``encode_cursor`` made; anything else is a 422."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        published, article_id = json.loads(raw)
        datetime.fromisoformat(published)
        if not isinstance(article_id, str):
            raise TypeError
    except (ValueError, TypeError, UnicodeDecodeError):
        raise InvalidCursor(
            "after: not a cursor of this listing (pass the `next` of the previous page)"
        ) from None
    return published, article_id


@router.get(
    "",
    response_model=ArticlePage,
    summary="Source articles, newest first, paged with a cursor and filtered",
    responses={**NOT_MODIFIED, **problem_responses(422, 503)},
)
async def list_articles(
    driver: DriverDep,
    settings: SettingsDep,
    after: Annotated[
        str | None, Query(max_length=600, description="cursor: the previous page's `next`")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    publisher: Annotated[
        str | None, Query(max_length=200, description="only articles of this publisher")
    ] = None,
    published_from: Annotated[
        date | None, Query(alias="from", description="published on or after this day")
    ] = None,
    published_to: Annotated[
        date | None, Query(alias="to", description="published on or before this day")
    ] = None,
    mentions: Annotated[
        str | None, Query(max_length=200, description="only articles mentioning this entity id")
    ] = None,
) -> ArticlePage:
    if published_from and published_to and published_from > published_to:
        raise InvalidCursor(f"from ({published_from}) is after to ({published_to})")
    after_published, after_id = decode_cursor(after) if after else (None, None)
    rows = await read(
        driver,
        settings,
        "articles",
        after_published=after_published,
        after_id=after_id,
        limit=limit + 1,
        publisher=publisher,
        date_from=published_from.isoformat() if published_from else None,
        date_to=published_to.isoformat() if published_to else None,
        mentions=mentions,
    )
    more = len(rows) > limit
    rows = rows[:limit]
    return ArticlePage.model_validate(
        {"articles": rows, "next": encode_cursor(rows[-1]["article"]) if more else None}
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
    """One article to load: its text (plain or HTML) and what is known about it, or only
    its ``url``: the page is then fetched (http(s), bounded in time, size and redirects:
    ``loaders/fetch.py``) and read like a saved page. Either way the URL, when there is
    one, is the article's identity: a new text at a loaded URL replaces the old version."""

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

    text: str | None = Field(None, min_length=1, description="the article; omit to fetch `url`")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    publisher: str | None = Field(None, max_length=200)
    published: Published | None = None

    @model_validator(mode="after")
    def _text_or_url(self) -> ArticleIn:
        if self.text is None and not (self.url and is_url(self.url)):
            raise ValueError("give the article's text, or an http(s) url to fetch it from")
        return self


class Loaded(BaseModel):
    article_id: str
    status: Literal["new", "unchanged", "replaced"] = Field(
        description="new; unchanged (nothing written); replaced (the article was loaded "
        "with another extraction: its old facts were retracted, the new ones written)"
    )
    skipped: bool = Field(description="true when the same article was already loaded")
    entities: int
    relations: int
    facts_created: int = 0
    facts_updated: int = 0
    facts_retracted: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    replaced_ids: list[str] = Field(
        default_factory=list,
        description="other versions of the article (same URL, other text) it replaced",
    )
    graph_version: int | None = None


class Unloaded(BaseModel):
    """What ``DELETE /articles/{id}`` removed."""

    article_id: str
    title: str | None = None
    facts_retracted: int = Field(description="facts only this article supported: deleted")
    facts_updated: int = Field(description="facts others support too: kept without it")
    mentions_removed: int
    entities_deleted: int = Field(description="entities left with no fact and no mention")
    nodes_deleted: int
    relationships_deleted: int
    graph_version: int | None = None
    override: str | None = Field(
        None, description="a curated override that targeted the article (it stays)"
    )


def check_key(settings: Settings, given: str | None) -> None:
    """Ingestion is off unless API_KEY is set; then the request must send it."""
    if settings.api_key is None:
        raise Forbidden(
            "POST and DELETE /articles are disabled: no API key is configured on the server "
            "(set API_KEY)"
        )
    if not given:
        raise Unauthorized("send the API key in the X-API-Key header")
    if not secrets.compare_digest(given.encode(), settings.api_key.get_secret_value().encode()):
        raise Forbidden("the X-API-Key header does not match the configured key")


def extract_posted(settings: Settings, body: ArticleIn) -> Extraction:
    """What a posted article yields, before anything is written (``POST /articles`` and the
    web app's ingest preview read it the same way): the page fetched when only its address
    is given (public addresses only, unless FETCH_ALLOW_PRIVATE), then the extractor in a
    worker process within the time budget, so an article that would hold the CPU past it
    (long after its client gave up) is refused with 422."""
    from allygraph.loaders.pipeline import extract_text
    from allygraph.loaders.workers import shared_pool

    meta = body.model_dump(exclude={"text"}, exclude_none=True)
    raw: str | bytes
    if body.text is not None:
        raw = body.text
    else:  # fetched here, so the extraction's time budget is the extractor's alone
        from allygraph.loaders.fetch import fetch

        assert body.url is not None  # ArticleIn asks for a text or an address
        page = fetch(
            body.url,
            timeout=settings.fetch_timeout,
            max_bytes=settings.max_article_bytes,
            max_redirects=settings.fetch_max_redirects,
            public_only=not settings.fetch_allow_private,
        )
        raw, meta["url"] = page.body, page.url
    pool = shared_pool(settings.extract_workers, settings.extract_budget_seconds)
    try:
        return pool.run(extract_text, raw, meta)
    except IntakeError as exc:
        if body.text is not None or type(exc) is not IntakeError:  # too complex: as it is
            raise
        raise IntakeError(f"{body.url}: {exc.message.removeprefix('article: ')}") from None


def _load(driver: Driver, settings: Settings, body: ArticleIn) -> dict[str, Any]:
    """Extract and write in a worker thread: both block (Kiwi, the sync driver)."""
    from allygraph.loaders.writer import write_extraction

    extraction = extract_posted(settings, body)
    return write_extraction(driver, extraction, settings.neo4j_database).model_dump()


@router.post(
    "",
    response_model=Loaded,
    status_code=201,
    summary="Load one article through the extractor and writer (needs X-API-Key)",
    responses=problem_responses(401, 403, 413, 422, 502, 503),
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


def _unload(driver: Driver, settings: Settings, article_id: str) -> dict[str, Any]:
    from allygraph.loaders.retract import unload_article

    return unload_article(driver, article_id, settings.neo4j_database).model_dump()


@router.delete(
    "/{id}",
    response_model=Unloaded,
    summary="Unload one article: its node, mentions and evidence (needs X-API-Key)",
    description="Facts only this article supported are deleted, facts others support keep "
    "their other evidence, entities left with no fact and no mention are deleted; one "
    "transaction. An article that is not loaded (unloaded already, say) is a 404 and "
    "changes nothing.",
    responses=problem_responses(401, 403, 404, 422, 503),
)
async def delete_article(
    id: Annotated[str, Path(min_length=1, max_length=200)],
    request: Request,
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(max_length=500, pattern=r"^[\x21-\x7e]+$")] = None,
) -> Unloaded:
    check_key(settings, x_api_key)
    summary = await run_in_threadpool(_unload, request.app.state.write_driver, settings, id)
    request.app.state.graph_version.invalidate()
    return Unloaded.model_validate(summary)
