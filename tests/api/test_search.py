"""GET /search: every spelling people use finds the right entity first."""

from __future__ import annotations

import httpx
import pytest

from allygraph.service.lookup import lucene_query, without_particle


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("카이스트", "kaist"),
        ("KAIST", "kaist"),
        ("kaist", "kaist"),
        ("엘지 유플러스", "lg-uplus"),
        ("LG U+", "lg-uplus"),
        ("LG유플러스", "lg-uplus"),
        ("SKT", "sk-telecom"),
        ("AI원팀", "ai-one-team"),
        ("AI 원팀", "ai-one-team"),
        ("ai one team", "ai-one-team"),
        ("카카오와", "kakao"),
        ("삼성전자의", "samsung-electronics"),
        ("한국전자통신연구원에서", "etri"),
    ],
)
def test_spellings_resolve_first(client: httpx.Client, q: str, expected: str) -> None:
    response = client.get("/search", params={"q": q})
    assert response.status_code == 200
    hits = response.json()["hits"]
    assert hits, q
    assert hits[0]["entity"]["id"] == expected, [h["entity"]["id"] for h in hits]


def test_particle_is_dropped_only_when_nothing_matches(client: httpx.Client) -> None:
    body = client.get("/search", params={"q": "카카오와"}).json()
    assert body["matched"] == "카카오"


@pytest.mark.parametrize("q", ['LG "U+', "(kt)", "a && b || c", "*", "~?:\\/", "AND", "kt^2"])
def test_lucene_special_characters_never_break_search(client: httpx.Client, q: str) -> None:
    assert client.get("/search", params={"q": q}).status_code == 200


@pytest.mark.parametrize("q", ["", " ", "x" * 201])
def test_bad_queries_are_422(client: httpx.Client, q: str) -> None:
    assert client.get("/search", params={"q": q}).status_code == 422


def test_lucene_query_escapes_specials() -> None:
    assert lucene_query("LG U+") == "lg u\\+"
    assert lucene_query("a && b") == "a b"
    assert lucene_query("(kt)") == "\\(kt\\)"
    assert lucene_query("+-!") is None


def test_without_particle() -> None:
    assert without_particle("카카오와") == "카카오"
    assert without_particle("서울에서") == "서울"
    assert without_particle("KT") is None
    assert without_particle("가") is None
