"""What every extractor offers, so a rule-based one and an LLM-backed one are interchangeable."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from allygraph.models import Article, Extraction


@runtime_checkable
class Extractor(Protocol):
    """Turns one clean article into its entities (canonical ids) and evidenced relations."""

    def extract(self, article: Article) -> Extraction: ...
