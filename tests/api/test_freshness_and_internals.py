"""Over real HTTP on the seed graph (one 2020 article): every fact says when it was last
reported (``latest_evidence``), rivalries older than RIVALRY_STALE_DAYS are ``stale``, and
no answer carries the loaders' internal properties (search keys, curation flag, fold
state), neither the typed routes nor the nodes and relationships ``POST /cypher`` writes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from neo4j import Driver
from pydantic import ValidationError

from allygraph.settings import Settings
from tests.conftest import ServerThread

INTERNAL = {
    "names_text", "name_keys", "name_keys_text", "new", "fingerprint",
    "since_start", "until_start", "sinces", "untils", "roles", "titles",
}  # fmt: skip
SEED_DAY = "2020-06-03"


def keys(value: Any) -> set[str]:
    """Every key of every map in a JSON answer."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found |= set(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def evidenced(value: Any) -> list[dict[str, Any]]:
    """Every map in a JSON answer that carries an evidence list."""
    found, stack = [], [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("evidence"), list):
                found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_every_fact_says_when_it_was_last_reported(client: httpx.Client) -> None:
    for path in (
        "/alliances/ai-one-team",
        "/alliances/ai-one-team/members",
        "/alliances/compare?ids=ai-one-team&ids=ai-super-cooperation",
        "/organizations/kt",
        "/agreements",
    ):
        facts = [f for f in evidenced(client.get(path).json()) if "sentence" not in f]
        assert facts, path
        for fact in facts:
            assert fact["latest_evidence"] == SEED_DAY, (path, fact)


def test_old_rivalries_are_stale_by_default(client: httpx.Client) -> None:
    detail = client.get("/alliances/ai-one-team").json()
    assert [(r["entity"]["id"], r["stale"]) for r in detail["rivals"]] == [
        ("ai-super-cooperation", True)
    ]
    assert all(r["stale"] for r in client.get("/organizations/kt").json()["rivals"])
    compared = client.get("/alliances/compare?ids=ai-one-team&ids=ai-super-cooperation").json()
    rivalries = compared["alliance_rivalries"] + compared["member_rivalries"]
    assert rivalries and all(r["stale"] for r in rivalries)
    # Only rivalries: a leader or a partner is never marked.
    assert "stale" not in detail["leaders"][0]


@pytest.fixture
def patient_api(test_settings: Settings, seeded: Driver) -> Iterator[httpx.Client]:
    """The API with RIVALRY_STALE_DAYS large enough that a 2020 report is still fresh."""
    settings = test_settings.model_copy(update={"rivalry_stale_days": 36_500})
    with ServerThread(settings) as server, httpx.Client(base_url=server.url) as client:
        yield client


def test_the_stale_age_is_a_setting(patient_api: httpx.Client) -> None:
    detail = patient_api.get("/alliances/ai-one-team").json()
    assert [r["stale"] for r in detail["rivals"]] == [False]
    compared = patient_api.get("/alliances/compare?ids=ai-one-team&ids=ai-super-cooperation")
    assert not any(r["stale"] for r in compared.json()["alliance_rivalries"])


def test_stale_age_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RIVALRY_STALE_DAYS", "365")
    assert Settings(_env_file=None).rivalry_stale_days == 365  # type: ignore[call-arg]
    monkeypatch.setenv("RIVALRY_STALE_DAYS", "0")
    with pytest.raises(ValidationError):
        Settings(_env_file=None)  # type: ignore[call-arg]


def test_typed_routes_carry_no_internal_property(client: httpx.Client) -> None:
    article = client.get("/articles").json()["articles"][0]["article"]
    assert set(article) == {"id", "title", "subtitle", "published", "publisher", "url"}
    paths = [
        "/alliances", "/alliances/ai-one-team", "/alliances/ai-one-team/members",
        "/alliances/compare?ids=ai-one-team&ids=ai-super-cooperation", "/organizations/kt",
        "/agreements", "/search?q=kt", "/graph?center=kt", "/paths?from=kt&to=sk-telecom",
        "/articles", f"/articles/{article['id']}",
    ]  # fmt: skip
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert not keys(response.json()) & INTERNAL, path


def cypher(client: httpx.Client, query: str) -> list[dict[str, Any]]:
    response = client.post("/cypher", json={"query": query})
    assert response.status_code == 200, response.text
    return response.json()["rows"]


def test_cypher_nodes_and_relationships_leave_internal_properties_out(
    client: httpx.Client,
) -> None:
    (row,) = cypher(client, "MATCH (n:Entity {id: 'kt'}) RETURN n")
    properties = row["n"]["properties"]
    assert properties["name"] == "KT" and "케이티" in properties["aliases"]
    assert not set(properties) & INTERNAL
    (row,) = cypher(client, "MATCH (:Entity {id: 'kt'})-[r:MEMBER_OF]->() RETURN r")
    properties = row["r"]["properties"]
    assert properties["role"] == "leader" and properties["article_ids"]
    assert not set(properties) & INTERNAL
    (row,) = cypher(client, "MATCH p = (:Entity {id: 'kt'})-[:LEADS]->() RETURN p")
    assert not keys(row) & INTERNAL
    (row,) = cypher(client, "MATCH (a:Article) RETURN a LIMIT 1")
    assert "fingerprint" not in row["a"]["properties"] and row["a"]["properties"]["title"]
    # Asked for by name, a property is the user's to see.
    (row,) = cypher(client, "MATCH (n:Entity {id: 'kt'}) RETURN n.name_keys AS keys")
    assert "kt" in row["keys"]
