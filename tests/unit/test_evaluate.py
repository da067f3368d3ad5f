from __future__ import annotations

from pathlib import Path

import pytest

from allygraph.loaders.evaluate import GoldError, load_gold, score, total


def _ev(**kw: object) -> dict[str, object]:
    return {"evidence": "x", **kw}


GOLD = {
    "entities": [
        {"id": "kt", "type": "Company", "name": "KT", "name_en": "KT Corporation"},
        {"id": "lgu", "type": "Company", "name": "LG유플러스", "aliases": ["LG U+"]},
        {"id": "team", "type": "Alliance", "name": "AI 원팀"},
        {"id": "p", "type": "Person", "name": "구현모"},
    ],
    "relations": [
        _ev(type="MEMBER_OF", **{"from": "kt", "to": "team"}, since="2020-02", role="leader"),
        _ev(type="COMPETES_WITH", **{"from": "kt", "to": "lgu"}),
        _ev(type="HOLDS_POSITION", **{"from": "p", "to": "kt"}, title="사장"),
    ],
}


def test_names_match_across_spellings_and_symmetric_relations_either_way() -> None:
    predicted = {
        "entities": [
            {"id": "a", "type": "Company", "name": "kt corporation"},
            {"id": "b", "type": "Company", "name": "LGU+", "aliases": ["lg u+"]},
            {"id": "c", "type": "Alliance", "name": "AI원팀"},
            {"id": "d", "type": "Person", "name": "구현모"},
            {"id": "e", "type": "Product", "name": "KT"},  # wrong type: no match
        ],
        "relations": [
            _ev(type="MEMBER_OF", **{"from": "a", "to": "c"}, since="2020-02", role="member"),
            _ev(type="COMPETES_WITH", **{"from": "b", "to": "a"}),
            _ev(type="HOLDS_POSITION", **{"from": "d", "to": "a"}, title="사장"),
            _ev(type="DEVELOPS", **{"from": "a", "to": "e"}),
        ],
    }
    result = score(predicted, GOLD)
    assert (result.entities.true_positives, result.entities.extracted, result.entities.gold) == (
        4,
        5,
        4,
    )
    assert result.entities.precision == pytest.approx(0.8)
    assert result.entities.recall == 1.0
    assert result.relations.true_positives == 3
    assert result.relations.f1 == pytest.approx(2 * 0.75 * 1.0 / 1.75)
    assert result.relations_by_type["DEVELOPS"].precision == 0.0
    assert result.properties["role"].correct == 0 and result.properties["role"].total == 1
    assert result.properties["since"].accuracy == 1.0
    assert result.properties["title"].accuracy == 1.0
    assert result.property_accuracy == pytest.approx(2 / 3)
    assert result.spurious_entities == ["Product KT"]


def test_matching_is_one_to_one() -> None:
    predicted = {
        "entities": [
            {"id": "x", "type": "Company", "name": "KT"},
            {"id": "y", "type": "Company", "name": "KT Corporation"},
        ],
        "relations": [],
    }
    result = score(predicted, GOLD)
    assert result.entities.true_positives == 1
    assert result.entities.extracted == 2


def test_directed_relations_need_the_direction() -> None:
    predicted = {
        "entities": GOLD["entities"],
        "relations": [_ev(type="MEMBER_OF", **{"from": "team", "to": "kt"})],
    }
    assert score(predicted, GOLD).relations.true_positives == 0


def test_empty_extraction_and_total() -> None:
    empty = score({"entities": [], "relations": []}, GOLD)
    assert empty.entities.f1 == 0.0 and empty.entities.gold == 4
    both = total([empty, score(GOLD, GOLD)])
    assert both.entities.gold == 8 and both.entities.true_positives == 4


def test_gold_article_path_is_relative_to_the_gold_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    gold = tmp_path / "sub" / "g.yaml"
    gold.write_text("article: ../a.txt\nentities: []\nrelations: []\n", encoding="utf-8")
    assert load_gold(gold).article == (tmp_path / "a.txt").resolve()
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(GoldError):
        load_gold(bad)
