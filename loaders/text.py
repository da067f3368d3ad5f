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
