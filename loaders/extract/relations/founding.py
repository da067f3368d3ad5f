"""Founding and leading an alliance: the half of the membership rule that says who began it.

An organisation that founds an alliance alone (the sole subject of 결성/출범/발족, including
a ministry holding the 발족식) organises it: LEADS, and MEMBER_OF with role leader, like one
that 주도/주관 it or is its 의장사. Several founders are founders. '<X> 컨소시엄' is led by X.
The founding day is remembered (``ctx.founded``) so later sentences can date founding
members from it.
"""

from __future__ import annotations

import re

from ..context import ArticleContext, SentenceView
from ..cues import load
from ..mentions import Group, Mention
from .clauses import (
    adnominal,
    boundaries,
    clause_around,
    date_before,
    headline_alliance,
    nearest_subject,
    paragraph_alliance,
    present_state,
    single_alliance,
    sole_alliance,
    unreal,
)

_CUES = load("membership")
_ALLIANCE_NOUN = re.compile("(?:" + load("alliances").alt("alliance_head_nouns") + ")$")
# A founding verb; '출범은 … 대응하기 위한 것' (a noun with a particle) founds nothing.
_FOUND = re.compile(
    _CUES.group("found_nouns")
    + r"(?!은|는|이|을|를|의|과|도|"
    + "|".join(r"\s*" + word for word in _CUES.words("found_noun_not_before"))
    + r"|\s*"
    + _CUES.group("found_noun_not_before_words")
    + r")|"
    + _CUES.alt("found_verbs")
)
FOUND_VERB = _FOUND
_FOUND_VERB = _CUES.regex("found_words")
_TOGETHER = re.compile(r"함께\s+(?:\S+\s+){0,6}?\S*?" + _CUES.group("together_verbs"))
_INITIATIVE = re.compile(r"먼저\s*" + _CUES.group("initiative"))
_LEAD = re.compile(
    _CUES.alt("lead")
    # 'MS 주도 'AX 얼라이언스'': the bare noun before a quoted name.
    + r"|(?<=[A-Za-z0-9가-힣]\s)(?:주도|중심)(?=\s+['‘\"“])|"
    # 'X를 중심으로 출범': the object leads.
    + r"(?:을|를)\s*중심으로|"
    + _INITIATIVE.pattern
)
_LEAD_ADNOMINAL = re.compile(_CUES.group("lead_adnominal") + "$")
# '얼라이언스 의장사는 모레가 맡는다': the leader follows the role noun.
_ROLE_NOUN = _CUES.regex("role_nouns")
_CO_LEAD = re.compile(_CUES.group("co_lead_words") + r"\s*$")
_FIRST_PERSON = load("people").set("first_person")
# A subject inside a relative clause ('IBM과 메타가 주도하는 …') is not the sentence's.
_RELATIVE_VERB = re.compile(
    r"\s*(?:\S*[^\s과와가이을를은는의에도]\s+){0,2}?\S*" + _CUES.group("relative_verbs") + r"\s"
)


def founding(
    ctx: ArticleContext, view: SentenceView, alliances: list[Mention], default: str
) -> None:
    """'A와 B는 'X'를 출범했다': the founders are the subject and those 'with' it in the verb's
    clause (or headline segment). A sole founder ('과기정통부는 'X' 발족식을 열었다', 'X가
    결성한 'Y'') organises the alliance: it leads it."""
    found = _FOUND.search(view.text)
    if not found or unreal(view, found.end(), found.start()):
        return
    if not alliances:
        _topic_founding(ctx, view, found.start(), default)
        return
    if adnominal(view, found.start()):
        # '… 결성한 'Frontier Model Forum'': the alliance is the noun the clause describes.
        relative_target = _described_alliance(view, alliances, found.end())
    target = _founded_alliance(alliances, view, found.start())
    dated = date_before(ctx, view, found.start())
    since = dated or (None if present_state(view) else default)
    if adnominal(view, found.start()):
        if relative_target is not None:
            # an undated relative clause ('업체들이 꾸린 X에 … 합류했다') is background: it
            # tells who founded X, not that X was founded on the day of the news
            _remember_founding(ctx, view, relative_target, dated, dated)
            _relative_founders(ctx, view, found.start(), relative_target, since)
        return
    _remember_founding(ctx, view, target, since, dated)
    lo, hi = clause_around(view, found.start())
    groups = [g for g in view.groups if not is_relative_subject(view, g)]
    subjects = [g for g in groups if g.case == "subj"]
    in_clause = [g for g in subjects if lo <= view.local(g.start) < hi]
    if not in_clause and subjects and not view.headline:
        before = [g for g in subjects if view.local(g.end) <= found.start()]
        in_clause = before[-1:]  # the topic carried over from an earlier clause
    others = [g for g in groups if g.case in ("bare", "com") and lo <= view.local(g.start) < hi]
    founders = list(dict.fromkeys(k for g in in_clause + others for k in g.keys))
    if not founders:
        founders = _people_orgs(view, lo, found.start())
    if len(founders) == 1 and not _TOGETHER.search(view.text):
        ctx.relate("LEADS", founders[0], target, view)
        ctx.relate("MEMBER_OF", founders[0], target, view, since=since, role="leader")
        return
    for key in founders:
        ctx.relate("MEMBER_OF", key, target, view, since=since, role="founder")


def _topic_founding(ctx: ArticleContext, view: SentenceView, cue: int, default: str) -> None:
    """'(얼라이언스는 …이다.) 지난해 3월 A 주도로 출범했으며': with no subject of its own, a
    founding verb tells of the alliance the paragraph is about (Korean drops the topic it
    carries over). Its day is kept; those founding 'with' it ('A, B와 함께') are founders, and
    '주도로' is left to the lead rule, which dates the leader from this founding."""
    if view.headline or adnominal(view, cue):
        return
    lo, hi = clause_around(view, cue)
    groups = [g for g in view.groups if lo <= view.local(g.start) < hi]
    speakers = [g for g in groups if g.case == "subj" and g.members[0].surface in _FIRST_PERSON]
    if any(g.case == "subj" for g in groups) and not speakers:
        return
    target = paragraph_alliance(ctx, view)
    if target is None and speakers:  # '저희가 주도해 … 출범시켰습니다': the interview's alliance
        target = headline_alliance(ctx)
    if target is None:
        return
    dated = date_before(ctx, view, cue)
    since = dated or (None if present_state(view) else default)
    _remember_founding(ctx, view, target, since, dated)
    for group in speakers:
        ctx.relate("LEADS", group.keys[0], target, view)
        ctx.relate("MEMBER_OF", group.keys[0], target, view, since=since, role="leader")
    for group in groups:
        if group.case == "com" and view.local(group.end) <= cue:
            for key in group.keys:
                ctx.relate("MEMBER_OF", key, target, view, since=since, role="founder")


def _remember_founding(
    ctx: ArticleContext, view: SentenceView, target: str, since: str | None, dated: str | None
) -> None:
    """Keep the day an alliance was founded, for later sentences' founding members; a
    headline's undated '출범' does not date it (the body says when)."""
    if since is not None and (dated is not None or not view.headline):
        ctx.founded.setdefault(target, since)


def _relative_founders(
    ctx: ArticleContext, view: SentenceView, cue: int, target: str, since: str | None
) -> None:
    """'지난 2월 KT와 현대중공업지주 등이 결성한 AI 원팀은 …': the founders are the subjects
    inside the relative clause; the organisations the main clause lists after it (a recap
    of today's members: '…에는 A, B가 참여하고 있다') founded nothing."""
    start = max((w.end for w in boundaries(view, strong=True) if w.end <= cue), default=0)
    inside = [
        g
        for g in view.groups
        if start <= view.local(g.start)
        and view.local(g.end) <= cue
        and g.case in ("subj", "com")
        and not _topic(view, g)
    ]
    if not inside and _defines(view):
        # '지난 2월 결성된 AI 원팀은 KT와 … 등이 모인 협의체다': a definition of the alliance
        # by who formed it names its founders.
        inside = [g for g in view.groups if view.local(g.start) > cue and g.case == "subj"]
    founders = list(dict.fromkeys(k for g in inside for k in g.keys))
    if len(founders) == 1 and not _TOGETHER.search(view.text[start:cue]):
        ctx.relate("LEADS", founders[0], target, view)
        ctx.relate("MEMBER_OF", founders[0], target, view, since=since, role="leader")
        return
    for key in founders:
        ctx.relate("MEMBER_OF", key, target, view, since=since, role="founder")


def _topic(view: SentenceView, group: Group) -> bool:
    """A group marked '은/는' ('이 회사는 … 주도로 출범한 'X'의'): the main clause's topic;
    a relative clause marks its own subject with '이/가'."""
    return view.text[view.local(group.end) - 1 : view.local(group.end)] in ("은", "는")


def _described_alliance(view: SentenceView, alliances: list[Mention], cue_end: int) -> str | None:
    """The alliance a founding relative clause describes: the name right after it ('…이
    결성한 'Frontier Model Forum''), or, for a bare alliance noun ('K-UAM 원팀은 … 결성한
    컨소시엄이다'), the alliance the sentence is about (its topic)."""
    phrase_end = next(
        (w.end for w in view.words if w.start >= cue_end and (w.particle or w.predicate)),
        len(view.text),
    )  # the noun phrase the clause modifies: '데이터 동맹 '1T 클럽'의'
    named = next((m for m in alliances if cue_end <= view.local(m.start) < phrase_end), None)
    if named is not None:
        return named.key
    phrase = [w for w in view.words if cue_end <= w.start < phrase_end]
    phrase += [w for w in view.words if w.start >= phrase_end][:1]
    if not any(_ALLIANCE_NOUN.search(w.stem) for w in phrase):
        return None  # '결성된 AI 사업 협력체다': the head of the phrase is an alliance noun
    topics = [m for m in alliances if m.case == "subj" and view.local(m.end) <= cue_end]
    return topics[0].key if topics else None


def _people_orgs(view: SentenceView, lo: int, cue: int) -> list[str]:
    """'A사 대표와 B사 사장은 … 'X'에 합의했다': executives acting for their organisations
    (the subject of the clause is people, so their organisations are the parties)."""
    return list(
        dict.fromkeys(
            p.org.key
            for p in view.people
            if p.org is not None and lo <= view.local(p.start) and view.local(p.end) <= cue
        )
    )


def _defines(view: SentenceView) -> bool:
    """Whether the sentence ends in a copula ('…모인 협의체다'): it says what the alliance is."""
    last = next((w for w in reversed(view.words) if w.predicate is not None), None)
    return last is not None and any(m.tag == "VCP" for m in last.morphs)


def founding_together(
    ctx: ArticleContext, view: SentenceView, alliances: list[Mention], default: str
) -> None:
    """'X는 Y, Z와 함께 'A'를 결성했다': X leads, those 'with' it found (or join) it."""
    together = _TOGETHER.search(view.text)
    if together and alliances and not unreal(view, together.end(), together.start()):
        target = _founded_alliance(alliances, view, together.end())
        lead = nearest_subject(view, together.start())
        partners = [
            g for g in view.groups if g.case == "com" and view.local(g.end) <= together.start()
        ]
        role = "founder" if _FOUND_VERB.search(together.group()) else "member"
        since = date_before(ctx, view, together.start())
        since = since or (None if present_state(view) else default)
        if lead and len(lead.keys) == 1:
            ctx.relate("LEADS", lead.keys[0], target, view)
            ctx.relate("MEMBER_OF", lead.keys[0], target, view, since=since, role="leader")
        for group in partners:
            for key in group.keys:
                ctx.relate("MEMBER_OF", key, target, view, since=since, role=role)


def leading(ctx: ArticleContext, view: SentenceView, alliances: list[Mention]) -> None:
    """'X가 주도하는 <A>', '<A>는 X가 주관한다', 'X가 의장사를 맡는다': X leads A."""
    for cue in _LEAD.finditer(view.text):
        described = _described_leader(view, alliances, cue)
        if described is not None:  # '<A>를 이끄는 X는': the noun the clause describes leads
            ctx.relate("LEADS", described[1], described[0], view)
            ctx.relate("MEMBER_OF", described[1], described[0], view, role="leader")
            continue
        target = _led_alliance(ctx, view, alliances, cue)
        if target is None:
            continue
        since = ctx.founded.get(target)
        if since is None and not adnominal(view, cue.start()):
            # 'KT가 주도하는 AI 원팀에 … 합류했다': the date is the main clause's, not the lead's
            since = date_before(ctx, view, cue.start())
        for leader in _leaders(view, cue):
            ctx.relate("LEADS", leader, target, view)
            ctx.relate("MEMBER_OF", leader, target, view, since=since, role="leader")
    for alliance, leader in _bracketed_leaders(view, alliances):
        ctx.relate("LEADS", leader, alliance, view)
        since = ctx.founded.get(alliance)
        ctx.relate("MEMBER_OF", leader, alliance, view, since=since, role="leader")


_BRACKETED_ROLE = re.compile(r"\(\s*" + _CUES.group("lead_role_nouns") + r"\s+$")


def _bracketed_leaders(view: SentenceView, alliances: list[Mention]) -> list[tuple[str, str]]:
    """'<A>(대표사 X)', '<A>(주관기관 X)': the role noun in brackets names A's leader, as
    '(원장 X)' names a person's post."""
    pairs = []
    for org in view.orgs:
        start = view.local(org.start)
        role = _BRACKETED_ROLE.search(view.text, max(0, start - 12), start)
        closed = view.text[view.local(org.end) : view.local(org.end) + 1] == ")"
        if role is None or not closed:
            continue
        led = [m for m in alliances if view.local(m.end) == role.start()]
        pairs += [(led[0].key, org.key)] if led else []
    return pairs


def _described_leader(
    view: SentenceView, alliances: list[Mention], cue: re.Match[str]
) -> tuple[str, str] | None:
    """'남도 협의회를 이끄는 녹원종묘(대표 X)는': the alliance is the object of an adnominal
    lead verb, and the organisation the clause describes, right after it, leads it."""
    if not _adnominal_lead(view, cue):
        return None
    objects = [
        m for m in alliances if m.case == "obj" and 0 <= cue.start() - view.local(m.after) <= 1
    ]
    rest = re.match(r"\S*\s", view.text[cue.start() :])
    if not objects or rest is None:
        return None
    head = cue.start() + rest.end()
    after = [g for g in view.groups if view.local(g.start) == head and len(g.keys) == 1]
    return (objects[-1].key, after[0].keys[0]) if after else None


def consortium_leads(ctx: ArticleContext, view: SentenceView, alliances: list[Mention]) -> None:
    """'KT 컨소시엄': the first time the article names it, KT leads it."""
    for mention in alliances:
        lead = ctx.consortium_leads.get(mention.key)
        if lead and not ctx.has("LEADS", lead, mention.key):
            ctx.relate("LEADS", lead, mention.key, view)
            ctx.relate("MEMBER_OF", lead, mention.key, view, role="leader")


def _founded_alliance(alliances: list[Mention], view: SentenceView, cue: int) -> str:
    """The alliance founded: the one right before the verb ('새 동맹 '<A>' 결성', '<A>를
    출범'), else the topic ('결성된 <A>는'), else the first."""
    before = [m for m in alliances if view.local(m.end) <= cue]
    objects = [m for m in before if m.case == "obj"]
    if objects:
        return objects[-1].key
    if before:
        return before[-1].key
    subjects = [m for m in alliances if m.case == "subj"]
    return (subjects or alliances)[0].key


def _led_alliance(
    ctx: ArticleContext, view: SentenceView, alliances: list[Mention], cue: re.Match[str]
) -> str | None:
    """'X가 주도하는 <A>' names A right after the cue; '<A>는 X가 주도한다' anywhere in the
    sentence; 'X를 중심으로 출범' the alliance founded. 'X가 주도하는 경쟁 연합' names none."""
    if _adnominal_lead(view, cue):
        head = next((w for w in view.words if w.start >= cue.end()), None)
        subjects = [m for m in alliances if m.case == "subj" and view.local(m.end) <= cue.start()]
        if head is not None and _ALLIANCE_NOUN.search(head.stem) and subjects:
            # '<A>은 X가 이끄는 연합으로': the bare alliance noun is A, the topic
            return subjects[-1].key
        after = [m for m in alliances if 0 <= view.local(m.start) - cue.end() <= 25]
        return after[0].key if after else None
    if alliances:
        subjects = [m for m in alliances if m.case == "subj"]
        return (subjects or alliances)[0].key
    if _INITIATIVE.match(cue.group()):
        return single_alliance(ctx)
    # '(…)지난해 A 주도로 출범했으며, 의장사는 A가 맡고 있다': the paragraph's alliance;
    # a chair ('공동 의장사는 …') chairs the one alliance the article names, if it names one
    found = paragraph_alliance(ctx, view)
    if found is None and _ROLE_NOUN.match(cue.group()):
        found = sole_alliance(ctx)
    return found


def _adnominal_lead(view: SentenceView, cue: re.Match[str]) -> bool:
    """'X가 주도하는 …', 'X가 이끄는 …': the cue modifies the noun after it."""
    role = _ROLE_NOUN.match(cue.group()) is not None  # '의장사는': a topic, no verb form
    return bool(
        _LEAD_ADNOMINAL.search(view.text[: cue.end()])
        or (not role and re.match(r"(?:는|던)\s", view.text[cue.end() :]))
        or (cue.group() == "주도" and re.match(r"\s+['‘\"“]", view.text[cue.end() :]))
    )


def _leaders(view: SentenceView, cue: re.Match[str]) -> list[str]:
    """Who a lead cue names: the object of '…을 중심으로', the name right before a bare
    '주도', the subject after '의장사는', else the sentence's (single) subject."""
    if "중심" in cue.group():
        objects = [
            g for g in view.groups if g.case == "obj" and view.local(g.end) <= cue.start() + 2
        ]
        return list(objects[-1].keys) if objects else []
    if cue.group() in ("주도", "주도로", "주도의", "중심"):  # 'MS 주도 'AX', 'X 중심 'Y'
        # the name right before: a noun modifying 주도, not the sentence's subject
        adjacent = [g for g in view.groups if 0 <= cue.start() - view.local(g.end) <= 1]
        return [adjacent[-1].members[-1].key] if adjacent else []
    joint = _CO_LEAD.search(view.text[: cue.start()]) is not None  # '공동 의장사를 맡았다'
    if _ROLE_NOUN.match(cue.group()) and re.match(r"(?:은|는)\s", view.text[cue.end() :]):
        after = [
            g for g in view.groups if view.local(g.start) > cue.end() and g.case in ("subj", "pred")
        ]
        return list(after[0].keys) if after and (len(after[0].keys) == 1 or joint) else []
    group = nearest_subject(view, cue.start())
    if group and (len(group.keys) == 1 or joint or _adnominal_lead(view, cue)):
        return list(group.keys)
    predicates = [g for g in view.groups if g.case == "pred" and view.local(g.start) > cue.start()]
    if predicates and len(predicates[0].keys) == 1:
        return list(predicates[0].keys)
    return []


def is_relative_subject(view: SentenceView, group: Group) -> bool:
    """A subject of a relative clause other than a founding one ('X가 결성한 …' founds)."""
    if group.case != "subj":
        return False
    clause = _RELATIVE_VERB.match(view.text, view.local(group.end))
    return clause is not None and _FOUND.search(clause.group()) is None
