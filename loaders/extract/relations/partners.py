"""PARTNERS_WITH: two organisations tied outside an alliance (손잡다, 제휴, 공동 개발, 투자).

A bond in a sentence that names an alliance ('동맹을 맺고 <A>를 결성') is membership of that
alliance instead; otherwise the subject partners with each organisation 'with' it ('X는
Y와 손잡고'), pairwise when '각각' distributes. An investment ('X는 Y에 130억달러를
투자했다') ties the investor to the investee. Cues: ``cues/partners.yaml``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..context import ArticleContext, SentenceView
from ..cues import load
from ..grammar import words
from ..mentions import Mention
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
_PLANS = _CUES.set("plan_predicates")
_MEMBERSHIP = load("membership")
# Verbs whose object or goal an alliance after a bond is: founding and joining.
_ALLIANCE_VERBS = (
    _MEMBERSHIP.set("founding_predicates")
    | _MEMBERSHIP.set("join_verbs")
    | _CUES.set("launch_verbs")
)
# '-아/어 오다' ('개발해 왔다'): a state continuing from a start; '-ㄴ 바 있다': experience.
_DURATIVE = frozenset({"오"})
_PERFECT_NOUNS = load("clauses").set("perfect_nouns")
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
    'X는 Y와도 연구센터를 세운', 'X는 Y와 … 공동 개발해 왔다'), pairwise with '각각'. A cue
    inside a quoted name ("'… 공동 개발을 위한 업무협약'") is no predicate, and a tie that
    describes what a plan verb takes ('함께 개발하는 동맹을 추진한다') is still a plan."""
    for cue in _PARTNER.finditer(view.text):
        if _in_quoted_name(view.text, cue.start()) or _planned(view, cue.end()):
            continue
        if not _bond(ctx, view, cue):
            return


def _bond(ctx: ArticleContext, view: SentenceView, cue: re.Match[str]) -> bool:
    """One cue: membership when an alliance is in reach, else partners. False when an
    alliance took the cue (the sentence is about that alliance, not a bilateral tie)."""
    parties = parties_before(view, cue.start())
    lo, hi = clause_around(view, cue.start())
    alliances = [
        m
        for m in alliances_in(view)
        if lo <= view.local(m.start) < hi
        and (view.local(m.start) < cue.start() or _founded_or_joined(view, m))
    ]
    target = alliances[0].key if alliances else None
    if target is None and "동맹" in cue.group() and _BOND.search(view.text):
        target = single_alliance(ctx)
    if target is not None and _BOND.search(view.text):
        since = view.date or ctx.event.isoformat()
        for key in parties:
            ctx.relate("MEMBER_OF", key, target, view, since=since, role="member")
        return False
    if target is not None or _founds_next(view, cue.end()):
        return False  # '손잡고 'X' 진영을 꾸려': the bond founds a group, however named
    pairs = _referred_pair(ctx, view, cue.start()) or pairs_before(view, cue.start())
    for a, b in pairs or _speaker_with(ctx, view, cue.start()):
        ctx.relate("PARTNERS_WITH", a, b, view)
    return True


def _speaker_with(ctx: ArticleContext, view: SentenceView, cue: int) -> list[tuple[str, str]]:
    """'"AWS와는 지난해부터 협력하고 있고 …"': a quoted answer with no subject is the
    speaker's, who speaks for the organisation named with them last."""
    if not view.text.startswith(('"', "“")) or any(
        g.case == "subj" and view.local(g.start) < cue for g in view.groups
    ):
        return []
    with_ = [g for g in view.groups if g.case == "com" and view.local(g.end) <= cue]
    if len(with_) != 1:
        return []
    org = ctx.last_speaker_org(view)
    return [(org, k) for k in with_[0].keys if k != org] if org else []


def _referred_pair(ctx: ArticleContext, view: SentenceView, cue: int) -> list[tuple[str, str]]:
    """'A와 B의 협력은 처음이 아니다. 두 회사는 … 함께 운영해 왔다': a subject '두 회사' is
    the two organisations the sentence before names, whatever their case there."""
    subject = nearest_subject(view, cue)
    if subject is None or not subject.ref or len(subject.keys) != 2:
        return []
    earlier = ctx.previous(view)
    keys = list(dict.fromkeys(m.key for m in earlier.orgs)) if earlier else []
    return [(keys[0], keys[1])] if len(keys) == 2 else []


def _founded_or_joined(view: SentenceView, alliance: Mention) -> bool:
    """An alliance after the bond is the bond's when it is founded or joined ('손잡고 'A'를
    결성', '손잡고 'A'에 합류'), not when another verb takes it ('손잡고 … A에 맞서고')."""
    if view.headline and not alliance.particle:
        return True  # "손잡고 'K-엣지AI 얼라이언스' 띄운다": a headline drops the particle
    verb = _next_predicate(view, view.local(alliance.after))
    return verb is not None and verb in _ALLIANCE_VERBS


def _founds_next(view: SentenceView, cue_end: int) -> bool:
    """Whether the verb after the bond's founds something ('손잡고 … 진영을 꾸려')."""
    verb = _next_predicate(view, cue_end)
    return verb is not None and verb in _MEMBERSHIP.set("founding_predicates")


def _next_predicate(view: SentenceView, start: int) -> str | None:
    """The first predicate from ``start`` outside the names (Kiwi may read one as a verb)."""
    names = [(view.local(m.start), view.local(m.end)) for m in view.mentions]
    for word in view.words:
        if word.start < start or word.predicate is None:
            continue
        if not any(a <= word.start < b for a, b in names):
            return word.predicate
    return None


def _in_quoted_name(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a single-quoted name ("'… 공동 개발을 위한 업무협약'")."""
    head = text[:pos]
    opened = head.count("'") % 2 == 1 or head.count("‘") > head.count("’")
    return opened and re.search(r"['’]", text[pos : pos + 80]) is not None


def _planned(view: SentenceView, cue_end: int) -> bool:
    """'함께 개발하는 동맹을 추진한다': an adnominal cue describes the object of a plan verb."""
    word = view.word_at(cue_end - 1)
    if word is None or word.ending != "ETM" or word.end + 1 >= len(view.text):
        return False
    nxt = next((w for w in view.words if w.start > word.end and w.predicate is not None), None)
    return nxt is not None and nxt.predicate in _PLANS


def standing_tie(sentence: str) -> bool:
    """'지난해부터 … 공동 개발해 왔다', '… 함께 수행한 바 있다': a tie the sentence states in
    the perfect (a start with '부터' and the continuing '-아/어 오다', or the experiential
    '-ㄴ 바/적 있다') began before and stands on its own, outside any alliance both parties
    joined since. (For the extractor's drop of partners inside one alliance.)"""
    found = words(sentence)
    since = any(w.particle.startswith("부터") for w in found)
    durative = any(w.predicate in _DURATIVE and not w.stem for w in found)
    experiential = any(
        w.stem in _PERFECT_NOUNS and nxt.predicate == "있" for w, nxt in pairwise(found)
    )
    return (since and durative) or experiential


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
