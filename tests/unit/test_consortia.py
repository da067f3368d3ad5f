"""Consortia as bidding news writes them, read with an empty registry: the lead and its
partners ('X는 A, B와 컨소시엄을 꾸려'), a consortium named only later ('X 컨소시엄'), who the
participants are ('A와 B가 참여기관이다'), and a plan document that plans nothing."""

from __future__ import annotations

from datetime import datetime

import pytest

from allygraph.loaders.extract import RuleExtractor
from allygraph.loaders.intake import parse_article
from allygraph.loaders.registry import Registry
from allygraph.models import Extraction

TEXT = (
    "두 컨소시엄 맞붙는다\n\n"
    "해솔대학교는 지난 14일 재난 예측 스타트업 물결랩, 드론 기업 하늘눈(SkyEye), "
    "재단법인 한빛안전연구원과 컨소시엄을 꾸려 사업계획서를 냈다.\n\n"
    "이에 맞서 가온소프트는 같은 날 누리대학교, 한국빛기술원, 구름랩과 "
    "경쟁 컨소시엄을 구성했다.\n\n"
    "가온소프트 컨소시엄의 주관기관은 가온소프트이며, 누리대학교와 한국빛기술원, 구름랩이 "
    "참여기관이다.\n\n"
    "해솔대학교 컨소시엄은 물결랩의 예측 모델을 앞세웠다.\n"
)


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    article = parse_article(TEXT, meta={"published": datetime(2025, 2, 18)})
    return RuleExtractor(Registry(entries=[])).extract(article)


def members(extraction: Extraction, alliance_name: str) -> dict[str, tuple[str | None, str]]:
    names = {e.id: e.name for e in extraction.entities}
    return {
        names[r.from_]: (r.since, r.role or "")
        for r in extraction.relations
        if r.type == "MEMBER_OF" and names[r.to] == alliance_name
    }


def test_the_lead_and_its_partners_found_the_consortium_named_later(
    extraction: Extraction,
) -> None:
    found = members(extraction, "해솔대학교 컨소시엄")
    assert found.keys() == {"해솔대학교", "물결랩", "하늘눈", "한빛안전연구원"}
    assert {since for since, _ in found.values()} == {"2025-02-14"}
    assert found["해솔대학교"][1] == "leader"


def test_a_rival_consortium_and_its_participants(extraction: Extraction) -> None:
    found = members(extraction, "가온소프트 컨소시엄")
    assert found.keys() == {"가온소프트", "누리대학교", "한국빛기술원", "구름랩"}
    assert found["구름랩"] == ("2025-02-14", "founder")  # '같은 날': the day named last


def test_kinds_and_legal_forms(extraction: Extraction) -> None:
    kinds = {e.name: e.type for e in extraction.entities}
    assert kinds["한국빛기술원"] == "ResearchInstitute"
    assert kinds["한빛안전연구원"] == "ResearchInstitute"
    assert "재단법인" not in kinds  # a legal form before a name is no name
