"""The one table of Korean particles (``particles.yaml``), read once at import.

Intake, the registry, the extractor and the scorer all need to know what may follow a
name inside one word ("KT와", "카카오의"), and the extractor also needs what each particle
says about the name's role (its case). Keeping both in one data table means a particle
added for one stage is known to all of them, and the case of a group can never disagree
with what counts as a particle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import yaml

_TABLE = Path(__file__).with_name("particles.yaml")
CASES: Final = ("subj", "obj", "gen", "com", "loc", "pred")
"""The cases a group of names can have; ``bare`` (no particle, or one of no case) aside."""


def _words(value: object, label: str) -> tuple[str, ...]:
    if not isinstance(value, str):
        raise TypeError(f"{_TABLE.name}: {label} must be a string of words")
    return tuple(value.split())


def _load() -> tuple[dict[str, str], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    data = yaml.load(_TABLE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    table = data["particles"]
    if not isinstance(table, dict):
        raise TypeError(f"{_TABLE.name}: particles must map each particle to its case")
    cases: dict[str, str] = {}
    for particle, case in table.items():
        if not isinstance(particle, str) or case not in (*CASES, "other"):
            raise ValueError(f"{_TABLE.name}: bad entry {particle!r}: {case!r}")
        cases[particle] = case
    return (
        cases,
        _words(data["plural_markers"], "plural_markers"),
        _words(data["after_consonant"], "after_consonant"),
        _words(data["after_vowel"], "after_vowel"),
    )


_CASE_TABLE, PLURAL_MARKERS, AFTER_CONSONANT, AFTER_VOWEL = _load()

PARTICLES: Final[tuple[str, ...]] = tuple(_CASE_TABLE)
"""Every particle, in the table's order."""

CASE_OF: Final[dict[str, str]] = {p: c for p, c in _CASE_TABLE.items() if c != "other"}
"""Particle -> case, for the particles that have one."""


def case_of(particle: str) -> str:
    """The case a particle gives the name before it: ``bare`` for none or one of no case."""
    return CASE_OF.get(particle, "bare")


def particles_of(*cases: str) -> tuple[str, ...]:
    """The particles of the given cases, in table order."""
    return tuple(p for p, c in _CASE_TABLE.items() if c in cases)


def has_final(char: str) -> bool:
    """Whether a Hangul syllable ends in a consonant (받침): '온' yes, '오' no."""
    return "가" <= char <= "힣" and (ord(char) - 0xAC00) % 28 != 0


def fits(before: str, particle: str) -> bool:
    """Whether ``particle`` may follow the syllable ``before``: '은/이/을/과' only after a
    final consonant, '는/가/를/와' only after a vowel ('로' goes after either: ㄹ takes it)."""
    final = has_final(before)
    if particle.startswith(AFTER_CONSONANT) and not final:
        return False
    return not (particle.startswith(AFTER_VOWEL) and final and not particle.startswith("로"))
