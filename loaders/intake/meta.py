"""What is stated about an article besides its text: the sidecar file beside it (or the
fields the API is sent), and what a web page's meta tags say. Stated fields win over the
text."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from allygraph.errors import IntakeError
from allygraph.loaders.intake.dates import SEOUL, parse_datetime
from allygraph.models import Published

SIDECAR_SUFFIXES = (".json", ".yaml", ".yml")


class ArticleMeta(BaseModel):
    """What a sidecar (or the API) may state about an article, overriding the text."""

    model_config = ConfigDict(extra="ignore")

    url: str | None = None
    publisher: str | None = None
    published: Published | None = None
    title: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> datetime | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value if value.tzinfo else value.replace(tzinfo=SEOUL)
        if isinstance(value, date):
            return datetime.combine(value, time(0, 0), SEOUL)
        text = str(value).strip()
        try:
            parsed = datetime.fromisoformat(text)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=SEOUL)
        except ValueError:
            pass
        found = parse_datetime(text)
        if found is None:
            raise ValueError(f"unrecognised date {text!r}")
        return found


def find_sidecar(path: Path) -> Path | None:
    """``<stem>.json|.yaml|.yml`` beside the article, unless that file is something else.

    Gold annotations share the ``<stem>.yaml`` name in ``shared/gold/dev``; a file with
    ``entities:`` or ``relations:`` is an annotation, never metadata, and is left unread.
    """
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if candidate != path and candidate.is_file() and not _is_annotation(candidate):
            return candidate
    return None


def _is_annotation(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(64_000)
    return re.search(rb'^\s*"?(?:entities|relations)"?\s*:', head, re.M) is not None


def load_sidecar(path: Path | None) -> ArticleMeta | None:
    if path is None:
        return None
    try:
        content = path.read_text(encoding="utf-8")
        data = json.loads(content) if path.suffix == ".json" else yaml.safe_load(content)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
        raise IntakeError(f"{path}: unreadable sidecar ({_first_line(exc)})") from None
    if data is None:
        return None
    if not isinstance(data, dict) or {"entities", "relations"} & set(data):
        raise IntakeError(f"{path}: sidecar must be a mapping of url, publisher, published, title")
    return coerce_meta(data, str(path))


def coerce_meta(meta: dict[str, Any] | ArticleMeta | None, label: str) -> ArticleMeta | None:
    if meta is None or isinstance(meta, ArticleMeta):
        return meta
    try:
        return ArticleMeta.model_validate(meta)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise IntakeError(f"{label}: bad metadata {where}: {error_message(error)}") from None


def merge_meta(base: ArticleMeta, override: ArticleMeta | None) -> ArticleMeta:
    if override is None:
        return base
    merged = base.model_dump()
    merged.update({k: v for k, v in override.model_dump().items() if v is not None})
    return ArticleMeta.model_construct(**merged)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def error_message(error: Any) -> str:
    """A pydantic error's message without its 'Value error, ' prefix."""
    return str(error["msg"]).removeprefix("Value error, ")
