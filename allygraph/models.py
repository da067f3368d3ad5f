"""The domain model shared by the loaders, the writer and the API.

These models are the boundary between stages (intake -> extract -> resolve -> write): each
stage returns one of them, so a stage can be replaced (an LLM extractor, say) without the
others noticing. The vocabulary follows ``shared/gold/README.md`` exactly, so that an
extraction can be printed in the gold format and scored by any gold scorer.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

EntityType = Literal[
    "Company",
    "University",
    "ResearchInstitute",
    "GovernmentBody",
    "Person",
    "Alliance",
    "Agreement",
    "Product",
]
ENTITY_TYPES: tuple[str, ...] = EntityType.__args__  # type: ignore[attr-defined]
OrganizationType = Literal["Company", "University", "ResearchInstitute", "GovernmentBody"]
ORGANIZATION_TYPES: frozenset[str] = frozenset(OrganizationType.__args__)  # type: ignore[attr-defined]

RelationType = Literal[
    "MEMBER_OF",
    "LEADS",
    "PARTY_TO",
    "SIGNED",
    "HOLDS_POSITION",
    "COMPETES_WITH",
    "PARTNERS_WITH",
    "DEVELOPS",
]
RELATION_TYPES: tuple[str, ...] = RelationType.__args__  # type: ignore[attr-defined]
SYMMETRIC_RELATIONS: frozenset[str] = frozenset({"COMPETES_WITH", "PARTNERS_WITH"})

Role = Literal["founder", "leader", "member"]

# ISO 8601 as precise as the article allows: 2020, 2020-02, 2020-06-03.
PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def labels_for(entity_type: str) -> list[str]:
    """Neo4j labels of an entity: its type, plus ``Organization`` for organisations.

    Every node also carries ``Entity`` so that one constraint and one full-text index cover
    every kind; labels come only from this fixed vocabulary, never from input text.
    """
    if entity_type not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {entity_type!r}")
    labels = ["Entity", entity_type]
    if entity_type in ORGANIZATION_TYPES:
        labels.append("Organization")
    return labels


def partial_date_start(value: str | None) -> date | None:
    """First day a partial date can mean: '2020' -> 2020-01-01, '2020-02' -> 2020-02-01."""
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


# The oldest publication day an article may claim; the newest is tomorrow (a day of slack
# for clocks and time zones ahead of ours).
EARLIEST_PUBLISHED = date(1900, 1, 1)


def check_published(value: datetime) -> datetime:
    """Refuse a publication datetime outside 1900-01-01 .. tomorrow, in one clear sentence.

    Checked on the wall-clock day the article states, before any time-zone arithmetic:
    converting ``0001-01-01T00:00+14:00`` or ``9999-12-31T23:59-14:00`` to another offset
    overflows Python's datetime (an OverflowError, i.e. a 500 and an aborted batch, is
    what such dates gave before). Every boundary that takes a ``published`` (the API's
    request body, sidecars, ``Article``) validates with this one function.
    """
    day = value.replace(tzinfo=None).date()
    latest = date.today() + timedelta(days=1)
    if not EARLIEST_PUBLISHED <= day <= latest:
        raise ValueError(
            f"publication date {day.isoformat()} is outside "
            f"{EARLIEST_PUBLISHED.isoformat()} .. {latest.isoformat()} (tomorrow)"
        )
    return value


# A publication datetime within the accepted range (see ``check_published``).
Published = Annotated[datetime, AfterValidator(check_published)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Sentence(Strict):
    """One sentence of an article, with its offsets into ``Article.text``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: Literal["title", "subtitle", "caption", "body"] = "body"


class Article(Strict):
    """A cleaned article. ``id`` is a hash of the cleaned content, so the same article
    scraped twice is the same node, and an edited article is a new one."""

    id: str
    title: str
    subtitle: str | None = None
    published: datetime  # timezone-aware, Asia/Seoul, within check_published's range
    publisher: str | None = None
    url: str | None = None
    source_path: str | None = None
    paragraphs: list[str]
    captions: list[str] = Field(default_factory=list)
    # The normalised text every evidence offset points into.
    text: str
    sentences: list[Sentence] = Field(default_factory=list)

    @field_validator("published")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        offset = value.utcoffset()
        if offset is None:
            raise ValueError("publication datetime must carry a timezone")
        check_published(value)  # before astimezone, which overflows far from our era
        # A fixed offset, not a ZoneInfo: the Neo4j driver's temporal packing crashed the
        # interpreter on ZoneInfo datetimes here, and Korea has kept +09:00 since 1988.
        return value.astimezone(timezone(offset))


class Evidence(Strict):
    """Where a fact comes from: the article, the sentence, and the sentence's offsets."""

    article_id: str
    sentence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Entity(Strict):
    id: str
    type: EntityType
    name: str
    name_en: str | None = None
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    # Agreements only
    date: str | None = None
    place: str | None = None
    objectives: list[str] = Field(default_factory=list)
    # True when the registry lacked it and the extractor made it up (to be curated).
    new: bool = False

    @field_validator("id")
    @classmethod
    def _slug(cls, value: str) -> str:
        if not SLUG.match(value):
            raise ValueError(f"entity id {value!r} is not a slug (a-z, 0-9, '-')")
        return value

    @field_validator("date")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if value is not None and not PARTIAL_DATE.match(value):
            raise ValueError(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return value

    @property
    def labels(self) -> list[str]:
        return labels_for(self.type)


class Relation(Strict):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    type: RelationType
    from_: str = Field(alias="from")
    to: str
    since: str | None = None
    until: str | None = None
    role: Role | None = None
    title: str | None = None
    evidence: Evidence

    @field_validator("since", "until")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if value is not None and not PARTIAL_DATE.match(value):
            raise ValueError(f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        return value

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the fact: symmetric relations are stored once, ends sorted."""
        if self.type in SYMMETRIC_RELATIONS:
            a, b = sorted((self.from_, self.to))
            return (self.type, a, b)
        return (self.type, self.from_, self.to)


class Extraction(Strict):
    """What one article says: its entities (resolved to canonical ids) and relations."""

    article: Article
    entities: list[Entity]
    relations: list[Relation]

    def to_gold(self) -> dict[str, Any]:
        """The extraction in the format of ``shared/gold/README.md``."""
        entities = []
        for e in self.entities:
            row: dict[str, Any] = {"id": e.id, "type": e.type, "name": e.name}
            if e.name_en:
                row["name_en"] = e.name_en
            if e.aliases:
                row["aliases"] = list(e.aliases)
            if e.type == "Agreement":
                for key in ("date", "place"):
                    if getattr(e, key):
                        row[key] = getattr(e, key)
                if e.objectives:
                    row["objectives"] = list(e.objectives)
            entities.append(row)
        relations = []
        for r in self.relations:
            row = {"type": r.type, "from": r.from_, "to": r.to}
            for key in ("since", "until", "role", "title"):
                if getattr(r, key) is not None:
                    row[key] = getattr(r, key)
            row["evidence"] = r.evidence.sentence
            relations.append(row)
        return {
            "article": self.article.source_path or self.article.id,
            "published": self.article.published.date().isoformat(),
            "source": self.article.publisher,
            "title": self.article.title,
            "entities": entities,
            "relations": relations,
        }
