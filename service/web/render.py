"""Rendering the web pages: one Jinja2 environment, page helpers, and HTML error pages.

The pages are plain server-rendered HTML so that they open fast, work without a build
step, and can be read (and tested) as text. Errors a person can meet on a page (an unknown
id, Neo4j down) are HTML pages in the page's language with a way back, never a JSON
problem or a stack trace.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from neo4j.exceptions import DriverError, Neo4jError
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from allygraph import __version__
from allygraph.errors import DatabaseUnavailable, NotFoundError
from allygraph.service.web.evidence import chronological, day, highlight
from allygraph.service.web.i18n import COOKIE, Labels, pick_lang

log = logging.getLogger("allygraph.web")

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

ORGANIZATION_KINDS = ("Company", "University", "ResearchInstitute", "GovernmentBody")
KINDS = (*ORGANIZATION_KINDS, "Alliance", "Person", "Agreement", "Product")

env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(("html", "svg", "xml")),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.globals.update(highlight=highlight, day=day, chronological=chronological)


def entity_url(entity: Any) -> str | None:
    """The page of an entity (an EntityRef or a dict with ``id`` and ``type``), or None for
    kinds that have no page of their own (products)."""
    kind = _get(entity, "type")
    ident = _get(entity, "id")
    if kind == "Alliance":
        return f"/alliance/{ident}"
    if kind in ORGANIZATION_KINDS:
        return f"/organization/{ident}"
    if kind == "Person":
        return f"/person/{ident}"
    if kind == "Agreement":
        return f"/agreement/{ident}"
    return None


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


def display_name(entity: Any, lang: str) -> str:
    """The name to show: Korean first on Korean pages, English first on English pages,
    the id when the graph has no name."""
    name, name_en = _get(entity, "name"), _get(entity, "name_en")
    first = (name, name_en) if lang == "ko" else (name_en, name)
    return next((n for n in first if n), _get(entity, "id") or "?")


def render_text(request: Request, template: str, context: dict[str, Any]) -> str:
    """A template rendered in the request's language, with the helpers every page uses."""
    lang, _ = pick_lang(request)
    t = Labels(lang)
    base: dict[str, Any] = {
        "request": request,
        "lang": lang,
        "t": t,
        "name": lambda e: display_name(e, lang),
        "url": entity_url,
        "switch_lang": _with_params(request, lang=t.other),
        "version": __version__,
        "stale_days": _stale_days(request),
        "kinds": {k: t(k) for k in KINDS},
    }
    return env.get_template(template).render(**base, **context)


def _stale_days(request: Request) -> str:
    """RIVALRY_STALE_DAYS of the app serving the page (for the stale marks' hint)."""
    settings = getattr(request.app.state, "settings", None) if "app" in request.scope else None
    return str(settings.rivalry_stale_days) if settings else ""


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    """A page in the request's language; ``?lang=`` is remembered in a cookie."""
    lang, chosen = pick_lang(request)
    response = HTMLResponse(render_text(request, template, context), status_code=status)
    # The API's ETags come from the graph version and the URL only; a page also depends on
    # the reader's language, so a browser must not revalidate one language's copy for the
    # other (service/middleware.py answers 304 to a matching tag before any page runs).
    response.headers["Vary"] = "Accept-Language, Cookie"
    if chosen:
        response.set_cookie(COOKIE, lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


def _with_params(request: Request, **changes: str) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    params.extend(changes.items())
    return f"{request.url.path}?{urlencode(params)}"


def error_page(
    request: Request, status: int, message: str, suggestions: list[dict[str, Any]] | None = None
) -> HTMLResponse:
    return render(
        request,
        "error.html",
        {"status": status, "message": message, "suggestions": suggestions or []},
        status=status,
    )


Page = Callable[..., Awaitable[Response]]


def html_page(endpoint: Page) -> Page:
    """Turns the errors a page's queries raise into HTML error pages: 404 with the closest
    names for an unknown id, 503 while Neo4j cannot answer, 500 (logged) for the rest."""

    @functools.wraps(endpoint)
    async def wrapper(request: Request, *args: Any, **kwargs: Any) -> Response:
        try:
            return await endpoint(request, *args, **kwargs)
        except NotFoundError as exc:
            suggestions = exc.extra.get("suggestions")
            return error_page(
                request, 404, exc.message, suggestions if isinstance(suggestions, list) else []
            )
        except (DatabaseUnavailable, Neo4jError, DriverError):
            log.warning("neo4j unavailable for %s", request.url.path)
            return error_page(request, 503, "")
        except Exception:
            log.exception("page %s failed", request.url.path)
            return error_page(request, 500, "")

    return wrapper
