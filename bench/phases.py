"""Where one article's load spends its time: every query the one-article writer runs is
timed (and, on request, PROFILEd) by query name, and the transaction's inside is told apart
from what surrounds it (the fingerprint pre-read, opening the transaction, the commit).

The writer's own code runs unchanged: ``Phases`` swaps the ``run`` helper that
``loaders/article_writer.py`` and ``loaders/retract.py`` call for each query for a timed
copy of it (same Cypher, same parameters, same records and counters) and wraps the
transaction functions ``_write`` and ``_unload`` to see when they start and end. Benchmark
code only: nothing in the project imports it.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from neo4j import ManagedTransaction

from allygraph.loaders import article_writer, retract
from allygraph.queries import get_query

# Which phase each query of the one-article path belongs to.
PHASE_OF = {
    "lock_article": "lock",
    "articles_by_url": "lock",
    "fact_states": "summary diff",
    "retract_evidence": "retract",
    "retract_refold": "retract",
    "article_mentions": "retract",
    "retract_cleanup": "retract",
    "delete_article": "retract",
    "write_article": "write",
    "write_entities": "write",
    "write_mentions": "write",
    "write_relations": "write",
    "write_graph_version": "version bump",
}
PHASES = [
    "pre-read + begin",
    "lock",
    "summary diff",
    "retract",
    "write",
    "version bump",
    "python in tx",
    "commit",
]


def plan_summary(plan: Any) -> dict[str, Any]:
    """Total db hits of a PROFILE plan and its three costliest operators."""
    ops: list[tuple[int, str, int]] = []

    def walk(node: Any) -> None:
        args = node.get("args", {}) if isinstance(node, dict) else {}
        details = str(args.get("Details", ""))[:90]
        ops.append(
            (
                int(node.get("dbHits", 0)),
                f"{node['operatorType']} {details}".strip(),
                int(node.get("rows", 0)),
            )
        )
        for child in node.get("children", []):
            walk(child)

    walk(plan)
    ops.sort(reverse=True)
    return {
        "db_hits": sum(o[0] for o in ops),
        "top": [{"operator": o[1], "db_hits": o[0], "rows": o[2]} for o in ops[:3]],
    }


class Phases:
    """Per-article timings; ``with phases.article() as t:`` around one write_extraction or
    unload_article call fills ``t`` with seconds per phase and per query."""

    def __init__(self) -> None:
        self.current: dict[str, float] | None = None
        self.profile = False
        self.plans: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._marks: dict[str, float] = {}

    def _run(self, tx: ManagedTransaction, name: str, **params: Any) -> tuple[list[Any], Any]:
        query = get_query(name)
        text = ("PROFILE " + query.text) if self.profile else query.text
        t = time.perf_counter()
        result = tx.run(text, query.bind(**params))
        records = list(result)
        summary = result.consume()
        spent = time.perf_counter() - t
        if self.current is not None:
            self.current["q:" + name] = self.current.get("q:" + name, 0.0) + spent
        if self.profile and summary.profile:
            self.plans[name].append(plan_summary(summary.profile))
        return records, summary.counters

    def _wrap(self, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(tx: ManagedTransaction, *args: Any) -> Any:
            self._marks["in"] = time.perf_counter()
            try:
                return fn(tx, *args)
            finally:
                self._marks["out"] = time.perf_counter()

        return wrapped

    @contextmanager
    def installed(self) -> Iterator[Phases]:
        saved = (article_writer.run, retract.run, article_writer._write, retract._unload)
        article_writer.run = retract.run = self._run  # type: ignore[assignment]
        article_writer._write = self._wrap(saved[2])  # type: ignore[assignment]
        retract._unload = self._wrap(saved[3])  # type: ignore[assignment]
        try:
            yield self
        finally:
            article_writer.run, retract.run, article_writer._write, retract._unload = saved

    @contextmanager
    def article(self) -> Iterator[dict[str, float]]:
        timings: dict[str, float] = {}
        self.current, self._marks = timings, {}
        start = time.perf_counter()
        try:
            yield timings
        finally:
            end = time.perf_counter()
            self.current = None
            timings["total"] = end - start
            if "in" in self._marks:  # the transaction function ran (not short-circuited)
                inside = self._marks["out"] - self._marks["in"]
                timings["pre-read + begin"] = self._marks["in"] - start
                timings["commit"] = end - self._marks["out"]
                queries = {k: v for k, v in timings.items() if k.startswith("q:")}
                timings["python in tx"] = inside - sum(queries.values())
                for key, spent in queries.items():
                    phase = PHASE_OF.get(key[2:], "other")
                    timings[phase] = timings.get(phase, 0.0) + spent
