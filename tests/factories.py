"""Small hand-made extractions for writer and API tests that must not depend on the extractor."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from allygraph.models import Article, Entity, Evidence, Extraction, Relation

SEOUL = ZoneInfo("Asia/Seoul")


PUBLISHED = datetime(2020, 6, 3, 15, 51, tzinfo=SEOUL)


def article(
    article_id: str = "art-1",
    text: str = "KT와 LG전자가 AI 원팀에 합류했다.",
    published: datetime = PUBLISHED,
) -> Article:
    return Article(
        id=article_id,
        title=f"title of {article_id}",
        published=published,
        publisher="아주경제",
        paragraphs=[text],
        text=text,
    )


def evidence(article_id: str, sentence: str = "KT와 LG전자가 AI 원팀에 합류했다.") -> Evidence:
    return Evidence(article_id=article_id, sentence=sentence, start=0, end=len(sentence))


def extraction(
    article_id: str = "art-1",
    *,
    extra: list[Relation] | None = None,
    published: datetime = PUBLISHED,
) -> Extraction:
    entities = [
        Entity(id="kt", type="Company", name="KT", name_en="KT Corporation", aliases=["케이티"]),
        Entity(id="lg-electronics", type="Company", name="LG전자", name_en="LG Electronics"),
        Entity(id="ai-one-team", type="Alliance", name="AI 원팀", name_en="AI One Team"),
        Entity(id="sk-telecom", type="Company", name="SK텔레콤", aliases=["SKT"]),
    ]
    ev = evidence(article_id)
    relations = [
        Relation(
            type="MEMBER_OF",
            from_="kt",
            to="ai-one-team",
            since="2020-02",
            role="leader",
            evidence=ev,
        ),
        Relation(
            type="MEMBER_OF",
            from_="lg-electronics",
            to="ai-one-team",
            since="2020-06-03",
            role="member",
            evidence=ev,
        ),
        Relation(type="COMPETES_WITH", from_="sk-telecom", to="kt", evidence=ev),
        *(extra or []),
    ]
    return Extraction(
        article=article(article_id, published=published), entities=entities, relations=relations
    )
