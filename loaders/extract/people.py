"""People and their positions, in the ways Korean business news names them.

The press writes "<name> <organisation> <title>" ("박일평 LG전자 CTO 사장"), sometimes
"<organisation> <name> <title>", and after the first mention only "<family name> <title>"
("박 사장"). Titles are kept as written, including department and parenthesis
("IM부문장(사장)", "최고기술책임자(CTO)"), without the particle or a photo position
("(왼쪽부터)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..romanise import SURNAMES
from ..text import is_particle_run
from .cues import load
from .grammar import words
from .mentions import Mention
from .person_names import foreign_before, is_person_name
from .titles import (
    GLUED_TITLE,
    NOUN_TAGS,
    STRONG_TITLES,
    TITLE_END,
    TITLE_WORDS,
    bare_title,
    glued_title,
    parse_title,
)

_WORDS = load("people")
# Press releases: "Moreh Inc.(대표 조강원, 이하 모레)".
_PAREN_HEAD = re.compile(
    r"\s?\((?P<title>" + load("positions").alt("aside_titles") + r")\s(?P<name>[가-힣]{2,4})[,)]"
)
# Cheap test that a sentence may name anyone by title at all.
_ANY_TITLE = re.compile("|".join(re.escape(t) for t in TITLE_WORDS))
# Words that look like names (a surname syllable first) but are not.
_NOT_NAMES = _WORDS.set("not_names")
# '<org>의 <name> <title>', '<org>에서는 <name> <title>' ('SK텔레콤에서는 김윤 CTO가 …').
_BEFORE_NAME_PARTICLES = _WORDS.set("before_name_particles")


@dataclass(slots=True)
class PersonMention:
    """A person in a sentence: the name, and the organisation and title named with it."""

    start: int
    end: int
    name: str
    org: Mention | None = None
    title: str | None = None
    short: bool = False  # "박 사장": resolved to a person named before
    aside: bool = False  # "X Inc.(대표 Y)": the organisation stays the sentence's own
    name_en: str | None = None  # a foreign name's Latin spelling ('짐 켈러(Jim Keller)')
    # '이정훈 해운정보기술 대표': an organisation no mention covers, by name and offset; the
    # rules resolve it against the article's entities (``relations/positions.py``).
    org_name: str | None = None
    org_at: int = 0
    # '정승환 의장(삼성서울병원 디지털혁신센터장)': the title outside the parentheses, which a
    # short reference ('정 의장') may repeat.
    outer_title: str | None = None


def find_people(
    text: str, offset: int, orgs: list[Mention], registry_people: list[Mention]
) -> list[PersonMention]:
    """People in one sentence (``text`` starts at ``offset`` in the article).

    In turn: a name and title beside an organisation, the head in a release's aside
    ('(대표 조강원)'), bare names with a strong title ('김영섭 대표'), and registered people;
    the first reading of a position wins.
    """
    found: dict[int, PersonMention] = {}
    if not _ANY_TITLE.search(text):
        return [PersonMention(m.start, m.end, m.surface) for m in registry_people]
    for org in orgs:
        if org.particle and org.particle not in _BEFORE_NAME_PARTICLES:
            continue
        person = _person_with_org(text, offset, org, registry_people)
        if person is not None:
            found[person.start] = person
    _people_with_unknown_org(text, offset, orgs, found)
    for org in orgs:
        head = _PAREN_HEAD.match(text, org.end - offset)
        if head and is_person_name(head["name"], titled=True):
            start = offset + head.start("name")
            end = offset + head.end("name")
            found[start] = PersonMention(start, end, head["name"], org, head["title"], aside=True)
    _former_holders(text, offset, orgs, found)
    _people_by_title(text, offset, orgs, found)
    for mention in registry_people:
        found.setdefault(mention.start, PersonMention(mention.start, mention.end, mention.surface))
    return sorted(found.values(), key=lambda p: p.start)


def _person_with_org(
    text: str, offset: int, org: Mention, registry_people: list[Mention]
) -> PersonMention | None:
    """The person an organisation mention names with a title, if any: '<name> <org>장'
    (glued), '<foreign name> <org> <title>', '<name> <org> <title>', '<org> <name> <title>'."""
    local_start, local_end = org.start - offset, org.after - offset
    inner = _position_in_parentheses(text, offset, org)
    if inner is not None:
        return inner
    glued = GLUED_TITLE.match(text, local_end) if not org.particle else None
    if glued:  # '박승일 서울아산병원장', '방승찬 한국전자통신연구원장'
        before = _word_before(text, local_start)
        if before and is_person_name(before[0]):
            start = offset + before[1]
            head = glued_title(org.surface, glued.group(1))
            return PersonMention(start, offset + glued.end(1), before[0], org, head)
        return None
    foreign = foreign_before(text, local_start, registry_people, offset)
    if foreign and not org.particle and text[local_end : local_end + 1] == " ":
        title = parse_title(text, local_end + 1)
        if title:
            name, at, en = foreign
            start = offset + at
            return PersonMention(start, offset + title[1], name, org, title[0], name_en=en)
    before = _word_before(text, local_start)
    if (
        before
        and is_person_name(before[0], titled=True)
        and not org.particle
        and text[local_end : local_end + 1] == " "
    ):
        title = parse_title(text, local_end + 1, loose=True)
        if title:
            start = offset + before[1]
            return PersonMention(start, offset + title[1], before[0], org, title[0])
    abroad = _foreign_after(text, offset, org, registry_people)
    if abroad is not None:
        return abroad
    # '물결대 물류시스템공학과 원태석 교수': the units between an organisation and its person
    units = _UNITS.match(text, local_end) if not org.particle else None
    local_end = units.end() if units else local_end
    after = re.match(r" ([가-힣]{2,4}) ", text[local_end:])
    if after and is_person_name(after.group(1)):
        title = parse_title(text, local_end + after.end())
        if title:
            start = offset + local_end + 1
            return PersonMention(start, offset + title[1], after.group(1), org, title[0])
    if not org.particle and text[local_end : local_end + 1] == " ":
        return _title_then_name(text, offset, org, local_end + 1)
    return None


def _foreign_after(
    text: str, offset: int, org: Mention, registry_people: list[Mention]
) -> PersonMention | None:
    """'모트라라이드 리즈키 프라타마 최고경영자(CEO)': '<org> <foreign name> <title>', the
    name read as ``foreign_before`` reads one before an organisation."""
    local_end = org.after - offset
    two = _TWO_WORDS.match(text, local_end) if not org.particle else None
    if two is None or is_person_name(two["first"]) or two["second"] in TITLE_WORDS:
        return None  # '장기범 대표이사 사장': a Korean name and the first of two titles
    title = parse_title(text, two.end())
    found = foreign_before(text, two.end(), registry_people, offset) if title else None
    if title is None or found is None or found[1] != local_end + 1:
        return None
    name, start, en = found
    return PersonMention(offset + start, offset + title[1], name, org, title[0], name_en=en)


_TWO_WORDS = re.compile(r" (?P<first>[가-힣]{1,5}) (?P<second>[가-힣]{1,5}) ")
_UNITS = re.compile(r"(?: [가-힣A-Za-z]{0,12}?" + _WORDS.group("unit_endings") + r"(?= ))+")


# '이사장 김경태,', '부문장인 차민결 전무': after the title, an optional '인' (the copula that
# makes the title an apposition of the name), the name, and what may follow a name.
_NAME_AFTER_TITLE = re.compile(r"(?P<cop>인)? (?P<word>[가-힣]{2,6})(?![가-힣])")
_ROLE_TITLES = _WORDS.set("role_titles")


def _title_then_name(text: str, offset: int, org: Mention, at: int) -> PersonMention | None:
    """'<org> <title> <name>' ('유등천신협 이사장 김경태', '보이스웨일 대표 윤하람은') and the
    apposition '<org> <title>인 <name> <title>' ('늘봄마트 디지털혁신부문장인 차민결 전무'):
    the post is the title beside the organisation, unless it says what the person is
    ('공동창업자인 박도겸 최고기술책임자'), when it is the one after the name."""
    title = parse_title(text, at)
    if title is None:
        return None
    match = _NAME_AFTER_TITLE.match(text, title[1])
    name = _name_with_particle(match["word"]) if match else None
    if match is None or name is None:
        return None
    start = match.start("word")
    end = start + len(name)
    post = title[0]
    second = parse_title(text, match.end() + 1) if name == match["word"] else None
    # the title parser may have taken the '인' already ('공동창업자인' ends after it)
    apposition = bool(match["cop"]) or (
        text[title[1] - 1 : title[1]] == "인" and not title[0].endswith("인")
    )
    if apposition and second:
        end = second[1]
        post = second[0] if title[0] in _ROLE_TITLES else post
    elif apposition:
        return None  # '대표인 김 씨': an apposition without a post after the name
    return PersonMention(offset + start, offset + end, name, org, post)


def _name_with_particle(word: str) -> str | None:
    """The name a word begins with when only a particle follows it ('윤하람은' -> 윤하람)."""
    for size in (3, 2, 4):
        name, rest = word[:size], word[size:]
        if len(name) == size and is_person_name(name) and (not rest or is_particle_run(rest)):
            return name
    return None


# '정승환 의장(삼성서울병원 디지털혁신센터장)': a name and a title, then in parentheses the
# organisation and the title held there.
_OUTER_TITLE = re.compile(
    r"(?:^|(?<=[\s,·'\"‘“]))(?P<name>[가-힣]{2,4}) (?P<title>[^\s()]{1,12})\($"
)


def _position_in_parentheses(text: str, offset: int, org: Mention) -> PersonMention | None:
    """'윤성호 회장(청해대학교병원장)', '정승환 의장(삼성서울병원 디지털혁신센터장)': the
    organisation inside the parentheses is where the person holds the title written there."""
    local_start, local_end = org.start - offset, org.after - offset
    outer = _OUTER_TITLE.search(text[:local_start])
    close = text.find(")", local_end)
    if outer is None or close < 0 or not is_person_name(outer["name"]):
        return None
    if not TITLE_END.search(outer["title"]):
        return None
    inside = text[local_end:close]
    if GLUED_TITLE.fullmatch(inside):
        title: str | None = glued_title(org.surface, inside)
    elif inside.startswith(" "):
        parsed = parse_title(text[:close], local_end + 1, loose=True)
        title = parsed[0] if parsed and parsed[1] == close else None
    else:
        title = None
    if title is None:
        return None
    start = offset + outer.start("name")
    person = PersonMention(start, offset + close + 1, outer["name"], org, title)
    person.outer_title = outer["title"]
    return person


# '이정훈 해운정보기술 대표': a name, one word and a title (the lookahead finds overlapping ones).
_NAME_WORD = re.compile(
    r"(?<![\w·])(?=(?P<name>[가-힣]{2,4}) (?P<org>[가-힣A-Za-z][가-힣A-Za-z0-9&]{1,14}) )"
)
_NOT_ORG_WORDS = _WORDS.set("not_org_words")
_NOT_ORG_ENDINGS = tuple(_WORDS.words("not_org_endings"))


def _people_with_unknown_org(
    text: str, offset: int, orgs: list[Mention], found: dict[int, PersonMention]
) -> None:
    """'이정훈 해운정보기술 대표': the press names a person with the organisation between name
    and title, so a word standing there names an organisation even when no finder knew it
    (added to ``found`` with ``org_name``; the rules resolve it)."""
    taken = [(o.start - offset, o.end - offset) for o in orgs]
    taken += [(p.start - offset, p.end - offset) for p in found.values()]
    for match in _NAME_WORD.finditer(text):
        start, org_at = match.start("name"), match.start("org")
        if any(a < match.end("org") and start < b for a, b in taken):
            continue
        if not is_person_name(match["name"]) or not can_name_org(match["org"]):
            continue
        title = parse_title(text, match.end("org") + 1)
        if title is None:
            continue
        person = PersonMention(offset + start, offset + title[1], match["name"], title=title[0])
        person.org_name, person.org_at = match["org"], offset + org_at
        found[person.start] = person
        taken.append((start, title[1]))


def can_name_org(word: str) -> bool:
    """A word that can name an organisation: nouns with nothing glued on, and no title,
    acronym, line of business or modifier of the title ('신임', '공동'). Right after a name
    a word ending like a department names the body ('과학기술정보통신부', '한빛연구원'):
    a department follows its organisation's name."""
    if word in _NOT_NAMES or word in _NOT_ORG_WORDS or word.endswith(_NOT_ORG_ENDINGS):
        return False
    if TITLE_END.search(word) or word.isascii():
        return False
    analysed = words(word)
    if len(analysed) != 1 or analysed[0].surface != word:
        return False
    last = analysed[0].morphs[-1]
    return analysed[0].predicate is None and not analysed[0].particle and last.tag in NOUN_TAGS


def _people_by_title(
    text: str, offset: int, orgs: list[Mention], found: dict[int, PersonMention]
) -> None:
    """'김영섭 대표', '김·이 교수': names with a strong title and no organisation, outside
    anyone already found and any organisation's name (added to ``found``)."""
    taken = [(o.start, o.end) for o in orgs]
    for match in re.finditer(r"(?<![\w·])([가-힣]{2,4})(?:·([가-힣]{2,4}))* ", text):
        names = re.findall(r"[가-힣]{2,4}", match.group(0))
        start = offset + match.start()
        if any(p.start <= start < p.end for p in found.values()) or any(
            a <= start < b for a, b in taken
        ):
            continue
        title = parse_title(text, match.end())
        if not title or bare_title(title[0]) not in STRONG_TITLES:
            continue
        if text[max(0, match.start() - 2) : match.start()] == "전 ":
            continue  # '최영재 전 남해해운 사장': after '전', a former post's organisation
        if not all(is_person_name(n, titled=True) for n in names):
            continue
        pos = match.start()
        for name in names:
            at = offset + text.index(name, pos)
            found.setdefault(at, PersonMention(at, at + len(name), name))
            pos = at - offset + len(name)


# '노재윤 전 전남해양에너지연구원장', '박순애 전 대청호신협 이사장': a name, '전' (former) and the
# organisation with the title held before.
_FORMER = re.compile(
    r"(?<![\w·])(?P<name>[가-힣]{2,4}) 전 (?P<first>[^\s,.]+)(?: (?P<second>[^\s,.]+))?"
)
_PARTICLES_AFTER = re.compile(r"(?:은|는|이|가|을|를|의|과|와|도|께서|께서는)$")


def _former_holders(
    text: str, offset: int, orgs: list[Mention], found: dict[int, PersonMention]
) -> None:
    """People named by a post they no longer hold: an entity, but no position (the title
    is left off, so the positions rule states nothing)."""
    for match in _FORMER.finditer(text):
        start = offset + match.start("name")
        if start in found or not is_person_name(match["name"]):
            continue
        words = [w for w in (match["first"], match["second"]) if w]
        heads = [_PARTICLES_AFTER.sub("", w) for w in words]
        if not any(TITLE_END.search(h) or GLUED_TITLE.search(h) for h in heads):
            continue
        found[start] = PersonMention(start, start + len(match["name"]), match["name"])


def find_short_refs(text: str, offset: int, known: list[PersonMention]) -> list[PersonMention]:
    """'구 사장' -> the latest person named 구… before it in the article."""
    refs: list[PersonMention] = []
    if not known or not _ANY_TITLE.search(text):
        return refs
    for match in re.finditer(r"(?<![가-힣])([가-힣]) ", text):
        family = match.group(1)
        if family not in SURNAMES:
            continue
        title = parse_title(text, match.end())
        if not title or " " in title[0]:
            continue
        start = offset + match.start()
        person = next(
            (
                p
                for p in reversed(known)
                if p.start < start
                and p.name.startswith(family)
                and (p.title is None or bare_title(title[0]) in _bare_titles(p))
            ),
            None,
        )
        if person is not None:
            refs.append(PersonMention(start, offset + title[1], person.name, None, None, True))
    return refs


def _bare_titles(person: PersonMention) -> set[str]:
    """The title words a short reference to the person may repeat."""
    return {bare_title(t) for t in (person.title, person.outer_title) if t}


def _word_before(text: str, pos: int) -> tuple[str, int] | None:
    """The word ending one space before ``pos`` and its start, if a space separates them
    (a person's age in parentheses after it is left out: '표은결(58) 푸른들영농조합법인 대표')."""
    if pos < 2 or text[pos - 1] != " ":
        return None
    match = re.search(r"(?:^|(?<=[\s,·'\"(‘“]))([가-힣]{2,4})(?:\(\d{1,3}\))?$", text[: pos - 1])
    return (match.group(1), match.start(1)) if match else None
