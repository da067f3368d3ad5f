"""The route class every router uses: a returned pydantic model is serialised once.

FastAPI would dump a returned model to a dict and validate that dict against
``response_model`` again before encoding it: three passes over every member and evidence
sentence. Our routes build their answer with ``Model.model_validate`` from the query rows
already, so this route class turns the model straight into JSON bytes with pydantic-core
(by alias, as FastAPI would). ``response_model`` still documents the answer in OpenAPI,
and the schemathesis tests check that the bytes match it.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import Response
from fastapi.routing import APIRoute
from pydantic import BaseModel


def _json_once(
    endpoint: Callable[..., Awaitable[Any]], status_code: int
) -> Callable[..., Awaitable[Any]]:
    @functools.wraps(endpoint)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = await endpoint(*args, **kwargs)
        if isinstance(result, BaseModel):
            body = result.__pydantic_serializer__.to_json(result, by_alias=True)
            return Response(body, status_code=status_code, media_type="application/json")
        return result

    return wrapper


class ModelRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        status_code = kwargs.get("status_code") or 200
        super().__init__(path, _json_once(endpoint, status_code), **kwargs)
