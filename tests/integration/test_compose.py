"""docker-compose.yml is valid for users with Docker (no engine here: `config` only)."""

from __future__ import annotations

import shutil
import subprocess

import yaml

from tests.conftest import ROOT


def test_compose_file_validates_and_wires_the_stack() -> None:
    compose = shutil.which("docker-compose")
    assert compose, "docker-compose is installed by `make system-deps`"
    result = subprocess.run(
        [compose, "-f", str(ROOT / "docker-compose.yml"), "config"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load(result.stdout)
    services = config["services"]
    assert services["neo4j"]["image"] == "neo4j:5.26-community"
    assert "healthcheck" in services["neo4j"]
    for dependent in ("api", "loader"):
        assert services[dependent]["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert services["api"]["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert any(
        str(p).startswith("127.0.0.1:") or "127.0.0.1" in str(p) for p in services["neo4j"]["ports"]
    )
    assert "neo4j-data" in config["volumes"]
