"""Timeline acceptance (issue 15, item 8): one article per event of AI One Team and of SK
Telecom's rival camp, loaded through the real pipeline (intake, rules, overrides, writer),
must give the right members as of any day, keep the two camps apart, and not depend on the
order the articles are loaded in.

The corpus and its gold are in ``tests/data/timeline`` (see its README: the events, the
sources, and why SK Telecom, Samsung and Kakao's "AI R&D 협의체" of 2020-12-22 is the same
camp as "AI 초협력"). Expected answers are stated here by hand, from the events, not from
what the extractor currently does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from neo4j import Driver

from allygraph.loaders.files import article_files
from allygraph.loaders.pipeline import extract_path
from allygraph.loaders.writer import WriteSummary, write_extraction
from allygraph.models import Extraction
from allygraph.queries import get_query
from tests.conftest import ROOT, clear_graph

TIMELINE = ROOT / "tests" / "data" / "timeline"
ARTICLES = article_files([TIMELINE])
PLAN_ARTICLE = TIMELINE / "2020-06-01-mk-ai-one-team-expansion-plan.txt"

ONE_TEAM = "ai-one-team"
SUPER = "ai-super-cooperation"

# Organisations the registry (data/registry.yaml) does not list get a generated id; they are
# recognised by these ids or, whatever id they get, by one of these names. Every other
# organisation must carry its registry id.
UNREGISTERED: dict[str, tuple[str, ...]] = {
    "korea-investment-securities": ("한국투자증권", "한투"),
    "dongwon-group": ("동원그룹", "동원"),
    "hanjin": ("한진", "㈜한진"),
    "gc-holdings": ("GC", "녹십자홀딩스", "GC녹십자홀딩스"),
}

FOUNDERS = ["kt", "hhi-holdings", "kaist", "hanyang-university", "etri"]  # 2020-02-20
LG = ["lg-electronics", "lg-uplus"]  # 2020-06-03
KIS_DONGWON = ["korea-investment-securities", "dongwon-group"]  # 2020-08-27
WOORI = ["woori-bank"]  # 2021-04-20
HANJIN = ["hanjin"]  # 2021-10-22
GC_SKKU = ["gc-holdings", "skku"]  # 2022-05-26

ONE_TEAM_AS_OF: dict[str, list[str]] = {
    "2020-01-31": [],
    "2020-03-01": FOUNDERS,  # 5
    "2020-06-30": FOUNDERS + LG,  # 7: the plan article's "이르면 이달" is no join
    "2020-08-26": FOUNDERS + LG,  # 7: the day before Dongwon and KIS signed
    "2020-09-30": FOUNDERS + LG + KIS_DONGWON,  # 9
    "2021-05-31": FOUNDERS + LG + KIS_DONGWON + WOORI,  # 10
    "2021-12-31": FOUNDERS + LG + KIS_DONGWON + WOORI + HANJIN,  # 11
    "2022-06-30": FOUNDERS + LG + KIS_DONGWON + WOORI + HANJIN + GC_SKKU,  # 13
}

SUPER_AS_OF: dict[str, list[str]] = {
    "2019-12-31": [],
    "2020-01-06": [],  # a later "지난 1월" (2020-01) must not date them before the 7th
    "2020-01-10": ["sk-telecom", "samsung-electronics"],  # agreed at CES on 2020-01-07
    "2020-01-16": ["sk-telecom", "samsung-electronics"],
    "2020-01-17": ["sk-telecom", "samsung-electronics", "kakao"],  # Kakao on 2020-01-17
    "2020-12-31": ["sk-telecom", "samsung-electronics", "kakao"],  # the R&D council: same camp
    "2022-06-30": ["sk-telecom", "samsung-electronics", "kakao"],
}


def name_key(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


_BY_NAME = {name_key(n): key for key, names in UNREGISTERED.items() for n in names}
_EXPECTED = {i for ids in (*ONE_TEAM_AS_OF.values(), *SUPER_AS_OF.values()) for i in ids}
_REGISTRY_IDS = _EXPECTED - set(UNREGISTERED)  # the registry ids the expectations use


def canonical(entity: dict[str, Any]) -> str:
    """The key an organisation is expected under: its registry id, or for the organisations
    the registry lacks, the key of UNREGISTERED its id or name belongs to. Anything else
    (another id, a second node for a registered organisation) is shown as ``id (name)``, so
    that it is visible in the diff and never equal to an expected key."""
    if entity["id"] in UNREGISTERED or entity["id"] in _REGISTRY_IDS:
        return entity["id"]
    by_name = _BY_NAME.get(name_key(entity.get("name") or ""))
    return by_name or f"{entity['id']} ({entity.get('name')})"


def run(driver: Driver, name: str, **params: Any) -> list[dict[str, Any]]:
    query = get_query(name)
    records, _, _ = driver.execute_query(query.text, query.bind(**params), database_="neo4j")
    return [r.data() for r in records]


def run_cypher(driver: Driver, cypher: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(cypher, params, database_="neo4j")
    return [r.data() for r in records]


def members_as_of(driver: Driver, alliance: str, as_of: str | None) -> list[dict[str, Any]]:
    """Rows of cypher/alliance_members.cypher (what GET /alliances/{id}/members answers)."""
    return run(driver, "alliance_members", id=alliance, as_of=as_of, kind=None, after=None,
               limit=1000)  # fmt: skip


def describe(rows: list[dict[str, Any]]) -> list[str]:
    return [
        f"{r['member']['id']} ({r['member']['name']}) since={r['since']} role={r['role']}"
        + (f" first_seen={r['first_seen']}" if r.get("first_seen") else "")
        for r in rows
    ]


def load(
    driver: Driver, extractions: dict[str, Extraction], order: list[str]
) -> list[WriteSummary]:
    return [write_extraction(driver, extractions[name], "neo4j") for name in order]


@pytest.fixture(scope="module")
def extractions() -> dict[str, Extraction]:
    """Every timeline article through intake, the rule extractor and overrides, once."""
    assert len(ARTICLES) >= 8, f"timeline corpus missing: {ARTICLES}"
    return {path.name: extract_path(path) for path in ARTICLES}


@pytest.fixture(scope="module")
def timeline(driver: Driver, extractions: dict[str, Extraction]) -> Iterator[Driver]:
    """A graph holding exactly what loading the timeline articles writes (sorted order).
    Read-only for the tests that use it; the order tests below rebuild it as they found it."""
    clear_graph(driver)
    load(driver, extractions, sorted(extractions))
    yield driver


# --- 1. members as of a day ------------------------------------------------------------


MEMBERS_AS_OF = [
    *((ONE_TEAM, as_of, expected) for as_of, expected in ONE_TEAM_AS_OF.items()),
    *((SUPER, as_of, expected) for as_of, expected in SUPER_AS_OF.items()),
]


@pytest.mark.parametrize(
    ("alliance", "as_of", "expected"),
    MEMBERS_AS_OF,
    ids=[f"{alliance}-{as_of}" for alliance, as_of, _ in MEMBERS_AS_OF],
)
def test_members_as_of(timeline: Driver, alliance: str, as_of: str, expected: list[str]) -> None:
    """Each camp's members on each date: joins count from their day, recaps from no day."""
    rows = members_as_of(timeline, alliance, as_of)
    got = sorted(canonical(r["member"]) for r in rows)
    assert got == sorted(expected), (
        f"{alliance} as of {as_of}: expected {sorted(expected)}, got:\n  "
        + "\n  ".join(describe(rows))
    )


def test_the_plan_article_supports_no_membership(
    timeline: Driver, extractions: dict[str, Extraction]
) -> None:
    """The plan article ("이르면 이달 체결할 예정", "조만간 ... 합류할 것으로 알려졌다") may
    recall the founders, but is evidence for no other membership."""
    plan_id = extractions[PLAN_ARTICLE.name].article.id
    rows = run_cypher(
        timeline,
        "MATCH (o)-[r:MEMBER_OF]->(a:Alliance) WHERE $plan IN r.article_ids "
        "RETURN o.id AS id, o.name AS name, a.id AS alliance ORDER BY id",
        plan=plan_id,
    )
    planned = [r for r in rows if r["id"] not in FOUNDERS]
    assert planned == [], f"memberships resting on the plan article: {planned}"


# --- 2. the camps are apart ---------------------------------------------------------------


def test_no_organisation_is_member_of_both_camps(timeline: Driver) -> None:
    both = run_cypher(
        timeline,
        "MATCH (o)-[:MEMBER_OF]->(:Alliance {id: $a}), (o)-[:MEMBER_OF]->(:Alliance {id: $b}) "
        "RETURN o.id AS id, o.name AS name ORDER BY id",
        a=ONE_TEAM,
        b=SUPER,
    )
    assert both == []


@pytest.mark.parametrize("as_of", [None, *ONE_TEAM_AS_OF], ids=["today", *ONE_TEAM_AS_OF])
def test_compare_reports_no_shared_member(timeline: Driver, as_of: str | None) -> None:
    """cypher/alliance_compare.cypher, the query of GET /alliances/compare."""
    (row,) = run(timeline, "alliance_compare", ids=[ONE_TEAM, SUPER], as_of=as_of)
    assert sorted(row["found"]) == [ONE_TEAM, SUPER]
    assert row["shared_members"] == []


def test_compare_shows_the_camps_as_rivals(timeline: Driver) -> None:
    (row,) = run(timeline, "alliance_compare", ids=[ONE_TEAM, SUPER], as_of=None)
    pairs = [(r["from"]["id"], r["to"]["id"]) for r in row["alliance_rivalries"]]
    assert pairs == [(ONE_TEAM, SUPER)]


def test_the_rd_council_is_the_same_camp(timeline: Driver) -> None:
    """The corpus has two camps and no third alliance: the 2020-12-22 'AI R&D 협의체' of
    SK Telecom, Samsung and Kakao is 'AI 초협력' formalised (see the corpus README)."""
    alliances = run_cypher(
        timeline,
        "MATCH (a:Alliance) RETURN a.id AS id, a.name AS name, "
        "COLLECT { MATCH (o)-[:MEMBER_OF]->(a) RETURN o.id ORDER BY o.id } AS members "
        "ORDER BY id",
    )
    assert [a["id"] for a in alliances] == [ONE_TEAM, SUPER], alliances


def test_leaders(timeline: Driver) -> None:
    leads = run_cypher(
        timeline,
        "MATCH (o)-[:LEADS]->(a:Alliance) RETURN a.id AS alliance, o.id AS leader "
        "ORDER BY alliance, leader",
    )
    assert leads == [
        {"alliance": ONE_TEAM, "leader": "kt"},
        {"alliance": SUPER, "leader": "sk-telecom"},
    ]


# --- 3. order independence and idempotence ------------------------------------------------

# Properties that record when a write happened, not what the graph says.
VOLATILE = {"GraphMeta": {"updated_at"}}
EVIDENCE = ("article_ids", "sentences", "starts", "ends")


def _value(key: str, value: Any) -> Any:
    """A comparable form of a property: accumulated lists (aliases, name keys) as sets of
    their items, the search strings built from them as sets of their parts."""
    if key == "names_text" and isinstance(value, str):
        return frozenset(part.strip() for part in value.split("|"))
    if key == "name_keys_text" and isinstance(value, str):
        return frozenset(value.split())
    if isinstance(value, list):
        return frozenset(value) if key in ("aliases", "name_keys") else tuple(value)
    return value


def snapshot(driver: Driver, *, volatile: bool = False) -> dict[str, dict[Any, Any]]:
    """The whole graph: nodes by (labels, id) with properties; relationships by (type, from,
    to) with properties, the parallel evidence lists as one set of (article, sentence,
    start, end)."""
    nodes: dict[Any, Any] = {}
    for row in run_cypher(driver, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS p"):
        labels = tuple(sorted(row["labels"]))
        props = dict(row["p"])
        key = (labels, props.get("id", props.get("key")))
        skip = set() if volatile else set().union(*(VOLATILE.get(lb, set()) for lb in labels))
        assert key not in nodes, f"two nodes share {key}"
        nodes[key] = {k: _value(k, v) for k, v in props.items() if k not in skip}
    rels: dict[Any, Any] = {}
    for row in run_cypher(
        driver,
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, coalesce(a.id, a.key) AS start, "
        "coalesce(b.id, b.key) AS end, properties(r) AS p",
    ):
        props = dict(row["p"])
        evidence = frozenset(zip(*(props.pop(k, []) for k in EVIDENCE), strict=True))
        value = {k: _value(k, v) for k, v in props.items()}
        if evidence:
            value["evidence"] = evidence
        key = (row["type"], row["start"], row["end"])
        assert key not in rels, f"two relationships share {key}"
        rels[key] = value
    return {"nodes": nodes, "relationships": rels}


def differences(a: dict[str, dict[Any, Any]], b: dict[str, dict[Any, Any]]) -> list[str]:
    out: list[str] = []
    for part in ("nodes", "relationships"):
        for key in sorted(a[part].keys() | b[part].keys(), key=repr):
            if key not in b[part]:
                out.append(f"{part} only in the first load: {key}")
            elif key not in a[part]:
                out.append(f"{part} only in the second load: {key}")
            elif a[part][key] != b[part][key]:
                x, y = a[part][key], b[part][key]
                changed = {k: (x.get(k), y.get(k)) for k in x.keys() | y.keys()
                           if x.get(k) != y.get(k)}  # fmt: skip
                out.append(f"{part} {key} differ: {changed}")
    return out


def test_loading_order_does_not_matter(
    timeline: Driver, extractions: dict[str, Extraction]
) -> None:
    names = sorted(extractions)
    try:
        clear_graph(timeline)
        load(timeline, extractions, names)
        in_order = snapshot(timeline)
        clear_graph(timeline)
        load(timeline, extractions, names[::-1])
        reversed_ = snapshot(timeline)
    finally:  # leave the module's graph as the fixture built it
        clear_graph(timeline)
        load(timeline, extractions, names)
    diff = differences(in_order, reversed_)
    assert diff == [], "sorted vs reversed load:\n  " + "\n  ".join(diff[:40])


def test_loading_twice_changes_nothing(
    timeline: Driver, extractions: dict[str, Extraction]
) -> None:
    before = snapshot(timeline, volatile=True)
    again = load(timeline, extractions, sorted(extractions))
    assert all(s.skipped for s in again), [s.article_id for s in again if not s.skipped]
    after = snapshot(timeline, volatile=True)
    diff = differences(before, after)
    assert diff == [], "after loading the timeline a second time:\n  " + "\n  ".join(diff[:40])
