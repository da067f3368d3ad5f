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


def unreal(text: str, cue_end: int) -> bool:
    """Whether the clause a cue ends ('…빠진 것으로 알려진 기업은 없다', '가입할 예정이다')
    denies, doubts or only plans it."""
    rest = _CLAUSE_REST.match(text, cue_end)
    return bool(rest and _UNREAL.search(rest.group()))


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
    if _SUBJECT_WORD.search(between + " ") and not _only_orgs(view, group.end, cue):
        return None
    return group


def _only_orgs(view: SentenceView, start: int, cue: int) -> bool:
    """True when every subject-marked word between is itself a mention (an alliance, say)."""
    local = view.local(start)
    for match in _SUBJECT_WORD.finditer(view.text[local:cue] + " "):
        pos = view.offset + local + match.start()
        if not any(m.start <= pos < m.after for m in view.mentions):
            return False
    return True


def date_before(ctx: ArticleContext, view: SentenceView, cue: int) -> str | None:
    """The date written nearest before the cue in this sentence ('지난달 30일 … 탈퇴')."""
    dates = [d for d in find_dates(view.text, ctx.published, ctx.event) if d.end <= cue]
    return dates[-1].value if dates else None


def alliances_in(view: SentenceView) -> list[Mention]:
    """The alliances (and references to one) the sentence names, in order."""
    return view.of_type("Alliance")


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
