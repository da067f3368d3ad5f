"""The one rule that folds two statements of one fact into one.

A fact is a relation's key (type, from, to). Several sentences, or several articles, may
state it with different details; the extractor (one article), the overrides, the writer
(rows of one batch) and ``cypher/write_relations.cypher`` (a row onto a stored
relationship) all fold them with the functions here, so the graph is the same whatever
the order articles are loaded in. Every rule picks one of its two inputs by a total order,
so each is commutative and associative (and so is their product, ``merge_relation``):

=============  =====================================================================
property       rule
=============  =====================================================================
``since``      earliest end (``date_order``); of nested dates the more precise wins
               (``2020-02-01`` over ``2020-02`` over ``2020``), of disjoint the earlier
``until``      the same rule as ``since``: the earliest end any source gives
``role``       strongest: leader > founder > member > none
``title``      longest; on equal length the lexicographically smallest (code points)
``first_seen`` earliest publication day of the articles that evidence the fact
evidence       one entry per article (the one with the smallest offsets), sorted by
               article id
=============  =====================================================================

``cypher/write_relations.cypher`` implements the same table; its header says which line
does what. Cypher compares strings by code point and ``size()`` counts code points, as
Python's ``<`` and ``len`` do, so the two sides agree on every tie.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import reduce
from typing import Any, TypeVar

from allygraph.models import Evidence, Relation, Role, partial_date_start

ROLE_RANK: dict[str | None, int] = {None: 0, "member": 1, "founder": 2, "leader": 3}
FACT_FIELDS = ("since", "until", "role", "title")

T = TypeVar("T")


def _pick(a: T | None, b: T | None, key: Callable[[T], Any]) -> T | None:
    """The smaller of two optional values under ``key``; a missing value never wins."""
    if a is None:
        return b
    if b is None:
        return a
    return a if key(a) <= key(b) else b


def date_order(value: str) -> tuple[date, int]:
    """Sort key of a partial ISO date: the last day it can mean, then the later first day.

    Calendar dates are nested or disjoint: of two disjoint ones the earlier wins, of two
    nested ones the more precise ("작년 합류한" gives 2020, the join article 2020-08-27: the
    member joined on 2020-08-27, which lies inside 2020). Distinct texts never share a key,
    so the order is total and picking the smaller of two is commutative and associative."""
    start = partial_date_start(value)
    end = partial_date_end(value)
    assert start is not None and end is not None
    return (end, -start.toordinal())


def partial_date_end(value: str) -> date | None:
    """Last day a partial date can mean: '2020' -> 2020-12-31, '2020-02' -> 2020-02-29."""
    start = partial_date_start(value)
    if start is None:
        return None
    parts = value.count("-")
    if parts == 0:
        return date(start.year, 12, 31)
    if parts == 1:
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return start


def earliest_date(a: str | None, b: str | None) -> str | None:
    """Rule for ``since`` and ``until``: the earliest start, the more precise on a tie."""
    return _pick(a, b, date_order)


def strongest_role(a: Role | None, b: Role | None) -> Role | None:
    """Rule for ``role``: leader > founder > member (distinct roles never tie)."""
    return a if ROLE_RANK[a] >= ROLE_RANK[b] else b


def longest_title(a: str | None, b: str | None) -> str | None:
    """Rule for ``title``: the most complete wording; equal lengths go to the smaller
    text, so the choice never depends on which statement came first."""
    return _pick(a, b, lambda t: (-len(t), t))


def earliest_day(a: date | None, b: date | None) -> date | None:
    """Rule for ``first_seen``: the earliest publication day of any evidencing article."""
    return _pick(a, b, lambda d: d)


def first_seen(days: Iterable[date | None]) -> date | None:
    """``first_seen`` of a fact from the publication days of its evidencing articles."""
    return reduce(earliest_day, days, None)


def evidence_order(evidence: Evidence) -> tuple[int, int, str]:
    """Which of one article's sentences stands for it: the first in the text."""
    return (evidence.start, evidence.end, evidence.sentence)


def merge_evidence(entries: Iterable[Evidence]) -> list[Evidence]:
    """The evidence list of a fact: one entry per article, sorted by article id, so the
    stored lists do not depend on the order articles were loaded in either."""
    best: dict[str, Evidence] = {}
    for entry in entries:
        kept = best.get(entry.article_id)
        if kept is None or evidence_order(entry) < evidence_order(kept):
            best[entry.article_id] = entry
    return [best[k] for k in sorted(best)]


def merge_relation(known: Relation, new: Relation) -> Relation:
    """``known`` with ``new``'s statement of the same fact folded in (a new object; neither
    input is changed). ``since``, ``until``, ``role`` and ``title`` follow the rules above;
    the result keeps ``known``'s evidence and direction, because choosing a sentence is the
    caller's business (the extractor prefers body sentences, the writer keeps all)."""
    if known.key != new.key:
        raise ValueError(f"not the same fact: {known.key} vs {new.key}")
    return known.model_copy(
        update={
            "since": earliest_date(known.since, new.since),
            "until": earliest_date(known.until, new.until),
            "role": strongest_role(known.role, new.role),
            "title": longest_title(known.title, new.title),
        }
    )


def merge_all(relations: Iterable[Relation]) -> Relation:
    """All statements of one fact folded into one (the first one's evidence kept)."""
    return reduce(merge_relation, relations)


def fact_props(relation: Relation) -> dict[str, str | None]:
    """The properties the rules decide, for comparing merged facts."""
    return {name: getattr(relation, name) for name in FACT_FIELDS}
