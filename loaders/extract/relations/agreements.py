"""Agreements: an MOU, contract or partnership signed (협약/MOU/파트너십 체결).

An agreement is an entity of its own, gathered over several sentences into an
``AgreementDraft``: its names (the quoted one first, else the noun phrase the agreement noun
heads), parties (the subject and those 'with' it, or the members of the alliance whose
'참여 기관들과' it was signed with), the day and place, the people who sign it, and its
objectives ('△A △B', '협력 분야는 A, B다'). A later sentence about the same signing (the
same parties, no other day) adds to the same draft; the extractor turns drafts into entities
and PARTY_TO / SIGNED relations at the end. Names: ``agreement_names.py``; who signs:
``signatories.py``; cues: ``cues/agreements.yaml``.
"""

from __future__ import annotations

import re
from weakref import WeakKeyDictionary

from ..context import AgreementDraft, ArticleContext, SentenceView
from .agreement_names import CONCLUDE, CUES, agreement_kind, draft_names, place_before
from .clauses import alliances_in, date_before, parties_before, unreal
from .positions import person_org
from .signatories import signatories

_OBJECTIVE_LIST = re.compile(r"△\s*([^△]+)")
_FIELDS = re.compile(
    r"협력\s*" + CUES.group("field_nouns") + r"는\s+(?P<items>.+?)(?:이다|다|등이다|등)\.?$"
)
# '참여 기관들과 … 협약을 체결': the members of the alliance are the other parties.
_MEMBERS = re.compile(CUES.group("member_refs") + r"들?(?:과|와)\s")
# A bare '체결' modifying a noun of plan or doubt ('MOU 체결 시점은', '체결 여부') is no
# signing yet.
_PENDING = CUES.set("pending_nouns")
# Drafts whose parties include an alliance's members, filled in as membership is read (the
# rules see one sentence at a time; the members may be named after the signing).
_MEMBERS_OF: WeakKeyDictionary[ArticleContext, list[tuple[AgreementDraft, str, SentenceView]]]
_MEMBERS_OF = WeakKeyDictionary()


def agreements(ctx: ArticleContext, view: SentenceView) -> None:
    """업무협약/MOU/파트너십 체결 -> an Agreement with its parties, date, place, signers."""
    conclude = _conclusion(view)
    draft = AgreementDraft(first=view.offset)
    draft_names(view, conclude, draft)
    signers = signatories(ctx, view, conclude)
    if conclude is not None:
        _conclusion_facts(ctx, view, conclude, draft)
    elif draft.names:
        draft.kind = agreement_kind(draft.names[0])
    for person in signers:
        draft.signers.append((person.name, view))
        org = person_org(ctx, person)
        if org is not None:
            draft.parties.append((org, view))
    if signers and draft.date is None and view.date and len(view.date) == 10:
        draft.date = view.date  # '… 지난달 20일 협약서에 서명하고 있다': the signing's day
    if conclude is not None or draft.names or draft.signers:
        # '협약서에는 A와 B가 서명했다' with no signing verb of its own and no quoted name:
        # the paper of the agreement just reported, whoever signs it
        anaphoric = conclude is None and not draft.quoted
        merged = _merge_draft(ctx, draft, anaphoric=anaphoric)
        if conclude is not None:
            _members_pending(ctx, view, conclude, merged)
    _add_members(ctx)
    if view.sentence is ctx.article.sentences[-1]:
        ctx.agreements[:] = [d for d in ctx.agreements if d.parties]


def _conclusion(view: SentenceView) -> re.Match[str] | None:
    """The agreement noun and the verb that concludes it, when the sentence states a signing:
    not a plan ('체결할 예정이다', '이르면 이달 체결'), nor a bare '체결' modifying a noun of
    plan or doubt ('MOU 체결 시점은')."""
    for match in CONCLUDE.finditer(view.text):
        if unreal(view, match.end(), match.start()):
            continue
        word = view.word_at(match.start("verb"))
        if word is not None and word.predicate is None and not word.particle:
            following = next((w for w in view.words if w.start > word.start), None)
            if following is not None and following.stem in _PENDING:
                continue
        return match
    return None


def _conclusion_facts(
    ctx: ArticleContext, view: SentenceView, conclude: re.Match[str], draft: AgreementDraft
) -> None:
    """Kind, parties, day and place of a sentence that states the signing."""
    draft.kind = agreement_kind(conclude["noun"])
    for key in parties_before(view, conclude.start()):
        draft.parties.append((key, view))
    date = date_before(ctx, view, conclude.start()) or view.date
    draft.date = date if date and len(date) >= 7 else None
    draft.place = place_before(view.text, conclude.start())


def _members_pending(
    ctx: ArticleContext, view: SentenceView, conclude: re.Match[str], draft: AgreementDraft
) -> None:
    """'… 컨소시엄 출범식을 열고 참여 기관들과 MOU를 체결': the alliance's members sign; who
    they are the article may say only later, so the draft waits for them."""
    members = _MEMBERS.search(view.text, 0, conclude.start())
    if members is None:
        return
    named = [m.key for m in alliances_in(view) if view.local(m.start) < members.start()]
    alliance = named[-1] if named else next(iter(ctx.recent_alliances(view)[-1:]), None)
    if alliance is not None:
        _MEMBERS_OF.setdefault(ctx, []).append((draft, alliance, view))


def _add_members(ctx: ArticleContext) -> None:
    """Members known so far of the alliances whose members sign a draft become its parties."""
    for draft, alliance, view in _MEMBERS_OF.get(ctx, []):
        for kind, source, target in list(ctx.relations):
            if kind == "MEMBER_OF" and target == alliance and source not in draft.party_keys():
                draft.parties.append((source, view))


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


def _merge_draft(
    ctx: ArticleContext, draft: AgreementDraft, *, anaphoric: bool = False
) -> AgreementDraft:
    """Add what the sentence says to the agreement of the same signing: the same parties
    (one with no parties yet, or a sentence naming none, is the same one) on no other day,
    or, for a sentence that only refers back to it (``anaphoric``), the latest one; else
    start a new one. Returns the draft the sentence went to."""
    for known in reversed(ctx.agreements):  # the latest one the story is about
        if not _same_signing(known, draft, anaphoric=anaphoric):
            continue
        for name in draft.names:
            if name not in known.names:
                known.names.append(name)
        known.quoted |= draft.quoted
        known.parties.extend(p for p in draft.parties if p[0] not in known.party_keys())
        signed = {n for n, _ in known.signers}
        known.signers.extend(s for s in draft.signers if s[0] not in signed)
        if draft.date and len(draft.date) > len(known.date or ""):
            known.date = draft.date  # the more precise day
        known.place = known.place or draft.place
        if known.kind == "agreement":
            known.kind = draft.kind
        return known
    ctx.agreements.append(draft)
    return draft


def _same_signing(known: AgreementDraft, draft: AgreementDraft, *, anaphoric: bool) -> bool:
    ours, theirs = draft.party_keys(), known.party_keys()
    if ours and theirs and not ours & theirs and not anaphoric:
        return False
    if not (known.date and draft.date):
        return True
    # '지난달' and '20일' may be the same day; '20일' and '21일' are not.
    return known.date.startswith(draft.date) or draft.date.startswith(known.date)


def _last_noun_phrase(item: str) -> str:
    """'인공지능(AI)과 사물인터넷(IoT)을 아우르는 미래 ICT' -> '미래 ICT'."""
    words = item.strip().split()
    for i in range(len(words) - 1, -1, -1):
        if re.search(r"(?:는|은|ㄴ|한|된|인|을|를)$", words[i]) and i < len(words) - 1:
            return " ".join(words[i + 1 :])
    return item.strip()
