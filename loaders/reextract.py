"""Re-derive loaded articles without a reset: ``allygraph reextract [--all | ID…]``.

Each Article node keeps the normalised text its evidence offsets point into and the
sentences the extractor read (``loaders/rows.py``). Re-extracting rebuilds the article from
them, runs the current registry, overrides and rules over it (``loaders/pipeline.py``), and
writes the result with the one-article writer: an article whose extraction did not change
is ``unchanged`` (nothing written), one whose extraction changed is ``replaced`` in one
transaction, which applies only the difference (facts added, retracted, updated; entities
no longer named deleted, new ones created), so a registry edit that makes two entities one
leaves one node with both nodes' facts and evidence: the graph a reset and reload gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from neo4j import Driver

from allygraph.db import read_query
from allygraph.errors import AllygraphError, NotFoundError
from allygraph.loaders.article_writer import WriteSummary, write_extraction
from allygraph.loaders.extract import Extractor
from allygraph.loaders.pipeline import extract_article
from allygraph.models import Article, Sentence


class NotReextractable(AllygraphError):
    status = 409
    title = "Cannot re-extract"


def article_ids(driver: Driver, database: str | None = None) -> list[str]:
    """Every loaded article's id, in id order."""
    return [r["id"] for r in read_query(driver, "article_ids", database=database)]


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) of every line of the text (blocks are joined by newlines)."""
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line), line
        start += len(line) + 1


def rebuild_article(node: dict[str, Any]) -> Article:
    """The article as intake made it, from what the writer stored: the text, and the
    sentences' offsets and kinds (title, subtitle, caption, body); each line of the text is
    one block, of the kind of the sentences in it."""
    text: str = node["text"]
    sentences = [
        Sentence(text=text[start:end], start=start, end=end, kind=kind)
        for start, end, kind in zip(
            node["sentence_starts"], node["sentence_ends"], node["sentence_kinds"], strict=True
        )
    ]
    blocks: dict[str, list[str]] = {"title": [], "subtitle": [], "caption": [], "body": []}
    for start, end, line in _lines(text):
        kind = next((s.kind for s in sentences if start <= s.start < end), "body")
        blocks[kind].append(line)
    return Article(
        id=node["id"],
        title=node["title"],
        subtitle="\n".join(blocks["subtitle"]) or None,
        published=node["published"].to_native(),
        publisher=node.get("publisher"),
        url=node.get("url"),
        source_path=node.get("source_path"),
        paragraphs=blocks["body"],
        captions=blocks["caption"],
        text=text,
        sentences=sentences,
    )


def stored_article(driver: Driver, article_id: str, database: str | None = None) -> Article:
    """A loaded article, rebuilt from its node; articles written before the node kept its
    sentences are read again from their file when it still holds the same text."""
    records = read_query(driver, "stored_article", {"id": article_id}, database)
    if not records:
        raise NotFoundError(f"article {article_id} is not loaded")
    node = records[0]["article"]
    if node.get("sentence_starts") is not None:
        return rebuild_article(node)
    path = node.get("source_path")
    if path and Path(path).is_file():
        from allygraph.loaders.intake import read_article

        article = read_article(Path(path))
        if article.id == article_id:
            return article
    raise NotReextractable(
        f"article {article_id} was loaded by an older release and its file "
        f"({path or 'none recorded'}) no longer holds its text: load it again"
    )


def reextract(
    driver: Driver,
    article_id: str,
    *,
    extractor: Extractor | None = None,
    database: str | None = None,
) -> WriteSummary:
    """Extract a loaded article again and write the difference (one transaction)."""
    article = stored_article(driver, article_id, database)
    return write_extraction(driver, extract_article(article, extractor=extractor), database)
