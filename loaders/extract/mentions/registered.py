"""Mentions of registered entities: the registry's names, and the short names an article
introduces for them.

The registry's gazetteer finds every registered name (a hit must start at a word boundary
and may be followed only by particles). A name inside a longer quoted alliance name is
part of that name, not a mention; "(이하 X)" after an organisation makes X a name of it for
the rest of the article; '전자통신연구원' after '한국전자통신연구원' is the same institute.
"""

from __future__ import annotations

import re

from ...registry import Registry
from ..cues import load
from .model import (
    ORG_TYPES,
    Candidate,
    Mention,
    Spans,
    attach_particle,
    standalone,
)

# "Moreh Inc.(대표 조강원, 이하 모레)": the name the release uses from then on.
_HEREAFTER = re.compile(
    r"\s?\((?:[^()]{0,40}?[,;]\s*)?이하\s+['‘\"“]?(?P<alias>[가-힣A-Za-z0-9&]{2,15})['’\"”]?\)"
    # "'Korea Clinical AI Alliance'(KCAA)": an acronym in parentheses is a short name too
    r"|['’\"”]?\((?P<acronym>[A-Z][A-Z0-9&\-]{1,9})\)"
)
_GENERIC_LATIN = frozenset(w.casefold() for w in load("discovery").words("generic_latin"))


def registry_mentions(text: str, registry: Registry) -> list[Mention]:
    """Every registered name the gazetteer finds, with its particle."""
    mentions = []
    for hit in registry.gazetteer.scan(text):
        entry = hit.entry
        mention = Mention(hit.start, hit.end, entry.id, entry.type, text[hit.start : hit.end])
        mentions.append(attach_particle(text, mention))
    return mentions


def drop_inside_names(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """A registered name inside a longer quoted alliance name ('AI 얼라이언스' in '온디바이스 AI
    얼라이언스', '하이퍼클로바X' in '하이퍼클로바X 생태계 얼라이언스') or a longer Latin name in
    brackets is part of that name."""
    kept = []
    for m in mentions:
        inside = any(
            a <= m.start
            and m.end <= b
            and (m.start, m.end) != (a, b)
            and (not m.particle or m.end == b)
            for a, b in spans
        )
        if not inside:
            kept.append(m)
    return kept


# '(Last-Mile AI Alliance)': one Latin name in brackets, the other spelling of the name before.
# '(Threat Intelligence AI Alliance, TIAA)': the name may come with its acronym.
_LATIN_IN_BRACKETS = re.compile(
    r"\((?P<name>[A-Za-z][A-Za-z0-9.&'\- ]{2,60}[A-Za-z0-9.])(?:,\s*[A-Z][A-Za-z0-9&\-]{1,9})?\)"
)


def bracketed_latin_spans(text: str) -> list[tuple[int, int]]:
    """Spans of Latin names in brackets: a registered name inside one ('AI Alliance' in
    '(Last-Mile AI Alliance)') is part of that longer name (for ``drop_inside_names``)."""
    return [m.span("name") for m in _LATIN_IN_BRACKETS.finditer(text)]


def hereafter_mentions(
    text: str, mentions: list[Mention], candidates: dict[str, Candidate]
) -> list[Mention]:
    """Mentions of the short name a release introduces with '(이하 X)' after an organisation."""
    found: list[Mention] = []
    taken = Spans((m.start, m.end) for m in mentions)
    for org in mentions:
        if not (org.is_org or org.type == "Alliance"):
            continue
        match = _HEREAFTER.match(text, org.end)
        if match is None or (match["acronym"] or "").casefold() in _GENERIC_LATIN:
            continue
        alias = match["alias"] or match["acronym"]
        candidate = candidates.get(org.key)
        if candidate is not None and alias not in candidate.aliases and alias != candidate.name:
            candidate.aliases.append(alias)
        for other in mentions:  # another finder took the short name for a new entity
            if other.new and other.surface == alias and other.key != org.key:
                candidates.pop(other.key, None)
                other.key, other.type = org.key, org.type
        for start, end in list(standalone(text, alias, taken)):
            if match.start() <= start < match.end():
                continue
            mention = Mention(start, end, org.key, org.type, alias, new=org.new)
            found.append(attach_particle(text, mention))
            taken.append((start, end))
    return found


def shortened_registry_name(name: str, registry: Registry, seen: list[Mention]) -> str | None:
    """'전자통신연구원' after '한국전자통신연구원': a registered name the article wrote in full,
    shortened by its leading words (the key of that entity), else None."""
    for m in seen:
        entry = registry.get(m.key)
        if entry is None or entry.type not in ORG_TYPES:
            continue
        for surface in entry.surfaces:
            compact = surface.replace(" ", "")
            if len(name) >= 4 and compact != name and compact.endswith(name):
                return entry.id
    return None
