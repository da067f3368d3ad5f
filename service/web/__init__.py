"""The web app for people who are not programmers, served by the API at ``/``.

Server-rendered pages (Jinja2) with a little vanilla JavaScript, all assets served from
``static/`` so the pages work offline and never load anything from another origin.
``install`` mounts the pages and the static files on the API's app.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from allygraph.service.web import alliance_pages, pages
from allygraph.service.web.render import STATIC


def install(app: FastAPI) -> None:
    app.include_router(pages.router)
    app.include_router(alliance_pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
