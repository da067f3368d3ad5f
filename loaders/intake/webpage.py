"""Saved web pages: the story of an HTML page, found by libraries made for it.

``trafilatura`` finds the body among the page's boxes (it scores text density and link
density, and knows the markup of comment sections, ads and share bars), and reads the title
and the site's name from the meta tags. ``htmldate`` reads the publication date from the
markup (meta tags, JSON-LD, ``<time>``, the address).

Where they do worse on saved Korean news pages, the hand-written path stays:

- trafilatura leaves out photo captions (``<figure>``, caption paragraphs), the subtitles
  and the dateline at the head of the story, though captions and subtitles carry facts.
  So its body is located among the page's visible lines (``pagetext.py``, one line
  per block), and the lines between the headline and the body, the captions and any prose
  line inside the body's span that it dropped are taken from there. The plain-text chrome
  rules (``chrome.py``) then judge those lines as they judge a text save.
- trafilatura loses text that follows an element it removes (lxml's ``tail``): the first
  paragraph after a photo box on pages whose body is bare text and ``<br>`` (아주경제,
  뉴스1, 머니투데이). Such text is made into ``<p>`` paragraphs before it reads the page.
- htmldate's search of the visible text (``extensive_search``) takes the oldest date on
  the page when asked for the original date: a linked older story or a copyright year.
  It runs on the markup only; a dateline of the page ('입력2022.03.15 09:12') gives the
  time when htmldate knows only the day, and the date when htmldate finds none.
- A page where trafilatura finds no body (a fragment of a few lines) is read by the
  hand-written parser alone: the story inside ``<article>``, else the whole page. A page
  whose visible lines do not show trafilatura's body is read from trafilatura's alone.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from allygraph.loaders.intake import chrome as ch
from allygraph.loaders.intake.dates import SEOUL, take_published
from allygraph.loaders.intake.meta import ArticleMeta
from allygraph.loaders.intake.pagetext import PageText
from allygraph.loaders.text import normalise

_LOG = logging.getLogger(__name__)
_HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_TRAILING_LOOKAHEAD = 8  # lines after the body searched for its last photo's caption
# Inline elements stay inside the paragraph that is made around them.
_INLINE = frozenset(
    {"a", "span", "strong", "b", "em", "i", "u", "font", "mark", "small", "sub", "sup",
     "abbr", "cite", "code", "q", "s", "time", "label", "img"}
)  # fmt: skip


@dataclass(frozen=True)
class Page:
    """What intake reads of an HTML page: its story lines, which of them are captions,
    and what the page states about itself."""

    lines: list[str]
    captions: frozenset[str]
    meta: ArticleMeta


def read_page(markup: str) -> Page:
    """The story lines of a saved HTML page, and its title, site, address and date."""
    text = PageText.of(markup)
    found = _extract(markup)
    story = _assemble(text, found) if found is not None else None
    if story is None:
        lines, head, title = text.story(), _head(text.lines), None
    else:
        lines, head, title = story.lines, story.head, story.title
    meta = ArticleMeta.model_construct(
        url=text.meta.get("og:url") or (found.url if found else None),
        publisher=(found.sitename if found else None) or text.meta.get("og:site_name"),
        published=_published(markup, head, text.lines),
        title=title or text.meta.get("og:title"),
    )
    return Page(lines=lines, captions=frozenset(text.captions), meta=meta)


# --- trafilatura ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    title: str | None
    sitename: str | None
    url: str | None
    body: list[str]


def _extract(markup: str) -> _Found | None:
    """trafilatura's body (one line per paragraph), title, site name and address."""
    _quiet()
    import trafilatura

    try:
        tree = trafilatura.load_html(markup)
        if tree is None:
            return None
        document = trafilatura.bare_extraction(
            paragraphise(tree),
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            include_images=False,
        )
    except Exception as exc:  # a library failure on a broken page: the hand-written path reads it
        _LOG.debug("trafilatura failed: %s", exc)
        return None
    if document is None or isinstance(document, dict) or not document.text:
        return None
    body = [normalise(line.removeprefix("- ")) for line in document.text.splitlines()]
    title = normalise(document.title or "")
    return _Found(
        title=title
        if title and ch.strip_uris(title) == title and not ch.is_chrome(title)
        else None,
        sitename=normalise(document.sitename or "") or None,
        url=document.url,
        body=[line for line in body if line],
    )


def paragraphise(tree: Any) -> Any:
    """Bare text and inline elements separated by ``<br>`` become ``<p>`` paragraphs."""
    for parent in list(tree.iter()):
        if not isinstance(parent.tag, str) or parent.tag == "p":
            continue
        children = list(parent)
        if not any(child.tag == "br" for child in children):
            continue
        rebuilt = _Paragraphs(parent)
        rebuilt.add_text(parent.text)
        parent.text = None
        for child in children:
            tail, child.tail = child.tail, None
            parent.remove(child)
            rebuilt.add_child(child)
            rebuilt.add_text(tail)
        parent.extend(rebuilt.children)
    return tree


class _Paragraphs:
    """The new children of one element: paragraphs of inline content, block elements."""

    def __init__(self, parent: Any) -> None:
        self.parent = parent
        self.children: list[Any] = []
        self.current: Any = None

    def _paragraph(self) -> Any:
        if self.current is None:
            self.current = self.parent.makeelement("p", {})
            self.children.append(self.current)
        return self.current

    def add_text(self, text: str | None) -> None:
        if not text or not text.strip():
            return
        paragraph = self._paragraph()
        if len(paragraph):
            paragraph[-1].tail = (paragraph[-1].tail or "") + text
        else:
            paragraph.text = (paragraph.text or "") + text

    def add_child(self, child: Any) -> None:
        if child.tag == "br":
            self.current = None
        elif isinstance(child.tag, str) and child.tag in _INLINE:
            self._paragraph().append(child)
        else:
            self.current = None
            self.children.append(child)


def _quiet() -> None:
    """trafilatura and htmldate log a warning for every page they find nothing in."""
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.ERROR)


# --- putting the story together --------------------------------------------------------------


@dataclass(frozen=True)
class _Story:
    lines: list[str]  # headline first
    head: list[str]  # the page lines between the headline and the body
    title: str | None


def _assemble(text: PageText, found: _Found) -> _Story:
    """Headline, the lines between it and the body, the body's span, trailing captions;
    trafilatura's lines alone where they cannot be found among the page's."""
    lines = text.lines
    positions = _align(lines, found.body)
    if not positions:  # the page's lines do not show trafilatura's body: take it as it is
        story = [line for line in found.body if line != found.title]
        head = _head(lines)
        return _Story([found.title, *story] if found.title else story, head, found.title)
    first, last = positions[0], positions[-1]
    matched = set(positions)
    captions = set(text.captions)
    anchor = _title_line(text, found.title, first)
    head = lines[anchor + 1 : first] if anchor is not None else []
    span = [
        line
        for k, line in enumerate(lines[first : last + 1], first)
        if k in matched or line in captions or ch.is_prose(line)
    ]
    title = found.title or (lines[anchor] if anchor is not None else None)
    story = [
        line for line in [*head, *span, *_trailing(lines[last + 1 :], captions)] if line != title
    ]
    return _Story(lines=[title, *story] if title else story, head=head, title=title)


def _align(lines: list[str], body: list[str]) -> list[int]:
    """Where each body line is among the page's lines, in order (unmatched ones skipped)."""
    where: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        where.setdefault(line, []).append(k)
    positions: list[int] = []
    for line in body:
        after = positions[-1] if positions else -1
        found = next((k for k in where.get(line, ()) if k > after), None)
        if found is not None:
            positions.append(found)
    return positions


def _title_line(text: PageText, title: str | None, before: int) -> int | None:
    """The page line of the headline: the title's text, else the ``<h1>``, before ``before``."""
    for wanted in (title, *text.headings):
        hits = [k for k, line in enumerate(text.lines[: before + 1]) if line == wanted]
        if hits:
            return hits[-1]
    return None


def _trailing(lines: list[str], captions: set[str]) -> list[str]:
    """The caption of a photo after the body's last paragraph, up to the next text."""
    taken: list[str] = []
    for line in lines[:_TRAILING_LOOKAHEAD]:
        if line in captions or ch.is_photo_credit(line):
            taken.append(line)
        elif not (ch.is_chrome(line) or ch.is_navigation(line)):
            break
    return taken


def _head(lines: list[str]) -> list[str]:
    """The page's lines up to its first prose: where a dateline is."""
    end = next((k for k, line in enumerate(lines) if ch.is_prose(line)), len(lines))
    return lines[:end]


# --- the date --------------------------------------------------------------------------------


def _published(markup: str, header: list[str], everything: list[str]) -> datetime | None:
    """htmldate's date of the markup, with the time of the page's dateline on that day."""
    stated = _htmldate(markup)
    printed = take_published(header)[0] or take_published(everything)[0]
    if stated is None:
        return printed
    if stated.tzinfo is not None:
        return stated
    if printed is not None and printed.date() == stated.date():
        return printed
    return stated.replace(tzinfo=SEOUL)


def _htmldate(markup: str) -> datetime | None:
    _quiet()
    import htmldate

    try:
        found = htmldate.find_date(
            markup, original_date=True, extensive_search=False, outputformat=_HTMLDATE_FORMAT
        )
    except Exception as exc:  # a library failure on a broken page: the dateline decides
        _LOG.debug("htmldate failed: %s", exc)
        return None
    if not found:
        return None
    for layout in (_HTMLDATE_FORMAT, "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(found, layout)
        except ValueError:
            continue
    return None
