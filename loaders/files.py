"""Which files under the given paths are articles (sidecars and notes are not)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm"})


def article_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders expanded (recursively, sorted) to their article files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and p.name.lower() != "readme.txt"
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))
