"""Fixtures shared by every test folder. Each folder (graph/, validate/, api/, site/, report/,
curation/) keeps its own conftest.py for what only it needs."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from soilkg.paths import Project

REPO = Path(__file__).resolve().parent.parent

# Tests run the real `soilkg`, `oxigraph` and `pre-commit` commands: use the ones installed beside
# the Python that runs the tests (the project's venv), whether or not that venv is on PATH.
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")

# What the tests need from the machine. Locally a missing tool skips its tests; in CI (CI=true) it
# fails the run, so a green CI never hides a missing install step.
REQUIRED_TOOLS = ("soilkg", "oxigraph", "pre-commit", "soffice", "pdftotext", "/usr/bin/chromium")


@pytest.fixture(scope="session", autouse=True)
def machine_has_the_tools() -> None:
    if os.environ.get("CI"):
        missing = [tool for tool in REQUIRED_TOOLS if shutil.which(tool) is None]
        assert missing == [], f"CI lacks {missing}: .ci/setup must install them"


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(REPO)


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A build folder of the session's own, so tests never touch the developer's .soilkg/."""
    yield tmp_path_factory.mktemp("soilkg-build")
