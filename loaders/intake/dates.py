"""Publication dates in the text of a page: datelines such as '입력 2020-06-03 15:51',
'2019.10.28 오후 2:10', '송고시간 2023/12/06 11:20', 'Jul. 04, 2023 10:05 AM'.

Every date is an aware datetime in Asia/Seoul. Which date of a dateline is the publication
and which the update comes from the labels in ``chrome.yaml``.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from allygraph.loaders.intake.chrome import chrome

SEOUL = ZoneInfo("Asia/Seoul")

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:[.\-/]|년)\s*(?P<m>\d{1,2})\s*(?:[.\-/]|월)\s*(?P<d>\d{1,2})"
    r"\s*(?:일)?\.?(?:\s*\([월화수목금토일]\))?"
    r"(?:\s*(?P<ampm>오전|오후|AM|PM|am|pm))?"
    r"(?:\s*[-,|]?\s*(?P<H>\d{1,2})\s*(?::|시)\s*(?P<M>\d{2})(?:\s*(?::)\s*\d{2})?\s*분?)?"
    r"(?:\s*(?P<ampm2>AM|PM|am|pm))?"
)
# English forms some Korean outlets print: "Jul. 04, 2023 10:05 AM", "4 July 2023 10:05".
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
)}  # fmt: skip
_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_EN_DATE = re.compile(
    r"(?i)\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:(?P<mon1>"
    + _MONTH_NAME
    + r")\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{2})"
    r"|(?P<d2>\d{1,2})\s+(?P<mon2>" + _MONTH_NAME + r"),?\s+(?P<y2>(?:19|20)\d{2}))\b"
)
_DATELINE_MAX = 80  # characters: longer lines are prose that happens to name a date
_DATELINE_REST_MAX = 6  # characters left once dates, labels and bylines are taken out


def parse_datetime(text: str) -> datetime | None:
    """The first date (and time) in ``text`` as an aware Asia/Seoul datetime."""
    match = _DATE.search(numeric_dates(text))
    return _to_datetime(match) if match else None


def numeric_dates(line: str) -> str:
    """'Jul. 04, 2023 10:05 AM' -> '2023-07-04 10:05 AM', so one date pattern reads both."""
    if not _EN_DATE.search(line):
        return line

    def numeric(match: re.Match[str]) -> str:
        month = _MONTHS[(match["mon1"] or match["mon2"])[:3].lower()]
        day = int(match["d1"] or match["d2"])
        return f"{match['y1'] or match['y2']}-{month:02d}-{day:02d}"

    return _EN_DATE.sub(numeric, line)


def is_dateline(line: str) -> bool:
    """A line that is only dates, their labels and a byline."""
    return _dateline_matches(line) is not None


def take_published(lines: list[str]) -> tuple[datetime | None, list[str]]:
    """The publication date from the dateline(s), and the lines without them.

    The first date labelled as an input date wins; an update date serves when nothing else
    is found.
    """
    published: datetime | None = None
    updated: datetime | None = None
    rest: list[str] = []
    labels = chrome()
    for line in lines:
        matches = _dateline_matches(line)
        if matches is None:
            rest.append(line)
            continue
        text = numeric_dates(line)
        for match in matches:
            if labels.updated_label.search(text[: match.start()]):
                updated = updated or _to_datetime(match)
            elif published is None:
                published = _to_datetime(match)
    return published or updated, rest


def _dateline_matches(line: str) -> list[re.Match[str]] | None:
    if len(line) > _DATELINE_MAX:
        return None
    text = numeric_dates(line)
    matches = list(_DATE.finditer(text))
    if not matches:
        return None
    rest = text
    for match in reversed(matches):
        rest = rest[: match.start()] + rest[match.end() :]
    if len(chrome().date_rest.sub("", rest)) > _DATELINE_REST_MAX:
        return None
    return matches


def _to_datetime(match: re.Match[str]) -> datetime | None:
    try:
        hour = int(match["H"]) if match["H"] else 0
        minute = int(match["M"]) if match["M"] else 0
        ampm = (match["ampm"] or match["ampm2"] or "").lower()
        if ampm in ("오후", "pm") and hour < 12:
            hour += 12
        if ampm in ("오전", "am") and hour == 12:
            hour = 0
        return datetime(
            int(match["y"]), int(match["m"]), int(match["d"]), hour, minute, tzinfo=SEOUL
        )
    except ValueError:
        return None
