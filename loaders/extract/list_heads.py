"""What a list's head noun says of its items: '한국어와 영어, 일본어 등 5개 언어' lists no
organisations, '리벨리온과 퓨리오사AI 등 팹리스 3사' does.

Korean closes a list with '등' and a noun phrase naming the kind of its items; discovery
(``discovery.py``) asks this module whether that phrase rules a name out. The nouns that
name organisations (descriptors and ``list_heads``) are data in ``cues/discovery.yaml``.
"""

from __future__ import annotations

import re

from .grammar import Word


def listed_as_other(analysed: list[Word], index: int, org_heads: frozenset[str], text: str) -> bool:
    """'한국어와 영어, 일본어 등 5개 언어를': a list closed by '등' and a noun phrase names the
    kind of its items; a phrase with no organisation's noun in it (언어, 국가, 도시, 제품)
    says the items are none either. A count of countries or people ('5개국', '3명') decides
    alone, and so does one of firms ('등 팹리스 3사'); '등 국내 산·학·연 기관이' and '등
    글로벌 IT기업이' name organisations."""
    for k in range(index, min(index + _LIST_REACH, len(analysed))):
        word = analysed[k]
        if word.stem == "등":
            if word.particle or text[word.end : word.end + 1] == ")":
                # '… 등이 합류했다', '12곳(A, B 등)이다': no head noun says what they are
                return False
            heads = _phrase_after(analysed, k + 1)
            return heads is not None and not any(_org_noun(h, org_heads) for h in heads)
        if word.predicate is not None or word.particle not in _LIST_PARTICLES:
            return False  # the list (or the item's own phrase) has ended
    return False


def _org_noun(noun: str, org_heads: frozenset[str]) -> bool:
    return any(noun.endswith(kind) for kind in org_heads)


def _phrase_after(analysed: list[Word], start: int) -> list[str] | None:
    """The nouns of the phrase after '등', up to its particle; None when there is none or
    a count of countries or people ends it."""
    nouns: list[str] = []
    for word in analysed[start : start + 8]:
        if word.predicate is not None or not word.stem:
            break
        count = _COUNT.fullmatch(word.stem)
        if count and count["counter"] in ("국", "개국", "명"):
            return []
        if count and count["counter"] in ("사", "개사", "곳"):
            return ["사"]  # '등 팹리스 3사는': a count of firms
        if not count:
            nouns.append(word.stem.removesuffix("들"))
        if word.particle:
            break
    return nouns or None


_LIST_REACH = 16
_LIST_PARTICLES = frozenset({"", "와", "과", "및"})
_COUNT = re.compile(
    r"(?:\d+|[한두세네]|다섯|여섯|일곱|여덟|아홉|열)\s*(?P<counter>개국|개사|개|곳|사|국|명)?"
)
