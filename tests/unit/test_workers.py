"""Extraction worker processes: the time budget, errors that come back as they were raised,
and a batch that goes on past a bad article (real workers, real extractor)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from allygraph.errors import IntakeError
from allygraph.loaders.pipeline import extract_path, extract_text
from allygraph.loaders.workers import ArticleTooComplex, WorkerPool

META = {"published": "2020-06-03"}
GOOD = "KT, LG전자와 'AI 원팀' 결성\n\nKT와 LG전자가 'AI 원팀'을 결성했다고 3일 밝혔다."
# Mention-dense text: what made the extractor run for minutes before it was linear; a
# megabyte of it still takes far longer than the one-second budget below.
DENSE = "제목\n\n" + "KT와 LG전자가 협력했다. " * 40_000


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    with WorkerPool(size=1, budget=1.0) as workers:
        yield workers


def test_an_article_past_the_budget_is_refused_and_the_pool_goes_on(pool: WorkerPool) -> None:
    with pytest.raises(ArticleTooComplex) as refused:
        pool.run(extract_text, DENSE, META, label="dense.txt")
    assert refused.value.status == 422
    assert "dense.txt: article too complex" in refused.value.message
    assert "1 s" in refused.value.message and "nothing was written" in refused.value.message
    extraction = pool.run(extract_text, GOOD, META)  # a fresh worker took the killed one's place
    assert {e.id for e in extraction.entities} >= {"kt", "lg-electronics", "ai-one-team"}


def test_an_error_in_the_worker_comes_back_as_raised(pool: WorkerPool) -> None:
    with pytest.raises(IntakeError) as caught:
        pool.run(extract_text, "제목만 있다", META)
    assert "no body text" in caught.value.message


def test_a_batch_yields_each_result_in_order_and_failures_in_place(
    pool: WorkerPool, tmp_path: Path
) -> None:
    paths = []
    for name, text in (("a", GOOD), ("b", "제목만 있다"), ("c", GOOD.replace("3일", "4일"))):
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        path.with_suffix(".json").write_text('{"published": "2020-06-03"}', encoding="utf-8")
        paths.append(path)
    results = list(pool.map(extract_path, [(p,) for p in paths], [p.name for p in paths]))
    assert [type(r).__name__ for r in results] == ["Extraction", "IntakeError", "Extraction"]
    first, _, last = results
    assert not isinstance(first, Exception) and not isinstance(last, Exception)
    assert first.article.sentences[1].text != last.article.sentences[1].text


def test_a_pool_needs_a_worker_and_a_budget() -> None:
    with pytest.raises(ValueError):
        WorkerPool(size=0)
    with pytest.raises(ValueError):
        WorkerPool(size=1, budget=0)
