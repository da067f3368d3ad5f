"""Slugs and English names for entities the registry does not know yet.

Korean is romanised with ``korean-romanizer`` (Revised Romanization). People follow the
press convention instead: the family name in its customary spelling (박 -> Park, 이 -> Lee)
and the given name syllable by syllable, so 박일평 becomes ``park-il-pyeong`` /
"Park Il-pyeong". The family-name table doubles as the list of surnames the person rule
accepts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from korean_romanizer.romanizer import Romanizer

# Customary spellings of Korean family names (two-syllable ones first where they matter).
SURNAMES: dict[str, str] = {
    "남궁": "namgoong", "황보": "hwangbo", "제갈": "jegal", "선우": "sunwoo", "독고": "dokgo",
    "사공": "sagong", "서문": "seomun",
    "김": "kim", "이": "lee", "박": "park", "최": "choi", "정": "jung", "강": "kang",
    "조": "cho", "윤": "yoon", "장": "jang", "임": "lim", "한": "han", "오": "oh", "서": "seo",
    "신": "shin", "권": "kwon", "황": "hwang", "안": "ahn", "송": "song", "류": "ryu",
    "유": "yoo", "전": "jeon", "홍": "hong", "고": "koh", "문": "moon", "양": "yang",
    "손": "son", "배": "bae", "백": "baek", "허": "heo", "남": "nam", "심": "shim", "노": "noh",
    "하": "ha", "곽": "kwak", "성": "sung", "차": "cha", "주": "joo", "우": "woo", "구": "koo",
    "민": "min", "진": "jin", "나": "na", "지": "ji", "엄": "eom", "채": "chae", "원": "won",
    "천": "cheon", "방": "bang", "공": "kong", "현": "hyun", "함": "ham", "변": "byun",
    "염": "yeom", "여": "yeo", "추": "choo", "도": "do", "소": "so", "석": "seok", "선": "sun",
    "설": "seol", "마": "ma", "길": "gil", "연": "yeon", "위": "wi", "표": "pyo", "명": "myung",
    "기": "ki", "반": "ban", "왕": "wang", "금": "keum", "옥": "ok", "육": "yook", "인": "in",
    "맹": "maeng", "제": "je", "모": "mo", "탁": "tak", "국": "kook", "은": "eun", "편": "pyun",
    "용": "yong", "예": "ye", "경": "kyung", "봉": "bong", "계": "kye", "승": "seung",
    "태": "tae", "피": "pi", "라": "ra", "범": "beom", "견": "kyeon",
}  # fmt: skip

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def split_person_name(name: str) -> tuple[str, str] | None:
    """(family name, given name) of a Korean name such as 박일평, or None."""
    if len(name) >= 4 and name[:2] in SURNAMES:
        return name[:2], name[2:]
    if 2 <= len(name) <= 4 and name[0] in SURNAMES:
        return name[0], name[1:]
    return None


@lru_cache(maxsize=4096)
def romanise(text: str) -> str:
    """Revised Romanization of ``text``, word by word (Latin parts are kept)."""
    return " ".join(_romanise_word(w) if re.search("[가-힣]", w) else w for w in text.split())


def _romanise_word(word: str) -> str:
    """The romanizer's sound changes across syllables fail on some codas before some onsets
    (KeyError on 'ᆶ' in a made-up name); syllable by syllable never does."""
    try:
        return str(Romanizer(word).romanize())
    except (KeyError, IndexError):
        return "".join(str(Romanizer(syllable).romanize()) for syllable in word)


def person_name_en(name: str) -> str | None:
    """'박일평' -> 'Park Il-pyeong' (None for a name that is not Korean)."""
    parts = split_person_name(name)
    if parts is None:
        return None
    family, given = parts
    syllables = [romanise(s) for s in given]
    return f"{SURNAMES[family].capitalize()} {'-'.join(syllables).capitalize()}"


@lru_cache(maxsize=65_536)
def slugify(text: str) -> str:
    """A slug from any text: Hangul romanised, everything else reduced to a-z, 0-9 and '-'."""
    if re.search("[가-힣]", text):
        text = romanise(text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug or "entity"


def person_slug(name: str) -> str:
    """'박일평' -> 'park-il-pyeong': family name first, syllables of the given name apart."""
    parts = split_person_name(name)
    if parts is None:
        return slugify(name)
    family, given = parts
    return "-".join([SURNAMES[family], *(slugify(s) for s in given)])
