"""Text normalisation shared by intake, the registry, the extractor and the scorer.

Every stage compares names and evidence the way the gold README does (Unicode NFKC, runs of
white space collapsed, and for names also case folding and no spaces), so the rules live
here once instead of drifting apart in each module.
"""

from __future__ import annotations

import re
import unicodedata

from allygraph.loaders.particles import PARTICLES, PLURAL_MARKERS

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


# Particles and copula endings that may follow a name inside one word ("KT와", "카카오의"),
# with the plural markers that may stand before them ("기업들이"): one table for the whole
# project, loaders/particles.yaml. Anything else glued to a name means the name is part of
# a longer word ("카카오뱅크", "메타버스") and is no mention of it.
_PARTICLE_RUN = re.compile(
    "".join(f"(?:{m})?" for m in PLURAL_MARKERS)
    + r"(?:"
    + "|".join(sorted(PARTICLES, key=len, reverse=True))
    + r")?"
)


def is_particle_run(text: str) -> bool:
    """True when ``text`` (the Hangul glued after a name) is only particles, or nothing."""
    return _PARTICLE_RUN.fullmatch(text) is not None


HANGUL_RUN = re.compile(r"[가-힣]*")
_LATIN_FIELD = re.compile(r"^[A-Za-z0-9]+(?=[가-힣])")


def without_latin_field(word: str) -> str:
    """'AI기업' -> '기업': the word without a Latin field written before its Hangul."""
    return _LATIN_FIELD.sub("", word)
