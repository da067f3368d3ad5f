"""The word tables the name finder (``discovery.py``) reads, gathered once, and the kind of
organisation a name's ending says ('…대학교' a university, '…위원회' a public body).

Words live in ``cues/discovery.yaml``; this module only shapes them for quick lookups.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache

from .cues import load
from .mentions import Candidate, Mention
from .people import TITLE_WORDS


@dataclass(frozen=True)
class Lexicon:
    places: frozenset[str]
    generic_latin: frozenset[str]
    generic_words: frozenset[str]
    descriptors: frozenset[str]
    descriptor_heads: tuple[str, ...]  # '가공업체 X': a compound ending in one describes too
    org_predicates: frozenset[str]
    agent_nouns: frozenset[str]
    org_list_heads: frozenset[str]  # the descriptors and the list heads of organisations
    titles: frozenset[str]
    # (ending, type, minimum prefix length, maximum prefix length)
    suffix_types: tuple[tuple[str, str, int, int], ...]
    not_university_short: frozenset[str]
    not_org_endings: tuple[str, ...]
    government_endings: tuple[str, ...]
    local_government_endings: tuple[str, ...]  # '천안시': a place and one of these
    agency_endings: tuple[str, ...]  # '산림청': three syllables suffice
    measure_units: frozenset[str]  # '1200ha': a number and one of these is a measure
    name_prefixes: frozenset[str]  # '법무법인 새결': a legal form that is part of the name


_KINDS = (
    ("university_endings", "University"),
    ("government_endings", "GovernmentBody"),
    ("research_endings", "ResearchInstitute"),
)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    table = load("discovery")
    minimum = {e: 3 for e in table.words("endings_after_three")}
    minimum |= {e: 2 for e in table.words("endings_after_two")}
    maximum = {e: 2 for e in table.words("endings_at_most_two")}
    suffixes = [
        (ending, kind, minimum.get(ending, 1), maximum.get(ending, sys.maxsize))
        for cue, kind in _KINDS
        for ending in table.words(cue)
    ]
    suffixes.sort(key=lambda s: len(s[0]), reverse=True)
    return Lexicon(
        places=table.set("places"),
        generic_latin=frozenset(w.casefold() for w in table.words("generic_latin")),
        generic_words=table.set("generic_words") | table.set("languages"),
        descriptors=table.set("descriptors"),
        descriptor_heads=table.words("descriptor_heads"),
        org_predicates=table.set("org_predicates"),
        agent_nouns=table.set("agent_nouns"),
        org_list_heads=table.set("list_heads") | table.set("descriptors"),
        titles=frozenset(t for t in TITLE_WORDS if " " not in t),
        suffix_types=tuple(suffixes),
        not_university_short=table.set("not_university_short"),
        not_org_endings=table.words("not_org_endings"),
        government_endings=tuple(e for e in table.words("government_endings") if not e.isascii()),
        local_government_endings=table.words("local_government_endings"),
        agency_endings=table.words("agency_endings"),
        measure_units=frozenset(u.casefold() for u in table.words("measure_units")),
        name_prefixes=table.set("name_prefixes"),
    )


def kind_of(surface: str, lex: Lexicon) -> str:
    """The type a name's ending gives it ('천안시': a government body), else a company."""
    for ending, kind, minimum, maximum in lex.suffix_types:
        if surface.endswith(ending) and minimum <= len(surface) - len(ending) <= maximum:
            return kind
    if (
        surface.endswith("대")
        and 3 <= len(surface) <= 5
        and surface not in lex.not_university_short
        and not surface.isascii()
    ):
        return "University"
    return "Company"


def retype(mentions: list[Mention], candidates: dict[str, Candidate]) -> None:
    """One typing for every new organisation, whichever finder proposed it: a list item
    or a brand affiliate typed Company ('한양대', '예일대', '국립국어원') takes the kind its
    name's ending says."""
    lex = lexicon()
    for mention in mentions:
        if not mention.new or mention.type != "Company":
            continue
        kind = kind_of(mention.surface, lex)
        if kind == "Company":
            continue
        mention.type = kind
        candidate = candidates.get(mention.key)
        if candidate is not None:
            candidate.type = kind
