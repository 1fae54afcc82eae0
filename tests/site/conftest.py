"""Fixtures for the catalogue site: sites built into the session's own build folders, a loopback
static server, and headless Debian Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from soilkg.paths import Project
from soilkg.sitegen import SiteInfo
from tests.conftest import build_with

FIXTURE = Path(__file__).resolve().parent / "fixture"


@pytest.fixture(scope="session")
def site_builder() -> Callable[..., SiteInfo]:
    """``build(project, build_folder, **options)``: a site built in a build folder of the test's own."""
    return build_with


@pytest.fixture(scope="session")
def fixture_project() -> Project:
    """A few resources whose facts all come from the source document (tests/site/fixture/README.md)."""
    return Project(FIXTURE)
