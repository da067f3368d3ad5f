"""Articles from the web, served by a local HTTP server (no network): saved pages of six
Korean outlets load by address from the CLI and the API, the address is the article's
identity (a new text there replaces the old version), and every way a fetch can go wrong
is one line that names the address, with nothing written."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr
from typer.testing import CliRunner

from allygraph.cli import app
from allygraph.settings import Settings
from tests.conftest import ROOT, ServerThread, graph_counts
from tests.integration.test_cli import cli  # noqa: F401  (the fixture)

PAGES = sorted((ROOT / "tests" / "data" / "pages").glob("*.html"))
NOT_AN_ARTICLE = (
    "<html><head><title>테스트일보 - 홈</title></head><body><ul>"
    + "".join(f"<li><a href='/n/{i}'>헤드라인 {i}번 기사 제목입니다</a></li>" for i in range(30))
    + "</ul></body></html>"
).encode()


class Site:
    """Routes of the local server: path -> (status, content type, body, delay seconds)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes, float]] = {}
        for page in PAGES:
            self.routes[f"/news/{page.stem}"] = (200, "text/html; charset=utf-8",
                                                 page.read_bytes(), 0.0)  # fmt: skip
        self.routes["/home"] = (200, "text/html", NOT_AN_ARTICLE, 0.0)
        self.routes["/report.pdf"] = (200, "application/pdf", b"%PDF-1.4", 0.0)
        self.routes["/slow"] = (200, "text/html", PAGES[0].read_bytes(), 8.0)
        self.routes["/gone"] = (404, "text/html", b"not here", 0.0)

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if self.path == "/loop":
                    self.send_response(302)
                    self.send_header("Location", "/loop")
                    self.end_headers()
                    return
                status, kind, body, delay = site.routes.get(
                    self.path, (404, "text/plain", b"no", 0.0)
                )
                time.sleep(delay)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client gave up (the slow page): nothing to say
                    pass

            def log_message(self, *args: object) -> None:
                return None

        return Handler


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[Site, str]]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), state.handler())
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def web_cli(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> CliRunner:  # noqa: F811
    from allygraph.settings import get_settings

    monkeypatch.setenv("FETCH_TIMEOUT", "3")
    get_settings.cache_clear()
    return cli


def test_six_outlets_load_by_address_then_are_unchanged(
    web_cli: CliRunner, graph: Driver, site: tuple[Site, str]
) -> None:
    _, base = site
    urls = [f"{base}/news/{page.stem}" for page in PAGES]
    first = web_cli.invoke(app, ["load", *urls])
    assert first.exit_code == 0, first.output
    assert f"new {len(PAGES)} · unchanged 0" in first.output
    records, _, _ = graph.execute_query("MATCH (a:Article) RETURN a.url AS url ORDER BY url")
    assert [r["url"] for r in records] == sorted(urls)
    again = web_cli.invoke(app, ["load", *urls])
    assert f"new 0 · unchanged {len(PAGES)}" in again.output


def test_a_new_text_at_a_loaded_address_replaces_it(
    web_cli: CliRunner, graph: Driver, site: tuple[Site, str]
) -> None:
    state, base = site
    state.routes["/news/moving"] = state.routes[f"/news/{PAGES[0].stem}"]
    assert web_cli.invoke(app, ["load", f"{base}/news/moving"]).exit_code == 0
    state.routes["/news/moving"] = state.routes[f"/news/{PAGES[1].stem}"]
    result = web_cli.invoke(app, ["load", f"{base}/news/moving"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("replaced ") and "other version of its URL" in result.output
    records, _, _ = graph.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    assert records[0]["n"] == 1


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/slow", "no answer within 3 s"),
        ("/report.pdf", "application/pdf, not a web page"),
        ("/gone", "HTTP 404"),
        ("/loop", "redirects"),
        ("/home", "no recognisable publication date"),
    ],
)
def test_a_fetch_that_goes_wrong_is_one_line_and_writes_nothing(
    web_cli: CliRunner, graph: Driver, site: tuple[Site, str], path: str, says: str
) -> None:
    _, base = site
    # In this process: worker processes may come from a fork server started before
    # FETCH_TIMEOUT was set, so they would wait the default 10 s.
    result = web_cli.invoke(app, ["load", "--jobs", "0", f"{base}{path}"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    (line,) = [line for line in result.output.splitlines() if line.startswith("failed:")]
    assert f"{base}{path}" in line and says in line
    assert graph_counts(graph) == (0, 0)


@pytest.fixture
def keyed(test_settings: Settings, graph: Driver) -> Iterator[httpx.Client]:
    settings = test_settings.model_copy(
        update={"api_key": SecretStr("s3cret"), "fetch_timeout": 3.0, "fetch_allow_private": True}
    )
    with ServerThread(settings) as server, httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


def test_post_a_url(keyed: httpx.Client, graph: Driver, site: tuple[Site, str]) -> None:
    _, base = site
    key = {"X-API-Key": "s3cret"}
    url = f"{base}/news/{PAGES[2].stem}"
    loaded = keyed.post("/articles", json={"url": url}, headers=key)
    assert loaded.status_code == 201, loaded.text
    assert keyed.get(f"/articles/{loaded.json()['article_id']}").json()["article"]["url"] == url
    before = graph_counts(graph)
    slow = keyed.post("/articles", json={"url": f"{base}/slow"}, headers=key)
    assert slow.status_code == 502, slow.text
    assert slow.headers["content-type"].startswith("application/problem+json")
    assert "no answer within 3 s" in slow.json()["detail"]
    home = keyed.post("/articles", json={"url": f"{base}/home"}, headers=key)
    assert home.status_code == 422 and f"{base}/home" in home.json()["detail"]
    assert (
        keyed.post("/articles", json={"title": "no text, no url"}, headers=key).status_code == 422
    )
    assert graph_counts(graph) == before
