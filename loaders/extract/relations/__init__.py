"""Relation rules: one module per kind of fact, each reading one sentence at a time.

Each rule takes the article's context and one ``SentenceView`` (its mentions, groups of
organisations with their case, people and first date) and writes relations through the
``ArticleContext``, which merges repeated ones. Cue words live in ``cues/<kind>.yaml``;
the modules keep only the grammar of finding who does what around a cue
(``clauses.py`` holds the parts every rule shares).

``RULES`` is the order they run in, per sentence: membership before partners, so that a
bond inside a named alliance ('동맹을 맺고 <A>를 결성') is read as membership first; the
agreements before their objectives, which attach to the latest agreement.
"""

from __future__ import annotations

from collections.abc import Callable

from ..context import ArticleContext, SentenceView
from .agreements import agreements, objectives
from .competition import competition
from .composition import composition
from .develops import develops
from .founding import FOUND_VERB
from .membership import membership
from .partners import bonds, investments
from .positions import positions

Rule = Callable[[ArticleContext, SentenceView], None]

RULES: tuple[Rule, ...] = (
    positions,
    membership,
    composition,
    bonds,
    investments,
    agreements,
    objectives,
    competition,
    develops,
)

__all__ = [
    "FOUND_VERB",
    "RULES",
    "Rule",
    "agreements",
    "bonds",
    "competition",
    "composition",
    "develops",
    "investments",
    "membership",
    "objectives",
    "positions",
]
