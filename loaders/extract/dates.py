"""Relative dates in Korean news, resolved against the publication date.

Articles date events relative to the day they appear ("3일", "지난 2월", "올해 초",
"이튿날"). Relations carry ISO dates only as precise as the text: a day, a month or a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

# A part of a year ('하반기', '초', '1분기'): dated to its year, as precise as the gold dates it
# ('2019년 하반기' is 2019, '올 1분기' this year).
_PERIOD = r"(?:상반기|하반기|연초|연말|초(?!거대|대형|과|기|반|순)|말(?!씀|하|했|한)|[1-4]\s*분기)"
_PATTERNS = re.compile(
    r"(?P<ymd>(?P<y1>(?:19|20)\d{2})\s*년\s*(?P<m1>\d{1,2})\s*월\s*(?P<d1>\d{1,2})\s*일)"
    r"|(?P<ym>(?P<y2>(?:19|20)\d{2})\s*년\s*(?P<m2>\d{1,2})\s*월)"
    r"|(?P<rym>(?P<ry>올해|금년|지난해|작년|전년|내년)\s*(?P<rm>\d{1,2})\s*월(?:\s*(?P<rd>\d{1,2})\s*일)?)"
    r"|(?P<rmd>(?P<rmo>지난\s?달|이번\s?달|이달|다음\s?달|내달)\s*(?P<rmdd>\d{1,2})\s*일)"
    r"|(?P<rel_month>지난\s?달|이번\s?달|이달|다음\s?달|내달)"
    r"|(?P<ryp>(?P<ryw>올해|금년|지난해|작년|전년|내년|올)\s*" + _PERIOD + ")"
    r"|(?P<md>(?P<dir3>지난|오는)?\s*(?<!\d)(?P<m3>\d{1,2})\s*월\s*(?P<d3>\d{1,2})\s*일)"
    r"|(?P<m>(?P<dir4>지난|오는)?\s*(?<![\d.])(?P<m4>\d{1,2})\s*월(?!\s*\d))"
    r"|(?P<y>(?<!\d)(?P<y5>(?:19|20)\d{2})\s*년(?:\s*" + _PERIOD + ")?)"
    r"|(?P<d>(?P<dir6>지난|오는)?\s*(?<![\d.,])(?P<d6>\d{1,2})\s*일(?!간|째|동안|치|분|자리|대)(?:\s*\(현지시간\))?)"
    r"|(?P<rel_year>올해|금년|지난해|작년|전년|내년|(?<![가-힣\d])(?:연초|연말|상반기|하반기|[1-4]\s*분기))"
    r"|(?P<rel_day>이날|당일|오늘|이튿날|다음날|다음 날|전날|어제|하루 전)"
)
# '지난달', '이달', '내달': a month before, of or after the publication.
_MONTH_OFFSET = {"지난": -1, "이번": 0, "이달": 0, "다음": 1, "내달": 1}
# '연초', '상반기' alone: of this year (a year is as precise as the gold dates them)
_YEAR_OFFSET = {
    "올해": 0, "금년": 0, "지난해": -1, "작년": -1, "전년": -1, "내년": 1,
    "연초": 0, "연말": 0, "상반기": 0, "하반기": 0, "올": 0,
}  # fmt: skip
_DAY_OFFSET = {
    "이날": 0, "당일": 0, "오늘": 0, "이튿날": 1, "다음날": 1, "다음 날": 1,
    "전날": -1, "어제": -1, "하루 전": -1,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a text: where it is and the ISO date it stands for."""

    start: int
    end: int
    value: str  # ISO partial date
    precision: str  # "day", "month" or "year"


def find_dates(text: str, published: date, event: date | None = None) -> list[DateMention]:
    """Every date expression in ``text`` with its ISO value (see ``_find_dates``)."""
    return list(_find_dates(text, published, event))


@lru_cache(maxsize=1024)
def _find_dates(text: str, published: date, event: date | None) -> tuple[DateMention, ...]:
    """Every date expression in ``text`` with its ISO value.

    ``event`` is the day the article's news happened (for "이날", "이튿날"); it defaults to
    the publication day.
    """
    anchor = event or published
    found: list[DateMention] = []
    for match in _PATTERNS.finditer(text):
        resolved = _resolve(match, published, anchor)
        if resolved is not None:
            value, precision = resolved
            found.append(DateMention(match.start(), match.end(), value, precision))
    return tuple(found)


def first_date(text: str, published: date, event: date | None = None) -> str | None:
    """The first date ``text`` writes (ISO, as precise as written): a sentence's date."""
    dates = find_dates(text, published, event)
    return dates[0].value if dates else None


def first_day(text: str, published: date) -> date | None:
    """The first explicit day ("3일", "7일(현지시간)", "6월 3일") in ``text``."""
    for mention in find_dates(text, published):
        if mention.precision == "day" and not _is_relative_day(text[mention.start : mention.end]):
            return date.fromisoformat(mention.value)
    return None


def _is_relative_day(expression: str) -> bool:
    return expression.strip() in _DAY_OFFSET


def _resolve(match: re.Match[str], pub: date, anchor: date) -> tuple[str, str] | None:
    try:
        if match["ymd"]:
            return date(int(match["y1"]), int(match["m1"]), int(match["d1"])).isoformat(), "day"
        if match["ym"]:
            month = int(match["m2"])
            return (f"{int(match['y2']):04d}-{month:02d}", "month") if 1 <= month <= 12 else None
        if match["rym"]:
            year, month = pub.year + _YEAR_OFFSET[match["ry"]], int(match["rm"])
            if match["rd"]:
                return date(year, month, int(match["rd"])).isoformat(), "day"
            return (f"{year:04d}-{month:02d}", "month") if 1 <= month <= 12 else None
        if match["rmd"] or match["rel_month"]:
            return _relative_month(match, pub)
        if match["md"]:
            month, day = int(match["m3"]), int(match["d3"])
            year = _year_for_month(month, pub, match["dir3"])
            return date(year, month, day).isoformat(), "day"
        if match["m"]:
            month = int(match["m4"])
            if not 1 <= month <= 12:
                return None
            return f"{_year_for_month(month, pub, match['dir4']):04d}-{month:02d}", "month"
        if match["y"]:
            return match["y5"], "year"
        if match["d"]:
            return _day_of_month(int(match["d6"]), pub, match["dir6"]), "day"
        if match["ryp"]:  # '지난해 상반기': the year, as precise as the gold dates it
            return str(pub.year + _YEAR_OFFSET[match["ryw"]]), "year"
        if match["rel_year"]:
            return str(pub.year + _YEAR_OFFSET.get(match["rel_year"], 0)), "year"  # '1분기'
        if match["rel_day"]:
            return (anchor + timedelta(days=_DAY_OFFSET[match["rel_day"]])).isoformat(), "day"
    except ValueError:
        return None
    return None


def _relative_month(match: re.Match[str], pub: date) -> tuple[str, str]:
    word = (match["rmo"] or match["rel_month"]).replace(" ", "")
    offset = next(v for k, v in _MONTH_OFFSET.items() if word.startswith(k))
    index = pub.year * 12 + pub.month - 1 + offset
    year, month = divmod(index, 12)
    if match["rmd"]:
        return date(year, month + 1, int(match["rmdd"])).isoformat(), "day"
    return f"{year:04d}-{month + 1:02d}", "month"


def _year_for_month(month: int, pub: date, direction: str | None) -> int:
    if direction == "오는":
        return pub.year + 1 if month < pub.month else pub.year
    return pub.year - 1 if month > pub.month else pub.year


def _day_of_month(day: int, pub: date, direction: str | None) -> str:
    """A bare "N일" is this month's day N, or last month's when N is still to come."""
    if not 1 <= day <= 31:
        raise ValueError(day)
    year, month = pub.year, pub.month
    if direction != "오는" and day > pub.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    elif direction == "오는" and day < pub.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return date(year, month, day).isoformat()
