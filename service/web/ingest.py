"""The ingest page: paste an article, pick a file (the page reads it into the text box) or
give the article's address, see what the extractor finds in it, then load it.

Preview runs the same pipeline as ``POST /articles`` (``extract_text``: intake, rules,
overrides) without writing; loading calls that route's own function, so a page load is the
API's load (key check, writer, graph version). Both need the API key, typed into the
form: the preview costs the server a parse, and the page is for the people who may load.

The form posts ``application/x-www-form-urlencoded`` (no multipart parser needed), which
the API's default body limit (64 KB) bounds: about 7,000 Korean characters once encoded.
A page fetched from its address is therefore previewed from its HTML (intake reads the
title, outlet and date there) and handed back as its cleaned text and fields, which is
what the load then posts: a news story's text, not the page's hundreds of KB of markup.
Fetching is for key holders only (the server makes the request), http(s) only, with a
time and size limit.
"""

from __future__ import annotations

import urllib.request
from typing import Any
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response

from allygraph.errors import AllygraphError, IntakeError
from allygraph.models import Extraction
from allygraph.service.deps import SettingsDep
from allygraph.service.routes import articles as api_articles
from allygraph.service.web.render import html_page, render

router = APIRouter(include_in_schema=False)

FIELDS = ("text", "title", "publisher", "published", "url")
FORM_MAX_BYTES = 64 * 1024  # the API's default body limit (service/app.py)
FETCH_TIMEOUT = 10.0
FETCH_MAX_BYTES = 2_000_000


async def read_form(request: Request) -> dict[str, str]:
    """The posted form's fields (first value of each), whatever its charset claims: the
    page sends UTF-8."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items() if v}


def article_in(form: dict[str, str]) -> api_articles.ArticleIn:
    values: dict[str, Any] = {k: form[k].strip() for k in FIELDS if form.get(k, "").strip()}
    if "text" in values:
        values["text"] = form["text"]  # the text as typed: intake does its own cleaning
    if len(values.get("published", "")) == 10:  # a date input's day: midnight in Seoul
        values["published"] += "T00:00:00+09:00"
    return api_articles.ArticleIn.model_validate(values)


def _problem(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())[:500]


def fetch_page(url: str) -> bytes:
    """The page at ``url`` (http or https), at most FETCH_MAX_BYTES; IntakeError otherwise."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise IntakeError(f"{url}: only http and https addresses can be fetched")
    request = urllib.request.Request(url, headers={"User-Agent": "allygraph"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as answer:
            body: bytes = answer.read(FETCH_MAX_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise IntakeError(f"{url}: could not be fetched ({exc})") from None
    if len(body) > FETCH_MAX_BYTES:
        raise IntakeError(f"{url}: the page is larger than {FETCH_MAX_BYTES} bytes")
    return body


def from_address(form: dict[str, str]) -> api_articles.ArticleIn:
    """The article at the form's address, with whatever fields the form states."""
    page = fetch_page(form["url"].strip())
    fields = {k: v for k, v in form.items() if k != "text"}
    return article_in({**fields, "text": page.decode("utf-8", errors="replace")})


def as_form(extraction: Extraction, form: dict[str, str]) -> dict[str, str]:
    """The form as the page shows it after a fetch: the article's cleaned text and fields,
    so that loading posts the story, not the page's markup."""
    article = extraction.article
    return {
        **form,
        "text": "\n\n".join(article.paragraphs),
        "title": article.title,
        "publisher": article.publisher or form.get("publisher", ""),
        "published": article.published.date().isoformat(),
        "url": article.url or form.get("url", ""),
    }


def _preview(body: api_articles.ArticleIn) -> Extraction:
    from allygraph.loaders.pipeline import extract_text

    return extract_text(body.text, body.model_dump(exclude={"text"}, exclude_none=True))


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
    fetch = not form.get("text", "").strip() and bool(form.get("url", "").strip())
    try:
        api_articles.check_key(settings, form.get("key") or None)
        if fetch:
            body = await run_in_threadpool(from_address, form)
        else:
            body = article_in(form)
        extraction = await run_in_threadpool(_preview, body)
    except ValidationError as exc:
        return _page(request, settings, form, error=_problem(exc), status=422)
    except AllygraphError as exc:
        return _page(request, settings, form, error=exc.message, status=exc.status)
    if fetch:
        form = as_form(extraction, form)
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
