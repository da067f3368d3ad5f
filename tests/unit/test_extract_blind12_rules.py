"""Rules written on gold-blind12 after its first score was recorded: a bracketed Latin name
with its acronym, compounds Kiwi splits at a particle, lists of kinds, a field before a
descriptor, '등 N곳으로 구성돼 있다' and generic committees. Every name here is invented."""

from __future__ import annotations

from collections.abc import Callable

from allygraph.models import Extraction

from .conftest import entity_id as _id
from .conftest import members_of as _members
from .conftest import relation_of as _relation
from .conftest import relations

Extract = Callable[..., Extraction]


def test_registered_name_in_a_bracketed_latin_name_with_its_acronym(extract: Extract) -> None:
    x = extract(
        "보안기업들이 '위협정보 공유 AI 동맹(Threat Sharing AI Alliance, TSAA)'을 결성했다.",
        "TSAA에는 방패큐브와 바른결통신이 참여했다.",
    )
    assert "AI 얼라이언스" not in {e.name for e in x.entities}


def test_a_foreign_firm_kiwi_splits_at_a_particle_and_its_foreign_head(extract: Extract) -> None:
    x = extract(
        "서해물류는 지난 18일 미국 물류 AI 기업 타이드와이즈(Tidewise)와 'AI 환적 최적화 "
        "업무협약'을 맺었다고 19일 밝혔다.",
        "협약식에는 안소율 서해물류 대표, 에밀리 카터 타이드와이즈 최고경영자(CEO)가 참석해 "
        "협약서에 서명했다.",
        published="2021-10-19 10:00",
    )
    firm = _id(x, "타이드와이즈")  # 타이 + 드 + 와 (a particle, to Kiwi) + 이즈
    head = _relation(x, "HOLDS_POSITION", _id(x, "에밀리 카터"), firm)
    assert head.title == "최고경영자(CEO)"


def test_kinds_and_fields_are_no_organisations(extract: Extract) -> None:
    x = extract(
        "제약사·AI기업·대학·연구원 6곳 참여",
        "대덕연구원(원장 반시우)은 AI 진단기업 새빛진단과 세포치료제 기업 온담바이오가 지난 "
        "10일 협의회에 가입했다고 15일 밝혔다.",
        "같은 날 두 회사의 가입 안건이 운영위원회를 통과했다.",
    )
    names = {e.name for e in x.entities}
    assert not names & {"제약사", "AI기업", "대학", "연구원", "세포치료제", "운영위원회"}
    assert {"새빛진단", "온담바이오"} <= names


def test_a_list_closed_by_a_count_in_the_adverbial_case_composes_the_alliance(
    extract: Extract,
) -> None:
    x = extract(
        "'대덕 바이오AI 협의회'는 지난해 3월 출범했으며, 현재 대전광역시, 보문산병원, "
        "유성메디데이터 등 8곳으로 구성돼 있다.",
        published="2021-06-15 10:00",
    )
    council = _id(x, "대덕 바이오AI 협의회")
    listed = {_id(x, n) for n in ("대전광역시", "보문산병원", "유성메디데이터")}
    assert listed <= _members(x, council)
    for key in listed:  # a composition is a state at the article's date: no since
        assert _relation(x, "MEMBER_OF", key, council).since is None


def test_leading_told_by_a_final_verb_an_appointment_and_a_renaming_with_latin(
    extract: Extract,
) -> None:
    x = extract(
        "매봉방산은 '국방 무인 AI 협의체'가 지난 3일 정기총회에서 이름을 '국방 자율 AI 연합"
        "(Defence Autonomy AI Union)'으로 바꿨다고 8일 밝혔다.",
        "연합은 2022년 4월 매봉방산 주도로 대붕항공, 한뫼공과대학교 등 3곳이 참여해 출범했다. "
        "이날 총회에서는 창립 회원사인 대붕항공을 매봉방산과 함께 공동 의장사로 선임했다.",
        "'AI 교과서 컨소시엄'은 다림교육이 이끈다.",
        published="2025-07-08 10:00",
    )
    union = _id(x, "국방 자율 AI 연합")
    assert "국방 무인 AI 협의체" not in {e.name for e in x.entities}  # one alliance, renamed
    assert ("LEADS", _id(x, "대붕항공"), union) in relations(x)
    textbook = _id(x, "AI 교과서 컨소시엄")
    assert ("LEADS", _id(x, "다림교육"), textbook) in relations(x)


def test_the_organisation_a_lead_clause_describes_leads_its_object(extract: Extract) -> None:
    x = extract(
        "종자기업 그린씨드(Green Seed)는 2021년 '서남 농업AI 협의회'에 가입했다.",
        '서남 농업AI 협의회를 이끄는 그린씨드(대표 편도윤)는 "데이터가 늘었다"고 밝혔다.',
    )
    council = _id(x, "서남 농업AI 협의회")
    assert ("LEADS", _id(x, "그린씨드"), council) in relations(x)


def test_the_head_of_a_cooperative_is_its_johapjang(extract: Extract) -> None:
    x = extract('봉길우 새래딸기영농조합법인 조합장은 "데이터가 돌아오지 않았다"고 말했다.')
    head = _relation(x, "HOLDS_POSITION", _id(x, "봉길우"), _id(x, "새래딸기영농조합법인"))
    assert head.title == "조합장"


def test_an_interviewee_speaks_for_the_firm_named_with_a_spaced_suffix(extract: Extract) -> None:
    x = extract(
        "인디 게임사 별빛돌고래 스튜디오는 대화형 NPC 기술로 주목받고 있다. 구하솔 대표를 만났다.",
        "- 회사를 소개해 달라.",
        "저희가 만든 대화형 NPC 엔진 '돌고래말'은 대화를 기억합니다.",
        "- 앞으로의 계획은.",
        "게임 스튜디오 여러 곳과 엔진을 나누려 합니다.",
        title="[인터뷰] 별빛돌고래 스튜디오 구하솔 대표",
    )
    studio = _id(x, "별빛돌고래 스튜디오")
    assert ("DEVELOPS", studio, _id(x, "돌고래말")) in relations(x)
    names = {e.name for e in x.entities}
    assert "게임 스튜디오" not in names and "저희" not in names


def test_first_person_outside_an_interview_is_a_quotation(extract: Extract) -> None:
    x = extract(
        "데이터 기업 바람결데이터는 새 엔진 '바람말'을 공개했다.",
        '바람결데이터 구하솔 대표는 "저희가 만든 엔진"이라고 말했다.',
    )
    assert all(e.name != "저희" for e in x.entities)
