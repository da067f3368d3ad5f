"""DEVELOPS: who makes or runs a product.

The press names a product after its maker ('X의 AI 플랫폼인 Y', 'X의 Y(English)'), after a
making verb with the maker as subject ('X가 개발한 Y', 'X는 자체 … Y를 운영'), as the
subject's own ('X는 자사 NPU 'Y''), with a co-developer ('X는 Z와 공동 개발한 칩 'Y'': both
develop it), or before its maker ('Y 개발사 X'). Only the nearest organisation counts: one
further back is some other actor of the sentence. Cues: ``cues/develops.yaml``.
"""

from __future__ import annotations

import re

from ..context import ArticleContext, SentenceView
from ..cues import load
from ..mentions import Mention
from .clauses import CLAUSE_END

_CUES = load("develops")
_DEVELOP_VERB = re.compile(r"^(?:을|를)\s*(?:\S+\s+){0,2}?" + _CUES.group("making_verbs"))
_DEVELOPER_GAP = re.compile(
    r"^\s*(?:\S+(?:와|과)\s+"
    + _CUES.group("together_words")
    + r"\s*)?(?:자체\s*)?"
    + _CUES.group("developer_verbs")
    + r"\s+(?:[가-힣A-Za-z0-9/·]+\s+){0,3}$"
)
_DESCRIPTOR_GAP = re.compile(
    r"^\s*(?:[가-힣A-Za-z0-9/·]+\s+){0,3}?(?:[가-힣A-Za-z0-9/·]*?(?:인|이자)\s+)?$"
)
# '챗GPT 개발사 오픈AI': the product's maker named right after it.
_MAKER_AFTER = re.compile(r"['’\"”]?\s" + _CUES.group("maker_nouns") + r"(?:인|였던)?\s")
# '자사 NPU', '자체 개발한 AI 모델', '자사의 솔루션': the subject's own product.
_OWN = re.compile(r"(?:^|\s)" + _CUES.group("own_words") + r"(?:의)?\s")
_CO_DEVELOP = re.compile(
    _CUES.group("together_words")
    + r"\s*"
    + _CUES.group("co_develop_verbs")
    + r"(?:한|하는|해\s*온|중인)\s"
)


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


def _own_product(view: SentenceView, product: Mention) -> str | None:
    """'리벨리온은 자사 NPU '아톰'용 … 도구 '리벨 SDK'를': the clause's subject owns what it
    calls its own ('자사', '자체'), with no other organisation or clause end between."""
    cue_end = view.local(product.start)
    subjects = [o for o in view.orgs if o.case == "subj" and view.local(o.after) <= cue_end]
    if not subjects:
        return None
    subject = subjects[-1]
    gap = view.text[view.local(subject.after) : cue_end]
    if len(gap) > 60 or not _OWN.search(" " + gap) or CLAUSE_END.search(gap):
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
