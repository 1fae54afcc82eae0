"""Fixtures shared by every test folder. Each folder (graph/, validate/, api/, site/, report/,
curation/) keeps its own conftest.py for what only it needs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from soilkg.paths import Project

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(REPO)


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A build folder of the session's own, so tests never touch the developer's .soilkg/."""
    yield tmp_path_factory.mktemp("soilkg-build")
