"""MEMBER_OF: founding (결성/출범), joining (합류/참여), leaving (탈퇴) and leading (주도/주관).

Cues are verbs and nouns of the genre (``cues/membership.yaml``); who does what comes from
the particles of the groups around the cue, so that "KT가 주도하는 'AI 원팀'에 LG전자와
LG유플러스가 합류했다" makes the LG pair members and KT the leader. Founding and leading are
read in ``founding.py``; this module joins the parts in the order they must run (a later
sentence's founding members are dated from the founding an earlier one reported).

Roles, as the gold reads them: taking part on the founding day ('협의회에는 ▲A ▲B 등 5개
조합이 참여했다' in the launch story) is founding; a join after the founding is a member; a
sole founder leads. An organisation is tied only to an alliance the sentence
names or refers to ('얼라이언스는', '이 연합'); an unnamed grouping ('경쟁 연합') ties no one.
A headline is read segment by segment ('…발족…네이버·삼성전자 등 참여' founds nothing for
Naver). Denied, doubted or planned statements ('없다', '않았다', '부인', '검토 중', '예정',
'계획') give no membership.
"""

from __future__ import annotations

import re
from datetime import date

from ..context import ArticleContext, SentenceView
from ..cues import load
from ..mentions import Group, Mention
from .clauses import (
    alliances_in,
    clause_around,
    date_after,
    date_before,
    date_in_clause,
    founding_clauses,
    headline_alliance,
    nearest_subject,
    paragraph_alliance,
    sole_alliance,
    unreal,
)
from .founding import (
    consortium_leads,
    founding,
    founding_together,
    is_relative_subject,
    leading,
)

_CUES = load("membership")
_JOIN = re.compile(
    _CUES.group("join_verbs")
    + r"(?:"
    + _CUES.alt("join_endings")
    + r"|(?:을|를|이|가)\s*"
    + _CUES.group("join_decisions")
    + r")|"
    + _CUES.alt("join_phrases")
)
# Leaving: the membership ends ('탈퇴했다', '컨소시엄에서 빠졌다').
_LEAVE = re.compile(
    _CUES.group("leave_verbs") + _CUES.group("leave_endings") + "|" + _CUES.alt("leave_phrases")
)
_NEGATED = re.compile(r"[가-힣]{0,3}지\s*(?:않|못)")
# A headline's bare noun: "LG CNS, 'AX 얼라이언스' 합류", "…네이버·삼성전자 등 참여".
_JOIN_HEADLINE = re.compile(_CUES.group("headline_joins") + r"(?=\s*(?:$|\.\.\.|…|,|\s[-–|]))")
# '참여하고 있다', '참여 중이다': a present state, not the day of joining.
_STATIVE = re.compile(r"(?:하|해)?" + _CUES.group("stative"))
_LATER = _CUES.regex("later")
# '출범 때는 A, B가 참여했다': members from the founding on.
_FOUNDING_TIME = re.compile(
    _CUES.group("founding_time_nouns")
    + r"\s*"
    + _CUES.group("founding_times")
    + r"(?:부터|에는|는)?\s"
)
_FOUNDER_NOUN = _CUES.regex("founder_nouns")
# '컨소시엄 참여기관은 A, B 등 4개 대학과 C, D다': the members follow.
_MEMBER_LIST = re.compile(_CUES.group("member_list_nouns") + r"(?:은|는|으로는|로는)\s")
# 'NIPA가 사무국을 맡는다': the secretariat is a member (the gold's reading).
_SECRETARIAT = re.compile(
    _CUES.alt("secretariat") + r"(?:을|를|은|는)?\s*" + _CUES.group("secretariat_verbs")
)
# '사무국은 NIA가 맡는다': the secretariat named after the cue.
_SECRETARIAT_BY = re.compile(_CUES.alt("secretariat") + r"(?:은|는)\s")
_SECRETARIAT_VERB = re.compile(r"\s*" + _CUES.group("secretariat_verbs"))
# A founding this many days from the article's event is the article's news.
_NEWS_DAYS = 7
_LOC_WORD = re.compile(
    r"(?P<word>[^\s]+?)(?:에|에는|에도|에서|에서도|에서는)\s(?!따르면|의하면|"
    + _CUES.alt("following_words")
    + ")"
)
# 'A에 이어 B도': B comes after A, who is already there.
_FOLLOWING = re.compile(r"^\S*\s+" + _CUES.group("following_words") + r"(?:\s|,|$)")
_DATE_WORD = re.compile(r"(?:\d+\s*(?:일|월|년|기|차)|" + _CUES.alt("date_words") + r")$")


def membership(ctx: ArticleContext, view: SentenceView) -> None:
    """Founding, joining, leaving and leading, in that order, then member lists and the
    secretariat.

    An organisation is tied only to an alliance this sentence names or refers to ('얼라이언스는',
    '이 연합'); an unnamed grouping ('경쟁 연합') ties no one. What a sentence denies or only
    plans ('합류하지 않았다', '빠진 기업은 없다', '가입할 예정이다') ties no one either.
    """
    alliances = alliances_in(view)
    default = view.date or ctx.event.isoformat()
    consortium_leads(ctx, view, alliances)
    _joins(ctx, view, alliances)
    _leaves(ctx, view, alliances, default)
    founding(ctx, view, alliances, default)
    founding_together(ctx, view, alliances, default)
    leading(ctx, view, alliances)
    _member_lists(ctx, view, alliances)
    _secretariat(ctx, view, alliances)
    _owners(ctx, view, alliances)


def _owners(ctx: ArticleContext, view: SentenceView, alliances: list[Mention]) -> None:
    """'SK텔레콤, 삼성전자, 카카오의 AI 초협력', "KT 'AI 원팀'": the alliance of those named
    in the genitive right before it. They are its members (role and date come from the
    sentences that say more); the organisations of the rest of the sentence are not."""
    for group in view.groups:
        if group.case != "gen" or unreal(view, view.local(group.end) + 1):
            continue
        owned = next(
            (m for m in alliances if not m.generic and 0 <= m.start - group.end <= 3), None
        )
        if owned is None or _only_quotes(view, group.end, owned.start) is False:
            continue
        for key in group.keys:
            ctx.relate("MEMBER_OF", key, owned.key, view, role="member")


def _only_quotes(view: SentenceView, start: int, end: int) -> bool:
    gap = view.text[view.local(start) : view.local(end)]
    return all(c in " '\"‘’“”의" for c in gap)


def _joins(ctx: ArticleContext, view: SentenceView, alliances: list[Mention]) -> None:
    """'X가 <A>에 합류했다': X (and those 'with' it) members of A, from the day written, the
    founding day for founding members, or (a present state aside) the day of the news."""
    joins = list(_JOIN.finditer(view.text))
    if view.headline:
        joins += list(_JOIN_HEADLINE.finditer(view.text))
    for cue in joins:
        if _NEGATED.match(view.text, cue.end()) or unreal(view, cue.end(), cue.start()):
            continue
        if _joins_something_else(view, cue.start()):
            continue  # '창립 논의에 참여했다': the discussion, not the alliance
        target = _alliance_near(alliances, view, cue.start(), prefer="loc")
        target = target or paragraph_alliance(ctx, view) or sole_alliance(ctx)
        target = target or headline_alliance(ctx)
        if target:
            _predecessors(ctx, view, cue.start(), target)
        group = _joiners(view, cue)
        if not (target and group):
            continue
        keys = list(group.keys) + _with_partners(view, group, cue.start())
        founder = bool(
            _FOUNDER_NOUN.search(view.text[max(0, cue.start() - 15) : cue.start()])
            or _FOUNDING_TIME.search(view.text[: cue.start()])
        )
        founded = _founded_before(ctx, view, cue.start())
        if founded and not _STATIVE.match(view.text, cue.end()):
            # '지난 2월 출범한 X에는 A, B가 참여했다': who took part at the founding.
            for key in keys:
                ctx.relate("MEMBER_OF", key, target, view, since=founded, role="founder")
            continue
        # '참여하고 있다' (a member now) and '최근 … 가입했다' leave the day open; a join
        # reported with the founding dates from it. A present state takes only a date of
        # its own clause.
        stative = _STATIVE.match(view.text, cue.end()) or _LATER.search(view.text)
        dated = date_in_clause if stative else date_before
        since = dated(ctx, view, cue.start())
        if founder:  # founders are members from the founding day, when it is known
            since = ctx.founded.get(target) or since
        # '협의회에 참여한 A와 B는 올해 초부터 …': an adnominal join describes its noun; a
        # date after it is the main clause's
        adnominal = view.local(group.start) >= cue.end()
        if since is None and not stative and not adnominal:
            since = _founding_news(ctx, target) or date_after(ctx, view, cue.end())
            since = since or ctx.event.isoformat()
        # who took part on the founding day took part in the founding
        founder = founder or bool(since and since == ctx.founded.get(target))
        for key in keys:
            ctx.relate(
                "MEMBER_OF", key, target, view, since=since,
                role="founder" if founder else "member",
            )  # fmt: skip


def _predecessors(ctx: ArticleContext, view: SentenceView, cue: int, target: str) -> None:
    """'A, B에 이어 C까지 참여하게 됐다', 'A에 이어 B도 합류했다': those the joiners follow
    ('…에 이어') were in the alliance before them, since a day the clause does not give."""
    lo, _ = clause_around(view, cue)
    for group in view.groups:
        start, end = view.local(group.start), view.local(group.end)
        if group.case != "loc" or start < lo or end > cue or group.ref:
            continue
        after = view.text[end : end + 8]
        if not _FOLLOWING.match(after):
            continue
        for key in group.keys:
            ctx.relate("MEMBER_OF", key, target, view, role="member")


def _founding_news(ctx: ArticleContext, target: str) -> str | None:
    """The founding day, when the article reports the founding as its news (an undated join
    then took part in it); a founding told as a recap ('작년 2월 출범했으며') is history, and
    an undated join in such an article is the day's news."""
    founded = ctx.founded.get(target)
    if founded is None or len(founded) < 10:
        return founded if founded and ctx.event.isoformat().startswith(founded) else None
    return founded if abs((date.fromisoformat(founded) - ctx.event).days) <= _NEWS_DAYS else None


def _founded_before(ctx: ArticleContext, view: SentenceView, cue: int) -> str | None:
    """The date of a founding relative clause before the cue ('지난 2월 출범한 …'), if any."""
    clauses = [w for w in founding_clauses(view) if w.end <= cue]
    return date_before(ctx, view, clauses[-1].start) if clauses else None


def _joiners(view: SentenceView, cue: re.Match[str]) -> Group | None:
    """Who joins: the subject before the cue (not a relative clause's), the subject right
    after an adnominal cue, a headline's actor, or 'X의' before '가입 신청'."""
    group = _genitive_joiner(view, cue.start())
    group = group or nearest_subject(view, cue.start(), skip=is_relative_subject)
    group = group or _subject_after(view, cue)
    if view.headline and group is None:
        group = _headline_actor(view, cue.start())
    return group


_JOIN_NOUN_GAP = re.compile(r"의?\s(?:" + _CUES.group("join_noun_modifiers") + r"\s)?$")


def _genitive_joiner(view: SentenceView, cue: int) -> Group | None:
    """'A와 B의 신규 가입을 승인했다', 'X의 가입 신청이 승인됐다': a join told as a noun belongs
    to the genitive right before it, whoever the clause's subject is (the alliance, here)."""
    for group in view.groups:
        end = view.local(group.end)
        if group.case == "gen" and end < cue and _JOIN_NOUN_GAP.fullmatch(view.text, end, cue):
            return group
    return None


def _leaves(
    ctx: ArticleContext, view: SentenceView, alliances: list[Mention], default: str
) -> None:
    """'X가 <A>에서 탈퇴했다': X's membership of A ends on the day written (or the news)."""
    for cue in _LEAVE.finditer(view.text):
        if unreal(view, cue.end(), cue.start()) or _joins_something_else(view, cue.start()):
            continue
        if _left_what_was_joined(view, cue.start()):
            continue
        target = _alliance_near(alliances, view, cue.start(), prefer="loc")
        target = target or paragraph_alliance(ctx, view) or sole_alliance(ctx)
        group = nearest_subject(view, cue.start()) or _subject_after(view, cue)
        if target and group:
            until = date_before(ctx, view, cue.start()) or default
            for key in group.keys:
                ctx.relate("MEMBER_OF", key, target, view, until=until, role="member")


def _left_what_was_joined(view: SentenceView, cue: int) -> bool:
    """'창립 논의에 참여했다가 막판에 빠졌다': after '-다가', leaving is leaving what the
    interrupted clause joined, here a discussion and not the alliance."""
    joins = [j for j in _JOIN.finditer(view.text, 0, cue)]
    if not joins:
        return False
    word = view.word_at(joins[-1].start())
    return (
        word is not None
        and word.ending == "EC"
        and word.surface.endswith("다가")
        and _joins_something_else(view, joins[-1].start())
    )


def _joins_something_else(view: SentenceView, cue: int) -> bool:
    """'협의체 창립 논의에 참여했다', '사업에 참여한다': the nearest '…에' before the cue in its
    clause is not an alliance (nor a date), so what is joined is something else."""
    lo, _ = clause_around(view, cue)
    words = list(_LOC_WORD.finditer(view.text[lo:cue]))
    if not words:
        return False
    last = words[-1]
    if _DATE_WORD.search(last["word"]):
        return False
    start = view.offset + lo + last.start("word")
    end = view.offset + lo + last.end("word")
    return not any(m.start < end and start < max(m.after, m.end) for m in alliances_in(view))


def _headline_actor(view: SentenceView, cue: int) -> Group | None:
    """'LG CNS, MS 주도 'AX 얼라이언스' 합류': the headline's first name, before its comma,
    or the bare list right before the cue in the same segment ('네이버·삼성전자 등 참여')."""
    lo, _ = clause_around(view, cue)
    before = [g for g in view.groups if lo <= view.local(g.start) and view.local(g.end) <= cue]
    if not before:
        return None
    first = before[0]
    if first.case in ("subj", "bare") and view.local(first.start) == lo:
        return first
    return None


def _member_lists(ctx: ArticleContext, view: SentenceView, alliances: list[Mention]) -> None:
    """'컨소시엄 참여기관은 연세대, 고려대 등 4개 대학과 삼성전자다': the listed are members."""
    for cue in _MEMBER_LIST.finditer(view.text):
        before = [m for m in alliances if view.local(m.end) <= cue.start()]
        target = before[-1].key if before else paragraph_alliance(ctx, view)
        target = target or sole_alliance(ctx) or headline_alliance(ctx)
        if target is None or unreal(view, cue.end(), cue.start()):
            continue
        after = [g for g in view.groups if view.local(g.start) >= cue.end()]
        if not after or after[0].case not in ("pred", "subj", "bare"):
            continue
        founder = "창립" in cue.group()
        # '기존 회원사로는 …': who is in it now, since a day only a date or '창립' gives
        since = date_before(ctx, view, len(view.text))
        since = since or (ctx.founded.get(target) if founder else None)
        if since is None and (news := _founding_news(ctx, target)):
            founder, since = True, news  # the list of an alliance the article launches
        for key in after[0].keys:
            ctx.relate(
                "MEMBER_OF", key, target, view, since=since,
                role="founder" if founder else "member",
            )  # fmt: skip


def _secretariat(ctx: ArticleContext, view: SentenceView, alliances: list[Mention]) -> None:
    """'연합은 금융보안원이 사무국을 맡아 운영한다': the secretariat is a member of it."""
    cue = _SECRETARIAT.search(view.text)
    by = _SECRETARIAT_BY.search(view.text) if cue is None else None
    found = cue or by
    if found is None:
        return
    target = _alliance_for(alliances, view, "subj") or paragraph_alliance(ctx, view)
    target = target or sole_alliance(ctx) or headline_alliance(ctx)
    if by is not None:
        after = [g for g in view.groups if view.local(g.start) >= by.end()]
        group = after[0] if after and after[0].case == "subj" else None
        if group is not None and not _SECRETARIAT_VERB.match(view.text[view.local(group.end) :]):
            group = None
    else:
        group = nearest_subject(view, found.start())
    if target is None or group is None or len(group.keys) != 1:
        return
    since = ctx.founded.get(target) or date_before(ctx, view, found.start())
    ctx.relate("MEMBER_OF", group.keys[0], target, view, since=since, role="member")


def _with_partners(view: SentenceView, subject: Group, cue: int) -> list[str]:
    """'뷰노는 루닛, 딥노이드와 함께 창립 회원사로 활동해 왔다': those 'with' the subject."""
    keys: list[str] = []
    for g in view.groups:
        if g.case != "com" or not (subject.end <= g.start and view.local(g.end) <= cue):
            continue
        if re.match(r"\s*함께", view.text[view.local(g.end) :]):
            keys.extend(k for k in g.keys if k not in subject.keys)
    return keys


def _alliance_near(
    alliances: list[Mention], view: SentenceView, cue: int, prefer: str
) -> str | None:
    """The alliance a join or exit cue is about: '<A>에 합류', '<A>에서 탈퇴', else the one
    nearest before the cue, else the sentence's only one (in a headline, the only one of the
    cue's segment: 'A·B 등 참여…'대항마' C 컨소시엄은 고배' is not about C)."""
    before = [m for m in alliances if view.local(m.end) <= cue]
    marked = [m for m in before if m.case == prefer]
    if marked:
        return marked[-1].key
    if before:
        return before[-1].key
    hi = clause_around(view, cue)[1] if view.headline else len(view.text)
    keys = list(dict.fromkeys(m.key for m in alliances if view.local(m.start) < hi))
    return keys[0] if len(keys) == 1 else None


def _subject_after(view: SentenceView, cue: re.Match[str]) -> Group | None:
    """'[9월 원팀에 합류했던] 한화시스템은': the subject right after an adnominal cue."""
    rest = view.text[cue.start() :]
    clause = re.match(r"\S*(?:했던|하던|한|된)\s", rest)
    if clause is None:
        return None
    start = cue.start() + clause.end()
    for group in view.groups:
        gap = view.local(group.start) - start
        if gap < 0:
            continue
        if group.case == "subj" and gap <= 12:
            return group
        # '작년 합류한 동원그룹에 이어': the name the clause describes, in any case
        return group if gap == 0 and not group.ref else None
    return None


def _alliance_for(alliances: list[Mention], view: SentenceView, prefer_case: str) -> str | None:
    """The sentence's alliance marked with ``prefer_case``, else its first."""
    if not alliances:
        return None
    preferred = [m for m in alliances if m.case == prefer_case]
    return (preferred or alliances)[0].key
