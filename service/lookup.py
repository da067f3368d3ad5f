"""Finding entities by what people type, and "unknown id" errors that suggest the right one.

Search runs ``cypher/search.cypher`` with two forms of the user's text, both made here and
passed as parameters (never pasted into Cypher): the normalised spelling for an exact match
on ``name_keys``, and a Lucene query with every special character escaped for the full-text
index. When no spelling matches exactly, a trailing Korean particle (은/는/이/가/...) is
dropped and the search runs once more, so "카카오와" finds 카카오 as an exact match.
"""

from __future__ import annotations

import re
from typing import Any

from neo4j import AsyncDriver

from allygraph.errors import NotFoundError
from allygraph.loaders.writer import name_key
from allygraph.service.deps import read
from allygraph.settings import Settings

# Longest first, so "에서" is tried before "에" and "으로" before "로".
PARTICLES: tuple[str, ...] = tuple(
    sorted(
        ("은", "는", "이", "가", "을", "를", "와", "과", "의", "에", "에서", "도", "로", "으로"),
        key=len,
        reverse=True,
    )
)
# Lucene's query syntax: these characters (and && and ||) must be escaped to mean themselves.
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def lucene_query(text: str) -> str | None:
    """The user's text as a Lucene query that matches it literally (terms OR-ed), or None
    when nothing searchable is left. Lower-casing removes the AND/OR/NOT operators; the
    cjk analyzer lower-cases the index anyway."""
    terms = [_LUCENE_SPECIAL.sub(r"\\\1", t) for t in text.lower().split()]
    terms = [t for t in terms if any(c.isalnum() for c in t)]
    return " ".join(terms) or None


def without_particle(text: str) -> str | None:
    """The text without one trailing Korean particle, if it ends with one after a Hangul
    syllable (so "KT의" -> "KT" and "카카오와" -> "카카오", but "가" alone stays)."""
    stripped = text.rstrip()
    for particle in PARTICLES:
        if stripped.endswith(particle) and len(stripped) > len(particle):
            rest = stripped[: -len(particle)].rstrip()
            if rest:
                return rest
    return None


def search_params(text: str, limit: int) -> dict[str, Any]:
    """The parameters of ``search.cypher`` for one text."""
    key = name_key(text)
    key_term = _LUCENE_SPECIAL.sub(r"\\\1", key) if key else None
    return {"key": key, "key_term": key_term, "lucene": lucene_query(text), "limit": limit}


async def search(
    driver: AsyncDriver, settings: Settings, q: str, limit: int = 10
) -> tuple[str, list[dict[str, Any]]]:
    """Ranked entities for ``q``, and the text that matched (``q`` or ``q`` minus a particle)."""
    rows = await read(driver, settings, "search", **search_params(q, limit))
    if rows and rows[0]["exact"]:
        return q, rows
    shorter = without_particle(q)
    if shorter is None:
        return q, rows
    # Bigram full-text hits for "카카오와" are weaker evidence than an exact "카카오".
    fewer = await read(driver, settings, "search", **search_params(shorter, limit))
    if fewer and (fewer[0]["exact"] or not rows):
        return shorter, fewer
    return q, rows


async def not_found(driver: AsyncDriver, settings: Settings, what: str, id_: str) -> NotFoundError:
    """A 404 for an unknown id, suggesting the entities whose names are closest to it.

    Ids are slugs ("lg-uplus"), so the search also tries the id with hyphens as spaces.
    """
    seen: dict[str, dict[str, Any]] = {}
    for text in dict.fromkeys([id_, id_.replace("-", " ")]):
        if not text.strip():
            continue
        _, rows = await search(driver, settings, text[:200], limit=5)
        for row in rows:
            seen.setdefault(row["entity"]["id"], row["entity"])
    suggestions = list(seen.values())[:5]
    hint = f"; did you mean {', '.join(s['id'] for s in suggestions)}?" if suggestions else ""
    return NotFoundError(f"no {what} with id {id_!r}{hint}", suggestions=suggestions)


async def read_one(
    driver: AsyncDriver, settings: Settings, query: str, what: str, id_: str
) -> dict[str, Any]:
    """The one row ``cypher/<query>.cypher`` returns for ``id_``, or a 404 naming ``what``
    with the entities closest to the id."""
    rows = await read(driver, settings, query, id=id_)
    if not rows:
        raise await not_found(driver, settings, what, id_)
    return rows[0]
