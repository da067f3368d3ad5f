"""Mentions of organisations, products and alliances, and how Korean groups them.

A mention is a span of ``Article.text`` resolved to an entity key: a registry id, or a
candidate the registry lacks (found by suffix rules: "…연구원", "…전자", quoted
"'…얼라이언스'", "…플랫폼(ABC)"). Korean marks a name's role with the particle glued to it
("KT와 LG전자, LG유플러스가" is one subject list), so every mention records its particle
and consecutive mentions are joined into groups with one grammatical case.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from allygraph.loaders.registry import Registry
from allygraph.loaders.text import HANGUL_RUN, is_particle_run
from allygraph.models import ORGANIZATION_TYPES

ORG_TYPES = ORGANIZATION_TYPES
_CLOSERS = "'\"’”」』>〉》"

# Grammatical case of a group, from the particle of its last member.
_CASES: dict[str, str] = {}
for _case, _particles in {
    "subj": "가 이 은 는 도 께서 만 이나 나 이란 란 만이 이라는 라는",
    "obj": "을 를",
    "gen": "의 의한",
    "com": "와 과 하고 랑 이랑 와의 과의 와는 과는 와도 과도",
    "loc": "에 에서 에게 로 으로 에는 에도 에서도 에서는 로는 으로는 로부터 으로부터 에서만 에게는",
    "pred": "이다 다 였다 이었다 이며 며 이고 고 이자 자 인",
}.items():
    for _p in _particles.split():
        _CASES[_p] = _case

_COORDINATOR = re.compile(r"\s*(?:[,·/&+\-]|및|그리고|,\s*그리고|와|과)?\s*")
_ETC = re.compile(
    r"\s*등(?:\s+[^\s]+){0,4}?\s+[^\s]*?(?P<particle>이|가|은|는|을|를|의|에|과|와)(?=\s)"
)

_DESCRIPTOR_AFTER = re.compile(
    r"\s+(?:[가-힣A-Za-z]+\s+)?[가-힣A-Za-z]*?(?:기업|업체|기관|회사|사|대학|스타트업)"
    r"(?:\s*\d+\s*(?:곳|개사))?(?P<particle>이|가|은|는|도)(?=\s)"
)
# "네이버, 카카오브레인 등과 경쟁": the list's case is the particle glued to 등.
_ETC_GLUED = re.compile(r"\s*등(?P<particle>과|와|과도|와도|이|가|은|는|을|를|의|에|도|에서)(?=\s)")

# Unknown organisations, by the suffix their names end with.
_ORG_SUFFIX = re.compile(
    r"(?<![\w가-힣])(?P<name>(?:[A-Z][A-Za-z&]*\s?)?[가-힣A-Za-z0-9&]{1,14}"
    r"(?P<suffix>대학교|과학기술원|연구원|연구소|진흥원|재단|은행|증권|중공업|전자|그룹|지주|홀딩스|병원|의료원|"
    r"손해보험|생명|카드|"
    r"텔레콤|건설|제약|바이오로직스|모빌리티|엔터테인먼트|디스플레이|반도체|네트웍스|테크놀로지스?|"
    r"랩스|게임즈|캐피탈|자산운용|생명보험|화재|공사|공단|협회|위원회|항공|뱅크|"
    r"\sInc\.?|\sCorp\.?|Inc\.?|Corp\.?|Corporation|Labs?|Technologies|University|Institute))"
    r"(?![A-Za-z0-9])"
)
_ORG_SUFFIX_TYPES = {
    "대학교": "University", "University": "University", "과학기술원": "University",
    "연구원": "ResearchInstitute", "연구소": "ResearchInstitute", "Institute": "ResearchInstitute",
    "진흥원": "GovernmentBody", "공단": "GovernmentBody", "위원회": "GovernmentBody",
}  # fmt: skip
# Common nouns that end like organisation names ("시중은행", "가전전자").
_NOT_ORG_PREFIX = re.compile(
    r"^(?:시중|인터넷|지방|국책|외국계|대형|중소|국내|해외|글로벌|주요|대기업|계열|관련|정부|민간|국립|"
    r"공공|출연|정부출연|산하|각|자사|타사|경쟁|협력|투자|저축|상업|중앙|신생|전문|소속|부설|기업|"
    r"연구|책임|선임|수석|객원|외부|내부|해당|모|이|그|이들|두|세|양|전|현|신|구|가전|소형|대|종합|"
    r"디지털|금융|한국|미국|중국|일본|유럽|세계|국제|지역|업계|전체|일반|다른|여러|여타|타|AI|인공지능|"
    r"인터넷전문|차세대|온디바이스|시스템|메모리|차량용|전력|팹리스|파운드리|국산|토종|지능형|첨단|"
    r"대학|종합|상급|상급종합|요양|동물|거점|치과|한방|협력|참여|신용|체크|법인|개인|교통|포인트|"
    r"종신|보장|사회|문화|장학|복지|공익)$"
)
_LIST_UNIVERSITY = re.compile(r"(?<![가-힣])(?P<name>[가-힣]{2,4}대)(?=[,·]|\s*(?:등|와|과|및))")

# Unknown products: a noun phrase ending in a product noun, with a Latin name in parentheses.
_PRODUCT_NOUN = (
    r"플랫폼|서비스|솔루션|스피커|비서|음성비서|챗봇|어시스턴트|모델|엔진|앱|애플리케이션|칩|"
    r"반도체|로봇|시스템|클라우드|OS|운영체제|단말|기기|NPU|GPU|TPU|가속기|프로세서|SDK|개발\s?도구|"
    r"툴킷|소프트웨어\s?플랫폼"
)
_QUOTED_WITH_LATIN = re.compile(r"(?P<name>[^()]{2,15})\((?P<en>[A-Za-z][A-Za-z0-9 .\-]{1,30})\)")
# Acronyms that name a kind of thing, not a product ('거대언어모델(LLM)').
_GENERIC_ACRONYM_WORDS = """
LLM SLM LMM AI GPU NPU CPU TPU SDK API SaaS PaaS IaaS OS SW HW IoT XR VR AR ML DL
"""
_GENERIC_ACRONYM = frozenset(_GENERIC_ACRONYM_WORDS.split())
_PRODUCT_PAREN = re.compile(
    r"(?P<np>(?:[가-힣A-Za-z0-9·]+\s){0,3}[가-힣A-Za-z0-9·]*(?:" + _PRODUCT_NOUN + r"))"
    r"\((?P<en>[A-Za-z][A-Za-z0-9 .\-]{1,30})\)"
)
_PRODUCT_DESCRIPTOR = re.compile(
    r"(?:" + _PRODUCT_NOUN + r")(?:인|이자)?\s+(?:'(?P<q>[^']{2,20})'|"
    r"(?P<ko>[가-힣A-Za-z0-9]{2,12})\((?P<en>[A-Za-z][A-Za-z0-9 .\-]{1,30})\)|"
    r"(?P<lat>[A-Z][A-Za-z0-9]*(?:[\- ][A-Z0-9][A-Za-z0-9]*)?(?: \d+(?:\.\d+)?)?)"
    r"(?=(?:은|는|이|가|을|를|의|에|에서|와|과|도|로|으로)?[\s,.]))"
)
_NOT_NP_WORD = re.compile(
    r"(?:는|은|인|한|된|던|할|될|있는|없는|의|을|를|이|가|에|와|과|도|로|서|고|며)$"
)

# Alliances named in quotes, and generic descriptions of one ('AI 동맹').
_ALLIANCE_SUFFIX = r"동맹|얼라이언스|연합체|연합|협의체|협의회|컨소시엄|원팀|협력체|Alliance|Forum"
_QUOTED_ALLIANCE = re.compile(
    r"['‘\"“](?P<name>[^'’\"”\n]{0,30}?\s?(?:" + _ALLIANCE_SUFFIX + r"))['’\"”]"
)
# A field word and a common noun ('AI 동맹', '반도체 연합') describe an alliance; a coined
# name ('모빌리티 얼라이언스', 'AI 원팀', 'K-UAM 원팀') names one.
_GENERIC_FIELD = re.compile(
    r"^(?:AI|인공지능|5G|6G|ICT|IT|반도체|배터리|모빌리티|클라우드|디지털|데이터|통신|메타버스|로봇|"
    r"자율주행|K|한미|한일|한중|글로벌|전략|기술|혈맹)?\s?(?:동맹|연합|연합체|협력체|혈맹)$"
)
# Quoted names with a weaker suffix ('UAM 퓨처팀') count only when the sentence founds them.
_TEAM_NAME = r"['‘\"“](?P<name>[^'’\"”\n]{1,30}?(?:팀|연대|네트워크|클럽))['’\"”]"
_QUOTED_TEAM = re.compile(
    _TEAM_NAME + r"(?=[^.\n]{0,30}?(?:결성|출범|발족|꾸렸|꾸린|꾸려|구성했|구성한|창립))"
)
# ... or right after a founding verb or an alliance noun: "결성한 데이터 동맹 '1T 클럽'".
_QUOTED_TEAM_AFTER = re.compile(
    r"(?:(?:결성|출범|발족|창립)한|꾸린|만든|동맹|연합|협의체|연합체)\s" + _TEAM_NAME
)
# '<organisation> 컨소시엄': a bid consortium, named after the organisation that leads it.
_NAMED_CONSORTIUM = re.compile(r"\s?컨소시엄")
# Bare references to an alliance named before ('얼라이언스는', '이 연합', '원팀에서').
_ALLIANCE_REF = re.compile(
    r"(?:(?<![가-힣A-Za-z0-9])(?P<det>이|이번|해당|동|같은|그|양)\s)?(?<![가-힣A-Za-z0-9\-])"
    r"(?P<word>얼라이언스|컨소시엄|원팀|연합체|연합|동맹|협의체|포럼)(?P<particle>[가-힣]*)"
)
_WEAK_REF_WORDS = frozenset({"연합", "동맹"})
_REF_PREVIOUS = re.compile(
    r"(?:^|[.?!\n]\s*|(?:\d+\s?(?:월|일|년)|지난해|올해|작년|이날|최근|또|한편|이에|특히|반면|"
    r"현재|당시|앞서|이후|[가-힣]+(?:은|는|이|가|을|를|에서|에는|도))\s)$"
)
# Affiliates named with their group's brand ('한화시스템', '카카오헬스케어', 'NHN클라우드').
_AFFILIATE = re.compile(
    r"(?<![\w가-힣])(?P<name>(?:삼성|LG|SK|현대|한화|롯데|카카오|네이버|KT|CJ|두산|포스코|GS|신세계|"
    r"코오롱|효성|NHN|HD현대|한진|LS|HL|셀트리온|아모레|대한|아시아나)[가-힣A-Za-z&]{2,10})"
)
_NOT_AFFILIATE = re.compile(
    r"(?:사옥|본사|관계자|직원|주가|계열사|계열|그룹사|임원|사장|회장|대표|제품|서비스|측|사업|부문|"
    r"민국|항공교통|톡|페이|뱅크|주식|지분|컨소시엄|연합|동맹|얼라이언스|원팀|센터|타워|캠퍼스)$"
)

# References to parties named before: "3사", "양사", "두 회사", "이들 기업".
_PARTY_REF = re.compile(
    r"(?<![가-힣0-9])(?P<ref>(?P<n>[2-9])\s?(?:개\s?)?사|양사|양\s사|양측|(?P<w>두|세|네)\s(?:회사|기업|업체|곳)|"
    r"이들\s(?:기업|회사|업체)|이들)(?P<particle>[가-힣]*)"
)
_WORD_COUNT = {"두": 2, "세": 3, "네": 4}


@dataclass(slots=True)
class Candidate:
    """An entity the registry lacks, proposed by a rule; kept only if the article uses it."""

    key: str
    type: str
    name: str
    name_en: str | None = None
    aliases: list[str] = field(default_factory=list)


# Gives a candidate its entity id (the rule extractor owns slugs and collisions).
NewKey = Callable[[Candidate], str]


@dataclass(slots=True)
class Mention:
    """A name in the text: ``start``/``end`` cover the name, ``particle`` what follows it."""

    start: int
    end: int
    key: str
    type: str
    surface: str
    particle: str = ""
    after: int = 0  # offset just past the particle
    new: bool = False
    name_en: str | None = None
    generic: bool = False  # a description ('AI 동맹') rather than a name
    ref: bool = False  # a bare reference ('얼라이언스는') to an alliance named before

    @property
    def is_org(self) -> bool:
        return self.type in ORG_TYPES

    @property
    def case(self) -> str:
        return _CASES.get(self.particle, "bare")


@dataclass(slots=True)
class Group:
    """Mentions joined by '와/과', ',', '·' or '-' into one list with one case."""

    members: list[Mention]
    case: str
    start: int
    end: int
    ref: bool = False  # a "3사"-style reference to an earlier group

    @property
    def keys(self) -> list[str]:
        seen: list[str] = []
        for m in self.members:
            if m.key not in seen:
                seen.append(m.key)
        return seen


def attach_particle(text: str, mention: Mention) -> Mention:
    """Record the particle glued after the mention (past a closing quote)."""
    pos = mention.end
    while pos < len(text) and text[pos] in _CLOSERS:
        pos += 1
    aside = _ASIDE.match(text, pos)
    if aside:  # "Moreh Inc.(대표 조강원, 이하 모레)는": the particle after the aside
        pos = aside.end()
    run = HANGUL_RUN.match(text, pos)
    particle = run.group() if run else ""
    if particle and is_particle_run(particle):
        mention.particle = _strip_plural(particle)
        mention.after = pos + len(particle)
    else:
        mention.particle = ""
        mention.after = pos
    return mention


_ASIDE = re.compile(r"\((?:대표|이하|회장|사장|CEO)[^()\n]{0,40}\)")
_AFTER_CONSONANT = ("은", "이", "을", "과", "으")
_AFTER_VOWEL = ("는", "가", "를", "와", "로")


def _has_final(char: str) -> bool:
    """Whether a Hangul syllable ends in a consonant (받침): '템' yes, '오' no."""
    return "가" <= char <= "힣" and (ord(char) - 0xAC00) % 28 != 0


def _strip_particles(word: str, keep: int = 4) -> str:
    """'한화시스템은' -> '한화시스템', '카카오페이' stays: a particle must fit the syllable
    before it ('은/이/을/과' after a final consonant, '는/가/를/와/로' after a vowel)."""
    for cut in range(keep, len(word)):
        rest = word[cut:]
        if not is_particle_run(rest):
            continue
        if rest.startswith(_AFTER_CONSONANT) and not _has_final(word[cut - 1]):
            continue
        if (
            rest.startswith(_AFTER_VOWEL)
            and _has_final(word[cut - 1])
            and not rest.startswith("로")
        ):
            continue
        return word[:cut]
    return word


def _strip_plural(particle: str) -> str:
    for prefix in ("들", "측"):
        if particle.startswith(prefix):
            particle = particle[len(prefix) :]
    return particle


def registry_mentions(text: str, registry: Registry) -> list[Mention]:
    mentions = []
    for hit in registry.gazetteer.scan(text):
        entry = hit.entry
        mention = Mention(hit.start, hit.end, entry.id, entry.type, text[hit.start : hit.end])
        mentions.append(attach_particle(text, mention))
    return mentions


def unknown_org_mentions(
    text: str,
    registry: Registry,
    taken: list[tuple[int, int]],
    new_key: NewKey,
    seen: list[Mention] | None = None,
) -> list[Mention]:
    """Organisations the registry lacks, by name suffix (and "X대" inside a list of names)."""
    found: list[Mention] = []
    for match in _ORG_SUFFIX.finditer(text):
        start, end = match.span("name")
        name = match["name"]
        prefix = name[: -len(match["suffix"])].strip()
        if not prefix or _NOT_ORG_PREFIX.match(prefix) or _overlaps(start, end, taken):
            continue
        if prefix.isdigit() or (len(prefix) < 2 and not prefix.isascii()):
            continue
        run = HANGUL_RUN.match(text, end)
        if run and run.group() and not is_particle_run(run.group()):
            glued = re.fullmatch(r"장관?(?P<p>[가-힣]*)", run.group())
            if not (glued and (not glued["p"] or is_particle_run(glued["p"]))):
                continue  # but '서울아산병원장은': the head's title glued to the name
        entry = registry.lookup(name)
        key, kind = (entry.id, entry.type) if entry else (None, None)
        en = _parenthesised_latin(text, end)
        if en:
            end = text.index(")", end) + 1
        short = shortened_registry_name(name, registry, seen or []) if key is None else None
        if short is not None:
            key, kind, entry = short, registry.get(short).type, registry.get(short)  # type: ignore[union-attr]
        if key is None:
            kind = _ORG_SUFFIX_TYPES.get(match["suffix"].strip().rstrip("."), "Company")
            key = new_key(Candidate(key="", type=kind, name=name, name_en=en))
        found.append(attach_particle(text, Mention(start, end, key, kind, name, new=entry is None)))
        taken.append((start, end))
    for match in _AFFILIATE.finditer(text):
        start = match.start("name")
        name = _strip_particles(match["name"])
        end = start + len(name)
        if registry.lookup(name) is not None or _overlaps(start, end, taken):
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
    for match in _LIST_UNIVERSITY.finditer(text):
        start, end = match.span("name")
        if _overlaps(start, end, taken) or _NOT_ORG_PREFIX.match(match["name"][:-1]):
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


def unknown_product_mentions(
    text: str, taken: list[tuple[int, int]], new_key: NewKey
) -> list[Mention]:
    """Products the registry lacks: '…플랫폼(GEPP)' or a quoted/English-named product after
    a product noun ("AI 스피커 'X'", "음성비서 X(Y)")."""
    found: list[Mention] = []
    for match in _PRODUCT_PAREN.finditer(text):
        if match["en"].strip() in _GENERIC_ACRONYM:
            continue
        words = match["np"].split()
        while len(words) > 1 and (_NOT_NP_WORD.search(words[0]) or re.search(r"\d", words[0])):
            words.pop(0)
        name = " ".join(words)
        end = match.end()
        start = end - len(match["en"]) - 2 - len(name)
        if len(words) < 2 or _overlaps(start, end, taken):
            continue
        key = new_key(Candidate(key="", type="Product", name=name, name_en=match["en"]))
        found.append(attach_particle(text, Mention(start, end, key, "Product", name, new=True)))
        taken.append((start, end))
    for match in _PRODUCT_DESCRIPTOR.finditer(text):
        group = "q" if match["q"] else "ko" if match["ko"] else "lat"
        if group == "lat" and (match["lat"] in _GENERIC_ACRONYM or len(match["lat"]) < 2):
            continue  # '플랫폼 CUDA' names one; 'NPU SDK' or a bare 'AI' does not
        start, end = match.span(group)
        if match["en"]:
            end = match.end()
        name, en = match[group], match["en"]
        inner = _QUOTED_WITH_LATIN.fullmatch(name) if group == "q" else None
        if inner:  # "'레니게이드(RNGD)'": the name and its Latin spelling
            name, en = inner["name"].strip(), inner["en"]
        if _overlaps(start, end, taken):
            continue
        key = new_key(Candidate(key="", type="Product", name=name, name_en=en))
        found.append(attach_particle(text, Mention(start, end, key, "Product", name, new=True)))
        taken.append((start, end))
    return found


def quoted_alliance_mentions(
    text: str, registry: Registry, taken: list[tuple[int, int]], new_key: NewKey
) -> list[Mention]:
    """Alliances named in quotes, and the same names again later without quotes."""
    found: list[Mention] = []
    matches = [
        *_QUOTED_ALLIANCE.finditer(text),
        *_QUOTED_TEAM.finditer(text),
        *_QUOTED_TEAM_AFTER.finditer(text),
    ]
    for match in sorted(matches, key=lambda m: m.start("name")):
        start, end = match.span("name")
        name = match["name"].strip()
        if _overlaps(start, end, taken) or len(name) < 3:
            continue
        entry = registry.lookup(name)
        if entry is not None and entry.type != "Alliance":
            continue
        generic = entry is None and _GENERIC_FIELD.match(name) is not None
        key = entry.id if entry else new_key(Candidate(key="", type="Alliance", name=name))
        mention = Mention(start, end, key, "Alliance", name, new=entry is None, generic=generic)
        found.append(attach_particle(text, mention))
        taken.append((start, end))
    for known in list(found):
        if not known.new or known.generic or len(known.surface) < 4:
            continue
        for match in re.finditer(re.escape(known.surface), text):
            start, end = match.span()
            if _overlaps(start, end, taken):
                continue
            if start > 0 and text[start - 1].isalnum():
                continue
            run = HANGUL_RUN.match(text, end)
            if run and run.group() and not is_particle_run(run.group()):
                continue
            mention = Mention(start, end, known.key, "Alliance", known.surface, new=True)
            found.append(attach_particle(text, mention))
            taken.append((start, end))
    return found


def consortium_mentions(
    text: str, orgs: list[Mention], new_key: NewKey
) -> tuple[list[Mention], dict[str, str]]:
    """'KT 컨소시엄': an alliance named after its lead; returns the mentions and lead of each."""
    found: list[Mention] = []
    leads: dict[str, str] = {}
    names: dict[str, str] = {}
    for org in orgs:
        if not org.is_org or org.particle:
            continue
        match = _NAMED_CONSORTIUM.match(text, org.end)
        if match is None:
            continue
        run = HANGUL_RUN.match(text, match.end())
        if run and run.group() and not is_particle_run(run.group()):
            continue
        name = f"{org.surface} 컨소시엄"
        if name not in names:
            names[name] = new_key(Candidate(key="", type="Alliance", name=name))
        key = names[name]
        leads[key] = org.key
        mention = Mention(org.start, match.end(), key, "Alliance", name, new=True)
        found.append(attach_particle(text, mention))
    return found, leads


def alliance_refs(text: str, mentions: list[Mention]) -> list[Mention]:
    """'얼라이언스는', '이 연합', '9월 원팀에': the alliance most recently named before.

    Only where the word stands alone: at a sentence start, after a date or a word ending in
    a particle, or with a determiner ('이', '이번', '해당'). A modifier before it ('경쟁 연합',
    '새 동맹', '협력을 위한 동맹') makes it some other, unnamed grouping, and a quoted name
    after it ("연합체 'AI 얼라이언스'") is that name's apposition.
    """
    alliances = [m for m in mentions if m.type == "Alliance" and not m.ref]
    orgs = [m for m in mentions if m.is_org]
    leads = {m.key: m.surface for m in alliances if m.surface.endswith(" 컨소시엄")}
    found: list[Mention] = []
    for match in _ALLIANCE_REF.finditer(text):
        start, end = match.span("word")
        particle = match["particle"]
        if particle and not is_particle_run(particle):
            continue
        if any(m.start <= start < m.end for m in mentions):
            continue
        if re.match(r"\s?['‘\"“]", text[end + len(particle) :]):
            continue
        earlier = [m for m in alliances if m.end <= start]
        if not earlier:
            continue
        target = (
            _named_consortium(text, start, orgs, alliances, leads)
            if match["word"] == "컨소시엄"
            else None
        )
        if target is None and not match["det"]:
            if match["word"] in _WEAK_REF_WORDS and not re.search(
                r"(?:^|[.?!\n]\s*)$", text[:start]
            ):
                continue
            if not _REF_PREVIOUS.search(text[max(0, start - 40) : start]):
                continue
        target = target or earlier[-1]
        mention = Mention(start, end, target.key, "Alliance", "", new=target.new, ref=True)
        found.append(attach_particle(text, mention))
    return found


def _named_consortium(
    text: str, start: int, orgs: list[Mention], alliances: list[Mention], leads: dict[str, str]
) -> Mention | None:
    """'<X>는 … 컨소시엄을 꾸리고': the consortium named after X, the clause's subject."""
    clause = re.split(r"[.?!]\s", text[max(0, start - 80) : start])[-1]
    for org in orgs:
        if org.end <= start and start - org.end <= len(clause) and org.case == "subj":
            for mention in alliances:
                if leads.get(mention.key) == f"{org.surface} 컨소시엄":
                    return mention
    return None


def groups_in(text: str, mentions: list[Mention], headline: bool = False) -> list[Group]:
    """Join consecutive organisation mentions of one sentence into groups with a case."""
    orgs = [m for m in mentions if m.is_org]
    groups: list[Group] = []
    current: list[Mention] = []
    for i, mention in enumerate(orgs):
        current.append(mention)
        nxt = orgs[i + 1] if i + 1 < len(orgs) else None
        if nxt is not None and _joins(text, mention, nxt):
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
        particle = match["particle"]
        if particle and not is_particle_run(particle):
            continue
        start = offset + match.start()
        earlier = [g for g in history + sentence_groups if g.end <= start and len(g.keys) >= 2]
        fitting = [g for g in earlier if count in (0, len(g.keys))]
        # "두 회사" are the pair the story is about (a subject), not examples named in passing.
        actors = [g for g in fitting if g.case in ("subj", "com")]
        chosen = (actors or fitting)[-1] if fitting else None
        if chosen is None:
            continue
        particle = _strip_plural(particle)
        case = _CASES.get(particle, "bare")
        refs.append(Group(list(chosen.members), case, start, offset + match.end(), ref=True))
    return refs


def _joins(text: str, left: Mention, right: Mention) -> bool:
    between = text[left.after : right.start]
    if left.particle in ("와", "과", "하고", "랑", "이랑"):
        return between.strip() == ""
    if left.particle:
        return False
    between = between.strip(_CLOSERS + " ")
    return _COORDINATOR.fullmatch(between) is not None and "\n" not in between


def _close(
    text: str, members: list[Mention], headline: bool, next_start: int | None = None
) -> Group:
    last = members[-1]
    case = last.case
    end = last.after
    if not last.particle:
        glued = _ETC_GLUED.match(text, last.after)
        etc = glued or _ETC.match(text, last.after)
        if etc:
            case = _CASES.get(etc["particle"], "bare")
            end = etc.end()
            # "A, B 등 언론사와 교육기업이": descriptors joined by '와' share the list's case.
            more = _DESCRIPTOR_AFTER.match(text, end)
            if case == "com" and more and (next_start is None or next_start > more.end()):
                case = _CASES.get(more["particle"], "bare")
                end = more.end()
        elif headline and text[last.after : last.after + 1] == ",":
            case = "subj"
    elif case == "com" and re.match(r"\s*함께", text[last.after :]) is None:
        case = "com"
    return Group(list(members), case, members[0].start, end)


def _parenthesised_latin(text: str, end: int) -> str | None:
    match = re.match(r"\(([A-Za-z][A-Za-z0-9 &.\-]{1,40})\)", text[end : end + 45])
    return match.group(1) if match else None


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)


def _near_org(text: str, start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """'X대' counts as a university only inside a list of other organisations."""
    return any(abs(a - end) <= 3 or abs(start - b) <= 3 for a, b in taken)


# "<organisation>의 '<name>'": the press quotes product names after their maker.
_GENITIVE_QUOTED = re.compile(r"\s?['‘\"“](?P<name>[^'’\"”\n]{2,15})['’\"”]")
_NOT_PRODUCT_NAME = re.compile(
    r"(?:협약|계약|파트너십|전략|비전|캠페인|프로젝트|사업|센터|" + _ALLIANCE_SUFFIX + r")$"
)


def genitive_products(text: str, mentions: list[Mention], new_key: NewKey) -> list[Mention]:
    """'리벨리온의 '아톰'': a quoted short name right after an organisation's genitive."""
    found: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    for org in mentions:
        if not org.is_org or org.particle != "의":
            continue
        match = _GENITIVE_QUOTED.match(text, org.after)
        if match is None:
            continue
        start, end = match.span("name")
        name = match["name"].strip()
        if len(name.split()) > 3 or _NOT_PRODUCT_NAME.search(name) or _overlaps(start, end, taken):
            continue
        run = HANGUL_RUN.match(text, match.end())
        if run and run.group() and not is_particle_run(run.group()):
            continue
        key = new_key(Candidate(key="", type="Product", name=name))
        mention = Mention(start, end, key, "Product", name, new=True)
        found.append(attach_particle(text, mention))
        taken.append((start, end))
    return found


# --- names inside names, lists that reveal organisations, "이하 X" aliases -------------------


def quoted_alliance_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted alliance names ('온디바이스 AI 얼라이언스', 'Open AI Infra Alliance')."""
    spans = []
    for pattern in (_QUOTED_ALLIANCE, _QUOTED_TEAM, _QUOTED_TEAM_AFTER):
        for match in pattern.finditer(text):
            name = match["name"].strip()
            if len(name) >= 3 and len(name.split()) <= 6:
                spans.append(match.span("name"))
    return spans


def drop_inside_names(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """A registered name inside a longer quoted alliance name ('AI 얼라이언스' in '온디바이스 AI
    얼라이언스', '하이퍼클로바X' in '하이퍼클로바X 생태계 얼라이언스') is part of that name."""
    kept = []
    for m in mentions:
        inside = any(
            a <= m.start
            and m.end <= b
            and (m.start, m.end) != (a, b)
            and (not m.particle or m.end == b)
            for a, b in spans
        )
        if not inside:
            kept.append(m)
    return kept


# A list names organisations: "A, B, C 등 기업", "A와 B가" beside a known one.
_LIST_WORD = re.compile(
    r"(?P<word>[가-힣A-Za-z0-9][가-힣A-Za-z0-9&.\-]*?)"
    r"(?P<particle>와|과|이|가|은|는|도|을|를|의|에|와의|과의|와도|과도|에는|에서|에서는)?"
    r"(?=[,·(]|\s+등|\s|$)"
)
_LIST_ETC = re.compile(
    r"\s*등(?:\s+[^\s,.]+){0,3}?\s*(?:[^\s,.]*?(?:기업|업체|스타트업|회사|기관|대학|대학교|은행|"
    r"증권사|통신사|금융사|금융지주|제조사|언론사|플랫폼사|빅테크|연구소|연구기관|단체|곳|개사|"
    r"\d+\s*사)|\d+\s*(?:곳|개사|개|여\s*곳|여곳))"
)
_NOT_LIST_ORG_WORDS = """
정부 기업 대기업 중소기업 중견기업 스타트업 업계 학계
산업계 대학 연구기관 기관 지자체 공공기관 국내 해외
글로벌 고객 고객사 소비자 시민 국민 전문가 연구진
교수진 학생 투자자 주주 이용자 반도체 클라우드 인공지능
플랫폼 서비스 데이터 기술 빅테크 회원사 파트너 파트너사
협력사 계열사 자회사 모회사 경쟁사 미국 중국 일본 유럽
한국 국가 지역 지방 서울 부산 대전 광주 대구 인천 울산
세종 경기 함께 각각 이날 최근 현재 또한 특히 이번 지난해
올해 내년 통신사 이동통신사 은행 증권사 언론사 금융사
제조사 협회 학회 병원 의료기관 정부부처 부처 정치권
국회 여당 야당 노조 직원 임직원 개발자 연구자 스마트폰
가전 자동차 로봇 소프트웨어 하드웨어 보안 금융 의료
교육 제조 유통 통신 방송 콘텐츠 게임 모빌리티 에너지
바이오 헬스케어 물류 커머스 핀테크 사업 분야 산업 AI IT
ICT IoT LLM GPU NPU CPU CEO CTO CFO MOU R&D SW HW DX AX UAM 5G 6G ESG API SaaS
HBM NFT XR VR AR B2B B2C
"""
_NOT_LIST_ORG = frozenset(_NOT_LIST_ORG_WORDS.split())
_VERBISH = re.compile(r"(?:고|며|서|거나|는데|지만|하|해|했|한|된|던|온|어|게|히|이|적)$")
_NOT_LIST_ORG_END = re.compile(
    r"(?:" + _ALLIANCE_SUFFIX + r"|협의회|포럼|협약|계약|파트너십|제휴|협력|사업|프로젝트|"
    r"센터|분야|시장|기술|서비스|플랫폼|솔루션|모델|제품|행사|회의|논의)$"
)
_COUNTED = re.compile(r"\d+(?:일|월|년|곳|개|억|조|만)")
_LIST_TYPE = (
    ("대학", "University"),
    ("연구", "ResearchInstitute"),
)


def list_org_mentions(
    text: str, mentions: list[Mention], registry: Registry, new_key: NewKey
) -> list[Mention]:
    """Unknown organisations named in a list with known ones ("펭귄솔루션스와 LS일렉트릭도",
    "리벨리온, 모레, 한국전자기술연구원과") or in a list the article calls companies
    ("딥엑스, 모빌린트, 노타 등 AI 반도체 기업 20곳").

    A list item is one word between list punctuation (',' '·' '와/과' '등'); common nouns
    ("정부", "고객", "반도체") never count.
    """
    taken = [(m.start, m.end) for m in mentions]
    known = sorted((m for m in mentions if m.is_org), key=lambda m: m.start)
    found: list[Mention] = []
    for lst in _lists(text):
        items = lst["items"]
        has_known = any(_span_of(it, known) is not None for it in items)
        typed = lst["etc"]
        if not has_known and not (typed and len(items) >= 2):
            continue
        kind = "Company"
        if typed:
            for word, etype in _LIST_TYPE:
                if word in typed and "기업" not in typed:
                    kind = etype
        for start, end, word in items:
            if _span_of((start, end, word), known) is not None or _overlaps(start, end, taken):
                continue
            if not _org_like(word):
                continue
            entry = registry.lookup(word)
            if entry is not None:
                if entry.strict and entry.type in ORG_TYPES:  # '모레' is a word, but in a list
                    mention = Mention(start, end, entry.id, entry.type, word)
                    found.append(attach_particle(text, mention))
                    taken.append((start, end))
                continue
            suffix = _ORG_SUFFIX.fullmatch(word)
            etype = _ORG_SUFFIX_TYPES.get(suffix["suffix"], "Company") if suffix else kind
            key = new_key(Candidate(key="", type=etype, name=word))
            found.append(attach_particle(text, Mention(start, end, key, etype, word, new=True)))
            taken.append((start, end))
    return found


def _span_of(item: tuple[int, int, str], known: list[Mention]) -> Mention | None:
    start, end, _ = item
    for m in known:
        if m.start <= start < max(m.end, m.after) or start <= m.start < end:
            return m
    return None


def _org_like(word: str) -> bool:
    if _VERBISH.search(word) and not word.isascii():
        return False
    if _NOT_LIST_ORG_END.search(word):
        return False
    if word in _NOT_LIST_ORG or word.isdigit() or _COUNTED.search(word):
        return False
    if word.isascii():
        return (len(word) >= 2 and word[0].isupper() and not word.isupper()) or (
            word.isupper() and 3 <= len(word) <= 6 and word not in _NOT_LIST_ORG
        )
    hangul = sum(1 for ch in word if "가" <= ch <= "힣")
    return 2 <= hangul <= 12 and not _NOT_ORG_PREFIX.match(word)


def _lists(text: str) -> list[dict]:
    """Coordinated word lists: items (start, end, word) and the noun after '등', if any."""
    result: list[dict] = []
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
            sep = re.match(r"(?:\s*[,·]\s*|\s+)", text[end:])
            joined = particle in ("와", "과") and sep and sep.group().strip() == ""
            listed = not particle and sep and sep.group().strip() in (",", "·")
            if not (joined or listed):
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


# "Moreh Inc.(대표 조강원, 이하 모레)": the name the release uses from then on.
_HEREAFTER = re.compile(
    r"\s?\((?:[^()]{0,40}?[,;]\s*)?이하\s+['‘\"“]?(?P<alias>[가-힣A-Za-z0-9&]{2,15})['’\"”]?\)"
)


def hereafter_mentions(
    text: str, mentions: list[Mention], candidates: dict[str, Candidate]
) -> list[Mention]:
    """Mentions of the short name a release introduces with '(이하 X)' after an organisation."""
    found: list[Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    for org in mentions:
        if not org.is_org:
            continue
        match = _HEREAFTER.match(text, org.end)
        if match is None:
            continue
        alias = match["alias"]
        candidate = candidates.get(org.key)
        if candidate is not None and alias not in candidate.aliases and alias != candidate.name:
            candidate.aliases.append(alias)
        for hit in re.finditer(re.escape(alias), text):
            start, end = hit.span()
            if match.start() <= start < match.end() or _overlaps(start, end, taken):
                continue
            if start > 0 and text[start - 1].isalnum():
                continue
            run = HANGUL_RUN.match(text, end)
            if run and run.group() and not is_particle_run(run.group()):
                continue
            if end < len(text) and text[end].isascii() and text[end].isalnum():
                continue
            mention = Mention(start, end, org.key, org.type, alias, new=org.new)
            found.append(attach_particle(text, mention))
            taken.append((start, end))
    return found


def shortened_registry_name(name: str, registry: Registry, seen: list[Mention]) -> str | None:
    """'전자통신연구원' after '한국전자통신연구원': a registered name the article wrote in full,
    shortened by its leading words (the key of that entity), else None."""
    for m in seen:
        entry = registry.get(m.key)
        if entry is None or entry.type not in ORG_TYPES:
            continue
        for surface in entry.surfaces:
            compact = surface.replace(" ", "")
            if len(name) >= 4 and compact != name and compact.endswith(name):
                return entry.id
    return None
