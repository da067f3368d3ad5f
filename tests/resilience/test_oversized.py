"""Oversized requests are refused early with 413/414/422, never a 5xx."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import httpx
import pytest

from tests.conftest import ServerThread

TEN_MB = 10 * 1024 * 1024
REFUSED = {413, 414, 422, 431}
# A request line longer than uvicorn's h11 limit (16 kB) is refused by the server's HTTP
# layer before the app sees it, with 400; acceptable for a URL no client should send.
REFUSED_BY_HTTP_LAYER = {400, *REFUSED}


@pytest.fixture(scope="module")
def client(test_settings, driver) -> Iterator[httpx.Client]:  # type: ignore[no-untyped-def]
    with ServerThread(test_settings) as server, httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


@dataclass
class Raw:
    status_code: int
    text: str


def raw_get(client: httpx.Client, target: str) -> Raw:
    """A GET with any request-target length (httpx refuses URLs over 64 kB itself). The
    server may answer and close before it has read the whole request: the answer is read
    even when sending fails half-way."""
    url = urlsplit(str(client.base_url))
    request = (
        f"GET {target} HTTP/1.1\r\nHost: {url.hostname}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection((url.hostname, url.port), timeout=60) as sock:
        with contextlib.suppress(OSError):
            sock.sendall(request)
        data = b""
        try:
            while chunk := sock.recv(65536):
                data += chunk
        except OSError:
            pass
    if not data:
        return Raw(0, "connection closed without an answer")
    head, _, body = data.partition(b"\r\n\r\n")
    return Raw(int(head.split()[1]), body.decode("utf-8", "replace"))


def refused(resp: httpx.Response | Raw, *statuses: int) -> None:
    assert resp.status_code in (statuses or REFUSED), (resp.status_code, resp.text[:300])
    assert "Traceback" not in resp.text


def test_long_q_is_422(client: httpx.Client) -> None:
    resp = client.get("/search", params={"q": "가" * 1000})
    refused(resp, 422)
    assert resp.headers["content-type"].startswith("application/problem+json")


def test_huge_q_is_refused(client: httpx.Client) -> None:
    # 100k Hangul characters are 900 kB once percent-encoded: longer than any URL should be
    refused(raw_get(client, "/search?" + urlencode({"q": "가" * 100_000})), *REFUSED_BY_HTTP_LAYER)


@pytest.mark.parametrize("hops", ["7", "1000000", "99999999999999999999999", "-1"])
def test_deep_max_hops_is_422(client: httpx.Client, hops: str) -> None:
    refused(client.get("/paths", params={"from": "kt", "to": "lg-uplus", "max_hops": hops}), 422)


@pytest.mark.parametrize("depth", ["4", "1000", "99999999999999999999999"])
def test_deep_depth_is_422(client: httpx.Client, depth: str) -> None:
    refused(client.get("/graph", params={"center": "kt", "depth": depth}), 422)


def test_many_ids_are_422(client: httpx.Client) -> None:
    resp = client.get("/alliances/compare", params=[("ids", f"a{i}") for i in range(200)])
    refused(resp, 422)
    assert resp.headers["content-type"].startswith("application/problem+json")


def test_ten_thousand_ids_are_refused(client: httpx.Client) -> None:
    query = urlencode([("ids", f"alliance-{i}") for i in range(10_000)])
    refused(raw_get(client, "/alliances/compare?" + query), *REFUSED_BY_HTTP_LAYER)


@pytest.mark.parametrize("path", ["/cypher", "/articles"])
def test_ten_mb_body_is_413(client: httpx.Client, path: str) -> None:
    body = b'{"query": "' + b"x" * TEN_MB + b'"}'
    resp = client.post(
        path, content=body, headers={"content-type": "application/json", "x-api-key": "wrong"}
    )
    refused(resp, 413)
    assert resp.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize("path", ["/cypher", "/articles"])
def test_ten_mb_chunked_body_is_413(client: httpx.Client, path: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"query": "'
        for _ in range(10):
            yield b"x" * (1024 * 1024)
        yield b'"}'

    resp = client.post(path, content=chunks(), headers={"content-type": "application/json"})
    refused(resp, 413)
