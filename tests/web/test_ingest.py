"""The ingest page over real HTTP: off without a server key, refused without the right
key, a preview that writes nothing, then a load that the other pages show at once."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr

from allygraph.settings import Settings
from tests.conftest import ROOT, ServerThread, graph_counts
from tests.web.corpus import TIMELINE

KEY = "web-s3cret"
ARTICLE = TIMELINE / "2020-06-03-newsis-lg-joins-ai-one-team.txt"
FORM = {
    "text": ARTICLE.read_text(encoding="utf-8"),
    "title": "LG전자·LG유플러스, KT 'AI 원팀' 합류",
    "publisher": "뉴시스",
    "published": "2020-06-03",
}


@pytest.fixture
def keyed(test_settings: Settings, graph: Driver) -> Iterator[httpx.Client]:
    """A client of an API that has an ingest key, on an empty graph."""
    # The news site of these tests is on loopback, which the API fetches only when allowed.
    settings = test_settings.model_copy(
        update={"api_key": SecretStr(KEY), "fetch_allow_private": True}
    )
    with ServerThread(settings) as server, httpx.Client(base_url=server.url, timeout=60) as web:
        web.headers["Accept-Language"] = "en"
        yield web


def test_ingest_is_off_without_a_server_key(api: httpx.Client) -> None:
    page = api.get("/ingest", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    assert "Adding articles is off" in page.text and "API_KEY" in page.text
    refused = api.post("/ingest/preview", data={**FORM, "key": "anything"})
    assert refused.status_code == 403 and "no API key is configured" in refused.text


@pytest.mark.parametrize(("key", "status"), [("", 401), ("wrong", 403)])
def test_preview_needs_the_key(keyed: httpx.Client, key: str, status: int) -> None:
    page = keyed.post("/ingest/preview", data={**FORM, "key": key})
    assert page.status_code == status
    assert page.headers["content-type"].startswith("text/html")
    assert 'class="error-message"' in page.text
    assert "AI 원팀" in page.text  # the text typed is kept in the form


def test_preview_shows_what_would_be_extracted_and_writes_nothing(
    keyed: httpx.Client, graph: Driver
) -> None:
    page = keyed.post("/ingest/preview", data={**FORM, "key": KEY})
    assert page.status_code == 200, page.text[:500]
    entities = set(re.findall(r'<tr data-entity="([^"]+)"', page.text))
    assert {"kt", "lg-uplus", "lg-electronics", "ai-one-team"} <= entities
    assert '<tr data-relation="MEMBER_OF">' in page.text
    assert "<mark>" in page.text
    assert 'formaction="/ingest/load"' in page.text
    assert graph_counts(graph) == (0, 0)


def test_load_then_the_alliance_page_shows_it(keyed: httpx.Client) -> None:
    page = keyed.post("/ingest/load", data={**FORM, "key": KEY})
    assert page.status_code == 200, page.text[:500]
    assert re.search(r'<dd class="load-status">new</dd>', page.text)
    alliance = keyed.get("/alliance/ai-one-team")
    assert alliance.status_code == 200
    assert '<tr data-member="lg-uplus"' in alliance.text
    again = keyed.post("/ingest/load", data={**FORM, "key": KEY})
    assert re.search(r'<dd class="load-status">unchanged</dd>', again.text)


def test_an_empty_text_is_explained(keyed: httpx.Client) -> None:
    page = keyed.post("/ingest/preview", data={"text": "", "key": KEY})
    assert page.status_code == 422
    assert 'class="error-message"' in page.text and "text" in page.text


@pytest.fixture(scope="module")
def news_site() -> Iterator[str]:
    """The saved news pages of tests/data/pages, served on a loopback port."""
    handler = functools.partial(
        type("Quiet", (SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}),
        directory=str(ROOT / "tests" / "data" / "pages"),
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    thread.join(timeout=10)


def test_preview_fetches_the_page_at_an_address_then_loads_it(
    keyed: httpx.Client, news_site: str, graph: Driver
) -> None:
    url = f"{news_site}/yonhap-garam-nuri-genai.html"
    page = keyed.post("/ingest/preview", data={"url": url, "key": KEY})
    assert page.status_code == 200, page.text[:800]
    preview = page.text.split('<section class="preview">')[1]
    story = preview.split('<details class="article-text">')[1].split("</details>")[0]
    assert "<p>" in story and "&lt;script" not in story  # the story, not the page's markup
    assert re.findall(r'<tr data-entity="([^"]+)"', preview)
    assert graph_counts(graph) == (0, 0)
    # Loading posts the address alone: the API fetches it again and loads what was shown.
    loaded = keyed.post("/ingest/load", data={"url": url, "key": KEY})
    shown = loaded.text.split("<main>")[1][:600]
    assert re.search(r'<dd class="load-status">new</dd>', loaded.text), shown
    assert graph_counts(graph)[0] > 0


def test_addresses_that_cannot_be_read_are_explained(keyed: httpx.Client, news_site: str) -> None:
    missing = keyed.post("/ingest/preview", data={"url": f"{news_site}/nothing.html", "key": KEY})
    assert missing.status_code == 502 and "404" in missing.text
    assert 'class="error-message"' in missing.text
    other = keyed.post("/ingest/preview", data={"url": "file:///etc/passwd", "key": KEY})
    assert other.status_code == 422 and "http(s) url" in other.text


def test_private_addresses_are_refused_as_the_api_refuses_them(
    test_settings: Settings, graph: Driver, news_site: str
) -> None:
    settings = test_settings.model_copy(update={"api_key": SecretStr(KEY)})
    with ServerThread(settings) as server, httpx.Client(base_url=server.url, timeout=60) as web:
        url = f"{news_site}/yonhap-garam-nuri-genai.html"
        page = web.post("/ingest/preview", data={"url": url, "key": KEY})
    assert page.status_code >= 400 and "non-public network" in page.text
    assert graph_counts(graph) == (0, 0)
