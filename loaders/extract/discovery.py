"""Finding organisations nobody listed, from the grammar of the sentence they stand in.

The registry resolves names; it must not be what finds them. A name is a stem Kiwi calls
proper (NNP), does not know at all, or writes in Latin letters; it is an organisation's
when the sentence treats it as one:
- it stands in a coordination with another organisation ("리벨리온과 퓨리오사AI, 사피온");
- it fills an argument slot (subject, partner, object, place) of a predicate whose
  arguments are organisations (합류, 체결, 투자, 손잡다 …; the table is data);
- a descriptor noun stands before it ("AI 반도체 스타트업 업스테이지") or it is followed by
  a Latin spelling in parentheses ("딥노이드(Deepnoid)");
- it sits between a person's name and a title ("김성훈 업스테이지 대표").
Places, generic words and people's names are kept out by tables and by the person rules.
A name accepted once is a mention wherever it occurs in the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..registry import Registry
from ..text import name_key
from .cues import load
from .grammar import Word, words
from .list_heads import listed_as_other
from .mentions import Candidate, Mention, NewKey, Spans, attach_particle
from .mentions.groups import LIST_BULLETS
from .mentions.model import overlaps, standalone
from .people import TITLE_WORDS, can_name_org, is_person_name

_COORDINATING = frozenset({"와", "과", "및", "하고", "이랑", "랑"})
_ARGUMENT_PARTICLES = frozenset(
    {"은", "는", "이", "가", "을", "를", "와", "과", "에", "에서", "도", "와의", "과의", "와도",
     "과도", "에게", "로부터", "으로부터", "과는", "와는", "측은", "측도", "의"}
)  # fmt: skip
_SEPARATOR = re.compile(r"\s*(?:[,·/" + LIST_BULLETS + r"]|및|그리고)?\s*")
_HANGUL_PAREN = re.compile(r"\([가-힣][가-힣A-Za-z0-9 ]{1,30}\)")
_LATIN_PAREN = re.compile(r"\((?P<en>[A-Za-z][A-Za-z0-9 .&\-]{1,40})\)")
_ALLIANCE_END = re.compile(r"(?:동맹|얼라이언스|연합체?|협의체|협의회|컨소시엄|원팀|포럼)$")


@dataclass(frozen=True)
class Lexicon:
    places: frozenset[str]
    generic_latin: frozenset[str]
    generic_words: frozenset[str]
    descriptors: frozenset[str]
    org_predicates: frozenset[str]
    agent_nouns: frozenset[str]
    org_list_heads: frozenset[str]  # the descriptors and the list heads of organisations
    titles: frozenset[str]
    suffix_types: tuple[tuple[str, str, int], ...]  # (ending, type, minimum prefix length)
    not_university_short: frozenset[str]
    not_org_endings: tuple[str, ...]
    government_endings: tuple[str, ...]


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
    suffixes = [
        (ending, kind, minimum.get(ending, 1))
        for cue, kind in _KINDS
        for ending in table.words(cue)
    ]
    suffixes.sort(key=lambda s: len(s[0]), reverse=True)
    return Lexicon(
        places=table.set("places"),
        generic_latin=frozenset(w.casefold() for w in table.words("generic_latin")),
        generic_words=table.set("generic_words"),
        descriptors=table.set("descriptors"),
        org_predicates=table.set("org_predicates"),
        agent_nouns=table.set("agent_nouns"),
        org_list_heads=table.set("list_heads") | table.set("descriptors"),
        titles=frozenset(t for t in TITLE_WORDS if " " not in t),
        suffix_types=tuple(suffixes),
        not_university_short=table.set("not_university_short"),
        not_org_endings=table.words("not_org_endings"),
        government_endings=tuple(e for e in table.words("government_endings") if not e.isascii()),
    )


@dataclass
class _Name:
    """One candidate name with the evidence gathered over all its occurrences."""

    surface: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    score: int = 0
    proper: bool = False
    name_en: str | None = None
    other: bool = False  # listed under a head noun that is no organisation's


def discover(
    text: str,
    registry: Registry,
    taken: Spans,
    known: list[Mention],
    new_key: NewKey,
) -> list[Mention]:
    """Organisations in ``text`` that no earlier rule found (spans in ``taken`` are done)."""
    lex = lexicon()
    analysed = words(text)
    org_spans = {(m.start, m.end) for m in known if m.is_org}
    names: dict[str, _Name] = {}
    for i, (start, end, surface) in enumerate(_name_spans(analysed, text)):
        described = i > 0 and analysed[i - 1].stem in lex.descriptors
        if start < 0 or _blocked(surface, lex, described) or overlaps(start, end, taken):
            continue
        name = names.setdefault(name_key(surface), _Name(surface))
        name.spans.append((start, end))
        # News quotes products, services and alliances more often than firms: a quoted
        # name counts as a firm only on two signals ("미디어 특화 AI 기업 'XL8'이 합류").
        if not _quoted(text, start, end):
            name.proper = name.proper or _proper_stem(analysed[i], lex)
        if listed_as_other(analysed, i, lex.org_list_heads):
            name.other = True  # 'A, B 등 5개 언어': the list says what its items are
        if name.score < 2:  # two signals (or one for a proper noun) are enough
            score = _evidence(analysed, i, text, start, end, org_spans, lex)
            # signals add up over the article: '발행사 누리교과서는' and 'X 중심' elsewhere
            name.score = min(2, name.score + score)
        name.name_en = name.name_en or _latin_after(text, end)
    _fold_glued_particles(names, text)
    found: list[Mention] = []
    for name in names.values():
        # A name made of ordinary nouns ('엑스로봇' = 엑스 + 로봇) needs a sentence that
        # treats it as an organisation twice over; a proper noun needs one signal.
        if name.score < (1 if name.proper else 2) or name.other:
            continue
        kind = _kind(name.surface, lex)
        entry = registry.lookup(name.surface)
        key = entry.id if entry else new_key(Candidate("", kind, name.surface, name.name_en))
        # and wherever else the name stands as a word, however Kiwi read it there
        # ('노바렌은' cut otherwise, '메디오라' read as a copula)
        name.spans += [s for s in standalone(text, name.surface, taken) if s not in name.spans]
        for start, end in sorted(name.spans):
            if overlaps(start, end, taken):
                continue
            mention = Mention(start, end, key, entry.type if entry else kind, text[start:end])
            mention.new = entry is None
            mention.name_en = name.name_en
            found.append(attach_particle(text, mention))
            taken.append((start, end))
    return found


_DELIMITERS = ("도", "만", "인", "이나")


def _fold_glued_particles(names: dict[str, _Name], text: str) -> None:
    """'세미온도' beside '세미온은': Kiwi kept a delimiter particle on a word it did not know,
    which the article's other mentions of the name give away."""
    for key in list(names):
        name = names[key]
        for particle in _DELIMITERS:
            short = name_key(name.surface[: -len(particle)])
            if name.surface.endswith(particle) and short in names and short != key:
                target = names[short]
                target.spans += [(s, e - len(particle)) for s, e in name.spans]
                target.score = max(target.score, name.score)
                del names[key]
                break


# --- candidate spans --------------------------------------------------------------------


def _name_spans(analysed: list[Word], text: str) -> list[tuple[int, int, str]]:
    """(start, end, surface) of each proper stem, one per word; Latin words in a row with
    no particle between them are one name ("SK C&C", "Hugging Face")."""
    spans: list[tuple[int, int, str]] = []
    lex = lexicon()
    copular = _copular_names(analysed)
    for i, word in enumerate(analysed):
        if word.surface in copular:
            spans.append((word.start, word.end, word.surface))
            continue
        if not word.nominal or not (_proper_stem(word, lex) or _compound(word)):
            spans.append((-1, -1, ""))
            continue
        start, end = word.start, word.stem_end
        prev = spans[-1] if spans else None
        if (
            prev is not None
            and prev[0] >= 0
            and word.latin
            and analysed[i - 1].latin
            and not analysed[i - 1].particle
            and word.stem.casefold() not in lex.generic_latin
            and analysed[i - 1].stem.casefold() not in lex.generic_latin
            and text[analysed[i - 1].end : word.start] == " "
        ):
            spans[-1] = (-1, -1, "")
            start = prev[0]
        spans.append((start, end, text[start:end]))
    return spans  # aligned with ``analysed``: (-1, -1, '') where a word names nothing


def _copular_names(analysed: list[Word]) -> frozenset[str]:
    """'메디오라' read as 메디오 + copula + '라' ('it is Medio'): Kiwi takes the last syllable
    of a name it does not know for an ending when one fits. Where the article also writes the
    word with a particle ('메디오라가'), that reading gives the noun away."""
    predicates = {w.surface for w in analysed if w.predicate is not None and w.proper}
    if not predicates:
        return frozenset()
    return frozenset(
        w.stem for w in analysed if w.nominal and w.particle and w.proper and w.stem in predicates
    )


def _proper_stem(word: Word, lex: Lexicon) -> bool:
    return word.proper or _fragmented(word) or _institution(word.stem, lex)


def _compound(word: Word) -> bool:
    """A stem of two or more common nouns written as one word ('엑스로봇', '데이터온담'):
    how many firms are named, so a candidate, but a weak one."""
    stem = [m for m in word.morphs if m.end <= word.stem_end - word.start]
    return (
        len(stem) >= 2
        and all(m.tag == "NNG" for m in stem)
        and 3 <= len(word.stem) <= 10
        and all("가" <= c <= "힣" for c in word.stem)
    )


def _fragmented(word: Word) -> bool:
    """Kiwi cut a stem it did not know into one-syllable pieces ('사피온' -> 사/피/온)."""
    stem = [m for m in word.morphs if m.end <= word.stem_end - word.start]
    return (
        len(stem) >= 3
        and all(len(m.form) == 1 for m in stem)
        and all("가" <= c <= "힣" for c in word.stem)
    )


def _institution(stem: str, lex: Lexicon) -> bool:
    """A public body named with common nouns ('과학기술정보통신부', '금융위원회'): long
    enough that the ending is no ordinary word's."""
    return len(stem) >= 4 and stem.endswith(lex.government_endings) and "가" <= stem[0] <= "힣"


@lru_cache(maxsize=65_536)
def _blocked(surface: str, lex: Lexicon, described: bool = False) -> bool:
    """Words that never name an organisation here; a three-syllable word shaped like a
    person's name counts only after a descriptor ('드론 기업 하늘눈': a person has a title)."""
    if not surface or (len(surface) < 2 and not surface.isascii()):
        return True
    if surface.casefold() in lex.generic_latin or surface in lex.generic_words:
        return True
    if surface in lex.places or surface in lex.titles or surface in lex.descriptors:
        return True  # a descriptor ('재단법인', '스타트업') stands before a name, is none
    if surface in lex.org_predicates:
        return True  # what organisations do ('합류', '탈퇴') is no organisation
    if surface.isdigit():
        return True
    if _ALLIANCE_END.search(surface) or any(surface.endswith(t) for t in lex.titles):
        return True
    if len(surface) >= 3 and surface.endswith(lex.not_org_endings):
        return True
    return is_person_name(surface) and len(surface) == 3 and not described


_OPENING = "'‘\"“「『"
_CLOSING = "'’\"”」』"


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in _OPENING and end < len(text) and text[end] in _CLOSING


# --- evidence ---------------------------------------------------------------------------


def _evidence(
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
    if before is not None and before.stem in lex.descriptors and not before.particle:
        score += 1
    if not word.particle and after is not None and after.stem in lex.agent_nouns:
        score += 1  # 'X 주도로', 'X 주관의': the noun before a deed's noun is who did it
    person_before = before is not None and is_person_name(before.stem) and not before.particle
    titled = after is not None and after.stem in lex.titles
    if titled and person_before and can_name_org(text[start:end]):
        score += 2
    if (_latin_after(text, end) and not word.latin) or _HANGUL_PAREN.match(text, end):
        score += 1  # 'X(Y)': a name with its other spelling, Latin or Korean
    # '새너제이에서 공개했다': where something happens is a place more often than a firm.
    if word.particle in _ARGUMENT_PARTICLES - {"에서"} and _clause_predicate(analysed, index, lex):
        score += 1
    return score


def _first_name(analysed: list[Word], index: int, lex: Lexicon) -> bool:
    """'사티아 나델라 마이크로소프트 CEO': a bare word before another name that a title
    follows is the first half of a foreign person's name."""
    word = analysed[index]
    if word.particle or index + 2 >= len(analysed):
        return False
    nxt, third = analysed[index + 1], analysed[index + 2]
    if word.latin != nxt.latin:
        return False
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
        j = first + step
        while 0 <= j < len(analysed) and _in_parentheses(text, analysed[j].start):
            j += step  # '씨메스(AI 로보틱스 개발), 마키나락스': past what the brackets describe
        if not 0 <= j < len(analysed):
            continue
        left, right = (analysed[j], analysed[first]) if step < 0 else (analysed[index], analysed[j])
        gap = _PARENTHESISED.sub("", text[left.end : right.start])
        if step > 0:
            j = _described_item(analysed, j, lex)
        if not (
            (left.particle in _COORDINATING and gap.strip() == "")
            or (not left.particle and _SEPARATOR.fullmatch(gap) and gap.strip())
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
    while first > 0 and index - first < _DESCRIPTION_WORDS and _bare(analysed[first - 1]):
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


def _latin_after(text: str, end: int) -> str | None:
    match = _LATIN_PAREN.match(text, end)
    return match["en"].strip() if match else None


# --- kinds ------------------------------------------------------------------------------


def _kind(surface: str, lex: Lexicon) -> str:
    for ending, kind, minimum in lex.suffix_types:
        if surface.endswith(ending) and len(surface) - len(ending) >= minimum:
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
        kind = _kind(mention.surface, lex)
        if kind == "Company":
            continue
        mention.type = kind
        candidate = candidates.get(mention.key)
        if candidate is not None:
            candidate.type = kind
