"""Agreements: an MOU, contract or partnership signed (협약/MOU/파트너십 체결).

An agreement is an entity of its own, gathered over several sentences into an
``AgreementDraft``: its names (the quoted one first), parties (the subject and those 'with'
it), the day and place, the people who sign it, and its objectives ('△A △B',
'협력 분야는 A, B다'). A later sentence about the same parties adds to the same draft; the
extractor turns drafts into entities and PARTY_TO / SIGNED relations at the end. Cues:
``cues/agreements.yaml``.
"""

from __future__ import annotations

import re

from ..context import AgreementDraft, ArticleContext, SentenceView
from ..cues import load
from .clauses import parties_before, unreal
from .positions import person_org

_CUES = load("agreements")
_AGREEMENT_NOUN = _CUES.group("agreement_nouns")
_CONCLUDE = re.compile(
    r"(?P<noun>"
    + _AGREEMENT_NOUN
    + r")(?P<paren>\([A-Za-z]+\))?['’\"”]?(?:을|를|도|은|는)?\s*"
    + _CUES.group("conclude_verbs")
)
_QUOTED_NAME = re.compile(r"['‘\"“](?P<name>[^'’\"”\n]{2,60})['’\"”]")
# Who signs: a signing verb, or a caption of the ceremony; attending ('참석했다') is not signing.
_SIGNING_VERB = re.compile(
    _CUES.alt("signing_verbs")
    + "|"
    + _CUES.group("signed_papers")
    + r"[^.]{0,10}?"
    + _CUES.group("signed_paper_verbs")
)
_SIGNED_PAPER = re.compile(
    r"(?:(?<![\w가-힣])(?P<pre>[가-힣A-Za-z]{2,8})\s)?(?P<paper>"
    + _CUES.alt("papers")
    + r")에\s*서명"
)
_CEREMONY = re.compile(
    r"['‘\"“](?P<name>[^'’\"”]{2,60}?"
    + _CUES.group("ceremony_agreements")
    + r")\s?"
    + _CUES.group("ceremony_nouns")
    + r"['’\"”]"
)
_SIGN = _CUES.regex("signing_events")
_OBJECTIVE_LIST = re.compile(r"△\s*([^△]+)")
_FIELDS = re.compile(
    r"협력\s*" + _CUES.group("field_nouns") + r"는\s+(?P<items>.+?)(?:이다|다|등이다|등)\.?$"
)
_MOU = _CUES.regex("mou_words")
_PARTNERSHIP_WORDS = _CUES.words("partnership_words")
_PLACE = re.compile(r"(?P<place>(?:[가-힣A-Za-z0-9]+\s){0,4}[가-힣A-Za-z0-9]+)에서\s")


def agreements(ctx: ArticleContext, view: SentenceView) -> None:
    """업무협약/MOU/파트너십 체결 -> an Agreement with its parties, date, place, signers."""
    conclude = _CONCLUDE.search(view.text)
    ceremony = _CEREMONY.search(view.text)
    signing = _SIGN.search(view.text)
    # People sign when the sentence says they sign, or when it is the ceremony's photo
    # caption; "협약식에는 X와 Y가 참석했다" only says who attended.
    signers = bool(view.people) and (
        _SIGNING_VERB.search(view.text) is not None
        or (view.sentence.kind == "caption" and bool(signing or ceremony))
    )
    if conclude and unreal(view, conclude.end(), conclude.start()):
        conclude = None  # '이르면 이달 체결할 예정이다': no agreement yet
    if not (conclude or ceremony or signers):
        return
    draft = AgreementDraft(first=view.offset)
    if ceremony:
        draft.names.append(ceremony["name"].strip())
        draft.quoted.add(ceremony["name"].strip())
    paper = _SIGNED_PAPER.search(view.text)
    if paper and signers:
        noun = paper["paper"].removesuffix("서")
        pre = paper["pre"]
        keep_pre = pre and not re.search(r"[은는이가을를의에와과도서고며해]$", pre)
        draft.names.append(f"{pre} {noun}" if keep_pre else noun)
    if conclude:
        quoted = _quoted_agreement_name(view.text, conclude)
        if quoted:
            draft.names.append(quoted)
            draft.quoted.add(quoted)
        draft.names.append(_agreement_name(view.text, conclude))
        if conclude["paren"]:
            draft.names.append(conclude["paren"].strip("()"))
        draft.kind = _agreement_kind(conclude["noun"])
        for key in parties_before(view, conclude.start()):
            draft.parties.append((key, view))
        draft.date = view.date if view.date and len(view.date) == 10 else None
        draft.place = _place(view.text, conclude.start())
    elif ceremony:
        draft.kind = _agreement_kind(ceremony["name"])
        draft.place = _place(view.text, ceremony.start())
    if signers:
        for person in view.people:
            draft.signers.append((person.name, view))
            org = person_org(ctx, person)
            if org is not None:
                draft.parties.append((org, view))
    _merge_draft(ctx, draft)


def objectives(ctx: ArticleContext, view: SentenceView) -> None:
    """'△A △B …' lists and '협력 분야는 A, B, C다' become the agreement's objectives."""
    if not ctx.agreements:
        return
    items: list[str] = []
    if "△" in view.text:
        items = [m.group(1).strip() for m in _OBJECTIVE_LIST.finditer(view.text)]
        if items:
            items[-1] = re.split(r"\s등\s|\s등의\s|\s등$|\s등을\s", items[-1])[0].strip()
    else:
        fields = _FIELDS.search(view.text)
        if fields:
            raw = re.split(r",\s*(?:그리고\s+)?|\s그리고\s|\s및\s", fields["items"])
            items = [_last_noun_phrase(item) for item in raw]
    items = [i.rstrip(" ,.") for i in items if i and len(i) <= 60]
    if items:
        target = [a for a in ctx.agreements if a.first <= view.offset] or ctx.agreements
        for item in items:
            if item not in target[-1].objectives:
                target[-1].objectives.append(item)


def _quoted_agreement_name(text: str, conclude: re.Match[str]) -> str | None:
    """ "'AI 반도체 솔루션 개발을 위한 업무협약'을 체결" or "'전략적 파트너십' 협약을 체결"."""
    for quoted in _QUOTED_NAME.finditer(text[: conclude.end()]):
        closes = quoted.end()
        if closes == conclude.end("noun") + 1 or 0 <= conclude.start("noun") - closes <= 1:
            return quoted["name"].strip()
    return None


def _agreement_kind(noun: str) -> str:
    """'mou' for an MOU or 협약, 'partnership' for a partnership or tie-up, else 'agreement'."""
    if _MOU.search(noun):
        return "mou"
    if any(word in noun for word in _PARTNERSHIP_WORDS):
        return "partnership"
    return "agreement"


def _agreement_name(text: str, match: re.Match[str]) -> str:
    """The noun phrase of the agreement: '전략적 파트너십', '업무협약'."""
    words = text[: match.start("noun")].split()
    name = [match["noun"]]
    if text[match.start("noun") - 1 : match.start("noun")] not in (" ", ""):
        return name[0]
    for word in reversed(words[-2:]):
        if re.search(r"\d|[는은인한된할의을를이가에와과도로]$", word) and not word.endswith("적"):
            break
        if word.endswith("적") or (re.fullmatch(r"[가-힣A-Za-z]+", word) and len(word) <= 4):
            name.insert(0, word)
            continue
        break
    return " ".join(name)


def _place(text: str, cue: int) -> str | None:
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


def _merge_draft(ctx: ArticleContext, draft: AgreementDraft) -> None:
    """Add what the sentence says to the agreement of the same parties (one with no parties
    yet, or a sentence naming none, is the same one), else start a new one."""
    for known in ctx.agreements:
        if (
            not draft.party_keys()
            or not known.party_keys()
            or draft.party_keys() & known.party_keys()
        ):
            for name in draft.names:
                if name not in known.names:
                    known.names.append(name)
            known.quoted |= draft.quoted
            known.parties.extend(p for p in draft.parties if p[0] not in known.party_keys())
            known.signers.extend(
                s for s in draft.signers if s[0] not in {n for n, _ in known.signers}
            )
            known.date = known.date or draft.date
            known.place = known.place or draft.place
            if known.kind == "agreement":
                known.kind = draft.kind
            return
    ctx.agreements.append(draft)


def _last_noun_phrase(item: str) -> str:
    """'인공지능(AI)과 사물인터넷(IoT)을 아우르는 미래 ICT' -> '미래 ICT'."""
    words = item.strip().split()
    for i in range(len(words) - 1, -1, -1):
        if re.search(r"(?:는|은|ㄴ|한|된|인|을|를)$", words[i]) and i < len(words) - 1:
            return " ".join(words[i + 1 :])
    return item.strip()
