"""Health: is the API up, and does Neo4j answer a query right now?"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from allygraph import __version__
from allygraph.errors import AllygraphError
from allygraph.service.deps import DriverDep, SettingsDep, read
from allygraph.service.routing import ModelRoute

router = APIRouter(tags=["health"], route_class=ModelRoute)


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    version: str
    neo4j: Literal["up", "down"]
    reason: str | None = None


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Health, "description": "Neo4j is unreachable"}},
)
async def health(driver: DriverDep, settings: SettingsDep) -> Health | JSONResponse:
    try:
        await read(driver, settings, "health")
    except AllygraphError as exc:
        reason = exc.message
    except Exception as exc:  # any driver failure means "down", with its reason
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    else:
        return Health(status="ok", version=__version__, neo4j="up")
    body = Health(status="degraded", version=__version__, neo4j="down", reason=reason)
    return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "5"})
