"""Alliances compared as a picture: one horizontal bar per alliance, as long as its member
count and split by kind of member (companies, universities, institutes, government), with
the rivalries between the alliances listed under it. The table says who; the picture says
how big and of what each camp is, at a glance. Laid out here in numbers, drawn as SVG by
``templates/compare.svg``.
"""

from __future__ import annotations

from pydantic import BaseModel

from allygraph.service.schemas import Comparison, EntityRef

KIND_COLOURS = {
    "Company": "#2e6fbd",
    "University": "#39a37a",
    "ResearchInstitute": "#8e44ad",
    "GovernmentBody": "#d68910",
}
OTHER_COLOUR = "#95a5a6"
WIDTH = 880
LABEL_WIDTH = 220
ROW = 40
TOP = 40


class Segment(BaseModel):
    kind: str
    count: int
    x: float
    width: float
    colour: str


class Row(BaseModel):
    alliance: EntityRef
    count: int
    y: float
    segments: list[Segment]


class CompareChart(BaseModel):
    width: int
    height: int
    left: int
    rows: list[Row]
    kinds: list[tuple[str, str]]  # legend: kind, colour
    legend_y: float
    rivalries: list[tuple[EntityRef, EntityRef]]
    shared: int


def layout(comparison: Comparison) -> CompareChart:
    biggest = max((s.member_count for s in comparison.sides), default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - 60) / biggest
    rows: list[Row] = []
    seen: dict[str, str] = {}
    for i, side in enumerate(comparison.sides):
        x = float(LABEL_WIDTH)
        segments = []
        for kc in side.members_by_kind:
            colour = KIND_COLOURS.get(kc.kind, OTHER_COLOUR)
            seen.setdefault(kc.kind, colour)
            width = round(kc.count * scale, 1)
            segments.append(Segment(kind=kc.kind, count=kc.count, x=x, width=width, colour=colour))
            x += width
        rows.append(
            Row(alliance=side.alliance, count=side.member_count, y=TOP + i * ROW, segments=segments)
        )
    legend_y = TOP + len(rows) * ROW + 10
    rivalries = [(r.from_, r.to) for r in comparison.alliance_rivalries]
    height = legend_y + 30 + 22 * len(rivalries) + 10
    order = list(KIND_COLOURS)
    kinds = sorted(seen.items(), key=lambda kc: order.index(kc[0]) if kc[0] in order else 99)
    return CompareChart(
        width=WIDTH,
        height=int(height),
        left=LABEL_WIDTH,
        rows=rows,
        kinds=kinds,
        legend_y=legend_y,
        rivalries=rivalries,
        shared=len(comparison.shared_members),
    )
