"""Neo4j Browser in headless Chromium (Debian's, driven by Playwright), connected to the
test server: what a user sees there is part of the product."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

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
    bolt = re.sub(r"^bolt://", "", target.uri)
    return f"http://127.0.0.1:{target.http_port}/browser/?dbms=neo4j://{target.user}@{bolt}"


class BrowserSession:
    """A user at Neo4j Browser: types commands into the editor and reads result frames."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def run(self, command: str) -> str:
        """Run a command or query as a user would, and return the text of its frame."""
        frames = self.page.locator("[data-testid='frame']")
        before = frames.count()
        editor = self.page.locator("[data-testid='activeEditor'] .monaco-editor").first
        editor.click()
        # insert_text, not type: Monaco would auto-close quotes and brackets under keystrokes.
        self.page.keyboard.insert_text(command)
        self.page.keyboard.press("Control+Enter")
        self.page.wait_for_function(
            "n => document.querySelectorAll(\"[data-testid='frame']\").length > n", arg=before
        )
        newest = frames.first  # Browser puts the newest frame on top
        newest.locator("[data-testid='frameStatusbar'], [data-testid='frameContents']").first.wait_for()
        self.page.wait_for_timeout(300)
        return newest.inner_text()


@pytest.fixture
def neo4j_browser(chromium: Browser, neo4j_target: Neo4jTarget, graph: Driver) -> Iterator[BrowserSession]:
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(browser_url(neo4j_target))
    page.fill("input[data-testid='password']", neo4j_target.password)
    page.click("button[data-testid='connect']")
    page.wait_for_selector(
        "[data-testid='disconnectedBannerCode']", state="detached", timeout=60_000
    )
    yield BrowserSession(page)
    context.close()
