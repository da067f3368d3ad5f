"""The FastAPI application: one async driver per process, made in the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

from allygraph import __version__
from allygraph.db import create_async_driver, create_driver
from allygraph.service import cache, web
from allygraph.service.middleware import BodyLimitMiddleware, ETagMiddleware
from allygraph.service.problems import install_problem_handlers
from allygraph.service.routes import (
    agreements,
    alliances,
    articles,
    curation,
    cypher,
    graph,
    guide,
    health,
    organizations,
    search,
)
from allygraph.settings import Settings, get_settings

DESCRIPTION = """
Who belongs to which corporate AI alliance, since when, who leads it, which agreements firms
signed and who signed them, and the article sentence behind every fact. Ids are registry
slugs such as `kt`, `lg-uplus`, `ai-one-team`.
"""


SWAGGER_UI = "/static/vendor/swagger-ui/"


def install_docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI served from the app's own origin (vendored in
    ``service/web/static/vendor/swagger-ui/``), so it works with no network. Swagger UI's
    validator badge, the one thing it would fetch from elsewhere, is off."""

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} - API docs",
            swagger_js_url=f"{SWAGGER_UI}swagger-ui-bundle.js?v={__version__}",
            swagger_css_url=f"{SWAGGER_UI}swagger-ui.css?v={__version__}",
            swagger_favicon_url="/static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},
        )


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.driver = create_async_driver(settings)
        # The writer is synchronous; it gets its own driver, made only when ingest is on.
        app.state.write_driver = create_driver(settings) if settings.api_key else None
        app.state.graph_version = versions
        try:
            yield
        finally:
            await app.state.driver.close()
            if app.state.write_driver is not None:
                app.state.write_driver.close()

    app = FastAPI(
        title="allygraph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # Swagger UI from the app's own static files (install_docs); ReDoc would need a CDN.
        docs_url=None,
        redoc_url=None,
    )
    install_problem_handlers(app)
    for module in (
        health,
        alliances,
        organizations,
        agreements,
        search,
        graph,
        articles,
        curation,
        cypher,
        guide,
    ):
        app.include_router(module.router)
    web.install(app)  # the web pages at / and their static files
    install_docs(app)
    # Outermost first: size limits before anything reads a body, ETags before routes run.
    versions = cache.install(app, settings)  # the read cache, inside the ETags (cache.py)
    app.add_middleware(ETagMiddleware, versions=versions)
    app.add_middleware(
        BodyLimitMiddleware,
        limits={"/cypher": cypher.MAX_BODY_BYTES, "/articles": settings.max_article_bytes},
        default=64 * 1024,
    )
    # Neo4j Browser fetches the guide (and may call the API) from its own origin.
    app.add_middleware(
        CORSMiddleware,
        allow_origin_regex=guide.BROWSER_ORIGIN_REGEX,
        allow_methods=["GET", "HEAD", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["ETag"],
    )
    return app
