"""Property-based run of the whole OpenAPI schema over real HTTP: no 5xx, and every answer
(problem+json included) matches its documented status and schema."""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from neo4j import Driver
from schemathesis.checks import (
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import ServerThread

CHECKS = (not_a_server_error, status_code_conformance, response_schema_conformance)


def _old_style_many() -> None:
    """hypothesis-jsonschema 0.23.1 (used by schemathesis 3.x) calls ``many.more()``, which
    recent Hypothesis replaced by ``with many(...) as m: for _ in m:``. Until the project pins
    a Hypothesis that still has it, adapt the new object to the old protocol for that one
    caller. Test-only; a no-op on Hypothesis versions that have ``more``."""
    from hypothesis.internal.conjecture import utils as cu
    from hypothesis_jsonschema import _from_schema

    if hasattr(cu.many, "more"):
        return

    class OldMany:
        def __init__(self, data: Any, **kwargs: Any) -> None:
            self._many = cu.many(data, **kwargs)
            self._elements: Any = None

        def more(self) -> bool:
            if self._elements is None:
                self._many.__enter__()
                self._elements = iter(self._many)
            try:
                next(self._elements)
            except StopIteration:
                self._many.__exit__(None, None, None)
                return False
            return True

        def reject(self, why: str | None = None) -> None:
            self._many.reject(why)

    class Utils:
        def __getattr__(self, name: str) -> Any:
            return OldMany if name == "many" else getattr(cu, name)

    _from_schema.cu = Utils()  # type: ignore[attr-defined]


_old_style_many()
# ALLYGRAPH_FUZZ_EXAMPLES raises it for a long run (the probe: 150 per operation).
EXAMPLES = int(os.environ.get("ALLYGRAPH_FUZZ_EXAMPLES", "25"))


@pytest.fixture(scope="module")
def schema(api_server: ServerThread) -> Any:
    # FastAPI writes OpenAPI 3.1; schemathesis 3.x reads it fully as 3.0 for what we use.
    return schemathesis.from_uri(
        api_server.url + "/openapi.json", base_url=api_server.url, force_schema_version="30"
    )


def test_openapi_has_examples_and_problem_responses(api_server: ServerThread) -> None:
    spec = httpx.get(api_server.url + "/openapi.json").json()
    members = spec["paths"]["/alliances/{id}/members"]["get"]
    assert "application/problem+json" in members["responses"]["404"]["content"]
    assert "304" in members["responses"]
    assert spec["paths"]["/cypher"]["post"]["responses"]["403"]


def test_schema_fuzz(schema: Any, seeded: Driver) -> None:
    """Each operation gets at most EXAMPLES generated requests (fewer for ingestion)."""
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        examples = 10 if operation.path == "/articles" and operation.method == "post" else EXAMPLES

        @settings(
            max_examples=examples,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        @given(case=operation.as_strategy())
        def check(case: Any) -> None:
            response = case.call(timeout=30)
            case.validate_response(response, checks=CHECKS)

        try:
            check()
        except Exception as exc:  # gather every operation's failure, then report them all
            first = str(exc).strip().splitlines()[:6]
            failures.append(f"{operation.method.upper()} {operation.path}: " + " | ".join(first))
    assert not failures, "\n".join(failures)
