"""CSV answers over real HTTP on the seed graph: ``?format=csv`` and ``Accept: text/csv`` on
members, agreements and compare give one row per fact, a header, UTF-8 with a BOM, the
same facts as the JSON answer, and are documented in OpenAPI."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

BOM = b"\xef\xbb\xbf"
MEMBERS = "/alliances/ai-one-team/members"
COMPARE = "/alliances/compare?ids=ai-one-team&ids=ai-super-cooperation"
EVIDENCE = ["latest_evidence", "evidence_count", "article_ids", "evidence"]


def table(response: httpx.Response) -> list[dict[str, str]]:
    """The CSV body as rows by column, after checking what makes Excel read it right."""
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(BOM)
    assert "Accept" in response.headers["vary"]
    text = response.content.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text)))


def header(response: httpx.Response) -> list[str]:
    return next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_members_as_csv_one_row_per_member_with_evidence(client: httpx.Client) -> None:
    as_json = client.get(MEMBERS).json()
    response = client.get(MEMBERS, params={"format": "csv"})
    rows = table(response)
    assert header(response) == [
        "alliance", "as_of", "member_id", "member_name", "member_name_en", "member_type",
        "role", "since", "until", "first_seen", *EVIDENCE,
    ]  # fmt: skip
    assert 'filename="ai-one-team-members.csv"' in response.headers["content-disposition"]
    by_id = {r["member_id"]: r for r in rows}
    assert len(rows) == len(as_json["members"]) == 7
    for member in as_json["members"]:
        row = by_id[member["member"]["id"]]
        assert row["alliance"] == "ai-one-team"
        assert row["member_name"] == member["member"]["name"]
        assert row["role"] == member["role"] and row["since"] == member["since"]
        assert row["latest_evidence"] == member["latest_evidence"] == "2020-06-03"
        assert row["evidence_count"] == str(len(member["evidence"]))
        (evidence,) = member["evidence"]
        assert row["article_ids"] == evidence["article_id"]
        assert evidence["sentence"] in row["evidence"]
        assert row["evidence"].startswith("2020-06-03 KT '기가지니'")
    assert by_id["kaist"]["member_name"] == "한국과학기술원"  # Korean survives the round trip


def test_accept_text_csv_is_the_same_as_format_csv(client: httpx.Client) -> None:
    by_param = client.get(MEMBERS, params={"format": "csv"})
    by_header = client.get(MEMBERS, headers={"Accept": "text/csv"})
    assert by_header.content == by_param.content
    preferred = client.get(MEMBERS, headers={"Accept": "application/json;q=0.5, text/csv"})
    assert preferred.content == by_param.content


@pytest.mark.parametrize(
    ("accept", "params"),
    [
        ("*/*", {}),
        ("application/json", {}),
        ("text/csv;q=0.5, application/json", {}),
        ("text/csv", {"format": "json"}),  # the parameter wins
    ],
)
def test_json_stays_the_default(client: httpx.Client, accept: str, params: dict) -> None:
    response = client.get(MEMBERS, params=params, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["vary"] == "Accept"
    assert len(response.json()["members"]) == 7


def test_csv_and_json_have_different_etags(client: httpx.Client) -> None:
    as_json = client.get(MEMBERS)
    as_csv = client.get(MEMBERS, headers={"Accept": "text/csv"})
    assert as_json.headers["etag"] != as_csv.headers["etag"]
    # A client holding the JSON copy who now asks for CSV gets CSV, not a 304.
    again = client.get(
        MEMBERS, headers={"Accept": "text/csv", "If-None-Match": as_json.headers["etag"]}
    )
    assert again.status_code == 200 and again.content.startswith(BOM)
    same = client.get(
        MEMBERS, headers={"Accept": "text/csv", "If-None-Match": as_csv.headers["etag"]}
    )
    assert same.status_code == 304


def test_members_csv_pages_with_a_link_header(client: httpx.Client) -> None:
    first = client.get(MEMBERS, params={"format": "csv", "limit": 4})
    ids = [r["member_id"] for r in table(first)]
    assert len(ids) == 4
    link = first.headers["link"]
    assert link.endswith('>; rel="next"')
    rest = client.get(link[1 : link.index(">")])
    more = [r["member_id"] for r in table(rest)]
    assert "link" not in rest.headers
    assert sorted(ids + more) == sorted(
        m["member"]["id"] for m in client.get(MEMBERS).json()["members"]
    )


def test_members_csv_as_of_a_day_and_unknown_alliance(client: httpx.Client) -> None:
    rows = table(client.get(MEMBERS, params={"format": "csv", "as_of": "2020-03-01"}))
    assert {r["member_id"] for r in rows} == {
        "kt", "hhi-holdings", "kaist", "hanyang-university", "etri",
    }  # fmt: skip
    assert {r["as_of"] for r in rows} == {"2020-03-01"}
    missing = client.get("/alliances/nope/members", params={"format": "csv"})
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    bad = client.get(MEMBERS, params={"format": "xls"})
    assert bad.status_code == 422


def test_agreements_as_csv_one_row_per_party_and_signatory(client: httpx.Client) -> None:
    (agreement,) = client.get("/agreements", params={"party": "lg-uplus"}).json()["agreements"]
    response = client.get("/agreements", params={"party": "lg-uplus", "format": "csv"})
    rows = table(response)
    assert 'filename="lg-uplus-agreements.csv"' in response.headers["content-disposition"]
    assert len(rows) == len(agreement["parties"]) + len(agreement["signatories"])
    parties = {r["entity_id"] for r in rows if r["tie"] == "party"}
    assert parties == {p["entity"]["id"] for p in agreement["parties"]}
    signers = [r for r in rows if r["tie"] == "signatory"]
    assert {r["entity_id"] for r in signers} == {
        s["person"]["id"] for s in agreement["signatories"]
    }
    assert all(r["titles"] for r in signers)
    for row in rows:
        assert row["agreement_id"] == agreement["agreement"]["id"]
        assert row["date"] == "2020-06-03" and row["place"] == agreement["place"]
        assert row["objectives"] == "; ".join(agreement["objectives"])
        assert row["latest_evidence"] == "2020-06-03" and row["evidence"]


def test_compare_as_csv_one_row_per_fact(client: httpx.Client) -> None:
    body = client.get(COMPARE).json()
    response = client.get(COMPARE, headers={"Accept": "text/csv"})
    rows = table(response)
    facts = [r["fact"] for r in rows]
    assert facts.count("member") == sum(len(s["members"]) for s in body["sides"]) == 10
    assert facts.count("leader") == sum(len(s["leaders"]) for s in body["sides"]) == 2
    assert facts.count("alliance_rivalry") == len(body["alliance_rivalries"]) == 1
    assert facts.count("member_rivalry") == len(body["member_rivalries"])
    assert facts.count("agreement") == len(body["agreements"])
    assert facts.count("shared_member") == len(body["shared_members"])
    (rivalry,) = [r for r in rows if r["fact"] == "alliance_rivalry"]
    expected = body["alliance_rivalries"][0]
    assert (rivalry["subject_id"], rivalry["object_id"]) == (
        expected["from"]["id"],
        expected["to"]["id"],
    )
    assert rivalry["stale"] == str(expected["stale"]).lower()
    assert rivalry["latest_evidence"] == expected["latest_evidence"] == "2020-06-03"
    kt = next(r for r in rows if r["fact"] == "member" and r["subject_id"] == "kt")
    assert (kt["alliance_id"], kt["object_id"], kt["role"]) == ("ai-one-team",) * 2 + ("leader",)


def test_openapi_documents_the_csv_answers(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/alliances/{id}/members", "/agreements", "/alliances/compare"):
        operation = paths[path]["get"]
        content = operation["responses"]["200"]["content"]
        assert "application/json" in content and "text/csv" in content, path
        assert "$ref" in content["application/json"]["schema"], path  # the model, still
        names = {p["name"] for p in operation["parameters"]}
        assert "format" in names, path
