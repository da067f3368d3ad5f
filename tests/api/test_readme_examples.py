"""Every ``curl`` example in README.md works as pasted: each one, with only the API's base
URL pointed at a test server (on the seed graph, with an API key as ``make up`` sets one),
answers 2xx. Korean parameters must go through ``--data-urlencode``: raw UTF-8 in a URL
is a 400 from the HTTP server before the API sees it."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator

import pytest
from neo4j import Driver
from pydantic import SecretStr

from allygraph.settings import Settings
from tests.conftest import ROOT, ServerThread

README = ROOT / "README.md"
BASES = ("http://127.0.0.1:8000", "http://localhost:8000")
KEY = "readme-example-key"
# Examples that cannot run here, each with the reason; every other curl line runs.
NOT_RUN = {
    "https://www.ajunews.com/": "fetches a news page from the internet",
}


def readme_curl_commands(text: str) -> list[str]:
    """``curl`` commands of the README: lines of its shell blocks (with ``\\``
    continuations joined) and inline code spans that start with ``curl``."""
    commands: list[str] = []
    for block in re.findall(r"```(?:bash|sh|shell)\n(.*?)```", text, flags=re.S):
        for line in re.sub(r"\\\n\s*", " ", block).splitlines():
            if line.strip().startswith("curl "):
                commands.append(line.strip())
    commands += re.findall(r"`(curl [^`]+)`", text)
    return commands


COMMANDS = readme_curl_commands(README.read_text(encoding="utf-8"))


def test_the_readme_has_curl_examples_including_korean() -> None:
    assert len(COMMANDS) >= 8
    assert any("--data-urlencode" in c and re.search(r"[가-힣]", c) for c in COMMANDS)
    for command in COMMANDS:
        # Hangul (or any non-ASCII) in a URL is a 400: it belongs in --data-urlencode.
        for url in re.findall(r"https?://[^\s'\"]+", command):
            assert url.isascii(), f"{command!r}: use curl -G --data-urlencode"


@pytest.fixture(scope="module")
def keyed_server(test_settings: Settings, driver: Driver) -> Iterator[ServerThread]:
    settings = test_settings.model_copy(update={"api_key": SecretStr(KEY)})
    with ServerThread(settings) as server:
        yield server


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_curl_example_answers_2xx(
    command: str, keyed_server: ServerThread, seed_graph: Driver
) -> None:
    skip = [why for marker, why in NOT_RUN.items() if marker in command]
    if skip:
        pytest.skip(skip[0])
    curl = shutil.which("curl")
    assert curl, "curl is installed by `make system-deps`"
    assert any(base in command for base in BASES), command
    for base in BASES:
        command = command.replace(base, keyed_server.url)
    # Every `curl` of the pasted line reports only its status code.
    script = f"curl() {{ {curl} -sS -o /dev/null -w '%{{http_code}}' \"$@\"; }}\n{command}\n"
    done = subprocess.run(
        ["bash", "-c", script],
        env={"PATH": "/usr/bin:/bin", "API_KEY": KEY, "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"2\d\d", done.stdout.strip()), f"{command}: {done.stdout} {done.stderr}"
