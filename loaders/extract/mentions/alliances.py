"""Alliances and consortia: quoted names, names after a lead, and bare references.

An alliance the registry lacks is named in quotes with an alliance noun ("'온디바이스 AI
얼라이언스'"), or with a weaker noun ('UAM 퓨처팀') where the sentence founds it; a bid
consortium is named after its lead ('KT 컨소시엄'). A field word and a common noun ('AI
동맹') describe an alliance rather than name one (``generic``). Later, a bare '얼라이언스는'
or '이 연합' refers to the alliance named before (``ref``). Words: ``cues/alliances.yaml``.
"""

from __future__ import annotations

import re

from ...registry import Registry
from ...text import HANGUL_RUN, is_particle_run
from ..cues import load
from ..grammar import Word, words
from .model import (
    Candidate,
    Mention,
    NewKey,
    Spans,
    attach_particle,
    overlaps,
    standalone,
)

_CUES = load("alliances")
# Alliances named in quotes, and generic descriptions of one ('AI 동맹').
_ALLIANCE_SUFFIX = _CUES.alt("alliance_suffixes")
# "'Frontier Model Forum(프런티어 모델 포럼)'": another spelling may stand before the quote.
_QUOTED_ALLIANCE = re.compile(
    r"['‘\"“](?P<name>[^'’\"”\n(]{0,30}?\s?(?:" + _ALLIANCE_SUFFIX + r"))"
    r"(?:\([^()'’\"”\n]{1,40}\))?['’\"”]"
)
# A field word and a common noun ('AI 동맹', '반도체 연합') describe an alliance; a coined
# name ('모빌리티 얼라이언스', 'AI 원팀', 'K-UAM 원팀') names one.
_GENERIC_FIELD = re.compile(
    r"^" + _CUES.group("generic_fields") + r"?\s?" + _CUES.group("generic_nouns") + r"$"
)
# "'AI 초협력' 진영": a quoted name that an alliance noun after the quotes calls a camp.
_QUOTED_CAMP = re.compile(
    r"['‘\"“](?P<name>[^'’\"”\n]{2,30}?)['’\"”]\s?" + _CUES.group("camp_nouns") + r"(?![가-힣])"
)
# "'AI 초협력'에 함께하기로", "'X'를 결성": a quoted name a verb of joining or founding takes.
_QUOTED_JOINED = re.compile(
    r"['‘\"“](?P<name>[^'’\"”\n]{2,30}?)['’\"”](?:에|을|를|에도)\s(?:[^\s.]+\s){0,2}?(?:"
    + _CUES.group("joined_verbs")
    + _CUES.group("joined_endings")
    + "|"
    + _CUES.alt("joined_plain_verbs")
    + ")"
)
# Quoted names with a weaker suffix ('UAM 퓨처팀') count only when the sentence founds them.
_TEAM_NAME = r"['‘\"“](?P<name>[^'’\"”\n]{1,30}?" + _CUES.group("team_suffixes") + r")['’\"”]"
_QUOTED_TEAM = re.compile(
    _TEAM_NAME + r"(?=[^.\n]{0,30}?" + _CUES.group("team_founding_verbs") + r")"
)
# ... or right after a founding verb or an alliance noun: "결성한 데이터 동맹 '1T 클럽'".
_QUOTED_TEAM_AFTER = re.compile(_CUES.group("team_introducers") + r"\s" + _TEAM_NAME)
# '<organisation> 컨소시엄': a bid consortium, named after the organisation that leads it.
_NAMED_CONSORTIUM = re.compile(r"\s?컨소시엄")
# Bare references to an alliance named before ('얼라이언스는', '이 연합', '원팀에서').
_ALLIANCE_REF = re.compile(
    r"(?:(?<![가-힣A-Za-z0-9])(?P<det>" + _CUES.alt("ref_determiners") + r")\s)?"
    r"(?<![가-힣A-Za-z0-9\-])"
    r"(?P<word>" + _CUES.alt("ref_words") + r")(?P<particle>[가-힣]*)"
)
_WEAK_REF_WORDS = _CUES.set("weak_ref_words")
_REF_PREVIOUS = re.compile(
    r"(?:^|[.?!\n]\s*|(?:\d+\s?(?:월|일|년|분기)|"
    + _CUES.alt("ref_previous_words")
    + r"|[가-힣A-Za-z0-9)]+(?:은|는|이|가|을|를|에서|에는|도))\s)$"
)


def quoted_alliance_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted alliance names ('온디바이스 AI 얼라이언스', 'Open AI Infra Alliance'),
    and of the same names written again without quotes ('소버린 AI 얼라이언스에는'): a
    registered name inside them ('AI 얼라이언스') is part of the longer name everywhere."""
    spans = []
    names = set()
    for pattern in (_QUOTED_ALLIANCE, _QUOTED_TEAM, _QUOTED_TEAM_AFTER):
        for match in pattern.finditer(text):
            name = match["name"].strip()
            if len(name) >= 3 and len(name.split()) <= 6:
                spans.append(match.span("name"))
                names.add(name)
    for name in names:
        at = text.find(name)
        while at >= 0:
            if (at == 0 or not text[at - 1].isalnum()) and (at, at + len(name)) not in spans:
                spans.append((at, at + len(name)))
            at = text.find(name, at + 1)
    return spans


def quoted_alliance_mentions(
    text: str, registry: Registry, taken: Spans, new_key: NewKey
) -> list[Mention]:
    """Alliances named in quotes, and the same names again later without quotes."""
    found: list[Mention] = []
    matches = [
        *_QUOTED_ALLIANCE.finditer(text),
        *_QUOTED_TEAM.finditer(text),
        *_QUOTED_TEAM_AFTER.finditer(text),
        *_QUOTED_CAMP.finditer(text),
        *_QUOTED_JOINED.finditer(text),
    ]
    for match in sorted(matches, key=lambda m: m.start("name")):
        start, end = match.span("name")
        name = match["name"].strip()
        if overlaps(start, end, taken) or len(name) < 3:
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
        for start, end in list(standalone(text, known.surface, taken)):
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
        # '<X>는 … 컨소시엄을 꾸려': X's consortium, even when the article names it only later
        target = (
            _named_consortium(text, start, orgs, alliances, leads)
            if match["word"] == "컨소시엄"
            else None
        )
        if target is None and not earlier:
            continue
        if target is None and not match["det"] and not _after_argument(text, start):
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


def _after_argument(text: str, start: int) -> bool:
    """'정회원으로 연합에': the word before ends in a particle, so it modifies no noun; a bare
    word before ('경쟁 연합') makes the grouping another one."""
    before = re.search(r"(\S+)\s$", text[max(0, start - 30) : start])
    if before is None:
        return False
    analysed = words(before.group(1))
    particle = analysed[-1].particle if analysed else ""
    return bool(particle) and not particle.endswith("의")  # 'A사의 연합' may be another


def _named_consortium(
    text: str, start: int, orgs: list[Mention], alliances: list[Mention], leads: dict[str, str]
) -> Mention | None:
    """'<X>는 … 컨소시엄을 꾸리고': the consortium named after X, the sentence's subject (by
    any of X's names: '광주과학기술원(GIST)은 … 컨소시엄을' is the 'GIST 컨소시엄')."""
    sentence = re.split(r"[.?!]\s|\n", text[max(0, start - 300) : start])[-1]
    names_of: dict[str, set[str]] = {}
    for org in orgs:
        names_of.setdefault(org.key, set()).add(org.surface)
    for org in orgs:
        if org.end <= start and start - org.end <= len(sentence) and org.case == "subj":
            named = {f"{name} 컨소시엄" for name in names_of[org.key]}
            for mention in alliances:
                if leads.get(mention.key) in named:
                    return mention
    return None


_UNQUOTED_SUFFIX = re.compile("(?:" + _CUES.alt("unquoted_suffixes") + ")$")
_NOT_FIRST = _CUES.set("unquoted_not_first")
_MAX_NAME_WORDS = 4


def unquoted_alliance_mentions(
    text: str, registry: Registry, taken: Spans, new_key: NewKey
) -> list[Mention]:
    """Alliances named without quotes: an alliance noun closing a run of bare nouns of which
    one is a proper noun, a place or a Latin word ('경기남부AI사업협동조합은', '대구 AI 스타트업
    얼라이언스에'). A field and a noun ('AI 동맹') only describe one; a name must come back
    or stand in a clause with a particle (an argument of its verb) to count; like every
    new alliance, it is kept only if some relation uses it."""
    analysed = words(text)
    spans: dict[str, list[tuple[int, int]]] = {}
    argued: dict[str, bool] = {}
    for i, word in enumerate(analysed):
        if not word.nominal or not _UNQUOTED_SUFFIX.search(word.stem):
            continue
        first = _name_start(analysed, i, text)
        if first is None:
            continue
        start, end = analysed[first].start, word.stem_end
        name = text[start:end]
        if _GENERIC_FIELD.match(name) or overlaps(start, end, taken):
            continue
        spans.setdefault(name, []).append((start, end))
        argued.setdefault(name, False)
        argued[name] |= bool(word.particle)
    found: list[Mention] = []
    for name, places in spans.items():
        if len(places) < 2 and not argued[name]:
            continue
        entry = registry.lookup(name)
        if entry is not None and entry.type != "Alliance":
            continue
        key = entry.id if entry else new_key(Candidate(key="", type="Alliance", name=name))
        for start, end in places:
            mention = Mention(start, end, key, "Alliance", name, new=entry is None)
            found.append(attach_particle(text, mention))
            taken.append((start, end))
    return found


def _name_start(analysed: list[Word], index: int, text: str) -> int | None:
    """The first word of the name ending at ``analysed[index]``, when the name has a proper
    part; None for a description."""
    first = index
    while index - first < _MAX_NAME_WORDS - 1 and first > 0:
        before = analysed[first - 1]
        gap = text[before.end : analysed[first].start]
        if gap != " " or not before.nominal or before.particle or before.stem in _NOT_FIRST:
            break
        first -= 1
    run = analysed[first : index + 1]
    if run[0].stem in _NOT_FIRST:
        return None
    stem_of_last = run[-1].stem
    proper_last = _UNQUOTED_SUFFIX.sub("", stem_of_last)
    proper = any(w.proper for w in run[:-1]) or (
        bool(proper_last) and words(proper_last)[0].proper if proper_last else False
    )
    return first if proper and (len(run) > 1 or proper_last) else None
