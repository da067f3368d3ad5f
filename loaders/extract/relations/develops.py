"""DEVELOPS: who makes or runs a product.

The press names a product after its maker ('X의 AI 플랫폼인 Y', 'X의 Y(English)'), after a
making verb with the maker as subject ('X가 개발한 Y', 'X는 지난해 5월 공개한 Y', 'X는 자체
… Y를 운영'), as the object of a making verb the subject governs, also when several
subjects share one verb ("X는 솔루션 'Y'를, Z는 … 'W'를 공급한다"), as the subject's own
('X는 자사 NPU 'Y'', a speaker's "자사 언어모델 'Y'" for the speaker's organisation), with
a co-developer ('X는 Z와 공동 개발한 칩 'Y'', 'X는 Z와 칩 'Y'를 공동 개발하고': both
develop it), before its maker ('Y 개발사 X'), or named after its maker right after it
("X는 … 솔루션 'X 가드'로"). Only the nearest organisation counts: one further back is
some other actor of the sentence. Cues: ``cues/develops.yaml``.
"""

from __future__ import annotations

import re

from ..context import ArticleContext, SentenceView
from ..cues import load
from ..grammar import Word
from ..mentions import Mention
from .clauses import CLAUSE_END

_CUES = load("develops")
_MAKING = re.compile(_CUES.group("making_verbs"))
_DEVELOP_VERB = re.compile(r"^(?:을|를)\s*(?:\S+\s+){0,2}?" + _CUES.group("making_verbs"))
# '지난해 5월', '올해 초': when, between the maker and its verb.
_TIME = r"(?:(?:" + _CUES.alt("time_words") + r")\S*\s+){0,3}"
_DEVELOPER_GAP = re.compile(
    r"^\s*"
    + _TIME
    + r"(?:\S+(?:와|과)\s+"
    + _CUES.group("together_words")
    + r"\s*)?(?:자체\s*)?"
    + _CUES.group("developer_verbs")
    + r"\s+(?:[가-힣A-Za-z0-9/·()]+\s+){0,5}$"  # '개발한 탄소집약도(CII) 예측 AI 'Y''
)
_DESCRIPTOR_GAP = re.compile(
    r"^\s*(?:[가-힣A-Za-z0-9/·]+\s+){0,5}?(?:[가-힣A-Za-z0-9/·]*?(?:인|이자)\s+)?$"
)
# '챗GPT 개발사 오픈AI': the product's maker named right after it.
_MAKER_AFTER = re.compile(r"['’\"”]?\s" + _CUES.group("maker_nouns") + r"(?:인|였던)?\s")
# '자사 NPU', '자체 개발한 AI 모델', '자사의 솔루션': the subject's own product.
_OWN = re.compile(r"(?:^|[\s.…,·'\"])" + _CUES.group("own_words") + r"(?:의)?\s")
_CO_DEVELOP = re.compile(
    _CUES.group("together_words")
    + r"\s*"
    + _CUES.group("co_develop_verbs")
    + r"(?:한|하는|해\s*온|중인)\s"
)
_TOGETHER = _CUES.set("together_words")
_SUBJECT_PARTICLE = re.compile(r"(?:은|는|이|가)\s")
# The most descriptor words between a subject and the product it introduces.
_DESCRIPTOR_WORDS = 9
_TOPIC = frozenset({"은", "는", "이", "가"})  # a subject inside the gap is another actor


def develops(ctx: ArticleContext, view: SentenceView) -> None:
    """'X의 AI 플랫폼인 Y', 'X가 개발한 Y', 'X는 자체 … Y를 운영', "X는 솔루션 'Y'를, Z는
    … 공급한다", 'X는 자사 NPU 'Y'', 'X는 Z와 공동 개발한 칩 'Y'' (both develop), 'Y 개발사
    X', "X는 … 'X 가드'로"."""
    for product in view.of_type("Product"):
        maker, partners = _made_object(view, product)
        owner = _owner(view, view.local(product.start))
        owner = owner or _operator(view, product) or _own_product(view, product) or maker
        owner = owner or _speakers_own(view, product) or _named_after(view, product)
        partners = partners if owner == maker else []
        if owner is not None:
            ctx.relate("DEVELOPS", owner, product.key, view)
            for partner in partners + _co_developers(view, owner, product):
                ctx.relate("DEVELOPS", partner, product.key, view)
        named = _MAKER_AFTER.match(view.text, view.local(product.end))
        if named:
            after = [m for m in view.orgs if view.local(m.start) == named.end()]
            if after:
                ctx.relate("DEVELOPS", after[0].key, product.key, view)


def _own_product(view: SentenceView, product: Mention) -> str | None:
    """'리벨리온은 자사 NPU '아톰'용 … 도구 '리벨 SDK'를': the clause's subject owns what it
    calls its own ('자사', '자체'), with no other subject or clause end between (another
    maker in the genitive, 'Y의 모델을 기반으로 자체 서비스 'P'를', is no other subject). In
    a headline with no subject (or a sentence written like one, with no final ending),
    '자사' is its first organisation's."""
    cue_end = view.local(product.start)
    subjects = [o for o in view.orgs if o.case == "subj" and view.local(o.after) <= cue_end]
    if not subjects:
        first = [o for o in view.orgs if view.local(o.after) <= cue_end]
        own = _OWN.search(" " + view.text[:cue_end])
        headline = view.headline or not any(w.ending == "EF" for w in view.words)
        return first[0].key if headline and first and own else None
    subject = subjects[-1]
    gap = view.text[view.local(subject.after) : cue_end]
    if len(gap) > 60 or not _OWN.search(" " + gap) or CLAUSE_END.search(gap):
        return None
    if _new_topic(view, view.local(subject.after), cue_end):
        return None
    return subject.key


def _new_topic(view: SentenceView, start: int, end: int) -> bool:
    """Whether a word marked as a subject stands between ('A는 …를, B는 …'): a new subject."""
    return any(
        start <= w.start and w.end <= end and w.particle in ("은", "는", "이", "가")
        for w in view.words
    )


def _made_object(view: SentenceView, product: Mention) -> tuple[str | None, list[str]]:
    """ "X는 흉부 판독 솔루션 'Y'를, Z는 … 'W'를 참여 병원에 공급한다": the product is the
    object of a making verb, introduced right after its subject by descriptor words only
    (subjects sharing one verb each make their own). With 'Z와 … 공동 개발하고', Z too."""
    if product.case != "obj":
        return None, []
    verb = _governing_verb(view, view.local(product.after))
    if verb is None or not _MAKING.match(verb.predicate or ""):
        return None, []
    subject, gap = _subject_before(view, product)
    if subject is None:
        return None, []
    together = [m for m in view.orgs if m.case == "com" and m.start in gap]
    if together and not _jointly(view, verb):
        return None, []
    return subject.key, [m.key for m in together]


def _subject_before(view: SentenceView, product: Mention) -> tuple[Mention | None, range]:
    """The subject the product's descriptor follows ('X는 [솔루션] 'Y''), with the span
    between: only descriptor words (no particle but '와/과' on an organisation), no clause
    end, no other mention but organisations 'with' it."""
    cue_end = view.local(product.start)
    subjects = [o for o in view.orgs if o.case == "subj" and view.local(o.after) <= cue_end]
    if not subjects:
        return None, range(0)
    subject = subjects[-1]
    lo = view.local(subject.after)
    inside = [w for w in view.words if lo <= w.start and w.end <= cue_end]
    others = [m for m in view.mentions if lo <= view.local(m.start) < cue_end]
    if len(inside) > _DESCRIPTOR_WORDS or CLAUSE_END.search(view.text[lo:cue_end]):
        return None, range(0)
    if any(m.case != "com" or not m.is_org for m in others):
        return None, range(0)
    # '… 손상 부위를 찾아내는 수중 진단 로봇 'Y'': a relative clause describing the product
    # may hold its own object; only what follows the clause's verb describes bare
    relative = max((i for i, w in enumerate(inside) if w.ending == "ETM"), default=-1)
    marked = [
        w
        for i, w in enumerate(inside)
        if (w.particle and (i > relative or w.particle in _TOPIC)) or w.ending in ("EC", "EF")
    ]
    if len(marked) > len(others):
        return None, range(0)
    return subject, range(subject.after, product.start)


def _governing_verb(view: SentenceView, start: int) -> Word | None:
    """The first predicate after ``start`` (skipping adverbs like '우선', '공동', and words
    of names, which Kiwi may read as verbs)."""
    names = [(view.local(m.start), view.local(m.end)) for m in view.mentions]
    for word in view.words:
        if word.start < start or word.predicate is None:
            continue
        if not any(a <= word.start < b for a, b in names):
            return word
    return None


def _jointly(view: SentenceView, verb: Word) -> bool:
    """Whether '공동'/'함께' stands right before the verb ('공동 개발하고')."""
    before = [w for w in view.words if w.end <= verb.start]
    return bool(before) and before[-1].stem in _TOGETHER


def _speakers_own(view: SentenceView, product: Mention) -> str | None:
    """'정재희 스텔라비전 대표는 "…"며 자사 언어모델 '스텔라-M'을': a person speaking for an
    organisation calls its product the company's own ('자사', '자체')."""
    cue_end = view.local(product.start)
    for person in reversed(view.people):
        end = view.local(person.end)
        if person.org is None or end > cue_end or not _speaks(view.text, end):
            continue
        descriptor = view.text[max(end, cue_end - 30) : cue_end]
        if _OWN.search(" " + descriptor) and not _other_subject(view, end, cue_end):
            return person.org.key
        return None
    return None


def _speaks(text: str, end: int) -> bool:
    """Whether the person ending at ``end`` is a subject ('… 대표는', the particle inside the
    span or right after it)."""
    return bool(_SUBJECT_PARTICLE.match(text, end) or _SUBJECT_PARTICLE.match(text, end - 1))


def _other_subject(view: SentenceView, start: int, end: int) -> bool:
    return any(o.case == "subj" and start <= view.local(o.start) < end for o in view.orgs)


def _named_after(view: SentenceView, product: Mention) -> str | None:
    """ "딥세이프는 딥페이크 탐지 솔루션 '딥세이프 가드'로 …": a product introduced right
    after its subject and named after it is that subject's."""
    subject, _ = _subject_before(view, product)
    if subject is None:
        return None
    first = product.surface.split()[0] if product.surface.split() else ""
    return subject.key if first == subject.surface and len(product.surface) > len(first) else None


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


def _owner(view: SentenceView, product_start: int) -> str | None:
    """'X의 [descriptor] P' or 'X가 (지난해) 개발한 [descriptor] P': only the nearest
    organisation."""
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
    verb = _governing_verb(view, view.local(product.after))
    if verb is None or not _MAKING.match(verb.predicate or ""):
        return None  # '기가지니를 탑재한 TV를 출시': the product is what '탑재' takes
    subjects = [o for o in view.orgs if o.case == "subj" and o.after <= product.start]
    if not subjects:
        return None
    lo, hi = view.local(subjects[-1].after), view.local(product.start)
    if hi - lo > 30 or re.search(r"[가-힣]+(?:을|를|이|가)\s", view.text[lo:hi]):
        return None
    if _new_topic(view, lo, hi) or any(lo <= view.local(m.start) < hi for m in view.mentions):
        return None  # '…를, 협력사는 솔루션 'Y'를': another subject's, another's object
    return subjects[-1].key
