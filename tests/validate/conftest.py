"""Fixtures of the validation tests: a fresh repository copy per test, with its own build folder."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from soilkg.paths import Project

from .helpers import make_repo


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("pristine") / "repo")


@pytest.fixture
def repo(tmp_path: Path, pristine: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Project]:
    """A fresh copy per test, with its own build folder (never the developer's .soilkg/)."""
    root = tmp_path / "repo"
    shutil.copytree(pristine, root)
    monkeypatch.setenv("SOILKG_ROOT", str(root))
    monkeypatch.setenv("SOILKG_BUILD", str(tmp_path / "build"))
    yield Project(root)


@pytest.fixture
def repo_root(tmp_path: Path, pristine: Path) -> Path:
    """A fresh repository copy for subprocess tests (they pass SOILKG_ROOT themselves)."""
    root = tmp_path / "repo"
    shutil.copytree(pristine, root)
    return root
