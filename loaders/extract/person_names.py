"""What reads as a person's name in Korean business news: a Korean name (a known surname and
one to three syllables, not a word that only looks like one) and a foreign name as the press
writes it ('짐 켈러', '짐 켈러(Jim Keller)', 'Jim Keller', '…, 위엔 콴 문 싱텔그룹 CEO').
``people.py`` reads people and titles with these.
"""

from __future__ import annotations

import re

from ..romanise import split_person_name
from .cues import load
from .grammar import words
from .mentions import Mention

_WORDS = load("people")
_NAME = re.compile(r"[가-힣]{2,4}")
# Words that look like names (a surname syllable first) but are not.
_NOT_NAMES = _WORDS.set("not_names")


def is_person_name(word: str, titled: bool = False) -> bool:
    """Whether a word reads as a Korean name: 2-4 syllables, a known surname first, and not
    one of the words that only look like names ('이번', '정부'); a four-syllable name has a
    two-syllable surname. ``titled``: a title follows the word (or its organisation), so an
    adnominal reading ('도해인' as 도해 + 이 + ㄴ, '문해준' as 문 + 해 + 준) is Kiwi's guess
    at a name it does not know: a title is a noun no verb form stands before in news."""
    split = split_person_name(word)
    return (
        _NAME.fullmatch(word) is not None
        and word not in _NOT_NAMES
        and split is not None
        # four syllables are a two-syllable surname's (남궁, 선우); '하늘쟁기' is no name
        and (len(word) < 4 or len(split[0]) == 2)
        and not _inflected(word, titled)
    )


def _inflected(word: str, titled: bool = False) -> bool:
    """A verb form or a noun with a particle ('이끄는', '원장은'): no name is written so."""
    analysed = words(word)
    if len(analysed) != 1:
        return False
    w = analysed[0]
    if w.ending == "ETM":  # '이끄는', '참여한'; a noun-first reading may be a name
        return not (titled and len(word) == 3 and w.morphs[0].tag.startswith("NN"))
    stem = [m for m in w.morphs if m.end <= len(w.stem)]
    return (
        w.particle in ("은", "는", "이", "가", "을", "를")
        and len(w.stem) >= 2
        and len(stem) == 1
        and stem[0].tag == "NNG"
        and not stem[0].oov
    )  # '원장은': a common noun with its particle


# Foreign names as the Korean press writes them: two or three transliterated words
# ('짐 켈러', '다리오 길'), often with the Latin spelling after ('짐 켈러(Jim Keller)'), or
# the Latin name alone ('Jim Keller').
_FOREIGN_KO = re.compile(
    r"(?P<words>(?:[가-힣]{1,5} ){1,2}[가-힣]{1,5})"
    r"(?:\((?P<en>[A-Z][A-Za-z.\-]+(?: [A-Z][A-Za-z.\-]+){1,2})\))?$"
)
_FOREIGN_LATIN = re.compile(
    r"(?:^|(?<=[\s,·'\"(‘“]))(?P<name>[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,2})$"
)
_NOT_FOREIGN_WORDS = _WORDS.set("not_foreign_words")


def foreign_before(
    text: str, pos: int, registry_people: list[Mention], offset: int
) -> tuple[str, int, str | None] | None:
    """A foreign person's name ending one space before ``pos``: (name, local start, Latin)."""
    if pos < 2 or text[pos - 1] != " ":
        return None
    head = text[: pos - 1]
    for person in registry_people:  # '젠슨 황', '사티아 나델라': the registry knows them
        if person.end - offset == pos - 1:
            return person.surface, person.start - offset, None
    latin = _FOREIGN_LATIN.search(head)
    if latin:
        return latin["name"], latin.start("name"), latin["name"]
    match = _FOREIGN_KO.search(head)
    if match is None:
        return None
    count = len(match["en"].split()) if match["en"] else 2
    listed = _listed_foreign(head) if match["en"] is None else None
    if listed is not None and len(listed[0].split()) > count:
        return listed  # '…, 위엔 콴 문 싱텔그룹 CEO': the whole list item
    words = match["words"].split()
    if len(words) < count:
        return None
    words = words[-count:]
    name = " ".join(words)
    start = match.end("words") - len(name)
    if start > 0 and not re.match(r"[\s,·'\"(‘“]", head[start - 1]):
        return None
    if any(w in _NOT_NAMES or w in _NOT_FOREIGN_WORDS or _PARTICLE_END.search(w) for w in words):
        return None
    # Without the Latin spelling the last word must not read as a Korean name: that is the
    # '<name> <org> <title>' rule's ('앞서 김영섭 KT 대표'), unless a list item holds more
    # words than a Korean name has ('…회장, 하템 도비다 이앤그룹 CEO').
    if match["en"] is None and is_person_name(words[-1]):
        return _listed_foreign(head)
    return name, start, match["en"]


# A list item's name: everything between the list's separator and the organisation.
_LIST_ITEM_NAME = re.compile(
    r"(?:[,·(]\s*|[가-힣](?:와|과)\s)(?P<words>(?:[가-힣]{1,5} ){1,2}[가-힣]{1,5})$"
)


def _listed_foreign(head: str) -> tuple[str, int, str | None] | None:
    """'…, 위엔 콴 문 싱텔그룹 CEO': in a list of people with organisations and titles, two or
    three words before the organisation are one foreign name (a Korean name is one word)."""
    match = _LIST_ITEM_NAME.search(head)
    if match is None:
        return None
    words = match["words"].split()
    if any(w in _NOT_NAMES or w in _NOT_FOREIGN_WORDS or _PARTICLE_END.search(w) for w in words):
        return None
    return " ".join(words), match.start("words"), None


_PARTICLE_END = re.compile(r"(?:은|는|이|가|을|를|의|에|와|과|도|로|서|고|며|한|된|인|적)$")
