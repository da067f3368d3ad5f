"""Each rule on small sentences written for the purpose, and negatives that must not fire."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from allygraph.loaders.extract.dates import find_dates, first_date
from allygraph.loaders.extract.people import parse_title
from allygraph.models import Extraction

from .conftest import entity_ids, relations

Extract = Callable[..., Extraction]
PUB = date(2020, 6, 3)


def test_particles_and_lists(extract: Extract) -> None:
    x = extract("KT와 LG전자, LG유플러스가 손을 잡았다. 카카오의 발표도 있었다.")
    assert {"kt", "lg-electronics", "lg-uplus", "kakao"} <= entity_ids(x)


def test_parenthesised_abbreviation_is_one_entity(extract: Extract) -> None:
    x = extract("한국전자통신연구원(ETRI)과 정보통신산업진흥원(NIPA)이 참석했다.")
    assert {"etri", "nipa"} <= entity_ids(x)
    assert not any(e.name in ("ETRI", "NIPA") for e in x.entities)


def test_unknown_organisation_by_suffix(extract: Extract) -> None:
    x = extract("오늘 가나다전자와 마바사연구원이 참석했다. 시중은행은 빠졌다.")
    names = {e.name: e for e in x.entities}
    assert names["가나다전자"].new and names["가나다전자"].type == "Company"
    assert names["마바사연구원"].type == "ResearchInstitute"
    assert "시중은행" not in names


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("박일평 LG전자 CTO 사장(왼쪽부터)", "CTO 사장"),
        ("전홍범 KT AI/DX융합사업부문장 부사장, 이상민 씨", "AI/DX융합사업부문장 부사장"),
        ("고동진 삼성전자 IM부문장(사장)은", "IM부문장(사장)"),
        ("김윤 SK텔레콤 최고기술책임자(CTO)를 비롯한", "최고기술책임자(CTO)"),
        ("여민수 카카오 공동대표가 서명했다", "공동대표"),
    ],
)
def test_titles_as_written(extract: Extract, text: str, title: str) -> None:
    x = extract(f"{text} 말했다.")
    held = [r for r in x.relations if r.type == "HOLDS_POSITION"]
    assert [r.title for r in held] == [title]


def test_unknown_person_gets_a_family_name_first_slug(extract: Extract) -> None:
    x = extract("홍길순 카카오 부사장이 말했다.")
    person = next(e for e in x.entities if e.type == "Person")
    assert person.id == "hong-gil-sun" and person.new
    assert ("HOLDS_POSITION", "hong-gil-sun", "kakao") in relations(x)


def test_org_name_title_order(extract: Extract) -> None:
    x = extract("SK텔레콤 홍길순 사장은 이렇게 말했다.")
    assert ("HOLDS_POSITION", "hong-gil-sun", "sk-telecom") in relations(x)


def test_short_reference_is_no_new_person(extract: Extract) -> None:
    x = extract("홍길순 카카오 사장이 왔다.", "홍 사장은 웃었다.", "홍 사장이 협약서에 서명했다.")
    assert [e.name for e in x.entities if e.type == "Person"] == ["홍길순"]


def test_parse_title_stops_at_non_titles() -> None:
    assert parse_title("관계자는 말했다", 0) is None
    assert parse_title("광화문빌딩 East에서", 0) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("지난 2월 결성된", "2020-02"),
        ("3일, 서울에서", "2020-06-03"),
        ("7일(현지시간) 미국에서", "2020-05-07"),  # a day still to come: last month
        ("올해 초", "2020"),
        ("지난해 12월", "2019-12"),
        ("지난해 5월 결성한", "2019-05"),
        ("2019년 10월 28일", "2019-10-28"),
        ("오는 8월 출범", "2020-08"),
        ("이날 발표", "2020-06-03"),
        ("이튿날 열린", "2020-06-04"),
    ],
)
def test_relative_dates(text: str, value: str) -> None:
    assert first_date(text, PUB) == value


def test_no_dates_in_amounts() -> None:
    assert find_dates("3000억원 규모, 10여명, 1등 국가, 5G", PUB) == []


def test_join_makes_members(extract: Extract) -> None:
    x = extract("KT가 주도하는 'AI 원팀'에 LG전자와 LG유플러스가 합류했다.")
    rels = {r.key: r for r in x.relations}
    assert rels[("MEMBER_OF", "lg-electronics", "ai-one-team")].role == "member"
    assert rels[("MEMBER_OF", "lg-electronics", "ai-one-team")].since == "2020-06-03"
    assert ("LEADS", "kt", "ai-one-team") in rels
    assert rels[("MEMBER_OF", "kt", "ai-one-team")].role == "leader"


def test_founding_members(extract: Extract) -> None:
    x = extract(
        "지난 2월 결성된 AI 원팀은 KT와 한양대, 한국전자통신연구원(ETRI) 등 기관이 모인 협의체다."
    )
    founders = {r.from_: r for r in x.relations if r.type == "MEMBER_OF"}
    assert set(founders) == {"kt", "hanyang-university", "etri"}
    assert {r.role for r in founders.values()} == {"founder"}
    assert {r.since for r in founders.values()} == {"2020-02"}


def test_together_with_leader(extract: Extract) -> None:
    x = extract("SK텔레콤도 올해 초 카카오, 삼성전자와 함께 AI 초협력을 추진하겠다고 밝혔다.")
    rels = {r.key: r for r in x.relations}
    assert ("LEADS", "sk-telecom", "ai-super-cooperation") in rels
    assert rels[("MEMBER_OF", "kakao", "ai-super-cooperation")].role == "member"
    assert rels[("MEMBER_OF", "kakao", "ai-super-cooperation")].since == "2020"


def test_participation_by_someone_else_is_no_membership(extract: Extract) -> None:
    x = extract("SK텔레콤과 카카오는 실무진이 참여하는 '시너지 협의체'를 만들기로 했다.")
    assert not [r for r in x.relations if r.type == "MEMBER_OF"]
    assert not [e for e in x.entities if e.type == "Alliance"]


def test_agreement_with_parties_date_place_signers(extract: Extract) -> None:
    x = extract(
        "KT와 카카오는 3일 서울 종로구 KT 광화문빌딩에서 업무협약(MOU)을 체결했다.",
        "이날 협약서에는 홍길순 KT 전무와 김철수 카카오 상무가 서명했다.",
        "협력 분야는 클라우드, 데이터, 그리고 인재 양성이다.",
    )
    agreement = next(e for e in x.entities if e.type == "Agreement")
    assert agreement.date == "2020-06-03"
    assert agreement.place == "서울 종로구 KT 광화문빌딩"
    assert "MOU" in agreement.aliases
    assert agreement.objectives == ["클라우드", "데이터", "인재 양성"]
    rels = relations(x)
    assert ("PARTY_TO", "kt", agreement.id) in rels
    assert ("PARTY_TO", "kakao", agreement.id) in rels
    assert ("SIGNED", "hong-gil-sun", agreement.id) in rels
    assert ("SIGNED", "kim-cheol-su", agreement.id) in rels


def test_objectives_from_triangle_list(extract: Extract) -> None:
    x = extract(
        "KT와 카카오가 업무협약을 체결했다.",
        "이번 협약으로 양사는 △AI 인재 양성 △데이터 공유 등 두 가지 과제를 추진한다.",
    )
    agreement = next(e for e in x.entities if e.type == "Agreement")
    assert agreement.objectives == ["AI 인재 양성", "데이터 공유"]


def test_party_reference(extract: Extract) -> None:
    x = extract("SK텔레콤과 카카오가 만났다.", "두 회사는 28일 전략적 파트너십을 체결했다.")
    agreement = next(e for e in x.entities if e.type == "Agreement")
    assert agreement.name == "전략적 파트너십"
    assert {
        ("PARTY_TO", "sk-telecom", agreement.id),
        ("PARTY_TO", "kakao", agreement.id),
    } <= relations(x)


def test_partners_between_two(extract: Extract) -> None:
    x = extract("SK텔레콤과 카카오가 ICT 전 영역에서 손을 잡는다.")
    assert ("PARTNERS_WITH", "kakao", "sk-telecom") in relations(x)


def test_no_partners_among_three_or_outside_subjects(extract: Extract) -> None:
    x = extract(
        "KT와 LG전자, LG유플러스가 손을 잡았다.",
        "업계는 이번 제휴가 구글, 넷플릭스 등 해외 플랫폼에 맞서기 위한 것이라고 봤다.",
    )
    assert not [r for r in x.relations if r.type == "PARTNERS_WITH"]


def test_alliance_bond_goes_to_the_named_alliance(extract: Extract) -> None:
    x = extract(
        "SK텔레콤과 삼성전자가 인공지능 분야에서 동맹을 맺기로 했다.",
        '박 사장은 "힘을 모으자는 것이 초협력"이라고 말했다.',
        title="SK텔레콤-삼성전자, 'AI 동맹' 손잡는다",
    )
    rels = relations(x)
    assert ("MEMBER_OF", "samsung-electronics", "ai-super-cooperation") in rels
    assert not [r for r in x.relations if r.type == "PARTNERS_WITH"]
    assert [e.id for e in x.entities if e.type == "Alliance"] == ["ai-super-cooperation"]


def test_competitors(extract: Extract) -> None:
    x = extract(
        "KT는 오늘 발표했다. KT는 AI를 키운다.",
        "경쟁사인 SK텔레콤도 비슷한 계획을 밝혔다.",
        "이동통신 시장에서 LG유플러스와 맞서온 삼성전자도 있다.",
    )
    rels = relations(x)
    assert ("COMPETES_WITH", "kt", "sk-telecom") in rels
    assert ("COMPETES_WITH", "lg-uplus", "samsung-electronics") in rels


def test_competitiveness_is_no_competition(extract: Extract) -> None:
    x = extract("KT와 카카오가 AI 경쟁력을 위해 공조한다. 국내 기업끼리 경쟁하던 구도를 넘었다.")
    assert not [r for r in x.relations if r.type == "COMPETES_WITH"]


def test_develops_patterns(extract: Extract) -> None:
    x = extract(
        "KT의 AI 플랫폼인 기가지니와 LG전자의 씽큐(ThinQ)가 만난다.",
        "삼성전자는 자체 음성비서 빅스비를 운영하고 있다.",
        "카카오가 개발한 업무 지원 플랫폼(KWP)도 있다.",
    )
    rels = relations(x)
    assert {("DEVELOPS", "kt", "giga-genie"), ("DEVELOPS", "lg-electronics", "thinq"),
            ("DEVELOPS", "samsung-electronics", "bixby")} <= rels  # fmt: skip
    product = next(e for e in x.entities if e.name == "업무 지원 플랫폼")
    assert product.new and product.name_en == "KWP"
    assert ("DEVELOPS", "kakao", product.id) in rels


def test_product_use_is_no_development(extract: Extract) -> None:
    x = extract("삼성전자 냉장고에 기가지니를 넣는다. 누구나 쓴다.")
    assert not [r for r in x.relations if r.type == "DEVELOPS"]
    assert "nugu" not in entity_ids(x)


def test_every_relation_has_evidence_in_the_text(extract: Extract) -> None:
    x = extract("KT가 주도하는 'AI 원팀'에 LG전자와 LG유플러스가 합류했다.")
    for relation in x.relations:
        ev = relation.evidence
        assert x.article.text[ev.start : ev.end] == ev.sentence
