"""Membership said without a verb of joining: a role noun, a composition, an activity.

Korean news often tells who is in an alliance with the noun of membership in the adverbial
case rather than with 합류/가입: "A, B 등 4곳을 신규 회원사로 맞았다" (the object joins the
alliance that is the subject), "9개사가 창립 조합원사로 이름을 올렸다" (the subject joins),
and describes an alliance by what it is made of: "얼라이언스는 A, B 등 16곳으로 구성돼
있다". "기존에는 A, B 등이 활동해 왔다" lists those already in it, and "A, B가 참여기관이다" says
what they are. Read on the grammar
layer (``grammar.py``): the role noun is a word whose stem is in ``member_role_nouns`` with
the particle 로/으로, the composition a predicate in ``composition_predicates``.

Dates follow the membership rule: a join takes the date of its clause or the day of the
news; a composition or a present activity is a state at the article's date (no since).
"""

from __future__ import annotations

from ..context import ArticleContext, SentenceView
from ..cues import load
from ..grammar import Word
from ..mentions import Group, Mention
from .clauses import (
    alliances_in,
    date_in_clause,
    headline_alliance,
    paragraph_alliance,
    sole_alliance,
    unreal,
)

_CUES = load("membership")
_ROLE_NOUNS = _CUES.set("member_role_nouns")
_TAKERS = _CUES.set("member_role_takers")
_COMPOSED = _CUES.set("composition_predicates")
_LEAD_ROLES = _CUES.set("lead_role_nouns")
_FOUNDING = _CUES.set("founding_predicates")
_ACTIVE = _CUES.set("activity_predicates")
_APPOINT = _CUES.set("appointment_predicates")
_FOUNDER_MARK = "창립"


def composition(ctx: ArticleContext, view: SentenceView) -> None:
    """Role-noun joins, compositions and present activity, for the sentence's alliance."""
    if view.headline or not view.groups:
        return
    alliances = alliances_in(view)
    for i, word in enumerate(view.words):
        cast = word.particle in ("로", "으로") and word.stem in _ROLE_NOUNS | _LEAD_ROLES
        if cast and _cast(ctx, view, alliances, i):
            continue
        if word.stem in _ROLE_NOUNS and word.particle in ("로", "으로"):
            _role_noun(ctx, view, alliances, i)
        elif word.stem in _LEAD_ROLES and word.particle in ("로", "으로"):
            _appointed(ctx, view, alliances, i)
        elif word.predicate in _COMPOSED and word.ending in ("EF", "EC", "ETM"):
            _state(ctx, view, alliances, word, cases=("loc",))
        elif (word.predicate in _ACTIVE or word.stem in _ACTIVE) and _stative(view, word):
            _state(ctx, view, alliances, word, cases=("subj",))
        elif word.stem in _ROLE_NOUNS and any(m.tag == "VCP" for m in word.morphs):
            # 'A와 B, C가 참여기관이다': the role noun as the predicate says what they are;
            # '이 회사는 … 'X'의 창립 회원사다': a founder, from the founding
            founder = any(w.stem == _FOUNDER_MARK for w in view.words[max(0, i - 2) : i])
            _state(ctx, view, alliances, word, cases=("subj",), founder=founder)


def _role_noun(
    ctx: ArticleContext, view: SentenceView, alliances: list[Mention], index: int
) -> None:
    word = view.words[index]
    verb = next((w for w in view.words[index + 1 : index + 4] if w.predicate), None)
    if verb is None or unreal(view, verb.end, verb.start):
        return
    founder = any(w.stem == _FOUNDER_MARK for w in view.words[max(0, index - 2) : index])
    before = [g for g in view.groups if view.local(g.end) <= word.start]
    objects = [g for g in before if g.case == "obj"]
    if verb.predicate in _TAKERS and objects:
        group, target = objects[-1], _alliance(ctx, view, alliances, ("subj",))
    else:
        subjects = [g for g in before if g.case == "subj"]
        if not subjects:
            return
        group, target = subjects[-1], _alliance(ctx, view, alliances, ("loc",))
    if target is None:
        return
    # founders are members from the founding day, when the article gives it ('출범 당시 …
    # 창립 멤버로': '당시' is that day, not the last date written)
    since = ctx.founded.get(target) if founder else None
    since = since or date_in_clause(ctx, view, word.start) or ctx.event.isoformat()
    role = "founder" if founder else "member"
    for key in group.keys:
        ctx.relate("MEMBER_OF", key, target, view, since=since, role=role)


def _appointed(
    ctx: ArticleContext, view: SentenceView, alliances: list[Mention], index: int
) -> None:
    """'대붕항공을 … 공동 의장사로 선임했다': whom an alliance appoints to a lead role (the
    object before the role noun) leads it ('…와 함께' names one who already did)."""
    word = view.words[index]
    verb = next((w for w in view.words[index + 1 : index + 3] if w.predicate), None)
    if verb is None or verb.predicate not in _APPOINT or unreal(view, verb.end, verb.start):
        return
    before = [g for g in view.groups if view.local(g.end) <= word.start]
    objects = [g for g in before if g.case == "obj"]
    target = _alliance(ctx, view, alliances, ("subj", "loc"))
    target = target or paragraph_alliance(ctx, view) or headline_alliance(ctx)
    if not objects or target is None:
        return
    for key in objects[-1].keys:
        ctx.relate("LEADS", key, target, view)
        ctx.relate("MEMBER_OF", key, target, view, role="leader")


def _cast(ctx: ArticleContext, view: SentenceView, alliances: list[Mention], index: int) -> bool:
    """'<A>은 지난 3월 X를 주관사로, B와 C를 참여기관으로 꾸려졌다': a founding verb casts
    the objects before each role noun in that role: a lead role leads A, a member role
    founds it, from the date of the clause."""
    word = view.words[index]
    verb = next((w for w in view.words[index + 1 :] if w.predicate and w.ending), None)
    if verb is None or verb.predicate not in _FOUNDING or unreal(view, verb.end, verb.start):
        return False
    objects = [g for g in view.groups if g.case == "obj" and view.local(g.end) <= word.start]
    if not objects or view.text[view.local(objects[-1].end) : word.start].strip():
        return False  # the object must stand right before its role noun
    target = _alliance(ctx, view, alliances, ("subj",))
    if target is None:
        return False
    since = date_in_clause(ctx, view, word.start) or ctx.founded.get(target)
    since = since or ctx.event.isoformat()
    ctx.founded.setdefault(target, since)
    lead = word.stem in _LEAD_ROLES
    for key in objects[-1].keys:
        if lead:
            ctx.relate("LEADS", key, target, view)
        ctx.relate(
            "MEMBER_OF", key, target, view, since=since, role="leader" if lead else "founder"
        )
    return True


def _state(
    ctx: ArticleContext,
    view: SentenceView,
    alliances: list[Mention],
    word: Word,
    cases: tuple[str, ...],
    founder: bool = False,
) -> None:
    if unreal(view, word.end, word.start):
        return
    groups = [g for g in view.groups if view.local(g.end) <= word.start and g.case in cases]
    target = _alliance(ctx, view, alliances, ("subj", "loc", "gen"))
    if not groups or target is None:
        return
    group: Group = groups[-1]
    since = ctx.founded.get(target) if founder else None
    for key in group.keys:
        role = "founder" if founder else "member"
        ctx.relate("MEMBER_OF", key, target, view, since=since, role=role)


def _stative(view: SentenceView, word: Word) -> bool:
    """'활동해 왔다', '활동하고 있다', '활동 중이다': a state, not an event."""
    index = view.words.index(word)
    nxt = view.words[index + 1] if index + 1 < len(view.words) else None
    return nxt is not None and nxt.predicate in ("오", "있", "중")


def _alliance(
    ctx: ArticleContext, view: SentenceView, alliances: list[Mention], cases: tuple[str, ...]
) -> str | None:
    """The alliance the sentence names in one of ``cases`` (its subject or '…에'), else its
    only one, else the article's only one."""
    marked = [m for m in alliances if m.case in cases]
    if marked:
        return marked[0].key
    keys = list(dict.fromkeys(m.key for m in alliances))
    if len(keys) == 1:
        return keys[0]
    return sole_alliance(ctx) if not keys else None
