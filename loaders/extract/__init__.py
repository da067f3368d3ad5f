"""Extractors: an article in, its entities and evidenced relations out (``Extraction``)."""

from allygraph.loaders.extract.base import Extractor
from allygraph.loaders.extract.rules import RuleExtractor

__all__ = ["Extractor", "RuleExtractor"]
