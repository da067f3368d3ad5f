"""Relation cues of Korean business news, one function per kind of fact.

Each rule reads one sentence (a ``SentenceView``) and writes relations through the
``ArticleContext``. Cues are verbs and nouns of the genre (합류, 결성, 주도, 업무협약을
체결, 경쟁사, 손을 잡다, "X의 플랫폼인 Y"); who does what comes from the particles of the
groups around the cue, so that "KT가 주도하는 'AI 원팀'에 LG전자와 LG유플러스가 합류했다"
makes the LG pair members and KT the leader.

Roles, as the gold reads them: an organisation that founds an alliance alone (the sole
subject of 결성/출범/발족, including a ministry holding the 발족식) organises it: LEADS and
MEMBER_OF role leader, like '주도/주관/의장사'. Several founders are founders; a join after the
founding ('얼라이언스에는 A, B가 참여했다') is a member. A headline is read segment by segment
('…발족…네이버·삼성전자 등 참여' founds nothing for Naver). Denied, doubted or planned
statements ('없다', '않았다', '부인', '검토 중', '예정', '계획') give no membership.
"""

from __future__ import annotations

import re

from allygraph.loaders.extract.context import AgreementDraft, ArticleContext, SentenceView
from allygraph.loaders.extract.dates import find_dates
from allygraph.loaders.extract.mentions import Group, Mention

_JOIN = re.compile(
    r"(?:합류|가입|동참|합세|참여|참가)(?:하|했|한|할|해|키로|하기로|하게|시키|된|됐|중|"
    r"(?:을|를)\s*(?:결정|확정|결의|선언))|이름을\s*올[리렸린려]|"
    r"(?:회원사?|멤버|회원\s?기관)(?:로|으로)\s*활동|"
    r"(?<=의\s)(?:가입|합류|참여)\s*신청(?:이|은|도)?\s*(?:\S+\s+){0,3}?(?:승인|수락)(?:됐|되었|받았)"
)
# Leaving: the membership ends ('탈퇴했다', '컨소시엄에서 빠졌다').
_LEAVE = re.compile(
    r"(?:탈퇴|이탈|철수)(?:하|했|한|할|해|키로|하기로)|빠지|빠졌|빠진|빠져|손을\s*뗐"
)
_NEGATED = re.compile(r"[가-힣]{0,3}지\s*(?:않|못)")
# A headline's bare noun: "LG CNS, 'AX 얼라이언스' 합류", "…네이버·삼성전자 등 참여".
_JOIN_HEADLINE = re.compile(r"(?:합류|가입|동참|참여|참가)(?=\s*(?:$|\.\.\.|…|,|\s[-–|]))")
# The clause a cue stands in: up to its first predicate ending ('…없다', '…예정이다').
_CLAUSE_REST = re.compile(r".*?(?:다(?![가-힣])|다고|[.?!]|$)")
# Denied, doubted or only planned: no fact yet.
_UNREAL = re.compile(
    r"않|못\s*(?:했|한|하)|없|아니|부인|검토|예정|계획|방침|전망|관측|가능성|예상|"
    r"고려(?:하|해|중|한|할|를|을)|타진|저울질|추진\s*중|논의\s*중|협의\s*중|할\s*수|될\s*수|"
    r"지도\s*모른|(?:탈퇴|합류|이적|가입|결별)설|여부"
)
# '참여하고 있다', '참여 중이다': a present state, not the day of joining.
_STATIVE = re.compile(r"(?:하|해)?(?:고\s*있|\s*있|\s*중이|\s*중인|\s*왔|\s*오고)")
# '출범 때는 A, B가 참여했다': members from the founding on.
_FOUNDING_TIME = re.compile(r"(?:출범|결성|창립|발족)\s*(?:때|당시|초기)(?:부터|에는|는)?\s")
# The clause boundaries of a long sentence ('…개발하고 있으며, 올해 초 …').
_CLAUSE_END = re.compile(r"(?:으며|며|있고|했고|였고|이고|지만|는데|으나|했으나|면서)[,]?\s")
_HEADLINE_SEGMENT = re.compile(r"\.\.\.|…|\s[-–|]\s|\s/\s")
# A subject inside a relative clause ('IBM과 메타가 주도하는 …') is not the sentence's.
_RELATIVE_VERB = re.compile(
    r"\s*(?:\S*[^\s과와가이을를은는의에도]\s+){0,2}?\S*"
    r"(?:하는|한|했던|하던|이끄는|이끈|만든|세운|꾸린|맞서온|맞서는)\s"
)
_FOUNDER_NOUN = re.compile(
    r"창립\s*(?:회원|멤버|회원사|멤버사)|창립\s*때|결성\s*때|출범\s*때|원년\s*멤버"
)
_FOUND_VERB = re.compile(r"결성|출범|발족|창립|구성|꾸린|꾸려|꾸렸|설립")
# A founding verb; '출범은 … 대응하기 위한 것' (a noun with a particle) founds nothing.
_FOUND = re.compile(
    r"(?:결성|출범|발족|창립)(?!은|는|이|을|를|의|과|도|\s*회원|\s*멤버|\s*때|\s*당시|\s*초기|"
    r"\s*(?:논의|준비|추진|계획|작업|과정|이후|직후|이래|여부|방안|시점))|구성(?:된|했|한|하|해)|"
    r"꾸린|꾸려|꾸렸|꾸리|설립(?:된|했|한|하)"
)
FOUND_VERB = _FOUND
_LEAD = re.compile(
    r"주도(?:하|적|한|해|했|로|권|할)|주관(?:하|한|해|했|사|기관)|주관\s기관|이끄는|이끌|앞장|주축|"
    r"의장(?:사|\s*기관|\s*기업|\s*회사)?(?=은|는|을|를|으로|로|이다|다|\s*역할)|"
    r"(?<=[A-Za-z0-9가-힣]\s)주도(?=\s+['‘\"“])|"
    r"(?:을|를)\s*중심으로|먼저\s*(?:꺼낸|제안한|손을\s*내민|나선)"
)
_LEAD_ADNOMINAL = re.compile(r"(?:주도하는|주관하는|이끄는|주도한|이끈)$")
# '얼라이언스 의장사는 모레가 맡는다': the leader follows the role noun.
_ROLE_NOUN = re.compile(r"의장|주관사|주관\s?기관|간사")
# '컨소시엄 참여기관은 A, B 등 4개 대학과 C, D다': the members follow.
_MEMBER_LIST = re.compile(
    r"(?:참여\s?기관|참여\s?기업|참여\s?대학|참여사|참여\s?업체|회원사|회원\s?기관|구성원|창립\s?회원사?)"
    r"(?:은|는|으로는|로는)\s"
)
# 'NIPA가 사무국을 맡는다': the secretariat is a member (the gold's reading).
_SECRETARIAT = re.compile(r"사무국(?:을|를|은|는)?\s*(?:맡|운영)")
# '사무국은 NIA가 맡는다': the secretariat named after the cue.
_SECRETARIAT_BY = re.compile(r"사무국(?:은|는)\s")
_INITIATIVE = re.compile(r"먼저\s*(?:꺼낸|제안한|손을\s*내민|나선)")
_TOGETHER = re.compile(
    r"함께\s+(?:\S+\s+){0,6}?\S*?(?:추진|결성|출범|발족|구성|구축|만들|설립|꾸리|꾸렸|꾸린)"
)
_BOND = re.compile(
    r"동맹(?:을|를)?\s*(?:맺|결성|체결|구축)|동맹\s*결성|손(?:을)?\s*잡|손잡|맞손|의기투합"
)
_PARTNER = re.compile(
    _BOND.pattern + r"|제휴(?:를\s*맺|하|했|한|키로|관계)|전략적\s*제휴|협력\s*관계를\s*맺|"
    r"함께\s*(?:개발|연구|만들|세우|설립)|공동\s*(?:개발|연구)(?:하|한|에|을|키로)|"
    r"협력(?:하고\s*있|하기로|한다|해\s*왔|하며)|협력(?:을|를)\s*(?:약속|합의|강화|확대)|"
    r"동맹(?:을|를)\s*(?:다지|다졌|강화)|"
    r"(?:센터|법인|합작사|합작법인|조인트벤처|연구소)(?:를|을)\s*(?:세운|세웠|세우|설립|만들|열)"
)
_EACH = re.compile(r"각각|각자")
_AGREEMENT_NOUN = (
    r"(?:업무\s*협약|사업\s*협약|상호\s*협력\s*협약|협약|MOU|양해각서|전략적\s*파트너십|파트너십|"
    r"제휴\s*계약|협정|계약|협약서)"
)
_CONCLUDE = re.compile(
    r"(?P<noun>" + _AGREEMENT_NOUN + r")(?P<paren>\([A-Za-z]+\))?['’\"”]?(?:을|를|도|은|는)?\s*"
    r"(?:체결|맺|교환)"
)
_QUOTED_NAME = re.compile(r"['‘\"“](?P<name>[^'’\"”\n]{2,60})['’\"”]")
# Who signs: a signing verb, or a caption of the ceremony; attending ('참석했다') is not signing.
_SIGNING_VERB = re.compile(
    r"서명(?:했|한|하|해)|(?:협약|협약서|계약|MOU|양해각서)[^.]{0,10}?(?:체결했|체결한|교환했|교환한)"
)
_SIGNED_PAPER = re.compile(
    r"(?:(?<![\w가-힣])(?P<pre>[가-힣A-Za-z]{2,8})\s)?(?P<paper>(?:업무)?협약서|계약서)에\s*서명"
)
_CEREMONY = re.compile(
    r"['‘\"“](?P<name>[^'’\"”]{2,60}?(?:협약|MOU|양해각서|파트너십))\s?(?:체결식|협약식|식)['’\"”]"
)
_SIGN = re.compile(r"서명(?:했|한|하|식)|협약식|체결식|조인식|서명식")
_OBJECTIVE_LIST = re.compile(r"△\s*([^△]+)")
_FIELDS = re.compile(r"협력\s*(?:분야|과제|범위)는\s+(?P<items>.+?)(?:이다|다|등이다|등)\.?$")
_COMPETE = re.compile(
    r"경쟁(?:하|해|을\s*벌이|을\s*펼치|\s*구도|\s*관계|\s*중|중)|맞서|겨루|각축|2파전|양강\s*구도|맞대결|"
    r"(?:서로|상대)(?:를|의)?\s*견제"
)
# '두 연합은 … 경쟁해 왔다': the article's two alliances.
_ALLIANCE_PAIR = re.compile(r"(?:두|양)\s?(?:연합|동맹|컨소시엄|진영|협의체|얼라이언스|연합체)")
_DUEL = re.compile(r"2파전|양강\s*구도|맞대결|양자\s*대결")
_COMPETITOR = re.compile(r"경쟁사(?:인|로|들)?|라이벌(?:인|사)?|경쟁\s*업체(?:인)?")
# 'X는 Y의 대항마로 꼽힌다': the subject rivals the genitive.
_CHALLENGER = re.compile(r"의\s(?:대항마|맞수|라이벌|경쟁자)(?:로|이다|다|인|가|라는)")
_RIVALRY = re.compile(r"경쟁\s*관계|라이벌\s*관계|경쟁해\s*온|경쟁해온")
_AGAINST = re.compile(r"(?:와|과)\s*(?:맞서|경쟁하|경쟁해|경쟁\s*관계|대립|각축)[가-힣]*\s")
_CONTRAST = re.compile(r"차별점|차별화|대항마|맞불|맞서|대항")
_SECTOR_NOUNS = {
    "telecom": re.compile(r"이동통신사|통신사|이통사|통신\s*3사|이통\s*3사"),
    "internet": re.compile(r"포털|플랫폼\s*기업|인터넷\s*기업"),
    "electronics": re.compile(r"가전\s*업체|가전사|전자\s*업체"),
    "semiconductor": re.compile(r"반도체\s*기업|반도체\s*업체|칩\s*업체"),
}
_DEVELOP_VERB = re.compile(
    r"^(?:을|를)\s*(?:\S+\s+){0,2}?(?:운영|개발|출시|선보|내놓|공개|보유|서비스|제공|만들|공급|앞세우|"
    r"양산|생산|상용화)"
)
_DEVELOPER_GAP = re.compile(
    r"^\s*(?:\S+(?:와|과)\s+(?:공동|함께)\s*)?(?:자체\s*)?(?:추진하고\s*있는|추진\s*중인|개발한|개발\s*중인|개발하고\s*있는|운영하는|"
    r"운영\s*중인|선보인|내놓은|공개한|출시한|만든|서비스하는|보유한)\s+(?:[가-힣A-Za-z0-9/·]+\s+){0,3}$"
)
_DESCRIPTOR_GAP = re.compile(
    r"^\s*(?:[가-힣A-Za-z0-9/·]+\s+){0,3}?(?:[가-힣A-Za-z0-9/·]*?(?:인|이자)\s+)?$"
)
_PLACE = re.compile(r"(?P<place>(?:[가-힣A-Za-z0-9]+\s){0,4}[가-힣A-Za-z0-9]+)에서\s")
_SUBJECT_WORD = re.compile(r"[가-힣]+(?:이|가)\s")


def membership(ctx: ArticleContext, view: SentenceView) -> None:
    """Founding (결성/출범), joining (합류/참여), leaving (탈퇴) and leading (주도/주관).

    An organisation is tied only to an alliance this sentence names or refers to ('얼라이언스는',
    '이 연합'); an unnamed grouping ('경쟁 연합') ties no one. What a sentence denies or only
    plans ('합류하지 않았다', '빠진 기업은 없다', '가입할 예정이다') ties no one either.
    """
    alliances = _alliances(view)
    default = view.date or ctx.event.isoformat()
    _consortium_leads(ctx, view, alliances)
    joins = list(_JOIN.finditer(view.text))
    if view.headline:
        joins += list(_JOIN_HEADLINE.finditer(view.text))
    for cue in joins:
        if _NEGATED.match(view.text, cue.end()) or unreal(view.text, cue.end()):
            continue
        if _joins_something_else(view, cue.start()):
            continue  # '창립 논의에 참여했다': the discussion, not the alliance
        target = _alliance_near(alliances, view, cue.start(), prefer="loc")
        target = target or _paragraph_alliance(ctx, view)
        group = _nearest_subject(view, cue.start(), skip_relative=True)
        group = group or _subject_after(view, cue)
        if view.headline and group is None:
            group = _headline_actor(view, cue.start())
        if group is None and "신청" in cue.group():  # 'X의 가입 신청이 승인됐다'
            group = next(
                (
                    g
                    for g in view.groups
                    if g.case == "gen" and g.end == view.offset + cue.start() - 1
                ),
                None,
            )
        if not (target and group):
            continue
        keys = list(group.keys) + _with_partners(view, group, cue.start())
        founder = _FOUNDER_NOUN.search(view.text[max(0, cue.start() - 15) : cue.start()])
        founder = founder or _FOUNDING_TIME.search(view.text[: cue.start()])
        since = _date_before(ctx, view, cue.start())
        if founder and since is None:
            since = ctx.founded.get(target)
        # '참여하고 있다' (a member now) and '최근 … 가입했다' leave the day open; a join
        # reported with the founding dates from it.
        stative = _STATIVE.match(view.text, cue.end()) or _LATER.search(view.text)
        if since is None and not stative:
            since = ctx.founded.get(target, default)
        for key in keys:
            ctx.relate(
                "MEMBER_OF", key, target, view, since=since,
                role="founder" if founder else "member",
            )  # fmt: skip
    for cue in _LEAVE.finditer(view.text):
        if unreal(view.text, cue.end()) or _joins_something_else(view, cue.start()):
            continue
        target = _alliance_near(alliances, view, cue.start(), prefer="loc")
        target = target or _paragraph_alliance(ctx, view)
        group = _nearest_subject(view, cue.start()) or _subject_after(view, cue)
        if target and group:
            until = _date_before(ctx, view, cue.start()) or default
            for key in group.keys:
                ctx.relate("MEMBER_OF", key, target, view, until=until, role="member")
    _founding(ctx, view, alliances, default)
    together = _TOGETHER.search(view.text)
    if together and alliances and not unreal(view.text, together.end()):
        target = _founded_alliance(alliances, view, together.end())
        lead = _nearest_subject(view, together.start())
        partners = [
            g for g in view.groups if g.case == "com" and view.local(g.end) <= together.start()
        ]
        role = "founder" if _FOUND_VERB.search(together.group()) else "member"
        since = _date_before(ctx, view, together.start()) or default
        if lead and len(lead.keys) == 1:
            ctx.relate("LEADS", lead.keys[0], target, view)
            ctx.relate("MEMBER_OF", lead.keys[0], target, view, since=since, role="leader")
        for group in partners:
            for key in group.keys:
                ctx.relate("MEMBER_OF", key, target, view, since=since, role=role)
    for cue in _LEAD.finditer(view.text):
        target = _led_alliance(ctx, view, alliances, cue)
        if target is None:
            continue
        since = ctx.founded.get(target) or _date_before(ctx, view, cue.start())
        for leader in _leaders(view, cue):
            ctx.relate("LEADS", leader, target, view)
            ctx.relate("MEMBER_OF", leader, target, view, since=since, role="leader")
    _member_lists(ctx, view, alliances)
    _secretariat(ctx, view, alliances)


def _founding(
    ctx: ArticleContext, view: SentenceView, alliances: list[Mention], default: str
) -> None:
    """'A와 B는 'X'를 출범했다': the founders are the subject and those 'with' it in the verb's
    clause (or headline segment). A sole founder ('과기정통부는 'X' 발족식을 열었다', 'X가
    결성한 'Y'') organises the alliance: it leads it."""
    found = _FOUND.search(view.text)
    if not (found and alliances) or unreal(view.text, found.end()):
        return
    target = _founded_alliance(alliances, view, found.start())
    since = _date_before(ctx, view, found.start()) or default
    ctx.founded.setdefault(target, since)
    lo, hi = _clause(view, found.start())
    groups = [g for g in view.groups if not _is_relative_subject(view, g)]
    subjects = [g for g in groups if g.case == "subj"]
    in_clause = [g for g in subjects if lo <= view.local(g.start) < hi]
    if not in_clause and subjects and not view.headline:
        before = [g for g in subjects if view.local(g.end) <= found.start()]
        in_clause = before[-1:]  # the topic carried over from an earlier clause
    others = [g for g in groups if g.case in ("bare", "com") and lo <= view.local(g.start) < hi]
    founders = list(dict.fromkeys(k for g in in_clause + others for k in g.keys))
    if len(founders) == 1 and not _TOGETHER.search(view.text):
        ctx.relate("LEADS", founders[0], target, view)
        ctx.relate("MEMBER_OF", founders[0], target, view, since=since, role="leader")
        return
    for key in founders:
        ctx.relate("MEMBER_OF", key, target, view, since=since, role="founder")


def unreal(text: str, cue_end: int) -> bool:
    """Whether the clause a cue ends ('…빠진 것으로 알려진 기업은 없다', '가입할 예정이다')
    denies, doubts or only plans it."""
    rest = _CLAUSE_REST.match(text, cue_end)
    return bool(rest and _UNREAL.search(rest.group()))


_LOC_WORD = re.compile(r"(?P<word>[^\s]+?)(?:에|에는|에도|에서|에서도|에서는)\s(?!따르면|의하면)")
_DATE_WORD = re.compile(
    r"(?:\d+\s*(?:일|월|년|기|차)|초|말|중순|하순|상순|이날|당시|최근|막판|앞서)$"
)


def _joins_something_else(view: SentenceView, cue: int) -> bool:
    """'협의체 창립 논의에 참여했다', '사업에 참여한다': the nearest '…에' before the cue in its
    clause is not an alliance (nor a date), so what is joined is something else."""
    lo, _ = _clause(view, cue)
    words = list(_LOC_WORD.finditer(view.text[lo:cue]))
    if not words:
        return False
    last = words[-1]
    if _DATE_WORD.search(last["word"]):
        return False
    start = view.offset + lo + last.start("word")
    end = view.offset + lo + last.end("word")
    return not any(m.start < end and start < max(m.after, m.end) for m in _alliances(view))


def _clause(view: SentenceView, pos: int) -> tuple[int, int]:
    """The clause (body) or headline segment around ``pos``, as local offsets."""
    pattern = _HEADLINE_SEGMENT if view.headline else _CLAUSE_END
    lo, hi = 0, len(view.text)
    for match in pattern.finditer(view.text):
        if match.end() <= pos:
            lo = match.end()
        elif match.start() >= pos:
            hi = match.start()
            break
    return lo, hi


def _headline_actor(view: SentenceView, cue: int) -> Group | None:
    """'LG CNS, MS 주도 'AX 얼라이언스' 합류': the headline's first name, before its comma,
    or the bare list right before the cue in the same segment ('네이버·삼성전자 등 참여')."""
    lo, _ = _clause(view, cue)
    before = [g for g in view.groups if lo <= view.local(g.start) and view.local(g.end) <= cue]
    if not before:
        return None
    first = before[0]
    if first.case in ("subj", "bare") and view.local(first.start) == lo:
        return first
    return None


_LATER = re.compile(r"최근|새로|추가로|신규로|뒤늦게")


def _member_lists(ctx: ArticleContext, view: SentenceView, alliances: list[Mention]) -> None:
    """'컨소시엄 참여기관은 연세대, 고려대 등 4개 대학과 삼성전자다': the listed are members."""
    for cue in _MEMBER_LIST.finditer(view.text):
        before = [m for m in alliances if view.local(m.end) <= cue.start()]
        target = before[-1].key if before else _paragraph_alliance(ctx, view)
        if target is None or unreal(view.text, cue.end()):
            continue
        after = [g for g in view.groups if view.local(g.start) >= cue.end()]
        if not after or after[0].case not in ("pred", "subj", "bare"):
            continue
        founder = "창립" in cue.group()
        since = _date_before(ctx, view, len(view.text)) or ctx.founded.get(target)
        for key in after[0].keys:
            ctx.relate(
                "MEMBER_OF", key, target, view, since=since,
                role="founder" if founder else "member",
            )  # fmt: skip


def _secretariat(ctx: ArticleContext, view: SentenceView, alliances: list[Mention]) -> None:
    """'연합은 금융보안원이 사무국을 맡아 운영한다': the secretariat is a member of it."""
    cue = _SECRETARIAT.search(view.text)
    by = _SECRETARIAT_BY.search(view.text) if cue is None else None
    if cue is None and by is None:
        return
    target = _alliance_for(alliances, view, "subj") or _paragraph_alliance(ctx, view)
    if by is not None:
        after = [g for g in view.groups if view.local(g.start) >= by.end()]
        group = after[0] if after and after[0].case == "subj" else None
        if group is not None and not re.match(
            r"\s*(?:맡|운영)", view.text[view.local(group.end) :]
        ):
            group = None
        cue = by
    else:
        group = _nearest_subject(view, cue.start())
    if target is None or group is None or len(group.keys) != 1:
        return
    since = ctx.founded.get(target) or _date_before(ctx, view, cue.start())
    ctx.relate("MEMBER_OF", group.keys[0], target, view, since=since, role="member")


def _with_partners(view: SentenceView, subject: Group, cue: int) -> list[str]:
    """'뷰노는 루닛, 딥노이드와 함께 창립 회원사로 활동해 왔다': those 'with' the subject."""
    keys = []
    for g in view.groups:
        if g.case != "com" or not (subject.end <= g.start and view.local(g.end) <= cue):
            continue
        if re.match(r"\s*함께", view.text[view.local(g.end) :]):
            keys.extend(k for k in g.keys if k not in subject.keys)
    return keys


def _consortium_leads(ctx: ArticleContext, view: SentenceView, alliances: list[Mention]) -> None:
    """'KT 컨소시엄': the first time the article names it, KT leads it."""
    for mention in alliances:
        lead = ctx.consortium_leads.get(mention.key)
        if lead and not ctx.has("LEADS", lead, mention.key):
            ctx.relate("LEADS", lead, mention.key, view)
            ctx.relate("MEMBER_OF", lead, mention.key, view, role="leader")


def _alliance_near(
    alliances: list[Mention], view: SentenceView, cue: int, prefer: str
) -> str | None:
    """The alliance a join or exit cue is about: '<A>에 합류', '<A>에서 탈퇴', else the one
    nearest before the cue, else the sentence's only one."""
    before = [m for m in alliances if view.local(m.end) <= cue]
    marked = [m for m in before if m.case == prefer]
    if marked:
        return marked[-1].key
    if before:
        return before[-1].key
    keys = list(dict.fromkeys(m.key for m in alliances))
    return keys[0] if len(keys) == 1 else None


def _paragraph_alliance(ctx: ArticleContext, view: SentenceView) -> str | None:
    """The alliance the paragraph is about: the one the nearest earlier sentence of the same
    paragraph names, when it names exactly one."""
    text = ctx.article.text
    later = view
    for earlier in reversed(ctx.views):
        if earlier.offset >= view.offset:
            continue
        if "\n" in text[earlier.sentence.end : later.offset] or earlier.headline:
            return None
        keys = list(dict.fromkeys(m.key for m in _alliances(earlier)))
        if keys:
            return keys[0] if len(keys) == 1 else None
        later = earlier
    return None


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
        after = [m for m in alliances if 0 <= view.local(m.start) - cue.end() <= 25]
        return after[0].key if after else None
    if alliances:
        subjects = [m for m in alliances if m.case == "subj"]
        return (subjects or alliances)[0].key
    if _INITIATIVE.match(cue.group()):
        return _single_alliance(ctx)
    return None


def _adnominal_lead(view: SentenceView, cue: re.Match[str]) -> bool:
    """'X가 주도하는 …', 'X가 이끄는 …': the cue modifies the noun after it."""
    return bool(
        _LEAD_ADNOMINAL.search(view.text[: cue.end()])
        or re.match(r"(?:는|던)\s", view.text[cue.end() :])
        or (cue.group() == "주도" and re.match(r"\s+['‘\"“]", view.text[cue.end() :]))
    )


def _leaders(view: SentenceView, cue: re.Match[str]) -> list[str]:
    if "중심" in cue.group():
        objects = [
            g for g in view.groups if g.case == "obj" and view.local(g.end) <= cue.start() + 2
        ]
        return list(objects[-1].keys) if objects else []
    if cue.group() == "주도":  # 'MS 주도 'AX 얼라이언스'': the name right before
        adjacent = [g for g in view.groups if 0 <= cue.start() - view.local(g.end) <= 1]
        return [adjacent[-1].members[-1].key] if adjacent else []
    if _ROLE_NOUN.match(cue.group()) and re.match(r"(?:은|는)\s", view.text[cue.end() :]):
        after = [
            g for g in view.groups if view.local(g.start) > cue.end() and g.case in ("subj", "pred")
        ]
        return list(after[0].keys) if after and len(after[0].keys) == 1 else []
    group = _nearest_subject(view, cue.start())
    if group and (len(group.keys) == 1 or _adnominal_lead(view, cue)):
        return list(group.keys)
    predicates = [g for g in view.groups if g.case == "pred" and view.local(g.start) > cue.start()]
    if predicates and len(predicates[0].keys) == 1:
        return list(predicates[0].keys)
    return []


def _subject_after(view: SentenceView, cue: re.Match[str]) -> Group | None:
    """'[9월 원팀에 합류했던] 한화시스템은': the subject right after an adnominal cue."""
    rest = view.text[cue.start() :]
    clause = re.match(r"\S*(?:했던|하던|한|된)\s", rest)
    if clause is None:
        return None
    start = cue.start() + clause.end()
    for group in view.groups:
        if view.local(group.start) >= start and group.case == "subj":
            if view.local(group.start) - start <= 12:
                return group
            break
    return None


def _is_relative_subject(view: SentenceView, group: Group) -> bool:
    """A subject of a relative clause other than a founding one ('X가 결성한 …' founds)."""
    if group.case != "subj":
        return False
    clause = _RELATIVE_VERB.match(view.text, view.local(group.end))
    return clause is not None and _FOUND.search(clause.group()) is None


def _date_before(ctx: ArticleContext, view: SentenceView, cue: int) -> str | None:
    """The date written nearest before the cue in this sentence ('지난달 30일 … 탈퇴')."""
    dates = [d for d in find_dates(view.text, ctx.published, ctx.event) if d.end <= cue]
    return dates[-1].value if dates else None


# 'X는 Y에 130억달러를 투자했다': a stake, a bilateral tie.
_INVEST = re.compile(
    r"(?:달러|원|엔|유로|위안)(?:를|을)?\s*(?:추가로\s*|공동\s*)?투자(?:하|했|한|해)"
)


def investments(ctx: ArticleContext, view: SentenceView) -> None:
    """'MS는 오픈AI에 130억달러를 투자하며': the investor and the investee are partners."""
    for cue in _INVEST.finditer(view.text):
        if unreal(view.text, cue.end()):
            continue
        lo, _ = _clause(view, cue.start())
        into = [
            m
            for m in view.orgs
            if m.particle == "에"
            and lo <= view.local(m.start)
            and view.local(m.after) <= cue.start()
        ]
        subject = _nearest_subject(view, view.local(into[-1].start)) if into else None
        if (
            into
            and subject is not None
            and len(subject.keys) == 1
            and cue.start() - view.local(into[-1].after) <= 25
        ):
            ctx.relate("PARTNERS_WITH", subject.keys[0], into[-1].key, view)


def bonds(ctx: ArticleContext, view: SentenceView) -> None:
    """동맹/손잡다: members of the alliance named (or the article's one alliance); else a
    bilateral PARTNERS_WITH: the subject with each organisation 'with' it ('X는 Y와 손잡고',
    'X는 Y와도 연구센터를 세운'), pairwise with '각각'."""
    cue = _PARTNER.search(view.text)
    if cue is None:
        return
    parties = _parties(view, cue.start())
    lo, hi = _clause(view, cue.start())
    alliances = [m for m in _alliances(view) if lo <= view.local(m.start) < hi]
    target = alliances[0].key if alliances else None
    if target is None and "동맹" in cue.group() and _BOND.search(view.text):
        target = _single_alliance(ctx)
    if target is not None and _BOND.search(view.text):
        since = view.date or ctx.event.isoformat()
        for key in parties:
            ctx.relate("MEMBER_OF", key, target, view, since=since, role="member")
        return
    if target is not None:
        return
    for a, b in _pairs(view, cue.start()):
        ctx.relate("PARTNERS_WITH", a, b, view)


def _pairs(view: SentenceView, cue: int) -> list[tuple[str, str]]:
    """Who acts with whom before a cue: the subject × those 'with' it ('X는 Y, Z 등과'),
    pairwise when '각각' distributes; two organisations acting together otherwise."""
    subject = _nearest_subject(view, cue)
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
    parties = _parties(view, cue)
    return [(parties[0], parties[1])] if len(parties) == 2 else []


def agreements(ctx: ArticleContext, view: SentenceView) -> None:
    """업무협약/MOU/파트너십 체결 -> an Agreement with its parties, date, place, signers."""
    conclude = _CONCLUDE.search(view.text)
    ceremony = _CEREMONY.search(view.text)
    signing = _SIGN.search(view.text)
    # People sign when the sentence says they sign, or when it is the ceremony's photo
    # caption; "협약식에는 X와 Y가 참석했다" only says who attended.
    signers = bool(view.people) and (
        _SIGNING_VERB.search(view.text) is not None
        or (view.sentence.kind == "caption" and bool(signing or ceremony))
    )
    if not (conclude or ceremony or signers):
        return
    draft = AgreementDraft(first=view.offset)
    if ceremony:
        draft.names.append(ceremony["name"].strip())
        draft.quoted.add(ceremony["name"].strip())
    paper = _SIGNED_PAPER.search(view.text)
    if paper and signers:
        noun = paper["paper"].removesuffix("서")
        pre = paper["pre"]
        keep_pre = pre and not re.search(r"[은는이가을를의에와과도서고며해]$", pre)
        draft.names.append(f"{pre} {noun}" if keep_pre else noun)
    if conclude:
        quoted = _quoted_agreement_name(view.text, conclude)
        if quoted:
            draft.names.append(quoted)
            draft.quoted.add(quoted)
        draft.names.append(_agreement_name(view.text, conclude))
        if conclude["paren"]:
            draft.names.append(conclude["paren"].strip("()"))
        draft.kind = _agreement_kind(conclude["noun"])
        for key in _parties(view, conclude.start()):
            draft.parties.append((key, view))
        draft.date = view.date if view.date and len(view.date) == 10 else None
        draft.place = _place(view.text, conclude.start())
    elif ceremony:
        draft.kind = _agreement_kind(ceremony["name"])
        draft.place = _place(view.text, ceremony.start())
    if signers:
        for person in view.people:
            draft.signers.append((person.name, view))
            if person.org is not None:
                draft.parties.append((person.org.key, view))
    _merge_draft(ctx, draft)


def objectives(ctx: ArticleContext, view: SentenceView) -> None:
    """'△A △B …' lists and '협력 분야는 A, B, C다' become the agreement's objectives."""
    if not ctx.agreements:
        return
    items: list[str] = []
    if "△" in view.text:
        items = [m.group(1).strip() for m in _OBJECTIVE_LIST.finditer(view.text)]
        if items:
            items[-1] = re.split(r"\s등\s|\s등의\s|\s등$|\s등을\s", items[-1])[0].strip()
    else:
        fields = _FIELDS.search(view.text)
        if fields:
            raw = re.split(r",\s*(?:그리고\s+)?|\s그리고\s|\s및\s", fields["items"])
            items = [_last_noun_phrase(item) for item in raw]
    items = [i.rstrip(" ,.") for i in items if i and len(i) <= 60]
    if items:
        target = [a for a in ctx.agreements if a.first <= view.offset] or ctx.agreements
        for item in items:
            if item not in target[-1].objectives:
                target[-1].objectives.append(item)


def competition(ctx: ArticleContext, view: SentenceView) -> None:
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
    for cue in _CHALLENGER.finditer(view.text):
        rival = [m for m in orgs if view.local(m.after) == cue.start() + 1 and m.particle == "의"]
        subject = _nearest_subject(view, cue.start())
        if rival and subject is not None and len(subject.keys) == 1:
            ctx.relate("COMPETES_WITH", subject.keys[0], rival[0].key, view)
    for cue in _AGAINST.finditer(view.text):
        left = [m for m in orgs if view.local(m.after) == cue.start() + len(cue.group()[0])]
        right = [m for m in orgs if view.local(m.start) == cue.end()]
        if left and right:
            ctx.relate("COMPETES_WITH", left[0].key, right[0].key, view)
    for cue in _COMPETE.finditer(view.text):
        if _in_quotation(view.text, cue.start()):
            continue  # what someone says ("경쟁하던 구도를 넘어…") is no reported rivalry
        if _DUEL.match(cue.group()):
            _duel(ctx, view, cue.start())
            continue
        pairs = _pairs(view, cue.start())
        subject = _nearest_subject(view, cue.start())
        adnominal = re.match(r"(?:던|는|ㄴ)\s", view.text[cue.end() :]) is not None
        if not pairs and subject is not None and len(subject.keys) == 2 and not adnominal:
            pairs = [(subject.keys[0], subject.keys[1])]  # 'X와 Y는 … 경쟁해 왔다'
        for a, b in pairs:
            ctx.relate("COMPETES_WITH", a, b, view)
        _alliance_rivals(ctx, view, cue.start())
    if _RIVALRY.search(view.text) and not orgs:
        _sector_rivals(ctx, view)
    if _COMPETE.search(view.text) and _ALLIANCE_PAIR.search(view.text):
        pair = list(dict.fromkeys(k for v in ctx.views for k in (m.key for m in _alliances(v))))
        if len(pair) == 2:
            ctx.relate("COMPETES_WITH", pair[0], pair[1], view)
    alliances = _alliances(view)
    if alliances and _CONTRAST.search(view.text):
        for other in ctx.recent_alliances(view):
            if other != alliances[0].key:
                ctx.relate("COMPETES_WITH", alliances[0].key, other, view)


def _in_quotation(text: str, pos: int) -> bool:
    head = text[:pos]
    return head.count('"') % 2 == 1 or head.count("“") > head.count("”")


def _duel(ctx: ArticleContext, view: SentenceView, cue: int) -> None:
    """'A 컨소시엄과 B 컨소시엄의 2파전': the two named before the cue compete."""
    alliances = list(dict.fromkeys(m.key for m in _alliances(view) if view.local(m.end) <= cue))
    if len(alliances) == 2:
        ctx.relate("COMPETES_WITH", alliances[0], alliances[1], view)
        return
    groups = [g for g in view.groups if view.local(g.end) <= cue and len(g.keys) == 2]
    if groups:
        ctx.relate("COMPETES_WITH", groups[-1].keys[0], groups[-1].keys[1], view)


def _alliance_rivals(ctx: ArticleContext, view: SentenceView, cue: int) -> None:
    """'<A>는 <B>와 경쟁 구도를 형성': alliances as the rivals."""
    before = [m for m in _alliances(view) if view.local(m.end) <= cue]
    subjects = [m for m in before if m.case == "subj"]
    others = [m for m in before if m.case == "com"]
    if subjects and others and subjects[0].key != others[-1].key:
        ctx.relate("COMPETES_WITH", subjects[0].key, others[-1].key, view)


def develops(ctx: ArticleContext, view: SentenceView) -> None:
    """'X의 AI 플랫폼인 Y', 'X의 Y(English)', 'X가 개발한 Y', 'X는 자체 … Y를 운영',
    'X는 자사 NPU 'Y'', 'X는 Z와 공동 개발한 칩 'Y'' (both develop), 'Y 개발사 X'."""
    products = view.of_type("Product")
    for product in products:
        local_start = view.local(product.start)
        owner = _owner(view, local_start)
        if owner is None:
            owner = _operator(view, product) or _own_product(view, product)
        if owner is not None:
            ctx.relate("DEVELOPS", owner, product.key, view)
            for partner in _co_developers(view, owner, product):
                ctx.relate("DEVELOPS", partner, product.key, view)
        maker = _MAKER_AFTER.match(view.text, view.local(product.end))
        if maker:
            after = [m for m in view.orgs if view.local(m.start) == maker.end()]
            if after:
                ctx.relate("DEVELOPS", after[0].key, product.key, view)


# '챗GPT 개발사 오픈AI': the product's maker named right after it.
_MAKER_AFTER = re.compile(r"['’\"”]?\s(?:개발사|개발업체|제조사|운영사)(?:인|였던)?\s")
# '자사 NPU', '자체 개발한 AI 모델', '자사의 솔루션': the subject's own product.
_OWN = re.compile(r"(?:^|\s)(?:자사|자체)(?:의)?\s")
_CO_DEVELOP = re.compile(r"(?:공동|함께)\s*(?:개발|설계)(?:한|하는|해\s*온|중인)\s")


def _own_product(view: SentenceView, product: Mention) -> str | None:
    """'리벨리온은 자사 NPU '아톰'용 … 도구 '리벨 SDK'를': the clause's subject owns what it
    calls its own ('자사', '자체'), with no other organisation or clause end between."""
    cue_end = view.local(product.start)
    subjects = [o for o in view.orgs if o.case == "subj" and view.local(o.after) <= cue_end]
    if not subjects:
        return None
    subject = subjects[-1]
    gap = view.text[view.local(subject.after) : cue_end]
    if len(gap) > 60 or not _OWN.search(" " + gap) or _CLAUSE_END.search(gap):
        return None
    if any(view.local(subject.after) < view.local(o.start) < cue_end for o in view.orgs):
        return None
    return subject.key


def _co_developers(view: SentenceView, owner: str, product: Mention) -> list[str]:
    """'X는 Z와 공동 개발한 칩 'Y'': Z develops Y too."""
    cue_end = view.local(product.start)
    keys: list[str] = []
    for group in view.groups:
        if group.case != "com" or view.local(group.end) > cue_end:
            continue
        rest = view.text[view.local(group.end) : cue_end]
        if _CO_DEVELOP.match(rest.lstrip()) and len(rest) <= 40:
            keys.extend(k for k in group.keys if k != owner)
    return keys


def positions(ctx: ArticleContext, view: SentenceView) -> None:
    for person in view.people:
        if person.org is not None and person.title and not person.short:
            ctx.relate(
                "HOLDS_POSITION", ctx.person_key(person.name, person.name_en), person.org.key, view,
                title=person.title,
            )  # fmt: skip


# --- helpers -----------------------------------------------------------------------------


def _alliances(view: SentenceView) -> list[Mention]:
    return view.of_type("Alliance")


def _alliance_for(alliances: list[Mention], view: SentenceView, prefer_case: str) -> str | None:
    if not alliances:
        return None
    preferred = [m for m in alliances if m.case == prefer_case]
    return (preferred or alliances)[0].key


def _single_alliance(ctx: ArticleContext) -> str | None:
    return ctx.alliance_ids[0] if len(ctx.alliance_ids) == 1 else None


def _nearest_subject(view: SentenceView, cue: int, *, skip_relative: bool = False) -> Group | None:
    """The subject group closest before the cue, unless another subject stands between.

    With ``skip_relative``, subjects of a relative clause ('IBM과 메타가 주도하는 …') are
    passed over: they do not do what the sentence's verb says.
    """
    subjects = [g for g in view.groups if g.case == "subj" and view.local(g.end) <= cue]
    if skip_relative:
        subjects = [g for g in subjects if not _is_relative_subject(view, g)]
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


def _leader(view: SentenceView, cue: int) -> str | None:
    group = _nearest_subject(view, cue)
    if group and len(group.keys) == 1:
        return group.keys[0]
    predicates = [g for g in view.groups if g.case == "pred" and view.local(g.start) > cue]
    if predicates and len(predicates[0].keys) == 1:
        return predicates[0].keys[0]
    return None


def _parties(view: SentenceView, cue: int) -> list[str]:
    """Organisations acting together before the cue: the subject and those 'with' it."""
    keys: list[str] = []
    for group in view.groups:
        if view.local(group.start) >= cue:
            continue
        if group.case in ("subj", "com") or (group.case == "bare" and view.headline):
            keys.extend(k for k in group.keys if k not in keys)
    return keys


def _quoted_agreement_name(text: str, conclude: re.Match[str]) -> str | None:
    """ "'AI 반도체 솔루션 개발을 위한 업무협약'을 체결" or "'전략적 파트너십' 협약을 체결"."""
    for quoted in _QUOTED_NAME.finditer(text[: conclude.end()]):
        closes = quoted.end()
        if closes == conclude.end("noun") + 1 or 0 <= conclude.start("noun") - closes <= 1:
            return quoted["name"].strip()
    return None


def _agreement_kind(noun: str) -> str:
    if re.search(r"MOU|업무|양해각서|협약", noun):
        return "mou"
    if "파트너십" in noun or "제휴" in noun:
        return "partnership"
    return "agreement"


def _agreement_name(text: str, match: re.Match[str]) -> str:
    """The noun phrase of the agreement: '전략적 파트너십', '업무협약'."""
    words = text[: match.start("noun")].split()
    name = [match["noun"]]
    if text[match.start("noun") - 1 : match.start("noun")] not in (" ", ""):
        return name[0]
    for word in reversed(words[-2:]):
        if re.search(r"\d|[는은인한된할의을를이가에와과도로]$", word) and not word.endswith("적"):
            break
        if word.endswith("적") or (re.fullmatch(r"[가-힣A-Za-z]+", word) and len(word) <= 4):
            name.insert(0, word)
            continue
        break
    return " ".join(name)


def _place(text: str, cue: int) -> str | None:
    matches = list(_PLACE.finditer(text[:cue]))
    if not matches:
        return None
    match = matches[-1]
    words = match["place"].split()
    kept: list[str] = []
    for word in reversed(words):
        if re.search(r"[는은인한된던할의을를이가와과도]$", word) or re.fullmatch(r"\d+일,?", word):
            break
        kept.insert(0, word)
    return " ".join(kept) or None


def _merge_draft(ctx: ArticleContext, draft: AgreementDraft) -> None:
    for known in ctx.agreements:
        if (
            not draft.party_keys()
            or not known.party_keys()
            or draft.party_keys() & known.party_keys()
        ):
            for name in draft.names:
                if name not in known.names:
                    known.names.append(name)
            known.quoted |= draft.quoted
            known.parties.extend(p for p in draft.parties if p[0] not in known.party_keys())
            known.signers.extend(
                s for s in draft.signers if s[0] not in {n for n, _ in known.signers}
            )
            known.date = known.date or draft.date
            known.place = known.place or draft.place
            if known.kind == "agreement":
                known.kind = draft.kind
            return
    ctx.agreements.append(draft)


def _last_noun_phrase(item: str) -> str:
    """'인공지능(AI)과 사물인터넷(IoT)을 아우르는 미래 ICT' -> '미래 ICT'."""
    words = item.strip().split()
    for i in range(len(words) - 1, -1, -1):
        if re.search(r"(?:는|은|ㄴ|한|된|인|을|를)$", words[i]) and i < len(words) - 1:
            return " ".join(words[i + 1 :])
    return item.strip()


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


def _owner(view: SentenceView, product_start: int) -> str | None:
    """'X의 [descriptor] P' or 'X가 개발한 [descriptor] P': only the nearest organisation."""
    for org in reversed(view.orgs):
        end = view.local(org.after)
        if end > product_start:
            continue
        gap = view.text[end:product_start].rstrip("'‘\"“")
        if org.particle == "의" and _DESCRIPTOR_GAP.match(gap):
            return org.key
        if org.case == "subj" and _DEVELOPER_GAP.match(gap):
            return org.key
        if org.case == "com" and _CO_DEVELOP.match(gap.lstrip()):
            continue  # 'X는 Z와 공동 개발한 칩 'Y'': the developer is X, before Z
        return None
    return None


def _operator(view: SentenceView, product: Mention) -> str | None:
    """'X는 자체 음성비서 Y를 운영하고 있다': X the subject, Y the object of a making verb."""
    if not _DEVELOP_VERB.match(view.text[view.local(product.end) :].lstrip("'’\")")):
        return None
    subjects = [o for o in view.orgs if o.case == "subj" and o.after <= product.start]
    if not subjects:
        return None
    gap = view.text[view.local(subjects[-1].after) : view.local(product.start)]
    if len(gap) > 30 or re.search(r"[가-힣]+(?:을|를|이|가)\s", gap):
        return None
    return subjects[-1].key
