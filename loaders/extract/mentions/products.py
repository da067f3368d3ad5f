"""Products the registry lacks, found where the press introduces them.

A product is introduced with a product noun and a name: a noun phrase with its Latin name
in parentheses ('음성인식 플랫폼(GEPP)'), or a quoted or Latin name right after the noun
("AI 스피커 '기가지니'", '플랫폼 CUDA', "거대언어모델(LLM) '솔라(Solar)'"), a proper name
in apposition ('AI 플랫폼인 기가지니'), or a quoted short name after its maker's genitive
("리벨리온의 '아톰'", "AMD의 Instinct MI300X GPU"). Some nouns introduce a product only
before a quoted name ("판독 AI '루미 체스트'", "모바일 AP '엑시노스'"). A name written with
its other spelling in parentheses ("'Llama 2(라마2)'", "'솔라(Solar)'") is one product.
Acronyms of a kind of thing ('LLM', 'NPU') name no product. Words: ``cues/products.yaml``.
Products are kept only if a relation uses them.
"""

from __future__ import annotations

import re

from ...text import HANGUL_RUN, is_particle_run
from ..cues import load
from ..grammar import words
from .model import (
    Candidate,
    Mention,
    NewKey,
    Spans,
    attach_particle,
    overlaps,
)

_CUES = load("products")
# Unknown products: a noun phrase ending in a product noun, with a Latin name in parentheses.
_PRODUCT_NOUN = _CUES.alt("product_nouns")
_QUOTED_ONLY = re.compile(_CUES.group("quoted_only_nouns") + r"$")
_QUOTED_WITH_LATIN = re.compile(r"(?P<name>[^()]{2,15})\((?P<en>[A-Za-z][A-Za-z0-9 .\-]{1,30})\)")
# "'Llama 2(라마2)'": a Latin name with its Hangul reading.
_LATIN_WITH_HANGUL = re.compile(
    r"(?P<en>[A-Za-z][A-Za-z0-9 .\-]{1,30})\((?P<name>[가-힣][가-힣A-Za-z0-9 ]{0,15})\)"
)
# Acronyms that name a kind of thing, not a product ('거대언어모델(LLM)').
_GENERIC_ACRONYM = _CUES.set("generic_acronyms")
_PRODUCT_PAREN = re.compile(
    r"(?P<np>(?:[가-힣A-Za-z0-9·]+\s){0,3}[가-힣A-Za-z0-9·]*(?:" + _PRODUCT_NOUN + r"))"
    r"\((?P<en>[A-Za-z][A-Za-z0-9 .\-]{1,30})\)"
)
_PRODUCT_DESCRIPTOR = re.compile(
    r"(?P<noun>"
    + _PRODUCT_NOUN
    + "|"
    + _CUES.alt("quoted_only_nouns")
    + r")(?:\([A-Za-z]{2,8}\))?(?P<apposition>인|이자)?\s+(?:'(?P<q>[^']{2,20})'|"
    r"(?P<ko>[가-힣A-Za-z0-9]{2,12})\((?P<en>[A-Za-z][A-Za-z0-9 .\-]{1,30})\)|"
    r"(?P<lat>[A-Z][A-Za-z0-9]*(?:[\- ][A-Z0-9][A-Za-z0-9]*)?(?: \d+(?:\.\d+)?)?)"
    r"(?=(?:은|는|이|가|을|를|의|에|에서|와|과|도|로|으로)?[\s,.])|"
    r"(?P<proper>[가-힣]{2,8})(?=(?:은|는|이|가|을|를|의|에|와|과|도|로|으로)[\s,.]))"
)
# "X가 개발한 전극 결함 검사장비 '겹눈 V3'": a quoted name that a making verb's relative
# clause introduces is a product, whatever noun it stands after.
_MADE_QUOTED = re.compile(
    r"(?:" + load("develops").alt("developer_verbs") + r")\s+(?:[^\s'.]+\s+){0,5}?"
    r"'(?P<q>[^'\n]{2,20})'"
)
_VERSION = re.compile(r"\s(?:\d+(?:\.\d+)*|v\d+(?:\.\d+)*)$")
_NOT_NP_WORD = re.compile(_CUES.group("not_name_word_endings") + r"$")
# "<organisation>의 '<name>'": the press quotes product names after their maker.
_GENITIVE_QUOTED = re.compile(r"\s?['‘\"“](?P<name>[^'’\"”\n]{2,15})['’\"”]")
# "LG전자의 씽큐(ThinQ)", "AMD의 Instinct MI300X GPU": unquoted, with its other spelling
# or before a product noun.
_GENITIVE_BARE = re.compile(
    r"\s(?:(?P<name>[가-힣]{2,8})\((?P<en>[A-Za-z][A-Za-z0-9 .\-]{1,30})\)|"
    r"(?P<lat>[A-Z][A-Za-z0-9]*(?:\s[A-Z0-9][A-Za-z0-9]*){0,3})\s(?:" + _PRODUCT_NOUN + r"))"
)
_LIST_JOINT = re.compile(r"\s*(?:,|·|및)\s*|\s+")
_NOT_PRODUCT_NAME = re.compile(
    r"(?:"
    + _CUES.alt("not_product_name_endings")
    + "|"
    + load("alliances").alt("alliance_suffixes")
    + r")$"
)


def unknown_product_mentions(text: str, taken: Spans, new_key: NewKey) -> list[Mention]:
    """Products the registry lacks: '…플랫폼(GEPP)' or a quoted/English-named product after
    a product noun ("AI 스피커 'X'", "음성비서 X(Y)", 'AI 플랫폼인 X')."""
    found: list[Mention] = []
    for match in _PRODUCT_PAREN.finditer(text):
        if match["en"].strip() in _GENERIC_ACRONYM:
            continue
        words_ = match["np"].split()
        while len(words_) > 1 and (_NOT_NP_WORD.search(words_[0]) or re.search(r"\d", words_[0])):
            words_.pop(0)
        name = " ".join(words_)
        end = match.end()
        start = end - len(match["en"]) - 2 - len(name)
        if len(words_) < 2 or overlaps(start, end, taken):
            continue
        key = new_key(Candidate(key="", type="Product", name=name, name_en=match["en"]))
        found.append(attach_particle(text, Mention(start, end, key, "Product", name, new=True)))
        taken.append((start, end))
    for match in _PRODUCT_DESCRIPTOR.finditer(text):
        group = _descriptor_group(match)
        if group is None:
            continue
        start, end = match.span(group)
        if match["en"]:
            end = match.end()
        # A quoted name may hold a name found before ('루닛' in '루닛 인사이트'): the
        # quotes make the whole the product's name; a version keeps its product's.
        holds = group == "q" and not _VERSION.search(match["q"])  # '엑사원 2.0' is 엑사원
        near = taken.overlapping(start, end)
        clash = [s for s in near if not holds or s[0] < start or s[1] > end]
        if clash or (start, end) in taken:
            continue
        candidate = _candidate(match[group], match["en"])
        key = new_key(candidate)
        mention = Mention(start, end, key, "Product", candidate.name, new=True)
        found.append(attach_particle(text, mention))
        taken.append((start, end))
    found += _made_quoted(text, taken, new_key)
    return found


def _made_quoted(text: str, taken: Spans, new_key: NewKey) -> list[Mention]:
    """ "X가 개발한 … '<name>'": the quoted object of a making verb's relative clause."""
    found: list[Mention] = []
    for match in _MADE_QUOTED.finditer(text):
        start, end = match.span("q")
        if overlaps(start, end, taken) or _NOT_PRODUCT_NAME.search(match["q"]):
            continue
        candidate = _candidate(match["q"], None)
        mention = Mention(start, end, new_key(candidate), "Product", candidate.name, new=True)
        found.append(attach_particle(text, mention))
        taken.append((start, end))
    return found


def quoted_product_spans(text: str) -> list[tuple[int, int]]:
    """Spans of product names quoted after a product noun ("솔루션 '루닛 인사이트'", "AI
    플랫폼 'watsonx(왓슨x)'"): a registered name inside one ('루닛', '왓슨') is part of the
    product's name, as inside a quoted alliance name (for ``drop_inside_names``). A version
    ('엑사원 2.0') is the product it numbers, so its name keeps the registered one."""
    return [
        m.span("q")
        for m in _PRODUCT_DESCRIPTOR.finditer(text)
        if m["q"] and not _VERSION.search(m["q"])
    ]


def _descriptor_group(match: re.Match[str]) -> str | None:
    """Which name a descriptor introduces, or None when it introduces none: a kind of thing
    ('NPU SDK'), a noun that needs quotes ('AI 기술'), a common word in apposition."""
    group = next(g for g in ("q", "ko", "lat", "proper") if match[g])
    if group != "q" and _QUOTED_ONLY.match(match["noun"]):
        return None
    if group == "lat" and (match["lat"] in _GENERIC_ACRONYM or len(match["lat"]) < 2):
        return None  # '플랫폼 CUDA' names one; 'NPU SDK' or a bare 'AI' does not
    if group == "proper" and not _proper(match["proper"]):
        return None  # 'AI 플랫폼인 기가지니', '음성비서 빅스비를': a name Kiwi knows as one
    return group


def _proper(word: str) -> bool:
    found = words(word)
    return len(found) == 1 and found[0].proper and found[0].stem == word


def _candidate(name: str, en: str | None) -> Candidate:
    """A product candidate from a written name, its other spelling split off: "'레니게이드
    (RNGD)'" and "'Llama 2(라마2)'" are one product each, with both spellings."""
    aliases: list[str] = []
    inner = _QUOTED_WITH_LATIN.fullmatch(name)
    reading = _LATIN_WITH_HANGUL.fullmatch(name)
    if inner:
        name, en = inner["name"].strip(), inner["en"]
    elif reading:
        name, en = reading["en"].strip(), reading["en"].strip()
        aliases.append(reading["name"].strip())
    return Candidate(key="", type="Product", name=name, name_en=en, aliases=aliases)


def genitive_products(text: str, mentions: list[Mention], new_key: NewKey) -> list[Mention]:
    """'리벨리온의 '아톰'', "LG전자의 씽큐(ThinQ)": a name right after an organisation's
    genitive. The genitive of a list ('A, B, C의 'AI 초협력'') owns something they share,
    an alliance or a plan, not a product."""
    found: list[Mention] = []
    taken = Spans((m.start, m.end) for m in mentions)
    orgs = [m for m in mentions if m.is_org]
    for i, org in enumerate(orgs):
        if org.particle != "의" or (i and _listed(text, orgs[i - 1], org)):
            continue
        match = _GENITIVE_QUOTED.match(text, org.after)
        group = "name"
        if match is None:
            match = _GENITIVE_BARE.match(text, org.after)
            group = "lat" if match and match["lat"] else "name"
        if match is None:
            continue
        start, end = match.span(group)
        end = match.end("en") + 1 if match.groupdict().get("en") else end
        candidate = _candidate(match[group].strip(), match.groupdict().get("en"))
        if not _product_name(text, candidate.name, match.end()) or overlaps(start, end, taken):
            continue
        if group == "lat" and candidate.name.split()[0] in _GENERIC_ACRONYM:
            continue  # 'KT의 AI 플랫폼': a kind of thing
        if match.groupdict().get("en") and not _named(candidate):
            continue  # '인공지능(AI)', '고대역폭메모리(HBM)': a kind of thing spelled out
        key = new_key(candidate)
        mention = Mention(start, end, key, "Product", candidate.name, new=True)
        found.append(attach_particle(text, mention))
        taken.append((start, end))
    return found


def _named(candidate: Candidate) -> bool:
    """'씽큐(ThinQ)' names a product; '인공지능(AI)' spells out a kind of thing."""
    en = candidate.name_en or ""
    return en not in _GENERIC_ACRONYM and not en.isupper() and _proper(candidate.name)


def _listed(text: str, before: Mention, org: Mention) -> bool:
    """Whether ``org`` ends a list with the organisation before it ('A, B, C의')."""
    between = text[before.after : org.start]
    if before.particle in ("와", "과"):
        return between.strip() == ""
    return not before.particle and _LIST_JOINT.fullmatch(between) is not None


def _product_name(text: str, name: str, end: int) -> bool:
    """A name that may be a product's: short, not ending like an agreement or alliance, and
    followed by a particle, not by more of a word."""
    if len(name.split()) > 3 or _NOT_PRODUCT_NAME.search(name):
        return False
    run = HANGUL_RUN.match(text, end)
    return not (run and run.group() and not is_particle_run(run.group()))
