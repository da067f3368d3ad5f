"""Agreements, their signatories and the positions people hold (issue 15, items 1 and 3).

Each construction with a sentence it must read and one it must not; names are invented.
"""

from __future__ import annotations

from collections.abc import Callable

from allygraph.loaders.extract.people import can_name_org
from allygraph.loaders.extract.relations.positions import abbreviates
from allygraph.models import Extraction

Extract = Callable[..., Extraction]


def _id(x: Extraction, name: str) -> str:
    return next(e.id for e in x.entities if e.name == name or name in e.aliases)


def _people(x: Extraction) -> set[str]:
    return {e.name for e in x.entities if e.type == "Person"}


def _positions(x: Extraction) -> dict[tuple[str, str], str | None]:
    """(person name, organisation name) -> title."""
    names = {e.id: e.name for e in x.entities}
    return {
        (names[r.from_], names[r.to]): r.title for r in x.relations if r.type == "HOLDS_POSITION"
    }


# --- people and positions ------------------------------------------------------------------


def test_an_unknown_organisation_between_name_and_title(extract: Extract) -> None:
    x = extract('오태민 바다정보기술 대표는 "항만 AI를 키우겠다"고 말했다.')
    assert _positions(x)[("오태민", "바다정보기술")] == "대표"
    # a modifier of the title is no organisation
    y = extract("오태민 신임 대표는 말했다. 한도윤 당시 회장은 말을 아꼈다.")
    assert not {org for _, org in _positions(y)}
    assert can_name_org("바다정보기술") and not can_name_org("전략기획")


def test_an_unknown_organisation_resolves_to_the_one_named_before(extract: Extract) -> None:
    x = extract(
        "누리시는 별빛데이터와 협약을 맺었다.",
        "권나래 누리시 부시장과 하준서 별빛데이터 대표가 참석했다.",
    )
    positions = _positions(x)
    assert positions[("권나래", "누리시")] == "부시장"
    assert positions[("하준서", "별빛데이터")] == "대표"
    assert next(e for e in x.entities if e.name == "누리시").type == "GovernmentBody"
    assert sum(e.name == "별빛데이터" for e in x.entities) == 1


def test_position_in_parentheses_after_another_title(extract: Extract) -> None:
    x = extract(
        "협의체를 이끄는 남궁현 회장(새솔대학교병원장)을 만났다.",
        "연합을 이끄는 탁은비 의장(한결의료원 디지털전략센터장)은 말했다.",
    )
    positions = _positions(x)
    assert positions[("남궁현", "새솔대학교병원")] == "병원장"
    assert positions[("탁은비", "한결의료원")] == "디지털전략센터장"


def test_titles_with_departments_designates_and_photo_positions(extract: Extract) -> None:
    x = extract(
        "육지호 KT 미래사업전략 및 마케팅 총괄 부사장과 변시우 KT 대표이사 내정자가 만났다.",
        "변 내정자는 말했다.",
        "마서윤 우리은행 부행장은 말했다. 채도하 우리은행장(오른쪽)과 변시우 내정자가 웃었다.",
    )
    positions = {p: t for (p, _), t in _positions(x).items()}
    assert positions["육지호"] == "미래사업전략 및 마케팅 총괄 부사장"
    assert positions["변시우"] == "대표이사 내정자"
    assert positions["마서윤"] == "부행장"
    assert positions["채도하"] == "행장"


def test_acronym_and_title_in_one_parenthesis(extract: Extract) -> None:
    x = extract("금재형 LG전자 최고기술책임자(CTO·사장)가 참석했다.")
    assert _positions(x)[("금재형", "LG전자")] == "최고기술책임자(CTO·사장)"


def test_a_person_from_the_organisation_named_before(extract: Extract) -> None:
    x = extract("누리랩스에서는 한지호 최고기술책임자(CTO)가 자리를 함께했다.")
    assert _positions(x)[("한지호", "누리랩스")] == "최고기술책임자(CTO)"


def test_taking_up_a_title_dates_the_position(extract: Extract) -> None:
    x = extract(
        "연합을 이끄는 탁은비 의장(한결의료원 디지털전략센터장)을 만났다.",
        "탁 의장은 2019년 한결의료원 디지털전략센터장에 올랐다.",
    )
    since = {r.since for r in x.relations if r.type == "HOLDS_POSITION"}
    assert since == {"2019"}
    # a plan to take it up, or holding it, dates nothing
    y = extract("한지호 대표는 내년 누리랩스 대표이사로 취임할 예정이다.")
    assert not any(r.type == "HOLDS_POSITION" for r in y.relations)


# --- agreements ----------------------------------------------------------------------------


def _agreements(x: Extraction) -> list[tuple[str, list[str]]]:
    return [(e.name, e.aliases) for e in x.entities if e.type == "Agreement"]


def _signers(x: Extraction) -> set[str]:
    names = {e.id: e.name for e in x.entities}
    return {names[r.from_] for r in x.relations if r.type == "SIGNED"}


def _parties(x: Extraction) -> set[str]:
    names = {e.id: e.name for e in x.entities}
    return {names[r.from_] for r in x.relations if r.type == "PARTY_TO"}


def test_quoted_name_before_or_around_the_acronym(extract: Extract) -> None:
    x = extract("가람은행은 이날 KT와 '소상공인 대출 심사를 위한 업무협약'(MOU)도 맺었다.")
    # the purpose clause belongs to the noun phrase too, so the bare '업무협약' is no alias
    assert _agreements(x) == [("소상공인 대출 심사를 위한 업무협약", ["MOU"])]
    assert _parties(x) == {"가람은행", "KT"}
    y = extract("KT는 누리랩스와 '교통 데이터 공동 활용을 위한 업무협약(MOU)'을 체결했다.")
    assert _agreements(y)[0][0] == "교통 데이터 공동 활용을 위한 업무협약"
    # a quotation of speech before the quoted name does not swallow it
    z = extract("\"지난달 KT가 누리랩스와 '항만 AI 구축을 위한 업무협약'을 맺었다.\"")
    assert _agreements(z)[0][0] == "항만 AI 구축을 위한 업무협약"


def test_the_name_is_the_noun_phrase_the_agreement_noun_heads(extract: Extract) -> None:
    x = extract("KT와 누리랩스는 이날 본사에서 업무협약을 맺었다.")
    assert _agreements(x)[0][0] == "업무협약"
    y = extract("KT와 누리랩스는 3일 온디바이스 AI 공동연구 양해각서를 체결했다.")
    assert _agreements(y)[0][0] == "온디바이스 AI 공동연구 양해각서"
    # a quoted alliance before the noun says whose agreement it is, not what it is called
    z = extract("누리랩스는 2일 KT, 별빛데이터 등과 '누리 의료 AI 컨소시엄' 협약을 맺었다.")
    assert _agreements(z)[0][0] == "협약"


def test_plans_and_pending_signings_are_no_agreement(extract: Extract) -> None:
    x = extract(
        "3사는 이르면 이달 말 공동 개발을 위한 업무협약(MOU)을 체결할 예정이다.",
        "다만 이견이 남아 있어 MOU 체결 시점은 다음 달로 늦어질 수도 있다.",
    )
    assert not _agreements(x)


def test_caption_of_the_signing_names_the_signatories(extract: Extract) -> None:
    x = extract(
        "KT는 3일 누리랩스, 별빛데이터와 업무협약을 체결했다고 밝혔다.",
        "(왼쪽부터) 하은솔 누리랩스 대표, 변시우 KT 대표, 도윤재 별빛데이터 대표가 3일 "
        "업무협약을 맺고 기념촬영을 하고 있다. (사진=KT 제공)",
    )
    assert _signers(x) == {"하은솔", "변시우", "도윤재"}
    assert len(_agreements(x)) == 1


def test_two_sentence_caption_lists_the_signatories_after_the_signing(extract: Extract) -> None:
    x = extract(
        "가온시는 16일 누리랩스, 별빛데이터와 'AI 민원 안내를 위한 업무협약'을 맺었다.",
        "16일 가온시청에서 참석자들이 협약서에 서명한 뒤 기념촬영을 하고 있다. 왼쪽부터 "
        "하은솔 누리랩스 대표, 권나래 가온시 부시장, 도윤재 별빛데이터 대표. (사진=가온시 제공)",
    )
    assert _signers(x) == {"하은솔", "권나래", "도윤재"}
    assert _parties(x) == {"가온시", "누리랩스", "별빛데이터"}


def test_attending_the_signing_the_lead_reports(extract: Extract) -> None:
    x = extract(
        "KT는 27일 가람그룹, 누리증권과 업무협약을 맺었다고 밝혔다.",
        "체결식에는 변시우 KT 대표와 하은솔 가람그룹 부회장 등이 참석했다.",
        "이날 행사에는 마서윤 과학기술정보통신부 차관도 참석했다.",
    )
    assert _signers(x) == {"변시우", "하은솔"}
    # those said to sign are the signatories; one who 'also' attended is not
    y = extract(
        "KT와 누리랩스는 6일 업무협약을 체결했다고 밝혔다.",
        "변시우 KT 대표와 하은솔 누리랩스 대표가 협약서에 서명했다.",
        "이날 협약식에는 도윤재 KT 부회장도 참석했다.",
    )
    assert _signers(y) == {"변시우", "하은솔"}


def test_members_of_the_alliance_sign_with_its_founder(extract: Extract) -> None:
    x = extract(
        "가람대병원은 1일 '가람 의료AI 컨소시엄' 출범식을 열고 참여 기관들과 "
        "'의료 데이터 공동 연구를 위한 업무협약'을 체결했다고 2일 밝혔다.",
        "컨소시엄에는 가람대병원과 누리병원, 별빛의료원이 참여했다.",
    )
    assert {"가람대병원", "누리병원", "별빛의료원"} <= _parties(x)


def test_one_agreement_per_signing(extract: Extract) -> None:
    x = extract(
        "KT와 누리랩스는 6일 업무협약을 체결했다고 밝혔다.",
        "변시우 KT 대표와 하은솔 누리랩스 대표가 협약서에 서명했다.",
        "KT는 지난달 20일 별빛데이터와도 업무협약을 맺은 바 있다.",
    )
    assert len(_agreements(x)) == 2


def test_a_month_and_a_day_of_it_are_one_signing(extract: Extract) -> None:
    x = extract(
        "KT와 누리랩스는 지난달 업무협약을 맺었다고 밝혔다.",
        "변시우 KT 대표와 하은솔 누리랩스 대표가 지난달 20일 협약서에 서명하고 있다. "
        "(사진=KT 제공)",
    )
    agreements = [e for e in x.entities if e.type == "Agreement"]
    assert len(agreements) == 1 and agreements[0].date == "2020-05-20"


def test_a_ministry_between_name_and_title(extract: Extract) -> None:
    x = extract("마서윤 과학기술정보통신부 제2차관도 자리를 함께했다.")
    assert _positions(x)[("마서윤", "과학기술정보통신부")] == "제2차관"
    assert next(e for e in x.entities if e.name == "과학기술정보통신부").type == "GovernmentBody"


def test_an_abbreviated_organisation_is_the_one_named_in_full(extract: Extract) -> None:
    x = extract(
        "행정안전부와 누리랩스는 협의체를 꾸렸다.",
        "공동 의장은 마서윤 행안부 차관이 맡았다.",
    )
    assert _positions(x)[("마서윤", "행정안전부")] == "차관"
    assert "행안부" not in {e.name for e in x.entities}
    assert abbreviates("과기정통부", "과학기술정보통신부") and abbreviates("서울대", "서울대학교")
    assert not abbreviates("한국은행", "한국산업은행") and not abbreviates("삼성", "삼성전자")
