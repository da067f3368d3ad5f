"""The web pages over real HTTP on the timeline corpus: each page answers HTML with the
names a reader looks for, unknown ids get an HTML 404 that suggests the right one, and
nothing of the web app leaks into the API's OpenAPI description."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver

from tests.conftest import ServerThread
from tests.web.corpus import FOUNDERS, LATER, LG, ONE_TEAM, SUPER, load_timeline


@pytest.fixture(scope="module")
def web(api_server: ServerThread, driver: Driver) -> Iterator[httpx.Client]:
    """A client of the API's web pages on the timeline graph (read-only for these tests)."""
    load_timeline(driver)
    with httpx.Client(base_url=api_server.url, timeout=30) as client:
        yield client


def html(response: httpx.Response, status: int = 200) -> str:
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def member_rows(page: str) -> list[str]:
    return re.findall(r'<tr data-member="([^"]+)"', page)


def test_home_lists_the_alliances_with_links(web: httpx.Client) -> None:
    page = html(web.get("/", headers={"Accept-Language": "ko-KR,ko;q=0.9"}))
    assert 'lang="ko"' in page
    assert "AI 원팀" in page and "AI 초협력" in page
    assert f'href="/alliance/{ONE_TEAM}"' in page
    assert f'href="/alliance/{SUPER}/timeline"' in page
    assert "/static/app.css" in page and "/static/app.js" in page
    for example in re.findall(r'<a href="(/find\?q=[^"]+)"', page):
        assert web.get(example, follow_redirects=False).status_code == 303, example  # found


def test_language_follows_the_browser_then_the_switch(web: httpx.Client) -> None:
    response = web.get("/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert response.headers["vary"] == "Accept-Language, Cookie"  # no 304 across languages
    english = html(response)
    assert 'lang="en"' in english and "Alliances" in english
    with httpx.Client(base_url=web.base_url, timeout=30) as reader:  # its own cookie jar
        switched = reader.get("/?lang=ko", headers={"Accept-Language": "en-US"})
        assert 'lang="ko"' in html(switched)
        assert switched.cookies.get("allygraph_lang") == "ko"
        kept = reader.get("/", headers={"Accept-Language": "en-US"})
        assert 'lang="ko"' in html(kept)


@pytest.mark.parametrize("q", ["AI 원팀", "ai원팀", "AI One Team", "  ai one team "])
def test_search_finds_the_alliance_whatever_the_spacing_and_case(web: httpx.Client, q: str) -> None:
    response = web.get("/find", params={"q": q}, follow_redirects=False)
    assert response.status_code == 303, response.text[:300]
    assert response.headers["location"] == f"/alliance/{ONE_TEAM}"


def test_search_lists_several_hits_and_says_when_none(web: httpx.Client) -> None:
    listed = html(web.get("/find", params={"q": "AI 원팀", "all": "1"}))
    assert f'href="/alliance/{ONE_TEAM}"' in listed
    nothing = html(
        web.get("/find", params={"q": "zzqx nothing like it"}, headers={"Accept-Language": "en"})
    )
    assert "Nothing found" in nothing
    assert web.get("/find", params={"q": " "}, follow_redirects=False).status_code == 303


def test_alliance_page_as_of_a_day(web: httpx.Client) -> None:
    page = html(web.get(f"/alliance/{ONE_TEAM}", params={"as_of": "2020-07-01"}))
    assert sorted(member_rows(page)) == sorted(FOUNDERS + LG)
    assert 'value="2020-07-01"' in page
    assert "KT" in page  # the leader
    assert f'href="/compare?ids={ONE_TEAM}&amp;ids={SUPER}' in page  # the rival, to compare


def test_alliance_page_without_a_day_lists_every_member(web: httpx.Client) -> None:
    page = html(web.get(f"/alliance/{ONE_TEAM}"))
    rows = member_rows(page)
    assert set(FOUNDERS + LG + LATER) <= set(rows)
    assert len(rows) == 13, rows
    # A date the input cannot have sent is read as no date, not as an error.
    odd = html(web.get(f"/alliance/{ONE_TEAM}", params={"as_of": "2020-13-45"}))
    assert member_rows(odd) == rows
    assert '<p class="warn" role="status">' in odd


def test_evidence_shows_the_sentence_with_the_name_marked_and_its_source(
    web: httpx.Client,
) -> None:
    page = html(
        web.get(
            f"/alliance/{ONE_TEAM}",
            params={"as_of": "2020-07-01"},
            headers={"Accept-Language": "en"},
        )
    )
    row = page.split('<tr data-member="lg-uplus"')[1].split("</tr>")[0]
    assert '<details class="evidence">' in row
    assert re.search(r"<mark>LG\s*유플러스</mark>", row), row
    assert re.search(r"<mark>AI\s*원팀</mark>", row), row
    assert '<span class="publisher">' in row
    assert re.search(r"<time>2020-06-0\d</time>", row), row
    days = re.findall(r"<time>(\d{4}-\d\d-\d\d)</time>", row)
    assert days == sorted(days) and days[0].startswith("2020-06")  # oldest first
    latest = re.search(r'<small class="latest"[^>]*>· last reported (\S+)</small>', row)
    assert latest and latest.group(1) == days[-1]


def test_unknown_alliance_is_an_html_404_with_suggestions(web: httpx.Client) -> None:
    page = html(web.get("/alliance/ai-one-tem"), 404)
    assert "ai-one-tem" in page
    assert f'href="/alliance/{ONE_TEAM}"' in page  # did you mean
    assert "Traceback" not in page


def test_compare_page_is_a_table_of_both_camps(web: httpx.Client) -> None:
    page = html(
        web.get("/compare", params=[("ids", ONE_TEAM), ("ids", SUPER), ("as_of", "2020-07-01")])
    )
    header = page.split("<thead>")[1].split("</thead>")[0]
    for alliance in (ONE_TEAM, SUPER):  # to each alliance on the same day
        assert f'href="/alliance/{alliance}?as_of=2020-07-01"' in header
    for member in ("kt", "lg-uplus", "sk-telecom", "samsung-electronics", "kakao"):
        assert f'href="/organization/{member}"' in page, member
    assert "woori-bank" not in page  # joined in 2021
    shared = page.split('<section class="shared">')[1].split("</section>")[0]
    assert '<p class="empty">' in shared
    rivalries = page.split('<section class="rivalries">')[1].split("</section>")[0]
    assert f'href="/alliance/{ONE_TEAM}"' in rivalries and f'href="/alliance/{SUPER}"' in rivalries


def test_compare_picture_and_its_svg_file(web: httpx.Client) -> None:
    params = [("ids", ONE_TEAM), ("ids", SUPER), ("as_of", "2020-07-01")]
    page = html(web.get("/compare", params=params))
    sides = re.findall(r'<g class="side" data-alliance="([^"]+)" data-count="(\d+)"', page)
    assert sides == [(ONE_TEAM, "7"), (SUPER, "3")]
    response = web.get("/compare.svg", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(response.content)
    svg = "{http://www.w3.org/2000/svg}"
    counts = {g.get("data-alliance"): g.get("data-count") for g in root.iter(f"{svg}g")}
    assert counts.get(ONE_TEAM) == "7" and counts.get(SUPER) == "3"
    kinds = {r.get("data-kind") for r in root.iter(f"{svg}rect") if r.get("data-kind")}
    assert kinds == {"Company", "University", "ResearchInstitute"}
    one = web.get("/compare.svg", params={"ids": ONE_TEAM}, follow_redirects=False)
    assert one.status_code == 303


def test_compare_with_fewer_than_two_offers_the_choice(web: httpx.Client) -> None:
    page = html(web.get("/compare", params={"ids": ONE_TEAM}))
    assert f'value="{ONE_TEAM}" checked' in page
    assert f'value="{SUPER}"' in page
    assert '<table class="compare">' not in page
    assert "ai-one-tem" in html(
        web.get("/compare", params=[("ids", ONE_TEAM), ("ids", "ai-one-tem")]), 404
    )


def test_timeline_draws_one_bar_per_member_founders_apart(web: httpx.Client) -> None:
    page = html(web.get(f"/alliance/{ONE_TEAM}/timeline"))
    founders = page.split('<g class="group founders">')[1].split('<g class="group joined_later">')[
        0
    ]
    assert sorted(re.findall(r'data-member="([^"]+)"', founders)) == sorted(FOUNDERS)
    bars = re.findall(r'<g class="bar" data-member="([^"]+)" data-start="([^"]+)"', page)
    assert len(bars) == 13
    starts = dict(bars)
    assert starts["kt"] == "2020-02-20" and starts["lg-uplus"] == "2020-06-03"
    assert f'href="/alliance/{ONE_TEAM}/timeline.svg"' in page


def test_timeline_as_of_a_day(web: httpx.Client) -> None:
    page = html(web.get(f"/alliance/{ONE_TEAM}/timeline", params={"as_of": "2020-07-01"}))
    assert '<g class="as-of" data-day="2020-07-01">' in page
    active = re.findall(r'<g class="bar" data-member="([^"]+)"', page)
    dimmed = re.findall(r'<g class="bar inactive" data-member="([^"]+)"', page)
    assert sorted(active) == sorted(FOUNDERS + LG) and len(dimmed) == 6
    assert f'href="/alliance/{ONE_TEAM}/timeline.svg?as_of=2020-07-01"' in page
    alliance = html(web.get(f"/alliance/{ONE_TEAM}", params={"as_of": "2020-07-01"}))
    assert f'href="/alliance/{ONE_TEAM}/timeline?as_of=2020-07-01"' in alliance


def test_timeline_downloads_as_a_standalone_svg(web: httpx.Client) -> None:
    response = web.get(f"/alliance/{ONE_TEAM}/timeline.svg")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "attachment" in response.headers["content-disposition"]
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    bars = root.findall(".//{http://www.w3.org/2000/svg}g[@class='bar']")
    assert len(bars) == 13
    assert web.get("/alliance/nothing-here/timeline.svg").status_code == 404


def test_organization_page(web: httpx.Client) -> None:
    page = html(web.get("/organization/lg-uplus", headers={"Accept-Language": "ko"}))
    assert "LG유플러스" in page
    memberships = page.split('<section class="memberships">')[1].split("</section>")[0]
    assert f'href="/alliance/{ONE_TEAM}"' in memberships
    assert "2020-06-03" in memberships
    assert '<details class="evidence">' in memberships
    assert "not-an-org" in html(web.get("/organization/not-an-org"), 404)


def test_person_page(web: httpx.Client, driver: Driver) -> None:
    records, _, _ = driver.execute_query(
        "MATCH (p:Person) RETURN p.id AS id, p.name AS name ORDER BY id LIMIT 1",
        database_="neo4j",
    )
    if not records:
        pytest.skip("the timeline corpus names no person")
    page = html(web.get(f"/person/{records[0]['id']}"))
    assert records[0]["name"] in page
    assert html(web.get("/person/nobody-at-all"), 404)


def test_agreement_page(web: httpx.Client) -> None:
    listing = web.get("/agreements", params={"party": "lg-uplus"}).json()["agreements"]
    agreement = next(a for a in listing if a["date"] == "2020-06-03")
    alliance = html(web.get(f"/alliance/{ONE_TEAM}", params={"as_of": "2020-07-01"}))
    assert f'href="/agreement/{agreement["agreement"]["id"]}"' in alliance
    page = html(web.get(f"/agreement/{agreement['agreement']['id']}"))
    parties = re.findall(r'<div class="fact" data-party="([^"]+)"', page)
    assert sorted(parties) == sorted(p["entity"]["id"] for p in agreement["parties"])
    assert {"kt", "lg-uplus"} <= set(parties)
    assert "2020-06-03" in page and '<details class="evidence">' in page
    assert "no-such-mou" in html(web.get("/agreement/no-such-mou"), 404)


def test_neighbourhood_page_embeds_the_api_graph(web: httpx.Client) -> None:
    page = html(web.get(f"/neighbourhood/{ONE_TEAM}", params={"depth": "2"}))
    data = json.loads(
        page.split('<script type="application/json" id="graph-data">')[1].split("</script>")[0]
    )
    api = web.get("/graph", params={"center": ONE_TEAM, "depth": 2, "limit": 150}).json()
    assert data == api
    assert {"kt", "lg-uplus", SUPER} <= {n["id"] for n in data["nodes"]}
    assert "/static/vendor/cytoscape/cytoscape.min.js" in page
    assert 'value="2" selected' in page
    assert 'value="1" selected' in html(
        web.get(f"/neighbourhood/{ONE_TEAM}", params={"depth": "9"})
    )
    assert "nowhere-id" in html(web.get("/neighbourhood/nowhere-id"), 404)


def test_vendored_library_is_served_with_its_licence(web: httpx.Client) -> None:
    assert web.get("/static/vendor/cytoscape/cytoscape.min.js").status_code == 200
    licence = web.get("/static/vendor/cytoscape/LICENSE")
    assert licence.status_code == 200 and "Cytoscape Consortium" in licence.text


@pytest.mark.parametrize(
    "path",
    [
        f"/alliance/{ONE_TEAM}?as_of=" + "9" * 500,
        "/compare?" + "&".join(f"ids=a{i}" for i in range(30)),
        "/find?q=" + "가" * 1000,
        f"/neighbourhood/{ONE_TEAM}?depth=" + "x" * 100,
        "/alliance/" + "x" * 3000,
    ],
    ids=["long-date", "many-ids", "long-query", "bad-depth", "long-id"],
)
def test_odd_parameters_still_get_an_html_page(web: httpx.Client, path: str) -> None:
    """A person who mistypes a link gets a page (or a 404 page), never a JSON problem."""
    response = web.get(path)
    assert response.status_code in (200, 404), response.text[:300]
    assert response.headers["content-type"].startswith("text/html")


def test_static_files_and_no_web_route_in_the_api_description(web: httpx.Client) -> None:
    css = web.get("/static/app.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert web.get("/static/app.js").status_code == 200
    paths = web.get("/openapi.json").json()["paths"]
    assert not [p for p in paths if p == "/" or p.split("/")[1] in ("alliance", "compare", "find")]
