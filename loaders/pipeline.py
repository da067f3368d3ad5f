"""Article in, extraction out: intake -> rule extractor -> curated overrides.

The extractor is built once per process (Kiwi and the registry's gazetteer take a second
or two to build; an article then takes milliseconds).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from allygraph.errors import IntakeError
from allygraph.loaders.extract import Extractor, RuleExtractor
from allygraph.loaders.intake import ArticleMeta, parse_article, read_article
from allygraph.loaders.overrides import apply_override, find_override, load_override
from allygraph.models import Article, Extraction


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return RuleExtractor()


def extract_path(path: Path, *, extractor: Extractor | None = None) -> Extraction:
    """Extract one article file (its sidecar and override are used when present)."""
    path = Path(path)
    article = read_article(path)
    return _with_override(run_extractor(article, extractor), path.stem)


def extract_text(
    raw: str | bytes,
    meta: dict[str, Any] | ArticleMeta | None = None,
    *,
    source_path: str | None = None,
    extractor: Extractor | None = None,
) -> Extraction:
    """Extract posted text (the API's entry point); ``meta`` as a sidecar would give it."""
    article = parse_article(raw, source_path=source_path, meta=meta)
    stem = Path(source_path).stem if source_path else None
    return _with_override(run_extractor(article, extractor), stem)


def extract_url(url: str, *, extractor: Extractor | None = None) -> Extraction:
    """Fetch a web page (``loaders/fetch.py``) and extract it as posted HTML; the address
    it was found at is its URL, the article's identity."""
    from allygraph.loaders.fetch import fetch

    page = fetch(url)
    try:
        return extract_text(page.body, {"url": page.url}, extractor=extractor)
    except IntakeError as exc:
        raise IntakeError(f"{url}: {exc.message.removeprefix('article: ')}") from None


def extract_source(source: str | Path, *, extractor: Extractor | None = None) -> Extraction:
    """A file or a web address (``allygraph load`` takes both)."""
    from allygraph.loaders.fetch import is_url

    if isinstance(source, str) and is_url(source):
        return extract_url(source, extractor=extractor)
    return extract_path(Path(source), extractor=extractor)


def extract_article(article: Article, *, extractor: Extractor | None = None) -> Extraction:
    """Extract an article already read (one stored in the graph: ``allygraph reextract``),
    with the override of its file name or id as a load applies it."""
    stem = Path(article.source_path).stem if article.source_path else None
    return _with_override(run_extractor(article, extractor), stem)


def run_extractor(article: Article, extractor: Extractor | None = None) -> Extraction:
    """The one place an article meets the extractor (files, posted text, gold scoring all
    come through here), so a limit on it, such as a time budget, wraps this call only."""
    return (extractor or default_extractor()).extract(article)


def _with_override(extraction: Extraction, stem: str | None) -> Extraction:
    override = find_override(stem, extraction.article.id)
    return apply_override(extraction, load_override(override)) if override else extraction
