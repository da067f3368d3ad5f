"""Titles as the Korean press writes them after a name: department or acronym prefixes and
a title word ("AI/DX융합사업부문장(부사장)", "CTO 사장", "대표이사 내정자"), or the head's title
glued to the organisation ("서울아산병원장"). Titles are kept as written, without the
particle or a photo position ("(왼쪽부터)"). Words: ``cues/positions.yaml``.
"""

from __future__ import annotations

import re

from ..particles import PARTICLES
from .cues import load
from .grammar import words

_TITLES = load("positions")
_WORDS = load("people")
TITLE_WORDS = _TITLES.words("titles")
# Titles strong enough to mark a bare "<name> <title>" as a person.
STRONG_TITLES = _TITLES.set("strong_titles")
TITLE_END = re.compile(
    r"(?:" + "|".join(sorted((re.escape(t) for t in TITLE_WORDS), key=len, reverse=True)) + r")"
    r"(?:\((?:[A-Za-z가-힣 &·]{1,30})\))?$"
)
_POSITION_PAREN = re.compile(r"\(" + _WORDS.group("photo_positions") + r"[^)]{0,10}\)$")
_DEPARTMENT = re.compile(_TITLES.group("department_suffixes") + r"$")
_TOKEN = re.compile(r"(?:[^\s(]|\([^)]*\))+")
_PARTICLE_SET = frozenset(PARTICLES)
_LONGEST_PARTICLE = max(len(p) for p in PARTICLES)
_NOT_NAMES = _WORDS.set("not_names")
_CONNECTORS = _TITLES.set("title_connectors")
NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SN", "XSN", "XPN"})


def parse_title(text: str, pos: int, *, loose: bool = False) -> tuple[str, int] | None:
    """The title phrase starting at ``pos``: (title as written, end offset of the phrase).

    Up to four space-separated tokens: department or acronym prefixes ("CTO",
    "AI/DX융합사업부문장") and title words; the phrase stops at a particle or punctuation.
    With ``loose`` (right after an organisation's name, where nothing else stands) any
    bare nouns may name the department ("미래성장전략 및 마케팅 총괄 부사장").
    """
    parts: list[tuple[int, int]] = []
    phrase_end = pos
    cursor = pos
    for _ in range(5 if loose else 4):
        token = _TOKEN.match(text, cursor)
        if token is None:
            break
        raw = token.group()
        core = raw.rstrip(",.;:!?'\"’”")
        bare, particle = _split_particle(core)
        cleaned = _POSITION_PAREN.sub("", bare)
        if TITLE_END.search(cleaned):
            parts.append((token.start(), token.start() + len(cleaned)))
            phrase_end = token.end()
            if core != raw or particle or cleaned != core:
                break
        elif core == raw and not particle and is_title_prefix(cleaned, loose, bool(parts)):
            parts.append((token.start(), token.start() + len(cleaned)))
        else:
            break
        if text[token.end() : token.end() + 1] != " ":
            break
        cursor = token.end() + 1
    while parts and not TITLE_END.search(text[parts[-1][0] : parts[-1][1]]):
        parts.pop()
    if not parts:
        return None
    return text[parts[0][0] : parts[-1][1]], max(phrase_end, parts[-1][1])


def bare_title(title: str) -> str:
    """'CTO 사장(대표)' -> '사장': the title word a short reference ('박 사장') repeats."""
    last = title.split()[-1]
    return re.sub(r"\(.*\)$", "", last)


def _split_particle(token: str) -> tuple[str, str]:
    """'사장은' -> ('사장', '은'): a title token and the particle glued to it, if any."""
    for n in range(min(_LONGEST_PARTICLE, len(token) - 1), 0, -1):
        if token[-n:] in _PARTICLE_SET and TITLE_END.search(token[:-n]):
            return token[:-n], token[-n:]
    return token, ""


def is_title_prefix(token: str, loose: bool = False, inside: bool = False) -> bool:
    """A token that may stand before the title word: 'CTO', 'AI/DX융합사업부문', 'MNO'; with
    ``loose``, any bare noun, and '및' inside the phrase."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9/&.\-]*", token):
        return True
    if _DEPARTMENT.search(token) is not None and len(token) >= 3:
        return True
    if not loose:
        return False
    if token in _CONNECTORS:
        return inside
    return _bare_noun(token) and token not in _NOT_NAMES


def _bare_noun(token: str) -> bool:
    """One word of nouns only, nothing glued to it ('총괄', '미래성장전략')."""
    analysed = words(token)
    if len(analysed) != 1 or analysed[0].surface != token:
        return False
    word = analysed[0]
    return (
        word.predicate is None
        and not word.particle
        and all(m.tag in NOUN_TAGS for m in word.morphs)
    )


# '박승일 서울아산병원장': the title glued to the organisation's name.
GLUED_TITLE = re.compile(
    r"(장관|장)(?:\("
    + _WORDS.group("photo_positions")
    + r"[^)]{0,10}\))?(?=[은는이가을를의과와도,\s)]|$)"
)
_GLUED_SUFFIXES = _TITLES.words("glued_title_suffixes")


def glued_title(org: str, glued: str) -> str:
    """'서울아산병원' + '장' -> '병원장': the title as the press would write it alone."""
    if glued == "장관":
        return "장관"
    for suffix in _GLUED_SUFFIXES:
        if org.endswith(suffix):
            return suffix + "장"
    return org[-1] + "장"
