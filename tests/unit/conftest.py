"""Helpers shared by the extractor's unit tests (no database anywhere)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from allygraph.loaders.extract import RuleExtractor
from allygraph.loaders.intake import parse_article
from allygraph.models import Extraction, Relation

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seeds" / "2020-06-03-ajunews-kt-lg-ai-one-team.txt"
GOLD_FILES = [
    SHARED / "gold" / "2020-06-03-ajunews-kt-lg-ai-one-team.yaml",
    *sorted((SHARED / "gold" / "dev").glob("*.yaml")),
]


@pytest.fixture(scope="session")
def extractor() -> RuleExtractor:
    return RuleExtractor()


@pytest.fixture
def extract(extractor: RuleExtractor) -> Callable[..., Extraction]:
    """Extract from a few body lines written in a test, under a fixed dateline."""

    def run(
        *body: str, title: str = "테스트 기사", published: str = "2020-06-03 15:51"
    ) -> Extraction:
        raw = "\n\n".join([title, published, *body, "ⓒ 예시경제 무단전재 및 재배포 금지"])
        return extractor.extract(parse_article(raw))

    return run


def relations(extraction: Extraction) -> set[tuple[str, ...]]:
    """(type, from, to) of every relation, symmetric ones with sorted ends."""
    return {r.key for r in extraction.relations}


def entity_ids(extraction: Extraction) -> set[str]:
    return {e.id for e in extraction.entities}


def entity_id(extraction: Extraction, name: str) -> str:
    """The id of the entity named (or aliased) ``name``."""
    return next(e.id for e in extraction.entities if e.name == name or name in e.aliases)


def relation_of(extraction: Extraction, kind: str, source: str, target: str) -> Relation:
    """The one relation of ``kind`` from ``source`` to ``target``."""
    return next(
        r for r in extraction.relations if (r.type, r.from_, r.to) == (kind, source, target)
    )


def members_of(extraction: Extraction, alliance: str) -> set[str]:
    """Ids of the organisations the extraction makes members of ``alliance``."""
    return {r.from_ for r in extraction.relations if r.type == "MEMBER_OF" and r.to == alliance}
