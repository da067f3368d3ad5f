"""The grammar layer reads Kiwi's analysis the way the rules need it: stem, particle,
predicate, clause boundaries. Unknown names must come back as proper stems."""

from __future__ import annotations

import pytest

from allygraph.loaders.extract.grammar import clauses, words


def word(text: str, surface: str):  # type: ignore[no-untyped-def]
    return next(w for w in words(text) if w.surface == surface)


@pytest.mark.parametrize(
    ("surface", "stem", "particle"),
    [
        ("리벨리온과", "리벨리온", "과"),  # Kiwi keeps the particle on a word it does not know
        ("앤트로픽에", "앤트로픽", "에"),
        ("KT가", "KT", "가"),
        ("얼라이언스에는", "얼라이언스", "에는"),
        ("한국투자증권과", "한국투자증권", "과"),
    ],
)
def test_stem_and_particle(surface: str, stem: str, particle: str) -> None:
    w = word(surface, surface)
    assert (w.stem, w.particle) == (stem, particle)
    assert w.predicate is None


@pytest.mark.parametrize("surface", ["리벨리온과", "누리랩스", "구글은", "KT가", "퓨리오사AI"])
def test_names_nobody_listed_are_proper(surface: str) -> None:
    assert word(surface, surface).proper


@pytest.mark.parametrize("surface", ["정부는", "스타트업이", "협력을"])
def test_common_nouns_are_not_proper(surface: str) -> None:
    assert not word(surface, surface).proper


@pytest.mark.parametrize(
    ("surface", "predicate", "ending"),
    [("합류하면서", "합류", "EC"), ("체결했다", "체결", "EF"), ("참여한", "참여", "ETM")],
)
def test_predicates(surface: str, predicate: str, ending: str) -> None:
    w = word(surface, surface)
    assert (w.predicate, w.ending) == (predicate, ending)


def test_clauses_split_at_connective_endings_and_keep_auxiliaries() -> None:
    text = "KT와 현대중공업지주 등이 참여하고 있으며, LG전자와 LG유플러스가 3일 합류하게 됐다."
    found = clauses(words(text))
    assert [c.predicate.predicate for c in found if c.predicate] == ["참여", "합류"]
    assert [w.stem for w in found[1].words][:2] == ["LG전자", "LG유플러스"]


def test_a_copula_noun_is_the_predicate_of_a_plan() -> None:
    (clause,) = clauses(words("이달 업무협약을 체결할 예정이다."))
    assert clause.predicate is not None and clause.predicate.predicate == "예정"
