"""Neo4j failing under a load, without a Neo4j: the writer names the article and says
whether its commit is in doubt, and `allygraph load` prints that in one line and stops,
with no traceback; one article's unexpected error costs only that article."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from typer.testing import CliRunner

from allygraph.cli import app
from allygraph.errors import CommitInDoubt, DatabaseUnavailable
from allygraph.loaders.article_writer import WriteSummary, write_extraction
from tests.factories import extraction


class FakeSession:
    def __init__(self, read: Exception | None, write: Exception | None) -> None:
        self.read, self.write = read, write

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def execute_read(self, *args: Any) -> list[Any]:
        if self.read:
            raise self.read
        return []

    def execute_write(self, *args: Any) -> Any:
        if self.write:
            raise self.write
        raise AssertionError("unreachable")


class FakeDriver:
    def __init__(self, read: Exception | None = None, write: Exception | None = None) -> None:
        self.read, self.write = read, write

    def session(self, **kwargs: Any) -> FakeSession:
        return FakeSession(self.read, self.write)


@pytest.mark.parametrize("error", [ServiceUnavailable("gone"), SessionExpired("gone")])
def test_connection_lost_while_writing_is_a_commit_in_doubt(error: Exception) -> None:
    with pytest.raises(CommitInDoubt) as caught:
        write_extraction(FakeDriver(write=error), extraction("art-9"), "neo4j")  # type: ignore[arg-type]
    message = caught.value.message
    assert "art-9" in message and "in doubt" in message and "rerun is safe" in message
    assert "\n" not in message


def test_unreachable_before_writing_says_nothing_was_written() -> None:
    with pytest.raises(DatabaseUnavailable) as caught:
        write_extraction(FakeDriver(read=ServiceUnavailable("x")), extraction("art-9"), "neo4j")  # type: ignore[arg-type]
    assert not isinstance(caught.value, CommitInDoubt)
    assert "art-9" in caught.value.message and "nothing of it was written" in caught.value.message


@pytest.fixture
def fake_load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """Three article files; extraction and Neo4j faked, so only the CLI's handling runs
    (`--jobs 0`: a faked extractor lives in this process, not in the workers)."""
    import allygraph.db
    import allygraph.loaders.pipeline

    @contextmanager
    def no_driver(*args: Any) -> Iterator[object]:
        yield object()

    monkeypatch.setattr(allygraph.db, "driver_session", no_driver)
    monkeypatch.setattr(allygraph.db, "apply_schema", lambda *a: 0)
    monkeypatch.setattr(
        allygraph.loaders.pipeline, "extract_path", lambda path, **_: extraction(Path(path).stem)
    )
    paths = [tmp_path / f"a{i}.txt" for i in range(3)]
    for path in paths:
        path.write_text("x", encoding="utf-8")
    return paths


def test_neo4j_lost_mid_load_is_one_line_naming_the_article(
    fake_load: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import allygraph.loaders.article_writer as writer

    def write(driver: object, x: Any) -> WriteSummary:
        if x.article.id == "a1":
            raise CommitInDoubt(
                f"Neo4j failed while article {x.article.id} was being written "
                "(ServiceUnavailable): its commit is in doubt; a rerun is safe"
            )
        return WriteSummary(article_id=x.article.id, facts_created=3)

    monkeypatch.setattr(writer, "write_extraction", write)
    result = CliRunner().invoke(app, ["load", "--jobs", "0", str(fake_load[0].parent)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    (line,) = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert "a1.txt" in line and "a1 was being written" in line and "rerun is safe" in line
    assert "1 done before it (committed), 1 not tried" in result.output
    assert "new       " in result.output  # a0 was reported as loaded


def test_an_unexpected_error_costs_only_its_article(
    fake_load: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import allygraph.loaders.article_writer as writer

    def write(driver: object, x: Any) -> WriteSummary:
        if x.article.id == "a1":
            raise OverflowError("date value out of range")
        return WriteSummary(article_id=x.article.id)

    monkeypatch.setattr(writer, "write_extraction", write)
    result = CliRunner().invoke(app, ["load", "--jobs", "0", str(fake_load[0].parent)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "a1.txt: unexpected OverflowError: date value out of range" in result.output
    assert "new 2 · unchanged 0 · replaced 0 · failed 1" in result.output
