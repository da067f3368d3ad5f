"""Publication dates outside 1900-01-01 .. tomorrow are refused in one sentence wherever
they come from (a stated field, a sidecar, a dateline in the text), never an OverflowError."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from allygraph.errors import IntakeError
from allygraph.loaders.intake import parse_article
from allygraph.models import check_published
from tests.factories import article

BODY = "제목\n\nKT와 LG전자가 AI 원팀에 합류했다.\n"
EXTREMES = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2099-01-01", "1899-12-31"]


@pytest.mark.parametrize("published", EXTREMES)
def test_stated_dates_out_of_range_are_an_intake_error(published: str) -> None:
    with pytest.raises(IntakeError, match=r"published: publication date .* is outside 1900-01-01"):
        parse_article(BODY, meta={"published": published})


def test_a_dateline_in_the_text_is_checked_too() -> None:
    with pytest.raises(IntakeError, match="outside 1900-01-01"):
        parse_article("제목\n\n입력 2099.01.01 10:00\n\nKT와 LG전자가 AI 원팀에 합류했다.\n")


@pytest.mark.parametrize("published", EXTREMES[:2])
def test_the_model_refuses_before_any_time_zone_arithmetic(published: str) -> None:
    with pytest.raises(ValidationError, match="outside"):
        article(published=datetime.fromisoformat(published))


def test_the_bounds_themselves_are_accepted() -> None:
    tomorrow = date.today() + timedelta(days=1)
    for day in (date(1900, 1, 1), tomorrow):
        value = datetime(day.year, day.month, day.day, 23, 59, tzinfo=timezone(timedelta(hours=9)))
        assert check_published(value) == value
    with pytest.raises(ValueError, match="tomorrow"):
        check_published(datetime.combine(tomorrow + timedelta(days=1), datetime.min.time()))
