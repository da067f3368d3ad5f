"""Rules for alliances, rivalries, partnerships and signings added after the first gold
articles: each on small sentences, with negatives that must not fire."""

from __future__ import annotations

from collections.abc import Callable

from allygraph.loaders.extract.mentions import strip_particles
from allygraph.models import Extraction

from .conftest import relations

Extract = Callable[..., Extraction]


def _ids(x: Extraction, name: str) -> str:
    return next(e.id for e in x.entities if e.name == name)


def _relation(x: Extraction, kind: str, source: str, target: str):
    return next(r for r in x.relations if (r.type, r.from_, r.to) == (kind, source, target))


def test_new_quoted_alliance_is_founded_with_leader(extract: Extract) -> None:
    x = extract(
        "LG유플러스가 현대자동차, 네이버클라우드와 함께 '모빌리티 얼라이언스'를 출범했다고 "
        "15일 밝혔다. 얼라이언스는 LG유플러스가 주도하며, 한국교통연구원도 참여한다."
    )
    alliance = _ids(x, "모빌리티 얼라이언스")
    assert _relation(x, "MEMBER_OF", "lg-uplus", alliance).role == "leader"
    assert ("LEADS", "lg-uplus", alliance) in relations(x)
    assert _relation(x, "MEMBER_OF", "hyundai-motor", alliance).role == "founder"
    assert _relation(x, "MEMBER_OF", "naver-cloud", alliance).role == "founder"
    # taking part on the founding day of the alliance the article launches is founding it
    # (gold-blind8's reading of launch member lists in any shape)
    institute = _ids(x, "한국교통연구원")
    assert _relation(x, "MEMBER_OF", institute, alliance).role == "founder"


def test_alliance_in_another_clause_gets_no_members(extract: Extract) -> None:
    x = extract(
        "LG유플러스가 'AI 원팀' 탈퇴 없이 새 동맹 '모빌리티 얼라이언스'를 결성했다.",
        "업계는 SK텔레콤이 주도하는 경쟁 연합과의 라이벌 구도가 형성될 것으로 본다.",
    )
    assert not any(r.to == "ai-one-team" for r in x.relations)
    assert not any(r.from_ == "sk-telecom" for r in x.relations if r.type in ("LEADS", "MEMBER_OF"))


def test_unquoted_remention_and_bare_reference(extract: Extract) -> None:
    x = extract(
        "'K-UAM 원팀'의 구성이 바뀐다.",
        "K-UAM 원팀은 지난해 5월 KT와 현대자동차가 결성한 컨소시엄이다. 원팀은 결성 때부터 KT가 "
        "이끌어 왔다.",
    )
    alliance = _ids(x, "K-UAM 원팀")
    assert _relation(x, "MEMBER_OF", "hyundai-motor", alliance).since == "2019-05"
    assert ("LEADS", "kt", alliance) in relations(x)


def test_leaving_sets_until_and_joining_since(extract: Extract) -> None:
    x = extract(
        "'K-UAM 원팀'이 출범했다.",
        "반면 지난해 9월 원팀에 합류했던 LG유플러스는 지난달 30일 원팀에서 탈퇴했다.",
    )
    member = _relation(x, "MEMBER_OF", "lg-uplus", _ids(x, "K-UAM 원팀"))
    assert (member.since, member.until) == ("2019-09", "2020-05-30")


def test_negated_joining_is_no_membership(extract: Extract) -> None:
    x = extract(
        "LG AI연구원이 'AI 얼라이언스'에 참여했다. 한편 오픈AI는 AI 얼라이언스에 참여하지 않았다."
    )
    assert ("MEMBER_OF", "lg-ai-research", "ai-alliance") in relations(x)
    assert ("MEMBER_OF", "openai", "ai-alliance") not in relations(x)


def test_relative_clause_leaders_are_not_joiners(extract: Extract) -> None:
    x = extract(
        "LG AI연구원이 IBM과 메타가 주도하는 국제 연합체 'AI 얼라이언스'에 창립 회원으로 참여했다."
    )
    assert {("LEADS", "ibm", "ai-alliance"), ("LEADS", "meta", "ai-alliance")} <= relations(x)
    assert _relation(x, "MEMBER_OF", "lg-ai-research", "ai-alliance").role == "founder"


def test_consortium_named_after_its_lead(extract: Extract) -> None:
    x = extract(
        "수주전이 KT 컨소시엄과 네이버클라우드 컨소시엄의 2파전으로 좁혀졌다.",
        "KT는 지난 18일 루닛, 뷰노와 컨소시엄을 꾸리고 제안서를 제출했다.",
    )
    kt, naver = _ids(x, "KT 컨소시엄"), _ids(x, "네이버클라우드 컨소시엄")
    assert ("LEADS", "kt", kt) in relations(x)
    assert ("LEADS", "naver-cloud", naver) in relations(x)
    assert _relation(x, "MEMBER_OF", "lunit", kt).since == "2020-05-18"
    assert ("COMPETES_WITH", *sorted((kt, naver))) in relations(x)


def test_competition_with_listed_rivals(extract: Extract) -> None:
    x = extract("네이버는 지난해 LG AI연구원, 카카오브레인 등과 초거대 AI 경쟁을 벌이고 있다.")
    assert {
        ("COMPETES_WITH", "lg-ai-research", "naver"),
        ("COMPETES_WITH", "kakao-brain", "naver"),
    } <= relations(x)
    y = extract("KT와 네이버클라우드는 공공 클라우드 시장에서도 경쟁해 왔다.")
    assert ("COMPETES_WITH", "kt", "naver-cloud") in relations(y)


def test_no_rivalry_from_quoted_speech(extract: Extract) -> None:
    x = extract('두 회사는 "KT와 카카오가 경쟁하던 구도를 넘어서겠다"고 설명했다.')
    assert not any(r.type == "COMPETES_WITH" for r in x.relations)


def test_bilateral_partnership_cues(extract: Extract) -> None:
    x = extract("네이버는 지난 3월 KAIST와도 AI 공동연구센터를 세운 바 있다.")
    assert ("PARTNERS_WITH", "kaist", "naver") in relations(x)
    y = extract("SK텔레콤과 LG유플러스는 각각 앤트로픽, 구글 등과 협력하고 있다.")
    assert {
        ("PARTNERS_WITH", "anthropic", "sk-telecom"),
        ("PARTNERS_WITH", "google", "lg-uplus"),
    } <= relations(y)
    assert ("PARTNERS_WITH", "google", "sk-telecom") not in relations(y)


def test_attending_is_not_signing(extract: Extract) -> None:
    # an agreement reported in passing (not in the lead): its attendees only attend (the
    # lead's own signing ceremony names its signatories: test_extract_agreements.py)
    x = extract(
        "서울대는 AI 반도체 인재양성 사업에 선정됐다고 밝혔다. 사업에는 150억원이 투입된다.",
        "네이버와 서울대는 12일 업무협약(MOU)을 체결했다. 협약식에는 최수연 네이버 대표와 "
        "오세정 서울대 총장이 참석했다.",
    )
    assert not any(r.type == "SIGNED" for r in x.relations)
    assert ("HOLDS_POSITION", "choi-soo-yeon", "naver") in relations(x)
    y = extract(
        "두 회사는 12일 업무협약을 체결했다. 이날 최수연 네이버 대표와 오세정 서울대 총장이 "
        "참석해 협약서에 서명했다."
    )
    assert sum(r.type == "SIGNED" for r in y.relations) == 2


def test_quoted_agreement_name_wins(extract: Extract) -> None:
    x = extract("KT와 MS는 29일 '전략적 파트너십' 협약을 체결했다고 30일 밝혔다.")
    agreement = next(e for e in x.entities if e.type == "Agreement")
    assert agreement.name == "전략적 파트너십"


def test_genitive_quoted_product(extract: Extract) -> None:
    x = extract("삼성전자는 리벨리온의 '아톰'을 연구에 활용한다.")
    assert ("DEVELOPS", "rebellions", _ids(x, "아톰")) in relations(x)
    y = extract("KT의 'AI 원팀'에 합류했다.")
    assert not any(e.type == "Product" for e in y.entities)


def test_affiliates_by_group_brand() -> None:
    assert strip_particles("한화시스템은") == "한화시스템"
    assert strip_particles("카카오페이") == "카카오페이"
    assert strip_particles("카카오페이가") == "카카오페이"


def test_affiliate_in_text(extract: Extract) -> None:
    x = extract("한화시스템은 지난달 SK텔레콤, 한국공항공사와 함께 'UAM 퓨처팀'을 꾸렸다.")
    team = _ids(x, "UAM 퓨처팀")
    assert ("LEADS", _ids(x, "한화시스템"), team) in relations(x)
    assert _relation(x, "MEMBER_OF", _ids(x, "한국공항공사"), team).role == "founder"
