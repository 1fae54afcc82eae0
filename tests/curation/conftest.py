"""Fixtures of the curation tests: a sandbox copy of the sources with a good build (session), and
a fresh one for tests that change files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.curation.sandbox import Sandbox, built_sandbox, copy_sources


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    """The sources plus the valid synthetic case studies, with a good build (the "last good store")."""
    yield built_sandbox(tmp_path_factory.mktemp("curation-repo"))


@pytest.fixture
def fresh_sandbox(tmp_path: Path) -> Sandbox:
    """A sandbox of the test's own, for tests that add or change files."""
    root = tmp_path / "repo"
    root.mkdir()
    copy_sources(root)
    return Sandbox(root, root / ".soilkg")
