"""Groups: names joined into one list with one grammatical case, and references to them.

Korean lists names with '와/과', ',', '·' and closes the list with the particle of its last
member ("KT와 LG전자, LG유플러스가": one subject), or after '등 <noun>' ("A, B 등 기업과").
The case decides the role the rules give the whole list. "3사", "양사", "두 회사" stand for
the latest earlier group of that size. Words: ``cues/groups.yaml``; cases of particles:
``loaders/particles.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...particles import case_of
from ...text import is_particle_run
from ..cues import load
from .model import CLOSERS, Group, Mention, strip_plural

_CUES = load("groups")
# '▲A ▲B ▲C': marks that open each item of a list set out like a table separate items as a
# comma does (a character class body, escaped).
LIST_BULLETS = "".join(re.escape(b) for b in _CUES.words("bullets"))
_PAREN_ASIDE = re.compile(r"^\([^()\n]{1,40}\)")
# 'A를 비롯해 B, C': a verb grammaticalised into a coordinator ('including A').
_INCLUDING = re.compile(r"\s*" + _CUES.group("including") + r"\s*")
_INCLUDING_HEAD = re.compile(
    r"\s*"
    + _CUES.group("including_adnominal")
    + r"\s+(?:[^\s.?!]+\s+){0,3}?[^\s.?!]*?(?P<particle>이|가|은|는|을|를|과|와|도)(?=\s)"
)
_COORDINATOR = re.compile(
    r"\s*(?:[,·/&+\-" + LIST_BULLETS + r"]|" + _CUES.alt("coordinators") + r")?\s*"
)
# 'A, 대전의 B', 'A, 그리고 독일 기업 B': a list's separator before a described name (not
# '와/과', a particle of A).
_LIST_COORDINATOR = re.compile(
    r"\s*(?:[,·"
    + LIST_BULLETS
    + r"](?:\s*"
    + _CUES.group("word_coordinators")
    + r")?|"
    + _CUES.alt("word_coordinators")
    + r")\s+"
)
_MAX_DESCRIPTOR_WORDS = 6
_NOT_DESCRIPTORS = _CUES.set("not_descriptors")
# '가람대학교 교육대학원이', 'KT 융합기술원은': a unit of the organisation named after it.
_SUB_UNIT = re.compile(
    r" [가-힣A-Za-z]{0,8}?"
    + _CUES.group("sub_units")
    + r"(?P<particle>이|가|은|는|을|를|과|와|도)(?=\s)"
)
# '… 등 12곳이다.': the list is predicated; the words after '등' stay in the sentence.
# '… 등 8곳으로 구성돼 있다': what the alliance is made of.
_ETC = re.compile(
    r"\s*등(?:\s+[^\s.?!]+){0,4}?\s+[^\s.?!]*?"
    r"(?:(?P<particle>이|가|은|는|을|를|의|에|과|와|으로|로)(?=\s)"
    r"|(?P<copula>이다|이며|이고)(?=[\s.,]|$))"
)
_DESCRIPTOR_AFTER = re.compile(
    r"\s+(?:[가-힣A-Za-z]+\s+)?[가-힣A-Za-z]*?"
    + _CUES.group("descriptor_nouns")
    + r"(?:\s*\d+\s*"
    + _CUES.group("descriptor_counters")
    + r")?(?P<particle>이|가|은|는|도)(?=\s)"
)
# "네이버, 카카오브레인 등과 경쟁": the list's case is the particle glued to 등.
_ETC_GLUED = re.compile(r"\s*등(?P<particle>과|와|과도|와도|이|가|은|는|을|를|의|에|도|에서)(?=\s)")
# References to parties named before: "3사", "양사", "두 회사", "이들 기업".
_WORD_COUNT = {"두": 2, "세": 3, "네": 4}
_PARTY_REF = re.compile(
    # not after '등 ': 'A, B, C 등 3개 기관이' counts the list it closes
    r"(?<![가-힣0-9])(?<!등\s)(?P<ref>(?P<n>[2-9])\s?(?:개\s?)?(?:사|"
    + _CUES.group("counted_kinds")
    + r"(?=[은는이가과와도의을를]))|"
    + _CUES.alt("pair_refs")
    + r"|(?P<w>"
    + "|".join(_WORD_COUNT)
    + r")\s"
    + _CUES.group("party_nouns")
    + r"|이들\s"
    + _CUES.group("these_nouns")
    + r"|이들|(?P<one>"
    + _CUES.alt("this_one")
    + r"))(?P<particle>[가-힣]*)"
)


Descriptive = Callable[[int, int], bool]


def groups_in(
    text: str,
    mentions: list[Mention],
    headline: bool = False,
    descriptive: Descriptive | None = None,
) -> list[Group]:
    """Join consecutive organisation mentions of one sentence into groups with a case.

    ``descriptive(start, end)`` says whether the words between two offsets only describe
    the name after them ('A와 대전의 B, 부산 C, 금융 AI 스타트업 D'): a list goes on past
    such a description."""
    orgs = [m for m in mentions if m.is_org]
    groups: list[Group] = []
    current: list[Mention] = []
    for i, mention in enumerate(orgs):
        current.append(mention)
        nxt = orgs[i + 1] if i + 1 < len(orgs) else None
        if nxt is not None and _joins(text, mention, nxt, descriptive):
            continue
        groups.append(_close(text, current, headline, nxt.start if nxt else None))
        current = []
    return _join_etc_groups(text, groups)


def _join_etc_groups(text: str, groups: list[Group]) -> list[Group]:
    """'A, B 등 기업과 C가 참여': a list closed by '등 <noun>와' goes on with the next name, so
    both lists are one subject."""
    joined: list[Group] = []
    for group in groups:
        if joined:
            last = joined[-1]
            if (
                last.case == "com"
                and last.end > last.members[-1].after
                and text[last.end : group.start].strip() == ""
                and not last.ref
                and not group.ref
            ):
                joined[-1] = Group(last.members + group.members, group.case, last.start, group.end)
                continue
        joined.append(group)
    return joined


def party_refs(
    text: str, offset: int, history: list[Group], sentence_groups: list[Group]
) -> list[Group]:
    """Groups standing for "3사", "양사", "두 회사": the latest earlier group of that size."""
    refs: list[Group] = []
    for match in _PARTY_REF.finditer(text):
        count = int(match["n"]) if match["n"] else _WORD_COUNT.get(match["w"] or "", 2)
        if match["ref"] == "이들":
            count = 0
        if match["one"]:
            count = 1  # '이 회사는': the latest organisation named alone as a subject
        particle = match["particle"]
        if particle and not is_particle_run(particle):
            continue
        start = offset + match.start()
        least = 1 if count == 1 else 2
        earlier = [g for g in history + sentence_groups if g.end <= start and len(g.keys) >= least]
        fitting = [g for g in earlier if count in (0, len(g.keys))]
        if count == 1:
            fitting = [g for g in fitting if g.case == "subj"][-1:]
        # "두 회사" are the pair the story is about (a subject), not examples named in passing.
        actors = [g for g in fitting if g.case in ("subj", "com")]
        chosen = (actors or fitting)[-1] if fitting else None
        if chosen is None:
            continue
        particle = strip_plural(particle)
        case = case_of(particle)
        refs.append(Group(list(chosen.members), case, start, offset + match.end(), ref=True))
    return refs


def _joins(
    text: str, left: Mention, right: Mention, descriptive: Descriptive | None = None
) -> bool:
    """Whether two neighbouring names are one list: 'A와 B' (nothing between), or 'A, B',
    'A·B', 'A 및 B' with no particle on A and no line break between; the name after the
    coordinator may come with words describing it ('A와 대전의 B')."""
    between = text[left.after : right.start]
    if "\n" in between:
        return False
    if left.particle in ("와", "과", "하고", "랑", "이랑"):
        return between.strip() == "" or _described(between, left.after, descriptive)
    if left.particle in ("을", "를") and _INCLUDING.fullmatch(between):
        return True  # 'A를 비롯해 B, C 등': A heads the list
    if left.particle:
        return False
    aside = _PAREN_ASIDE.match(between)
    offset = aside.end() if aside else 0
    between = between[offset:]  # '한국과학기술원(KAIST), 한양대': transparent
    stripped = between.strip(CLOSERS + " ")
    if _COORDINATOR.fullmatch(stripped) is not None:
        return True
    coordinator = _LIST_COORDINATOR.match(between)
    return coordinator is not None and _described(
        between[coordinator.end() :], right.start - len(between) + coordinator.end(), descriptive
    )


def _described(gap: str, start: int, descriptive: Descriptive | None) -> bool:
    """Whether the gap before a list's next name is a short description of it."""
    words = gap.split()
    return (
        descriptive is not None
        and 0 < len(words) <= _MAX_DESCRIPTOR_WORDS
        and not any(w in _NOT_DESCRIPTORS for w in words)
        and descriptive(start, start + len(gap))
    )


def _close(
    text: str, members: list[Mention], headline: bool, next_start: int | None = None
) -> Group:
    """The group of ``members`` with its case: the last member's particle, or the particle
    after '등 …' that closes the list; a headline's 'A, B, …' is its subject."""
    last = members[-1]
    case = last.case
    end = last.after
    if not last.particle:
        glued = _ETC_GLUED.match(text, last.after)
        etc = glued or _ETC.match(text, last.after)
        if etc:
            case = case_of(etc["particle"] or etc["copula"])
            end = etc.end()
            # "A, B 등 언론사와 교육기업이": descriptors joined by '와' share the list's case.
            more = _DESCRIPTOR_AFTER.match(text, end)
            if case == "com" and more and (next_start is None or next_start > more.end()):
                case = case_of(more["particle"])
                end = more.end()
        elif headline and text[last.after : last.after + 1] == ",":
            case = "subj"
        elif unit := _SUB_UNIT.match(text, last.after):
            # '가람대학교 교육대학원이': a part of the organisation carries the case for it
            case = case_of(unit["particle"])
            end = unit.end()
    elif last.particle in ("을", "를") and (head := _INCLUDING_HEAD.match(text, last.after)):
        # 'A와 B를 비롯한 9개사가': the phrase 'including A and B' modifies carries the case
        case = case_of(head["particle"])
        end = head.end()
    elif case == "com" and re.match(r"\s*함께", text[last.after :]) is None:
        case = "com"
    return Group(list(members), case, members[0].start, end)
