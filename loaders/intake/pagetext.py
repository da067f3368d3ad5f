"""The hand-written reading of an HTML page: its visible text, one line per block element,
its meta tags, and which lines are photo captions and the ``<h1>`` headline.

``webpage.py`` locates trafilatura's body among these lines to bring back what the library
leaves out (captions, subtitles, the dateline), and reads a page with these lines alone
when the library finds no body in it.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from allygraph.loaders.intake import chrome as ch
from allygraph.loaders.text import normalise


class PageText(HTMLParser):
    """Visible text, one line per block element, the page's meta tags, and which lines are
    photo captions and headings.

    Navigation, menus, buttons and side bars are page chrome and never read; a ``<form>``
    is read, since some sites wrap the whole page in one. When the page marks its story
    with ``<article>``, ``story()`` is the text inside it, so that the site's logo and
    menus cannot become the title.
    """

    _SKIP = frozenset(
        {"script", "style", "noscript", "svg", "iframe", "template", "head", "nav", "aside",
         "button", "select", "option", "menu", "dialog", "textarea"}
    )  # fmt: skip
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
         "article", "header", "footer", "figcaption", "figure", "blockquote", "dd", "dt",
         "ul", "ol", "table", "main", "td"}
    )  # fmt: skip
    _VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._chunks: list[str] = []
        self._story: list[str] = []
        self._skipping = 0
        self._in_article = 0
        self._marks: list[tuple[str, str, int]] = []  # (tag, role, first chunk) still open
        self._spans: list[tuple[str, int, int]] = []  # (role, first chunk, end chunk)
        self.meta: dict[str, str] = {}
        self.lines: list[str] = []
        self.captions: list[str] = []
        self.headings: list[str] = []

    @classmethod
    def of(cls, markup: str) -> PageText:
        parser = cls()
        parser.feed(markup)
        parser.close()
        parser.lines = _lines("".join(parser._chunks))
        for role, start, end in parser._spans:
            found = _lines("".join(parser._chunks[start:end]))
            (parser.captions if role == "caption" else parser.headings).extend(found)
        return parser

    def story(self) -> list[str]:
        story = "".join(self._story)
        return _lines(story) if len(story.strip()) >= 200 else self.lines

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta":
            key = values.get("property") or values.get("name")
            if key and values.get("content"):
                self.meta.setdefault(key.lower(), html.unescape(values["content"] or ""))
        if tag in self._VOID and tag != "br":
            return
        if tag in self._SKIP:
            self._skipping += 1
            return
        role = _role(tag, values.get("class") or "")
        if role:
            self._marks.append((tag, role, len(self._chunks)))
        if tag == "article":
            self._in_article += 1
        if tag in self._BLOCK or tag == "article":
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
            return
        if tag in self._BLOCK or tag == "article":
            self._emit("\n")
        if tag == "article":
            self._in_article = max(0, self._in_article - 1)
        if self._marks and self._marks[-1][0] == tag:
            _, role, start = self._marks.pop()
            self._spans.append((role, start, len(self._chunks)))

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._emit(data)

    def _emit(self, text: str) -> None:
        self._chunks.append(text)
        if self._in_article:
            self._story.append(text)


def _role(tag: str, classes: str) -> str | None:
    if tag == "h1":
        return "heading"
    names = classes.lower().split()
    if tag == "figcaption" or any(c in name for c in ch.chrome().caption_classes for name in names):
        return "caption"
    return None


def _lines(text: str) -> list[str]:
    return [line for line in (normalise(raw) for raw in text.splitlines()) if line]
