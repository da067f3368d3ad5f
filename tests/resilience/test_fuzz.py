"""Property-based fuzzing: article intake raises only IntakeError; API parameters get a
4xx problem+json or a clean answer, never a 5xx or a traceback."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from neo4j import Driver

from allygraph.errors import IntakeError
from allygraph.loaders.writer import write_extraction
from allygraph.models import Article
from tests.conftest import ServerThread
from tests.factories import extraction

# Per API test; ALLYGRAPH_FUZZ_EXAMPLES raises it for a long run (the probe: 150).
API_EXAMPLES = int(os.environ.get("ALLYGRAPH_FUZZ_EXAMPLES", "40"))
text = st.text(max_size=300)
weird = st.one_of(
    text,
    st.sampled_from(
        [
            "",
            " ",
            "%",
            "%00",
            "../..",
            "'",
            '"',
            "\\",
            "*",
            "a" * 201,
            "2020-02-30",
            "2020-13-01",
            "0000-00-00",
            "9999-12-31",
            "-1",
            "1e9",
            "null",
            "{}",
            "[]",
            "MATCH (n) DETACH DELETE n",
            "카이스트",
            "엘지 유플러스",
            "LG U+",
            "\u0000",
            "\ud7a3" * 50,
            "kt\n",
            "ai-one-team",
        ]
    ),
)
number = st.one_of(st.integers(min_value=-(10**30), max_value=10**30).map(str), weird)


def check(resp: httpx.Response) -> None:
    assert resp.status_code < 500, (resp.request.url, resp.status_code, resp.text[:300])
    assert "Traceback" not in resp.text
    if resp.status_code >= 400 and resp.status_code != 405:
        assert resp.headers["content-type"].startswith("application/problem+json"), resp.text
        body = resp.json()
        assert body["status"] == resp.status_code and body["title"]


# ---------------------------------------------------------------------------------------
# Intake


@settings(max_examples=300, deadline=None)
@given(raw=st.one_of(st.binary(max_size=2000), st.text(max_size=2000)))
def test_parse_article_raises_only_intake_error(raw: str | bytes) -> None:
    from allygraph.loaders.intake import parse_article

    try:
        article = parse_article(raw, source_path="fuzz.txt")
    except IntakeError:
        return
    assert isinstance(article, Article)
    for s in article.sentences:
        assert 0 <= s.start <= s.end <= len(article.text)


@settings(max_examples=100, deadline=None)
@given(
    lines=st.lists(
        st.sampled_from(
            [
                "KT·LG유플러스, AI 기술협력 '맞손'",
                "2020-06-03 15:51",
                "2020.06.03",
                "  • 글자크기 설정",
                "[사진=KT 제공]",
                "<p>KT와 LG전자가</p>",
                "<html><body>",
                "©아주경제. 무단전재·재배포 금지",
                "",
                " ",
                "\t",
                "KT와 LG전자, LG유플러스가 인공지능(AI) 분야 협력을 위한 동맹을 결성했다.",
            ]
        ),
        max_size=30,
    )
)
def test_parse_article_on_article_like_text(lines: list[str]) -> None:
    from allygraph.loaders.intake import parse_article

    with contextlib.suppress(IntakeError):
        parse_article("\n".join(lines), source_path="fuzz.txt")


# ---------------------------------------------------------------------------------------
# API parameters


@pytest.fixture(scope="module")
def fuzz_api(graph_for_fuzz: Driver, test_settings) -> Iterator[httpx.Client]:  # type: ignore[no-untyped-def]
    with (
        ServerThread(test_settings) as server,
        httpx.Client(base_url=server.url, timeout=60) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def graph_for_fuzz(driver: Driver) -> Driver:
    from tests.conftest import clear_graph

    clear_graph(driver)
    write_extraction(driver, extraction(), database="neo4j")
    return driver


FUZZ = settings(
    max_examples=API_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(id_=weird, as_of=weird, kind=weird, limit=number, after=weird)
def test_members_parameters(
    fuzz_api: httpx.Client, id_: str, as_of: str, kind: str, limit: str, after: str
) -> None:
    params = {"as_of": as_of, "kind": kind, "limit": limit, "after": after}
    check(fuzz_api.get(f"/alliances/{quote(id_, safe='')}/members", params=params))
    check(fuzz_api.get("/alliances/ai-one-team/members", params={"as_of": as_of}))


@FUZZ
@given(ids=st.lists(weird, max_size=12), as_of=weird)
def test_compare_parameters(fuzz_api: httpx.Client, ids: list[str], as_of: str) -> None:
    check(fuzz_api.get("/alliances/compare", params=[("ids", i) for i in ids] + [("as_of", as_of)]))


@FUZZ
@given(q=weird, limit=number)
def test_search_parameters(fuzz_api: httpx.Client, q: str, limit: str) -> None:
    check(fuzz_api.get("/search", params={"q": q, "limit": limit}))


@FUZZ
@given(id_=weird)
def test_entity_ids(fuzz_api: httpx.Client, id_: str) -> None:
    for prefix in ("/organizations/", "/people/", "/alliances/", "/agreements/", "/articles/"):
        check(fuzz_api.get(prefix + quote(id_, safe="")))


@FUZZ
@given(a=weird, b=weird, max_hops=number, center=weird, depth=number, limit=number)
def test_graph_parameters(
    fuzz_api: httpx.Client, a: str, b: str, max_hops: str, center: str, depth: str, limit: str
) -> None:
    check(fuzz_api.get("/paths", params={"from": a, "to": b, "max_hops": max_hops}))
    check(
        fuzz_api.get("/paths", params={"from": "kt", "to": "lg-electronics", "max_hops": max_hops})
    )
    check(fuzz_api.get("/graph", params={"center": center, "depth": depth, "limit": limit}))
