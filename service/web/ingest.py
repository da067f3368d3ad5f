"""The ingest page: paste an article, pick a file (the page reads it into the text box) or
give the article's address, see what the extractor finds in it, then load it.

Preview runs the same pipeline as ``POST /articles`` (``extract_text``: intake, rules,
overrides) without writing; loading calls that route's own function, so a page load is the
API's load (key check, writer, graph version). Both need the API key, typed into the
form: the preview costs the server a parse, and the page is for the people who may load.

The form posts ``application/x-www-form-urlencoded`` (no multipart parser needed), which
the API's default body limit (64 KB) bounds: about 7,000 Korean characters once encoded.
Given only an address, the page is fetched (by the server, as ``POST /articles`` fetches
it: http(s), bounded in time, size and redirects) and previewed; loading then posts the
address alone, so the API fetches it once more and loads what was previewed, and the
page's markup never has to fit in the form.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response

from allygraph.errors import AllygraphError
from allygraph.models import Extraction
from allygraph.service.deps import SettingsDep
from allygraph.service.routes import articles as api_articles
from allygraph.service.web.render import html_page, render
from allygraph.settings import Settings

router = APIRouter(include_in_schema=False)

FIELDS = ("text", "title", "publisher", "published", "url")
FORM_MAX_BYTES = 64 * 1024  # the API's default body limit (service/app.py)


async def read_form(request: Request) -> dict[str, str]:
    """The posted form's fields (first value of each), whatever its charset claims: the
    page sends UTF-8."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items() if v}


def article_in(form: dict[str, str]) -> api_articles.ArticleIn:
    values: dict[str, Any] = {k: form[k].strip() for k in FIELDS if form.get(k, "").strip()}
    if "text" in values:
        values["text"] = form["text"]  # the text as typed: intake does its own cleaning
    # Without a text the address is what to read: ArticleIn then asks for an http(s) one.
    if len(values.get("published", "")) == 10:  # a date input's day: midnight in Seoul
        values["published"] += "T00:00:00+09:00"
    return api_articles.ArticleIn.model_validate(values)


def _problem(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())[:500]


def extract_preview(settings: Settings, body: api_articles.ArticleIn) -> Extraction:
    """What ``POST /articles`` would write for ``body``, read by the route's own
    ``extract_posted`` (fetch, extractor pool, time budget), but not written."""
    return api_articles.extract_posted(settings, body)


def _page(
    request: Request, settings: Any, form: dict[str, str], status: int = 200, **extra: Any
) -> Response:
    context = {
        "form": form,
        "enabled": settings.api_key is not None,
        "max_bytes": FORM_MAX_BYTES,
        **extra,
    }
    return render(request, "ingest.html", context, status=status)


@router.get("/ingest")
@html_page
async def ingest_form(request: Request, settings: SettingsDep) -> Response:
    return _page(request, settings, {})


@router.post("/ingest/preview")
@html_page
async def ingest_preview(request: Request, settings: SettingsDep) -> Response:
    form = await read_form(request)
    try:
        api_articles.check_key(settings, form.get("key") or None)
        body = article_in(form)
        extraction = await run_in_threadpool(extract_preview, settings, body)
    except ValidationError as exc:
        return _page(request, settings, form, error=_problem(exc), status=422)
    except AllygraphError as exc:
        return _page(request, settings, form, error=exc.message, status=exc.status)
    names = {e.id: e for e in extraction.entities}
    return _page(request, settings, form, extraction=extraction, names=names)


@router.post("/ingest/load")
@html_page
async def ingest_load(request: Request, settings: SettingsDep) -> Response:
    form = await read_form(request)
    try:
        body = article_in(form)
        loaded = await api_articles.post_article(
            body=body, request=request, settings=settings, x_api_key=form.get("key") or None
        )
    except ValidationError as exc:
        return _page(request, settings, form, error=_problem(exc), status=422)
    except AllygraphError as exc:
        return _page(request, settings, form, error=exc.message, status=exc.status)
    return _page(request, settings, form, loaded=loaded)
