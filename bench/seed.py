"""The seed graph for the query benchmark: the hand-checked gold extractions (the seed
article and the dev set), written through the project's writer one article at a time."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml
from neo4j import Driver

from allygraph.loaders.writer import write_extraction
from allygraph.models import Article, Entity, Evidence, Extraction, Relation
from allygraph.queries import get_query
from bench.server import ROOT

SEOUL = timezone(timedelta(hours=9))


def gold_files() -> list[Path]:
    folder = Path(os.environ.get("ALLYGRAPH_GOLD_DIR", "/work/shared/gold"))
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.yaml") if p.name != "README.md")


def extraction_from_gold(path: Path) -> Extraction:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    sentences = list(dict.fromkeys(str(r["evidence"]) for r in gold.get("relations", [])))
    text = "\n".join(sentences) or str(gold.get("title", path.stem))
    offsets, pos = {}, 0
    for s in sentences:
        offsets[s] = (pos, pos + len(s))
        pos += len(s) + 1
    article_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    published = datetime.fromisoformat(str(gold["published"])).replace(hour=9, tzinfo=SEOUL)
    article = Article(
        id=article_id,
        title=str(gold.get("title", path.stem)),
        published=published,
        publisher=gold.get("source"),
        source_path=str(gold.get("article", path.name)),
        paragraphs=sentences or [text],
        text=text,
    )
    entities = []
    for e in gold.get("entities", []):
        fields = {k: e[k] for k in ("id", "type", "name", "name_en", "aliases", "place") if k in e}
        if e.get("type") == "Agreement":
            fields.update(
                {k: str(e[k]) if k == "date" else e[k] for k in ("date", "objectives") if k in e}
            )
        entities.append(Entity(**fields))
    relations = []
    for r in gold.get("relations", []):
        start, end = offsets[str(r["evidence"])]
        relations.append(
            Relation(
                type=r["type"],
                from_=r["from"],
                to=r["to"],
                since=str(r["since"]) if r.get("since") is not None else None,
                until=str(r["until"]) if r.get("until") is not None else None,
                role=r.get("role"),
                title=r.get("title"),
                evidence=Evidence(
                    article_id=article_id, sentence=str(r["evidence"]), start=start, end=end
                ),
            )
        )
    return Extraction(article=article, entities=entities, relations=relations)


def article_files() -> list[Path]:
    """The project's articles, and the gold dev set's article texts when present."""
    files = sorted((ROOT / "data" / "articles").glob("*.txt"))
    folder = Path(os.environ.get("ALLYGRAPH_GOLD_DIR", "/work/shared/gold")) / "dev"
    return files + (sorted(folder.glob("*.txt")) if folder.is_dir() else [])


def load_seed(driver: Driver) -> dict[str, Any]:
    """The real pipeline (intake, extractor, overrides) over the articles, each written with
    write_extraction; the hand-made gold extractions when the pipeline is not there."""
    loaded, failed, source = 0, [], "pipeline"
    try:
        from allygraph.loaders.pipeline import extract_path
    except ImportError:
        extract_path = None  # type: ignore[assignment]
    if extract_path is not None:
        for path in article_files():
            try:
                write_extraction(driver, extract_path(path), database="neo4j")
                loaded += 1
            except Exception as exc:  # an article the pipeline refuses is reported
                failed.append(f"{path.name}: {exc}"[:200])
    if not loaded:
        source = "gold"
        for path in gold_files():
            try:
                write_extraction(driver, extraction_from_gold(path), database="neo4j")
                loaded += 1
            except Exception as exc:  # a malformed gold file is reported, not fatal
                failed.append(f"{path.name}: {exc}"[:200])
    records, _, _ = driver.execute_query(
        get_query("graph_sample").text, limit=200, database_="neo4j"
    )
    row = records[0]
    return {
        "articles": loaded,
        "failed": failed,
        "source": source,
        "alliances": sorted(row["alliances"]),
        "orgs": sorted(row["orgs"]),
        "names": sorted(row["names"]),
    }
