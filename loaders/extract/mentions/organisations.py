"""Organisations the registry lacks, found by the shape of their names.

Korean organisation names end in a telling suffix ('…연구원', '…전자', '…은행', 'Inc.'),
affiliates carry their group's brand ('한화시스템', 'NHN클라우드'), and '…대' in a list of
organisations is a university. Each rule has its false friends, kept out by word tables
(``cues/organisations.yaml``): common nouns that end like names ('시중은행'), a brand and a
place or role ('삼성사옥', 'LG전자 사장'). A candidate becomes an entity only if the
extractor keeps it.
"""

from __future__ import annotations

import re

from ...registry import Registry
from ...text import HANGUL_RUN, is_particle_run
from ..cues import load
from ..grammar import words
from .model import (
    Candidate,
    Mention,
    NewKey,
    Spans,
    attach_particle,
    overlaps,
    strip_particles,
)
from .registered import shortened_registry_name

_CUES = load("organisations")
# Unknown organisations, by the suffix their names end with.
ORG_SUFFIX = re.compile(
    r"(?<![\w가-힣])(?P<name>(?:[A-Z][A-Za-z&]*\s?)?[가-힣A-Za-z0-9&]{1,14}"
    r"(?P<suffix>" + _CUES.alt("org_suffixes") + r"))"
    r"(?![A-Za-z0-9])"
)
ORG_SUFFIX_TYPES = {
    **dict.fromkeys(_CUES.words("university_suffixes"), "University"),
    **dict.fromkeys(_CUES.words("research_suffixes"), "ResearchInstitute"),
    **dict.fromkeys(_CUES.words("government_suffixes"), "GovernmentBody"),
}


def suffix_type(name: str, default: str = "Company") -> str:
    """The type the longest typed ending of ``name`` gives: '한국과학기술원' is a university
    though it also ends in '기술원' (the pattern's greedy name part leaves the shorter one)."""
    name = name.strip().rstrip(".")
    ending = max((s for s in ORG_SUFFIX_TYPES if name.endswith(s)), key=len, default=None)
    return ORG_SUFFIX_TYPES[ending] if ending else default


# Common nouns that end like organisation names ("시중은행", "가전전자").
NOT_ORG_PREFIX = re.compile(r"^" + _CUES.group("not_org_prefixes") + r"$")
_LIST_UNIVERSITY = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2,4}대)(?=[,·]|\s*(?:등|와|과|및))")
# Affiliates named with their group's brand ('한화시스템', '카카오헬스케어', 'NHN클라우드').
_AFFILIATE = re.compile(
    r"(?<![\w가-힣])(?P<name>" + _CUES.group("affiliate_brands") + r"[가-힣A-Za-z&]{2,10})"
)
_NOT_AFFILIATE = re.compile(_CUES.group("not_affiliate_endings") + r"$")


def unknown_org_mentions(
    text: str,
    registry: Registry,
    taken: Spans,
    new_key: NewKey,
    seen: list[Mention] | None = None,
) -> list[Mention]:
    """Organisations the registry lacks, by name suffix (and "X대" inside a list of names).

    Three finders in turn, each skipping what an earlier one took (``taken`` grows): names
    ending in an organisation suffix, affiliates named with a group's brand, and 'X대' in
    a list of organisations.
    """
    found = _suffix_orgs(text, registry, taken, new_key, seen or [])
    found += _affiliates(text, registry, taken, new_key)
    found += _list_universities(text, registry, taken, new_key)
    return found


def _suffix_orgs(
    text: str,
    registry: Registry,
    taken: Spans,
    new_key: NewKey,
    seen: list[Mention],
) -> list[Mention]:
    """'…연구원', '…전자', 'Moreh Inc.': a name ending in an organisation suffix. A registered
    name, or one shortened after the article wrote it in full ('전자통신연구원' after
    '한국전자통신연구원'), is that entity; '서울아산병원장' is the hospital with its head."""
    found: list[Mention] = []
    for match in ORG_SUFFIX.finditer(text):
        start, end = match.span("name")
        name = match["name"]
        prefix = name[: -len(match["suffix"])].strip()
        if not prefix or NOT_ORG_PREFIX.match(prefix) or overlaps(start, end, taken):
            continue
        if prefix.isdigit() or (len(prefix) < 2 and not prefix.isascii()):
            continue
        if match["suffix"][:1].isspace() and not _name_like(prefix):
            continue  # '게임 스튜디오', '디자인 컴퍼니': a kind of firm, not a name
        run = HANGUL_RUN.match(text, end)
        whole = ORG_SUFFIX.fullmatch(text, start, end + len(run.group())) if run else None
        if whole and run and not is_particle_run(run.group()):
            # '푸른들영농조합법인': the longer ending ('…조합' + '법인') is the name's
            end, name = whole.end(), whole["name"]
            run = HANGUL_RUN.match(text, end)
        if run and run.group() and not is_particle_run(run.group()):
            glued = re.fullmatch(r"장관?(?P<p>[가-힣]*)", run.group())
            if not (glued and (not glued["p"] or is_particle_run(glued["p"]))):
                continue  # but '서울아산병원장은': the head's title glued to the name
        entry = registry.lookup(name)
        key: str | None = entry.id if entry else None
        kind: str | None = entry.type if entry else None
        en = _parenthesised_latin(text, end)
        if en:
            end = text.index(")", end) + 1
        short = shortened_registry_name(name, registry, seen) if key is None else None
        if short is not None:
            entry = registry.get(short)
            assert entry is not None  # the id of an entry the article named
            key, kind = short, entry.type
        if key is None or kind is None:
            kind = suffix_type(match["name"])
            key = new_key(Candidate(key="", type=kind, name=name, name_en=en))
        found.append(attach_particle(text, Mention(start, end, key, kind, name, new=entry is None)))
        taken.append((start, end))
    return found


def _affiliates(text: str, registry: Registry, taken: Spans, new_key: NewKey) -> list[Mention]:
    """'한화시스템', '카카오헬스케어': a group's brand and more, with no particle glued on."""
    found: list[Mention] = []
    for match in _AFFILIATE.finditer(text):
        start = match.start("name")
        name = _stem(match["name"])
        end = start + len(name)
        if registry.lookup(name) is not None or overlaps(start, end, taken):
            continue
        if (
            _NOT_AFFILIATE.search(name)
            or len(name) < 4
            or any(
                registry.lookup(name[:cut]) is not None and is_particle_run(name[cut:])
                for cut in range(2, len(name))
            )
        ):
            continue
        if end < len(text) and text[end].isascii() and text[end].isalnum():
            continue
        key = new_key(Candidate(key="", type="Company", name=name))
        found.append(attach_particle(text, Mention(start, end, key, "Company", name, new=True)))
        taken.append((start, end))
    return found


def _list_universities(
    text: str, registry: Registry, taken: Spans, new_key: NewKey
) -> list[Mention]:
    """'연세대, 고려대 등': 'X대' counts as a university only beside other organisations."""
    found: list[Mention] = []
    for match in _LIST_UNIVERSITY.finditer(text):
        start, end = match.span("name")
        if overlaps(start, end, taken) or NOT_ORG_PREFIX.match(match["name"][:-1]):
            continue
        name = match["name"]
        entry = registry.lookup(name)
        if entry is None and not _near_org(text, start, end, taken):
            continue
        key = entry.id if entry else new_key(Candidate(key="", type="University", name=name))
        kind = entry.type if entry else "University"
        found.append(attach_particle(text, Mention(start, end, key, kind, name, new=entry is None)))
        taken.append((start, end))
    return found


def _name_like(word: str) -> bool:
    """A word Kiwi reads as a proper noun or as a compound of several nouns ('픽셀고래')."""
    analysed = words(word)
    if len(analysed) != 1:
        return word.isascii()  # 'Moreh Inc.'
    w = analysed[0]
    nouns = [m for m in w.morphs if m.tag.startswith("NN")]
    return w.proper or len(nouns) >= 2


def _parenthesised_latin(text: str, end: int) -> str | None:
    """The Latin spelling in parentheses right after a name: '딥노이드(Deepnoid)'."""
    match = re.match(r"\(([A-Za-z][A-Za-z0-9 &.\-]{1,40})\)", text[end : end + 45])
    return match.group(1) if match else None


def _near_org(text: str, start: int, end: int, taken: Spans) -> bool:
    """'X대' counts as a university only inside a list of other organisations."""
    return taken.near(start, end, 3)


def _stem(word: str) -> str:
    """The word without the particle Kiwi finds on it ('현대차의' -> '현대차', '카카오브레인'
    stays whole: its '인' is no particle, which a syllable table cannot tell)."""
    analysed = words(word)
    if len(analysed) == 1 and analysed[0].predicate is None:
        return analysed[0].stem if analysed[0].particle else word
    return strip_particles(word)
