"""Curated corrections applied after the extractor, one YAML file per article.

``data/overrides/<article file stem>.yaml`` (or ``<article id>.yaml``) may ``add``
entities and relations the rules missed and ``remove`` relations or entities they got
wrong. The format is described in ``data/overrides/README.md``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from allygraph.errors import AllygraphError
from allygraph.facts import merge_relation
from allygraph.models import (
    SYMMETRIC_RELATIONS,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Relation,
    RelationType,
)
from allygraph.settings import get_settings


class OverrideError(AllygraphError):
    status = 422
    title = "Bad override file"


class RelationAddition(Relation):
    """A relation as a curator writes it: the evidence is a sentence of the article (its
    title when left out), located in the text when the override is applied."""

    evidence: str | None = None  # type: ignore[assignment]

    @field_validator("since", "until", mode="before")
    @classmethod
    def _yaml_date(cls, value: object) -> object:
        """YAML reads ``since: 2020-06-03`` as a date and ``since: 2020`` as a number; the
        model wants the ISO text."""
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:04d}"
        return value.isoformat() if isinstance(value, date) else value


class RelationRemoval(BaseModel):
    """Removes every relation matching all the fields given."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    type: RelationType | None = None
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None

    def matches(self, relation: Relation) -> bool:
        if self.type is not None and relation.type != self.type:
            return False
        ends = [(relation.from_, relation.to)]
        if relation.type in SYMMETRIC_RELATIONS:
            ends.append((relation.to, relation.from_))
        return any(
            (self.from_ is None or start == self.from_) and (self.to is None or end == self.to)
            for start, end in ends
        )


class EntityRemoval(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    type: EntityType | None = None

    def matches(self, entity: Entity) -> bool:
        return (self.id is None or entity.id == self.id) and (
            self.type is None or entity.type == self.type
        )


class Additions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entities: list[Entity] = Field(default_factory=list)
    relations: list[RelationAddition] = Field(default_factory=list)


class Removals(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entities: list[EntityRemoval] = Field(default_factory=list)
    relations: list[RelationRemoval] = Field(default_factory=list)


class Override(BaseModel):
    model_config = ConfigDict(extra="forbid")
    add: Additions = Field(default_factory=Additions)
    remove: Removals = Field(default_factory=Removals)


def find_override(stem: str | None, article_id: str, directory: Path | None = None) -> Path | None:
    directory = directory or get_settings().overrides_dir
    for name in (stem, article_id):
        if not name:
            continue
        for suffix in (".yaml", ".yml"):
            candidate = directory / f"{name}{suffix}"
            if candidate.is_file():
                return candidate
    return None


def load_override(path: Path) -> Override:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return Override.model_validate(data)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise OverrideError(f"{path}: unreadable override ({str(exc).splitlines()[0]})") from None
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise OverrideError(f"{path}: {where}: {error['msg']}") from None


def apply_override(extraction: Extraction, override: Override) -> Extraction:
    """A new extraction: removals first (entities take their relations along), then additions."""
    article = extraction.article
    entities = [
        e for e in extraction.entities if not any(r.matches(e) for r in override.remove.entities)
    ]
    allowed = {e.id for e in entities} | {e.id for e in override.add.entities}
    relations = [
        r
        for r in extraction.relations
        if r.from_ in allowed
        and r.to in allowed
        and not any(rm.matches(r) for rm in override.remove.relations)
    ]
    for entity in override.add.entities:
        entities = [e for e in entities if e.id != entity.id] + [entity]
    relations = _add_relations(
        relations,
        [_relation(a, article.id, article.text, article.title) for a in override.add.relations],
    )
    ids = {e.id for e in entities}
    for relation in relations:
        for end in (relation.from_, relation.to):
            if end not in ids:
                raise OverrideError(f"override relation {relation.type} refers to unknown {end!r}")
    return Extraction(article=article, entities=entities, relations=relations)


def _add_relations(relations: list[Relation], additions: list[Relation]) -> list[Relation]:
    """Additions of a fact already there are folded into it with the project's one merge
    policy (``allygraph.facts``), as the writer would fold them anyway: a curator can add a
    missing ``since`` or a stronger role, and to replace a value removes the fact first.
    The extracted statement keeps its evidence and its place in the list."""
    merged: dict[tuple[str, str, str], Relation] = {}
    for relation in [*relations, *additions]:
        known = merged.get(relation.key)
        merged[relation.key] = relation if known is None else merge_relation(known, relation)
    return list(merged.values())


def _relation(addition: RelationAddition, article_id: str, text: str, title: str) -> Relation:
    sentence = addition.evidence or title
    start = text.find(sentence)
    if start < 0:
        raise OverrideError(f"override evidence not found in the article: {sentence[:60]!r}")
    data: dict[str, Any] = addition.model_dump(by_alias=True, exclude={"evidence"})
    data["evidence"] = Evidence(
        article_id=article_id, sentence=sentence, start=start, end=start + len(sentence)
    )
    return Relation.model_validate(data)
