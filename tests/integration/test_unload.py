"""Unload and replace against a real Neo4j: what is left equals a fresh load of what remains.

Articles A and B share a fact (KT leads, or is a member of, AI One Team) and each has facts
and an entity of its own. Unloading A leaves the shared fact with B's evidence only, folded
from B's statement alone; unloading B then leaves nothing. After each step the graph equals,
node for node and relationship for relationship (by key, and facts with their properties
and evidence), the graph a reset and a load of the remaining articles gives.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from allygraph.errors import NotFoundError
from allygraph.loaders.retract import unload_article
from allygraph.loaders.writer import write_extraction
from allygraph.models import Entity, Extraction, Relation
from tests.conftest import clear_graph
from tests.factories import SEOUL, article, evidence

KT = Entity(id="kt", type="Company", name="KT")
TEAM = Entity(id="ai-one-team", type="Alliance", name="AI 원팀")
NAVER = Entity(id="naver", type="Company", name="네이버")
KAIST = Entity(id="kaist", type="University", name="카이스트")


def article_a() -> Extraction:
    ev = evidence("art-a", "KT가 주도하는 AI 원팀에 네이버가 맞섰다.")
    return Extraction(
        article=article("art-a", text=ev.sentence, published=datetime(2020, 6, 3, tzinfo=SEOUL)),
        entities=[KT, TEAM, NAVER],
        relations=[
            Relation(type="MEMBER_OF", from_="kt", to="ai-one-team", since="2020-02",
                     role="leader", evidence=ev),
            Relation(type="COMPETES_WITH", from_="naver", to="kt", evidence=ev),
        ],
    )  # fmt: skip


def article_b() -> Extraction:
    ev = evidence("art-b", "카이스트가 KT의 AI 원팀에 합류했다.")
    return Extraction(
        article=article("art-b", text=ev.sentence, published=datetime(2021, 3, 1, tzinfo=SEOUL)),
        entities=[KT, TEAM, KAIST],
        relations=[
            Relation(type="MEMBER_OF", from_="kt", to="ai-one-team", since="2021",
                     role="member", evidence=ev),
            Relation(type="MEMBER_OF", from_="kaist", to="ai-one-team", since="2021-03-01",
                     evidence=ev),
        ],
    )  # fmt: skip


def snapshot(driver: Driver) -> tuple[set[Any], dict[Any, Any]]:
    """Nodes by (labels, key) and relationships by (type, start, end) with their properties
    (entity names and aliases accumulate and are not compared; fact properties are)."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, coalesce(n.id, n.key) AS key"
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS p"
    )
    return (
        {(tuple(sorted(n["labels"])), n["key"]) for n in nodes},
        {(r["type"], r["a"], r["b"]): r["p"] for r in rels},
    )


def fresh(driver: Driver, *extractions: Extraction) -> tuple[set[Any], dict[Any, Any]]:
    clear_graph(driver)
    for x in extractions:
        write_extraction(driver, x)
    return snapshot(driver)


def version(driver: Driver) -> int:
    records, _, _ = driver.execute_query("MATCH (m:GraphMeta) RETURN m.version AS v")
    return records[0]["v"]


def test_unload_a_then_b_leaves_what_a_fresh_load_of_the_rest_gives(graph: Driver) -> None:
    only_b = fresh(graph, article_b())
    clear_graph(graph)
    assert write_extraction(graph, article_a()).status == "new"
    b = write_extraction(graph, article_b())
    assert (b.status, b.facts_created, b.facts_updated) == ("new", 1, 1)

    before = version(graph)
    summary = unload_article(graph, "art-a")
    assert (summary.facts_retracted, summary.facts_updated) == (1, 1)
    assert summary.entities_deleted == 1  # naver: no fact, no mention left
    assert version(graph) == before + 1
    nodes, rels = snapshot(graph)
    shared = rels[("MEMBER_OF", "kt", "ai-one-team")]
    assert shared["article_ids"] == ["art-b"]
    assert (shared["role"], shared["since"]) == ("member", "2021")  # B's statement alone
    assert shared["first_seen"].iso_format() == "2021-03-01"
    assert (nodes, rels) == only_b

    summary = unload_article(graph, "art-b")
    assert summary.facts_retracted == 2 and summary.entities_deleted == 3
    assert snapshot(graph) == ({(("GraphMeta",), "graph")}, {})


def test_unloading_twice_is_a_no_op_that_says_so(graph: Driver) -> None:
    write_extraction(graph, article_a())
    unload_article(graph, "art-a")
    after = (snapshot(graph), version(graph))
    with pytest.raises(NotFoundError, match="art-a is not loaded"):
        unload_article(graph, "art-a")
    assert (snapshot(graph), version(graph)) == after


def test_unload_keeps_facts_that_other_articles_support(graph: Driver) -> None:
    write_extraction(graph, article_b())
    write_extraction(graph, article_a())
    unload_article(graph, "art-b")
    assert snapshot(graph) == fresh(graph, article_a())


def test_a_changed_extraction_replaces_the_old_version(graph: Driver) -> None:
    """The same article loaded with another extraction (a registry fix, say): the old
    version's facts and entities go, in the same transaction, and the summary says so."""
    write_extraction(graph, article_b())
    write_extraction(graph, article_a())
    changed = article_a()
    changed.relations = changed.relations[:1]  # the rivalry with Naver is gone
    changed.relations[0] = changed.relations[0].model_copy(update={"role": "member"})
    changed.entities = [KT, TEAM]
    summary = write_extraction(graph, changed)
    assert summary.status == "replaced"
    assert (summary.facts_created, summary.facts_updated, summary.facts_retracted) == (0, 1, 1)
    assert summary.nodes_deleted == 1  # naver
    assert snapshot(graph) == fresh(graph, article_b(), changed)


def test_status_new_then_unchanged(graph: Driver) -> None:
    first = write_extraction(graph, article_a())
    assert (first.status, first.facts_created, first.facts_updated) == ("new", 2, 0)
    again = write_extraction(graph, article_a())
    assert (again.status, again.skipped, again.graph_version) == ("unchanged", True, None)


def test_concurrent_load_and_unload_leave_one_whole_state(graph: Driver) -> None:
    """Each transaction locks the article node first, so a load and an unload of the same
    article run one after the other: the graph ends as a fresh load of A and B, or of B."""
    from concurrent.futures import ThreadPoolExecutor
    from contextlib import suppress

    with_a = fresh(graph, article_a(), article_b())
    without_a = fresh(graph, article_b())
    for _ in range(8):
        with ThreadPoolExecutor(max_workers=2) as pool:
            load = pool.submit(write_extraction, graph, article_a())
            unload = pool.submit(lambda: unload_article(graph, "art-a"))
            load.result()
            with suppress(NotFoundError):  # the unload ran first: nothing to unload
                unload.result()
        assert snapshot(graph) in (with_a, without_a)


def with_url(x: Extraction, url: str, article_id: str) -> Extraction:
    """``x`` as the version ``article_id`` of the article at ``url``."""
    moved = x.model_copy(deep=True)
    moved.article = moved.article.model_copy(update={"id": article_id, "url": url})
    for relation in moved.relations:
        relation.evidence = relation.evidence.model_copy(update={"article_id": article_id})
    return moved


def test_a_new_text_at_the_same_url_replaces_the_old_version(graph: Driver) -> None:
    url = "https://example.com/news/1"
    old = with_url(article_a(), url, "art-a-v1")
    new = with_url(article_b(), url, "art-a-v2")
    write_extraction(graph, old)
    summary = write_extraction(graph, new)
    assert (summary.status, summary.replaced_ids) == ("replaced", ["art-a-v1"])
    assert summary.facts_retracted == 1  # the rivalry only the old version stated
    assert snapshot(graph) == fresh(graph, new)


def test_the_same_text_with_another_date_is_a_new_version(graph: Driver) -> None:
    write_extraction(graph, article_a())
    later = article_a()
    # Validated (not model_copy): the model turns the zone into a fixed offset, which the
    # driver needs (it crashed on ZoneInfo datetimes: see allygraph/models.py).
    later.article = article(
        "art-a", text=later.article.text, published=datetime(2020, 7, 1, tzinfo=SEOUL)
    )
    summary = write_extraction(graph, later)
    assert summary.status == "replaced"
    nodes, rels = snapshot(graph)
    assert rels[("MEMBER_OF", "kt", "ai-one-team")]["first_seen"].iso_format() == "2020-07-01"
    assert (nodes, rels) == fresh(graph, later)


def test_reextract_right_after_a_load_changes_nothing(graph: Driver) -> None:
    """The article rebuilt from its node is the article intake made: same extraction."""
    from allygraph.loaders.pipeline import extract_path
    from allygraph.loaders.reextract import reextract
    from tests.conftest import SEED_ARTICLE

    loaded = write_extraction(graph, extract_path(SEED_ARTICLE))
    before = snapshot(graph)
    summary = reextract(graph, loaded.article_id)
    assert summary.status == "unchanged"
    assert snapshot(graph) == before


def test_reextract_after_a_registry_merge_equals_a_reset_and_reload(
    graph: Driver, tmp_path: Path
) -> None:
    """LG U+ made an alias of LG전자 in the registry: reextract rewires the graph into what
    a reset and a full reload with the new registry give (by key, facts with evidence)."""
    from allygraph.loaders.extract import RuleExtractor
    from allygraph.loaders.pipeline import extract_path
    from allygraph.loaders.reextract import article_ids, reextract
    from allygraph.loaders.registry import Registry
    from tests.conftest import ROOT, SEED_ARTICLE

    text = (ROOT / "data" / "registry.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "{id: lg-uplus," not in line]
    merged = "\n".join(lines).replace(
        "aliases: [엘지전자]", "aliases: [엘지전자, LG유플러스, LG U+, LGU+, 엘지유플러스]"
    )
    (tmp_path / "registry.yaml").write_text(merged, encoding="utf-8")
    after_merge = RuleExtractor(Registry.load(tmp_path / "registry.yaml"))

    write_extraction(graph, extract_path(SEED_ARTICLE))
    _, rels = snapshot(graph)
    assert any("lg-uplus" in key for key in rels)
    (article_id,) = article_ids(graph)
    summary = reextract(graph, article_id, extractor=after_merge)
    assert summary.status == "replaced" and summary.nodes_deleted >= 1
    nodes, rels = snapshot(graph)
    assert not any("lg-uplus" in key for key in rels)
    assert (nodes, rels) == fresh(graph, extract_path(SEED_ARTICLE, extractor=after_merge))


def test_unload_reports_an_override_that_targeted_the_article(
    graph: Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from allygraph.settings import get_settings

    (tmp_path / "art-a.yaml").write_text("{}\n", encoding="utf-8")
    monkeypatch.setenv("OVERRIDES_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        write_extraction(graph, article_a())
        summary = unload_article(graph, "art-a")
    finally:
        get_settings.cache_clear()
    assert summary.override == str(tmp_path / "art-a.yaml")
