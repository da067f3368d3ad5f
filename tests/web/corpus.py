"""The timeline corpus (``tests/data/timeline``) through the real pipeline, for the web
pages' tests: it is the one corpus in which AI One Team grows over time (5 founders on
2020-02-20, 7 members in June 2020, 13 by 2022) beside its rival camp, AI 초협력, which
is what the pages are for."""

from __future__ import annotations

from functools import cache

from neo4j import Driver

from allygraph.loaders.files import article_files
from allygraph.loaders.pipeline import extract_path
from allygraph.loaders.writer import write_extraction
from allygraph.models import Extraction
from tests.conftest import ROOT, clear_graph

TIMELINE = ROOT / "tests" / "data" / "timeline"

ONE_TEAM = "ai-one-team"
SUPER = "ai-super-cooperation"
FOUNDERS = ["kt", "hhi-holdings", "kaist", "hanyang-university", "etri"]  # 2020-02-20
LG = ["lg-electronics", "lg-uplus"]  # joined 2020-06-03
LATER = ["woori-bank", "skku"]  # joined 2021 and 2022


@cache
def extractions() -> tuple[Extraction, ...]:
    """Every timeline article through intake, the rule extractor and overrides, once."""
    return tuple(extract_path(path) for path in article_files([TIMELINE]))


def load_timeline(driver: Driver) -> Driver:
    """An otherwise empty graph holding what loading the timeline corpus writes."""
    clear_graph(driver)
    for extraction in extractions():
        write_extraction(driver, extraction, "neo4j")
    return driver
