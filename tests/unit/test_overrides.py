"""Curated overrides: removals, additions, and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from allygraph.loaders.overrides import OverrideError, apply_override, load_override
from tests.factories import extraction

SENTENCE = "KT와 LG전자가 AI 원팀에 합류했다."


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "override.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_removals_match_symmetric_facts_in_either_direction(tmp_path: Path) -> None:
    override = load_override(
        write(
            tmp_path,
            "remove:\n  relations:\n    - {type: COMPETES_WITH, from: kt, to: sk-telecom}\n",
        )
    )
    result = apply_override(extraction(), override)
    assert [r.type for r in result.relations] == ["MEMBER_OF", "MEMBER_OF"]


def test_removing_an_entity_takes_its_relations(tmp_path: Path) -> None:
    override = load_override(write(tmp_path, "remove:\n  entities:\n    - {id: lg-electronics}\n"))
    result = apply_override(extraction(), override)
    assert "lg-electronics" not in {e.id for e in result.entities}
    assert all("lg-electronics" not in (r.from_, r.to) for r in result.relations)


def test_additions_with_yaml_dates_and_evidence(tmp_path: Path) -> None:
    override = load_override(
        write(
            tmp_path,
            "add:\n"
            "  entities:\n"
            "    - {id: lg-uplus, type: Company, name: LG유플러스}\n"
            "  relations:\n"
            "    - type: MEMBER_OF\n"
            "      from: lg-uplus\n"
            "      to: ai-one-team\n"
            "      since: 2020-06-03\n"
            "      role: member\n"
            f'      evidence: "{SENTENCE}"\n',
        )
    )
    result = apply_override(extraction(), override)
    added = [r for r in result.relations if r.from_ == "lg-uplus"]
    assert len(added) == 1
    assert added[0].since == "2020-06-03"
    assert added[0].evidence.sentence == SENTENCE
    assert added[0].evidence.start == 0


def test_an_addition_of_a_known_fact_is_folded_into_it(tmp_path: Path) -> None:
    # the extraction says kt -MEMBER_OF-> ai-one-team since 2020-02 as leader
    override = load_override(
        write(
            tmp_path,
            "add:\n  relations:\n"
            "    - {type: MEMBER_OF, from: kt, to: ai-one-team, since: 2020-02-01, role: member,"
            f" until: 2024, evidence: '{SENTENCE}'}}\n"
            "    - {type: COMPETES_WITH, from: kt, to: sk-telecom, since: 2019,"
            f" evidence: '{SENTENCE}'}}\n",
        )
    )
    result = apply_override(extraction(), override)
    assert [r.key for r in result.relations] == [r.key for r in extraction().relations]
    kt, _, rivals = result.relations
    assert (kt.since, kt.until, kt.role) == ("2020-02-01", "2024", "leader")
    assert kt.evidence.sentence == SENTENCE
    assert (rivals.from_, rivals.since) == ("sk-telecom", "2019")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "add:\n  relations:\n    - {type: DEVELOPS, from: kt, to: nowhere, "
            f"evidence: '{SENTENCE}'}}\n",
            "unknown",
        ),
        (
            "add:\n  relations:\n    - {type: PARTNERS_WITH, from: kt, to: sk-telecom, "
            "evidence: 'not in the article'}\n",
            "not found",
        ),
        ("remove:\n  relations:\n    - {type: LIKES}\n", "remove.relations.0.type"),
        ("add: [\n", "unreadable"),
    ],
)
def test_bad_overrides_are_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(OverrideError, match=message):
        apply_override(extraction(), load_override(write(tmp_path, text)))
