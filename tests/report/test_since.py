"""`--since DATE`: what was added or changed since a date, from the git history of data/ (a real git
repository made for the test, with backdated commits) and from the dates in the graph."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from report_cli import REPO, Cli, cli_for

COPY = ("ontology", "shapes", "data", "server/queries", "pyproject.toml")


def _git(root: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def _copy_project(target: Path) -> Path:
    for name in COPY:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Cli, Path]:
    """A copy of the project whose data was committed on 2024-01-15; INSOP's file changed on 2025-06-01;
    INBS's file changed in the working tree and not committed."""
    root = _copy_project(tmp_path_factory.mktemp("since-repo"))
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "data as of January 2024", when="2024-01-15T12:00:00+00:00")
    with (root / "data/network/insop.ttl").open("a", encoding="utf-8") as handle:
        handle.write("\n# Edited for a test of --since (a comment: the facts are unchanged).\n")
    _git(root, "commit", "-q", "-am", "edit INSOP", when="2025-06-01T12:00:00+00:00")
    with (root / "data/network/inbs.ttl").open("a", encoding="utf-8") as handle:
        handle.write("\n# Uncommitted edit for a test of --since.\n")
    return cli_for(root, tmp_path_factory.mktemp("since-build")), root


def _changes_table(md: str) -> str:
    return md.split("## New or changed since", 1)[1].split("\n## ", 1)[0]


def test_since_lists_what_changed_and_marks_paragraphs(history: tuple[Cli, Path], tmp_path: Path) -> None:
    cli, _ = history
    out = tmp_path / "draft.md"
    result = cli.run("report", "--since", "2025-01-01", "--out", str(out))
    assert result.returncode == 0, result.stderr
    md = out.read_text()
    table = _changes_table(md)
    insop = next(line for line in table.splitlines() if "International Network on Soil Pollution" in line)
    assert "| changed |" in insop and "2025-06-01" in insop and "data/network/insop.ttl" in insop
    inbs = next(line for line in table.splitlines() if "International Network on Black Soils" in line)
    assert "changed, not yet committed" in inbs
    # Committed in January 2024 and untouched since: not new.
    assert "International Network on Soil Biodiversity" not in table
    # The graph's own dates: works due in 2025 are listed as such.
    assert re.search(r"published or due in the year of the date or later \| 2025 \|", table)
    # The paragraph drawing on INSOP (source paragraph 8) is marked; the Soil Doctors paragraph (10) is not.
    # (the reporter's appendix says which paragraphs draw on what changed)
    assert re.search(r"(?m)^- \*\*\d+\.\*\* \[?new since 2025-01-01; Source ¶8\b", md)
    assert not re.search(r"(?m)^- \*\*\d+\.\*\* \[?new since 2025-01-01; Source ¶10\b", md)


def test_since_a_later_date_leaves_out_older_commits(history: tuple[Cli, Path], tmp_path: Path) -> None:
    cli, _ = history
    out = tmp_path / "draft.html"
    result = cli.run("report", "--since", "2025-07-01", "--format", "html", "--out", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text()
    section = html.split('id="changes"', 1)[1].split("</section>", 1)[0]
    assert "International Network on Soil Pollution" not in section  # its commit is older than the date
    assert "International Network on Black Soils" in section  # the working tree is newer than any date


def test_since_rejects_a_bad_date(cli: Cli) -> None:
    result = cli.run("report", "--since", "March 2025")
    assert result.returncode == 2
    assert "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


def test_since_outside_a_git_clone_says_so(tmp_path_factory: pytest.TempPathFactory) -> None:
    root = _copy_project(tmp_path_factory.mktemp("no-git"))
    cli = cli_for(root, tmp_path_factory.mktemp("no-git-build"))
    result = cli.run("report", "--since", "2025-01-01")
    assert result.returncode == 2
    assert "git history" in result.stderr and "Traceback" not in result.stderr
