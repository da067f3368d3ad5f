"""scripts/neo4j never puts the Neo4j password on a command line (issue 12): argv is
visible to every user in the process list. Java and curl are replaced by fakes that record
their arguments, so this runs in a second without Neo4j."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
from pathlib import Path

from tests.conftest import ROOT

PASSWORD = 'n0t-on-argv "quoted" \\ #hash'

FAKE_JAVA = """#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$RECORD/argv"
for arg in "$@"; do
  if [[ $arg == @* ]]; then
    cat "${arg#@}" >> "$RECORD/atfile"
    stat -c '%a' "${arg#@}" >> "$RECORD/atfile-mode"
  fi
done
"""
FAKE_CURL = """#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$RECORD/argv"
cat >> "$RECORD/curl-config"
echo '{"results":[],"errors":[]}'
"""


def fake(path: Path, text: str) -> None:
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


def run_script(tmp_path: Path, *args: str) -> Path:
    record = tmp_path / "record"
    record.mkdir(exist_ok=True)
    bin_dir = tmp_path / "bin"
    (bin_dir / "jdk" / "bin").mkdir(parents=True, exist_ok=True)
    fake(bin_dir / "jdk" / "bin" / "java", FAKE_JAVA)
    fake(bin_dir / "curl", FAKE_CURL)
    fake(bin_dir / "mvn", "#!/usr/bin/env bash\nexit 0\n")
    home = tmp_path / "home"
    pom = (ROOT / "scripts" / "neo4j-dist" / "pom.xml").read_text()
    version = re.search(r"<neo4j.version>(.*)</neo4j.version>", pom)
    assert version
    (home / "lib").mkdir(parents=True, exist_ok=True)
    (home / "lib" / f".installed-{version.group(1)}").touch()
    with socket.socket() as bolt:  # `status` also checks that the Bolt port is open
        bolt.bind(("127.0.0.1", 0))
        bolt.listen()
        env = {
            **os.environ,
            "PATH": f"{bin_dir}:{os.environ['PATH']}",
            "JAVA_HOME": str(bin_dir / "jdk"),
            "RECORD": str(record),
            "ALLYGRAPH_NEO4J_HOME": str(home),
            "NEO4J_BOLT_PORT": str(bolt.getsockname()[1]),
            "NEO4J_HTTP_PORT": "1",
            "NEO4J_USER": "neo4j",
            "NEO4J_PASSWORD": PASSWORD,
        }
        for command in args:
            subprocess.run(
                [str(ROOT / "scripts" / "neo4j"), command], env=env, check=True, timeout=60
            )
    return record


def test_password_reaches_neo4j_admin_and_curl_off_the_command_line(tmp_path: Path) -> None:
    record = run_script(tmp_path, "install", "status")
    argv = (record / "argv").read_text()
    assert "set-initial-password @" in argv  # neo4j-admin got an argument file
    assert " -K - " in argv  # curl read its config from stdin
    assert "n0t-on-argv" not in argv
    # picocli's @file and curl's config both take one double-quoted, escaped string
    assert (record / "atfile").read_text() == '"n0t-on-argv \\"quoted\\" \\\\ #hash"'
    assert (record / "atfile-mode").read_text().strip() == "600"
    assert (record / "curl-config").read_text() == (
        'user = "neo4j:n0t-on-argv \\"quoted\\" \\\\ #hash"\n'
    )
    assert not list((tmp_path / "home" / "run").glob("initial-password*"))  # removed
