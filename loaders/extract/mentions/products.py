"""Products the registry lacks, found where the press introduces them.

A product is introduced with a product noun and a name: a noun phrase with its Latin name
in parentheses ('음성인식 플랫폼(GEPP)'), or a quoted or Latin name right after the noun
("AI 스피커 '기가지니'", '플랫폼 CUDA'), or a quoted short name after its maker's
genitive ("리벨리온의 '아톰'"). Acronyms of a kind of thing ('LLM', 'NPU') name no product.
Words: ``cues/products.yaml``. Products are kept only if a relation uses them.
"""

from __future__ import annotations

import re

from ...text import HANGUL_RUN, is_particle_run
from ..cues import load
from .model import (
    Candidate,
    Mention,
    NewKey,
    attach_particle,
    overlaps,
)

_CUES = load("products")
# Unknown products: a noun phrase ending in a product noun, with a Latin name in parentheses.
_PRODUCT_NOUN = _CUES.alt("product_nouns")
_QUOTED_WITH_LATIN = re.compile(r"(?P<name>[^()]{2,15})\((?P<en>[A-Za-z][A-Za-z0-9 .\-]{1,30})\)")
# Acronyms that name a kind of thing, not a product ('거대언어모델(LLM)').
_GENERIC_ACRONYM = _CUES.set("generic_acronyms")
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
_NOT_NP_WORD = re.compile(_CUES.group("not_name_word_endings") + r"$")
# "<organisation>의 '<name>'": the press quotes product names after their maker.
_GENITIVE_QUOTED = re.compile(r"\s?['‘\"“](?P<name>[^'’\"”\n]{2,15})['’\"”]")
_NOT_PRODUCT_NAME = re.compile(
    r"(?:"
    + _CUES.alt("not_product_name_endings")
    + "|"
    + load("alliances").alt("alliance_suffixes")
    + r")$"
)


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
        if len(words) < 2 or overlaps(start, end, taken):
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
        if overlaps(start, end, taken):
            continue
        key = new_key(Candidate(key="", type="Product", name=name, name_en=en))
        found.append(attach_particle(text, Mention(start, end, key, "Product", name, new=True)))
        taken.append((start, end))
    return found


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
        if len(name.split()) > 3 or _NOT_PRODUCT_NAME.search(name) or overlaps(start, end, taken):
            continue
        run = HANGUL_RUN.match(text, match.end())
        if run and run.group() and not is_particle_run(run.group()):
            continue
        key = new_key(Candidate(key="", type="Product", name=name))
        mention = Mention(start, end, key, "Product", name, new=True)
        found.append(attach_particle(text, mention))
        taken.append((start, end))
    return found
