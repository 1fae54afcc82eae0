"""Report tests: the real CLI on the real graph, in a build folder of the session's own.

The three formats are generated once per session (and the DOCX converted to PDF once) to keep the
folder fast; each test reads the files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from report_cli import REPO, Cli, cli_for


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
