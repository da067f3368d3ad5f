"""The ingest page over real HTTP: off without a server key, refused without the right
key, a preview that writes nothing, then a load that the other pages show at once."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr

from allygraph.settings import Settings
from tests.conftest import ServerThread, graph_counts
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
    settings = test_settings.model_copy(update={"api_key": SecretStr(KEY)})
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
