"""The fact-merge policy: each rule, and the whole fold being independent of order."""

from __future__ import annotations

from datetime import date
from functools import reduce

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allygraph.facts import (
    earliest_date,
    fact_props,
    first_seen,
    longest_title,
    merge_all,
    merge_evidence,
    merge_relation,
    strongest_role,
)
from allygraph.loaders.writer import relation_rows
from allygraph.models import Evidence, Relation

partial_dates = st.builds(
    lambda y, m, d, precision: [f"{y}", f"{y}-{m:02d}", f"{y}-{m:02d}-{d:02d}"][precision],
    st.integers(2018, 2021),
    st.integers(1, 2),
    st.integers(1, 2),
    st.integers(0, 2),
)
titles = st.text(alphabet="대표사장CEO부 ", min_size=1, max_size=4)
evidences = st.builds(
    lambda article, start, length, sentence: Evidence(
        article_id=article, sentence=sentence, start=start, end=start + length
    ),
    st.sampled_from(["art-a", "art-b", "art-c"]),
    st.integers(0, 3),
    st.integers(1, 3),
    st.sampled_from(["가", "나", "A"]),
)


@st.composite
def statements(draw: st.DrawFn) -> Relation:
    """One statement of the fact kt -[MEMBER_OF]-> ai-one-team with arbitrary details (the
    rules do not look at the type; dates are few so that ties are frequent)."""
    return Relation(
        type="MEMBER_OF",
        from_="kt",
        to="ai-one-team",
        since=draw(st.none() | partial_dates),
        until=draw(st.none() | partial_dates),
        role=draw(st.sampled_from([None, "member", "founder", "leader"])),
        title=draw(st.none() | titles),
        evidence=draw(evidences),
    )


@given(st.lists(statements(), min_size=1, max_size=6).flatmap(
    lambda xs: st.tuples(st.just(xs), st.permutations(xs))
))  # fmt: skip
def test_merging_in_any_order_gives_the_same_fact(
    pair: tuple[list[Relation], list[Relation]],
) -> None:
    given_order, other_order = pair
    assert fact_props(merge_all(given_order)) == fact_props(merge_all(other_order))


@given(statements(), statements(), statements())
def test_merge_is_associative_and_commutative(a: Relation, b: Relation, c: Relation) -> None:
    left = merge_relation(merge_relation(a, b), c)
    right = merge_relation(a, merge_relation(b, c))
    assert fact_props(left) == fact_props(right)
    assert fact_props(merge_relation(a, b)) == fact_props(merge_relation(b, a))


@given(st.lists(evidences, min_size=1, max_size=6).flatmap(
    lambda xs: st.tuples(st.just(xs), st.permutations(xs))
))  # fmt: skip
def test_evidence_lists_do_not_depend_on_order(pair: tuple[list[Evidence], list[Evidence]]) -> None:
    given_order, other_order = pair
    merged = merge_evidence(given_order)
    assert merged == merge_evidence(other_order)
    assert [e.article_id for e in merged] == sorted({e.article_id for e in given_order})


@given(st.lists(statements(), min_size=1, max_size=6).flatmap(
    lambda xs: st.tuples(st.just(xs), st.permutations(xs))
))  # fmt: skip
def test_writer_rows_do_not_depend_on_order(pair: tuple[list[Relation], list[Relation]]) -> None:
    days = {"art-a": date(2020, 6, 3), "art-b": date(2019, 1, 2)}
    given_order, other_order = pair
    assert relation_rows(given_order, days) == relation_rows(other_order, days)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2020-02", "2020-06-03", "2020-02"),  # earliest start
        ("2020", "2019-12", "2019-12"),
        ("2020-02", "2020-02-01", "2020-02-01"),  # same start: the more precise
        ("2020", "2020-01", "2020-01"),
        ("2020", "2020-08-27", "2020-08-27"),  # nested: the more precise ('작년' vs the day)
        ("2020-12", "2020", "2020-12"),  # nested, same last day: the more precise
        ("2020", "2021-03", "2020"),  # disjoint: the earlier
        (None, "2021", "2021"),  # a missing date never wins
        (None, None, None),
    ],
)
def test_earliest_date(a: str | None, b: str | None, expected: str | None) -> None:
    assert earliest_date(a, b) == earliest_date(b, a) == expected


def test_strongest_role() -> None:
    assert strongest_role("member", "leader") == strongest_role("leader", "member") == "leader"
    assert strongest_role("founder", "member") == "founder"
    assert strongest_role(None, "member") == "member"
    assert strongest_role(None, None) is None


def test_longest_title_then_smallest() -> None:
    assert longest_title("대표", "대표이사") == "대표이사"
    assert longest_title("사장", "대표") == longest_title("대표", "사장") == "대표"
    assert longest_title(None, "CEO") == "CEO"


def test_first_seen_is_the_earliest_known_day() -> None:
    assert first_seen([date(2021, 1, 1), None, date(2020, 6, 3)]) == date(2020, 6, 3)
    assert first_seen([None]) is None


def test_merge_keeps_the_first_evidence_and_refuses_another_fact() -> None:
    one = Evidence(article_id="a", sentence="x", start=0, end=1)
    two = Evidence(article_id="b", sentence="y", start=0, end=1)
    known = Relation(type="MEMBER_OF", from_="kt", to="t", since="2021", evidence=one)
    new = Relation(type="MEMBER_OF", from_="kt", to="t", since="2020", role="leader", evidence=two)
    merged = merge_relation(known, new)
    assert (merged.since, merged.role, merged.evidence) == ("2020", "leader", one)
    assert known.since == "2021"  # inputs are left alone
    with pytest.raises(ValueError, match="not the same fact"):
        merge_relation(known, Relation(type="LEADS", from_="kt", to="t", evidence=two))


def test_symmetric_statements_in_either_direction_are_one_fact() -> None:
    ev = Evidence(article_id="a", sentence="x", start=0, end=1)
    a = Relation(type="COMPETES_WITH", from_="b", to="a", evidence=ev)
    b = Relation(type="COMPETES_WITH", from_="a", to="b", evidence=ev)
    assert fact_props(reduce(merge_relation, [a, b])) == fact_props(merge_relation(b, a))
