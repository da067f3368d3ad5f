"""Response models of the API: what each query file returns, typed.

The Cypher files already shape their rows (entity maps, evidence lists, ISO strings for
temporal values), so these models validate and document that shape rather than rebuild it;
what a client reads is what the query returned. Every entity carries ``id``, ``type``,
``name`` and ``name_en``; every fact carries ``evidence``.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from allygraph.models import EntityType, OrganizationType

# The kinds are the domain model's own vocabulary, not a copy of it.
EntityKind = EntityType
OrganizationKind = OrganizationType


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntityRef(Model):
    """Any entity, as every response names it."""

    id: str
    type: str
    name: str | None = None
    name_en: str | None = None

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"id": "kt", "type": "Company", "name": "KT", "name_en": "KT Corporation"}]
        },
    )


class Evidence(Model):
    """One article sentence behind a fact, with its offsets into the article's text."""

    article_id: str
    title: str | None = None
    published: str | None = Field(None, description="publication time of the article, ISO 8601")
    sentence: str | None = None
    start: int | None = None
    end: int | None = None


LATEST_EVIDENCE = Field(
    None,
    title="Latest evidence",
    description="publication day (YYYY-MM-DD) of the newest article evidencing the fact: "
    "how recently anyone reported it",
)


class Evidenced(Model):
    """A fact with its evidence, and the day it was last reported (from that evidence)."""

    evidence: list[Evidence]
    latest_evidence: str | None = LATEST_EVIDENCE

    @model_validator(mode="after")
    def _latest(self) -> Evidenced:
        if self.latest_evidence is None:
            self.latest_evidence = latest_day(self.evidence)
        return self


def latest_day(evidence: list[Evidence]) -> str | None:
    """The newest publication day among the evidence, or None when none is dated."""
    days = [e.published[:10] for e in evidence if e.published]
    return max(days) if days else None


STALE = Field(
    False,
    description="true when the newest evidence is older than the server's "
    "RIVALRY_STALE_DAYS (default 730): nobody has reported the rivalry lately, so it may "
    "no longer hold",
)


class KindCount(Model):
    kind: str
    count: int


# --- alliances ---------------------------------------------------------------------------


class AllianceSummary(Model):
    alliance: EntityRef
    leaders: list[EntityRef]
    formed: str | None = Field(None, description="earliest `since` of its members")
    member_count: int
    members_by_kind: list[KindCount]


class AllianceList(Model):
    alliances: list[AllianceSummary]


class Tie(Evidenced):
    """A fact linking to another entity (leader, partner...), with its evidence."""

    entity: EntityRef


class Rival(Tie):
    """A rivalry (COMPETES_WITH), marked stale when nobody has reported it lately."""

    stale: bool = STALE


class AllianceDetail(Model):
    alliance: EntityRef
    aliases: list[str]
    leaders: list[Tie]
    formed: str | None = None
    member_count: int
    members_by_kind: list[KindCount]
    rivals: list[Rival]


FIRST_SEEN = Field(
    None,
    title="Evidenced since",
    description="publication day (YYYY-MM-DD) of the earliest article evidencing the "
    "membership; `as_of` dates a membership without `since` by it",
)


class Member(Evidenced):
    member: EntityRef
    role: str | None = None
    since: str | None = None
    until: str | None = None
    first_seen: str | None = FIRST_SEEN


class MemberPage(Model):
    alliance: str
    as_of: str | None = None
    kind: str | None = None
    members: list[Member]
    next: str | None = Field(
        None, description="pass as `after` for the next page; null on the last page"
    )


class CompareMember(Model):
    member: EntityRef
    role: str | None = None
    since: str | None = None
    until: str | None = None
    first_seen: str | None = FIRST_SEEN


class CompareSide(Model):
    alliance: EntityRef
    leaders: list[EntityRef]
    members: list[CompareMember]
    members_by_kind: list[KindCount]
    member_count: int


class SharedMember(Model):
    member: EntityRef
    alliances: list[str]


class AllianceRivalry(Evidenced):
    from_: EntityRef = Field(alias="from")
    to: EntityRef
    stale: bool = STALE

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class MemberRivalry(AllianceRivalry):
    from_alliances: list[str]
    to_alliances: list[str]
    across: bool = Field(description="true when the two sit in different alliances")


class AgreementAmongMembers(Model):
    agreement: EntityRef
    date: str | None = None
    parties: list[str]


class Comparison(Model):
    as_of: str | None = None
    sides: list[CompareSide]
    shared_members: list[SharedMember]
    alliance_rivalries: list[AllianceRivalry]
    member_rivalries: list[MemberRivalry]
    agreements: list[AgreementAmongMembers]
    summary: str


# --- organisations, people, agreements --------------------------------------------------


class ArticleRef(Model):
    id: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None


class Membership(Evidenced):
    alliance: EntityRef
    role: str | None = None
    since: str | None = None
    until: str | None = None


class Leads(Evidenced):
    alliance: EntityRef


class AgreementTie(Evidenced):
    agreement: EntityRef
    date: str | None = None
    place: str | None = None


class Executive(Evidenced):
    person: EntityRef
    title: str | None = None
    since: str | None = None


class ProductTie(Evidenced):
    product: EntityRef


class OrganizationDetail(Model):
    organization: EntityRef
    aliases: list[str]
    country: str | None = None
    sector: str | None = None
    memberships: list[Membership]
    leads: list[Leads]
    agreements: list[AgreementTie]
    executives: list[Executive]
    rivals: list[Rival]
    partners: list[Tie]
    products: list[ProductTie]
    articles: list[ArticleRef]


class Position(Evidenced):
    organization: EntityRef
    title: str | None = None
    since: str | None = None


class PersonDetail(Model):
    person: EntityRef
    aliases: list[str]
    positions: list[Position]
    signed: list[AgreementTie]
    articles: list[ArticleRef]


class SignatoryPosition(Model):
    organization: EntityRef
    title: str | None = None


class Signatory(Evidenced):
    person: EntityRef
    positions: list[SignatoryPosition]


class Agreement(Model):
    agreement: EntityRef
    date: str | None = None
    place: str | None = None
    objectives: list[str]
    parties: list[Tie]
    signatories: list[Signatory]


class AgreementList(Model):
    party: str | None = None
    agreements: list[Agreement]


# --- search, paths, graph ------------------------------------------------------------------


class SearchHit(Model):
    entity: EntityRef
    aliases: list[str]
    exact: bool = Field(description="the query equals one of its spellings (normalised)")
    score: float


class SearchResult(Model):
    q: str
    matched: str = Field(description="the text searched: `q`, or `q` without a particle")
    hits: list[SearchHit]


class PathEdge(Model):
    type: str
    from_: str = Field(alias="from")
    to: str
    role: str | None = None
    since: str | None = None
    title: str | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Path(Model):
    hops: int
    nodes: list[EntityRef]
    relationships: list[PathEdge]


class PathResult(Model):
    from_: str = Field(alias="from")
    to: str
    max_hops: int
    paths: list[Path]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Graph(Model):
    center: str
    depth: int
    nodes: list[EntityRef]
    edges: list[PathEdge]
    truncated: bool = Field(description="true when the node limit cut the neighbourhood")


# --- articles ------------------------------------------------------------------------------


class ArticleInfo(Model):
    """A source article as the API shows it (its text and internal keys stay in the graph)."""

    id: str
    title: str | None = None
    subtitle: str | None = None
    published: str | None = Field(None, description="publication time, ISO 8601")
    publisher: str | None = None
    url: str | None = None


class LoadedArticle(ArticleInfo):
    source_path: str | None = Field(None, description="the file it was loaded from, if any")


class ArticleListItem(Model):
    article: ArticleInfo
    mentions: int
    facts: int = Field(0, description="facts whose evidence lists this article")


class ArticlePage(Model):
    articles: list[ArticleListItem]
    next: str | None = None


class Fact(Model):
    type: str
    from_: EntityRef = Field(alias="from")
    to: EntityRef
    role: str | None = None
    since: str | None = None
    until: str | None = None
    title: str | None = None
    evidence: list[Evidence]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class ArticleDetail(Model):
    article: LoadedArticle
    mentions: list[EntityRef]
    facts: list[Fact]
