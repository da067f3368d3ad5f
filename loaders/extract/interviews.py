"""Interviews: the interviewee speaks for the organisation the article is about.

An interview ('[인터뷰]' in the headline, or questions set off as '- …?' / 'Q.' lines) is
told in the first person: '저희가 만든 엔진', '저희는 창립 회원사로 들어갔어요'. Each '저희' /
'우리 회사' / '당사' in it is a mention of the organisation the article is about (the one it
names most, the headline's first on ties), so the rules read those sentences as they read
'X가 만든 엔진'. Outside interviews a first person is someone's quotation and is left alone.
"""

from __future__ import annotations

import re

from allygraph.models import Article

from .cues import load
from .mentions import Mention, Spans, attach_particle
from .mentions.model import overlaps

_WORDS = load("people").words("first_person")
_FIRST_PERSON = re.compile(
    r"(?<![가-힣])(?P<word>" + "|".join(re.escape(w) for w in _WORDS) + r"(?:\s회사)?)"
    r"(?=(?:가|는|도|의|를|와|랑)?(?![가-힣]))"
)
_QUESTION_LINE = re.compile(r"^\s*(?:-|Q\.|Q:|―)\s*\S.*$", re.M)


def is_interview(article: Article) -> bool:
    """'[인터뷰]' in the headline, or at least two question lines in the text."""
    return "인터뷰" in article.title or len(_QUESTION_LINE.findall(article.text)) >= 2


def first_person_mentions(
    article: Article, found: list[Mention], focal: str | None
) -> list[Mention]:
    """'저희', '우리 회사', '당사' in an interview as mentions of the article's organisation."""
    if focal is None or not is_interview(article):
        return []
    kind = next(m.type for m in found if m.key == focal)
    taken = Spans((m.start, m.end) for m in found)
    out = []
    for match in _FIRST_PERSON.finditer(article.text):
        start, end = match.span("word")
        if overlaps(start, end, taken):
            continue
        mention = Mention(start, end, focal, kind, match["word"])
        out.append(attach_particle(article.text, mention))
    return out
