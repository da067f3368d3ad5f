"""Lists with described items, list heads, '…에 이어' joins and recapped foundings: rules
that follow from the grammar, tested on sentences written here (not taken from a gold set)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from allygraph.loaders.extract import RuleExtractor
from allygraph.loaders.intake import parse_article
from allygraph.loaders.registry import Registry
from allygraph.models import Extraction

Extract = Callable[..., Extraction]


@pytest.fixture(scope="module")
def bare() -> RuleExtractor:
    """An empty registry: names must come from the text."""
    return RuleExtractor(Registry(entries=[]))


def _read(extractor: RuleExtractor, *body: str, published: str = "2025-09-03") -> Extraction:
    raw = "\n\n".join(["AI 협의체 소식", *body])
    return extractor.extract(
        parse_article(raw, meta={"published": datetime.fromisoformat(published)})
    )


def _members(x: Extraction) -> dict[str, str | None]:
    names = {e.id: e.name for e in x.entities}
    return {names[r.from_]: r.since for r in x.relations if r.type == "MEMBER_OF"}


def test_a_list_goes_on_past_descriptions_of_its_items(bare: RuleExtractor) -> None:
    x = _read(
        bare,
        "'충청 데이터 얼라이언스'는 지역 기업들이 만든 모임이다.",
        "기존 회원사로는 한울정밀과 청주의 다래소프트, 세종 누리바이오, 물류 AI 스타트업 "
        "바로로지스 등이 있다.",
    )
    members = _members(x)
    assert {"한울정밀", "다래소프트", "누리바이오", "바로로지스"} <= members.keys()
    # a state told in retrospect gives no day of joining
    assert members["다래소프트"] is None


def test_a_list_under_a_head_noun_of_no_organisation_names_none(bare: RuleExtractor) -> None:
    x = _read(
        bare,
        "가온텔레콤은 한국어와 베트남어, 태국어 등 3개 언어를 지원하는 상담 모델을 나래소프트와 "
        "함께 개발했다.",
    )
    names = {e.name for e in x.entities}
    assert not {"베트남어", "태국어"} & names
    assert {"가온텔레콤", "나래소프트"} <= names


def test_a_count_of_firms_after_the_list_keeps_them(bare: RuleExtractor) -> None:
    x = _read(bare, "미르칩스와 한빛반도체 등 팹리스 2사는 공동 개발 협약을 맺었다.")
    assert {"미르칩스", "한빛반도체"} <= {e.name for e in x.entities}


def test_those_a_newcomer_follows_were_members_already(extract: Extract) -> None:
    x = extract(
        "이로써 'AI 원팀'에는 KT, 현대중공업지주, KAIST에 이어 우리은행까지 모두 4개 기관이 "
        "참여하게 됐다.",
        published="2021-04-20 10:00",
    )
    members = {r.from_: r.since for r in x.relations if r.type == "MEMBER_OF"}
    assert {"kt", "hhi-holdings", "kaist"} <= members.keys()
    assert members["kaist"] is None


def test_a_relative_join_clause_dates_its_own_noun(extract: Extract) -> None:
    x = extract(
        "'AI 원팀'은 2020년 2월 출범했다.",
        "작년 합류한 동원그룹에 이어 물류 기업 한진이 참여하면서 협력이 넓어졌다.",
        published="2021-10-22 13:40",
    )
    since = {r.from_: r.since for r in x.relations if r.type == "MEMBER_OF"}
    assert since.get("hanjin") == "2021-10-22"  # the day's news, not '작년'


def test_a_founding_without_a_subject_is_the_paragraphs_alliance(bare: RuleExtractor) -> None:
    x = _read(
        bare,
        "'강소 저축은행 AI 연합'은 지방 저축은행들이 만든 모임이다. 지난해 3월 한결저축은행 "
        "주도로 출범했으며, 의장사는 지금도 한결저축은행이 맡고 있다.",
    )
    leads = [r for r in x.relations if r.type == "LEADS"]
    assert len(leads) == 1
    member = next(r for r in x.relations if r.type == "MEMBER_OF" and r.from_ == leads[0].from_)
    assert member.role == "leader" and member.since == "2024-03"


def test_before_the_founding_is_no_founding(bare: RuleExtractor) -> None:
    x = _read(
        bare,
        "'강소 저축은행 AI 연합'에는 다섯 곳이 참여하고 있다.",
        "파랑테크는 연합 출범 전인 2023년부터 한결저축은행의 심사 모델을 맡아 왔다.",
    )
    assert not [r for r in x.relations if r.type == "LEADS"]


def test_alliance_names_differing_in_a_synonym_noun_are_one(bare: RuleExtractor) -> None:
    raw = (
        "가온텔레콤 주도 '아시아 통신 AI 동맹'에 나래모바일 합류\n\n2025-09-03\n\n"
        "가온텔레콤이 이끄는 '아시아 통신 AI 얼라이언스'에 나래모바일이 3일 합류했다."
    )
    x = bare.extract(parse_article(raw))
    alliances = [e for e in x.entities if e.type == "Alliance"]
    assert len(alliances) == 1
    assert {r.to for r in x.relations if r.type == "MEMBER_OF"} == {alliances[0].id}


def test_a_list_item_of_several_words_before_an_organisation_is_one_name(
    extract: Extract,
) -> None:
    x = extract(
        "행사에는 김하늘 KT 사장, 아흐메드 살림 알카디 이앤그룹 CEO, "
        "로니 탄 싱텔그룹 CEO가 참석했다."
    )
    people = {e.name for e in x.entities if e.type == "Person"}
    assert {"김하늘", "아흐메드 살림 알카디", "로니 탄"} <= people


def test_signals_add_up_over_the_article_and_a_bare_centre_noun_leads(
    bare: RuleExtractor,
) -> None:
    raw = (
        "바다출판 중심 '새빛 AI 동맹' 출범\n\n2025-09-03\n\n"
        "교재 발행사 바다출판은 3일 구름셀과 함께 '새빛 AI 동맹'을 꾸렸다."
    )
    x = bare.extract(parse_article(raw))
    ids = {e.name: e.id for e in x.entities}
    assert "바다출판" in ids
    leads = {(r.from_, r.to) for r in x.relations if r.type == "LEADS"}
    assert leads == {(ids["바다출판"], ids["새빛 AI 동맹"])}


def test_a_unit_of_an_organisation_carries_its_case(bare: RuleExtractor) -> None:
    x = _read(
        bare,
        "'충청 데이터 얼라이언스'는 지난 8월 출범했다. 분석 기업 한울정밀과 "
        "물빛대학교 교육대학원이 창립 회원으로 참여했다.",
    )
    assert {"한울정밀", "물빛대학교"} <= _members(x).keys()


def test_the_first_person_of_an_interview_is_the_interviewees_organisation(
    bare: RuleExtractor,
) -> None:
    raw = (
        '[인터뷰] 김하늘 바다랩스 대표 "남해 AI 연합, 더 키운다"\n\n입력 2025.03.12 06:00\n\n'
        "'남해 해양 AI 얼라이언스' 의장사 이끌어…\"회원 더 늘릴 것\"\n\n"
        "김하늘 바다랩스 대표는 최근 여수 본사에서 만나 이렇게 말했다.\n\n"
        "-얼라이언스는 어떻게 시작됐나.\n\n"
        '"2023년 10월 저희가 주도해 여수시, 물빛대학교와 함께 출범시켰습니다."'
    )
    x = bare.extract(parse_article(raw))
    names = {e.id: e.name for e in x.entities}
    leads = {(names[r.from_], names[r.to]) for r in x.relations if r.type == "LEADS"}
    assert ("바다랩스", "남해 해양 AI 얼라이언스") in leads
    since = {names[r.from_]: r.since for r in x.relations if r.type == "MEMBER_OF"}
    assert since.get("바다랩스") == "2023-10"
    assert since.get("물빛대학교") == "2023-10"


def test_a_purpose_clause_names_the_agreement(bare: RuleExtractor) -> None:
    x = _read(
        bare,
        "가온텔레콤은 3일 나래모바일, 바다통신과 AI 합작법인 설립을 위한 계약을 맺었다고 밝혔다.",
    )
    agreements = [e.name for e in x.entities if e.type == "Agreement"]
    assert agreements == ["AI 합작법인 설립을 위한 계약"]
