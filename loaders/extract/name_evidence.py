"""How strongly a sentence treats a word as an organisation's name: the signals the name
finder (``discovery.py``) adds up. A name stands in a coordination with another
organisation, fills an argument slot of a predicate of organisations, follows a descriptor
noun or a person's name before a title, comes with another spelling in parentheses, or
names the doer before a deed's noun ('X 주도로').
"""

from __future__ import annotations

import re

from .grammar import Word
from .mentions.groups import LIST_BULLETS
from .name_lexicon import Lexicon, lexicon
from .people import can_name_org
from .person_names import is_person_name
from .titles import TITLE_END

_COORDINATING = frozenset({"와", "과", "및", "하고", "이랑", "랑"})
_ARGUMENT_PARTICLES = frozenset(
    {"은", "는", "이", "가", "을", "를", "와", "과", "에", "에서", "도", "와의", "과의", "와도",
     "과도", "에게", "로부터", "으로부터", "과는", "와는", "측은", "측도", "의"}
)  # fmt: skip
_SEPARATOR = re.compile(r"\s*(?:[,·/" + LIST_BULLETS + r"]|및|그리고)?\s*")
_HANGUL_PAREN = re.compile(r"\([가-힣][가-힣A-Za-z0-9 ]{1,30}\)")
_LATIN_PAREN = re.compile(r"\((?P<en>[A-Za-z][A-Za-z0-9 .&\-]{1,40})\)")


def evidence(
    analysed: list[Word],
    index: int,
    text: str,
    start: int,
    end: int,
    org_spans: set[tuple[int, int]],
    lex: Lexicon,
) -> int:
    """How strongly the sentence treats the name at ``analysed[index]`` as an organisation."""
    word = analysed[index]
    score = 0
    before = analysed[index - 1] if index else None
    after = analysed[index + 1] if index + 1 < len(analysed) else None
    listed = _in_coordination(analysed, index, text, org_spans)
    if before is not None and before.stem in lex.places and not before.particle and not listed:
        return 0  # an address ('서울 종로구') or a place's part, unless a list item ('세종 B')
    if _first_name(analysed, index, lex):
        return 0
    if listed:
        score += 2
    if before is not None and _describes(before, lex):
        score += 1
    if not word.particle and after is not None and after.stem in lex.agent_nouns:
        score += 1  # 'X 주도로', 'X 주관의': the noun before a deed's noun is who did it
    person_before = before is not None and is_person_name(before.stem) and not before.particle
    titled = after is not None and after.stem in lex.titles
    if titled and person_before and can_name_org(text[start:end]):
        score += 2
    if _names_holder(analysed, index) and can_name_org(text[start:end]):
        score += 2  # '울산시 백승아 시민건강국장': the organisation before a name and title
    if (latin_after(text, end) and not word.latin) or _HANGUL_PAREN.match(text, end):
        score += 1  # 'X(Y)': a name with its other spelling, Latin or Korean
    # '새너제이에서 공개했다': where something happens is a place more often than a firm.
    if word.particle in _ARGUMENT_PARTICLES - {"에서"} and _clause_predicate(analysed, index, lex):
        score += 1
    return score


def _describes(before: Word, lex: Lexicon) -> bool:
    """'스타트업 X', '가공업체 X' (a compound on a descriptor's head), and the copular
    apposition '업계 1위 택배사인 X' (descriptor + 이 + ㄴ)."""
    if before.particle:
        return False
    stem = before.stem
    if stem.endswith("인") and stem[:-1] in lex.descriptors:
        return True
    compound = any(stem.endswith(h) and len(stem) > len(h) for h in lex.descriptor_heads)
    return stem in lex.descriptors or compound


def _names_holder(analysed: list[Word], index: int) -> bool:
    """'<org> <name> <title>': a bare word (or a genitive: '늘푸른교통의 편주안 전무'), a bare
    person's name, then a title."""
    if analysed[index].particle not in ("", "의") or index + 2 >= len(analysed):
        return False
    name, title = analysed[index + 1], analysed[index + 2]
    return (
        not name.particle and is_person_name(name.stem) and TITLE_END.search(title.stem) is not None
    )


def _first_name(analysed: list[Word], index: int, lex: Lexicon) -> bool:
    """'사티아 나델라 마이크로소프트 CEO': a bare word before another name that a title
    follows is the first half of a foreign person's name."""
    word = analysed[index]
    if word.particle or index + 2 >= len(analysed):
        return False
    nxt, third = analysed[index + 1], analysed[index + 2]
    if word.latin != nxt.latin:
        return False
    if third.stem in lex.titles and is_person_name(nxt.stem):
        return False  # '하늘쟁기 옥지환 대표': an organisation before a Korean name and title
    titled = third.stem in lex.titles or (
        index + 3 < len(analysed) and analysed[index + 3].stem in lex.titles
    )
    return (titled and not nxt.latin) or (titled and word.latin and nxt.latin)


def _in_coordination(
    analysed: list[Word], index: int, text: str, org_spans: set[tuple[int, int]]
) -> bool:
    """Whether the word is listed with an organisation ('A, B와 C', 'A·B', 'A 및 B'), items
    described or not ('스타트업 A, 드론 기업 B, 재단법인 C와': a descriptor phrase before an
    item belongs to the item)."""
    lex = lexicon()
    for step in (-1, 1):
        first = _described_from(analysed, index, lex) if step < 0 else index
        j = _past_brackets(analysed, first + step, step, text)
        if step < 0 and j >= 0 and analysed[j].surface in _COORDINATING:
            # 'A(VoiceGyeol)과 B': Kiwi reads the '과' cut off by the bracket as a word
            j = _past_brackets(analysed, j - 1, step, text)
        if not 0 <= j < len(analysed):
            continue
        left, right = (analysed[j], analysed[first]) if step < 0 else (analysed[index], analysed[j])
        gap = _PARENTHESISED.sub("", text[left.end : right.start])
        if step > 0:
            j = _described_item(analysed, j, lex)
        if not (
            (left.particle in _COORDINATING and gap.strip() == "")
            or (not left.particle and _SEPARATOR.fullmatch(gap) and gap.strip())
            # 'A(VoiceGyeol)과 B': the particle after the parenthesis is A's
            or (not left.particle and gap.strip() in _COORDINATING)
        ):
            continue
        other = analysed[j]
        if (other.start, other.stem_end) in org_spans or any(
            a <= other.start < b for a, b in org_spans
        ):
            return True
        if other.nominal and other.proper and len(other.stem) >= 2:
            return True
    return False


def _past_brackets(analysed: list[Word], j: int, step: int, text: str) -> int:
    """'씨메스(AI 로보틱스 개발), 마키나락스': the next word past what the brackets describe."""
    while 0 <= j < len(analysed) and _in_parentheses(text, analysed[j].start):
        j += step
    return j


_PARENTHESISED = re.compile(r"\([^()\n]{0,40}\)|[()]")
_DESCRIPTION_WORDS = 4  # '재난 예측 스타트업': a descriptor and the nouns before it


def _bare(word: Word) -> bool:
    return word.nominal and not word.particle and word.predicate is None


def _described_from(analysed: list[Word], index: int, lex: Lexicon) -> int:
    """Where the item at ``index`` begins, its descriptor phrase included ('드론 기업 B')."""
    before = index - 1
    if before < 0 or not _bare(analysed[before]) or analysed[before].stem not in lex.descriptors:
        return index
    first = before
    while (
        first > 0
        and index - first < _DESCRIPTION_WORDS
        and _bare(analysed[first - 1])
        and analysed[first - 1].surface not in _COORDINATING  # a '과' cut off by a bracket
    ):
        first -= 1
    return first


def _described_item(analysed: list[Word], j: int, lex: Lexicon) -> int:
    """The item a list entry starting at ``j`` names: past its descriptor phrase, if any."""
    for k in range(j, min(j + _DESCRIPTION_WORDS, len(analysed) - 1)):
        if not _bare(analysed[k]):
            break
        if analysed[k].stem in lex.descriptors:
            return k + 1
    return j


def _in_parentheses(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside '(…)' on its line (a description or another spelling)."""
    opened = text.rfind("(", max(0, pos - 40), pos)
    return opened >= 0 and ")" not in text[opened:pos] and ")" in text[pos : pos + 40]


def _clause_predicate(analysed: list[Word], index: int, lex: Lexicon) -> bool:
    """Whether the clause the word stands in ends in a predicate of organisations."""
    for word in analysed[index + 1 : index + 12]:
        if word.predicate is not None:
            if word.predicate in lex.org_predicates:
                return True
            if word.ending in ("EF", "EC"):
                return False
        elif word.stem in lex.org_predicates and word.particle in ("을", "를", "에"):
            return True
    return False


def latin_after(text: str, end: int) -> str | None:
    match = _LATIN_PAREN.match(text, end)
    return match["en"].strip() if match else None
