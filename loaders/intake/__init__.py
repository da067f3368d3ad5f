"""Intake: a saved article (text or HTML, a file or posted text) becomes a clean ``Article``.

Saved Korean news pages carry page chrome around the story (menus, font-size buttons, share
and language menus, reporter cards, related-headline boxes, photo credits, a copyright
line, comment widgets). Intake keeps the story only: title, subtitles, photo captions and
body paragraphs, in reading order, joined into one normalised ``Article.text`` that every
evidence offset of the extractor points into.

Refusals come first and fast (size from ``stat`` before any byte is read, then emptiness,
binary content, encoding), each as an ``IntakeError`` with a one-line message.

The modules, in the order the data flows: ``meta`` (sidecars, stated fields), ``webpage``
(HTML through trafilatura and htmldate), ``chrome`` (plain-text chrome, its words in
``chrome.yaml``), ``dates`` (datelines), ``story`` (lines to ``Article``), ``sentences``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from allygraph.errors import IntakeError
from allygraph.loaders.intake.dates import SEOUL, numeric_dates, parse_datetime
from allygraph.loaders.intake.meta import (
    ArticleMeta,
    coerce_meta,
    find_sidecar,
    load_sidecar,
    merge_meta,
)
from allygraph.loaders.intake.sentences import split_plain
from allygraph.loaders.intake.story import build_article
from allygraph.loaders.intake.webpage import read_page
from allygraph.models import Article
from allygraph.settings import get_settings

__all__ = [
    "SEOUL",
    "ArticleMeta",
    "decode",
    "find_sidecar",
    "load_sidecar",
    "numeric_dates",
    "parse_article",
    "parse_datetime",
    "read_article",
    "split_plain",
]

LEGACY_ENCODINGS = ("cp949", "euc-kr")


def read_article(
    path: Path, *, sidecar: Path | None = None, max_bytes: int | None = None
) -> Article:
    """Read one article file. Its sidecar (``<stem>.json|.yaml|.yml``) is used when present."""
    path = Path(path)
    limit = max_bytes if max_bytes is not None else get_settings().max_article_bytes
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise IntakeError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not path.is_file():
        raise IntakeError(f"{path}: not a file")
    if size > limit:
        raise IntakeError(f"{path}: {size} bytes is larger than the limit of {limit} bytes")
    if size == 0:
        raise IntakeError(f"{path}: empty file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise IntakeError(f"{path}: cannot read ({exc.strerror or exc})") from None
    meta = load_sidecar(sidecar if sidecar is not None else find_sidecar(path))
    return parse_article(raw, source_path=str(path), meta=meta, max_bytes=limit)


def parse_article(
    raw: str | bytes,
    *,
    source_path: str | None = None,
    meta: dict[str, Any] | ArticleMeta | None = None,
    max_bytes: int | None = None,
) -> Article:
    """Clean raw text or HTML into an ``Article``; ``meta`` overrides what the text says."""
    label = source_path or "article"
    limit = max_bytes if max_bytes is not None else get_settings().max_article_bytes
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", "surrogatepass"))
    if size > limit:
        raise IntakeError(f"{label}: {size} bytes is larger than the limit of {limit} bytes")
    text = decode(raw, label) if isinstance(raw, bytes) else raw
    if "\x00" in text:
        raise IntakeError(f"{label}: binary content (NUL bytes), not an article")
    if not text.strip():
        raise IntakeError(f"{label}: empty article")
    stated = coerce_meta(meta, label)
    if _looks_like_html(text):
        page = read_page(text)
        stated = merge_meta(page.meta, stated)
        return build_article(page.lines, stated, source_path, label, page.captions)
    return build_article(text.splitlines(), stated, source_path, label)


def decode(raw: bytes, label: str = "article") -> str:
    """UTF-8 (with or without BOM), else the legacy Korean code pages; NUL bytes are binary."""
    if not raw.strip():
        raise IntakeError(f"{label}: empty file")
    if b"\x00" in raw:
        raise IntakeError(f"{label}: binary file (NUL bytes), not an article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for encoding in LEGACY_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text
    raise IntakeError(f"{label}: binary file (not UTF-8, CP949 or EUC-KR text)")


def _mostly_text(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\r\n\f")
    return controls / len(text) < 0.01


def _looks_like_html(text: str) -> bool:
    head = text[:5000].lower()
    return (
        "<html" in head or "<body" in head or len(re.findall(r"</?(?:p|div|br|span)\b", head)) >= 3
    )
