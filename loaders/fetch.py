"""Articles from the web: one page fetched with bounds on everything it can cost.

A page is fetched with httpx: http(s) only, a connect and read timeout and an overall
deadline (a server that drips bytes cannot hold a load), a size cap (the same
``MAX_ARTICLE_BYTES`` as files; a declared length over it is refused before a byte is
read), at most ``FETCH_MAX_REDIRECTS`` redirects, and only HTML or plain text. Every
refusal is an ``IntakeError`` of one line that names the address, and nothing is written.
The page then goes through the same intake as a saved file (``loaders/intake``: the body
by trafilatura, the date by htmldate), with the address it was fetched from as its URL,
which is the article's identity (``loaders/article_writer.py``).
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from allygraph import __version__
from allygraph.errors import IntakeError
from allygraph.settings import get_settings

_URL = re.compile(r"^https?://[^\s/]+", re.I)
CONTENT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = f"allygraph/{__version__} (article intake)"


class FetchError(IntakeError):
    """The page could not be fetched (timeout, refused, HTTP error, too big, not a page)."""

    status = 502
    title = "Article page not fetched"


class AddressRefused(FetchError):
    """An address the API will not fetch: it resolves to a non-public network."""

    status = 422
    title = "Address not allowed"


def is_url(text: str) -> bool:
    return _URL.match(text) is not None


@dataclass(frozen=True)
class Fetched:
    url: str  # where the page was found, after redirects
    body: bytes
    content_type: str


def fetch(
    url: str,
    *,
    timeout: float | None = None,
    max_bytes: int | None = None,
    max_redirects: int | None = None,
    public_only: bool = False,
) -> Fetched:
    """The page at ``url``, within the bounds above (settings give the defaults).

    ``public_only`` (the API's fetches, asked for by whoever holds the key) refuses an
    address, or a redirect to one, that resolves to a loopback, private, link-local or
    reserved network: the server must not become a way into the network it stands in
    (Neo4j's own port, a cloud metadata service). The command line fetches for the
    person at the machine, who may load from an intranet."""
    settings = get_settings()
    timeout = timeout if timeout is not None else settings.fetch_timeout
    limit = max_bytes if max_bytes is not None else settings.max_article_bytes
    redirects = max_redirects if max_redirects is not None else settings.fetch_max_redirects
    if not is_url(url):
        raise FetchError(f"{url}: not an http(s) address")
    deadline = time.monotonic() + timeout
    try:
        with (
            httpx.Client(
                timeout=httpx.Timeout(timeout),
                follow_redirects=True,
                max_redirects=redirects,
                headers={"User-Agent": USER_AGENT},
                event_hooks={"request": [_refuse_private]} if public_only else {},
            ) as client,
            client.stream("GET", url) as response,
        ):
            return _read(url, response, limit, deadline, timeout)
    except httpx.TimeoutException:
        raise FetchError(f"{url}: no answer within {timeout:g} s") from None
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: more than {redirects} redirects") from None
    except httpx.HTTPError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {reason})") from None


def _refuse_private(request: httpx.Request) -> None:
    """Refuse a request (the first or a redirect) to a host on a non-public network."""
    host = request.url.host
    try:
        infos = socket.getaddrinfo(host, request.url.port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return  # unresolvable: httpx reports the connection error itself
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global:
            raise AddressRefused(
                f"{_origin(request)}: {host} is on a non-public network ({address}); the API "
                "fetches only public addresses (FETCH_ALLOW_PRIVATE=true allows others)"
            )


def _origin(request: httpx.Request) -> str:
    parts = urlsplit(str(request.url))
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _read(
    url: str, response: httpx.Response, limit: int, deadline: float, timeout: float
) -> Fetched:
    if response.status_code >= 400:
        raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in CONTENT_TYPES:
        raise FetchError(f"{url}: {content_type or 'no content type'}, not a web page")
    declared = response.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"{url}: {declared} bytes is larger than the limit of {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise FetchError(f"{url}: larger than the limit of {limit} bytes")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: no answer within {timeout:g} s")
        chunks.append(chunk)
    return Fetched(url=str(response.url), body=b"".join(chunks), content_type=content_type)
