"""Organisations the registry lacks, revealed by a list they stand in.

A list that names a known organisation names organisations ("펭귄솔루션스와 LS일렉트릭도"
beside "LG전자"), and so does a list the article calls companies ("딥엑스, 모빌린트, 노타 등
AI 반도체 기업 20곳"), whatever the names' shape. The cost is common nouns in lists
("정부와 기업"), kept out by word tables (``cues/organisations.yaml``).
"""

from __future__ import annotations

import re
from typing import TypedDict

from ...registry import Registry
from ...text import without_latin_field
from ..cues import load
from .groups import LIST_BULLETS
from .model import (
    ORG_TYPES,
    Candidate,
    Mention,
    NewKey,
    Spans,
    attach_particle,
    overlaps,
)
from .organisations import (
    NOT_ORG_PREFIX,
    ORG_SUFFIX,
    suffix_type,
)

_CUES = load("organisations")
# A list names organisations: "A, B, C 등 기업", "A와 B가" beside a known one.
_LIST_WORD = re.compile(
    r"(?P<word>[가-힣A-Za-z0-9][가-힣A-Za-z0-9&.\-]*?)"
    r"(?P<particle>와|과|이|가|은|는|도|을|를|의|에|와의|과의|와도|과도|에는|에서|에서는)?"
    r"(?=[,·(]|\s+등|\s|$)"
)
_LIST_ETC = re.compile(
    r"\s*등(?:\s+[^\s,.]+){0,3}?\s*(?:[^\s,.]*?"
    + _CUES.group("list_kind_nouns")
    + r"|\d+\s*"
    + _CUES.group("list_counters")
    + r")"
)
_NOT_LIST_ORG = _CUES.set("not_list_orgs")
# Kinds of organisation ('제약사·AI기업·대학·연구원 6곳'): a list of kinds names none.
_KINDS = load("discovery").set("descriptors") | load("discovery").set("list_heads")
# Nouns of what organisations do ('합류', '탈퇴'): a headline's "A·B 합류, C는 탈퇴" lists
# deeds after names, not more names.
_DEED_NOUNS = load("discovery").set("org_predicates")
# Places listed beside firms ('한울정밀과 청주의 다래소프트') describe them; they are none.
_PLACES = load("discovery").set("places")
# Languages are listed like names ('영어, 중국어, 몽골어를 지원').
_LANGUAGES = load("discovery").set("languages")
_VERBISH = re.compile(_CUES.group("verbish_endings") + r"$")
_NOT_LIST_ORG_END = re.compile(
    r"(?:"
    + load("alliances").alt("alliance_suffixes")
    + "|"
    + _CUES.alt("not_list_org_endings")
    + r")$"
)
_ROLE = re.compile(r"(?:으로|로)$")
_ITEM_SEPARATOR = re.compile(r"\s*[,·" + LIST_BULLETS + r"]\s*|\s+")
_COUNTED = re.compile(r"\d+" + _CUES.group("counted_units"))


class _WordList(TypedDict):
    """A coordinated word list: its items (start, end, word) and what '등 …' calls them."""

    items: list[tuple[int, int, str]]
    etc: str


_LIST_TYPE = tuple((word, etype) for word, etype in map(str.split, _CUES.words("list_types")))


def list_org_mentions(
    text: str, mentions: list[Mention], registry: Registry, new_key: NewKey
) -> list[Mention]:
    """Unknown organisations named in a list with known ones ("펭귄솔루션스와 LS일렉트릭도",
    "리벨리온, 모레, 한국전자기술연구원과") or in a list the article calls companies
    ("딥엑스, 모빌린트, 노타 등 AI 반도체 기업 20곳").

    A list item is one word between list punctuation (',' '·' '와/과' '등'); common nouns
    ("정부", "고객", "반도체") never count.
    """
    taken = Spans((m.start, m.end) for m in mentions)
    # a known name's span runs on over its particle: '펭귄솔루션스와' is one list item
    known = Spans((m.start, max(m.end, m.after)) for m in mentions if m.is_org)
    found: list[Mention] = []
    for lst in _lists(text):
        items = lst["items"]
        has_known = any(overlaps(start, end, known) for start, end, _ in items)
        typed = lst["etc"]
        if not has_known and not (typed and len(items) >= 2):
            continue
        kind = "Company"
        if typed:
            for word, etype in _LIST_TYPE:
                if word in typed and "기업" not in typed:
                    kind = etype
        for start, end, word in items:
            if overlaps(start, end, known) or overlaps(start, end, taken):
                continue
            if not _org_like(word) or text[start : end + 1] in _PLACES:
                continue  # '노르웨이' read 노르웨 + 이: a place, whatever the split
            entry = registry.lookup(word)
            if entry is not None:
                if entry.strict and entry.type in ORG_TYPES:  # '모레' is a word, but in a list
                    mention = Mention(start, end, entry.id, entry.type, word)
                    found.append(attach_particle(text, mention))
                    taken.append((start, end))
                continue
            suffix = ORG_SUFFIX.fullmatch(word)
            etype = suffix_type(word) if suffix else kind
            key = new_key(Candidate(key="", type=etype, name=word))
            found.append(attach_particle(text, Mention(start, end, key, etype, word, new=True)))
            taken.append((start, end))
    return found


def _org_like(word: str) -> bool:
    """Whether a list item may name an organisation: not a verb form, common noun, count or
    field; Latin in the shape of a name ('Moreh', 'ETRI'); Hangul of name length."""
    if _VERBISH.search(word) and not word.isascii():
        return False
    if _NOT_LIST_ORG_END.search(word):
        return False
    if word in _NOT_LIST_ORG or word in _DEED_NOUNS or word.isdigit() or _COUNTED.search(word):
        return False
    if word in _KINDS or without_latin_field(word) in _KINDS:
        return False
    if _ROLE.sub("", word) in _NOT_LIST_ORG:
        return False  # 'X를 주관사로, A와 B를 참여기관으로': a role in the adverbial case
    if word in _PLACES or word in _LANGUAGES:
        return False
    if word.isascii():
        return (len(word) >= 2 and word[0].isupper() and not word.isupper()) or (
            word.isupper() and 3 <= len(word) <= 6 and word not in _NOT_LIST_ORG
        )
    hangul = sum(1 for ch in word if "가" <= ch <= "힣")
    return 2 <= hangul <= 12 and not NOT_ORG_PREFIX.match(word)


def _lists(text: str) -> list[_WordList]:
    """Coordinated word lists: items (start, end, word) and the noun after '등', if any."""
    result: list[_WordList] = []
    pos = 0
    n = len(text)
    while pos < n:
        match = _LIST_WORD.match(text, pos)
        if not match or not match["word"] or (pos > 0 and text[pos - 1].isalnum()):
            pos += 1
            continue
        items = [(match.start("word"), match.end("word"), match["word"])]
        end = match.end()
        particle = match["particle"] or ""
        while True:
            sep = _ITEM_SEPARATOR.match(text[end:])
            joined = particle in ("와", "과") and sep and sep.group().strip() == ""
            listed = not particle and sep and sep.group().strip() != ""
            if sep is None or not (joined or listed):
                break
            nxt = _LIST_WORD.match(text, end + sep.end())
            if not nxt or not nxt["word"] or _VERBISH.search(nxt["word"]):
                break
            if not nxt["particle"] and not re.match(r"\s*(?:[,·(]|등)", text[nxt.end() :]):
                break  # an item ends in a particle, a list mark or '등': not "와 손잡고"
            items.append((nxt.start("word"), nxt.end("word"), nxt["word"]))
            end = nxt.end()
            particle = nxt["particle"] or ""
        etc = _LIST_ETC.match(text, end) if not particle else None
        if len(items) >= 2:
            result.append({"items": items, "etc": etc.group() if etc else ""})
        pos = max(end, pos + 1)
    return result
