"""Pages over real HTTP on the timeline corpus (2020-2022): rivalries nobody has reported
for RIVALRY_STALE_DAYS are marked "not reported lately" on the alliance, organisation and
compare pages, with the hint saying how long; a server with a longer setting marks none.
Every fact's evidence says when it was last reported."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver

from allygraph.settings import Settings
from tests.conftest import ServerThread
from tests.web.corpus import ONE_TEAM, SUPER, load_timeline

ENGLISH = {"Accept-Language": "en-US"}
PAGES = [f"/alliance/{ONE_TEAM}", "/organization/kt", f"/compare?ids={ONE_TEAM}&ids={SUPER}"]


@pytest.fixture(scope="module")
def timeline(driver: Driver) -> Driver:
    return load_timeline(driver)


@pytest.fixture(scope="module")
def web(api_server: ServerThread, timeline: Driver) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_server.url, timeout=30, headers=ENGLISH) as client:
        yield client


@pytest.fixture(scope="module")
def patient_web(test_settings: Settings, timeline: Driver) -> Iterator[httpx.Client]:
    settings = test_settings.model_copy(update={"rivalry_stale_days": 36_500})
    with (
        ServerThread(settings) as server,
        httpx.Client(base_url=server.url, timeout=30, headers=ENGLISH) as client,
    ):
        yield client


def marks(page: str) -> list[str]:
    return re.findall(r'data-stale="(true|false)"', page)


@pytest.mark.parametrize("path", PAGES)
def test_old_rivalries_are_marked_stale(web: httpx.Client, path: str) -> None:
    response = web.get(path)
    assert response.status_code == 200
    page = response.text
    assert marks(page) and set(marks(page)) == {"true"}, path
    badges = re.findall(r'<span class="stale" title="([^"]+)">([^<]+)</span>', page)
    assert len(badges) == len(marks(page))
    hint, label = badges[0]
    assert label == "not reported lately"
    assert "over 730 days" in hint


@pytest.mark.parametrize("path", PAGES)
def test_the_age_is_the_servers_setting(patient_web: httpx.Client, path: str) -> None:
    page = patient_web.get(path).text
    assert marks(page) and set(marks(page)) == {"false"}, path
    assert 'class="stale"' not in page


def test_korean_label_and_latest_report(web: httpx.Client) -> None:
    page = web.get(f"/alliance/{ONE_TEAM}", headers={"Accept-Language": "ko"}).text
    assert ">최근 보도 없음</span>" in page and "730일 넘게" in page
    api = web.get(f"/alliances/{ONE_TEAM}").json()
    (rival,) = [r for r in api["rivals"] if r["entity"]["id"] == SUPER]
    # The page's "last reported" day is the API's latest_evidence of the same fact.
    section = page[page.index('class="rivals"') :]
    assert f"최근 보도 {rival['latest_evidence']}" in section
