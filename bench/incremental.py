"""Incremental load at scale: one article at a time into the 1M-relationship graph, the
everyday case once the graph exists (issue 14, item 4).

    .venv/bin/python -m bench.incremental [--relationships 1000000] [--articles 200]

The graph is the load benchmark's synthetic corpus (``bench/corpus.py``) written by the
project's bulk writer, on a Neo4j of its own (``bench/work/neo4j-incr``, bolt 7746, http
7747; kept between runs, and rebuilt only when it does not hold the corpus). Then, each
through ``write_extraction`` / ``unload_article`` (one transaction per article, as
``allygraph load`` and ``POST /articles`` do), with the time of every phase
(``bench/phases.py``):

* **new**: articles that name known entities (a tenth of them the hub alliance with its
  100k members) and state 15 facts, two thirds of them new, a third adding evidence to
  facts the graph holds;
* **unchanged**: the same articles again (the fingerprint read, nothing written);
* **replaced**: the same articles with another extraction (a fact dropped, one added):
  the old evidence retracted and the new written in one transaction;
* **unload**: every one of them taken out again, so the graph ends as it began.

The first article of each kind also runs with every query PROFILEd (not timed). The
extractor's share is measured beside it on synthetic Korean articles of the benchmark's
template (``bench/corpus.write_articles``). Results: ``bench/results/incremental.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from neo4j import Driver

from allygraph.loaders.retract import unload_article
from allygraph.loaders.writer import write_extraction, write_graph
from allygraph.models import Article, Entity, Evidence, Extraction, Relation, Sentence
from bench.corpus import SEOUL, Corpus, make_corpus
from bench.load import counts, reset
from bench.phases import PHASES, Phases
from bench.server import Neo4jServer

RESULTS = Path(__file__).resolve().parent / "results" / "incremental.json"
SERVER = ("incr", 7746, 7747)  # the 1M graph; other scales on a second server, kept apart
SMALL_SERVER = ("incr-small", 7748, 7749)


def build(server: Neo4jServer, corpus: Corpus) -> dict[str, Any]:
    """The corpus in the graph, by the writer's bulk path; reused when already there."""
    driver = server.driver()
    try:
        want = len(corpus.relations) + sum(len(v) for v in corpus.mentions.values())
        have = counts(driver)
        if have["relationships"] == want:
            return {"reused": True, "graph": have}
        reset(driver)
        t = time.perf_counter()
        write_graph(
            driver,
            corpus.entities,
            corpus.relations,
            articles=corpus.articles,
            mentions=corpus.mentions,
            database="neo4j",
        )
        return {
            "reused": False,
            "seconds": round(time.perf_counter() - t, 1),
            "graph": counts(driver),
        }
    finally:
        driver.close()


class ArticleMaker:
    """Everyday articles about the corpus's entities, deterministic from a seed."""

    def __init__(self, corpus: Corpus, seed: int = 11) -> None:
        by_type: dict[str, list[Entity]] = {}
        for e in corpus.entities:
            by_type.setdefault(e.type, []).append(e)
        self.orgs = [
            e for t in ("Company", "University", "ResearchInstitute") for e in by_type.get(t, [])
        ]
        self.alliances, self.people = by_type["Alliance"], by_type["Person"]
        self.agreements, self.products = by_type["Agreement"], by_type["Product"]
        self.hub = next(a for a in self.alliances if a.id == corpus.hub_id)
        self.existing = [r for r in corpus.relations if r.type == "MEMBER_OF"]
        self.index = {e.id: e for e in corpus.entities}

    def make(self, i: int, variant: int = 0) -> Extraction:
        rng = random.Random(f"{i}")  # the same article each time; variant changes one fact
        alliance = self.hub if i % 10 == 0 else rng.choice(self.alliances[1:])
        orgs = rng.sample(self.orgs, 6)
        person, agreement, product = (
            rng.choice(self.people),
            rng.choice(self.agreements),
            rng.choice(self.products),
        )
        known = rng.sample(self.existing, 5)  # facts the graph holds: new evidence for them
        entities = {e.id: e for e in [alliance, *orgs, person, agreement, product]}
        ids = {e.id for e in entities.values()}
        for r in known:
            for node in (r.from_, r.to):
                if node not in ids:
                    entities[node] = self.index[node]
                    ids.add(node)
        article_id = f"incr-{i:06d}"
        published = datetime(2025, 7, 1, 9, 0, tzinfo=SEOUL) + timedelta(hours=i)
        facts: list[tuple[str, str, str, dict[str, str]]] = [
            *[
                ("MEMBER_OF", o.id, alliance.id, {"since": "2025-07", "role": "member"})
                for o in orgs[:4]
            ],
            *[("PARTY_TO", o.id, agreement.id, {}) for o in orgs[:3]],
            ("SIGNED", person.id, agreement.id, {}),
            ("HOLDS_POSITION", person.id, orgs[0].id, {"title": "대표이사"}),
            ("DEVELOPS", orgs[1].id, product.id, {}),
            *[(r.type, r.from_, r.to, {"since": r.since or "2025"}) for r in known],
        ]
        if variant:  # another extraction of the same article: a fact dropped, one added
            facts = [*facts[1:], ("PARTNERS_WITH", orgs[4].id, orgs[5].id, {})]
        text = "\n".join(
            f"{a}와 {b}의 AI 협력 ({t}) 문장 {k}." for k, (t, a, b, _) in enumerate(facts)
        )
        sentences, relations, start = [], [], 0
        for line, (kind, a, b, extra) in zip(text.split("\n"), facts, strict=True):
            end = start + len(line)
            sentences.append(Sentence.model_construct(text=line, start=start, end=end, kind="body"))
            evidence = Evidence.model_construct(
                article_id=article_id, sentence=line, start=start, end=end
            )
            relations.append(
                Relation.model_construct(
                    type=kind,
                    from_=a,
                    to=b,
                    since=extra.get("since"),
                    until=None,
                    role=extra.get("role"),
                    title=extra.get("title"),
                    evidence=evidence,
                )
            )
            start = end + 1
        article = Article.model_construct(
            id=article_id,
            title=f"증분 기사 {i}",
            subtitle=None,
            published=published,
            publisher="아주경제",
            url=f"https://news.example.kr/incr/{i}",
            source_path=None,
            paragraphs=text.split("\n"),
            captions=[],
            text=text,
            sentences=sentences,
        )
        return Extraction.model_construct(
            article=article, entities=list(entities.values()), relations=relations
        )


def percentiles(values: list[float]) -> dict[str, float]:
    """p50 / p90 / p99 / max in milliseconds."""
    ms = sorted(v * 1000 for v in values)
    if not ms:
        return {}
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]  # noqa: E731
    return {
        "n": len(ms),
        "p50": round(statistics.median(ms), 1),
        "p90": round(pick(0.90), 1),
        "p99": round(pick(0.99), 1),
        "max": round(ms[-1], 1),
    }


def phase_table(runs: list[dict[str, float]]) -> dict[str, Any]:
    """Median milliseconds per phase and per query, and each phase's share of the total."""
    keys = sorted({k for r in runs for k in r})
    med = {k: statistics.median([r.get(k, 0.0) for r in runs]) * 1000 for k in keys}
    total = sum(statistics.mean([r.get(k, 0.0) for r in runs]) for k in PHASES) or 1e-9
    share = {k: round(statistics.mean([r.get(k, 0.0) for r in runs]) / total, 3) for k in PHASES}
    return {
        "median_ms": {k: round(v, 2) for k, v in med.items()},
        "share_of_mean": share,
    }


def measure(driver: Driver, maker: ArticleMaker, n: int) -> dict[str, Any]:
    """Every article through the four kinds of load, timed by phase."""
    phases = Phases()
    out: dict[str, Any] = {}
    plans: dict[str, dict[str, Any]] = {}
    with phases.installed():
        for kind in ("new", "unchanged", "replaced", "unload"):
            runs: list[dict[str, float]] = []
            statuses: dict[str, int] = {}
            for i in range(n + 1):
                phases.profile = i == 0  # the first of each kind: PROFILEd, not timed
                with phases.article() as timings:
                    status = _one(driver, maker, kind, i)
                statuses[status] = statuses.get(status, 0) + 1
                if i == 0:
                    plans[kind] = {q: p[-1] for q, p in phases.plans.items()}
                    phases.plans.clear()
                else:
                    runs.append(timings)
            out[kind] = {
                "statuses": statuses,
                "latency_ms": percentiles([r["total"] for r in runs]),
                **phase_table(runs),
            }
            print(f"  {kind}: {out[kind]['latency_ms']} {statuses}", flush=True)
    out["profiles"] = plans
    return out


def _one(driver: Driver, maker: ArticleMaker, kind: str, i: int) -> str:
    if kind == "unload":
        unload_article(driver, f"incr-{i:06d}", "neo4j")
        return "unloaded"
    variant = 1 if kind == "replaced" else 0
    return write_extraction(driver, maker.make(i, variant), "neo4j").status


def extract_timings(n: int) -> dict[str, Any]:
    """The extractor on synthetic articles in the benchmark's template, in this process
    (after one warm-up article: Kiwi's model is loaded once per process)."""
    from allygraph.loaders.pipeline import extract_path
    from bench.corpus import write_articles

    with tempfile.TemporaryDirectory() as folder:
        paths = sorted(write_articles(Path(folder), n + 1))
        extract_path(paths[0])
        spent = []
        for path in paths[1:]:
            t = time.perf_counter()
            extract_path(path)
            spent.append(time.perf_counter() - t)
    return percentiles(spent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.incremental")
    parser.add_argument("--relationships", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--stop", action="store_true", help="stop the Neo4j afterwards")
    args = parser.parse_args(argv)
    import os

    started = time.perf_counter()
    full = args.relationships == 1_000_000
    server = Neo4jServer(*(SERVER if full else SMALL_SERVER))
    results_path = RESULTS if full else RESULTS.with_name(f"incremental-{args.relationships}.json")
    server.start()
    t = time.perf_counter()
    corpus = make_corpus(args.relationships)
    print(
        f"corpus of {args.relationships:,} relationships in {time.perf_counter() - t:.0f} s",
        flush=True,
    )
    results: dict[str, Any] = {
        "started": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "loadavg_start": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "relationships": args.relationships,
        "build": build(server, corpus),
    }
    print(f"graph: {results['build']}", flush=True)
    if not args.build_only:
        driver = server.driver()
        try:
            results["articles"] = measure(driver, ArticleMaker(corpus), args.articles)
            results["graph_after"] = counts(driver)
        finally:
            driver.close()
        results["extract_ms"] = extract_timings(50)
        print(f"  extract: {results['extract_ms']}", flush=True)
        results["loadavg_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
        results["seconds"] = round(time.perf_counter() - started, 1)
        results_path.parent.mkdir(parents=True, exist_ok=True)
        results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"results: {results_path}", flush=True)
    if args.stop:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
