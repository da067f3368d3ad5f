"""The ad-hoc Cypher guards without Neo4j: the text scan, value depth, the iterative
encoder, and the circuit breaker's states."""

from __future__ import annotations

import asyncio
import json
import math
from pathlib import Path

import pytest
from neo4j.exceptions import ClientError, ServiceUnavailable

from allygraph.errors import DatabaseUnavailable
from allygraph.service.breaker import CircuitBreaker, Unresponsive
from allygraph.service.cypher_guard import (
    AdhocGate,
    QueryTooComplex,
    TooManyQueries,
    check_query,
    query_shape,
    value_depth,
)
from allygraph.service.encode import OverBudget, ValueTooDeep, encode
from tests.conftest import run_async

CYPHER = Path(__file__).resolve().parents[2] / "cypher"


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


@pytest.mark.parametrize(
    "text,depth",
    [
        ("RETURN 1", 0),
        ("RETURN ((1))", 2),
        ("RETURN [{a: [1]}]", 3),
        ("RETURN CASE WHEN true THEN CASE WHEN false THEN 1 END END", 2),
        ("RETURN NOT NOT NOT true", 3),
        ("RETURN '((((' + \"[[[[\" AS `{{{{`", 0),
        ("RETURN 1 // ((((\n", 0),
        ("RETURN 1 /* (((( */ + (2)", 1),
        ("RETURN 'unterminated ((((", 0),
    ],
)
def test_query_depth_skips_strings_and_comments(text: str, depth: int) -> None:
    assert query_shape(text)[0] == depth


def test_every_project_query_passes_the_default_limits() -> None:
    for path in CYPHER.glob("*.cypher"):
        check_query(path.read_text(encoding="utf-8"), 64, 1000)


@pytest.mark.parametrize(
    "text",
    [
        "RETURN " + "(" * 12_000 + "1" + ")" * 12_000,
        "RETURN " + "[" * 65 + "1" + "]" * 65,
        "RETURN " + "NOT " * 1000 + "true",
        "RETURN " + "CASE WHEN true THEN " * 100 + "1" + " END" * 100,
    ],
)
def test_deep_queries_are_refused(text: str) -> None:
    with pytest.raises(QueryTooComplex) as refused:
        check_query(text, 64, 1000)
    assert refused.value.status == 422
    assert refused.value.extra["reason"] == "depth"


def test_operator_chains_are_refused() -> None:
    with pytest.raises(QueryTooComplex) as refused:
        check_query("RETURN " + "+".join(["1"] * 20_000), 64, 1000)
    assert refused.value.extra["reason"] == "operators"


def test_unterminated_comments_and_strings_run_to_the_end() -> None:
    # Matched to the end once, never rescanned from each opening (linear time).
    assert query_shape("RETURN 1 /*" + " ((/*" * 30_000) == (0, 0)
    assert query_shape("RETURN 1 + '" + "((\\'" * 30_000) == (0, 1)


def test_value_depth_has_no_recursion_limit() -> None:
    assert value_depth({"a": [1, {"b": []}]}, 64) == 4
    assert value_depth(nested(500), 64) == 65  # stops once past the limit
    assert value_depth(nested(100_000), 10**6) == 100_001


def test_encoder_matches_json_and_maps_odd_values() -> None:
    value = {"a": [1, 2.5, {"b": float("nan")}], "c": "한국", "d": [], "e": {"f": None}}
    text = encode(value, 64)
    assert json.loads(text) == {
        "a": [1, 2.5, {"b": "nan"}],
        "c": "한국",
        "d": [],
        "e": {"f": None},
    }
    assert json.loads(encode([math.inf, b"\x00\x01"], 64)) == ["inf", "AAE="]


def test_encoder_refuses_deep_values_without_recursion_error() -> None:
    with pytest.raises(ValueTooDeep):
        encode(nested(600), 64)
    assert encode(nested(50_000), 60_000).count("[") == 50_001


def test_encoder_stops_at_its_budget() -> None:
    with pytest.raises(OverBudget):
        encode([list(range(20_000))] * 100, 64, budget=10_000)


def test_gate_refuses_past_its_limit() -> None:
    async def scenario() -> None:
        gate = AdhocGate(2)
        async with gate.slot(), gate.slot():
            with pytest.raises(TooManyQueries) as refused:
                async with gate.slot():
                    pass
            assert refused.value.status == 429
            assert refused.value.extra["retry_after"] == 1
        assert gate.running == 0

    run_async(scenario())


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def attempt(breaker: CircuitBreaker, error: BaseException | None = None) -> None:
    async with breaker.guard():
        if error is not None:
            raise error


def test_breaker_opens_on_outage_and_lets_one_probe_through() -> None:
    clock = Clock()
    breaker = CircuitBreaker(0.5, clock)

    async def scenario() -> None:
        with pytest.raises(ServiceUnavailable):
            await attempt(breaker, ServiceUnavailable("connection refused"))
        assert breaker.is_open
        with pytest.raises(DatabaseUnavailable) as fast:
            await attempt(breaker)  # refused without trying
        assert "connection refused" in fast.value.message
        clock.now = 0.6
        with pytest.raises(Unresponsive):  # the probe fails: open again
            await attempt(breaker, Unresponsive("no answer"))
        with pytest.raises(DatabaseUnavailable):
            await attempt(breaker)
        clock.now = 1.2
        await attempt(breaker)  # the probe succeeds: closed
        assert not breaker.is_open
        await attempt(breaker)

    run_async(scenario())


def test_query_errors_do_not_open_the_breaker() -> None:
    breaker = CircuitBreaker(0.5, Clock())

    async def scenario() -> None:
        with pytest.raises(ClientError):
            await attempt(breaker, ClientError("bad cypher"))
        assert not breaker.is_open

    run_async(scenario())


def test_only_one_probe_at_a_time() -> None:
    clock = Clock()
    breaker = CircuitBreaker(0.5, clock)

    async def scenario() -> None:
        with pytest.raises(OSError):
            await attempt(breaker, ConnectionRefusedError())
        clock.now = 1.0
        entered = asyncio.Event()
        release = asyncio.Event()

        async def probe() -> None:
            async with breaker.guard():
                entered.set()
                await release.wait()

        task = asyncio.create_task(probe())
        await entered.wait()
        with pytest.raises(DatabaseUnavailable):
            await attempt(breaker)  # a second request while the probe runs
        release.set()
        await task
        assert not breaker.is_open

    run_async(scenario())


def test_a_probe_that_times_out_tells_nothing() -> None:
    clock = Clock()
    breaker = CircuitBreaker(0.5, clock)

    async def scenario() -> None:
        with pytest.raises(ServiceUnavailable):
            await attempt(breaker, ServiceUnavailable("refused"))
        clock.now = 1.0
        with pytest.raises(TimeoutError):
            await attempt(breaker, TimeoutError())  # the probe: still open, probe freed
        assert breaker.is_open
        with pytest.raises(ServiceUnavailable):
            await attempt(breaker, ServiceUnavailable("refused"))  # the next one probes

    run_async(scenario())
