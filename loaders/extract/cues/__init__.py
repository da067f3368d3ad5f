"""Cue tables: the words each rule looks for, as data (``<kind>.yaml`` beside this file).

A rule module keeps the grammar of its patterns (which particle, what may stand between,
lookarounds) and takes the words from its table, so adding a verb of joining or a noun of
rivalry is an edit to a YAML list, not to a regular expression. Each table maps a cue
name to its words: a string of words separated by white space, or a list (for words that
contain spaces). Words are regular-expression fragments (``업무\\s*협약``), joined with ``|``
in the order written: where one word is a prefix of another, order can matter, so keep it.
Tables are read once, at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

_HERE = Path(__file__).parent


@dataclass(frozen=True, slots=True)
class CueTable:
    """One table: cue name -> its words, in the order the table lists them."""

    name: str
    lists: dict[str, tuple[str, ...]]

    def words(self, cue: str) -> tuple[str, ...]:
        """The words of one cue; a cue the table lacks is a bug, said plainly."""
        try:
            return self.lists[cue]
        except KeyError:
            raise KeyError(f"cue table {self.name}.yaml has no {cue!r}") from None

    def alt(self, cue: str) -> str:
        """The words as alternatives: ``a|b|c``."""
        return "|".join(self.words(cue))

    def group(self, cue: str) -> str:
        """The words as one non-capturing group: ``(?:a|b|c)``."""
        return f"(?:{self.alt(cue)})"

    def regex(self, cue: str) -> re.Pattern[str]:
        """The words compiled as alternatives."""
        return re.compile(self.alt(cue))

    def set(self, cue: str) -> frozenset[str]:
        """The words as a set, for membership tests of whole words."""
        return frozenset(self.words(cue))


def _entry(table: str, cue: object, value: object) -> tuple[str, tuple[str, ...]]:
    """One table entry checked and normalised to a tuple of words."""
    if not isinstance(cue, str):
        raise TypeError(f"cue table {table}.yaml: cue names must be strings, not {cue!r}")
    if isinstance(value, str):
        return cue, tuple(value.split())
    if isinstance(value, list) and all(isinstance(w, str) for w in value):
        return cue, tuple(value)
    raise TypeError(f"cue table {table}.yaml: {cue} must be a string of words or a list of strings")


@cache
def load(name: str) -> CueTable:
    """The table ``<name>.yaml`` (read once per process)."""
    data = yaml.load((_HERE / f"{name}.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    if not isinstance(data, dict):
        raise TypeError(f"cue table {name}.yaml must map cue names to words")
    return CueTable(name, dict(_entry(name, cue, value) for cue, value in data.items()))
