"""Neo4j Browser in headless Chromium (Debian's, driven by Playwright), connected to the
test server: what a user sees there is part of the product."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import Neo4jTarget

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is installed by `make system-deps`"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def browser_url(target: Neo4jTarget) -> str:
    assert target.http_port, "the Browser tests need the local or container server's HTTP port"
    bolt = re.sub(r"^[a-z0-9+]+://", "", target.uri)  # bolt:// or neo4j:// (--neo4j-scheme)
    return f"http://127.0.0.1:{target.http_port}/browser/?dbms=neo4j://{target.user}@{bolt}"


class BrowserSession:
    """A user at Neo4j Browser: types commands into the editor and reads result frames."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def run(self, command: str, *, done: str = r".") -> str:
        """Run a command or query as a user would; return its frame's text once it matches
        ``done`` (a regular expression), e.g. the status line of a finished query."""
        frames = self.page.locator("[data-testid='frame']")
        before = frames.count()
        editor = self.page.locator("[data-testid='activeEditor'] .monaco-editor").first
        editor.click()
        # insert_text, not type: Monaco would auto-close quotes and brackets under keystrokes.
        self.page.keyboard.insert_text(command)
        self.page.keyboard.press("Control+Enter")
        self.page.wait_for_function(
            """([n, pattern]) => {
                 const frames = document.querySelectorAll("[data-testid='frame']");
                 return frames.length > n && new RegExp(pattern).test(frames[0].innerText);
               }""",
            arg=[before, done],
            timeout=60_000,
        )
        return frames.first.inner_text()

    def query(self, cypher: str) -> str:
        """Run Cypher and return the frame's text once the result has streamed."""
        return self.run(
            cypher, done=r"(Started streaming \d+ records?|no changes, no records|Error)"
        )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if report.when == "call":
        item.stash[FAILED] = report.failed
    return report


FAILED = pytest.StashKey[bool]()
SCREENSHOTS = Path(__file__).resolve().parents[2] / ".run" / "browser-failures"


@pytest.fixture
def neo4j_browser(
    request: pytest.FixtureRequest, chromium: Browser, neo4j_target: Neo4jTarget, graph: Driver
) -> Iterator[BrowserSession]:
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(browser_url(neo4j_target))
    page.fill("input[data-testid='password']", neo4j_target.password)
    page.click("button[data-testid='connect']")
    # The banner goes before Bolt is ready; this frame line appears once it is.
    page.wait_for_selector("text=You are connected as user", timeout=60_000)
    yield BrowserSession(page)
    if request.node.stash.get(FAILED, False):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
