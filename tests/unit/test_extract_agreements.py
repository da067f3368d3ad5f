"""Agreements, their signatories and the positions people hold (issue 15, items 1 and 3).

Each construction with a sentence it must read and one it must not; names are invented.
"""

from __future__ import annotations

from collections.abc import Callable

from allygraph.loaders.extract.people import can_name_org
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
