"""Curation over real HTTP (GET /entities/new, POST /entities/{id}/merge and /rename): the
steps of loaders/curation.py behind the API key, idempotent, the read answers changing at
once, and bad input refused as problem+json."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr

from allygraph.settings import Settings
from tests.api.conftest import counts
from tests.conftest import ROOT, ServerThread

KEY = {"X-API-Key": "s3cret"}


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("curation") / "registry.yaml"


@pytest.fixture(scope="module")
def keyed_server(test_settings: Settings, driver: Driver, registry: Path) -> Iterator[ServerThread]:
    keyed = test_settings.model_copy(
        update={"api_key": SecretStr("s3cret"), "registry_path": registry}
    )
    with ServerThread(keyed) as server:
        yield server


@pytest.fixture
def keyed(keyed_server: ServerThread, registry: Path, seeded: Driver) -> Iterator[httpx.Client]:
    """A client to a keyed API on the seed graph, with a fresh copy of the registry."""
    shutil.copy(ROOT / "data" / "registry.yaml", registry)
    with httpx.Client(base_url=keyed_server.url, timeout=120) as http:
        yield http


def members(http: httpx.Client) -> set[str]:
    response = http.get("/alliances/ai-one-team/members")
    assert response.status_code == 200, response.text
    return {m["member"]["id"] for m in response.json()["members"]}


def problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "Traceback" not in response.text
    return response.json()  # type: ignore[no-any-return]


def test_new_entities_are_listed(keyed: httpx.Client) -> None:
    response = keyed.get("/entities/new", params={"limit": 5})
    assert response.status_code == 200, response.text
    rows = response.json()["entities"]
    assert len(rows) <= 5
    assert all(row["articles"] >= 1 and row["id"] for row in rows)
    problem(keyed.get("/entities/new", params={"limit": 0}), 422)


def test_merge_moves_members_and_is_idempotent(
    keyed: httpx.Client, registry: Path, seeded: Driver
) -> None:
    assert {"lg-uplus", "lg-electronics"} <= members(keyed)
    assert keyed.get("/organizations/lg-uplus").status_code == 200
    version = counts(seeded)[2]

    merged = keyed.post("/entities/lg-uplus/merge", json={"into": "lg-electronics"}, headers=KEY)
    assert merged.status_code == 200, merged.text
    body = merged.json()
    assert body["done"] and body["action"] == "merge-entity"
    assert body["args"] == ["lg-electronics", "lg-uplus"] and body["articles"] == 1
    assert "{id: lg-uplus," not in registry.read_text(encoding="utf-8")
    after = counts(seeded)
    assert after[2] is not None and version is not None and after[2] > version
    assert "lg-uplus" not in members(keyed) and "lg-electronics" in members(keyed)
    problem(keyed.get("/organizations/lg-uplus"), 404)
    assert keyed.get("/organizations/lg-electronics").status_code == 200

    again = keyed.post("/entities/lg-uplus/merge", json={"into": "lg-electronics"}, headers=KEY)
    assert again.status_code == 200, again.text
    assert not again.json()["done"] and "merged into lg-electronics" in again.json()["message"]
    assert counts(seeded) == after


def test_rename_then_rename_again(keyed: httpx.Client, seeded: Driver) -> None:
    renamed = keyed.post("/entities/kt/rename", json={"name": "케이티 주식회사"}, headers=KEY)
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["done"] and renamed.json()["articles"] == 1
    org = keyed.get("/organizations/kt")
    assert org.status_code == 200 and "케이티 주식회사" in org.text
    after = counts(seeded)
    again = keyed.post("/entities/kt/rename", json={"name": "케이티 주식회사"}, headers=KEY)
    assert again.status_code == 200 and not again.json()["done"]
    assert counts(seeded) == after


def test_the_key_is_needed(keyed: httpx.Client, api: httpx.Client, seeded: Driver) -> None:
    before = counts(seeded)
    url, body = "/entities/lg-uplus/merge", {"into": "lg-electronics"}
    problem(keyed.post(url, json=body), 401)
    problem(keyed.post(url, json=body, headers={"X-API-Key": "nope"}), 403)
    problem(keyed.post("/entities/kt/rename", json={"name": "x"}), 401)
    problem(api.post(url, json=body, headers=KEY), 403)  # no key configured on that server
    assert counts(seeded) == before


def test_unknown_ids_are_a_404_naming_them(keyed: httpx.Client, seeded: Driver) -> None:
    before = counts(seeded)
    gone = keyed.post("/entities/no-such-firm/merge", json={"into": "kt"}, headers=KEY)
    assert "no-such-firm" in str(problem(gone, 404)["detail"])
    into = keyed.post("/entities/kt/merge", json={"into": "no-such-firm"}, headers=KEY)
    assert "no-such-firm" in str(problem(into, 404)["detail"])
    renamed = keyed.post("/entities/no-such-firm/rename", json={"name": "이름"}, headers=KEY)
    assert "no-such-firm" in str(problem(renamed, 404)["detail"])
    assert counts(seeded) == before


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/entities/kt/merge", {}),
        ("/entities/kt/merge", {"into": ""}),
        ("/entities/kt/merge", {"into": "Not An Id"}),
        ("/entities/kt/merge", {"into": "lg-uplus", "extra": 1}),
        ("/entities/kt/merge", ["lg-uplus"]),
        ("/entities/kt/rename", {}),
        ("/entities/kt/rename", {"name": "   "}),
        ("/entities/kt/rename", {"name": 3}),
        ("/entities/KT%20x/rename", {"name": "케이티"}),
    ],
)
def test_bad_bodies_are_a_422(keyed: httpx.Client, seeded: Driver, url: str, body: object) -> None:
    before = counts(seeded)
    problem(keyed.post(url, json=body, headers=KEY), 422)
    assert counts(seeded) == before


def test_merging_into_itself_is_refused(keyed: httpx.Client) -> None:
    problem(keyed.post("/entities/kt/merge", json={"into": "kt"}, headers=KEY), 409)
