"""Rival camps, bilateral partnerships and products (issue 15, item 4), on invented names:
each rule on a small sentence, with negatives that must not fire."""

from __future__ import annotations

from collections.abc import Callable

from allygraph.loaders.extract.relations.partners import standing_tie
from allygraph.models import Extraction

from .conftest import relations

Extract = Callable[..., Extraction]


def _id(x: Extraction, name: str) -> str:
    return next(e.id for e in x.entities if e.name == name)


def _pair(x: Extraction, kind: str, a: str, b: str) -> tuple[str, str, str]:
    """The relation key of a symmetric relation between two names."""
    ends = sorted((_id(x, a), _id(x, b)))
    return (kind, ends[0], ends[1])


def _kinds(x: Extraction, kind: str) -> set[tuple[str, ...]]:
    return {k for k in relations(x) if k[0] == kind}


# --- rival camps ---------------------------------------------------------------------


def test_camp_set_against_another_rivals_it_not_its_own_members(extract: Extract) -> None:
    x = extract(
        "누리텔레콤은 가온소프트, 다온랩스와 손잡고 '미래 AI 연합' 진영을 꾸려 "
        "'한빛 AI 동맹'에 맞서고 있다."
    )
    assert _pair(x, "COMPETES_WITH", "미래 AI 연합", "한빛 AI 동맹") in relations(x)
    rivals = _kinds(x, "COMPETES_WITH")
    assert _pair(x, "COMPETES_WITH", "누리텔레콤", "가온소프트") not in rivals
    assert _pair(x, "COMPETES_WITH", "누리텔레콤", "다온랩스") not in rivals


def test_comitative_of_another_verb_is_no_rival(extract: Extract) -> None:
    x = extract("라온소프트는 가온랩스와 손잡고 다온랩스에 맞서고 있다.")
    assert _pair(x, "COMPETES_WITH", "라온소프트", "다온랩스") in relations(x)
    assert _pair(x, "COMPETES_WITH", "라온소프트", "가온랩스") not in relations(x)


def test_two_alliances_of_one_contest(extract: Extract) -> None:
    x = extract("시장은 '미래 AI 연합'과 '한빛 AI 동맹'의 양대 진영 경쟁 구도로 굳어지고 있다.")
    assert _pair(x, "COMPETES_WITH", "미래 AI 연합", "한빛 AI 동맹") in relations(x)


def test_industry_split_into_two_camps(extract: Extract) -> None:
    x = extract(
        "누리텔레콤과 가온소프트는 '미래 AI 연합'을 결성했다.",
        "다온텔레콤은 앞서 '한빛 AI 동맹'을 꾸렸다. 업계는 두 진영으로 나뉘는 모양새다.",
    )
    assert _pair(x, "COMPETES_WITH", "미래 AI 연합", "한빛 AI 동맹") in relations(x)


def test_pair_named_before_a_contest_and_their_alliances(extract: Extract) -> None:
    x = extract(
        "SK텔레콤의 'AI 미래 얼라이언스'에 이어 KT가 'AI 한마음 원팀'을 꾸리면서 시장은 "
        "두 통신사가 맞붙는 경쟁 구도로 재편됐다."
    )
    assert ("COMPETES_WITH", "kt", "sk-telecom") in relations(x)
    assert _pair(x, "COMPETES_WITH", "AI 미래 얼라이언스", "AI 한마음 원팀") in relations(x)


def test_elided_subject_is_the_story_alliance(extract: Extract) -> None:
    x = extract(
        "'한빛 AI 얼라이언스'는 출범 이후 공동 설명회를 열어 왔다. 한빛 AI 얼라이언스에는 "
        "10곳이 참여한다.",
        "최근에는 '경북 AI 벤처 연합'과 실증 사업을 놓고 경쟁 구도를 형성하고 있다.",
    )
    assert _pair(x, "COMPETES_WITH", "한빛 AI 얼라이언스", "경북 AI 벤처 연합") in relations(x)


def test_denied_rivalry_gives_nothing(extract: Extract) -> None:
    x = extract("누리텔레콤과 가온소프트는 경쟁 관계가 아니다.")
    assert not _kinds(x, "COMPETES_WITH")
    y = extract("'미래 AI 연합'과 '한빛 AI 동맹'은 서로 경쟁하지 않는다.")
    assert not _kinds(y, "COMPETES_WITH")


def test_adnominal_rivalry_describes_the_pair_after_it(extract: Extract) -> None:
    x = extract("통신 시장에서 경쟁해 온 누리텔레콤과 가온소프트가 손을 잡았다.")
    assert _pair(x, "COMPETES_WITH", "누리텔레콤", "가온소프트") in relations(x)


def test_observer_quote_reports_a_rivalry_a_partys_quote_does_not(extract: Extract) -> None:
    x = extract('업계 관계자는 "라온소프트와 가온랩스 진영이 뚜렷하게 갈리고 있다"고 말했다.')
    assert _pair(x, "COMPETES_WITH", "라온소프트", "가온랩스") in relations(x)
    y = extract('라온소프트는 "가온랩스와 경쟁하던 구도를 넘어서겠다"고 설명했다.')
    assert not _kinds(y, "COMPETES_WITH")


def test_answering_the_sentence_before(extract: Extract) -> None:
    x = extract(
        "누리텔레콤은 대형 투자를 발표했다. 다온텔레콤은 이에 맞불을 놓듯 가온랩스에 "
        "20억달러를 투자했다."
    )
    assert _pair(x, "COMPETES_WITH", "다온텔레콤", "누리텔레콤") in relations(x)


def test_competitor_of_the_alliance_leader_not_of_a_joining_member(extract: Extract) -> None:
    x = extract(
        "가온은행이 누리텔레콤이 이끄는 'AI 한마음 원팀'에 합류했다.",
        "가온은행은 이날 누리텔레콤과 업무협약도 맺었다. 가온은행은 AI 금융 서비스를 만든다.",
        "앞서 경쟁사인 다온텔레콤은 지난해 삼성전자와 함께 'AI 대연합'을 꾸렸다.",
    )
    assert _pair(x, "COMPETES_WITH", "누리텔레콤", "다온텔레콤") in relations(x)
    assert _pair(x, "COMPETES_WITH", "가온은행", "다온텔레콤") not in relations(x)


# --- bilateral partnerships ------------------------------------------------------------


def test_joint_work_carried_on_is_a_partnership(extract: Extract) -> None:
    x = extract("라온소프트는 2023년부터 가온랩스와 물류 AI를 공동 개발해 왔다.")
    assert _pair(x, "PARTNERS_WITH", "라온소프트", "가온랩스") in relations(x)
    y = extract("다온랩스와 가온랩스는 지난해 공공데이터 가공 사업을 함께 수행한 바 있다.")
    assert _pair(y, "PARTNERS_WITH", "다온랩스", "가온랩스") in relations(y)


def test_cue_inside_a_quoted_name_is_no_partnership(extract: Extract) -> None:
    x = extract(
        "라온소프트는 가온랩스, 다온랩스와 'AI 서비스 공동 개발을 위한 업무협약(MOU)'을 체결했다."
    )
    assert not _kinds(x, "PARTNERS_WITH")


def test_tie_a_plan_verb_takes_is_a_plan(extract: Extract) -> None:
    x = extract("라온소프트와 가온랩스가 로봇용 AI를 함께 개발하는 동맹을 추진한다.")
    assert not _kinds(x, "PARTNERS_WITH")


def test_two_companies_are_the_pair_just_named(extract: Extract) -> None:
    x = extract(
        "라온소프트는 가온랩스, 다온랩스와 업무협약을 맺었다.",
        "가온랩스와 라온소프트의 협력은 이번이 처음이 아니다. 두 회사는 2021년부터 보험 상품을 "
        "함께 운영해 왔다.",
    )
    assert _pair(x, "PARTNERS_WITH", "가온랩스", "라온소프트") in relations(x)
    assert _pair(x, "PARTNERS_WITH", "가온랩스", "다온랩스") not in relations(x)


def test_standing_tie_is_stated_in_the_perfect() -> None:
    assert standing_tie("A와 B는 지난해부터 컴파일러를 공동 개발해 왔다.")
    assert standing_tie("A와 B는 지난해 사업을 함께 수행한 바 있다.")
    assert not standing_tie("A와 B는 올해 컴파일러를 공동 개발한다.")


# --- products ------------------------------------------------------------------------


def _product(x: Extraction, name: str) -> str | None:
    return next((e.id for e in x.entities if e.type == "Product" and e.name == name), None)


def test_product_after_a_descriptor_with_an_acronym(extract: Extract) -> None:
    x = extract("가온랩스는 자체 개발한 거대언어모델(LLM) '누리(Nuri)'를 공개했다.")
    product = _product(x, "누리")
    assert product is not None
    assert ("DEVELOPS", _id(x, "가온랩스"), product) in relations(x)


def test_latin_name_with_its_hangul_reading_is_one_product(extract: Extract) -> None:
    x = extract("라온소프트는 오픈소스 모델 'Orca 3(오르카3)'를 공개했다.")
    product = next(e for e in x.entities if e.type == "Product")
    assert (product.name, product.aliases) == ("Orca 3", ["오르카3"])


def test_quoted_only_nouns_need_quotes(extract: Extract) -> None:
    x = extract("가온랩스는 판독 보조 AI '루미 체스트'를 공급한다.")
    assert ("DEVELOPS", _id(x, "가온랩스"), _product(x, "루미 체스트")) in relations(x)
    y = extract("KT의 AI 플랫폼은 여러 기업에 공급된다.")
    assert not any(e.type == "Product" for e in y.entities)


def test_proper_name_in_apposition_is_a_product(extract: Extract) -> None:
    x = extract("KT의 AI 플랫폼인 지니온과 LG전자의 가전을 연동한다.")
    assert ("DEVELOPS", "kt", _product(x, "지니온")) in relations(x)


def test_genitive_of_a_list_owns_no_product(extract: Extract) -> None:
    x = extract("KT, 네이버, 카카오의 '스마트 교류회'가 열렸다.")
    assert not any(e.type == "Product" for e in x.entities)
    y = extract("네이버의 새 모델 '스톰'과 구글의 서비스를 묶는다.")
    assert ("DEVELOPS", "naver", _product(y, "스톰")) in relations(y)


# --- who develops a product ----------------------------------------------------------


def test_subjects_sharing_one_making_verb_each_make_their_own(extract: Extract) -> None:
    x = extract(
        "가온랩스는 판독 보조 솔루션 '누리CXR'을, 다온랩스는 영상 분석 솔루션 '다온 뉴로'를 "
        "참여 병원에 공급한다."
    )
    assert ("DEVELOPS", _id(x, "가온랩스"), _product(x, "누리CXR")) in relations(x)
    assert ("DEVELOPS", _id(x, "다온랩스"), _product(x, "다온 뉴로")) in relations(x)
    assert ("DEVELOPS", _id(x, "가온랩스"), _product(x, "다온 뉴로")) not in relations(x)


def test_another_subject_owns_what_follows_it(extract: Extract) -> None:
    x = extract("라온소프트는 자사 솔루션 '라온 가드'를, 협력사는 솔루션 '블루 아이'를 공급한다.")
    assert ("DEVELOPS", _id(x, "라온소프트"), _product(x, "라온 가드")) in relations(x)
    assert _product(x, "블루 아이") is None  # related to no one, so not kept


def test_object_of_a_joint_making_verb_has_both_makers(extract: Extract) -> None:
    x = extract("라온소프트는 가온랩스와 AI 칩 '라온칩'을 공동 개발하고 있다.")
    chip = _product(x, "라온칩")
    assert ("DEVELOPS", _id(x, "라온소프트"), chip) in relations(x)
    assert ("DEVELOPS", _id(x, "가온랩스"), chip) in relations(x)


def test_date_between_maker_and_its_verb(extract: Extract) -> None:
    x = extract("라온소프트는 지난해 5월 공개한 초거대 AI '누리봇'을 중심으로 협력한다.")
    assert ("DEVELOPS", _id(x, "라온소프트"), _product(x, "누리봇")) in relations(x)


def test_speaker_calls_the_product_the_companys_own(extract: Extract) -> None:
    x = extract(
        '김하늘 라온소프트 대표는 "고객에게 유리하다"며 자사 언어모델 '
        "'라온-M'을 무상으로 개방하겠다고 밝혔다."
    )
    assert ("DEVELOPS", _id(x, "라온소프트"), _product(x, "라온-M")) in relations(x)


def test_product_named_after_its_subject(extract: Extract) -> None:
    x = extract("세이프랩스는 딥페이크 탐지 솔루션 '세이프랩스 가드'로 고객을 확보했다.")
    assert ("DEVELOPS", _id(x, "세이프랩스"), _product(x, "세이프랩스 가드")) in relations(x)


def test_product_another_verb_takes_is_not_made(extract: Extract) -> None:
    x = extract("KT는 AI 스피커 '지니온'을 탑재한 TV를 출시한다.")
    assert not _kinds(x, "DEVELOPS")


def test_headline_own_product_is_its_first_organisations(extract: Extract) -> None:
    x = extract(
        "라온소프트·가온랩스 전략적 제휴...자사 AI 서비스 '라오나'에 새 모델 적용",
        "두 회사는 3일 제휴를 발표했다.",
    )
    assert ("DEVELOPS", _id(x, "라온소프트"), _product(x, "라오나")) in relations(x)


def test_bond_is_not_membership_of_the_alliance_it_faces(extract: Extract) -> None:
    x = extract(
        "누리텔레콤은 가온소프트, 다온랩스와 손잡고 '미래 AI 연합' 진영을 꾸려 "
        "'한빛 AI 동맹'에 맞서고 있다."
    )
    rival = _id(x, "한빛 AI 동맹")
    assert not any(k[0] == "MEMBER_OF" and k[2] == rival for k in relations(x))
    assert not _kinds(x, "PARTNERS_WITH")


def test_quoted_answer_without_subject_is_the_speakers(extract: Extract) -> None:
    x = extract(
        "김하늘 라온소프트 대표는 인터뷰에서 전략을 설명했다.",
        '"가온랩스와는 지난해부터 협력하고 있고, 새 모델을 올렸다."',
    )
    assert _pair(x, "PARTNERS_WITH", "라온소프트", "가온랩스") in relations(x)


def test_a_product_after_a_long_description_of_what_its_maker_made(extract: Extract) -> None:
    x = extract("물결랩스가 개발한 선박 연료 최적화 AI '바다길(SeaRoad)'은 해운사 30곳이 쓴다.")
    assert ("DEVELOPS", _id(x, "물결랩스"), _id(x, "바다길")) in relations(x)
