"""Every session names its database (``NEO4J_DATABASE``): on a cluster or Aura a session
without one asks the server for the home database first, one more round trip, and lands on
the wrong database wherever the user's home database is not ours. Checked on the source,
so a new call site cannot forget it."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("allygraph", "loaders", "service")
# Driver and session methods that open a session or a transaction, and their keyword.
CALLS = {"session": "database", "execute_query": "database_"}


def calls_without_database() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                keyword = CALLS.get(node.func.attr)
                names = {k.arg for k in node.keywords}
                if keyword and keyword not in names and None not in names:  # None: **kwargs
                    found.append(f"{Path(path).relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_session_and_query_names_its_database() -> None:
    assert calls_without_database() == []
