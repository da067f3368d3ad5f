"""The API key check for the routes that need one (``X-API-Key`` against ``API_KEY``).

Why a module of its own: ``POST /cypher`` can be made to need the key
(``CYPHER_REQUIRES_KEY``), as ``POST /articles`` always does; one comparison, in constant
time, for both.
"""

from __future__ import annotations

import secrets

from allygraph.errors import AllygraphError
from allygraph.settings import Settings


class KeyMissing(AllygraphError):
    status = 401
    title = "API key missing"


class KeyRefused(AllygraphError):
    status = 403
    title = "Forbidden"


def require_key(settings: Settings, given: str | None, what: str) -> None:
    """Raise unless ``given`` is the configured key; with no key configured, ``what`` is off
    (a route that needs a key is never open by mistake)."""
    if settings.api_key is None:
        raise KeyRefused(f"{what} needs an API key and none is configured (set API_KEY)")
    if not given:
        raise KeyMissing(f"{what} needs the API key: send it in the X-API-Key header")
    if not secrets.compare_digest(given.encode(), settings.api_key.get_secret_value().encode()):
        raise KeyRefused("the X-API-Key header does not match the configured key")
