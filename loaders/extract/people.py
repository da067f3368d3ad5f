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

from allygraph.loaders.extract.mentions import Mention
from allygraph.loaders.romanise import SURNAMES, split_person_name
from allygraph.loaders.text import PARTICLES

TITLE_WORDS = (
    "대표이사 사장", "대표이사", "공동대표", "각자대표", "대표", "명예회장", "부회장", "회장",
    "부사장", "사장", "전무", "상무", "이사회 의장", "의장", "이사장", "이사", "부문장",
    "사업부장", "본부장", "부장", "센터장", "연구소장", "소장", "원장", "부총장", "총장", "학장",
    "교수", "장관", "차관", "위원장", "청장", "처장", "실장", "단장", "팀장", "그룹장", "리더",
    "최고경영자", "최고기술책임자", "최고재무책임자", "최고운영책임자", "최고전략책임자",
    "최고디지털책임자", "최고데이터책임자", "최고AI책임자", "최고정보책임자", "최고마케팅책임자",
    "CEO", "CTO", "CFO", "COO", "CSO", "CDO", "CIO", "CMO", "CPO", "CAIO", "창업자", "창업주",
    "고문", "연구위원", "수석연구원", "책임연구원", "의원", "담당",
)  # fmt: skip
# Titles strong enough to mark a bare "<name> <title>" as a person.
_STRONG = frozenset(
    {"대표이사", "공동대표", "대표", "부회장", "회장", "부사장", "사장", "장관", "차관",
     "위원장", "총장", "원장", "교수", "CEO", "CTO", "창업자", "의장", "전무", "상무"}
)  # fmt: skip
_TITLE_END = re.compile(
    r"(?:" + "|".join(sorted((re.escape(t) for t in TITLE_WORDS), key=len, reverse=True)) + r")"
    r"(?:\((?:[A-Za-z가-힣 &]{1,30})\))?$"
)
_POSITION_PAREN = re.compile(r"\((?:왼쪽|오른쪽|가운데|앞줄|뒷줄|위|아래|사진)[^)]{0,10}\)$")
_DEPARTMENT = re.compile(r"(?:부문|사업부|본부|센터|연구소|연구원|실|팀|그룹|사업단|담당|랩|부)$")
# Press releases: "Moreh Inc.(대표 조강원, 이하 모레)".
_PAREN_HEAD = re.compile(
    r"\s?\((?P<title>대표이사|공동대표|대표|회장|사장|CEO|총장|원장|이사장)\s(?P<name>[가-힣]{2,4})[,)]"
)
_TOKEN = re.compile(r"(?:[^\s(]|\([^)]*\))+")
_PARTICLE_SET = frozenset(PARTICLES)
_LONGEST_PARTICLE = max(len(p) for p in PARTICLES)
# Cheap test that a sentence may name anyone by title at all.
_ANY_TITLE = re.compile("|".join(re.escape(t) for t in TITLE_WORDS))
_NAME = re.compile(r"[가-힣]{2,4}")
# Words that look like names (a surname syllable first) but are not.
_NOT_NAME_WORDS = """
이번 이날 지난 한편 이어 이후 이에 전날 최근 정부 국내 해외 현재 당시 향후
오는 올해 내년 작년 주요 신규 기존 모든 각각 양사 자사 하지만 이를 이와
최종 공동 신임 전임 현직 전직 초대 차기 임원 관계자 안팎 전략 지난달 특히
이상 정도 최대 한국 미국 중국 일본 전체 조직 고객 부문 사업 연구 기술 노조
이들 주주 유일 하반기 상반기 제품 서비스 성장 진출 공식 정식 국장 이사 전무
상무 부장 사장 회장 대표 원장 이미 이제 조만간 오늘 내일 어제 전문 이밖에
기자 구체 당장 우선 다만 또한 또 또는 이처럼 이같이 전국 전세계 국제 김씨
이씨 박씨 정씨 고위 전 현 신 구 각 양 반면 이로써 이로 인해 유관 공급
지원 최초 정기 주최 주관 한다 진행 최고 정보 이동 기업 업계 국민 정책 이용
구성 구축 주도 조성 지난해
"""
_NOT_NAMES = frozenset(_NOT_NAME_WORDS.split())


@dataclass(slots=True)
class PersonMention:
    start: int
    end: int
    name: str
    org: Mention | None = None
    title: str | None = None
    short: bool = False  # "박 사장": resolved to a person named before
    aside: bool = False  # "X Inc.(대표 Y)": the organisation stays the sentence's own
    name_en: str | None = None  # a foreign name's Latin spelling ('짐 켈러(Jim Keller)')


def is_person_name(word: str) -> bool:
    return (
        _NAME.fullmatch(word) is not None
        and word not in _NOT_NAMES
        and split_person_name(word) is not None
    )


def find_people(
    text: str, offset: int, orgs: list[Mention], registry_people: list[Mention]
) -> list[PersonMention]:
    """People in one sentence (``text`` starts at ``offset`` in the article)."""
    found: dict[int, PersonMention] = {}
    if not _ANY_TITLE.search(text):
        return [PersonMention(m.start, m.end, m.surface) for m in registry_people]
    for org in orgs:
        if org.particle and org.particle != "의":
            continue
        local_start, local_end = org.start - offset, org.after - offset
        glued = _GLUED_TITLE.match(text, local_end) if not org.particle else None
        if glued:  # '박승일 서울아산병원장', '방승찬 한국전자통신연구원장'
            before = _word_before(text, local_start)
            if before and is_person_name(before[0]):
                start = offset + before[1]
                title = _glued_title(org.surface, glued.group(1))
                found[start] = PersonMention(start, offset + glued.end(1), before[0], org, title)
            continue
        foreign = _foreign_before(text, local_start, registry_people, offset)
        if foreign and not org.particle and text[local_end : local_end + 1] == " ":
            title = parse_title(text, local_end + 1)
            if title:
                name, at, en = foreign
                start = offset + at
                found[start] = PersonMention(
                    start, offset + title[1], name, org, title[0], name_en=en
                )
                continue
        before = _word_before(text, local_start)
        if (
            before
            and is_person_name(before[0])
            and not org.particle
            and text[local_end : local_end + 1] == " "
        ):
            title = parse_title(text, local_end + 1)
            if title:
                start = offset + before[1]
                found[start] = PersonMention(start, offset + title[1], before[0], org, title[0])
                continue
        after = re.match(r" ([가-힣]{2,4}) ", text[local_end:])
        if after and is_person_name(after.group(1)):
            title = parse_title(text, local_end + after.end())
            if title:
                start = offset + local_end + 1
                found[start] = PersonMention(
                    start, offset + title[1], after.group(1), org, title[0]
                )
    for org in orgs:
        head = _PAREN_HEAD.match(text, org.end - offset)
        if head and is_person_name(head["name"]):
            start = offset + head.start("name")
            end = offset + head.end("name")
            found[start] = PersonMention(start, end, head["name"], org, head["title"], aside=True)
    taken = [(o.start, o.end) for o in orgs]
    for match in re.finditer(r"(?<![\w·])([가-힣]{2,4})(?:·([가-힣]{2,4}))* ", text):
        names = re.findall(r"[가-힣]{2,4}", match.group(0))
        start = offset + match.start()
        if any(p.start <= start < p.end for p in found.values()) or any(
            a <= start < b for a, b in taken
        ):
            continue
        title = parse_title(text, match.end())
        if not title or _bare_title(title[0]) not in _STRONG:
            continue
        if not all(is_person_name(n) for n in names):
            continue
        pos = match.start()
        for name in names:
            at = offset + text.index(name, pos)
            found.setdefault(at, PersonMention(at, at + len(name), name))
            pos = at - offset + len(name)
    for mention in registry_people:
        found.setdefault(mention.start, PersonMention(mention.start, mention.end, mention.surface))
    return sorted(found.values(), key=lambda p: p.start)


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
                and (p.title is None or _bare_title(p.title) == _bare_title(title[0]))
            ),
            None,
        )
        if person is not None:
            refs.append(PersonMention(start, offset + title[1], person.name, None, None, True))
    return refs


def parse_title(text: str, pos: int) -> tuple[str, int] | None:
    """The title phrase starting at ``pos``: (title as written, end offset of the phrase).

    Up to four space-separated tokens: department or acronym prefixes ("CTO",
    "AI/DX융합사업부문장") and title words; the phrase stops at a particle or punctuation.
    """
    parts: list[tuple[int, int]] = []
    phrase_end = pos
    cursor = pos
    for _ in range(4):
        token = _TOKEN.match(text, cursor)
        if token is None:
            break
        raw = token.group()
        core = raw.rstrip(",.;:!?'\"’”")
        bare, particle = _split_particle(core)
        cleaned = _POSITION_PAREN.sub("", bare)
        if _TITLE_END.search(cleaned):
            parts.append((token.start(), token.start() + len(cleaned)))
            phrase_end = token.end()
            if core != raw or particle or cleaned != core:
                break
        elif core == raw and not particle and _is_title_prefix(cleaned):
            parts.append((token.start(), token.start() + len(cleaned)))
        else:
            break
        if text[token.end() : token.end() + 1] != " ":
            break
        cursor = token.end() + 1
    while parts and not _TITLE_END.search(text[parts[-1][0] : parts[-1][1]]):
        parts.pop()
    if not parts:
        return None
    return text[parts[0][0] : parts[-1][1]], max(phrase_end, parts[-1][1])


def _bare_title(title: str) -> str:
    last = title.split()[-1]
    return re.sub(r"\(.*\)$", "", last)


def _split_particle(token: str) -> tuple[str, str]:
    for n in range(min(_LONGEST_PARTICLE, len(token) - 1), 0, -1):
        if token[-n:] in _PARTICLE_SET and _TITLE_END.search(token[:-n]):
            return token[:-n], token[-n:]
    return token, ""


def _is_title_prefix(token: str) -> bool:
    """A token that may stand before the title word: 'CTO', 'AI/DX융합사업부문', 'MNO'."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9/&.\-]*", token):
        return True
    return _DEPARTMENT.search(token) is not None and len(token) >= 3


def _word_before(text: str, pos: int) -> tuple[str, int] | None:
    """The word ending one space before ``pos`` and its start, if a space separates them."""
    if pos < 2 or text[pos - 1] != " ":
        return None
    match = re.search(r"(?:^|(?<=[\s,·'\"(‘“]))([가-힣]{2,4})$", text[: pos - 1])
    return (match.group(1), match.start(1)) if match else None


# '박승일 서울아산병원장': the title glued to the organisation's name.
_GLUED_TITLE = re.compile(r"(장관|장)(?=[은는이가을를의과와도,\s]|$)")
_GLUED_SUFFIXES = ("병원", "의료원", "센터", "재단", "협회")


def _glued_title(org: str, glued: str) -> str:
    if glued == "장관":
        return "장관"
    for suffix in _GLUED_SUFFIXES:
        if org.endswith(suffix):
            return suffix + "장"
    return org[-1] + "장"


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
_NOT_FOREIGN_TEXT = """
스타트업 기업 업체 회사 자회사 계열사 관계자 반도체 설계 전설 창업자 출신 글로벌 국내
해외 미국 중국 일본 대만 영국 독일 프랑스 인도 캐나다 이스라엘 현지 업계 전문 기술 최고
함께 이날 당시 직접 모두 각각 또 및 등 그리고 전 현 신임 前 공동 대표 사장 회장
"""
_NOT_FOREIGN_WORDS = frozenset(_NOT_FOREIGN_TEXT.split())


def _foreign_before(
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
    # '<name> <org> <title>' rule's ('앞서 김영섭 KT 대표').
    if match["en"] is None and is_person_name(words[-1]):
        return None
    return name, start, match["en"]


_PARTICLE_END = re.compile(r"(?:은|는|이|가|을|를|의|에|와|과|도|로|서|고|며|한|된|인|적)$")
