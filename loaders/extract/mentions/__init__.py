"""Mentions of organisations, products and alliances, and how Korean groups them.

A mention is a span of ``Article.text`` resolved to an entity key (``model.py``). The
finders, by what they find, in the order the extractor runs them (``rules.py``):

- ``registered.py``: the registry's names, '(이하 X)' short names, shortened full names;
- ``alliances.py``: quoted and unquoted alliance names, '<lead> 컨소시엄', bare references
  ('이 연합');
- ``organisations.py``: unknown organisations by name suffix, affiliates by group brand;
- ``products.py``: unknown products by product noun and name;
- ``org_lists.py``: unknown organisations revealed by a list they stand in;
- ``groups.py``: consecutive names joined into groups with one case, and "3사"-style
  references to an earlier group.

The words each finder knows are data: ``cues/organisations.yaml``, ``products.yaml``,
``alliances.yaml``, ``groups.yaml``.
"""

from .alliances import (
    alliance_refs,
    consortium_mentions,
    quoted_alliance_mentions,
    quoted_alliance_spans,
    unquoted_alliance_mentions,
)
from .groups import groups_in, party_refs
from .model import (
    ORG_TYPES,
    Candidate,
    Group,
    Mention,
    NewKey,
    Spans,
    attach_particle,
    strip_particles,
)
from .org_lists import list_org_mentions
from .organisations import unknown_org_mentions
from .products import genitive_products, unknown_product_mentions
from .registered import (
    bracketed_latin_spans,
    drop_inside_names,
    hereafter_mentions,
    registry_mentions,
    shortened_registry_name,
)

__all__ = [
    "ORG_TYPES",
    "Candidate",
    "Group",
    "Mention",
    "NewKey",
    "Spans",
    "alliance_refs",
    "attach_particle",
    "bracketed_latin_spans",
    "consortium_mentions",
    "drop_inside_names",
    "genitive_products",
    "groups_in",
    "hereafter_mentions",
    "list_org_mentions",
    "party_refs",
    "quoted_alliance_mentions",
    "quoted_alliance_spans",
    "registry_mentions",
    "shortened_registry_name",
    "strip_particles",
    "unknown_org_mentions",
    "unknown_product_mentions",
    "unquoted_alliance_mentions",
]
