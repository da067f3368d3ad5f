"""Rules added after the blind set (tests/data/gold-blind): lists that reveal organisations,
'등 기업과' lists, denied or planned membership, headline segments, sole founders, member
lists, chairs and secretariats. Each rule with a sentence it must read and one it must not."""

from __future__ import annotations

from collections.abc import Callable

from allygraph.models import Extraction

from .conftest import entity_id as _id
from .conftest import members_of as _members
from .conftest import relation_of as _relation
from .conftest import relations

Extract = Callable[..., Extraction]


def _names(x: Extraction) -> set[str]:
    return {e.name for e in x.entities}


_LAUNCH = (
    "과학기술정보통신부는 16일 서울 코엑스에서 'AI 반도체 얼라이언스' 발족식을 열었다고 밝혔다."
)
_LIST = (
    "얼라이언스에는 네이버, 삼성전자, SK하이닉스, 리벨리온 등 기업과 "
    "한국전자통신연구원(ETRI)이 참여했다."
)


def test_list_closed_by_etc_noun_goes_on_with_the_next_name(extract: Extract) -> None:
    x = extract(_LAUNCH, _LIST)
    alliance = _id(x, "AI 반도체 얼라이언스")
    assert {"naver", "samsung-electronics", "sk-hynix", "rebellions", "etri"} <= _members(
        x, alliance
    )
    # '등과 경쟁' still closes the list as the rivals of the subject
    y = extract("네이버는 지난해 LG AI연구원, 카카오브레인 등과 초거대 AI 경쟁을 벌이고 있다.")
    assert not any(r.type == "MEMBER_OF" for r in y.relations)


def test_sole_host_of_the_launch_leads_the_alliance(extract: Extract) -> None:
    x = extract(_LAUNCH, _LIST)
    alliance = _id(x, "AI 반도체 얼라이언스")
    assert ("LEADS", "msit", alliance) in relations(x)
    assert _relation(x, "MEMBER_OF", "msit", alliance).role == "leader"
    # two founders: both founders, neither leads
    y = extract("SK텔레콤과 SK하이닉스는 전날 'AI 데이터센터 연합'을 출범했다.")
    alliance = _id(y, "AI 데이터센터 연합")
    assert not any(r.type == "LEADS" for r in y.relations)
    assert _relation(y, "MEMBER_OF", "sk-hynix", alliance).role == "founder"


def test_headline_segments_keep_founding_and_joining_apart(extract: Extract) -> None:
    x = extract(
        _LAUNCH, _LIST, title="과기정통부, 'AI 반도체 얼라이언스' 발족…네이버·삼성전자 등 참여"
    )
    alliance = _id(x, "AI 반도체 얼라이언스")
    # the headline's '발족' is the ministry's, not Naver's: no one listed leads; those taking
    # part on the launch day are founders (gold-blind8's reading of launch member lists)
    assert not any(r.type == "LEADS" and r.from_ == "naver" for r in x.relations)
    assert _relation(x, "MEMBER_OF", "naver", alliance).role == "founder"
    assert _relation(x, "MEMBER_OF", "samsung-electronics", alliance).role == "founder"


def test_headline_bare_lead_and_join(extract: Extract) -> None:
    x = extract(
        "LG CNS는 마이크로소프트(MS)가 주도하는 'AX 얼라이언스'에 합류했다고 5일 밝혔다.",
        title="LG CNS, MS 주도 'AX 얼라이언스' 합류",
    )
    alliance = _id(x, "AX 얼라이언스")
    assert ("LEADS", "microsoft", alliance) in relations(x)
    assert ("LEADS", "lg-cns", alliance) not in relations(x)
    assert _relation(x, "MEMBER_OF", "lg-cns", alliance).role == "member"


def test_denied_or_planned_membership_gives_no_fact(extract: Extract) -> None:
    x = extract(
        "KT는 지난해 11월 AI 원팀에서 빠진 것으로 알려진 기업은 없다고 밝혔다.",
        "LG유플러스는 'AI 금융 연합'에 가입할 예정이다.",
        "카카오는 'AI 금융 연합' 합류를 검토 중이라는 설을 부인했다.",
        "퓨리오사AI는 'AI 금융 연합' 창립 논의에 참여했다가 막판에 빠졌다.",
    )
    assert not any(r.type in ("MEMBER_OF", "LEADS") for r in x.relations)
    y = extract("LG유플러스는 지난 3일 'AI 금융 연합'에 가입했다.")
    assert _relation(y, "MEMBER_OF", "lg-uplus", _id(y, "AI 금융 연합")).since == "2020-06-03"


def test_headline_description_is_the_alliance_the_body_founds(extract: Extract) -> None:
    x = extract(
        "SK텔레콤이 도이치텔레콤, 싱텔과 함께 '글로벌 텔코 AI 얼라이언스'를 결성했다고 3일 밝혔다.",
        "한편 KT는 AI 원팀을 이끌고 있다.",
        title="SK텔레콤, 글로벌 통신사들과 'AI 동맹' 결성",
    )
    assert "AI 동맹" not in _names(x)
    assert not any(e.type == "Alliance" and e.new for e in x.entities)
    assert ("LEADS", "sk-telecom", "global-telco-ai-alliance") in relations(x)


def test_unknown_names_in_a_list_with_known_ones(extract: Extract) -> None:
    x = extract(
        "KT는 지난 3월 리벨리온, 모레, 한국전자기술연구원(KETI)과 함께 "
        "'K-클라우드 협의체'를 구성했다. 최근에는 업스테이지와 포티투마루가 협의체에 새로 가입했다."
    )
    alliance = _id(x, "K-클라우드 협의체")
    assert {"모레", "포티투마루"} <= _names(x)
    assert {_id(x, "모레"), _id(x, "포티투마루")} <= _members(x, alliance)
    # a join reported as later ('최근', '새로') has no day
    assert _relation(x, "MEMBER_OF", _id(x, "포티투마루"), alliance).since is None


def test_common_nouns_and_verbs_in_lists_are_no_organisations(extract: Extract) -> None:
    x = extract(
        "정부와 KT는 협력하기로 했다. SK텔레콤과 손잡고 사업을 확대한다.",
        "반도체, 클라우드, 데이터 등 분야마다 경쟁이 치열하다.",
        "KT는 루닛, 뷰노와 컨소시엄을 꾸리고 제안서를 제출했다.",
    )
    assert not {"정부", "손잡고", "반도체", "클라우드", "데이터", "컨소시엄"} & _names(x)


def test_list_called_companies_names_companies(extract: Extract) -> None:
    x = extract(
        "ETRI는 3일 '온디바이스 AI 얼라이언스'를 발족했다.",
        "얼라이언스에는 딥엑스, 모빌린트, 노타 등 AI 반도체 기업 20곳이 참여했다.",
    )
    alliance = _id(x, "온디바이스 AI 얼라이언스")
    assert {"딥엑스", "모빌린트", "노타"} <= _names(x)
    assert len(_members(x, alliance)) == 4
    # the registered 'AI 얼라이언스' inside the quoted name is no mention of its own
    assert "ai-alliance" not in {e.id for e in x.entities}


def test_shortened_registered_name_is_the_same_entity(extract: Extract) -> None:
    x = extract("한국전자통신연구원(ETRI)은 3일 밝혔다. 전자통신연구원은 특허를 개방한다.")
    assert [e.id for e in x.entities if e.type == "ResearchInstitute"] == ["etri"]


def test_press_release_head_and_hereafter_alias(extract: Extract) -> None:
    x = extract(
        "Moreh Inc.(대표 조강원, 이하 모레)는 AMD와 함께 'Open AI Infra Alliance'를 "
        "출범했다고 3일 밝혔다. 얼라이언스 의장사는 모레가 맡는다."
    )
    moreh = _id(x, "모레")
    assert ("HOLDS_POSITION", _id(x, "조강원"), moreh) in relations(x)
    assert ("LEADS", moreh, _id(x, "Open AI Infra Alliance")) in relations(x)


def test_member_list_as_predicate(extract: Extract) -> None:
    x = extract(
        "서울대학교는 '차세대 AI반도체 인재양성 컨소시엄'의 주관기관으로 선정돼 "
        "3일 출범식을 열었다.",
        "컨소시엄 참여기관은 연세대, 고려대 등 2개 대학과 삼성전자다.",
        title="서울대 주관 'AI반도체 인재양성 컨소시엄' 출범",
    )
    alliances = [e for e in x.entities if e.type == "Alliance"]
    assert len(alliances) == 1  # the headline's short name is the body's full one
    alliance = alliances[0].id
    assert {"snu", "yonsei-university", "korea-university", "samsung-electronics"} <= _members(
        x, alliance
    )
    assert _relation(x, "MEMBER_OF", "snu", alliance).role == "leader"


def test_secretariat_is_a_member(extract: Extract) -> None:
    x = extract(
        "과기정통부는 1일 'K-클라우드 얼라이언스' 발족식을 열었다.",
        "얼라이언스는 정보통신산업진흥원(NIPA)이 사무국을 맡는다.",
    )
    alliance = _id(x, "K-클라우드 얼라이언스")
    assert _relation(x, "MEMBER_OF", "nipa", alliance).role == "member"


def test_two_alliances_referred_to_as_a_pair_compete(extract: Extract) -> None:
    x = extract(
        "뷰노는 'AI 의료영상 협의체'를 탈퇴하고 'K-헬스AI 얼라이언스'에 합류했다.",
        "두 연합은 정부 사업 수주를 두고 경쟁해 왔다.",
    )
    a, b = _id(x, "AI 의료영상 협의체"), _id(x, "K-헬스AI 얼라이언스")
    assert ("COMPETES_WITH", *sorted((a, b))) in relations(x)
    y = extract("뷰노는 'AI 의료영상 협의체'에 합류했다. 두 연합은 협력하기로 했다.")
    assert not any(r.type == "COMPETES_WITH" for r in y.relations)


def test_founders_with_the_subject_in_a_membership_clause(extract: Extract) -> None:
    x = extract(
        "뷰노는 'AI 의료영상 협의체'를 탈퇴했다.",
        "뷰노는 2022년 협의체 출범 때부터 루닛, 딥노이드와 함께 창립 회원사로 활동해 왔다.",
    )
    alliance = _id(x, "AI 의료영상 협의체")
    assert _relation(x, "MEMBER_OF", "lunit", alliance).role == "founder"
    assert _relation(x, "MEMBER_OF", "lunit", alliance).since == "2022"


def test_founders_only_from_the_founding_clause(extract: Extract) -> None:
    x = extract(
        "네이버클라우드는 삼성전자와 AI 반도체를 공동 개발하고 있으며, 올해 초 스타트업 10여 곳과 "
        "'하이퍼클로바X 생태계 얼라이언스'를 꾸렸다."
    )
    alliance = _id(x, "하이퍼클로바X 생태계 얼라이언스")
    assert _members(x, alliance) == {"naver-cloud"}
    assert ("PARTNERS_WITH", "naver-cloud", "samsung-electronics") in relations(x)


def test_stative_membership_has_no_since(extract: Extract) -> None:
    x = extract(
        "LG AI연구원과 카이스트는 메타와 IBM이 주도하는 'AI 얼라이언스'에 참여하고 있다.",
    )
    assert _relation(x, "MEMBER_OF", "kaist", "ai-alliance").since is None
    assert _relation(x, "MEMBER_OF", "meta", "ai-alliance").since is None
    assert ("LEADS", "ibm", "ai-alliance") in relations(x)
