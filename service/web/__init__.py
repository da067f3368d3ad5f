"""The web app for people who are not programmers, served by the API at ``/``.

Server-rendered pages (Jinja2) with a little vanilla JavaScript, all assets served from
``static/`` so the pages work offline and never load anything from another origin.
``install`` mounts the pages and the static files on the API's app.
"""

from __future__ import annotations

import os

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.responses import Response
from starlette.types import Scope

from allygraph.service.web import alliance_pages, ingest, pages
from allygraph.service.web.render import STATIC


class Assets(StaticFiles):
    """Static files whose only validator is the API's ETag (see service/middleware.py, which
    tags every GET): StaticFiles' own ETag would make a second, conflicting header. Pages
    link assets with ``?v=<version>``, which is part of that tag, so a new release is
    fetched anew."""

    def file_response(
        self, full_path: str | os.PathLike[str], stat_result: os.stat_result, scope: Scope,
        status_code: int = 200,
    ) -> Response:  # fmt: skip
        response = super().file_response(full_path, stat_result, scope, status_code)
        for header in ("etag", "last-modified"):
            if header in response.headers:
                del response.headers[header]
        return response


def install(app: FastAPI) -> None:
    app.include_router(pages.router)
    app.include_router(alliance_pages.router)
    app.include_router(ingest.router)
    app.mount("/static", Assets(directory=STATIC), name="static")
