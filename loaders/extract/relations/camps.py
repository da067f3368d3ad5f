"""Rival camps: alliances set against each other, and the grammar competition reads.

Alliance news sets camps apart in a few ways: two alliances of one sentence with a contest
after them ("'A'과 'B'의 양대 진영 경쟁 구도", "A에 이어 … B를 꾸리면서 … 경쟁 구도로
재편됐다"), the article's two camps ('두 진영으로 나뉘는 모양새다', '두 연합은 … 경쟁해
왔다'), an alliance set against others just named ('대항마', '맞불', 'B에 맞서'), one with
another 'with' it ('A는 B와 경쟁 구도를 형성'), where an elided subject is the alliance the
story is about. Members of one camp are no rivals for being in it: only the camps are.
Cues: ``cues/competition.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter

from ..context import ArticleContext, SentenceView
from ..cues import load
from .clauses import alliances_in

_CUES = load("competition")
_COMPETE = _CUES.regex("compete")
_SPLIT = _CUES.regex("split_verbs")
# '두 연합은 … 경쟁해 왔다', '양대 진영': the article's two alliances.
_ALLIANCE_PAIR = re.compile(r"(?:두|양대|양)\s?" + _CUES.group("camp_nouns"))
_CONTRAST = _CUES.regex("contrast")
# '네이버와 카카오 진영이 갈리고 있다': a pair of organisations named as camps.
_CAMP_AFTER = re.compile(r"\s*" + _CUES.group("camp_sides") + r"(?:이|가|은|는|으로|로|도)?\s")
_DENIAL = _CUES.regex("denial")
_TRANSPARENT = _CUES.set("transparent_verbs")
# The clause after a cue, up to its first predicate ending ('…아니다', '…않는다').
_CLAUSE_REST = re.compile(r"[^.?!,]*?(?:다(?![가-힣])|다고|[.?!,]|$)")
_OPEN_QUOTES = {'"': '"', "“": "”"}
_OBSERVERS = _CUES.regex("observers")


def camps(ctx: ArticleContext, view: SentenceView) -> None:
    """Alliances as rivals: two camps, two alliances of one contest, one set against others."""
    _two_camps(ctx, view)
    _contested(ctx, view)
    _camp_pair(ctx, view)
    alliances = alliances_in(view)
    if alliances and _CONTRAST.search(view.text):
        others = [k for k in ctx.recent_alliances(view) if k != alliances[0].key]
        if others:  # the camp named nearest before: the one it is set against
            ctx.relate("COMPETES_WITH", alliances[0].key, others[-1], view)


def _two_camps(ctx: ArticleContext, view: SentenceView) -> None:
    """'두 연합은 … 경쟁해 왔다', '두 진영으로 나뉘는 모양새다': the two alliances named so
    far, when the article has named exactly two."""
    camp = _ALLIANCE_PAIR.search(view.text)
    if camp is None:
        return
    cue = _COMPETE.search(view.text) or _SPLIT.search(view.text)
    if cue is None or denied(view, cue.end()):
        return
    pair = list(dict.fromkeys(m.key for v in ctx.views for m in alliances_in(v)))
    if len(pair) == 2:
        ctx.relate("COMPETES_WITH", pair[0], pair[1], view)


def _contested(ctx: ArticleContext, view: SentenceView) -> None:
    """'A'과 'B'의 양대 진영 경쟁 구도, 'A'에 이어 KT가 'B'를 꾸리면서 … 경쟁 구도로
    재편됐다: a sentence naming exactly two alliances before a contest sets them apart."""
    for cue in _COMPETE.finditer(view.text):
        if denied(view, cue.end()) or quote_start(view.text, cue.start()):
            continue
        before = [m for m in alliances_in(view) if view.local(m.end) <= cue.start()]
        named = list(dict.fromkeys(m.key for m in before if not m.generic))
        if len(named) == 2 and len(before) == len([m for m in before if not m.generic]):
            ctx.relate("COMPETES_WITH", named[0], named[1], view)
            return


def _camp_pair(ctx: ArticleContext, view: SentenceView) -> None:
    """'네이버와 카카오 진영이 뚜렷하게 갈리고 있다': two organisations named as the camps
    a split or a contest sets apart."""
    for group in view.groups:
        last = group.members[-1]
        camp = _CAMP_AFTER.match(view.text, view.local(last.end))
        if len(group.keys) != 2 or last.particle or camp is None:
            continue
        cue = _SPLIT.search(view.text, camp.end()) or _COMPETE.search(view.text, camp.end())
        if cue is not None and not denied(view, cue.end()):
            ctx.relate("COMPETES_WITH", group.keys[0], group.keys[1], view)


def alliance_rivals(ctx: ArticleContext, view: SentenceView, cue: int) -> None:
    """'<A>는 <B>와 경쟁 구도를 형성': alliances as the rivals; with no subject in the
    sentence ('최근에는 <B>와 … 경쟁 구도를 형성하고 있다'), A is the story's alliance."""
    before = [m for m in alliances_in(view) if view.local(m.end) <= cue]
    others = [m for m in before if m.case == "com" and governed_by(view, view.local(m.after), cue)]
    if not others:
        return
    subjects = [m.key for m in before if m.case == "subj"]
    if not subjects and not any(g.case == "subj" and view.local(g.end) <= cue for g in view.groups):
        main = main_alliance(ctx, exclude=others[-1].key)
        subjects = [main] if main else []
    if subjects and subjects[0] != others[-1].key:
        ctx.relate("COMPETES_WITH", subjects[0], others[-1].key, view)


def main_alliance(ctx: ArticleContext, exclude: str | None = None) -> str | None:
    """The alliance the story is about: the one it names most (the first on ties)."""
    counts = Counter(m.key for v in ctx.views for m in alliances_in(v) if m.key != exclude)
    return max(counts, key=lambda k: counts[k]) if counts else None


def denied(view: SentenceView, cue_end: int) -> bool:
    """Whether the clause a cue stands in denies it ('경쟁 관계가 아니다', '경쟁하지 않는다',
    '맞설 생각은 없다')."""
    rest = _CLAUSE_REST.match(view.text, cue_end)
    return rest is not None and _DENIAL.search(rest.group()) is not None


def quote_start(text: str, pos: int) -> int:
    """Where the double quotation around ``pos`` opens (0 outside any): a quotation is a
    clause of its own, whose parties are inside it. What a party says ('"경쟁하던 구도를
    넘어서겠다"고 설명했다') is its claim, not a reported rivalry: only an observer's
    assessment ('업계 관계자는 "…"') reports one; in another's quotation -1 (past the end)."""
    start = 0
    closing: str | None = None
    for i, char in enumerate(text[:pos]):
        if closing is None and char in _OPEN_QUOTES:
            start, closing = i + 1, _OPEN_QUOTES[char]
        elif closing is not None and char == closing:
            closing = None
    if closing is None:
        return 0
    end = text.find(closing, pos)
    outside = text[: start - 1] + (text[end + 1 :] if end >= 0 else "")
    return start if _OBSERVERS.search(outside) else len(text) + 1


def governed_by(view: SentenceView, end: int, cue: int) -> bool:
    """Whether a phrase ending at local ``end`` belongs to the predicate at ``cue``: no other
    verb stands between ('Y와 손잡고 … 맞서고': Y is '손잡고''s). Adjectives used as adverbs
    ('치열하게') and verbs used as postpositions ('시장을 놓고') govern nothing."""
    for word in view.words:
        if word.start < end or word.start >= cue:
            continue
        if word.predicate is None or word.predicate in _TRANSPARENT:
            continue
        if any(m.tag in ("XSA", "VA", "VCP", "VCN") for m in word.morphs):
            continue
        if word.end <= cue:
            return False
    return True
