"""Scoring an extraction against gold, exactly as ``shared/gold/README.md`` ("Scoring") says.

Entities match when their types agree and a name of one (name, name_en or an alias, after
NFKC, case folding and removing spaces) equals a name of the other. Relations match when
their types agree and both endpoints match (either direction for COMPETES_WITH and
PARTNERS_WITH). Matching is one-to-one (a maximum bipartite matching), so two extracted
entities cannot both claim one gold entity. Property accuracy (since, role, title) is
counted over matched relations, for every property either side states.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

from allygraph.errors import AllygraphError
from allygraph.loaders.text import name_key, normalise
from allygraph.models import ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS, Extraction

PROPERTIES = ("since", "role", "title")


class GoldError(AllygraphError):
    """A gold file that cannot be read or scored."""

    status = 422
    title = "Unreadable gold file"


class PRF(BaseModel):
    true_positives: int = 0
    extracted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.true_positives / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.true_positives += other.true_positives
        self.extracted += other.extracted
        self.gold += other.gold

    def summary(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.true_positives,
            "extracted": self.extracted,
            "gold": self.gold,
        }


class Accuracy(BaseModel):
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


class Score(BaseModel):
    """Scores of one article (or of several, summed)."""

    article: str
    entities: PRF = Field(default_factory=PRF)
    relations: PRF = Field(default_factory=PRF)
    entities_by_type: dict[str, PRF] = Field(default_factory=dict)
    relations_by_type: dict[str, PRF] = Field(default_factory=dict)
    properties: dict[str, Accuracy] = Field(default_factory=dict)
    missed_entities: list[str] = Field(default_factory=list)
    spurious_entities: list[str] = Field(default_factory=list)
    missed_relations: list[str] = Field(default_factory=list)
    spurious_relations: list[str] = Field(default_factory=list)
    wrong_properties: list[str] = Field(default_factory=list)

    @property
    def property_accuracy(self) -> float:
        correct = sum(a.correct for a in self.properties.values())
        total = sum(a.total for a in self.properties.values())
        return correct / total if total else 1.0

    def report(self) -> dict[str, Any]:
        """A JSON-friendly view: the figures, then what was missed or spurious."""
        return {
            "article": self.article,
            "entities": self.entities.summary(),
            "relations": self.relations.summary(),
            "entities_by_type": {k: v.summary() for k, v in self.entities_by_type.items()},
            "relations_by_type": {k: v.summary() for k, v in self.relations_by_type.items()},
            "property_accuracy": round(self.property_accuracy, 4),
            "properties": {
                k: {"accuracy": round(v.accuracy, 4), "correct": v.correct, "total": v.total}
                for k, v in self.properties.items()
            },
            "missed_entities": self.missed_entities,
            "spurious_entities": self.spurious_entities,
            "missed_relations": self.missed_relations,
            "spurious_relations": self.spurious_relations,
            "wrong_properties": self.wrong_properties,
        }


class GoldDocument(BaseModel):
    """A gold file: the article it annotates, its entities and relations (as dicts)."""

    path: Path
    article: Path
    published: str | None = None
    entities: list[dict[str, Any]]
    relations: list[dict[str, Any]]


def load_gold(path: Path) -> GoldDocument:
    """Read a gold YAML; its ``article:`` is relative to the gold file's folder."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or "article" not in data:
        raise GoldError(f"{path}: not a gold file (no 'article:')")
    return GoldDocument(
        path=Path(path),
        article=(Path(path).parent / str(data["article"])).resolve(),
        published=str(data["published"]) if data.get("published") else None,
        entities=list(data.get("entities") or []),
        relations=list(data.get("relations") or []),
    )


def score(extraction: Extraction | dict[str, Any], gold: GoldDocument | dict[str, Any]) -> Score:
    """Score one extraction (model or gold-format dict) against one gold document."""
    predicted = extraction.to_gold() if isinstance(extraction, Extraction) else extraction
    gold_doc = gold if isinstance(gold, GoldDocument) else None
    gold_entities = gold_doc.entities if gold_doc else list(gold.get("entities") or [])  # type: ignore[union-attr]
    gold_relations = gold_doc.relations if gold_doc else list(gold.get("relations") or [])  # type: ignore[union-attr]
    label = str(gold_doc.path) if gold_doc else str(predicted.get("article", "article"))
    result = Score(article=label)

    pred_entities = list(predicted.get("entities") or [])
    pred_relations = list(predicted.get("relations") or [])
    pred_by_id = {e["id"]: e for e in pred_entities}
    gold_by_id = {e["id"]: e for e in gold_entities}

    entity_pairs = _match(pred_entities, gold_entities, _entities_match)
    _count(result.entities, result.entities_by_type, pred_entities, gold_entities, entity_pairs,
           ENTITY_TYPES)  # fmt: skip
    matched_gold = {j for _, j in entity_pairs}
    matched_pred = {i for i, _ in entity_pairs}
    result.missed_entities = [
        f"{e['type']} {e['name']}" for j, e in enumerate(gold_entities) if j not in matched_gold
    ]
    result.spurious_entities = [
        f"{e['type']} {e['name']}" for i, e in enumerate(pred_entities) if i not in matched_pred
    ]

    def relations_match(p: dict[str, Any], g: dict[str, Any]) -> bool:
        if p["type"] != g["type"]:
            return False
        ends = [(p["from"], p["to"])]
        if p["type"] in SYMMETRIC_RELATIONS:
            ends.append((p["to"], p["from"]))
        return any(
            _endpoint(pred_by_id.get(a), gold_by_id.get(g["from"]))
            and _endpoint(pred_by_id.get(b), gold_by_id.get(g["to"]))
            for a, b in ends
        )

    relation_pairs = _match(pred_relations, gold_relations, relations_match)
    _count(result.relations, result.relations_by_type, pred_relations, gold_relations,
           relation_pairs, RELATION_TYPES)  # fmt: skip
    matched_gold = {j for _, j in relation_pairs}
    matched_pred = {i for i, _ in relation_pairs}
    result.missed_relations = [
        _describe(r) for j, r in enumerate(gold_relations) if j not in matched_gold
    ]
    result.spurious_relations = [
        _describe(r) for i, r in enumerate(pred_relations) if i not in matched_pred
    ]
    result.properties = {name: Accuracy() for name in PROPERTIES}
    for i, j in relation_pairs:
        p, g = pred_relations[i], gold_relations[j]
        for name in PROPERTIES:
            if p.get(name) is None and g.get(name) is None:
                continue
            accuracy = result.properties[name]
            accuracy.total += 1
            if _same_value(p.get(name), g.get(name)):
                accuracy.correct += 1
            else:
                result.wrong_properties.append(
                    f"{_describe(g)} {name}: {p.get(name)!r} != gold {g.get(name)!r}"
                )
    return result


def total(scores: Iterable[Score]) -> Score:
    """Micro-averaged sum of several article scores."""
    result = Score(article="total")
    for item in scores:
        result.entities.add(item.entities)
        result.relations.add(item.relations)
        for target, source in (
            (result.entities_by_type, item.entities_by_type),
            (result.relations_by_type, item.relations_by_type),
        ):
            for kind, prf in source.items():
                target.setdefault(kind, PRF()).add(prf)
        for name, accuracy in item.properties.items():
            mine = result.properties.setdefault(name, Accuracy())
            mine.correct += accuracy.correct
            mine.total += accuracy.total
    return result


def names_of(entity: dict[str, Any]) -> set[str]:
    names = [entity.get("name"), entity.get("name_en"), *(entity.get("aliases") or [])]
    return {name_key(str(n)) for n in names if n}


def _entities_match(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return p.get("type") == g.get("type") and bool(names_of(p) & names_of(g))


def _endpoint(p: dict[str, Any] | None, g: dict[str, Any] | None) -> bool:
    return p is not None and g is not None and _entities_match(p, g)


def _same_value(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    return normalise(str(a)) == normalise(str(b))


def _describe(relation: dict[str, Any]) -> str:
    return f"{relation['type']} {relation['from']} -> {relation['to']}"


def _match(
    predicted: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    same: Callable[[dict[str, Any], dict[str, Any]], bool],
) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (Kuhn's augmenting paths; articles are small)."""
    options = [[j for j, g in enumerate(gold) if same(p, g)] for p in predicted]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(predicted)):
        assign(i, set())
    return sorted((i, j) for j, i in owner.items())


def _count(
    overall: PRF,
    by_type: dict[str, PRF],
    predicted: Sequence[dict[str, Any]],
    gold: Sequence[dict[str, Any]],
    pairs: list[tuple[int, int]],
    types: Sequence[str],
) -> None:
    for kind in types:
        prf = PRF(
            true_positives=sum(1 for i, _ in pairs if predicted[i]["type"] == kind),
            extracted=sum(1 for p in predicted if p["type"] == kind),
            gold=sum(1 for g in gold if g["type"] == kind),
        )
        if prf.extracted or prf.gold:
            by_type[kind] = prf
        overall.add(prf)
