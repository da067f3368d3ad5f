"""Extractors: an article in, its entities and evidenced relations out (``Extraction``).

The rule-based extractor, in the order it works (``rules.py`` runs the pipeline):

- ``grammar.py``: Kiwi's analysis of every word (stem, particle and its case, predicate,
  ending) and clauses; the rules read this instead of string patterns where they can;
- ``mentions/``: names in the text resolved to entities, one module per kind of finder;
- ``discovery.py``: organisations nobody listed, found from the sentence they stand in
  (proper or unknown stems in coordinations, argument slots, descriptor and title frames);
- ``identity.py``: one entity per real thing within an article (acronyms, headline short
  forms, names with another spelling in parentheses);
- ``people.py``: people and their titles; ``dates.py``: relative dates made absolute;
- ``sentences.py``: each sentence's view (people, mentions, groups with their case);
- ``relations/``: one rule module per kind of fact (membership, agreements, competition,
  partners, develops, positions), with ``clauses.py`` for what they share;
- ``cues/``: the words all of the above look for, as YAML tables;
- ``context.py``: one article's state (entity ids, merged relations, agreement drafts).

Modules here import each other relatively: the package is the folder ``loaders/extract``
installed as ``allygraph.loaders.extract``, and relative imports let mypy follow them (see
``[tool.mypy]`` in pyproject.toml).
"""

from .base import Extractor
from .rules import RuleExtractor

__all__ = ["Extractor", "RuleExtractor"]
