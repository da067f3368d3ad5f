"""Rules written in the session that wrote gold-blind13, each checked on every gold set: first
on gold-blind10's leftovers, then on gold-blind13 after its first score was recorded. Every
name here is invented."""

from __future__ import annotations

from collections.abc import Callable

from allygraph.loaders.extract.grammar import words
from allygraph.models import Extraction

from .conftest import entity_id as _id
from .conftest import relation_of as _relation

Extract = Callable[..., Extraction]


def test_a_verb_made_from_a_derived_noun_is_a_predicate() -> None:
    # 상용 + 화 (XSN) + 하 + 었 + 다: the predicate is the derived noun '상용화'.
    assert words("상용화했다.")[0].predicate == "상용화"


def test_the_object_of_a_derived_making_verb_is_the_subjects_product(extract: Extract) -> None:
    x = extract(
        "의료 IT 기업 한결정보기술은 지난해 병원용 클라우드 '한결메디클라우드'를 상용화했다."
    )
    _relation(x, "DEVELOPS", _id(x, "한결정보기술"), _id(x, "한결메디클라우드"))


def test_an_adverb_glued_to_nouns_is_part_of_a_name() -> None:
    # 한결/MAG + 정보 + 기술 + 은: Korean spaces an adverb off its noun, so this is one name.
    word = words("한결정보기술은")[0]
    assert (word.stem, word.particle, word.proper) == ("한결정보기술", "은", True)
