"""Fixtures of the reporting-cycle tests: a private copy of the repository's sources (never data/ of the
working tree), on which the real `soilkg` command runs in a subprocess (SOILKG_ROOT, SOILKG_BUILD).
Everything these tests add to the copy is synthetic and says so."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
COPIED = ("pyproject.toml", "ontology", "shapes", "data", "server/queries")
SOILKG = Path(sys.executable).parent / "soilkg"  # the command installed beside the Python running the tests
SOURCE_TEXT = REPO / "tests" / "graph" / "source" / "cgrfa-20-item-8-4.txt"


@dataclass(frozen=True)
class Repo:
    root: Path

    def env(self) -> dict[str, str]:
        return {**os.environ, "SOILKG_ROOT": str(self.root), "SOILKG_BUILD": str(self.root / ".soilkg"),
                "NO_COLOR": "1", "COLUMNS": "200"}

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """`soilkg ARGS` as a curator types it, in the copy (stdin is not a terminal: no prompts)."""
        return subprocess.run([str(SOILKG), *args], cwd=self.root, env=self.env(), capture_output=True, text=True,
                              input=stdin, timeout=180, check=False)

    def ok(self, *args: str) -> subprocess.CompletedProcess[str]:
        done = self.run(*args)
        assert done.returncode == 0, f"soilkg {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
        return done


def copy_repo(target: Path) -> Repo:
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return Repo(target)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A copy of the sources of the test's own."""
    return copy_repo(tmp_path / "repo")


@pytest.fixture(scope="module")
def module_repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """A copy shared by the tests of one module (they add files in order)."""
    return copy_repo(tmp_path_factory.mktemp("cycle") / "repo")
