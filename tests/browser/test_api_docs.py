"""``/docs`` in headless Chromium with every other origin refused: Swagger UI draws the
API's operations from the app's own assets alone, as it must with the network cut."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser, Route, expect

from tests.conftest import ServerThread


def test_docs_render_with_no_other_origin(chromium: Browser, api_server: ServerThread) -> None:
    origin = api_server.url
    foreign: list[str] = []
    problems: list[str] = []

    def only_ours(route: Route) -> None:
        url = route.request.url
        if url.startswith((origin + "/", "data:", "blob:")):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    def console(message: Any) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text}")

    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        context.route("**/*", only_ours)
        page = context.new_page()
        page.on("console", console)
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.goto(origin + "/docs")
        expect(page.locator(".swagger-ui .info .title")).to_contain_text("allygraph")
        expect(
            page.locator(".opblock-summary-path", has_text="/alliances/{id}/members")
        ).to_be_visible()
        page.locator(".opblock-summary-path", has_text="/alliances/{id}/members").first.click()
        expect(page.locator(".opblock-body .parameters").first).to_contain_text("as_of")
    finally:
        context.close()
    assert foreign == [], f"/docs fetched from other origins: {foreign}"
    assert problems == [], problems
