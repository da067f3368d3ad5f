"""Rules written on gold-blind8 and found to hold on the unseen gold-blind9: table-like
'▲A ▲B' lists, cooperative names, '등 N곳이다' lists, names Kiwi reads as a copula, an
alliance's acronym, renaming and stated short names, joint chairs and '<org> <title> <name>'.
Each with a sentence it must read and, where it can misfire, one it must not. Every name
here is invented."""

from __future__ import annotations

from collections.abc import Callable

from allygraph.models import Extraction

from .conftest import entity_id as _id
from .conftest import members_of as _members
from .conftest import relation_of as _relation
from .conftest import relations

Extract = Callable[..., Extraction]


_COUNCIL = (
    "'호남권 협동 AI 협의회'는 지난 2일 광주에서 공식 출범했다.",
    "협의회에는 ▲무등산신협 ▲영산강신협 ▲월출산신협 등 3개 조합이 참여했다.",
)


def test_bulleted_list_of_credit_unions_founds_the_council(extract: Extract) -> None:
    x = extract(*_COUNCIL, published="2022-11-05 10:00")
    council = _id(x, "호남권 협동 AI 협의회")
    unions = {_id(x, n) for n in ("무등산신협", "영산강신협", "월출산신협")}
    assert _members(x, council) == unions
    for union in unions:  # taking part on the launch day is founding
        relation = _relation(x, "MEMBER_OF", union, council)
        assert (relation.role, str(relation.since)) == ("founder", "2022-11-02")


def test_generic_cooperative_word_is_no_organisation(extract: Extract) -> None:
    x = extract("광주 지역 신용협동조합(신협) 세 곳이 협의체를 꾸렸다.", *_COUNCIL)
    assert "신용협동조합" not in {e.name for e in x.entities}


def test_list_predicated_with_a_count_is_the_alliance_membership(extract: Extract) -> None:
    x = extract(
        "바이오 스타트업 하늬랩스는 3일 'Gwangju Bio AI Alliance'(GBAA) 출범식을 열었다.",
        "GBAA 참여사는 하늬랩스, 빛고을대학교병원, 데이터 기업 누리셀 등 9곳이다.",
        published="2021-05-03 09:00",
    )
    alliance = _id(x, "Gwangju Bio AI Alliance")
    assert _id(x, "GBAA") == alliance  # the acronym in parentheses is the same alliance
    listed = {_id(x, n) for n in ("빛고을대학교병원", "누리셀")}
    assert listed <= _members(x, alliance)


def test_name_read_as_copula_is_found_where_a_particle_gives_it_away(extract: Extract) -> None:
    x = extract(
        "의료 AI 스타트업 바로디라(Barodira)는 5일 병원 3곳과 협약을 맺었다.",
        "바로디라가 개발한 판독 AI는 내년 출시된다.",
    )
    assert "바로디라" in {e.name for e in x.entities}


def test_renamed_alliance_is_one_node_with_the_new_name(extract: Extract) -> None:
    x = extract(
        "지역 로봇 기업들의 협력체 '경남 로봇 AI 협의회'가 이름을 바꿨다.",
        "협의회는 지난 10일 총회를 열고 명칭을 '경남 로봇AX 얼라이언스'로 바꿨다. "
        "협의회는 2021년 5월 로봇 기업 대양로보틱스 주도로 출범했다.",
    )
    alliances = [e for e in x.entities if e.type == "Alliance"]
    assert len(alliances) == 1
    assert alliances[0].name == "경남 로봇AX 얼라이언스"
    assert "경남 로봇 AI 협의회" in alliances[0].aliases


def test_stated_short_name_is_an_alias(extract: Extract) -> None:
    x = extract(
        "스타트업 하늬랩스는 3일 'Gwangju Bio AI Alliance' 출범식을 열었다.",
        "국문 약칭은 '광주바이오AI 동맹'이다.",
    )
    alliances = [e for e in x.entities if e.type == "Alliance"]
    assert [a.name for a in alliances] == ["Gwangju Bio AI Alliance"]
    assert "광주바이오AI 동맹" in alliances[0].aliases


def test_joint_chairs_both_lead(extract: Extract) -> None:
    x = extract(
        "바이오 스타트업 하늬랩스는 3일 'Gwangju Bio AI Alliance' 출범식을 열었다. "
        "하늬랩스와 빛고을대학교병원이 공동 의장사를 맡았다.",
    )
    alliance = _id(x, "Gwangju Bio AI Alliance")
    for name in ("하늬랩스", "빛고을대학교병원"):
        assert ("LEADS", _id(x, name), alliance) in relations(x)


def test_one_of_two_subjects_is_no_chair_without_joint(extract: Extract) -> None:
    x = extract(
        "바이오 스타트업 하늬랩스는 3일 'Gwangju Bio AI Alliance' 출범식을 열었다. "
        "하늬랩스와 빛고을대학교병원이 의장사를 맡았다.",
    )
    hospital = _id(x, "빛고을대학교병원")
    assert not any(r.type == "LEADS" and r.from_ == hospital for r in x.relations)


def test_organisation_title_name_order(extract: Extract) -> None:
    x = extract(
        "발족식에는 무등산신협 이사장 김경호, 핀테크 기업 셀리온 대표 오다은 등이 참석했다.",
        "무등산신협과 셀리온은 이날 협약을 체결했다.",
    )
    titles = {(r.from_, r.to, r.title) for r in x.relations if r.type == "HOLDS_POSITION"}
    assert (_id(x, "김경호"), _id(x, "무등산신협"), "이사장") in titles
    assert (_id(x, "오다은"), _id(x, "셀리온"), "대표") in titles


def test_apposition_title_and_founder_role(extract: Extract) -> None:
    x = extract(
        "솔빛마트 디지털전략부문장인 차지훈 전무는 '매장 AI를 넓히겠다'고 말했다.",
        "퀀트빛 공동창업자인 박서진 최고기술책임자(CTO)는 설명했다.",
        "유통 기업 솔빛마트(Solbit Mart)와 핀테크 기업 퀀트빛(Quantbit)은 협약을 맺었다.",
    )
    titles = {(r.from_, r.title) for r in x.relations if r.type == "HOLDS_POSITION"}
    assert (_id(x, "차지훈"), "디지털전략부문장") in titles
    assert (_id(x, "박서진"), "최고기술책임자(CTO)") in titles


def test_including_phrase_carries_the_lists_case(extract: Extract) -> None:
    x = extract(
        "통신사 가온텔레콤은 12일 'Open Edge AI Alliance' 출범식을 열었다. "
        "얼라이언스에는 가온텔레콤과 반도체 스타트업 누리칩을 비롯한 7개사가 참여했다.",
        published="2023-04-13 10:00",
    )
    alliance = _id(x, "Open Edge AI Alliance")
    assert _id(x, "누리칩") in _members(x, alliance)


def test_joint_chairs_named_after_the_role_noun(extract: Extract) -> None:
    x = extract(
        "통신사 가온텔레콤은 12일 'Open Edge AI Alliance' 출범식을 열었다. "
        "얼라이언스에는 가온텔레콤과 AI 반도체 스타트업 누리칩(NuriChip)이 참여했다.",
        "공동 의장사는 가온텔레콤과 누리칩이 맡았다.",
    )
    alliance = _id(x, "Open Edge AI Alliance")
    for name in ("가온텔레콤", "누리칩"):
        assert ("LEADS", _id(x, name), alliance) in relations(x)


def test_joint_work_over_time_is_a_partnership(extract: Extract) -> None:
    x = extract(
        "의료 AI 기업 하늬랩스(Hanui Labs)와 빛고을대학교병원은 2019년부터 폐 영상 데이터를 "
        "함께 분석해 왔다."
    )
    pair = tuple(sorted((_id(x, "하늬랩스"), _id(x, "빛고을대학교병원"))))
    assert ("PARTNERS_WITH", *pair) in relations(x)


def test_founding_verb_casts_objects_in_their_roles(extract: Extract) -> None:
    x = extract(
        "'해안 AI 컨소시엄'은 지난 3월 바다온을 주관사로, 한바다대학교와 해양 기업 "
        "파도랩스(Padolabs)를 참여기관으로 꾸려졌다.",
        published="2022-05-24 10:00",
    )
    consortium = _id(x, "해안 AI 컨소시엄")
    lead = _id(x, "바다온")
    assert ("LEADS", lead, consortium) in relations(x)
    assert _relation(x, "MEMBER_OF", lead, consortium).role == "leader"
    member = _relation(x, "MEMBER_OF", _id(x, "파도랩스"), consortium)
    assert (member.role, str(member.since)) == ("founder", "2022-03")
    assert "주관사로" not in {e.name for e in x.entities}


def test_product_after_a_relative_clause_with_its_own_object(extract: Extract) -> None:
    x = extract(
        "해양 로봇 기업 물결로보틱스(Mulgyeol Robotics)는 지난해 해저케이블 손상 부위를 "
        "찾아내는 수중 진단 로봇 '심해눈'을 출시했다."
    )
    assert ("DEVELOPS", _id(x, "물결로보틱스"), _id(x, "심해눈")) in relations(x)


def test_ministry_named_only_in_a_plan_is_still_an_entity(extract: Extract) -> None:
    x = extract("바다온은 하반기 해양수산부 연구개발 과제에 지원하는 방안을 검토하고 있다.")
    assert ("GovernmentBody", "해양수산부") in {(e.type, e.name) for e in x.entities}
    assert not any(r.from_ == _id(x, "해양수산부") for r in x.relations)


def test_city_is_a_body_as_subject_not_in_an_address(extract: Extract) -> None:
    x = extract(
        "천안시는 올해 얼라이언스 실증 과제에 시비 3억원을 지원한다.",
        "출범식은 경기 수원시 광교의 한 호텔에서 열렸다.",
    )
    names = {(e.type, e.name) for e in x.entities}
    assert ("GovernmentBody", "천안시") in names  # a surname syllable first, yet no person
    assert not any(n == "수원시" for _, n in names)


def test_this_company_refers_to_the_last_subject_and_joins_as_founder(extract: Extract) -> None:
    x = extract(
        "2020년 설립된 냉동 물류 기업 냉가람(Naenggaram)은 화물 온도를 예측하는 AI를 만든다. "
        "이 회사는 올해 3월 물류 기업 한파로지스 주도로 출범한 '냉장 AI 연합'의 창립 "
        "회원사다.",
        published="2022-08-23 07:00",
    )
    alliance = _id(x, "냉장 AI 연합")
    member = _relation(x, "MEMBER_OF", _id(x, "냉가람"), alliance)
    assert (member.role, str(member.since)) == ("founder", "2022-03")
    # the topic '이 회사는' stands outside the relative clause '… 주도로 출범한': no leader
    assert ("LEADS", _id(x, "냉가람"), alliance) not in relations(x)
    assert ("LEADS", _id(x, "한파로지스"), alliance) in relations(x)


def test_former_post_names_a_person_without_a_position(extract: Extract) -> None:
    x = extract(
        "협의회 자문은 박가윤 전 무등산신협 이사장이 맡는다. 해양 기업 바다온(Badaon)은 "
        "최도현 전 동해해운 사장을 경영 고문으로 영입했다."
    )
    people = {e.name for e in x.entities if e.type == "Person"}
    assert {"박가윤", "최도현"} <= people
    assert "동해해운" not in people  # after '전', a former post's organisation
    assert not any(r.type == "HOLDS_POSITION" for r in x.relations)


def test_department_director_title(extract: Extract) -> None:
    x = extract("울산시 백하윤 시민건강국장은 '병원 간 환자 배분에 쓰겠다'고 밝혔다.")
    assert any(r.type == "HOLDS_POSITION" and r.title == "시민건강국장" for r in x.relations)


def test_signing_paper_sentence_continues_the_agreement_and_a_deputy_signs(
    extract: Extract,
) -> None:
    x = extract(
        "한빛대학교병원은 의료 AI 스타트업 루멘엑스(LumenX), IT 기업 대성정보기술과 "
        "'폐 영상 AI 공동 연구를 위한 업무협약'을 지난 14일 체결했다고 18일 밝혔다. "
        "협약서에는 함도윤 루멘엑스 대표가 서명했다. 대성정보기술은 해외 출장 중인 "
        "심재호 대표 대신 권오준 부사장이 서명했다.",
        published="2021-05-18 14:22",
    )
    agreements = [e for e in x.entities if e.type == "Agreement"]
    assert [a.name for a in agreements] == ["폐 영상 AI 공동 연구를 위한 업무협약"]
    signed = {r.from_ for r in x.relations if r.type == "SIGNED"}
    assert {_id(x, "함도윤"), _id(x, "권오준")} <= signed
    assert _id(x, "심재호") not in signed  # '대신': instead of him


def test_four_syllable_word_with_one_syllable_surname_is_no_name(extract: Extract) -> None:
    x = extract(
        "얼라이언스 의장을 맡은 하늘보리 옥지수 대표는 '데이터가 정확도를 결정한다'고 말했다. "
        "하늘보리는 농업 드론 기업이다."
    )
    titles = {(r.from_, r.to, r.title) for r in x.relations if r.type == "HOLDS_POSITION"}
    assert (_id(x, "옥지수"), _id(x, "하늘보리"), "대표") in titles


def test_parenthesised_member_list_and_long_cooperative_names(extract: Extract) -> None:
    x = extract(
        "'스마트들녘 AI 얼라이언스'는 지난해 4월 드론 기업 하늘보리 주도로 출범했다. "
        "현재 회원은 12곳(하늘보리, 흙빛데이터, 온새미종묘 등)이다. 논 1200ha의 기록을 "
        "나눈다. 표은솔(58) 푸른벌영농조합법인 대표는 조합이 지난 26일 얼라이언스에 "
        "합류했다고 밝혔다.",
        published="2021-11-30 09:00",
    )
    alliance = _id(x, "스마트들녘 AI 얼라이언스")
    assert {_id(x, "흙빛데이터"), _id(x, "온새미종묘")} <= _members(x, alliance)
    names = {e.name for e in x.entities}
    assert "푸른벌영농조합법인" in names and "1200ha" not in names
    titles = {(r.from_, r.title) for r in x.relations if r.type == "HOLDS_POSITION"}
    assert (_id(x, "표은솔"), "대표") in titles


def test_languages_and_trade_descriptions_are_no_organisations(extract: Extract) -> None:
    x = extract(
        "통역 스타트업 말벗랩스(Malbeot Labs)는 영어, 중국어, 몽골어를 지원한다. "
        "'첨단도료 AI 연합'은 2022년 6월 태성케미칼 주도로 한빛화학, 도료업체 "
        "빛고을페인트 등 7곳이 모여 출범했다."
    )
    names = {e.name for e in x.entities}
    assert not names & {"영어", "중국어", "몽골어", "도료업체"}
    assert {"한빛화학", "빛고을페인트"} <= names


def test_bare_alliance_noun_after_an_adnominal_lead_is_the_topic(extract: Extract) -> None:
    x = extract(
        "'그린소재 AI 동맹'은 석영케미칼이 이끄는 연합으로, '첨단도료 AI 연합'과 표준을 "
        "놓고 경쟁하고 있다."
    )
    lead = _id(x, "석영케미칼")
    assert ("LEADS", lead, _id(x, "그린소재 AI 동맹")) in relations(x)
    assert ("LEADS", lead, _id(x, "첨단도료 AI 연합")) not in relations(x)


def test_coordination_across_a_latin_spelling_in_brackets(extract: Extract) -> None:
    x = extract(
        "'방송 AI 협의체'는 7일 출범했다. 음성인식 스타트업 보이스온(VoiceOn)과 자막 전문 "
        "업체 자막마을도 창립 회원사로 이름을 올렸다.",
        published="2020-09-08 09:00",
    )
    council = _id(x, "방송 AI 협의체")
    assert {_id(x, "보이스온"), _id(x, "자막마을")} <= _members(x, council)


def test_legal_form_is_part_of_a_law_firms_name(extract: Extract) -> None:
    x = extract(
        "법무법인 한결음은 지난해 12월 '금융 AI 얼라이언스'에 특별회원으로 가입했다. "
        "얼라이언스는 은행, 보험, 증권 등 회원사 30곳을 두고 있다.",
        published="2023-02-07 09:00",
    )
    names = {e.name for e in x.entities}
    assert "법무법인 한결음" in names
    assert not names & {"보험", "증권"}
