"""Who signs an agreement, as Korean news reports it.

- A sentence says they sign ('…이 참석해 협약서에 서명했다').
- A photo caption of the signing shows them ('(왼쪽부터) A 대표, B 사장이 업무협약을 맺고
  기념촬영을 하고 있다'), or, when the caption is two sentences, the list of people after
  the one that shows the signing ('참석자들이 협약서에 서명한 뒤 …. 왼쪽부터 A 대표, …').
- Those attending the signing ceremony ('체결식에는 A 대표와 B 부회장이 참석했다') of the
  agreement the article is about, i.e. the one its lead (headline or first two body
  sentences) reports, when no one is said to have signed it: the press names the heads who
  signed. For an agreement reported in passing, attending is only attending; nor does an
  official of no party sign, nor one who 'also' attended ('…도 참석했다').
Cues: ``cues/agreements.yaml``.
"""

from __future__ import annotations

import re

from ..context import ArticleContext, SentenceView
from ..people import PersonMention
from .agreement_names import CUES
from .positions import person_org

_SIGNING_VERB = re.compile(
    CUES.alt("signing_verbs")
    + "|"
    + CUES.group("signed_papers")
    + r"[^.]{0,10}?"
    + CUES.group("signed_paper_verbs")
)
_SIGNING_EVENT = CUES.regex("signing_events")
_CEREMONY = re.compile(CUES.group("ceremony_places") + r"(?:에는|에|은|는)\s")
_ATTEND = CUES.regex("attend_verbs")
_PHOTO_LIST = re.compile(r"^\s*\(?" + CUES.group("photo_lists") + r"\)?\s")
_LEAD_SENTENCES = 2


def signatories(
    ctx: ArticleContext, view: SentenceView, conclude: re.Match[str] | None
) -> list[PersonMention]:
    """The people of the sentence who sign the agreement it is about (see the module)."""
    people = [p for p in view.people if not p.aside and not _replaced(view, p)]
    if not people:
        return []
    if _SIGNING_VERB.search(view.text) or _shows_signing(view, conclude is not None):
        return people
    if view.sentence.kind == "caption" and _PHOTO_LIST.match(view.text):
        earlier = ctx.previous(view)
        if earlier and _shows_signing(earlier, conclude=False):
            return people
    if _CEREMONY.search(view.text) and _ATTEND.search(view.text) and _lead_agreement(ctx):
        parties = ctx.agreements[-1].party_keys()
        return [p for p in people if person_org(ctx, p) in parties and not _also(view, p)]
    return []


def _replaced(view: SentenceView, person: PersonMention) -> bool:
    """'… 심재원 대표 대신 권오성 부사장이 서명했다': the one '대신' (instead of) follows did not
    sign."""
    return _INSTEAD.match(view.text, view.local(person.end)) is not None


# after the name, its title if any, then '대신' ('심재원 대표 대신', '대표를 대신해')
_INSTEAD = re.compile(r"\s*(?:[^\s,]{1,12}?(?:을|를)?\s+)?대신")


def _also(view: SentenceView, person: PersonMention) -> bool:
    """'… 부회장도 참석했다': '도' adds someone to those who signed."""
    return view.text[: view.local(person.end)].endswith("도")


def _shows_signing(view: SentenceView, conclude: bool) -> bool:
    """A photo caption of the signing: it signs, concludes or names the ceremony."""
    if view.sentence.kind != "caption":
        return False
    return conclude or bool(_SIGNING_EVENT.search(view.text) or _SIGNING_VERB.search(view.text))


def _lead_agreement(ctx: ArticleContext) -> bool:
    """Whether the latest agreement is the one the article's lead reports, and no one is
    said to have signed it yet."""
    if not ctx.agreements or ctx.agreements[-1].signers:
        return False
    body = [v for v in ctx.views if v.sentence.kind == "body"][:_LEAD_SENTENCES]
    lead_end = body[-1].sentence.end if body else 0
    return ctx.agreements[-1].first < lead_end
