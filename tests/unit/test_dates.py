"""Relative dates as Korean news writes them, resolved against the publication day: coarse
periods ('연초', '지난해 상반기') to the year, and the anaphoric '같은 날/달', '당시' to the
date named last (tested through membership, which is where they matter)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from allygraph.loaders.extract.dates import find_dates
from allygraph.models import Extraction

Extract = Callable[..., Extraction]
_PUBLISHED = date(2023, 6, 20)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("지난해 상반기에 가입했다", ["2022"]),  # one period, not '지난해' and '상반기'
        ("연초에는 합류했다", ["2023"]),
        ("올해 초 합류했다", ["2023"]),
        ("지난해 말 영입했다", ["2022"]),
        ("올해 초거대 AI를 공개했다", ["2023"]),  # '초거대' is no '초'
        ("지난 12일 합류했다", ["2023-06-12"]),
    ],
)
def test_periods_resolve_to_one_date(text: str, values: list[str]) -> None:
    assert [d.value for d in find_dates(text, _PUBLISHED)] == values


def _since(x: Extraction, member: str) -> str:
    ids = {e.name: e.id for e in x.entities}
    return next(
        str(r.since) for r in x.relations if r.type == "MEMBER_OF" and r.from_ == ids[member]
    )


def test_same_day_refers_to_the_date_in_its_sentence(extract: Extract) -> None:
    x = extract(
        "업계에 따르면 바다온건설은 지난 20일 'K-해양AI 얼라이언스'에 탈퇴서를 제출하고, "
        "같은 날 '스마트해양 AI 동맹'에 회원사로 합류했다.",
        published="2026-03-24 09:00",
    )
    assert _since(x, "바다온건설") == "2026-03-20"


def test_same_month_takes_the_last_month_named(extract: Extract) -> None:
    x = extract(
        "'해안 AI 컨소시엄'은 지난 3월 바다온을 주관사로 꾸려졌다.",
        "두 회사는 2020년부터 협력해 왔다. 물결랩스는 같은 달 파도텍, 한빛대학교와 손잡고 "
        "'물결 컨소시엄'을 꾸려 주관사를 맡았다.",
        published="2022-05-24 09:00",
    )
    assert _since(x, "파도텍") == "2022-03"
