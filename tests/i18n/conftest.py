"""The real data's site (`real_site`, `site_url` and `browser` come from tests/conftest.py): the measures
open it in headless Debian Chromium (never a downloaded browser)."""

from __future__ import annotations

from pathlib import Path

import pytest

from soilkg.sitegen import SiteInfo


@pytest.fixture(scope="session")
def built_site(real_site: SiteInfo) -> Path:
    assert (real_site.path / "index.html").is_file()
    return real_site.path
