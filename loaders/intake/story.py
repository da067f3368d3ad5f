"""The story in the lines of a saved page: title, subtitles, captions and body, in reading
order, joined into the normalised ``Article.text`` that every evidence offset points into.

A browser's copy of a news page has the site around the story: the menu and a ticker
before the headline, buttons and a reporter card after it, photo credits, boxes of linked
headlines, the copyright footer and the comment widget after the body. Lines are first
told apart (``chrome.py``), then the headline is chosen among what is left before the body,
and only what follows it is the story.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError

from allygraph.errors import IntakeError
from allygraph.loaders.intake import chrome as ch
from allygraph.loaders.intake.dates import is_dateline, take_published
from allygraph.loaders.intake.meta import ArticleMeta, error_message
from allygraph.loaders.intake.sentences import BlockKind, sentences_of
from allygraph.loaders.text import normalise
from allygraph.models import Article

Kind = Literal["text", "nav", "caption", "date"]
_RELATED_LINE_MAX = 80  # characters: a linked headline is shorter
_SUBTITLE_MAX = 100
_CAPTION_MAX = 200


@dataclass
class Line:
    text: str
    kind: Kind = "text"


def build_article(
    raw_lines: Iterable[str],
    stated: ArticleMeta | None,
    source_path: str | None,
    label: str,
    captions: frozenset[str] = frozenset(),
) -> Article:
    """The article in ``raw_lines``; ``captions`` are lines a page marked as photo captions."""
    lines, publisher = story_lines(raw_lines, captions)
    published, _ = take_published([line.text for line in lines if line.kind == "date"])
    if stated is not None and stated.published is not None:
        published = stated.published
    if published is None:
        raise IntakeError(f"{label}: no recognisable publication date")
    at = title_index(lines, stated.title if stated else None)
    if at is None:
        raise IntakeError(f"{label}: no title or body text")
    parts: list[tuple[BlockKind, str]] = [("title", lines[at].text), *_blocks(lines[at + 1 :])]
    paragraphs = [text for kind, text in parts if kind == "body"]
    if not paragraphs:
        raise IntakeError(f"{label}: no body text")
    text = "\n".join(part for _, part in parts)
    try:
        return Article(
            id=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
            title=(stated.title if stated and stated.title else lines[at].text),
            subtitle="\n".join(t for kind, t in parts if kind == "subtitle") or None,
            published=published,
            publisher=(stated.publisher if stated and stated.publisher else publisher),
            url=stated.url if stated else None,
            source_path=source_path,
            paragraphs=paragraphs,
            captions=[t for kind, t in parts if kind == "caption"],
            text=text,
            sentences=sentences_of(parts),
        )
    except ValidationError as exc:
        # A date read from the text (a dateline of 2099) meets the same range check as a
        # stated one; a refusal of the model is the article's fault, said in one line.
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise IntakeError(f"{label}: bad {where}: {error_message(error)}") from None


# --- telling lines apart -------------------------------------------------------------------


def story_lines(
    raw_lines: Iterable[str], captions: frozenset[str] = frozenset()
) -> tuple[list[Line], str | None]:
    """The lines that may be story, and the publisher a copyright footer names.

    Widgets and credits go; navigation stays as a marker for choosing the headline; the
    lines of a related-headlines box go; the copyright footer ends the story once a body
    paragraph has been read (a footer-like line before that is left out, never an end).
    """
    texts = [ch.strip_uris(normalise(line)) for line in raw_lines]
    texts = [t for t in texts if t]
    marked = {normalise(c) for c in captions}
    kept: list[Line] = []
    publisher: str | None = None
    related = False
    for i, line in enumerate(texts):
        if ch.is_copyright_footer(line):
            publisher = publisher or ch.publisher_from_copyright(line)
            if any(k.kind == "text" and ch.is_prose(k.text) for k in kept):
                break
            continue
        if ch.is_related_header(line):
            related = True
            continue
        if related and _linked_headline(line, texts[i + 1 : i + 2]):
            continue
        related = False
        entry = _classify(line, line in marked)
        if entry is None:
            if ch.is_dated_credit(line):
                _mark_caption(kept)
            continue
        kept.append(entry)
    return kept, publisher


def _linked_headline(line: str, following: list[str]) -> bool:
    """In a related box: short, no full stop, and not the headline above a dateline."""
    if len(line) > _RELATED_LINE_MAX or ch.has_full_stop(line) or is_dateline(line):
        return False
    return not (following and is_dateline(following[0]))


def _classify(line: str, is_caption: bool) -> Line | None:
    if is_caption:
        caption = ch.caption_text(line)
        return Line(line if caption is None else caption, "caption") if caption != "" else None
    if is_dateline(line):
        return Line(line, "date")
    if ch.is_navigation(line):
        return Line(line, "nav")
    if ch.is_chrome(line) or ch.is_photo_credit(line):
        return None
    return Line(line)


def _mark_caption(kept: list[Line]) -> None:
    """A '©…DB' credit alone on its line ('ⓒ연합뉴스DB') follows the caption it belongs to.

    Other credits are left alone: outlets put '[사진=삼성전자]' above a caption as often as
    below it, and under a photo that has none; a bare 'ⓒ 뉴시스' may end the story.
    """
    last = kept[-1] if kept else None
    if (
        last
        and last.kind == "text"
        and len(last.text) <= _CAPTION_MAX
        and not ch.is_headline(last.text)
    ):
        kept[-1].kind = "caption"


# --- the headline ----------------------------------------------------------------------------


def title_index(lines: list[Line], stated_title: str | None = None) -> int | None:
    """Where the headline is among the lines before the body.

    A stated title (sidecar, meta tags) is looked up first. Otherwise the candidates are
    headline-like lines (long enough, no full stop, no chrome) before the first body
    paragraph, and before the dateline when one follows a candidate; the first candidate
    after the site's last navigation line wins (a ticker or the site's name comes before
    the menu ends), else the first candidate; a page with none has its first plain line
    as title ('옛 기사').
    """
    texts = [line.kind == "text" for line in lines]
    if stated_title:
        wanted = normalise(stated_title)
        for i, line in enumerate(lines):
            if texts[i] and line.text == wanted:
                return i
    body = next((i for i, line in enumerate(lines) if texts[i] and ch.is_prose(line.text)), None)
    end = len(lines) if body is None else body
    candidates = [i for i in range(end) if texts[i] and ch.is_headline(lines[i].text)]
    first = candidates[0] if candidates else -1
    dateline = next((i for i in range(first + 1, end) if lines[i].kind == "date"), end)
    candidates = [i for i in candidates if i < dateline]
    navigation = [i for i in range(dateline) if lines[i].kind == "nav"]
    after = [i for i in candidates if not navigation or i > navigation[-1]]
    if after or candidates:
        return (after or candidates)[0]
    return next((i for i, is_text in enumerate(texts) if is_text), None)


# --- subtitles, captions, body ---------------------------------------------------------------


def _blocks(lines: list[Line]) -> list[tuple[BlockKind, str]]:
    """(kind, text) after the headline: subtitles until the first body paragraph, then
    captions and body paragraphs in reading order."""
    subtitles: list[str] = []
    blocks: list[tuple[BlockKind, str]] = []
    for line in lines:
        if line.kind in ("nav", "date"):
            continue
        if line.kind == "caption":
            blocks.append(("caption", line.text))
            continue
        caption = ch.caption_text(line.text)
        if caption is not None:
            if caption:
                blocks.append(("caption", caption))
            continue
        text = ch.strip_byline(line.text)
        if not text:
            continue
        in_header = not any(kind == "body" for kind, _ in blocks)
        if in_header and len(text) <= _SUBTITLE_MAX and not ch.ends_sentence(text):
            subtitles.append(text)
        else:
            blocks.append(("body", text))
    if not any(kind == "body" for kind, _ in blocks) and subtitles:
        # A flash ('[속보]') whose only body is one headline-like line: that line is the body.
        blocks.append(("body", subtitles.pop()))
    heads: list[tuple[BlockKind, str]] = [("subtitle", s) for s in subtitles]
    return heads + blocks
