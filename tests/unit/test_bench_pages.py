"""The web page timing's section of BENCHMARKS.md (bench/pages.py): one row per page,
marked against the 300 ms target by its p95, errors shown as such."""

from __future__ import annotations

from bench import pages


def test_table_marks_each_page_against_the_target() -> None:
    result = {
        "articles": 11,
        "rounds": 30,
        "target_ms": 300,
        "pages": {
            "home": {"path": "/", "p50": 12.0, "p95": 40.5, "max": 50.0, "kb": 2.8},
            "compare": {"path": "/compare", "p50": 120.0, "p95": 310.0, "max": 400.0, "kb": 9},
            "gone": {"path": "/alliance/x", "error": "HTTP 404"},
        },
    }
    lines = pages.table(result)
    assert "### Web pages on the demo graph" in lines
    rows = [line for line in lines if line.startswith("| ") and "`" in line]
    assert rows[0] == "| home | `/` | 12.0 | 40.5 | 50.0 | 2.8 | yes |"
    assert rows[1].endswith("| **no** |")
    assert rows[2] == "| gone | `/alliance/x` | HTTP 404 | | | | no |"
    assert pages.table(None) == []


def test_pages_are_the_ones_a_new_user_opens() -> None:
    paths = [path for _, path in pages.PAGES]
    assert "/" in paths and "/alliance/ai-one-team" in paths
    assert any(p.startswith("/compare?ids=ai-one-team&ids=ai-super-cooperation") for p in paths)
