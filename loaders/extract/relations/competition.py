"""COMPETES_WITH: rivals, between companies and between alliances.

The press states rivalry many ways: a noun ('경쟁사인 X', 'Y의 대항마'), a verb with its
parties ('X와 Y는 경쟁해 왔다', 'X와 맞서는 Y'), a duel ('A 컨소시엄과 B 컨소시엄의 2파전'),
two camps ('두 연합'), or a sector with no names ('국내 이동통신사들은 오랜 경쟁 관계'), which
means the companies of that sector the article named just before. What someone is quoted
as saying is no reported rivalry. Cues: ``cues/competition.yaml``.
"""

from __future__ import annotations

import re

from ..context import ArticleContext, SentenceView
from ..cues import load
from .clauses import alliances_in, nearest_subject, pairs_before

_CUES = load("competition")
_COMPETE = _CUES.regex("compete")
# '두 연합은 … 경쟁해 왔다': the article's two alliances.
_ALLIANCE_PAIR = re.compile(r"(?:두|양)\s?" + _CUES.group("camp_nouns"))
_DUEL = _CUES.regex("duel")
_COMPETITOR = _CUES.regex("competitor")
# 'X는 Y의 대항마로 꼽힌다': the subject rivals the genitive.
_CHALLENGER = re.compile(r"의\s" + _CUES.group("challenger_nouns") + r"(?:로|이다|다|인|가|라는)")
_RIVALRY = _CUES.regex("rivalry")
_AGAINST = re.compile(r"(?:와|과)\s*" + _CUES.group("against") + r"[가-힣]*\s")
_CONTRAST = _CUES.regex("contrast")
_SECTOR_NOUNS = {
    cue.removeprefix("sector_"): _CUES.regex(cue)
    for cue in _CUES.lists
    if cue.startswith("sector_")
}


def competition(ctx: ArticleContext, view: SentenceView) -> None:
    """Every way of stating a rivalry, in a fixed order (the first evidence of a pair wins)."""
    _competitors(ctx, view)
    _challengers(ctx, view)
    _against(ctx, view)
    _competing(ctx, view)
    if _RIVALRY.search(view.text) and not view.orgs:
        _sector_rivals(ctx, view)
    _camps(ctx, view)


def _competitors(ctx: ArticleContext, view: SentenceView) -> None:
    """'경쟁사인 X', 'X 등 경쟁사': rivals of the genitive before the cue, else of the
    organisation the article is about."""
    orgs = view.orgs
    for cue in _COMPETITOR.finditer(view.text):
        after = [m for m in orgs if 0 <= view.local(m.start) - cue.end() <= 2]
        for group in view.groups:
            if after and group.members[0] is after[0]:
                after = list(group.members)
        before = [
            m
            for m in orgs
            if 0 <= cue.start() - view.local(m.after) <= 4
            and re.match(r"\s*등\s*$", view.text[view.local(m.after) : cue.start()])
        ]
        # "엔비디아의 경쟁사로 삼성전자가": the rival of the genitive, else of the article's focus.
        owner = next(
            (
                m.key
                for m in orgs
                if m.particle == "의" and 0 <= cue.start() - view.local(m.after) <= 1
            ),
            ctx.focal,
        )
        for mention in after + before:
            if owner and mention.key != owner:
                ctx.relate("COMPETES_WITH", owner, mention.key, view)


def _challengers(ctx: ArticleContext, view: SentenceView) -> None:
    """'X는 Y의 대항마로 꼽힌다': the subject rivals the genitive."""
    orgs = view.orgs
    for cue in _CHALLENGER.finditer(view.text):
        rival = [m for m in orgs if view.local(m.after) == cue.start() + 1 and m.particle == "의"]
        subject = nearest_subject(view, cue.start())
        if rival and subject is not None and len(subject.keys) == 1:
            ctx.relate("COMPETES_WITH", subject.keys[0], rival[0].key, view)


def _against(ctx: ArticleContext, view: SentenceView) -> None:
    """'X와 맞서는 Y': the names either side of the cue."""
    orgs = view.orgs
    for cue in _AGAINST.finditer(view.text):
        left = [m for m in orgs if view.local(m.after) == cue.start() + len(cue.group()[0])]
        right = [m for m in orgs if view.local(m.start) == cue.end()]
        if left and right:
            ctx.relate("COMPETES_WITH", left[0].key, right[0].key, view)


def _competing(ctx: ArticleContext, view: SentenceView) -> None:
    """'X는 Y와 경쟁한다', 'X와 Y는 … 경쟁해 왔다', duels, and alliances as the rivals."""
    for cue in _COMPETE.finditer(view.text):
        if _in_quotation(view.text, cue.start()):
            continue  # what someone says ("경쟁하던 구도를 넘어…") is no reported rivalry
        if _DUEL.match(cue.group()):
            _duel(ctx, view, cue.start())
            continue
        pairs = pairs_before(view, cue.start())
        subject = nearest_subject(view, cue.start())
        adnominal = re.match(r"(?:던|는|ㄴ)\s", view.text[cue.end() :]) is not None
        if not pairs and subject is not None and len(subject.keys) == 2 and not adnominal:
            pairs = [(subject.keys[0], subject.keys[1])]  # 'X와 Y는 … 경쟁해 왔다'
        for a, b in pairs:
            ctx.relate("COMPETES_WITH", a, b, view)
        _alliance_rivals(ctx, view, cue.start())


def _camps(ctx: ArticleContext, view: SentenceView) -> None:
    """'두 연합은 … 경쟁해 왔다': the article's two alliances; an alliance set against others
    ('대항마', '맞불'): against those named in the sentences just before."""
    if _COMPETE.search(view.text) and _ALLIANCE_PAIR.search(view.text):
        pair = list(dict.fromkeys(k for v in ctx.views for k in (m.key for m in alliances_in(v))))
        if len(pair) == 2:
            ctx.relate("COMPETES_WITH", pair[0], pair[1], view)
    alliances = alliances_in(view)
    if alliances and _CONTRAST.search(view.text):
        for other in ctx.recent_alliances(view):
            if other != alliances[0].key:
                ctx.relate("COMPETES_WITH", alliances[0].key, other, view)


def _in_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a double quotation (an open '"' or '“' before it)."""
    head = text[:pos]
    return head.count('"') % 2 == 1 or head.count("“") > head.count("”")


def _duel(ctx: ArticleContext, view: SentenceView, cue: int) -> None:
    """'A 컨소시엄과 B 컨소시엄의 2파전': the two named before the cue compete."""
    alliances = list(dict.fromkeys(m.key for m in alliances_in(view) if view.local(m.end) <= cue))
    if len(alliances) == 2:
        ctx.relate("COMPETES_WITH", alliances[0], alliances[1], view)
        return
    groups = [g for g in view.groups if view.local(g.end) <= cue and len(g.keys) == 2]
    if groups:
        ctx.relate("COMPETES_WITH", groups[-1].keys[0], groups[-1].keys[1], view)


def _alliance_rivals(ctx: ArticleContext, view: SentenceView, cue: int) -> None:
    """'<A>는 <B>와 경쟁 구도를 형성': alliances as the rivals."""
    before = [m for m in alliances_in(view) if view.local(m.end) <= cue]
    subjects = [m for m in before if m.case == "subj"]
    others = [m for m in before if m.case == "com"]
    if subjects and others and subjects[0].key != others[-1].key:
        ctx.relate("COMPETES_WITH", subjects[0].key, others[-1].key, view)


def _sector_rivals(ctx: ArticleContext, view: SentenceView) -> None:
    """'오랜 경쟁 관계였던 국내 이동통신사가…' names no one: the telcos named just before."""
    for sector, pattern in _SECTOR_NOUNS.items():
        if not pattern.search(view.text):
            continue
        previous = ctx.previous_orgs(view)
        rivals = [k for k in previous if ctx.sector_of(k) == sector]
        for i, a in enumerate(rivals):
            for b in rivals[i + 1 :]:
                ctx.relate("COMPETES_WITH", a, b, view)
