"""Reading a sentence the way every relation rule does: clauses, subjects, parties, dates.

Korean puts the verb last and marks roles with particles, so a rule finds its cue (a verb
or noun of the relation) and then looks back for who does it: the nearest subject group
before the cue, the organisations 'with' it, within the cue's clause (a long sentence has
several) or, in a headline, its segment. A clause that denies, doubts or only plans what
the cue says ('합류하지 않았다', '가입할 예정이다') states no fact, whatever the kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..context import ArticleContext, SentenceView
from ..cues import load
from ..dates import find_dates
from ..grammar import Word, clauses
from ..mentions import Group, Mention

_CUES = load("clauses")
# The clause a cue stands in: up to its first predicate ending ('…없다', '…예정이다').
_CLAUSE_REST = re.compile(r".*?(?:다(?![가-힣])|다고|[.?!]|$)")
# Denied, doubted or only planned: no fact yet.
_UNREAL = _CUES.regex("unreal")
# The clause boundaries of a long sentence ('…개발하고 있으며, 올해 초 …').
CLAUSE_END = re.compile(_CUES.group("clause_endings") + r"[,]?\s")
_HEADLINE_SEGMENT = re.compile(r"\.\.\.|…|\s[-–|]\s|\s/\s")
_SUBJECT_WORD = re.compile(r"[가-힣]+(?:이|가)\s")
_EACH = _CUES.regex("distributive")
_FUTURE = _CUES.set("future_adverbs")
_PERFECT_NOUNS = _CUES.set("perfect_nouns")
# '같은 날', '같은 달', '같은 해', '당시': the date named last at least as precise as the
# first number (an ISO prefix length), cut to the second
_SAME = (
    (re.compile(_CUES.alt("same_day")), 10, 10),
    (re.compile(_CUES.alt("same_month")), 7, 7),
    (re.compile(_CUES.alt("same_year")), 4, 4),
    (re.compile(_CUES.alt("same_time")), 4, 10),
)
_AUXILIARY = frozenset({"있", "오", "가", "두"})
_FOUNDING_PREDICATES = load("membership").set("founding_predicates")
_MEMBERSHIP_PREDICATES = _FOUNDING_PREDICATES | load("membership").set("joining_predicates")


def unreal(view: SentenceView, cue_end: int, cue_start: int | None = None) -> bool:
    """Whether the clause a cue ends ('…빠진 것으로 알려진 기업은 없다', '가입할 예정이다')
    denies, doubts or only plans it: a cue word in the prospective adnominal form
    ('합류할 것으로', '체결할 계획') or a future adverb before it in its clause ('조만간',
    '이르면 이달') says it has not happened yet."""
    rest = _CLAUSE_REST.match(view.text, cue_end)
    if rest and any(_heads_word(view, m) for m in _UNREAL.finditer(view.text, cue_end, rest.end())):
        return True
    word = view.word_at(cue_end - 1)
    if word is not None and word.prospective:
        return True
    if cue_start is None:
        return False
    start = max((w.end for w in view.words if w.end <= cue_start and w.ending == "EF"), default=0)
    return any(w.stem in _FUTURE for w in view.words if start <= w.start and w.end <= cue_start)


def _heads_word(view: SentenceView, match: re.Match[str]) -> bool:
    """Whether a cue of doubt or plan is its word's head, not a piece of a longer noun:
    '체결할 계획이다' plans, '사업계획서를 냈다' reports a document."""
    word = view.word_at(match.start())
    return word is None or match.end() >= word.stem_end


def clause_around(view: SentenceView, pos: int) -> tuple[int, int]:
    """The clause (body) or headline segment around ``pos``, as local offsets."""
    pattern = _HEADLINE_SEGMENT if view.headline else CLAUSE_END
    lo, hi = 0, len(view.text)
    for match in pattern.finditer(view.text):
        if match.end() <= pos:
            lo = match.end()
        elif match.start() >= pos:
            hi = match.start()
            break
    return lo, hi


def nearest_subject(
    view: SentenceView, cue: int, *, skip: Callable[[SentenceView, Group], bool] | None = None
) -> Group | None:
    """The subject group closest before the cue, unless another subject stands between.

    Subjects ``skip`` rejects are passed over: membership passes those of a relative clause
    ('IBM과 메타가 주도하는 …'), which do not do what the sentence's verb says.
    """
    subjects = [g for g in view.groups if g.case == "subj" and view.local(g.end) <= cue]
    if skip is not None:
        subjects = [g for g in subjects if not skip(view, g)]
    if not subjects:
        return None
    group = subjects[-1]
    between = view.text[view.local(group.end) : cue]
    if (
        _SUBJECT_WORD.search(between + " ")
        and not _only_orgs(view, group.end, cue)
        and not _relative_subjects_only(view, view.local(group.end), cue)
    ):
        return None
    return group


def _relative_subjects_only(view: SentenceView, start: int, cue: int) -> bool:
    """Whether every subject between ``start`` and the cue stands in a relative clause
    ('우리은행은 국내 산학연이 참여 중인 'AI원팀'에 합류했다': 산학연 is 참여's subject)."""
    words = [w for w in view.words if start <= w.start and w.end <= cue]
    for i, word in enumerate(words):
        if word.particle not in ("이", "가"):
            continue
        if not any(adnominal(view, later.start) for later in words[i + 1 :]):
            return False
    return True


def _only_orgs(view: SentenceView, start: int, cue: int) -> bool:
    """True when every subject-marked word between is itself a mention (an alliance, say)."""
    local = view.local(start)
    for match in _SUBJECT_WORD.finditer(view.text[local:cue] + " "):
        pos = view.offset + local + match.start()
        if not any(m.start <= pos < m.after for m in view.mentions):
            return False
    return True


def date_before(ctx: ArticleContext, view: SentenceView, cue: int) -> str | None:
    """The date written nearest before the cue in this sentence ('지난달 30일 … 탈퇴'), unless
    a founding relative clause stands between and takes it: in '지난해 2월 출범한 원팀에는
    …이 참여하고 있다' the date is the founding's, not the joining's."""
    dates = [d for d in find_dates(view.text, ctx.published, ctx.event) if d.end <= cue]
    for pattern, precision, cut in _SAME:
        same = pattern.search(view.text, 0, cue)
        if same and not any(d.start > same.start() for d in dates):
            # '같은 날': the day the text named last, in this sentence or before it
            precise = [d.value for d in dates if len(d.value) >= precision]
            named = precise[-1] if precise else _previous_date(ctx, view, precision)
            return named[:cut] if named else None
    if not dates:
        return None
    last = dates[-1]
    if any(last.end <= w.start and w.end <= cue for w in membership_clauses(view)):
        return None  # '작년 합류한 A에 이어 B가 참여하면서': the date is A's
    return last.value


def date_after(ctx: ArticleContext, view: SentenceView, cue: int) -> str | None:
    """The first date written after the cue ('A가 합류했다고 22일 밝혔다': the day said of
    the report is the day of what it reports)."""
    return next(
        (d.value for d in find_dates(view.text, ctx.published, ctx.event) if d.start >= cue),
        None,
    )


def _previous_date(ctx: ArticleContext, view: SentenceView, precision: int) -> str | None:
    """The last date written before this sentence at least as precise as ``precision`` (an
    ISO prefix length): what '같은 날' (10) or '같은 달' (7) refers to."""
    for earlier in (v for v in ctx.earlier(view) if not v.headline):
        dates = find_dates(earlier.text, ctx.published, ctx.event)
        precise = [d.value for d in dates if len(d.value) >= precision]
        if precise:
            return precise[-1]
    return None


def date_in_clause(ctx: ArticleContext, view: SentenceView, cue: int) -> str | None:
    """``date_before``, but only a date of the cue's own clause: in 'AI 원팀은 작년 2월
    출범했으며, KT와 …이 참여하고 있다' the date is the first clause's."""
    dates = [d for d in find_dates(view.text, ctx.published, ctx.event) if d.end <= cue]
    if not dates or any(dates[-1].end <= w.start and w.end <= cue for w in boundaries(view)):
        return None
    return date_before(ctx, view, cue)


def boundaries(view: SentenceView, *, strong: bool = False) -> list[Word]:
    """Words that close a clause: a predicate with a connective or final ending (with
    ``strong``, only a final one or a connective before a comma: '…위해 결성한' keeps its
    purpose clause inside the relative clause)."""
    ends = [c.words[-1] for c in clauses(view.words) if c.predicate is not None]
    if not strong:
        return ends
    return [w for w in ends if w.ending == "EF" or view.text.startswith(",", w.end)]


def membership_clauses(view: SentenceView) -> list[Word]:
    """Adnominal founding or joining verbs ('출범한', '합류한'): a date before one is the
    date of the alliance or member it describes, not of the sentence's own verb."""
    return [w for w in view.words if w.ending == "ETM" and w.predicate in _MEMBERSHIP_PREDICATES]


def founding_clauses(view: SentenceView) -> list[Word]:
    """Adnominal founding verbs ('출범한', '결성된', '꾸린'): their clause describes an
    alliance named after them."""
    return [w for w in view.words if w.ending == "ETM" and w.predicate in _FOUNDING_PREDICATES]


def adnominal(view: SentenceView, pos: int) -> bool:
    """Whether the word at local ``pos`` ends in an adnominal ending ('출범한', '참여한') that
    describes a noun; '합의한 바 있다', '참여한 적이 있다' are finite (a bound noun of
    experience makes the verb the clause's predicate)."""
    word = view.word_at(pos)
    if word is None:
        return False
    after = next((w for w in view.words if w.start >= word.end), None)
    if word.ending == "EC" and after is not None and after.predicate in _AUXILIARY:
        # '이끌고 있는 KT', '참여 중인': the auxiliary carries the adnominal ending
        word, after = after, next((w for w in view.words if w.start >= after.end), None)
    if word.ending != "ETM":
        return False
    return after is None or after.stem not in _PERFECT_NOUNS


def alliances_in(view: SentenceView) -> list[Mention]:
    """The alliances (and references to one) the sentence names, in order."""
    return view.of_type("Alliance")


def sole_alliance(ctx: ArticleContext) -> str | None:
    """The one alliance the article names, registered or not: what a join with no alliance
    in its sentence or paragraph ('…등 9개사가 창립 조합원사로 이름을 올렸다') is about."""
    return ctx.named_alliances[0] if len(ctx.named_alliances) == 1 else None


def headline_alliance(ctx: ArticleContext) -> str | None:
    """The alliance the headline names first: what the story is about, for a join no other
    alliance is in reach of ('이후 회원사는 꾸준히 늘었다. 지난 6월 A와 B가 가입했고')."""
    for view in ctx.views:
        if not view.headline:
            break
        named = [m for m in alliances_in(view) if not m.generic]
        if named:
            return named[0].key
    return None


def single_alliance(ctx: ArticleContext) -> str | None:
    """The article's alliance, when it names exactly one: what a bare '동맹' refers to."""
    return ctx.alliance_ids[0] if len(ctx.alliance_ids) == 1 else None


def parties_before(view: SentenceView, cue: int) -> list[str]:
    """Organisations acting together before the cue: the subject and those 'with' it."""
    keys: list[str] = []
    for group in view.groups:
        if view.local(group.start) >= cue:
            continue
        if group.case in ("subj", "com") or (group.case == "bare" and view.headline):
            keys.extend(k for k in group.keys if k not in keys)
    return keys


def pairs_before(view: SentenceView, cue: int) -> list[tuple[str, str]]:
    """Who acts with whom before a cue: the subject × those 'with' it ('X는 Y, Z 등과'),
    pairwise when '각각' distributes; two organisations acting together otherwise."""
    subject = nearest_subject(view, cue)
    with_ = [
        k
        for g in view.groups
        if g.case == "com"
        and view.local(g.end) <= cue
        and (subject is None or g.start >= subject.end)
        for k in g.keys
    ]
    with_ = list(dict.fromkeys(with_))
    if subject is not None and with_:
        if _EACH.search(view.text[view.local(subject.end) : cue]) and len(subject.keys) == len(
            with_
        ):
            return list(zip(subject.keys, with_, strict=True))
        return [(a, b) for a in subject.keys for b in with_ if a != b]
    parties = parties_before(view, cue)
    return [(parties[0], parties[1])] if len(parties) == 2 else []


def present_state(view: SentenceView) -> bool:
    """Whether the sentence ends in a present state ('…진영을 꾸려 AI 원팀에 맞서고 있다',
    '…활동해 왔다'): it describes how things stand, so an undated founding or join in it
    is not dated by the day of the news."""
    predicates = [w for w in view.words if w.predicate is not None]
    if len(predicates) < 2:
        return False
    last, before = predicates[-1], predicates[-2]
    return (
        last.predicate in _AUXILIARY
        and not last.stem
        and before.ending == "EC"
        and before.end <= last.start
    )


def paragraph_alliance(ctx: ArticleContext, view: SentenceView) -> str | None:
    """The alliance the paragraph is about: the one the nearest earlier sentence of the same
    paragraph names, when it names exactly one."""
    text = ctx.article.text
    later = view
    for earlier in ctx.earlier(view):
        if "\n" in text[earlier.sentence.end : later.offset] or earlier.headline:
            return None
        keys = list(dict.fromkeys(m.key for m in alliances_in(earlier)))
        if keys:
            return keys[0] if len(keys) == 1 else None
        later = earlier
    return None
