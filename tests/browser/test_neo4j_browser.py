"""What a user sees in Neo4j Browser: our guide plays, and our query files give the
answers the API gives."""

from __future__ import annotations

import re

import httpx
from neo4j import Driver
from playwright.sync_api import Locator, Page, expect

from allygraph.queries import get_query
from tests.browser.conftest import BrowserSession
from tests.conftest import ServerThread

RECORDS = re.compile(r"Started streaming (\d+) records?")


def streamed(frame_text: str) -> int:
    match = RECORDS.search(frame_text)
    assert match, frame_text[-500:]
    return int(match.group(1))


DISPLAYING = re.compile(r"Displaying (\d+) nodes?, (\d+) relationships?")


def drawn(frame_text: str) -> tuple[int, int]:
    """Nodes and relationships Browser says its picture shows."""
    match = DISPLAYING.search(frame_text)
    assert match, frame_text[-500:]
    return int(match.group(1)), int(match.group(2))


def run_block(page: Page, block: Locator, done: str) -> str:
    """Click a guide block's ▶ and return the text of the frame it opens, once it says
    ``done`` (a regular expression)."""
    before = page.locator("[data-testid='frame']").count()
    block.locator("i").first.click()
    page.wait_for_function(
        """([n, pattern]) => { const f = document.querySelectorAll("[data-testid='frame']");
                  return f.length > n && new RegExp(pattern).test(f[0].innerText); }""",
        arg=[before, done],
        timeout=60_000,
    )
    return page.locator("[data-testid='frame']").first.inner_text()


def runnable_blocks(guide: Locator, count: int) -> list[Locator]:
    """The slide's ▶ blocks, once Browser has rendered all ``count`` of them: the slide's
    title can be on screen a moment before its code blocks are (a CI run failed on that)."""
    blocks = guide.locator("pre.runnable:visible")
    expect(blocks).to_have_count(count, timeout=30_000)
    return blocks.all()


def next_slide(guide: Locator, title: str, blocks: int = 2) -> list[Locator]:
    guide.locator("[data-testid='nextSlide']").click()
    guide.get_by_text(title).wait_for()
    return runnable_blocks(guide, blocks)


PICTURE = "Displaying \\d+ node"


def test_guide_draws_ai_one_team_then_a_day_the_camps_and_evidence(
    neo4j_browser: BrowserSession, api_server: ServerThread, seed_graph: Driver
) -> None:
    page = neo4j_browser.page
    api = api_server.url
    # Browser allows guides from "localhost" (the port is not compared).
    text = neo4j_browser.run(f":play http://localhost:{api_server.port}/guide", done="AI One Team")
    assert "AI One Team at a glance" in text
    # New frames stack on top, so keep hold of the guide's own frame.
    guide = page.locator("[data-testid='frame']").filter(has_text=f"{api_server.port}/guide").first
    # Slide 1: one query, one click, a picture of the alliance, its members and leader.
    (picture,) = runnable_blocks(guide, 1)
    frame = run_block(page, picture, PICTURE)
    members = httpx.get(f"{api}/alliances/ai-one-team/members", timeout=30).json()["members"]
    leaders = httpx.get(f"{api}/alliances/ai-one-team", timeout=30).json()["leaders"]
    assert drawn(frame) == (len(members) + 1, len(members) + len(leaders)) == (8, 8)
    assert page.locator("[data-testid='frame']").first.locator("svg .node").count() == 8
    # Slide 2: the members on 1 March 2020 (set the day, then draw).
    params, query = next_slide(guide, "Who was in it on 1 March 2020?")
    run_block(page, params, "as_of")
    on_day = httpx.get(
        f"{api}/alliances/ai-one-team/members", params={"as_of": "2020-03-01"}, timeout=30
    ).json()["members"]
    assert drawn(run_block(page, query, PICTURE)) == (len(on_day) + 1, len(on_day)) == (6, 5)
    # Slide 3: both camps and the rivalry between them.
    params, query = next_slide(guide, "The rival camps side by side")
    run_block(page, params, "ids")
    both = httpx.get(
        f"{api}/alliances/compare",
        params={"ids": ["ai-one-team", "ai-super-cooperation"]},
        timeout=30,
    ).json()
    people = {m["member"]["id"] for s in both["sides"] for m in s["members"]}
    people |= {x["id"] for s in both["sides"] for x in s["leaders"]}
    ties = sum(len(s["members"]) + len(s["leaders"]) for s in both["sides"])
    nodes, relationships = drawn(run_block(page, query, PICTURE))
    assert nodes == len(people) + 2
    # Browser also draws the ties it finds among the nodes shown (rivals among members).
    assert relationships >= ties + len(both["alliance_rivalries"]) == 13
    # Slide 4: the evidence of LG Uplus's membership, as a table of sentences.
    params, query = next_slide(guide, "Where does a fact come from?")
    run_block(page, params, "member")
    frame = run_block(page, query, r"Started streaming \d+ record")
    (lg,) = [m for m in members if m["member"]["id"] == "lg-uplus"]
    assert streamed(frame) == len(lg["evidence"]) == 1
    assert lg["evidence"][0]["sentence"][:30] in frame.replace("\n", " ")
    for internal in ("names_text", "name_keys", "fingerprint"):
        assert internal not in frame


def test_members_query_file_in_browser_equals_the_api(
    neo4j_browser: BrowserSession, api_server: ServerThread, seed_graph: Driver
) -> None:
    query = get_query("alliance_members")
    for as_of in (None, "2020-03-01"):
        url = f"{api_server.url}/alliances/ai-one-team/members"
        api_members = httpx.get(url, params={"as_of": as_of} if as_of else {}, timeout=30).json()
        api_ids = sorted(m["member"]["id"] for m in api_members["members"])
        as_of_literal = f"'{as_of}'" if as_of else "null"
        neo4j_browser.run(
            f":params {{id: 'ai-one-team', as_of: {as_of_literal}, kind: null, after: null, "
            "limit: 100}",
            done="Successfully set",
        )
        frame = neo4j_browser.query(query.text)
        assert streamed(frame) == len(api_ids)
        shown = sorted(set(re.findall(r'"id": "([a-z0-9-]+)"', frame)))
        assert shown == api_ids
    assert len(api_ids) == 5  # the founders, on 2020-03-01
