"""An alliance's membership over time, laid out for drawing as SVG.

One bar per membership, from the day it began (its ``since``; without one, the day an
article first reported it) to the day it ended (``until``) or today. The founders (role
founder, or joined on the alliance's first day) are drawn first and apart from those who
joined later; each bar's start is a join event, marked with a dot and its date. The layout
is computed here, in plain numbers, so the template only places shapes and the drawing can
be checked without a browser.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from allygraph.models import partial_date_start
from allygraph.service.schemas import EntityRef, Member

WIDTH = 960
LABEL_WIDTH = 230
RIGHT_PAD = 90
ROW = 28
TOP = 44
GROUP_GAP = 30


class Bar(BaseModel):
    member: EntityRef
    role: str | None
    start: date
    end: date
    ongoing: bool
    dated_by: str  # "since" or "first_seen": what the start rests on
    active: bool  # a member on the chart's as-of day (always, without one)
    x: float
    width: float
    y: float


class Tick(BaseModel):
    x: float
    label: str


class Group(BaseModel):
    key: str  # "founders" or "joined_later"
    y: float
    bars: list[Bar]


class Timeline(BaseModel):
    width: int
    height: int
    left: int
    right: float
    axis_y: float
    today_x: float
    as_of: date | None = None
    as_of_x: float | None = None
    groups: list[Group]
    ticks: list[Tick]
    undated: list[EntityRef]


def day_of(value: str | None) -> date | None:
    """The first day of a partial ISO date, None for none or for one that does not parse."""
    try:
        return partial_date_start(value[:10]) if value else None
    except ValueError:
        return None


def start_of(member: Member) -> tuple[date | None, str]:
    if day := day_of(member.since):
        return day, "since"
    if day := day_of(member.first_seen):
        return day, "first_seen"
    return None, ""


def layout(members: list[Member], today: date, as_of: date | None = None) -> Timeline:
    """Bars, groups and year ticks for the given memberships (all of them, not as of a day).
    With ``as_of``, the day is drawn across the chart and the bars of those who were not
    members then are dimmed, so the timeline answers the alliance page's question too."""
    dated: list[tuple[Member, date, str]] = []
    undated: list[EntityRef] = []
    for m in members:
        start, by = start_of(m)
        if start is None:
            undated.append(m.member)
        else:
            dated.append((m, start, by))
    dated.sort(key=lambda item: (item[1], item[0].member.id))
    first = dated[0][1] if dated else today
    lo = date(first.year, 1, 1)
    hi = max(today, *(d for _, d, _ in dated)) if dated else today
    if as_of is not None:
        lo, hi = min(lo, date(as_of.year, 1, 1)), max(hi, as_of)
    span = max((hi - lo).days, 1)
    right = WIDTH - RIGHT_PAD

    def x_of(day: date) -> float:
        return round(LABEL_WIDTH + (right - LABEL_WIDTH) * (day - lo).days / span, 1)

    founders = [d for d in dated if d[0].role == "founder" or d[1] == first]
    later = [d for d in dated if not (d[0].role == "founder" or d[1] == first)]
    groups: list[Group] = []
    y = float(TOP)
    for key, items in (("founders", founders), ("joined_later", later)):
        if not items:
            continue
        group_y = y
        y += 18
        bars = []
        for m, start, by in items:
            end = day_of(m.until)
            end_day = end or today
            bars.append(
                Bar(
                    member=m.member, role=m.role, start=start, end=end_day,
                    ongoing=end is None, dated_by=by, x=x_of(start),
                    active=as_of is None or (start <= as_of and (end is None or end > as_of)),
                    width=max(x_of(end_day) - x_of(start), 2.0), y=y,
                )
            )  # fmt: skip
            y += ROW
        groups.append(Group(key=key, y=group_y, bars=bars))
        y += GROUP_GAP - ROW // 2
    ticks = [
        Tick(x=x_of(date(year, 1, 1)), label=str(year)) for year in range(lo.year, hi.year + 1)
    ]
    return Timeline(
        width=WIDTH,
        height=int(y + (46 if as_of else 30)),
        left=LABEL_WIDTH,
        right=right,
        axis_y=y,
        today_x=x_of(today),
        as_of=as_of,
        as_of_x=x_of(as_of) if as_of else None,
        groups=groups,
        ticks=ticks,
        undated=undated,
    )
