"""The web app in headless Chromium, walked as a new user would on the timeline corpus:
open ``/``, search "AI 원팀", open the alliance, change the date to 2020-07-01, open the
evidence of a fact, compare with the rival camp, open the timeline and download it.

The walk asserts what is on the screen, keeps a screenshot of every step (in
``$ALLYGRAPH_TEST_ARTEFACTS/web``, default ``.run/artefacts/web``), and fails on any
console error or uncaught exception and on any request that leaves the app's own origin
(such requests are also refused, so a page that needs the network cannot pass by luck).
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from pydantic import SecretStr

from allygraph.settings import Settings
from tests.conftest import ROOT, ServerThread, clear_graph
from tests.web.corpus import FOUNDERS, LG, ONE_TEAM, SUPER, TIMELINE, load_timeline

SVG = "{http://www.w3.org/2000/svg}"
ARTEFACTS = Path(os.environ.get("ALLYGRAPH_TEST_ARTEFACTS", ROOT / ".run" / "artefacts")) / "web"


@pytest.fixture(scope="module")
def app(api_server: ServerThread, driver: Driver) -> ServerThread:
    """The API (and so the web app) on the timeline graph, read-only for this module."""
    load_timeline(driver)
    return api_server


class User:
    """A person at the web app in Chromium; records what went wrong on the way."""

    def __init__(self, context: BrowserContext, origin: str) -> None:
        self.origin = origin
        self.problems: list[str] = []
        self.foreign: list[str] = []
        context.route("**/*", self._only_our_origin)
        self.page: Page = context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))

    def _only_our_origin(self, route: Route) -> None:
        url = route.request.url
        if url == self.origin or url.startswith((self.origin + "/", "data:", "blob:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} at {message.location}")

    def shot(self, name: str) -> None:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def new_user(chromium: Browser, app: ServerThread, locale: str) -> tuple[BrowserContext, User]:
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, locale=locale, accept_downloads=True
    )
    return context, User(context, app.url)


@pytest.fixture
def user(request: pytest.FixtureRequest, chromium: Browser, app: ServerThread) -> Iterator[User]:
    context, person = new_user(chromium, app, "en-US")
    yield person
    person.shot(f"{request.node.name}-last")
    context.close()
    assert person.problems == [], person.problems
    assert person.foreign == [], f"requests left {app.url}: {person.foreign}"


def member_rows(page: Page) -> list[str]:
    rows = page.locator("table.members tr[data-member]")
    return sorted(rows.evaluate_all("rows => rows.map(r => r.dataset.member)"))


def test_a_new_user_finds_members_evidence_comparison_and_timeline(
    user: User, app: ServerThread
) -> None:
    page = user.page
    page.goto(app.url + "/")
    expect(page.locator("h1")).to_have_text("Corporate AI alliances")
    expect(page.locator("table.alliances")).to_contain_text("AI One Team")
    user.shot("01-home")

    # Search with suggestions: typing Korean, the alliance is offered.
    box = page.get_by_role("searchbox")
    box.click()
    box.press_sequentially("AI 원팀", delay=30)
    suggestion = page.locator(".suggestions a").filter(has_text="AI One Team").first
    expect(suggestion).to_be_visible()
    expect(suggestion).to_contain_text("Alliance")
    user.shot("02-suggestions")
    suggestion.click()
    page.wait_for_url(f"**/alliance/{ONE_TEAM}")
    expect(page.locator("h1")).to_contain_text("AI One Team")
    expect(page.locator("h1 small")).to_have_text("AI 원팀")
    assert len(member_rows(page)) == 13
    user.shot("03-alliance")

    # Members as of 2020-07-01: the five founders and the two LG firms.
    page.locator("form.as-of input[type=date]").fill("2020-07-01")
    page.locator("form.as-of button").click()
    page.wait_for_url(re.compile(r"as_of=2020-07-01"))
    expect(page.locator("section.members h2")).to_contain_text("As of 2020-07-01")
    assert member_rows(page) == sorted(FOUNDERS + LG)
    expect(page.locator("tr[data-member=kt]")).to_contain_text("leader")
    user.shot("04-as-of-2020-07-01")

    # Evidence on demand: closed until asked, then the sentence with the names marked.
    row = page.locator("tr[data-member=lg-uplus]")
    sentence = row.locator("details.evidence blockquote").first
    expect(sentence).to_be_hidden()
    row.locator("details.evidence summary").click()
    expect(sentence).to_be_visible()
    marked = sentence.locator("mark").all_inner_texts()
    assert any("유플러스" in m for m in marked), marked
    assert any("원팀" in m.replace(" ", "") for m in marked), marked
    cite = row.locator(".cite").first
    expect(cite.locator("time")).to_have_text(re.compile(r"2020-06-0\d"))
    expect(cite.locator(".publisher")).not_to_be_empty()
    user.shot("05-evidence")

    # Compare with the rival camp, on the same day.
    expect(page.locator("form.compare-with select")).to_have_value(SUPER)
    page.locator("form.compare-with button").click()
    page.wait_for_url(re.compile(r"/compare\?"))
    table = page.locator("table.compare")
    expect(table.locator("thead")).to_contain_text("AI One Team")
    expect(table.locator("thead")).to_contain_text("AI Super Cooperation")
    expect(table.locator("tr.count td")).to_have_text(["7", "3"])
    picture = page.locator("figure.compare-chart svg g.side")
    expect(picture).to_have_count(2)
    expect(picture.first).to_have_attribute("data-count", "7")
    for name in ("KT Corporation", "LG Uplus", "SK Telecom", "Kakao"):
        expect(table).to_contain_text(name)
    rivalry = page.locator("section.rivalries .between-alliances")
    expect(rivalry).to_have_count(1)
    expect(rivalry).to_contain_text("AI One Team ↔ AI Super Cooperation")
    expect(page.locator("section.shared")).to_contain_text("none")
    user.shot("06-compare")

    # The timeline: one bar per member, the founders apart; exportable as SVG.
    table.locator("thead a", has_text="AI One Team").click()
    page.wait_for_url(re.compile(rf"/alliance/{ONE_TEAM}\?as_of=2020-07-01$"))
    page.get_by_role("link", name="Membership timeline").click()
    page.wait_for_url(re.compile(rf"/alliance/{ONE_TEAM}/timeline\?as_of=2020-07-01$"))
    chart = page.locator("figure.timeline svg")
    expect(chart.locator("g.bar")).to_have_count(13)
    expect(chart.locator("g.bar:not(.inactive)")).to_have_count(7)
    expect(chart.locator("g.as-of")).to_contain_text("As of 2020-07-01")
    expect(chart.locator("g.founders g.bar")).to_have_count(5)
    expect(chart.locator("g.founders")).to_contain_text("Founders (5)")
    user.shot("07-timeline")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download SVG").click()
    saved = ARTEFACTS / f"{ONE_TEAM}-timeline.svg"
    download.value.save_as(saved)
    assert download.value.suggested_filename == f"{ONE_TEAM}-timeline.svg"
    assert saved.read_text(encoding="utf-8").count('<g class="bar') == 13
    with page.expect_download() as download:
        page.get_by_role("button", name="PNG").click()
    png = ARTEFACTS / f"{ONE_TEAM}-timeline.png"
    download.value.save_as(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_korean_pages_render_hangul_with_a_real_cjk_font(
    chromium: Browser, app: ServerThread
) -> None:
    """Hangul drawn with Noto CJK, not with a fallback that shows boxes: Chromium reports
    the platform fonts that drew each node's glyphs."""
    context, person = new_user(chromium, app, "ko-KR")
    try:
        page = person.page
        page.goto(f"{app.url}/alliance/{ONE_TEAM}")
        expect(page.locator("html")).to_have_attribute("lang", "ko")
        expect(page.locator("h1")).to_contain_text("AI 원팀")
        expect(page.locator("section.members h2")).to_contain_text("구성원")
        person.shot("08-korean")
        box = page.get_by_role("searchbox")
        box.press_sequentially("카이스트", delay=30)
        hint = page.locator(".suggestions a").first
        expect(hint).to_contain_text("한국과학기술원")
        expect(hint).to_contain_text("대학")
        box.press("Escape")
        cdp = context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        for selector in ("h1", "section.members h2", "tr[data-member=kaist] td a"):
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
            families = {f["familyName"]: f["glyphCount"] for f in fonts}
            assert any("CJK" in name and count > 0 for name, count in families.items()), (
                selector,
                families,
            )
    finally:
        context.close()
    assert person.problems == [], person.problems
    assert person.foreign == [], person.foreign


def test_unknown_alliance_page_suggests_the_right_one(user: User, app: ServerThread) -> None:
    page = user.page
    response = page.goto(f"{app.url}/alliance/ai-one-tem")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("Not found")
    page.get_by_role("link", name="AI One Team").first.click()
    page.wait_for_url(f"**/alliance/{ONE_TEAM}")
    # Chromium reports the 404 document itself as a failed resource: that one is expected.
    expected = [p for p in user.problems if "status of 404" in p and "/alliance/ai-one-tem" in p]
    assert len(expected) <= 1, user.problems
    user.problems[:] = [p for p in user.problems if p not in expected]


def test_graph_picture_draws_the_neighbourhood_and_exports_png(
    user: User, app: ServerThread
) -> None:
    page = user.page
    page.goto(f"{app.url}/alliance/{ONE_TEAM}")
    page.get_by_role("link", name="Connections").click()
    page.wait_for_url(f"**/neighbourhood/{ONE_TEAM}")
    canvas = page.locator("#graph")
    expect(canvas).to_have_attribute("data-ready", "true")
    expect(canvas.locator("canvas").first).to_be_visible()
    api = page.request.get(f"{app.url}/graph?center={ONE_TEAM}&depth=1&limit=150").json()
    expect(canvas).to_have_attribute("data-nodes", str(len(api["nodes"])))
    expect(canvas).to_have_attribute("data-edges", str(len(api["edges"])))
    assert len(api["nodes"]) >= 14  # the alliance, its 13 members, its rival...
    user.shot("09-graph")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download PNG").click()
    saved = ARTEFACTS / f"{ONE_TEAM}-graph.png"
    download.value.save_as(saved)
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def keyed_app(app: ServerThread, test_settings: Settings, driver: Driver) -> Iterator[ServerThread]:
    """An API with an ingest key on an empty graph; the module's timeline graph is put
    back afterwards."""
    clear_graph(driver)
    settings = test_settings.model_copy(update={"api_key": SecretStr("web-s3cret")})
    try:
        with ServerThread(settings) as server:
            yield server
    finally:
        load_timeline(driver)


def test_ingest_previews_a_file_then_loads_it(chromium: Browser, keyed_app: ServerThread) -> None:
    context, person = new_user(chromium, keyed_app, "en-US")
    try:
        page = person.page
        page.goto(f"{keyed_app.url}/")
        page.get_by_role("link", name="Add an article").click()
        page.wait_for_url("**/ingest")
        # Too long for the form: said on the page, not left to the API's 413.
        page.locator("textarea[name=text]").fill("가" * 30_000)
        page.get_by_role("button", name="Preview").click()
        expect(page.locator(".size-warning")).to_be_visible()
        assert page.url.endswith("/ingest")
        article = TIMELINE / "2020-06-03-newsis-lg-joins-ai-one-team.txt"
        page.get_by_label("Read from a file").set_input_files(str(article))
        expect(page.locator("textarea[name=text]")).to_have_value(re.compile("AI 원팀"))
        expect(page.locator("input[name=title]")).to_have_value(article.stem)
        page.get_by_label("Published").fill("2020-06-03")
        page.get_by_label("API key").fill("web-s3cret")
        page.get_by_role("button", name="Preview").click()
        page.wait_for_url("**/ingest/preview")
        preview = page.locator("section.preview")
        expect(preview.locator("tr[data-entity=lg-uplus]")).to_contain_text("LG유플러스")
        expect(preview.locator("tr[data-relation=MEMBER_OF]").first).to_be_visible()
        person.shot("10-ingest-preview")
        page.get_by_role("button", name="Load into the graph").click()
        page.wait_for_url("**/ingest/load")
        expect(page.locator(".load-status")).to_have_text("new")
        person.shot("11-ingest-loaded")
        page.goto(f"{keyed_app.url}/alliance/{ONE_TEAM}")
        expect(page.locator("tr[data-member=lg-uplus]")).to_be_visible()
    finally:
        context.close()
    assert person.problems == [], person.problems
    assert person.foreign == [], person.foreign


def test_graph_picture_exports_svg_as_drawn(user: User, app: ServerThread) -> None:
    page = user.page
    page.goto(f"{app.url}/neighbourhood/{ONE_TEAM}")
    expect(page.locator("#graph")).to_have_attribute("data-ready", "true")
    api = page.request.get(f"{app.url}/graph?center={ONE_TEAM}&depth=1&limit=150").json()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download SVG").click()
    assert download.value.suggested_filename == f"{ONE_TEAM}-graph.svg"
    saved = ARTEFACTS / f"{ONE_TEAM}-graph.svg"
    download.value.save_as(saved)
    svg = ET.parse(saved).getroot()
    assert svg.tag == f"{SVG}svg" and float(svg.get("width", "0")) > 100
    nodes = svg.findall(f"{SVG}g[@class='node']")
    assert sorted(n.get("data-id") for n in nodes) == sorted(n["id"] for n in api["nodes"])
    assert len(svg.findall(f"{SVG}line")) == len(api["edges"])
    labels = {"".join(n.find(f"{SVG}text").itertext()) for n in nodes}  # type: ignore[union-attr]
    assert {"AI One Team", "KT Corporation"} <= labels
    dashed = [x for x in svg.findall(f"{SVG}line") if x.get("stroke-dasharray")]
    assert len(dashed) == sum(e["type"] == "COMPETES_WITH" for e in api["edges"]) > 0
    # The file draws in Chromium, every node with its name.
    page.set_content(saved.read_text(encoding="utf-8"))
    expect(page.locator("svg g.node")).to_have_count(len(api["nodes"]))
    user.shot("10-graph-svg")


def test_old_rivalry_is_marked_and_explained(user: User, app: ServerThread) -> None:
    page = user.page
    page.goto(f"{app.url}/alliance/{ONE_TEAM}")
    rival = page.locator("section.rivals .fact").filter(has_text="AI Super")
    badge = rival.locator(".stale")
    expect(badge).to_be_visible()
    expect(badge).to_have_text("not reported lately")
    assert "over 730 days" in (badge.get_attribute("title") or "")
    expect(rival.locator("summary .latest")).to_contain_text(re.compile(r"last reported 20\d\d-"))
    user.shot("11-stale-rivalry")
