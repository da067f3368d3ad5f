"""COMPETES_WITH: rivals, between companies and between alliances.

The press states rivalry many ways: a noun ('경쟁사인 X', 'Y의 대항마'), a verb with its
parties ('X와 Y는 경쟁해 왔다', 'X와 맞서는 Y', '경쟁해 온 X와 Y가'), a contest the genitive
pair wages ('X와 Y의 회원 유치 경쟁'), a pair named before ('두 통신사가 맞붙는'), or a sector
with no names ('국내 이동통신사들은 오랜 경쟁 관계'), which means the companies of that
sector the article named just before. Rival camps (alliances) are ``camps.py``'s.

A comitative ('Y와') is the rival only when the competing verb governs it: in 'X는 Y와
손잡고 … 맞서고 있다' Y is X's partner, the object of '손잡고'. A quotation is a clause of
its own: a rivalry stated inside one is between names inside it, and a clause that denies
the rivalry ('경쟁 관계가 아니다') states none. Cues: ``cues/competition.yaml``.
"""

from __future__ import annotations

import re

from ..context import ArticleContext, SentenceView
from ..cues import load
from ..mentions import Group
from .camps import alliance_rivals, camps, denied, governed_by, quote_start
from .clauses import nearest_subject

_CUES = load("competition")
_COMPETE = _CUES.regex("compete")
_DUEL = _CUES.regex("duel")
_COMPETITOR = _CUES.regex("competitor")
_EXAMPLES_BEFORE = re.compile(r"\s*" + _CUES.group("examples_before") + r"\s*$")
# 'X는 Y의 대항마로 꼽힌다': the subject rivals the genitive.
_CHALLENGER = re.compile(r"의\s" + _CUES.group("challenger_nouns") + r"(?:로|이다|다|인|가|라는)")
_RIVALRY = _CUES.regex("rivalry")
_PRONOUNS = frozenset({"그", "그녀"})
# '이에 맞서 Y는', '이에 맞불을 놓듯': against what the sentence before reported.
_ANSWER = re.compile(r"(?:^|\s)이에\s*" + _CUES.group("contrast"))
# 'X는 Y에 맞서고 있다': the dative is whom the subject stands against.
_FACING = re.compile(r"(?<=에)\s*" + _CUES.group("facing"))
_AGAINST = re.compile(r"(?:와|과)\s*" + _CUES.group("against") + r"[가-힣]*\s")
# 'A와 B의 회원 유치 경쟁이': the genitive pair, a few words before the contest noun.
_CONTEST = re.compile(
    r"^의\s+(?:[가-힣A-Za-z0-9·]+\s+){0,3}?(?:[가-힣A-Za-z0-9·]*?)" + _CUES.group("contest_nouns")
)
# '두 통신사가 맞붙는': a pair written as a number and a noun.
_PAIR_REF = re.compile(r"(?:두|양)\s?" + _CUES.group("pair_nouns") + r"(?:가|이|는|은|도)\s")
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
    _facing(ctx, view)
    _competing(ctx, view)
    _contests(ctx, view)
    _answering(ctx, view)
    if _RIVALRY.search(view.text) and not view.orgs:
        _sector_rivals(ctx, view)
    camps(ctx, view)


def _competitors(ctx: ArticleContext, view: SentenceView) -> None:
    """'경쟁사인 X', 'X 등 경쟁사', 'X와 Y 같은 경쟁사': rivals of the genitive before the
    cue, else of the organisation the story is about."""
    orgs = view.orgs
    for cue in _COMPETITOR.finditer(view.text):
        after = [m for m in orgs if 0 <= view.local(m.start) - cue.end() <= 2]
        for group in view.groups:
            if after and group.members[0] is after[0]:
                after = list(group.members)
        before: list[str] = []
        for group in view.groups:
            gap = view.text[view.local(group.members[-1].after) : cue.start()]
            if view.local(group.end) <= cue.start() and _EXAMPLES_BEFORE.fullmatch(gap):
                before = group.keys
        # "엔비디아의 경쟁사로 삼성전자가": the rival of the genitive, else of the story's actor.
        owner = next(
            (
                m.key
                for m in orgs
                if m.particle == "의" and 0 <= cue.start() - view.local(m.after) <= 1
            ),
            None,
        )
        owner = owner or _speakers_org(ctx, view, cue.start())
        for rival in [m.key for m in after] + before:
            mine = owner or _rival_of(ctx, rival)
            if mine and rival != mine:
                ctx.relate("COMPETES_WITH", mine, rival, view)


def _speakers_org(ctx: ArticleContext, view: SentenceView, cue: int) -> str | None:
    """'그는 A와 B 같은 경쟁사와도 손잡을 수 있다': the rivals of the speaker's organisation;
    '그' is the person named last, whose organisation the article gave with the name."""
    pronoun = any(
        w.stem in _PRONOUNS and w.particle in ("은", "는", "이", "가") and w.end <= cue
        for w in view.words
    )
    if not pronoun:
        return None
    return ctx.last_speaker_org(view, inclusive=True)


def _rival_of(ctx: ArticleContext, rival: str) -> str | None:
    """Whose competitor a bare '경쟁사' is: the story's organisation of the rival's sector;
    else the leader of the story's alliance, when the organisation the story is about only
    joined it (a bank joining KT's 'AI 원팀' has KT's rivals in view); else that organisation."""
    sector = ctx.sector_of(rival)
    seen = [m.key for v in ctx.views for m in v.orgs if m.key != rival]
    if sector is not None:
        if ctx.focal is not None and ctx.sector_of(ctx.focal) == sector:
            return ctx.focal
        same = [k for k in seen if ctx.sector_of(k) == sector]
        if same:
            return max(dict.fromkeys(same), key=same.count)
    led = _led(ctx)
    leaders = [s for s in led if s != rival]
    if ctx.focal is not None and leaders and ctx.focal not in leaders:
        joined = [t for kind, s, t in ctx.relations if kind == "MEMBER_OF" and s == ctx.focal]
        if set(led[leaders[0]]) & set(joined):
            return leaders[0]
    return ctx.focal


def _led(ctx: ArticleContext) -> dict[str, list[str]]:
    """Who leads which alliance: LEADS, or membership with the leader's role ('KT 주도의')."""
    led: dict[str, list[str]] = {}
    for (kind, source, target), relation in ctx.relations.items():
        if kind == "LEADS" or (kind == "MEMBER_OF" and relation.role == "leader"):
            led.setdefault(source, []).append(target)
    return led


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
        if left and right and not denied(view, cue.end()):
            ctx.relate("COMPETES_WITH", left[0].key, right[0].key, view)


def _facing(ctx: ArticleContext, view: SentenceView) -> None:
    """'X는 Y에 맞서고 있다': the subject against the dative (organisations, or alliances)."""
    for cue in _FACING.finditer(view.text):
        faced = [m for m in view.mentions if view.local(m.after) == cue.start()]
        subject = nearest_subject(view, cue.start())
        if not faced or subject is None or denied(view, cue.end()):
            continue
        if faced[0].is_org and len(subject.keys) == 1:
            ctx.relate("COMPETES_WITH", subject.keys[0], faced[0].key, view)


def _competing(ctx: ArticleContext, view: SentenceView) -> None:
    """'X는 Y와 경쟁한다', 'X와 Y는 … 경쟁해 왔다', '경쟁해 온 X와 Y가', '두 회사가 맞붙는',
    duels, and alliances as the rivals."""
    for cue in _COMPETE.finditer(view.text):
        start = cue.start()
        lo = quote_start(view.text, start)
        if denied(view, cue.end()) or lo > len(view.text):
            continue  # denied, or what a party says ('"경쟁하던 구도를 넘어…"')
        if _DUEL.match(cue.group()):
            _duel(ctx, view, start)
            continue
        pairs = _pairs_before(view, start, lo) or _pair_after(view, cue.end())
        pairs = pairs or _camp_leaders(ctx, view, start, lo) or _pair_named(ctx, view, start, lo)
        for a, b in pairs:
            ctx.relate("COMPETES_WITH", a, b, view)
        alliance_rivals(ctx, view, start)


def _answering(ctx: ArticleContext, view: SentenceView) -> None:
    """'MS는 오픈AI에 투자했다. 구글은 이에 맞불을 놓듯 …': '이에' is what the sentence
    before reported, so this sentence's subject rivals that one's."""
    if _ANSWER.search(view.text) is None:
        return
    earlier = ctx.previous(view)
    mine, theirs = _main_subject(view), _main_subject(earlier) if earlier else None
    if mine is not None and theirs is not None:
        ctx.relate("COMPETES_WITH", mine, theirs, view)


def _main_subject(view: SentenceView) -> str | None:
    """The one organisation a sentence is about: its first subject outside a relative clause
    ('스텔라비전이 이끄는 동맹은': 스텔라비전 is the relative clause's)."""
    for group in view.groups:
        if group.case != "subj" or group.ref:
            continue
        nxt = next((w for w in view.words if w.start >= view.local(group.end)), None)
        if nxt is not None and nxt.ending == "ETM" and nxt.predicate is not None:
            continue
        return group.keys[0] if len(group.keys) == 1 else None
    return None


def _pairs_before(view: SentenceView, cue: int, lo: int) -> list[tuple[str, str]]:
    """Who competes with whom before the cue (from ``lo``, where its quotation opens): the
    subject × those 'with' it the competing verb governs; else the two acting together."""
    subject = nearest_subject(view, cue)
    if subject is not None and view.local(subject.start) < lo:
        subject = None
    with_: list[str] = []
    for group in _rival_groups(view, cue, lo):
        if group.case == "com" and (subject is None or group.start >= subject.end):
            with_.extend(k for k in group.keys if k not in with_)
    if subject is not None and with_:
        return [(a, b) for a in subject.keys for b in with_ if a != b]
    parties: list[str] = []
    for group in _rival_groups(view, cue, lo):
        if group.case in ("subj", "com") or (group.case == "bare" and view.headline):
            parties.extend(k for k in group.keys if k not in parties)
    return [(parties[0], parties[1])] if len(parties) == 2 else []


def _rival_groups(view: SentenceView, cue: int, lo: int) -> list[Group]:
    """Groups between ``lo`` and the cue that the competing verb can take: a comitative
    another verb governs ('Y와 손잡고') is that verb's."""
    return [
        g
        for g in view.groups
        if lo <= view.local(g.start)
        and view.local(g.end) <= cue
        and not g.ref
        and (g.case != "com" or governed_by(view, view.local(g.end), cue))
    ]


def _camp_leaders(
    ctx: ArticleContext, view: SentenceView, cue: int, lo: int
) -> list[tuple[str, str]]:
    """'두 회사가 … 맞붙게 됐다' after two camps were set apart: the pair is the camps'
    leaders (a reference to the latest group of two would name any pair)."""
    refs = any(g.ref and lo <= view.local(g.start) < cue for g in view.groups)
    if not refs and not _PAIR_REF.search(view.text, lo, cue + 1):
        return []
    leader = {t: s for kind, s, t in reversed(list(ctx.relations)) if kind == "LEADS"}
    camps = [
        (leader[a], leader[b])
        for kind, a, b in ctx.relations
        if kind == "COMPETES_WITH" and a in leader and b in leader and leader[a] != leader[b]
    ]
    return camps[-1:]


def _pair_after(view: SentenceView, cue_end: int) -> list[tuple[str, str]]:
    """'이동통신 시장에서 경쟁해 온 KT와 LG유플러스가': a competing verb in the adnominal form
    describes the list right after it, whose members rival each other."""
    word = view.word_at(cue_end - 1)
    if word is None:
        return []
    aux = next((w for w in view.words if w.start >= word.end), None)
    if word.ending != "ETM" and aux is not None and aux.ending == "ETM" and not aux.stem:
        word = aux  # '경쟁해 온': the auxiliary carries the adnominal ending
    if word.ending != "ETM":
        return []
    nxt = next((g for g in view.groups if view.local(g.start) >= word.end), None)
    if nxt is None or view.text[word.end : view.local(nxt.start)].strip() or len(nxt.keys) != 2:
        return []
    return [(nxt.keys[0], nxt.keys[1])]


def _pair_named(
    ctx: ArticleContext, view: SentenceView, cue: int, lo: int
) -> list[tuple[str, str]]:
    """'두 통신사가 맞붙는 경쟁 구도', '두 회사는 … 맞붙은 바 있다': the pair is the two
    organisations this sentence names before the reference, else those of the sentence just
    before (of the sector the noun names, when it names one and the registry knows it)."""
    refs = [m for m in _PAIR_REF.finditer(view.text, lo, cue) if m.end() <= cue + 1]
    if not refs:
        return []
    ref = refs[-1]
    sector = next((s for s, p in _SECTOR_NOUNS.items() if p.search(ref.group())), None)
    here = [m.key for m in view.orgs if view.local(m.end) <= ref.start()]
    earlier = ctx.previous(view)
    before = [m.key for m in earlier.orgs] if earlier else []
    for keys in (list(dict.fromkeys(here)), list(dict.fromkeys(before))):
        if sector is not None and any(ctx.sector_of(k) is not None for k in keys):
            keys = [k for k in keys if ctx.sector_of(k) == sector]
        if len(keys) == 2:
            return [(keys[0], keys[1])]
    return []


def _contests(ctx: ArticleContext, view: SentenceView) -> None:
    """'네이버클라우드와 SK텔레콤의 회원 유치 경쟁': the genitive pair wages the contest."""
    for group in view.groups:
        if len(group.keys) != 2 or group.case != "gen":
            continue
        after = view.text[view.local(group.members[-1].end) :].lstrip("'’\"”")
        match = _CONTEST.match(after)
        if match and not denied(view, view.local(group.end) + match.end()):
            ctx.relate("COMPETES_WITH", group.keys[0], group.keys[1], view)


def _duel(ctx: ArticleContext, view: SentenceView, cue: int) -> None:
    """'A 컨소시엄과 B 컨소시엄의 2파전': the two named before the cue compete."""
    alliances = list(
        dict.fromkeys(m.key for m in view.of_type("Alliance") if view.local(m.end) <= cue)
    )
    if len(alliances) == 2:
        ctx.relate("COMPETES_WITH", alliances[0], alliances[1], view)
        return
    groups = [g for g in view.groups if view.local(g.end) <= cue and len(g.keys) == 2]
    if groups:
        ctx.relate("COMPETES_WITH", groups[-1].keys[0], groups[-1].keys[1], view)


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
