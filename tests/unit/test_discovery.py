"""Organisations nobody listed are found from the sentence, not from the registry: an empty
registry must still find them, with the right kind, once per name."""

from __future__ import annotations

from datetime import datetime

import pytest

from allygraph.loaders.extract import RuleExtractor
from allygraph.loaders.registry import Registry
from allygraph.models import Article


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor(Registry(entries=[]))


def names(extractor: RuleExtractor, body: str) -> dict[str, str]:
    from allygraph.loaders.intake import parse_article

    article: Article = parse_article(
        f"AI 동맹 소식\n\n{body}\n", meta={"published": datetime(2025, 3, 11)}
    )
    return {e.name: e.type for e in extractor.extract(article).entities}


def test_a_coordination_of_unknown_firms(extractor: RuleExtractor) -> None:
    found = names(
        extractor,
        "협의체에는 누리랩스, 다온소프트와 하늘바이오 등 중소기업 7곳이 창립 회원사로 참여했다.",
    )
    assert {"누리랩스", "다온소프트", "하늘바이오"} <= found.keys()
    assert found["누리랩스"] == "Company"


def test_arguments_of_an_organisation_predicate(extractor: RuleExtractor) -> None:
    found = names(extractor, "별빛소프트는 지난달 청람바이오에 30억원을 투자했다.")
    assert {"별빛소프트", "청람바이오"} <= found.keys()


def test_kinds_from_name_endings(extractor: RuleExtractor) -> None:
    found = names(
        extractor,
        "한빛대학교와 해오름연구원, 미래혁신처가 공동 연구를 위한 업무협약을 체결했다.",
    )
    assert found.get("한빛대학교") == "University"
    assert found.get("해오름연구원") == "ResearchInstitute"


def test_places_and_people_are_not_organisations(extractor: RuleExtractor) -> None:
    found = names(
        extractor,
        "박서진 누리랩스 대표는 서울 광화문에서 열린 협약식에서 다온소프트와 손잡았다.",
    )
    assert "서울" not in found and "광화문" not in found
    assert found.get("누리랩스") == "Company"
    assert found.get("박서진") == "Person"


def test_an_acronym_is_the_long_name_it_abbreviates(extractor: RuleExtractor) -> None:
    found = names(
        extractor,
        "가람텔레콤(GT)은 누리랩스와 손잡았다. GT는 올해 AI 서비스를 함께 개발한다.",
    )
    assert "가람텔레콤" in found
    assert "GT" not in found


def test_a_list_runs_past_descriptions_in_brackets(extractor: RuleExtractor) -> None:
    found = names(
        extractor,
        "협의체에는 씨메스(AI 로보틱스 소프트웨어 개발), 마키나락스(산업용 AI), "
        "누리랩스(의료 영상) 등이 새로 합류했다.",
    )
    assert {"씨메스", "마키나락스", "누리랩스"} <= found.keys()


def test_the_doer_before_a_deed_noun(extractor: RuleExtractor) -> None:
    found = names(
        extractor,
        "협의체는 지난해 6월 울림시 주도로 바다랩스, 물빛대학교 등 5곳이 참여해 출범했다.",
    )
    assert found.get("울림시") == "GovernmentBody"
