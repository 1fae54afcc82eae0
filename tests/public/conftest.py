"""Fixtures of the public-view tests (helpers in public_project.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from soilkg import store
from soilkg.paths import Project
from tests.public.public_project import make_project


@pytest.fixture()
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """The test project, its stores built (parsing only: these tests are about what each store holds)."""
    project = make_project(tmp_path / "project")
    monkeypatch.setenv("SOILKG_BUILD", str(tmp_path / "build"))
    store.build(project)
    return project
