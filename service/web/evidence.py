"""A fact's evidence as a reader wants it: the sentence with the names in it marked, and
the article's title, publisher, date and link.

The API's evidence entries carry the article id, title and date; the publisher and the
link live on the article, so a page asks for them once for all the articles it cites
(``cypher/article_sources.cypher``) instead of once per fact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup, escape
from neo4j import AsyncDriver
from pydantic import BaseModel

from allygraph.service.deps import read
from allygraph.settings import Settings


class Source(BaseModel):
    """Where a sentence was read: enough to cite it and to open it."""

    id: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None


def article_ids(facts: Iterable[Any]) -> list[str]:
    """Every article id cited by the facts (anything with an ``evidence`` list), once."""
    seen: dict[str, None] = {}
    for fact in facts:
        for item in getattr(fact, "evidence", None) or []:
            seen.setdefault(item.article_id, None)
    return list(seen)


async def sources(driver: AsyncDriver, settings: Settings, ids: list[str]) -> dict[str, Source]:
    if not ids:
        return {}
    rows = await read(driver, settings, "article_sources", ids=ids)
    return {row["article"]["id"]: Source.model_validate(row["article"]) for row in rows}


def _name_pattern(name: str) -> str:
    """A name as it may be spaced in a sentence: 'AI 원팀' also matches 'AI원팀'."""
    letters = [re.escape(c) for c in name if not c.isspace()]
    return r"\s*".join(letters)


def highlight(sentence: str | None, names: Iterable[str | None]) -> Markup:
    """The sentence, escaped, with every occurrence of the names wrapped in ``<mark>``
    (case and spacing ignored; longer names first, so 'LG유플러스' wins over 'LG')."""
    text = sentence or ""
    wanted = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not wanted:
        return escape(text)
    pattern = re.compile("|".join(_name_pattern(n) for n in wanted), re.IGNORECASE)
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() == match.end():
            continue
        out.append(str(escape(text[last : match.start()])))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def chronological(items: Iterable[Any]) -> list[Any]:
    """Evidence oldest first: the report of the event itself before later recaps of it
    (the API lists evidence by article id)."""
    return sorted(items, key=lambda e: (e.published or "9999", e.article_id))


def day(value: str | None) -> str:
    """An ISO date-time as its day (YYYY-MM-DD), for display."""
    return (value or "")[:10]
