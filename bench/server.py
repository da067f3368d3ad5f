"""Neo4j servers of the benchmark's own, in bench/work/, started with scripts/neo4j."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

from neo4j import Driver, GraphDatabase

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
PASSWORD = "allygraph-bench"


class Neo4jServer:
    """One Neo4j home with its own ports; never the dev (7687) or test (7688) servers."""

    def __init__(
        self, name: str, bolt: int, http: int, heap: str = "2g", pagecache: str = "2g"
    ) -> None:
        # ALLYGRAPH_BENCH_NEO4J_HOME, _BOLT_PORT, _HTTP_PORT (for "bench"; the name upper-cased
        # for another) move it, so two runs on one machine never share a server.
        key = f"ALLYGRAPH_{name.upper().replace('-', '_')}"
        self.home = Path(os.environ.get(f"{key}_NEO4J_HOME", WORK / f"neo4j-{name}"))
        self.bolt = int(os.environ.get(f"{key}_BOLT_PORT", bolt))
        self.http = int(os.environ.get(f"{key}_HTTP_PORT", http))
        self.heap, self.pagecache = heap, pagecache

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt}"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "ALLYGRAPH_NEO4J_HOME": str(self.home),
            "NEO4J_BOLT_PORT": str(self.bolt),
            "NEO4J_HTTP_PORT": str(self.http),
            "NEO4J_USER": "neo4j",
            "NEO4J_PASSWORD": PASSWORD,
            "NEO4J_HEAP": self.heap,
            "NEO4J_PAGECACHE": self.pagecache,
        }

    def script(self, *args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(ROOT / "scripts" / "neo4j"), *args],
            env=self.env(),
            check=True,
            text=True,
            capture_output=capture,
        )

    def start(self) -> float:
        t = time.perf_counter()
        self.script("start")
        return time.perf_counter() - t

    def stop(self) -> None:
        """Stop this home's server if a JVM runs on it, answering or not (``scripts/neo4j
        stop`` asks the launcher, so it is a no-op on a stopped home). Callers stop
        unconditionally: asking ``status`` first took a server that runs but does not answer
        yet for a stopped one, and ``wipe`` then started a second JVM on a locked store."""
        self.script("stop")

    def wipe(self) -> None:
        """An empty database in seconds: stop, delete its store and logs, start again
        (deleting 1M relationships in Cypher would take longer than the load)."""
        self.stop()
        for sub in ("databases/neo4j", "transactions/neo4j"):
            shutil.rmtree(self.home / "data" / sub, ignore_errors=True)
        self.start()

    def driver(self) -> Driver:
        drv = GraphDatabase.driver(self.uri, auth=("neo4j", PASSWORD))
        drv.verify_connectivity()
        return drv

    def settings_env(self) -> dict[str, str]:
        """Environment for an API process pointed at this server."""
        return {
            **os.environ,
            "NEO4J_URI": self.uri,
            "NEO4J_USER": "neo4j",
            "NEO4J_PASSWORD": PASSWORD,
            "NEO4J_DATABASE": "neo4j",
        }
