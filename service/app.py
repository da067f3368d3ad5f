"""The FastAPI application: one async driver per process, made in the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from allygraph import __version__
from allygraph.db import create_async_driver
from allygraph.service.problems import install_problem_handlers
from allygraph.service.routes import health
from allygraph.settings import Settings, get_settings

DESCRIPTION = """
Who belongs to which corporate AI alliance, since when, who leads it, which agreements firms
signed and who signed them, and the article sentence behind every fact. Ids are registry
slugs such as `kt`, `lg-uplus`, `ai-one-team`.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.driver = create_async_driver(settings)
        try:
            yield
        finally:
            await app.state.driver.close()

    app = FastAPI(
        title="allygraph",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    install_problem_handlers(app)
    app.include_router(health.router)
    return app
