"""Organisations, people, agreements, paths, the drawing graph and articles, on the seed."""

from __future__ import annotations

import httpx
import pytest
from neo4j import Driver


def ids(items: list[dict], key: str) -> set[str]:
    return {item[key]["id"] for item in items}


def test_organization_kt(client: httpx.Client) -> None:
    response = client.get("/organizations/kt")
    assert response.status_code == 200
    body = response.json()
    assert body["organization"] == {
        "id": "kt", "type": "Company", "name": "KT", "name_en": "KT Corporation"
    }  # fmt: skip
    (membership,) = body["memberships"]
    assert membership["alliance"]["id"] == "ai-one-team"
    assert (membership["role"], membership["since"]) == ("leader", "2020-02")
    assert membership["evidence"][0]["sentence"]
    assert ids(body["leads"], "alliance") == {"ai-one-team"}
    assert len(body["agreements"]) == 1
    assert body["agreements"][0]["date"] == "2020-06-03"
    assert {e["person"]["id"]: e["title"] for e in body["executives"]} == {
        "jeon-hong-beom": "AI/DX융합사업부문장 부사장",
        "koo-hyun-mo": "사장",
    }
    assert ids(body["rivals"], "entity") == {"sk-telecom", "lg-uplus"}
    assert ids(body["products"], "product") == {"giga-genie", "gepp"}
    assert len(body["articles"]) == 1


def test_person(client: httpx.Client) -> None:
    body = client.get("/people/park-il-pyung").json()
    assert body["person"]["name"] == "박일평"
    (position,) = body["positions"]
    assert position["organization"]["id"] == "lg-electronics"
    assert position["title"] == "CTO 사장"
    assert len(body["signed"]) == 1


def test_agreements_with_parties_and_signatories(client: httpx.Client) -> None:
    body = client.get("/agreements", params={"party": "lg-uplus"}).json()
    (agreement,) = body["agreements"]
    assert agreement["date"] == "2020-06-03"
    assert agreement["place"]
    assert len(agreement["objectives"]) == 4
    assert ids(agreement["parties"], "entity") == {"kt", "lg-electronics", "lg-uplus"}
    signed = {s["person"]["id"]: s["positions"] for s in agreement["signatories"]}
    assert set(signed) == {"park-il-pyung", "jeon-hong-beom", "lee-sang-min"}
    assert signed["lee-sang-min"][0]["organization"]["id"] == "lg-uplus"
    assert client.get("/agreements", params={"party": "kakao"}).json()["agreements"] == []
    assert len(client.get("/agreements").json()["agreements"]) == 1


@pytest.mark.parametrize(
    "path",
    ["/organizations/nope", "/people/nope", "/agreements?party=nope", "/articles/nope",
     "/paths?from=kt&to=nope", "/graph?center=nope", "/organizations/ai-one-team"],
)  # fmt: skip
def test_unknown_ids_are_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_paths_between_rival_telcos(client: httpx.Client) -> None:
    body = client.get("/paths", params={"from": "lg-uplus", "to": "sk-telecom"}).json()
    assert body["paths"]
    shortest = body["paths"][0]
    assert shortest["hops"] == 2
    path_ids = [n["id"] for n in shortest["nodes"]]
    assert (path_ids[0], path_ids[-1]) == ("lg-uplus", "sk-telecom")
    assert all(r["type"] != "MENTIONS" for p in body["paths"] for r in p["relationships"])
    assert all(n["type"] for p in body["paths"] for n in p["nodes"])


def test_paths_respect_max_hops(client: httpx.Client) -> None:
    body = client.get(
        "/paths", params={"from": "hanyang-university", "to": "kakao", "max_hops": 2}
    ).json()
    assert body["paths"] == []


@pytest.mark.parametrize("max_hops", [0, 7])
def test_paths_hops_bounded(client: httpx.Client, max_hops: int) -> None:
    response = client.get("/paths", params={"from": "kt", "to": "kakao", "max_hops": max_hops})
    assert response.status_code == 422


def test_graph_neighbourhood(client: httpx.Client) -> None:
    body = client.get("/graph", params={"center": "ai-one-team", "depth": 1}).json()
    node_ids = {n["id"] for n in body["nodes"]}
    assert {"ai-one-team", "kt", "lg-uplus", "ai-super-cooperation"} <= node_ids
    assert "Article" not in {n["type"] for n in body["nodes"]}
    assert all(e["from"] in node_ids and e["to"] in node_ids for e in body["edges"])
    bigger = client.get("/graph", params={"center": "ai-one-team", "depth": 2}).json()
    assert len(bigger["nodes"]) > len(body["nodes"])
    small = client.get("/graph", params={"center": "ai-one-team", "depth": 2, "limit": 3}).json()
    assert len(small["nodes"]) == 3
    assert small["truncated"] is True


def test_articles_and_the_facts_they_support(client: httpx.Client) -> None:
    listing = client.get("/articles").json()
    (item,) = listing["articles"]
    article_id = item["article"]["id"]
    assert item["mentions"] > 10
    body = client.get(f"/articles/{article_id}").json()
    assert body["article"]["title"].startswith("KT '기가지니'")
    assert len(body["facts"]) >= 20
    member = [f for f in body["facts"] if f["type"] == "MEMBER_OF" and f["from"]["id"] == "kt"]
    assert member and member[0]["evidence"][0]["article_id"] == article_id


def test_profile_survives_evidence_whose_article_is_gone(
    client: httpx.Client, seeded: Driver
) -> None:
    """Evidence pointing at a deleted article is left out, not a 500."""
    seeded.execute_query("MATCH (a:Article) DETACH DELETE a", database_="neo4j")
    response = client.get("/organizations/kt")
    assert response.status_code == 200
    body = response.json()
    assert body["memberships"], body
    assert all(m["evidence"] == [] for m in body["memberships"])
