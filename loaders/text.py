"""Text normalisation shared by intake, the registry, the extractor and the scorer.

Every stage compares names and evidence the way the gold README does (Unicode NFKC, runs of
white space collapsed, and for names also case folding and no spaces), so the rules live
here once instead of drifting apart in each module.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# NFKC turns the circled c of Korean copyright lines into a plain "c"; keep it recognisable.
_PRE_NFKC = str.maketrans({"ⓒ": "©", "Ⓒ": "©"})


def normalise(text: str) -> str:
    """NFKC, no-break and other exotic spaces to plain spaces, runs collapsed, stripped."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text.translate(_PRE_NFKC))).strip()


def name_key(name: str) -> str:
    """The form two names are compared in: NFKC, case-folded, without any white space."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", name.translate(_PRE_NFKC))).casefold()


def is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def is_word_char(char: str) -> bool:
    """A character that continues a word: Hangul syllable, Latin letter or digit."""
    return is_hangul(char) or (char.isascii() and char.isalnum())


# Korean particles and copula endings that may follow a name inside one word ("KT와",
# "LG유플러스가", "카카오의", "SK텔레콤이다"). Anything else glued to a name means the
# name is part of a longer word ("카카오뱅크", "메타버스") and is no mention of it.
PARTICLES: tuple[str, ...] = (
    "가", "이", "은", "는", "을", "를", "의", "에", "에서", "에게", "께", "께서", "와", "과",
    "도", "만", "로", "으로", "로서", "으로서", "로써", "으로써", "랑", "이랑", "하고",
    "와의", "과의", "에서의", "에의", "으로의", "로의", "까지", "부터", "로부터", "으로부터",
    "마저", "조차", "처럼", "보다", "만큼", "같이", "이나", "나", "이며", "며", "이고", "고",
    "이다", "다", "였다", "이었다", "이라", "라", "이라는", "라는", "이란", "란", "이자", "자",
    "와는", "과는", "와도", "과도", "에는", "에도", "에서도", "에서는", "에서만", "로는", "으로는",
    "으로도", "로도", "만이", "만의", "이었던", "였던", "인", "이던", "던", "이지만", "지만",
    "라고", "이라고", "에게는", "한테", "이면", "면", "이든", "든", "이기도", "이지", "의한",
)  # fmt: skip
_PARTICLE_RUN = re.compile(
    r"(?:들)?(?:측)?(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r")?"
)


def is_particle_run(text: str) -> bool:
    """True when ``text`` (the Hangul glued after a name) is only particles, or nothing."""
    return _PARTICLE_RUN.fullmatch(text) is not None


HANGUL_RUN = re.compile(r"[가-힣]*")
