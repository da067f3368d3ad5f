"""What a user sees in Neo4j Browser: our guide plays, and our query files give the
answers the API gives."""

from __future__ import annotations

import re

import httpx
from neo4j import Driver

from allygraph.queries import get_query
from tests.browser.conftest import BrowserSession
from tests.conftest import ServerThread

RECORDS = re.compile(r"Started streaming (\d+) records?")


def streamed(frame_text: str) -> int:
    match = RECORDS.search(frame_text)
    assert match, frame_text[-500:]
    return int(match.group(1))


def test_guide_plays_and_its_queries_run(
    neo4j_browser: BrowserSession, api_server: ServerThread, seed_graph: Driver
) -> None:
    page = neo4j_browser.page
    # Browser allows guides from "localhost" (the port is not compared).
    guide = neo4j_browser.run(f":play http://localhost:{api_server.port}/guide", done="allygraph")
    assert "corporate AI alliances" in guide
    # New frames stack on top, so keep hold of the guide's own frame.
    frame = page.locator("[data-testid='frame']").filter(has_text=f"{api_server.port}/guide").first
    frame.locator("[data-testid='nextSlide']").click()
    frame.get_by_text("Who is in AI One Team").wait_for()
    runnables = frame.locator("pre.runnable:visible")
    param_block = runnables.filter(has_text=":param").first
    query_block = runnables.filter(has_text="MATCH").first
    before = page.locator("[data-testid='frame']").count()
    param_block.locator("i").first.click()  # the ▶ icon runs the block
    page.wait_for_function(
        "n => document.querySelectorAll(\"[data-testid='frame']\").length > n", arg=before
    )
    before = page.locator("[data-testid='frame']").count()
    query_block.locator("i").first.click()
    page.wait_for_function(
        """n => { const f = document.querySelectorAll("[data-testid='frame']");
                  return f.length > n && /Started streaming \\d+ record/.test(f[0].innerText); }""",
        arg=before,
        timeout=60_000,
    )
    result = page.locator("[data-testid='frame']").first.inner_text()
    assert streamed(result) == 7
    for member in ("kt", "lg-uplus", "lg-electronics", "kaist", "etri"):
        assert f'"{member}"' in result


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
