"""What an agreement is called, and where it was signed.

The press quotes an agreement's own name ("'AI 기반 중소기업 금융 혁신을 위한
업무협약'(MOU)을 맺었다"), or writes the agreement noun at the head of a noun phrase
('산학협력 협약', '전략적 파트너십'): the bare nouns right before it, with nothing glued to
them, are its name; a word with a particle or an ending ('본점에서', '남아 있어') is
another part of the sentence. Cues: ``cues/agreements.yaml``.
"""

from __future__ import annotations

import re

from ..context import AgreementDraft, SentenceView
from ..cues import load
from ..grammar import Word

CUES = load("agreements")
# '업무협약(MOU)을 체결', "'…업무협약'(MOU)도 맺었다", "'…협약(MOU)'을 체결".
CONCLUDE = re.compile(
    r"(?P<noun>"
    + CUES.group("agreement_nouns")
    + r")(?P<tail>(?:\([A-Za-z]+\)|['’\"”])*)(?:을|를|도|은|는)?"
    # '… 업무협약'을 지난 14일 체결했다': the day may stand between the object and its verb
    + r"(?:\s*(?:지난|오는)?\s*\d{1,2}\s*일|\s*이날)?\s*(?P<verb>"
    + CUES.alt("conclude_verbs")
    + r")"
)
_PAREN = re.compile(r"\(([A-Za-z]+)\)")
_OPENERS = {"'": "'‘", "’": "'‘", '"': '"“', "”": '"“'}
_SIGNED_PAPER = re.compile(r"(?P<paper>" + CUES.alt("papers") + r")에\s*서명")
_CEREMONY = re.compile(
    r"['‘\"“](?P<name>[^'’\"”]{2,60}?"
    + CUES.group("ceremony_agreements")
    + r")\s?"
    + CUES.group("ceremony_nouns")
    + r"['’\"”]"
)
_MOU = CUES.regex("mou_words")
_PARTNERSHIP_WORDS = CUES.words("partnership_words")
_NOT_NAME_WORDS = CUES.set("not_name_words")
_PURPOSE = CUES.set("purpose_words")
_NOUN_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "XSN", "XPN"})
_PLACE = re.compile(r"(?P<place>(?:[가-힣A-Za-z0-9]+\s){0,4}[가-힣A-Za-z0-9]+)에서\s")


def draft_names(view: SentenceView, conclude: re.Match[str] | None, draft: AgreementDraft) -> None:
    """The names a sentence gives the agreement: a ceremony's quoted name, the paper signed
    ('산학협력 협약서에 서명'), the quoted name and the noun phrase of what is concluded."""
    ceremony = _CEREMONY.search(view.text)
    if ceremony:
        _add(draft, ceremony["name"].strip(), quoted=True)
        if conclude is None:
            draft.place = place_before(view.text, ceremony.start())
    paper = _SIGNED_PAPER.search(view.text)
    if paper:
        noun = paper["paper"].removesuffix("서")
        _add(draft, _noun_phrase(view, paper.start(), paper.start() + len(noun)))
    if conclude is None:
        return
    quoted = _quoted_name(view, conclude)
    if quoted:
        _add(draft, quoted, quoted=True)
    _add(draft, _noun_phrase(view, conclude.start("noun"), conclude.end("noun")))
    paren = _PAREN.search(conclude["tail"])
    if paren:
        _add(draft, paren.group(1))


def _add(draft: AgreementDraft, name: str, *, quoted: bool = False) -> None:
    if name and name not in draft.names:
        draft.names.append(name)
    if quoted:
        draft.quoted.add(name)


def _quoted_name(view: SentenceView, conclude: re.Match[str]) -> str | None:
    """The quoted name the agreement noun ends ("'…을 위한 업무협약'(MOU)을") or that stands
    right before it ("'전략적 파트너십' 협약을"), from its closing quote back to the opening
    one of the same kind; an alliance's name ("'의료 AI 컨소시엄' 협약") names whose
    agreement it is, not the agreement."""
    text = view.text
    tail = conclude["tail"]
    at = next((i for i, c in enumerate(tail) if c in _OPENERS), None)
    if at is not None:
        close = conclude.start("tail") + at
    else:
        before = text[: conclude.start("noun")].rstrip(" ")
        if not before or before[-1] not in _OPENERS or conclude.start("noun") - len(before) > 1:
            return None
        close = len(before) - 1
    opening = max(text.rfind(c, 0, close) for c in _OPENERS[text[close]])
    # "'…업무협약(MOU)'": the name ends with the noun, the acronym is another name.
    end = min(close, conclude.end("noun")) if close > conclude.start("noun") else close
    name = text[opening + 1 : end].strip() if opening >= 0 else ""
    alliances = [view.local(m.start) for m in view.mentions if m.type == "Alliance"]
    if any(opening < at < close for at in alliances):
        return None
    return name if 2 <= len(name) <= 60 else None


def _noun_phrase(view: SentenceView, start: int, end: int) -> str:
    """The agreement noun with the bare nouns before it ('온디바이스 AI 공동연구 양해각서',
    '전략적 파트너십'); a word with a particle or an ending, a number or a time word
    ('이날', '양사') is no part of it."""
    head = view.word_at(start)
    if head is not None and head.start < start and _modifier(head, view):
        start = head.start  # '공동연구협약': the noun glued to the words it heads
    words = [w for w in view.words if w.end <= start]
    for word in reversed(words[-4:]):
        if view.text[word.end : start] != " " or not _modifier(word, view):
            break
        start = word.start
    return view.text[_purpose_start(view, start) : end]


def _purpose_start(view: SentenceView, start: int) -> int:
    """'AI 합작법인 설립을 위한 계약': a purpose clause ('<object>을 위한') right before the
    noun phrase names the agreement with it; its object is the bare nouns before '을/를'."""
    words = [w for w in view.words if w.end <= start]
    if (
        len(words) < 2
        or words[-1].surface not in _PURPOSE
        or view.text[words[-1].end : start] != " "
    ):
        return start
    obj = words[-2]
    if obj.particle not in ("을", "를") or view.text[obj.end : words[-1].start] != " ":
        return start
    if obj.predicate is not None or any(c.isdigit() for c in obj.stem):
        return start
    first = obj.start
    for word in reversed(words[-5:-2]):
        if view.text[word.end : first] != " " or not _modifier(word, view):
            break
        first = word.start
    return first


def _modifier(word: Word, view: SentenceView) -> bool:
    """A word that can modify the agreement noun: nouns only ('전략적' too), with nothing glued
    on, no digit, no time word and no organisation's name."""
    stem = [m for m in word.morphs if m.start < word.stem_end - word.start]
    if word.predicate is not None or word.particle or word.stem != word.surface:
        return False
    if any(c.isdigit() for c in word.surface) or word.surface in _NOT_NAME_WORDS:
        return False
    if any(m.start <= view.offset + word.start < m.end for m in view.mentions if m.is_org):
        return False
    return bool(stem) and all(m.tag in _NOUN_TAGS for m in stem)


def agreement_kind(noun: str) -> str:
    """'mou' for an MOU or 협약, 'partnership' for a partnership or tie-up, else 'agreement'."""
    if _MOU.search(noun):
        return "mou"
    if any(word in noun for word in _PARTNERSHIP_WORDS):
        return "partnership"
    return "agreement"


def place_before(text: str, cue: int) -> str | None:
    """Where it was signed: the words before '…에서' nearest the cue, up to a particle."""
    matches = list(_PLACE.finditer(text[:cue]))
    if not matches:
        return None
    match = matches[-1]
    words = match["place"].split()
    kept: list[str] = []
    for word in reversed(words):
        if re.search(r"[는은인한된던할의을를이가와과도]$", word) or re.fullmatch(r"\d+일,?", word):
            break
        kept.insert(0, word)
    return " ".join(kept) or None
