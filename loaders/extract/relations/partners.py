"""PARTNERS_WITH: two organisations tied outside an alliance (손잡다, 제휴, 공동 개발, 투자).

A bond in a sentence that names an alliance ('동맹을 맺고 <A>를 결성') is membership of that
alliance instead; otherwise the subject partners with each organisation 'with' it ('X는
Y와 손잡고'), pairwise when '각각' distributes. An investment ('X는 Y에 130억달러를
투자했다') ties the investor to the investee. Cues: ``cues/partners.yaml``.
"""

from __future__ import annotations

import re

from ..context import ArticleContext, SentenceView
from ..cues import load
from .clauses import (
    alliances_in,
    clause_around,
    nearest_subject,
    pairs_before,
    parties_before,
    single_alliance,
    unreal,
)

_CUES = load("partners")
_BOND = _CUES.regex("bond")
_PARTNER = re.compile(
    _BOND.pattern
    + "|"
    + _CUES.alt("partner")
    + "|"
    + _CUES.group("joint_bodies")
    + r"(?:를|을)\s*"
    + _CUES.group("joint_verbs")
)
# 'X는 Y에 130억달러를 투자했다': a stake, a bilateral tie.
_INVEST = re.compile(
    _CUES.group("currencies")
    + r"(?:를|을)?\s*(?:"
    + _CUES.alt("invest_adverbs")
    + r")?"
    + _CUES.alt("invest")
)


def bonds(ctx: ArticleContext, view: SentenceView) -> None:
    """동맹/손잡다: members of the alliance named (or the article's one alliance); else a
    bilateral PARTNERS_WITH: the subject with each organisation 'with' it ('X는 Y와 손잡고',
    'X는 Y와도 연구센터를 세운'), pairwise with '각각'."""
    cue = _PARTNER.search(view.text)
    if cue is None:
        return
    parties = parties_before(view, cue.start())
    lo, hi = clause_around(view, cue.start())
    alliances = [m for m in alliances_in(view) if lo <= view.local(m.start) < hi]
    target = alliances[0].key if alliances else None
    if target is None and "동맹" in cue.group() and _BOND.search(view.text):
        target = single_alliance(ctx)
    if target is not None and _BOND.search(view.text):
        since = view.date or ctx.event.isoformat()
        for key in parties:
            ctx.relate("MEMBER_OF", key, target, view, since=since, role="member")
        return
    if target is not None:
        return
    for a, b in pairs_before(view, cue.start()):
        ctx.relate("PARTNERS_WITH", a, b, view)


def investments(ctx: ArticleContext, view: SentenceView) -> None:
    """'MS는 오픈AI에 130억달러를 투자하며': the investor and the investee are partners."""
    for cue in _INVEST.finditer(view.text):
        if unreal(view, cue.end(), cue.start()):
            continue
        lo, _ = clause_around(view, cue.start())
        into = [
            m
            for m in view.orgs
            if m.particle == "에"
            and lo <= view.local(m.start)
            and view.local(m.after) <= cue.start()
        ]
        subject = nearest_subject(view, view.local(into[-1].start)) if into else None
        if (
            into
            and subject is not None
            and len(subject.keys) == 1
            and cue.start() - view.local(into[-1].after) <= 25
        ):
            ctx.relate("PARTNERS_WITH", subject.keys[0], into[-1].key, view)
