"""Report tests: the real CLI on the real graph, in a build folder of the session's own.

The three formats are generated once per session (and the DOCX converted to PDF once) to keep the
folder fast; each test reads the files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Cli:
    env: dict[str, str]
    cwd: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "soilkg.cli", *args], cwd=self.cwd, env=self.env,
                              capture_output=True, text=True, timeout=300, check=False)


def cli_for(root: Path, build: Path) -> Cli:
    env = {**os.environ, "SOILKG_ROOT": str(root), "SOILKG_BUILD": str(build), "NO_COLOR": "1",
           "COLUMNS": "200"}
    return Cli(env, root)


@pytest.fixture(scope="session")
def cli(build_dir: Path) -> Cli:
    return cli_for(REPO, build_dir)


@pytest.fixture(scope="session")
def reports(cli: Cli, build_dir: Path) -> Iterator[dict[str, Path]]:
    """The session 20 draft in each format, made by `soilkg report` as a reporter would run it."""
    out: dict[str, Path] = {}
    for fmt in ("md", "html", "docx"):
        result = cli.run("report", "--session", "20", "--format", fmt)
        assert result.returncode == 0, result.stderr
        path = Path(result.stdout.strip().splitlines()[-1])
        assert path == build_dir / "reports" / f"cgrfa-20-progress-report.{fmt}"
        out[fmt] = path
    yield out
