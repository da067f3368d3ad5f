"""A bulk first load: import files instead of transactions, into an empty database.

``bulk_load`` writes the import files of a ``BulkGraph`` (``loaders/bulk_rows.py``,
``loaders/bulk_csv.py``), then, on the local server that ``scripts/neo4j`` runs:

1. checks that the database is empty (else ``BulkRefused``, nothing touched);
2. stops the server (Community Edition imports only into a stopped server);
3. runs ``neo4j-admin database import full`` into the database;
4. starts the server again, applies ``cypher/schema.cypher`` (constraints, range and
   full-text indexes, built from the imported store), and sets what CSV could not say.

The server is found from the one that answers at ``NEO4J_URI``: its data directory names
its home, and only a home whose ``neo4j.conf`` scripts/neo4j wrote is stopped and
started; any other server (a cluster, Aura, a package install) is refused, since this
command cannot stop it. The graph version is imported with the nodes: one move per
article written, as the transactional path counts.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path
from typing import Any

from neo4j import Driver
from pydantic import BaseModel, SecretStr

from allygraph.db import apply_schema, create_driver, driver_session
from allygraph.errors import AllygraphError, LoadError
from allygraph.loaders.bulk_csv import ImportFiles
from allygraph.loaders.bulk_rows import BulkGraph, build_files
from allygraph.loaders.rows import batches
from allygraph.queries import get_query
from allygraph.settings import Settings

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "neo4j"
CONF_MARK = "# Written by scripts/neo4j"


class BulkRefused(AllygraphError):
    """A bulk load that would overwrite a graph or stop a server it does not manage."""

    status = 409
    title = "Bulk load refused"


class BulkSummary(BaseModel):
    """What one bulk load wrote, and the time each phase took (seconds)."""

    nodes: int = 0
    relationships: int = 0
    node_fixes: int = 0
    fact_fixes: int = 0
    graph_version: int = 0
    seconds_files: float = 0.0
    seconds_stop: float = 0.0
    seconds_import: float = 0.0
    seconds_start: float = 0.0
    seconds_schema: float = 0.0
    seconds_fixes: float = 0.0


class LocalServer(BaseModel):
    """A Neo4j home run by scripts/neo4j, with the ports it listens on."""

    home: Path
    bolt_port: int
    http_port: int
    user: str = "neo4j"
    password: SecretStr

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "ALLYGRAPH_NEO4J_HOME": str(self.home),
            "NEO4J_BOLT_PORT": str(self.bolt_port),
            "NEO4J_HTTP_PORT": str(self.http_port),
            "NEO4J_USER": self.user,
            "NEO4J_PASSWORD": self.password.get_secret_value(),
        }

    def script(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(SCRIPT), *args], env=self.env(), text=True, capture_output=True, check=False
        )

    def run(self, *args: str) -> str:
        done = self.script(*args)
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-12:]
            raise LoadError(f"scripts/neo4j {args[0]} failed: " + " | ".join(tail))
        return done.stdout + done.stderr


def _port(address: str) -> int:
    return int(address.rsplit(":", 1)[1])


def locate(driver: Driver, settings: Settings) -> LocalServer:
    """The scripts/neo4j home of the server ``driver`` talks to, or ``BulkRefused``."""
    names = ["server.directories.data", "server.bolt.listen_address", "server.http.listen_address"]
    try:
        records, _, _ = driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value",
            names=names,
            database_="system",
        )
    except Exception as exc:  # an Aura or cluster user may not see settings at all
        raise BulkRefused(f"--bulk cannot tell where this Neo4j runs ({exc})") from None
    found = {r["name"]: r["value"] for r in records}
    home = Path(found.get("server.directories.data", "/nonexistent")).parent
    conf = home / "conf" / "neo4j.conf"
    if not conf.is_file() or not conf.read_text(encoding="utf-8").startswith(CONF_MARK):
        raise BulkRefused(
            f"--bulk stops and starts the local Neo4j that scripts/neo4j runs; the one at "
            f"{settings.neo4j_uri} is not one of those (home {home}): load without --bulk"
        )
    return LocalServer(
        home=home,
        bolt_port=_port(found["server.bolt.listen_address"]),
        http_port=_port(found["server.http.listen_address"]),
        user=settings.neo4j_user,
        password=settings.neo4j_password,
    )


def node_count(driver: Driver, database: str) -> int:
    records, _, _ = driver.execute_query(get_query("graph_counts").text, database_=database)
    return int(records[0]["nodes"])


def check_empty(driver: Driver, database: str) -> None:
    nodes = node_count(driver, database)
    if nodes:
        raise BulkRefused(
            f"--bulk loads into an empty database only, and {database} holds {nodes:,} nodes: "
            "empty it first (allygraph reset --yes) or load without --bulk"
        )


def preflight(settings: Settings) -> LocalServer:
    """The server to import into, once it is known to be ours and empty."""
    with driver_session(settings) as driver:  # unreachable: one line, no retries
        server = locate(driver, settings)
        check_empty(driver, settings.neo4j_database)
    return server


def run_import(server: LocalServer, database: str, files: ImportFiles) -> str:
    """``neo4j-admin database import full`` of ``files`` into ``database`` (server stopped)."""
    report = files.folder / "import.report"
    args = ["admin", "database", "import", "full", database, *files.options()]
    args += ["--overwrite-destination=true", f"--report-file={report}", "--verbose"]
    done = server.script(*args)
    if done.returncode != 0:
        lines = (done.stdout + done.stderr).splitlines()
        why = [ln.strip() for ln in lines if "Exception" in ln or "Caused by" in ln]
        raise LoadError("neo4j-admin import failed: " + " | ".join((why or lines)[-6:]))
    return done.stdout


def discard_store(server: LocalServer, database: str) -> None:
    """After a failed import: the database's store files, which the importer leaves
    unusable; the server makes an empty database again when it starts."""
    import shutil

    for sub in ("databases", "transactions"):
        shutil.rmtree(server.home / "data" / sub / database, ignore_errors=True)


def apply_fixes(driver: Driver, database: str, files: ImportFiles) -> None:
    """Set by key what the CSV files could not carry (``loaders/bulk_csv.py``)."""
    entities = [f.model_dump() for f in files.node_fixes if f.label == "Entity"]
    articles = [f.model_dump() for f in files.node_fixes if f.label == "Article"]
    facts = [
        {"type": f.type, "from": f.from_id, "to": f.to_id, "props": f.props}
        for f in files.fact_fixes
    ]
    driver.execute_query(get_query("write_bulk_empty_aliases").text, database_=database)
    for name, rows in (
        ("write_bulk_fix_entities", entities),
        ("write_bulk_fix_articles", articles),
        ("write_bulk_fix_facts", facts),
    ):
        text = get_query(name).text
        for chunk in batches(rows):
            driver.execute_query(text, rows=chunk, database_=database)


def _timed(summary: BulkSummary, phase: str, started: float) -> float:
    now = time.perf_counter()
    setattr(summary, f"seconds_{phase}", round(now - started, 3))
    return now


def bulk_load(graph: BulkGraph, settings: Settings, folder: Path, jobs: int = 1) -> BulkSummary:
    """Import ``graph`` into the empty database of the local server (see the module); the
    fact files are written by ``jobs`` processes."""
    database = settings.neo4j_database
    server = preflight(settings)
    summary = BulkSummary(graph_version=graph.version)
    t = time.perf_counter()
    files = build_files(graph, folder, jobs)
    summary.node_fixes, summary.fact_fixes = len(files.node_fixes), len(files.fact_fixes)
    t = _timed(summary, "files", t)
    server = preflight(settings)  # again: nothing may have been written meanwhile
    server.run("stop")
    t = _timed(summary, "stop", t)
    try:
        run_import(server, database, files)
    except LoadError:
        discard_store(server, database)  # it was empty: leave it empty, not broken
        server.run("start")
        raise
    t = _timed(summary, "import", t)
    server.run("start")
    t = _timed(summary, "start", t)
    driver = create_driver(settings)
    try:
        apply_schema(driver, database)
        t = _timed(summary, "schema", t)
        apply_fixes(driver, database, files)
        _timed(summary, "fixes", t)
        counts = _counts(driver, database)
    finally:
        driver.close()
    summary.nodes, summary.relationships = counts["nodes"], counts["relationships"]
    return summary


def _counts(driver: Driver, database: str) -> dict[str, Any]:
    records, _, _ = driver.execute_query(get_query("graph_counts").text, database_=database)
    return dict(records[0])
