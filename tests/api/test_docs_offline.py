"""``/docs`` works with no network: Swagger UI's page names only assets of the API's own
origin (vendored in ``service/web/static/vendor/swagger-ui/``), and each of them answers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx

from tests.conftest import ROOT, ServerThread


class _Assets(HTMLParser):
    """Every address the page makes a browser fetch: scripts, styles, icons, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("src", "href"):
            if found.get(name) and (tag != "a" or name != "href"):
                self.urls.append(str(found[name]))


def page_assets(page: str) -> list[str]:
    parser = _Assets()
    parser.feed(page)
    # Addresses inside the inline script (Swagger UI's `url:` of the OpenAPI document).
    parser.urls += re.findall(r"""\burl:\s*['"]([^'"]+)['"]""", page)
    return parser.urls


def test_docs_reference_only_same_origin_assets_that_answer(api_server: ServerThread) -> None:
    with httpx.Client(base_url=api_server.url, timeout=30) as client:
        response = client.get("/docs")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        page = response.text
        assert "cdn." not in page and "jsdelivr" not in page and "unpkg" not in page
        assets = page_assets(page)
        assert any(a.endswith(".js") or ".js?" in a for a in assets), assets
        assert any(".css" in a for a in assets), assets
        assert "/openapi.json" in assets
        # No validator badge: Swagger UI would fetch it from validator.swagger.io.
        assert '"validatorUrl": null' in page
        origin = urlsplit(api_server.url)
        for asset in assets:
            absolute = urlsplit(urljoin(api_server.url + "/docs", asset))
            assert (absolute.scheme, absolute.netloc) == (origin.scheme, origin.netloc), asset
            answer = client.get(absolute.geturl())
            assert answer.status_code == 200, asset
            assert answer.content, asset
        openapi = client.get("/openapi.json").json()
        assert openapi["openapi"].startswith("3.1")  # Swagger UI 5+ reads 3.1
        assert "/docs" not in openapi["paths"]


def test_redoc_is_off_rather_than_blank_offline(api_server: ServerThread) -> None:
    assert httpx.get(api_server.url + "/redoc", timeout=30).status_code == 404


def test_vendored_swagger_ui_keeps_its_licence() -> None:
    vendor = ROOT / "service" / "web" / "static" / "vendor" / "swagger-ui"
    assert "Apache License" in (vendor / "LICENSE").read_text()
    assert (vendor / "NOTICE").is_file()
    bundle = (vendor / "swagger-ui-bundle.js").read_text()
    assert "sourceMappingURL" not in bundle[-500:]  # no map a browser would ask for
