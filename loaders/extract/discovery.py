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
A name accepted once is a mention wherever it occurs in the article. The signals are read in
``name_evidence.py``, the word tables and the kinds of names in ``name_lexicon.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..registry import Registry
from ..text import name_key, without_latin_field
from .grammar import Word, words
from .list_heads import listed_as_other
from .mentions import Candidate, Mention, NewKey, Spans, attach_particle
from .mentions.model import overlaps, standalone, strip_particles
from .name_evidence import evidence, latin_after
from .name_lexicon import Lexicon, kind_of, lexicon
from .person_names import is_person_name

_ALLIANCE_END = re.compile(r"(?:동맹|얼라이언스|연합체?|협의체|협의회|컨소시엄|원팀|포럼)$")


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
        if start < 0:
            continue  # the word names nothing
        # a name of several Latin words ('Meridane Marine') ends at ``i``, starts at ``first``
        first = next(j for j in range(i, -1, -1) if analysed[j].start <= start)
        described = first > 0 and analysed[first - 1].stem in lex.descriptors
        if _blocked(surface, lex, described) or overlaps(start, end, taken):
            continue
        if _describes_next(analysed, i, lex):
            continue  # '세포치료제 기업 온담바이오': the field of the firm named next
        if analysed[i].surface in lex.places:
            continue  # '노르웨이' read 노르웨 + 이: the word is a place, whatever Kiwi cut
        if _spells_previous(analysed, i, text):
            continue  # '테라센스(TerraSense)': the Latin spelling of the name before it
        name = names.setdefault(name_key(surface), _Name(surface))
        name.spans.append((start, end))
        # News quotes products, services and alliances more often than firms: a quoted
        # name counts as a firm only on two signals ("미디어 특화 AI 기업 'XL8'이 합류").
        if not _quoted(text, start, end):
            name.proper = name.proper or _proper_stem(analysed[i], lex)
        if listed_as_other(analysed, i, lex.org_list_heads, text) and not _before_title(
            analysed, i, lex
        ):
            # 'A, B 등 5개 언어': the list says what its items are, unless the name stands in
            # an item's phrase ('도해인 그립웍스 대표(…)와 … 등 참석자들이')
            name.other = True
        if name.score < 2:  # two signals (or one for a proper noun) are enough
            score = max(evidence(analysed, k, text, start, end, org_spans, lex) for k in {first, i})
            # signals add up over the article: '발행사 누리교과서는' and 'X 중심' elsewhere
            name.score = min(2, name.score + score)
        name.name_en = name.name_en or latin_after(text, end)
    _fold_glued_particles(names, text)
    found: list[Mention] = []
    for name in names.values():
        # A name made of ordinary nouns ('엑스로봇' = 엑스 + 로봇) needs a sentence that
        # treats it as an organisation twice over; a proper noun needs one signal.
        # A ministry's or agency's name ('해양수산부', '식품의약품안전처') says what it is by
        # itself; a city's ('수원시') needs a sentence that treats it as a body, not an address.
        needed = 0 if _central_body(name.surface, lex) else 1 if name.proper else 2
        if name.score < needed or name.other:
            continue
        kind = kind_of(name.surface, lex)
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


def _describes_next(analysed: list[Word], index: int, lex: Lexicon) -> bool:
    """A bare word, a bare descriptor, then a name: the word is the descriptor's field."""
    if index + 2 >= len(analysed) or analysed[index].particle:
        return False
    nxt = analysed[index + 1]
    return not nxt.particle and nxt.stem in lex.descriptors and analysed[index + 2].nominal


def _spells_previous(analysed: list[Word], index: int, text: str) -> bool:
    """A Latin word in brackets right after a word: that word's other spelling."""
    start = analysed[index].start
    return (
        index > 0
        and analysed[index].latin
        and text[start - 1 : start] == "("
        and analysed[index - 1].stem_end == start - 1
    )


def _before_title(analysed: list[Word], index: int, lex: Lexicon) -> bool:
    """'그립웍스 대표': the organisation of a person's title."""
    nxt = analysed[index + 1] if index + 1 < len(analysed) else None
    return nxt is not None and not analysed[index].particle and nxt.stem in lex.titles


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
        elif i and _legal_form(analysed[i - 1], word, text, lex):
            # '법무법인 새결은': the form is part of the name (and a particle Kiwi kept is not)
            start = analysed[i - 1].start
            end = word.start + len(strip_particles(text[word.start : end], keep=2))
        spans.append((start, end, text[start:end]))
    return spans  # aligned with ``analysed``: (-1, -1, '') where a word names nothing


def _legal_form(before: Word, word: Word, text: str, lex: Lexicon) -> bool:
    return (
        before.stem in lex.name_prefixes
        and not before.particle
        and text[before.end : word.start] == " "
    )


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
    how many firms are named, so a candidate, but a weak one. A particle Kiwi found inside
    the stem ('타이드와이즈' = 타이 + 드 + 와 + 이즈) is its mistake, not the word's."""
    stem = [
        m for m in word.morphs if m.end <= word.stem_end - word.start and not m.tag.startswith("J")
    ]
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


def _central_body(stem: str, lex: Lexicon) -> bool:
    """'식품의약품안전처', and a national agency of three syllables ('산림청', '기상청'): no
    other three-syllable word ends in 청 (처 and 부 do: '거래처', '영업부')."""
    if not "가" <= stem[:1] <= "힣":
        return False
    government = stem.endswith(lex.government_endings) and kind_of(stem, lex) == "GovernmentBody"
    return (len(stem) >= 4 and government) or (len(stem) == 3 and stem.endswith(lex.agency_endings))


def _institution(stem: str, lex: Lexicon) -> bool:
    """A public body named with common nouns ('과학기술정보통신부', '금융위원회'): long
    enough that the ending is no ordinary word's; or a place and a local government's
    ending ('천안시', '강원도')."""
    if stem[:-1] in lex.places and stem.endswith(lex.local_government_endings):
        return True
    return _central_body(stem, lex)


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
    if without_latin_field(surface) in lex.descriptors:
        return True  # 'AI기업', 'IT기업': a field and a descriptor
    if surface in lex.org_predicates:
        return True  # what organisations do ('합류', '탈퇴') is no organisation
    if surface.isdigit() or _measure(surface, lex):
        return True
    if _ALLIANCE_END.search(surface) or any(surface.endswith(t) for t in lex.titles):
        return True
    if len(surface) >= 3 and surface.endswith(lex.not_org_endings):
        return True
    person = is_person_name(surface) and len(surface) == 3 and not described
    return person and not _institution(surface, lex)  # '천안시' is no 천 씨


_NUMBER = re.compile(r"\d[\d,.]*(?P<unit>[A-Za-z]+)")


def _measure(surface: str, lex: Lexicon) -> bool:
    """'1200ha', '300MW': a number and a unit."""
    match = _NUMBER.fullmatch(surface)
    return match is not None and match["unit"].casefold() in lex.measure_units


_OPENING = "'‘\"“「『"
_CLOSING = "'’\"”」』"


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in _OPENING and end < len(text) and text[end] in _CLOSING
