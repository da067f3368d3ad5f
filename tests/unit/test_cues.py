"""The word tables are data a newcomer edits: each must load, each word must be a valid
pattern on its own, and every cue a table lists must be read by some rule (a cue nobody
reads is an edit that silently does nothing)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from allygraph.loaders.extract import cues
from allygraph.loaders.extract.cues import load
from allygraph.loaders.particles import CASE_OF, PARTICLES, case_of, particles_of
from allygraph.loaders.text import is_particle_run

CUES = Path(cues.__file__).parent
EXTRACT = CUES.parent
TABLES = sorted(p.stem for p in CUES.glob("*.yaml"))


@pytest.mark.parametrize("name", TABLES)
def test_every_cue_is_words_and_compiles(name: str) -> None:
    table = load(name)
    assert table.lists
    for cue, words in table.lists.items():
        assert words, f"{name}.yaml: {cue} is empty"
        for word in words:
            re.compile(word)


@pytest.mark.parametrize("name", TABLES)
def test_every_cue_is_read(name: str) -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in EXTRACT.rglob("*.py"))
    for cue in load(name).lists:
        # competition reads every sector_<name> cue by its prefix
        assert f'"{cue}"' in code or cue.startswith("sector_"), f"{name}.yaml: {cue} unused"


def test_particles_have_one_case_each() -> None:
    assert len(set(PARTICLES)) == len(PARTICLES)
    assert set(CASE_OF) <= set(PARTICLES)
    assert case_of("와") == "com" and case_of("까지") == "bare" and case_of("") == "bare"
    assert particles_of("obj") == ("을", "를")
    assert all(is_particle_run(p) for p in PARTICLES)
    assert is_particle_run("들이") and not is_particle_run("뱅크")
