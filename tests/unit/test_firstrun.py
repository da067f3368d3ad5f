"""What ``make up`` prints and sets up (allygraph/firstrun.py): the addresses actually
configured, not fixed ones, and an API key generated into ``.env`` once."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from allygraph.firstrun import addresses, banner, ensure_api_key, main, read_dotenv

VARIABLES = (
    "API_HOST",
    "API_PORT",
    "API_KEY",
    "API_PUBLIC_URL",
    "NEO4J_URI",
    "NEO4J_USER",
    "NEO4J_PASSWORD",
    "NEO4J_BOLT_PORT",
    "NEO4J_HTTP_PORT",
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_key_is_generated_once_printed_once_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env_file = tmp_path / ".env"
    assert main(["ensure-key", "--env-file", str(env_file)]) == 0
    first = capsys.readouterr().out
    key = read_dotenv(env_file)["API_KEY"]
    assert len(key) >= 32 and key in first
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    assert main(["ensure-key", "--env-file", str(env_file)]) == 0
    assert capsys.readouterr().out == ""  # idempotent, and the key is not shown again
    assert read_dotenv(env_file)["API_KEY"] == key
    assert env_file.read_text().count("API_KEY=") == 1


def test_key_is_appended_to_an_existing_env_file(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("API_PORT=8123")  # no final newline
    key = ensure_api_key(env_file, {})
    assert key is not None
    assert read_dotenv(env_file) == {"API_PORT": "8123", "API_KEY": key}


@pytest.mark.parametrize(
    ("environ", "env_text"),
    [
        ({"API_KEY": "from-the-environment"}, ""),
        ({}, "API_KEY=already-here # a comment\n"),
        ({}, "API_KEY=\n"),  # left empty on purpose: ingest stays off
    ],
)
def test_a_configured_key_is_left_alone(
    tmp_path: Path, environ: dict[str, str], env_text: str
) -> None:
    env_file = tmp_path / ".env"
    if env_text:
        env_file.write_text(env_text)
    assert ensure_api_key(env_file, environ) is None
    assert (env_file.read_text() if env_file.exists() else "") == env_text


def test_banner_shows_defaults(tmp_path: Path) -> None:
    text = banner(addresses(tmp_path / ".env", {}))
    assert "Web app, API   http://127.0.0.1:8000/" in text
    assert "http://127.0.0.1:8000/docs" in text
    assert "http://localhost:7474/browser/   user neo4j, password allygraph-dev" in text
    assert "Bolt           bolt://127.0.0.1:7687" in text
    assert ":play http://localhost:8000/guide" in text
    assert "POST /articles and the ingest page are off" in text
    assert "warning" not in text


def test_banner_shows_the_configured_ports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "API_PORT=8200\nNEO4J_HTTP_PORT=7574\nNEO4J_BOLT_PORT=7587\n"
        "NEO4J_URI=bolt://127.0.0.1:7587\nAPI_KEY=k\nNEO4J_PASSWORD=s3cret\n"
    )
    monkeypatch.setenv("API_HOST", "0.0.0.0")
    monkeypatch.setenv("API_PORT", "8300")  # the environment wins over .env, as in the API
    found = addresses(env_file, {"API_HOST": "0.0.0.0", "API_PORT": "8300"})
    assert (found.host, found.port) == ("0.0.0.0", 8300)
    text = banner(found)
    assert "Web app, API   http://127.0.0.1:8300/" in text
    assert "http://localhost:7574/browser/" in text and "s3cret" not in text
    assert "Bolt           bolt://127.0.0.1:7587" in text
    assert ":play http://localhost:8300/guide" in text
    assert "API key        set (API_KEY in .env)" in text
    assert "warning" not in text


def test_banner_warns_when_the_api_would_miss_the_local_server(tmp_path: Path) -> None:
    text = banner(addresses(tmp_path / ".env", {"NEO4J_BOLT_PORT": "7700"}))
    assert "warning: NEO4J_URI (bolt://127.0.0.1:7687)" in text
    assert "NEO4J_URI=bolt://127.0.0.1:7700" in text


def test_docker_ports_are_the_ones_compose_publishes(tmp_path: Path) -> None:
    found = addresses(tmp_path / ".env", {"NEO4J_HTTP_PORT": "9999"}, docker=True)
    assert (found.bolt_port, found.http_port) == (7687, 7474)


def test_address_command_for_the_makefile(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "allygraph.firstrun", "address"],
        cwd=tmp_path,  # no .env there
        env={"PATH": "/usr/bin:/bin", "API_PORT": "8444"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.split() == ["127.0.0.1", "8444", "http://localhost:8444"]
