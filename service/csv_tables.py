"""The CSV tables of members, agreements and comparisons: one row per fact.

Each function takes the route's response model (what the JSON answer holds) and gives the
header and the rows; ``service/csv_export.py`` writes them.
"""

from __future__ import annotations

from typing import Any

from allygraph.service.csv_export import EVIDENCE_COLUMNS, evidence_cells
from allygraph.service.schemas import AgreementList, Comparison, EntityRef, MemberPage

Table = tuple[list[str], list[list[Any]]]


def _entity(entity: EntityRef | None) -> list[Any]:
    if entity is None:
        return ["", "", "", ""]
    return [entity.id, entity.name, entity.name_en, entity.type]


MEMBER_COLUMNS = [
    "alliance", "as_of", "member_id", "member_name", "member_name_en", "member_type",
    "role", "since", "until", "first_seen", *EVIDENCE_COLUMNS,
]  # fmt: skip


def members_table(page: MemberPage) -> Table:
    rows = [
        [page.alliance, page.as_of, *_entity(m.member), m.role, m.since, m.until,
         m.first_seen, *evidence_cells(m)]
        for m in page.members
    ]  # fmt: skip
    return MEMBER_COLUMNS, rows


AGREEMENT_COLUMNS = [
    "agreement_id", "agreement_name", "agreement_name_en", "date", "place", "objectives",
    "tie", "entity_id", "entity_name", "entity_name_en", "entity_type", "titles",
    *EVIDENCE_COLUMNS,
]  # fmt: skip


def agreements_table(listing: AgreementList) -> Table:
    """One row per party and per signatory of each agreement (a row with an empty ``tie``
    for an agreement the graph knows no party of)."""
    rows: list[list[Any]] = []
    for g in listing.agreements:
        head = [g.agreement.id, g.agreement.name, g.agreement.name_en, g.date, g.place,
                "; ".join(g.objectives)]  # fmt: skip
        ties: list[list[Any]] = [
            ["party", *_entity(p.entity), "", *evidence_cells(p)] for p in g.parties
        ]
        ties += [
            ["signatory", *_entity(s.person),
             "; ".join(f"{p.organization.name or p.organization.id} {p.title or ''}".strip()
                       for p in s.positions),
             *evidence_cells(s)]
            for s in g.signatories
        ]  # fmt: skip
        rows += [[*head, *tie] for tie in ties] or [[*head, "", *_entity(None), "",
                                                     *evidence_cells(None)]]  # fmt: skip
    return AGREEMENT_COLUMNS, rows


COMPARE_COLUMNS = [
    "as_of", "fact", "alliance_id", "subject_id", "subject_name", "subject_name_en",
    "subject_type", "object_id", "object_name", "object_name_en", "object_type", "role",
    "since", "until", "first_seen", "date", "parties", "alliances", "object_alliances",
    "across", "stale", *EVIDENCE_COLUMNS,
]  # fmt: skip
PLAIN = COMPARE_COLUMNS[COMPARE_COLUMNS.index("role") : COMPARE_COLUMNS.index("stale") + 1]


def _compare_row(as_of: str | None, fact: str, **cells: Any) -> list[Any]:
    """A row of the comparison table; cells not given are empty."""
    values = {
        "subject": _entity(cells.pop("subject", None)),
        "object": _entity(cells.pop("object", None)),
        "evidence": evidence_cells(cells.pop("evidenced", None)),
    }
    plain = [cells.get(c) for c in PLAIN]
    return [as_of, fact, cells.get("alliance_id"), *values["subject"], *values["object"],
            *plain, *values["evidence"]]  # fmt: skip


def compare_table(comparison: Comparison) -> Table:
    """Members and leaders of each side, shared members, rivalries between the alliances
    and between their members, and agreements among members: one row each."""
    at = comparison.as_of
    rows: list[list[Any]] = []
    for side in comparison.sides:
        aid = side.alliance.id
        rows += [_compare_row(at, "leader", alliance_id=aid, subject=x, object=side.alliance)
                 for x in side.leaders]  # fmt: skip
        rows += [
            _compare_row(at, "member", alliance_id=aid, subject=m.member, object=side.alliance,
                         role=m.role, since=m.since, until=m.until, first_seen=m.first_seen)
            for m in side.members
        ]  # fmt: skip
    rows += [_compare_row(at, "shared_member", subject=s.member, alliances="; ".join(s.alliances))
             for s in comparison.shared_members]  # fmt: skip
    rows += [_compare_row(at, "alliance_rivalry", subject=r.from_, object=r.to, stale=r.stale,
                          evidenced=r)
             for r in comparison.alliance_rivalries]  # fmt: skip
    rows += [
        _compare_row(at, "member_rivalry", subject=r.from_, object=r.to,
                     alliances="; ".join(r.from_alliances),
                     object_alliances="; ".join(r.to_alliances), across=r.across,
                     stale=r.stale, evidenced=r)
        for r in comparison.member_rivalries
    ]  # fmt: skip
    rows += [_compare_row(at, "agreement", subject=g.agreement, date=g.date,
                          parties="; ".join(g.parties))
             for g in comparison.agreements]  # fmt: skip
    return COMPARE_COLUMNS, rows
