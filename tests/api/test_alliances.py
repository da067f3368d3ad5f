"""Alliances over real HTTP on the seed graph: list, detail, members (as of a day, by
kind, paged) and the side-by-side comparison."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest
from neo4j import Driver

from allygraph.loaders.writer import write_extraction
from allygraph.models import Entity, Relation
from tests.factories import SEOUL, evidence, extraction

AI_ONE_TEAM = {
    "kt": ("leader", "2020-02"),
    "hhi-holdings": ("founder", "2020-02"),
    "kaist": ("founder", "2020-02"),
    "hanyang-university": ("founder", "2020-02"),
    "etri": ("founder", "2020-02"),
    "lg-electronics": ("member", "2020-06-03"),
    "lg-uplus": ("member", "2020-06-03"),
}
FOUNDERS = {"kt", "hhi-holdings", "kaist", "hanyang-university", "etri"}
SUPER_COOPERATION = {"sk-telecom", "kakao", "samsung-electronics"}


def member_ids(body: dict) -> set[str]:
    return {m["member"]["id"] for m in body["members"]}


def test_list_has_both_alliances_with_leaders_and_counts(client: httpx.Client) -> None:
    response = client.get("/alliances")
    assert response.status_code == 200
    by_id = {a["alliance"]["id"]: a for a in response.json()["alliances"]}
    assert set(by_id) == {"ai-one-team", "ai-super-cooperation"}
    one = by_id["ai-one-team"]
    assert [leader["id"] for leader in one["leaders"]] == ["kt"]
    assert one["formed"] == "2020-02"
    assert one["member_count"] == 7
    assert {k["kind"]: k["count"] for k in one["members_by_kind"]} == {
        "Company": 4,
        "University": 2,
        "ResearchInstitute": 1,
    }
    sup = by_id["ai-super-cooperation"]
    assert [leader["id"] for leader in sup["leaders"]] == ["sk-telecom"]
    assert sup["member_count"] == 3


def test_alliance_detail_names_leader_with_evidence_and_rival(client: httpx.Client) -> None:
    body = client.get("/alliances/ai-one-team").json()
    assert body["alliance"] == {
        "id": "ai-one-team",
        "type": "Alliance",
        "name": "AI 원팀",
        "name_en": "AI One Team",
    }
    (leader,) = body["leaders"]
    assert leader["entity"]["id"] == "kt"
    assert leader["evidence"] and leader["evidence"][0]["sentence"]
    assert [r["entity"]["id"] for r in body["rivals"]] == ["ai-super-cooperation"]


def test_members_today_are_the_seven_with_roles_and_dates(client: httpx.Client) -> None:
    response = client.get("/alliances/ai-one-team/members")
    assert response.status_code == 200
    body = response.json()
    got = {m["member"]["id"]: (m["role"], m["since"]) for m in body["members"]}
    assert got == AI_ONE_TEAM
    assert body["next"] is None
    for member in body["members"]:
        assert set(member["member"]) == {"id", "type", "name", "name_en"}
        (evidence,) = member["evidence"]
        assert evidence["title"].startswith("KT '기가지니'")
        assert evidence["published"].startswith("2020-06-03")
        assert evidence["sentence"]
        assert evidence["end"] > evidence["start"] >= 0


def test_members_say_since_when_an_article_evidences_them(client: httpx.Client) -> None:
    body = client.get("/alliances/ai-one-team/members").json()
    assert {m["first_seen"] for m in body["members"]} == {"2020-06-03"}
    compare = client.get(
        "/alliances/compare", params={"ids": ["ai-one-team", "ai-super-cooperation"]}
    ).json()
    assert {m["first_seen"] for s in compare["sides"] for m in s["members"]} == {"2020-06-03"}


def test_a_member_without_since_appears_from_its_first_evidence(
    graph: Driver, api: httpx.Client
) -> None:
    ex = extraction("art-1", published=datetime(2021, 5, 10, 8, 0, tzinfo=SEOUL))
    ex.relations[1] = Relation(
        type="MEMBER_OF", from_="lg-electronics", to="ai-one-team", evidence=evidence("art-1")
    )
    ex.entities.append(Entity(id="rival", type="Alliance", name="rival"))
    write_extraction(graph, ex, "neo4j")
    path = "/alliances/ai-one-team/members"
    before = api.get(path, params={"as_of": "2021-05-09"}).json()
    assert member_ids(before) == {"kt"}  # dated by its since, 2020-02
    (lg,) = [m for m in api.get(path, params={"as_of": "2021-05-10"}).json()["members"]
             if m["member"]["id"] == "lg-electronics"]  # fmt: skip
    assert (lg["since"], lg["first_seen"]) == (None, "2021-05-10")
    for day, members in (("2021-05-09", {"kt"}), ("2021-05-10", {"kt", "lg-electronics"})):
        body = api.get(
            "/alliances/compare", params={"ids": ["ai-one-team", "rival"], "as_of": day}
        ).json()
        assert member_ids(body["sides"][0]) == members


def test_members_as_of_march_2020_are_the_five_founders(client: httpx.Client) -> None:
    body = client.get("/alliances/ai-one-team/members", params={"as_of": "2020-03-01"}).json()
    assert member_ids(body) == FOUNDERS
    assert body["as_of"] == "2020-03-01"


def test_members_as_of_the_day_the_lg_pair_joined_includes_them(client: httpx.Client) -> None:
    body = client.get("/alliances/ai-one-team/members", params={"as_of": "2020-06-03"}).json()
    assert member_ids(body) == set(AI_ONE_TEAM)
    before = client.get("/alliances/ai-one-team/members", params={"as_of": "2020-06-02"})
    assert member_ids(before.json()) == FOUNDERS


def test_members_before_the_alliance_existed_is_empty(client: httpx.Client) -> None:
    body = client.get("/alliances/ai-one-team/members", params={"as_of": "2019-12-31"}).json()
    assert body["members"] == []


def test_members_by_kind(client: httpx.Client) -> None:
    body = client.get("/alliances/ai-one-team/members", params={"kind": "University"}).json()
    assert member_ids(body) == {"kaist", "hanyang-university"}


def test_super_cooperation_members(client: httpx.Client) -> None:
    body = client.get("/alliances/ai-super-cooperation/members").json()
    assert {m["member"]["name"] for m in body["members"]} == {"SK텔레콤", "카카오", "삼성전자"}
    assert member_ids(body) == SUPER_COOPERATION


def test_members_page_with_a_cursor(client: httpx.Client) -> None:
    seen: list[str] = []
    after = None
    for _ in range(10):
        params = {"limit": 3, **({"after": after} if after else {})}
        body = client.get("/alliances/ai-one-team/members", params=params).json()
        seen += [m["member"]["id"] for m in body["members"]]
        after = body["next"]
        if after is None:
            break
    assert seen == sorted(AI_ONE_TEAM)


@pytest.mark.parametrize(
    "path",
    ["/alliances/no-such-alliance", "/alliances/no-such-alliance/members", "/alliances/kt"],
)
def test_unknown_alliance_is_404(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")


def test_unknown_alliance_suggests_close_ids(client: httpx.Client) -> None:
    body = client.get("/alliances/ai-one").json()
    assert "ai-one-team" in [s["id"] for s in body["suggestions"]]


@pytest.mark.parametrize(
    "params", [{"as_of": "2020-13-01"}, {"as_of": "yesterday"}, {"kind": "Planet"},
               {"limit": 0}, {"limit": 501}],
)  # fmt: skip
def test_bad_member_parameters_are_422(client: httpx.Client, params: dict) -> None:
    response = client.get("/alliances/ai-one-team/members", params=params)
    assert response.status_code == 422
    assert response.json()["status"] == 422


def test_compare_the_rival_alliances(client: httpx.Client) -> None:
    response = client.get(
        "/alliances/compare", params={"ids": ["ai-one-team", "ai-super-cooperation"]}
    )
    assert response.status_code == 200
    body = response.json()
    sides = {s["alliance"]["id"]: s for s in body["sides"]}
    assert {m["member"]["id"] for m in sides["ai-one-team"]["members"]} == set(AI_ONE_TEAM)
    assert {m["member"]["id"] for m in sides["ai-super-cooperation"]["members"]} == (
        SUPER_COOPERATION
    )
    assert [x["id"] for x in sides["ai-one-team"]["leaders"]] == ["kt"]
    assert [x["id"] for x in sides["ai-super-cooperation"]["leaders"]] == ["sk-telecom"]
    assert body["shared_members"] == []
    (alliances,) = body["alliance_rivalries"]
    assert {alliances["from"]["id"], alliances["to"]["id"]} == {
        "ai-one-team",
        "ai-super-cooperation",
    }
    across = {(r["from"]["id"], r["to"]["id"]) for r in body["member_rivalries"] if r["across"]}
    assert across == {("kt", "sk-telecom")}
    assert [a["agreement"]["type"] for a in body["agreements"]] == ["Agreement"]
    assert sorted(body["agreements"][0]["parties"]) == ["kt", "lg-electronics", "lg-uplus"]
    assert "no shared members" in body["summary"]


def test_compare_as_of_march_2020(client: httpx.Client) -> None:
    body = client.get(
        "/alliances/compare",
        params={"ids": ["ai-one-team", "ai-super-cooperation"], "as_of": "2020-03-01"},
    ).json()
    sides = {s["alliance"]["id"]: s for s in body["sides"]}
    assert {m["member"]["id"] for m in sides["ai-one-team"]["members"]} == FOUNDERS


@pytest.mark.parametrize(
    "ids", [["ai-one-team"], [f"a{i}" for i in range(11)]],
)  # fmt: skip
def test_compare_needs_2_to_10_ids(client: httpx.Client, ids: list[str]) -> None:
    assert client.get("/alliances/compare", params={"ids": ids}).status_code == 422


def test_compare_with_an_unknown_id_is_404(client: httpx.Client) -> None:
    response = client.get("/alliances/compare", params={"ids": ["ai-one-team", "nope"]})
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


def test_members_of_a_huge_alliance_page_without_sorting_everything(
    graph: Driver, api: httpx.Client
) -> None:
    graph.execute_query(
        "CREATE (:Entity:Alliance {id: 'hub', name: 'hub'}) WITH 1 AS x "
        "UNWIND range(0, 2999) AS i "
        "CREATE (o:Entity:Company:Organization {id: 'org-' + right('0000' + toString(i), 5), "
        "name: 'o' + i}) WITH o MATCH (h:Alliance {id: 'hub'}) "
        "CREATE (o)-[:MEMBER_OF {role: 'member'}]->(h)",
        database_="neo4j",
    )
    first = api.get("/alliances/hub/members", params={"limit": 500}).json()
    assert len(first["members"]) == 500
    assert first["next"] == "org-00499"
    second = api.get("/alliances/hub/members", params={"limit": 500, "after": first["next"]}).json()
    assert second["members"][0]["member"]["id"] == "org-00500"
