"""Page chrome in plain text: which lines of a saved page are menus, widgets, link boxes,
photo credits or the copyright footer, never part of the story.

The words come from ``chrome.yaml`` beside this module (cue words are data); this module
holds only the shapes they are used in: a line made of widget words, a short line with a
widget phrase, a credit at the end of a caption, a footer with a copyright cue. The file is
read and compiled once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

# Structural pieces, the same for every outlet: an address, counts ("좋아요 12", "0개의
# 댓글", "0 / 300"), and what separates buttons in a row.
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_COUNT = r"\d++(?:\s*+개의?)?"
# Possessive and atomic (Python 3.11): a row of tokens is read one way only, so that a long
# run of digits or words cannot make the match backtrack exponentially.
_SEPARATORS = r"[\s|:·/,>›»<\-•*+=()\[\]]*+"
_SENTENCE_END = re.compile(r"(?:[.?!]|[다요]\.?)[\"'”’)\]]*$")
_FULL_STOP = re.compile(r"[.?!][\"'”’)\]]*$")
_EMAIL_ANYWHERE = re.compile(_EMAIL)
# URIs are never prose: a saved page's image placeholders ("data:image/gif;base64,…",
# also as markdown "![](…)") and bare links.
_DATA_URI = re.compile(r"!?\[[^\]]*\]\(\s*data:[^)]*\)|data:[\w.+-]+/[\w.+-]+[;,]\S*", re.I)
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_HEADLINE_MIN = 8  # characters: shorter lines are site names, section labels and buttons
VOCABULARY = "chrome.yaml"


def _words(items: list[str]) -> str:
    """An alternation of the entries, longest first, any spacing where an entry has a space."""
    ordered = sorted({str(item) for item in items}, key=len, reverse=True)
    return "|".join(r"\s*".join(re.escape(part) for part in item.split()) for item in ordered)


@dataclass(frozen=True)
class Chrome:
    """The compiled vocabulary of ``chrome.yaml``."""

    reporter_footer: re.Pattern[str]
    byline_prefix: re.Pattern[str]
    caption_cue: re.Pattern[str]
    widget_line: re.Pattern[str]
    navigation_line: re.Pattern[str]
    navigation_word: re.Pattern[str]
    widget_phrase: re.Pattern[str]
    widget_sentence: re.Pattern[str]
    related_header: re.Pattern[str]
    copyright: re.Pattern[str]
    credit_tail: re.Pattern[str]
    marked_credit: re.Pattern[str]
    credit_line: re.Pattern[str]
    updated_label: re.Pattern[str]
    date_rest: re.Pattern[str]
    caption_classes: tuple[str, ...]


def _compile(data: dict[str, Any]) -> Chrome:
    widgets, navigation = _words(data["widgets"]), _words(data["navigation"])
    titles = _words(data["reporter_titles"])
    reporter = rf"[가-힣]{{2,4}}\s*(?:{titles})"  # '홍길동 기자'
    token = rf"(?>{widgets}|{navigation}|{reporter}|{_EMAIL}|{_COUNT})"
    credit_words = _words(data["photo_credit_words"])
    suffixes = _words(data["photo_credit_suffixes"])
    published = _words(data["date_labels"]["published"])
    updated = _words(data["date_labels"]["updated"])
    marked = (
        rf"\[\s*(?:{credit_words})\s*=[^\]]*\]"  # [사진=KT 제공]
        rf"|\(\s*(?:{credit_words})\s*=[^)]*\)"  # (사진=KT 제공)
        rf"|/\s*(?:{credit_words})\s*=.*"  # /사진제공=KT, / 사진=KT
        rf"|(?<![\w=])(?:{credit_words})\s*=\s*[^\s=]{{1,20}}(?:\s+(?:{suffixes}))?"  # 사진=한경DB
        rf"|©\s*[^\s©]{{1,20}}?\s*(?:{suffixes})"  # ⓒ연합뉴스DB, ⓒ News1 DB
    )
    credit_tail = rf"{marked}|©\s*[^\s©]{{1,20}}"  # a bare 'ⓒ연합뉴스' ending a caption
    return Chrome(
        # '/홍길동 기자 ZDNet Korea'
        reporter_footer=re.compile(rf"/?\s*{reporter}(?:\s+[^=\s][^=]{{0,30}})?"),
        # '(서울=연합뉴스) 홍길동 기자 = ', '[머니투데이 정하람 기자] '
        byline_prefix=re.compile(
            rf"^(?:[\[(][^\])]{{1,30}}=[^\])]{{0,30}}[\])]|\[[^\]]{{1,20}}\s*(?:{titles})\])\s*"
            rf"(?:{reporter}\s*=?\s*)?"
        ),
        caption_cue=re.compile(rf"\((?:{_words(data['caption_cues'])})[^)]{{0,8}}\)"),
        widget_line=re.compile(rf"{_SEPARATORS}(?:{token}{_SEPARATORS})++", re.I),
        navigation_line=re.compile(rf"{_SEPARATORS}(?:(?>{navigation}){_SEPARATORS})++", re.I),
        navigation_word=re.compile(rf"(?:{navigation})", re.I),
        widget_phrase=re.compile(_words(data["widget_phrases"]), re.I),
        widget_sentence=re.compile(_words(data["widget_sentences"]), re.I),
        related_header=re.compile(
            rf"[\[【<(]?\s*(?:{_words(data['related_headers'])})\s*[\]】>)]?\s*:?", re.I
        ),
        copyright=re.compile(_words(data["copyright"]), re.I),
        credit_tail=re.compile(rf"\s*(?:{credit_tail})\s*$", re.I),
        marked_credit=re.compile(rf"\s*(?:{marked})\s*$", re.I),
        credit_line=re.compile(rf"\s*(?:{credit_tail})\s*", re.I),
        updated_label=re.compile(rf"(?:{updated})\s*:?\s*$", re.I),
        date_rest=re.compile(
            rf"(?:{published}|{updated}|KST|GMT|UTC|{reporter}|{_EMAIL}"
            r"|\([가-힣]{1,6}\s*=\s*[^)]{1,20}\)|[|:·/,\-\s•])",
            re.I,
        ),
        caption_classes=tuple(str(c).lower() for c in data["caption_classes"]),
    )


_LISTS = (
    "widgets", "navigation", "widget_phrases", "widget_sentences", "related_headers",
    "copyright", "photo_credit_words", "photo_credit_suffixes", "caption_classes",
    "caption_cues", "reporter_titles",
)  # fmt: skip


@cache
def chrome() -> Chrome:
    """The vocabulary, read, checked and compiled on first use."""
    text = resources.files(__package__).joinpath(VOCABULARY).read_text(encoding="utf-8")
    return _compile(_checked(yaml.safe_load(text)))


def _checked(data: Any) -> dict[str, Any]:
    """Every list present and made of words; the date labels a mapping of two lists."""
    if not isinstance(data, dict):
        raise ValueError(f"{VOCABULARY}: must be a mapping of lists of words")
    labels = data.get("date_labels")
    lists = {key: data.get(key) for key in _LISTS}
    if isinstance(labels, dict):
        lists |= {f"date_labels.{key}": labels.get(key) for key in ("published", "updated")}
    else:
        lists["date_labels"] = None
    for key, words in lists.items():
        if not isinstance(words, list) or not words:
            raise ValueError(f"{VOCABULARY}: {key} must be a non-empty list of words")
        if not all(isinstance(w, str | int | float) and str(w).strip() for w in words):
            raise ValueError(f"{VOCABULARY}: {key} has an empty or non-text entry")
    return data


# --- what a line is ------------------------------------------------------------------------


def strip_uris(line: str) -> str:
    """The line without data URIs (image placeholders); a line that is one bare link is ''."""
    line = _DATA_URI.sub(" ", line).strip()
    return "" if _BARE_URL.fullmatch(line) else line


def is_chrome(line: str) -> bool:
    """A menu, widget, button row, reporter card or comment-box line."""
    vocab = chrome()
    if vocab.widget_line.fullmatch(line) or vocab.widget_sentence.search(line):
        return True
    short = not _SENTENCE_END.search(line)
    if short and len(line) <= 40 and vocab.widget_phrase.search(line):
        return True
    if len(line) <= 45 and vocab.reporter_footer.fullmatch(line):
        return True  # '/홍길동 기자 ZDNet Korea'
    if short and len(line) <= 60 and _EMAIL_ANYWHERE.search(line):
        return True  # a footer with the reporter's address
    if line.startswith("•") and len(line) <= 20:
        return True
    return is_navigation(line) or not any(ch.isalnum() for ch in line)


def is_navigation(line: str) -> bool:
    """The site's menu or a breadcrumb: every word a navigation word, or most of 3+ short
    words ('지디넷코리아 뉴스 비즈 AI 로그인')."""
    vocab = chrome()
    if vocab.navigation_line.fullmatch(line):
        return True
    words = line.split()
    if len(words) < 3 or any(len(w) > 8 for w in words) or _SENTENCE_END.search(line):
        return False
    return 2 * sum(1 for w in words if vocab.navigation_word.fullmatch(w)) >= len(words)


def is_related_header(line: str) -> bool:
    return chrome().related_header.fullmatch(line) is not None


def is_photo_credit(line: str) -> bool:
    """A line that is only a credit: 'ⓒ연합뉴스DB', '[사진=KT 제공]', '(사진=뉴스1)'."""
    return chrome().credit_line.fullmatch(line) is not None


def is_dated_credit(line: str) -> bool:
    """A '©' credit with its archive or source mark: 'ⓒ연합뉴스DB', 'ⓒ News1 DB'."""
    return line.startswith("©") and chrome().marked_credit.fullmatch(line) is not None


def is_copyright_footer(line: str) -> bool:
    """A copyright line ('ⓒ 아주경제 무단전재 및 재배포 금지', 'Copyright ⓒ … All rights
    reserved', '<저작권자 ©뉴스1, 무단전재 및 재배포 금지>'); a photo credit never is."""
    return (
        len(line) < 160
        and chrome().copyright.search(line) is not None
        and chrome().marked_credit.search(line) is None
    )


def is_headline(line: str) -> bool:
    """Could be a title: long enough, no sentence end, no chrome."""
    return len(line) >= _HEADLINE_MIN and not _FULL_STOP.search(line) and not is_chrome(line)


def is_prose(line: str) -> bool:
    """A body paragraph: ends with a full stop (a headline may end in '다' but not in '다.')
    and is longer than a button or a credit."""
    return len(line) >= 20 and _FULL_STOP.search(line) is not None and not is_chrome(line)


def ends_sentence(line: str) -> bool:
    return _SENTENCE_END.search(line) is not None


def has_full_stop(line: str) -> bool:
    return _FULL_STOP.search(line) is not None


def strip_byline(line: str) -> str:
    """'(서울=연합뉴스) 홍길동 기자 = KT가…' -> 'KT가…'; '[머니투데이 정하람 기자] …' too."""
    return chrome().byline_prefix.sub("", line).strip()


def caption_text(line: str) -> str | None:
    """The caption without its photo credit ('' for a credit alone), or None for no caption."""
    credit = chrome().credit_tail.search(line)
    if credit:
        return line[: credit.start()].strip().lstrip("▲△ ").strip()
    if line.startswith("▲"):
        return line.lstrip("▲ ").strip()
    if chrome().caption_cue.search(line) and len(line) <= 200 and not line.endswith("다."):
        return line
    return None


def publisher_from_copyright(line: str) -> str | None:
    """'©'5개국어 글로벌 경제신문' 아주경제. 무단전재·재배포 금지' -> '아주경제'.

    The name is the first piece between the copyright cues, without quoted slogans, the
    copyright sign, a year or a web address.
    """
    text = re.sub(r"['\"‘’“”][^'\"‘’“”]*['\"‘’“”]", " ", line)
    text = re.sub(r"(?i)©|\(c\)|[<>\[\]()]|\b(?:19|20)\d{2}\b", " ", text)
    for piece in chrome().copyright.split(text):
        name = re.split(r"\s*[,&]\s*|\.\s|\.$", piece.strip())[0].strip(" .:-·")
        if name and not re.fullmatch(r"[\w.-]+\.(?:com|co\.kr|kr|net)", name):
            return name
    return None
