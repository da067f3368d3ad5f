"""A synthetic graph shaped like ours, at any scale, deterministic from a seed.

``make_corpus(relationships=1_000_000)`` gives about 100k organisations, 5k alliances, 20k
people, 50k agreements, 5k products and 10k articles, linked by exactly the requested number
of relationships: alliance sizes follow a power law, and one hub alliance has every
organisation as a member (100k at the 1M scale). Dates run from 2016 to 2025 at the
precision articles give (year, month or day). Everything is an ``allygraph.models`` object,
so it goes through the project's own writer.

``write_articles(folder, n)`` writes N Korean article files in the style of the seed (title,
date line, subtitle, caption, body paragraphs, publisher footer), built from templates with
registry-like names, for the extractor benchmark.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from allygraph.models import Article, Entity, Evidence, Relation

SEOUL = timezone(timedelta(hours=9))
FULL_SCALE = 1_000_000

# Hangul syllables with a romanisation, to build names and slugs that look like the registry.
SYLLABLES = [
    ("한", "han"),
    ("빛", "bit"),
    ("미", "mi"),
    ("래", "rae"),
    ("세", "se"),
    ("진", "jin"),
    ("솔", "sol"),
    ("누", "nu"),
    ("리", "ri"),
    ("다", "da"),
    ("온", "on"),
    ("새", "sae"),
    ("별", "byeol"),
    ("하", "ha"),
    ("늘", "neul"),
    ("가", "ga"),
    ("람", "ram"),
    ("보", "bo"),
    ("람", "ram"),
    ("수", "su"),
    ("아", "a"),
    ("인", "in"),
    ("지", "ji"),
    ("우", "u"),
    ("주", "ju"),
    ("태", "tae"),
    ("양", "yang"),
    ("서", "seo"),
    ("도", "do"),
    ("현", "hyeon"),
    ("대", "dae"),
    ("성", "seong"),
    ("윤", "yun"),
    ("정", "jeong"),
    ("민", "min"),
    ("영", "yeong"),
]
COMPANY_SUFFIXES = [
    ("전자", "electronics", "electronics"),
    ("텔레콤", "telecom", "telecom"),
    ("소프트", "soft", "software"),
    ("랩스", "labs", "ai"),
    ("AI", "ai", "ai"),
    ("반도체", "semiconductor", "semiconductor"),
    ("모빌리티", "mobility", "automotive"),
    ("네트웍스", "networks", "telecom"),
    ("헬스케어", "healthcare", "software"),
    ("금융", "finance", "finance"),
    ("로보틱스", "robotics", "ai"),
    ("클라우드", "cloud", "software"),
]
ORG_KINDS = [  # (type, weight, Korean suffix, slug suffix, sector)
    ("Company", 80, None, None, None),
    ("University", 8, "대학교", "university", "education"),
    ("ResearchInstitute", 7, "연구원", "institute", "research"),
    ("GovernmentBody", 5, "부", "ministry", "government"),
]
SURNAMES = [
    ("김", "kim"),
    ("이", "lee"),
    ("박", "park"),
    ("최", "choi"),
    ("정", "jung"),
    ("강", "kang"),
    ("조", "cho"),
    ("윤", "yoon"),
    ("장", "jang"),
    ("임", "lim"),
]
TITLES = ["대표이사", "사장", "부사장", "CTO", "최고기술책임자", "연구소장", "총장", "원장", "장관"]
ALLIANCE_FORMS = [
    ("{} AI 얼라이언스", "{} AI Alliance"),
    ("{} AI 동맹", "{} AI Coalition"),
    ("{} 인공지능 협의체", "{} AI Council"),
    ("{} 초거대AI 연합", "{} Hyperscale AI Union"),
]
PUBLISHERS = ["아주경제", "전자신문", "디지털타임스", "한국경제", "매일경제", "연합뉴스"]
HUB_ID = "k-ai-alliance"
MENTIONS_PER_ARTICLE = 10

# Share of each relationship type in the total (MEMBER_OF takes the remainder).
SHARES = {
    "PARTY_TO": 0.15,
    "SIGNED": 0.05,
    "HOLDS_POSITION": 0.02,
    "LEADS": 0.005,
    "COMPETES_WITH": 0.06,
    "PARTNERS_WITH": 0.08,
    "DEVELOPS": 0.015,
}


@dataclass
class Corpus:
    seed: int
    scale: float
    entities: list[Entity]
    articles: list[Article]
    relations: list[Relation]
    mentions: dict[str, list[str]] = field(default_factory=dict)
    hub_id: str = HUB_ID
    small_alliance_id: str = ""
    sample_org_ids: list[str] = field(default_factory=list)
    sample_alliance_ids: list[str] = field(default_factory=list)
    sample_names: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        by_type: dict[str, int] = {}
        for e in self.entities:
            by_type[e.type] = by_type.get(e.type, 0) + 1
        rels: dict[str, int] = {}
        for r in self.relations:
            rels[r.type] = rels.get(r.type, 0) + 1
        return {
            "articles": len(self.articles),
            **by_type,
            "relationships": len(self.relations),
            "mentions": sum(len(v) for v in self.mentions.values()),
            **{f"rel:{k}": v for k, v in sorted(rels.items())},
        }


def _name(rng: random.Random, parts: int) -> tuple[str, str]:
    picked = [rng.choice(SYLLABLES) for _ in range(parts)]
    return "".join(k for k, _ in picked), "".join(r for _, r in picked)


def _partial_date(rng: random.Random, start: datetime, end: datetime) -> tuple[str, datetime]:
    day = start + timedelta(days=rng.randrange(max((end - start).days, 1)))
    precision = rng.random()
    if precision < 0.2:
        return f"{day.year}", datetime(day.year, 1, 1)
    if precision < 0.6:
        return f"{day.year}-{day.month:02d}", datetime(day.year, day.month, 1)
    return day.strftime("%Y-%m-%d"), day


def make_corpus(relationships: int = FULL_SCALE, seed: int = 7) -> Corpus:
    """The synthetic graph with exactly ``relationships`` relationships (at least 1,000).

    One random stream makes everything, in a fixed order (articles, then each entity type,
    then each relationship type), so a seed always gives the same corpus.
    """
    rng = random.Random(seed)
    s = max(relationships, 1000) / FULL_SCALE
    n_orgs, n_alliances = max(int(100_000 * s), 200), max(int(5_000 * s), 10)
    n_people, n_agreements = max(int(20_000 * s), 40), max(int(50_000 * s), 100)
    n_products, n_articles = max(int(5_000 * s), 10), max(int(10_000 * s), 20)
    begin, end = datetime(2016, 1, 1), datetime(2025, 6, 30)

    articles = _articles(rng, n_articles, begin, end)
    g = _Graph(rng, articles, end)
    g.orgs = _organisations(rng, n_orgs)
    g.alliances, g.founded = _alliances(rng, n_alliances, begin)
    g.people = _people(rng, n_people)
    g.agreements, g.agreement_dates = _agreements(rng, n_agreements, begin)
    g.products = _products(rng, n_products)
    entities = [*g.orgs, *g.alliances, *g.people, *g.agreements, *g.products]

    budget = {k: round(v * relationships) for k, v in SHARES.items()}
    budget["LEADS"] = min(budget["LEADS"], n_alliances)
    budget["MEMBER_OF"] = relationships - sum(budget.values())
    leaders = g.leads(budget["LEADS"])
    sizes = g.memberships(budget["MEMBER_OF"], leaders)
    g.agreement_ties(budget["PARTY_TO"], budget["SIGNED"])
    g.bilateral(budget)
    relations = g.relations

    assert len(relations) == relationships, (len(relations), relationships)
    # Each article mentions the first MENTIONS_PER_ARTICLE entities its evidence names.
    mentions: dict[str, list[str]] = {}
    for r in relations:
        names = mentions.setdefault(r.evidence.article_id, [])
        for node in (r.from_, r.to):
            if len(names) < MENTIONS_PER_ARTICLE and node not in names:
                names.append(node)
    alliances, orgs = g.alliances, g.orgs
    small = next(a.id for ai, a in reversed(list(enumerate(alliances))) if sizes[ai] >= 3)
    pick = random.Random(seed + 1)
    return Corpus(
        seed=seed,
        scale=s,
        entities=entities,
        articles=articles,
        relations=relations,
        mentions=mentions,
        small_alliance_id=small,
        sample_org_ids=[o.id for o in pick.sample(orgs, min(200, n_orgs))],
        sample_alliance_ids=[a.id for a in pick.sample(alliances[1:], min(200, n_alliances - 1))],
        sample_names=[o.name for o in pick.sample(orgs, min(200, n_orgs))],
    )


def _articles(rng: random.Random, n: int, begin: datetime, end: datetime) -> list[Article]:
    """Articles with a title only: relationships cite them as evidence."""
    articles: list[Article] = []
    for i in range(n):
        published = begin + timedelta(
            minutes=rng.randrange(int((end - begin).total_seconds() // 60))
        )
        title = f"합성 기사 {i}: AI 협력 소식"
        articles.append(
            Article.model_construct(
                id=f"synthetic-{i:07d}",
                title=title,
                subtitle=None,
                published=published.replace(tzinfo=SEOUL),
                publisher=rng.choice(PUBLISHERS),
                url=f"https://news.example.kr/{i}",
                source_path=None,
                paragraphs=[title],
                captions=[],
                text=title,
                sentences=[],
            )
        )
    return articles


def _organisations(rng: random.Random, n: int) -> list[Entity]:
    orgs: list[Entity] = []
    kinds = [k for k in ORG_KINDS for _ in range(k[1])]
    for i in range(n):
        kind, _, ko_suffix, en_suffix, sector = rng.choice(kinds)
        ko, roman = _name(rng, rng.choice((2, 2, 3)))
        if kind == "Company":
            ko_suffix, en_suffix, sector = rng.choice(COMPANY_SUFFIXES)
        name = f"{ko}{ko_suffix}"
        slug = f"{roman}-{en_suffix}-{i:x}"
        orgs.append(
            Entity.model_construct(
                id=slug,
                type=kind,
                name=name,
                name_en=f"{roman.title()} {en_suffix.title()}" if en_suffix else roman.title(),
                aliases=[f"{ko} {ko_suffix}"] if i % 3 == 0 else [],
                country="KR",
                sector=sector,
            )
        )
    return orgs


def _alliances(rng: random.Random, n: int, begin: datetime) -> tuple[list[Entity], list[datetime]]:
    """The hub alliance first (everyone's a member), then ``n - 1`` others; founding days."""
    alliances: list[Entity] = [
        Entity.model_construct(
            id=HUB_ID,
            type="Alliance",
            name="K-AI 얼라이언스",
            name_en="K-AI Alliance",
            aliases=["케이에이아이 얼라이언스"],
        )
    ]
    founded: list[datetime] = [datetime(2016, 3, 1)]
    for i in range(1, n):
        ko, roman = _name(rng, 2)
        ko_form, en_form = rng.choice(ALLIANCE_FORMS)
        alliances.append(
            Entity.model_construct(
                id=f"{roman}-alliance-{i:x}",
                type="Alliance",
                name=ko_form.format(ko),
                name_en=en_form.format(roman.title()),
            )
        )
        founded.append(begin + timedelta(days=rng.randrange(3000)))
    return alliances, founded


def _people(rng: random.Random, n: int) -> list[Entity]:
    people: list[Entity] = []
    for i in range(n):
        sur_ko, sur_en = rng.choice(SURNAMES)
        ko, roman = _name(rng, 2)
        people.append(
            Entity.model_construct(
                id=f"{sur_en}-{roman}-{i:x}",
                type="Person",
                name=f"{sur_ko}{ko}",
                name_en=f"{sur_en.title()} {roman.title()}",
            )
        )
    return people


def _agreements(rng: random.Random, n: int, begin: datetime) -> tuple[list[Entity], list[str]]:
    agreements: list[Entity] = []
    agreement_dates: list[str] = []
    for i in range(n):
        day = begin + timedelta(days=rng.randrange(3400))
        iso = day.strftime("%Y-%m-%d")
        agreement_dates.append(iso)
        agreements.append(
            Entity.model_construct(
                id=f"mou-{iso}-{i:x}",
                type="Agreement",
                name=f"AI 업무협약 {i}",
                name_en=f"AI MOU {i}",
                aliases=["업무협약", "MOU"],
                date=iso,
                place=rng.choice(["서울 종로구", "서울 강남구", "판교", "대전 유성구"]),
                objectives=["AI 기술 공동개발", "인재양성"],
            )
        )
    return agreements, agreement_dates


def _products(rng: random.Random, n: int) -> list[Entity]:
    products: list[Entity] = []
    for i in range(n):
        ko, roman = _name(rng, 3)
        products.append(
            Entity.model_construct(
                id=f"{roman}-product-{i:x}",
                type="Product",
                name=f"{ko}",
                name_en=roman.title(),
            )
        )
    return products


@dataclass
class _Graph:
    """The entities and the relationships made so far; every relationship cites a random
    article, drawn from the same stream as everything else."""

    rng: random.Random
    articles: list[Article]
    end: datetime
    orgs: list[Entity] = field(default_factory=list)
    alliances: list[Entity] = field(default_factory=list)
    founded: list[datetime] = field(default_factory=list)
    people: list[Entity] = field(default_factory=list)
    agreements: list[Entity] = field(default_factory=list)
    agreement_dates: list[str] = field(default_factory=list)
    products: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def add(self, kind: str, a: Entity, b: Entity, sentence: str, **extra: str | None) -> None:
        art = self.articles[self.rng.randrange(len(self.articles))]
        evidence = Evidence.model_construct(
            article_id=art.id, sentence=sentence, start=0, end=len(sentence)
        )
        self.relations.append(
            Relation.model_construct(
                type=kind,
                from_=a.id,
                to=b.id,
                since=extra.get("since"),
                until=extra.get("until"),
                role=extra.get("role"),
                title=extra.get("title"),
                evidence=evidence,
            )
        )

    def leads(self, budget: int) -> dict[int, int]:
        """LEADS: an organisation leads an alliance (and is its leader member, below)."""
        rng, orgs, alliances = self.rng, self.orgs, self.alliances
        leaders: dict[int, int] = {}
        for ai in range(budget):
            leaders[ai] = rng.randrange(len(orgs))
            self.add(
                "LEADS",
                orgs[leaders[ai]],
                alliances[ai],
                f"{orgs[leaders[ai]].name}이(가) 주도하는 '{alliances[ai].name}'",
            )
        return leaders

    def memberships(self, budget: int, leaders: dict[int, int]) -> list[int]:
        """MEMBER_OF: the hub takes every organisation; the rest follow a power law.
        Returns each alliance's size."""
        rng, orgs, n_orgs = self.rng, self.orgs, len(self.orgs)
        sizes = _member_sizes(budget, n_orgs, len(self.alliances))
        for ai, size in enumerate(sizes):
            if size == 0:
                continue
            alliance = self.alliances[ai]
            members = (
                range(n_orgs) if ai == 0 and size == n_orgs else rng.sample(range(n_orgs), size)
            )
            lead = leaders.get(ai)
            for oi in members:
                since, since_dt = _partial_date(rng, self.founded[ai], self.end)
                until = None
                if rng.random() < 0.1:
                    until = _partial_date(
                        rng, since_dt + timedelta(days=400), self.end + timedelta(days=800)
                    )[0]
                role = "leader" if oi == lead else ("founder" if rng.random() < 0.05 else "member")
                self.add(
                    "MEMBER_OF",
                    orgs[oi],
                    alliance,
                    f"{orgs[oi].name}이(가) '{alliance.name}'에 합류했다",
                    since=since,
                    until=until,
                    role=role,
                )
        return sizes

    def agreement_ties(self, party_budget: int, signed_budget: int) -> None:
        """PARTY_TO: three parties per agreement (distinct), SIGNED: one signer per agreement."""
        rng, orgs, agreements = self.rng, self.orgs, self.agreements
        n_agreements = len(agreements)
        per_agreement = max(party_budget // n_agreements, 1)
        left = party_budget
        for gi, agreement in enumerate(agreements):
            k = min(
                per_agreement + (1 if gi < party_budget - per_agreement * n_agreements else 0),
                left,
            )
            for oi in rng.sample(range(len(orgs)), k):
                self.add(
                    "PARTY_TO",
                    orgs[oi],
                    agreement,
                    f"{orgs[oi].name}은(는) {agreement.name}을 체결했다",
                    since=self.agreement_dates[gi],
                )
            left -= k
        people = self.people
        signed = _unique_pairs(rng, signed_budget, len(people), n_agreements, symmetric=False)
        for pi, gi in signed:
            self.add(
                "SIGNED", people[pi], agreements[gi], f"{people[pi].name} 대표가 협약에 서명했다"
            )

    def bilateral(self, budget: dict[str, int]) -> None:
        """HOLDS_POSITION, COMPETES_WITH, PARTNERS_WITH and DEVELOPS: distinct random pairs."""
        rng, orgs, people, products = self.rng, self.orgs, self.people, self.products
        n_orgs = len(orgs)
        positions = _unique_pairs(
            rng, budget["HOLDS_POSITION"], len(people), n_orgs, symmetric=False
        )
        for pi, oi in positions:
            title = rng.choice(TITLES)
            self.add(
                "HOLDS_POSITION",
                people[pi],
                orgs[oi],
                f"{people[pi].name} {orgs[oi].name} {title}",
                title=title,
            )
        for kind in ("COMPETES_WITH", "PARTNERS_WITH"):
            for a, b in _unique_pairs(rng, budget[kind], n_orgs, n_orgs, symmetric=True):
                word = "경쟁사인" if kind == "COMPETES_WITH" else "협력사인"
                self.add(kind, orgs[a], orgs[b], f"{orgs[a].name}와(과) {word} {orgs[b].name}")
        developed = _unique_pairs(rng, budget["DEVELOPS"], n_orgs, len(products), symmetric=False)
        for oi, pi in developed:
            self.add(
                "DEVELOPS",
                orgs[oi],
                products[pi],
                f"{orgs[oi].name}의 AI 플랫폼 {products[pi].name}",
            )


def _member_sizes(budget: int, n_orgs: int, n_alliances: int) -> list[int]:
    """How many members each alliance gets: the hub as many as it can, the rest by a power
    law capped at half the organisations, the shortfall topped up from the long tail."""
    hub_size = min(n_orgs, budget)
    rest = budget - hub_size
    weights = [1.0 / (rank**1.1) for rank in range(1, n_alliances)]
    total_w = sum(weights)
    cap = max(n_orgs // 2, 2)
    sizes = [min(max(int(rest * w / total_w), 0), cap) for w in weights]
    shortfall = rest - sum(sizes)
    i = len(sizes) - 1
    while shortfall > 0 and sizes:  # top up the long tail, one member at a time
        if sizes[i] < cap:
            sizes[i] += 1
            shortfall -= 1
        i = i - 1 if i > 0 else len(sizes) - 1
    return [hub_size, *sizes]


def _unique_pairs(
    rng: random.Random, n: int, left: int, right: int, *, symmetric: bool
) -> list[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    out: list[tuple[int, int]] = []
    limit = left * right // (2 if symmetric else 1)
    n = min(n, limit - (left if symmetric else 0))
    while len(out) < n:
        a, b = rng.randrange(left), rng.randrange(right)
        if symmetric:
            if a == b:
                continue
            a, b = min(a, b), max(a, b)
        if (a, b) not in seen:
            seen.add((a, b))
            out.append((a, b))
    return out


# ---------------------------------------------------------------------------------------
# Synthetic article files for the extractor benchmark.

ARTICLE_TEMPLATE = (Path(__file__).parent / "article_template.txt").read_text(encoding="utf-8")


def iter_article_texts(
    n: int, seed: int = 11, registry: list[dict] | None = None
) -> Iterator[tuple[str, str]]:
    """(file name, text) of N articles; names come from the registry when given."""
    rng = random.Random(seed)
    companies = [e["name"] for e in (registry or []) if e.get("type") == "Company"]
    alliances = [e["name"] for e in (registry or []) if e.get("type") == "Alliance"]
    people = [e["name"] for e in (registry or []) if e.get("type") == "Person"]
    unis = [
        e["name"] for e in (registry or []) if e.get("type") in ("University", "ResearchInstitute")
    ]

    def org() -> str:
        if companies and rng.random() < 0.7:
            return rng.choice(companies)
        ko, _ = _name(rng, 2)
        return ko + rng.choice(COMPANY_SUFFIXES)[0]

    def person() -> str:
        if people and rng.random() < 0.5:
            return rng.choice(people)
        return rng.choice(SURNAMES)[0] + _name(rng, 2)[0]

    for i in range(n):
        day = datetime(2017, 1, 1) + timedelta(
            days=rng.randrange(3000), minutes=rng.randrange(1440)
        )
        a, b, c, d, f, g, h = (org() for _ in range(7))
        e = rng.choice(unis) if unis else _name(rng, 2)[0] + "대학교"
        alliance = (
            rng.choice(alliances)
            if alliances and rng.random() < 0.5
            else (rng.choice(ALLIANCE_FORMS)[0].format(_name(rng, 2)[0]))
        )
        rival = rng.choice(ALLIANCE_FORMS)[0].format(_name(rng, 2)[0])
        text = ARTICLE_TEMPLATE.format(
            title=f"{a}·{b}·{c}, AI 기술협력 '맞손'",
            stamp=day.strftime("%Y-%m-%d %H:%M"),
            subtitle=f"'{alliance}'에서 AI 생태계 확대",
            a=a,
            b=b,
            c=c,
            d=d,
            e=e,
            f=f,
            g=g,
            h=h,
            caption=f"{person()} {a} 대표(왼쪽부터), {person()} {b} 사장이 기념촬영을 하고 있다.",
            product=_name(rng, 3)[0],
            alliance=alliance,
            rival=rival,
            day=day.day,
            month=max(day.month - 1, 1),
            place=rng.choice(["서울 종로구 광화문빌딩", "판교 사옥"]),
            person=person(),
            person2=person(),
            publisher=f"'{rng.choice(PUBLISHERS)}'",
        )
        yield f"{day:%Y-%m-%d}-synthetic-{i:05d}.txt", text


def write_articles(
    folder: Path, n: int, seed: int = 11, registry: list[dict] | None = None
) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in iter_article_texts(n, seed, registry):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def load_registry_entries(path: Path) -> list[dict]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError:
        return []
    return [e for e in data.get("entries", []) if isinstance(e, dict)]
