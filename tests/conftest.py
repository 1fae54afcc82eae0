"""Fixtures shared by every test folder. Each folder (graph/, validate/, api/, site/, report/,
curation/) keeps its own conftest.py for what only it needs."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from soilkg.paths import Project
from soilkg.sitegen import SiteInfo, build_site_info
from soilkg.validation import build_validated

REPO = Path(__file__).resolve().parent.parent

# Tests run the real `soilkg`, `oxigraph` and `pre-commit` commands: use the ones installed beside
# the Python that runs the tests (the project's venv), whether or not that venv is on PATH.
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")

# What the tests need from the machine. Locally a missing tool skips its tests; in CI (CI=true) it
# fails the run, so a green CI never hides a missing install step.
REQUIRED_TOOLS = ("soilkg", "oxigraph", "virtuoso-t", "isql-vt", "pre-commit", "soffice", "pdftotext",
                  "/usr/bin/chromium")


@pytest.fixture(scope="session", autouse=True)
def machine_has_the_tools() -> None:
    if os.environ.get("CI"):
        missing = [tool for tool in REQUIRED_TOOLS if shutil.which(tool) is None]
        assert missing == [], f"CI lacks {missing}: .ci/setup must install them"


CHROMIUM = "/usr/bin/chromium"  # Debian's chromium: the tests never download a browser
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole run: Playwright's sync API allows one driver per process at a time,
    so every folder's browser tests share this one."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def build_with(project: Project, build: Path, *, include_demo: bool = False, force: bool = False) -> SiteInfo:
    """`soilkg build` then `soilkg site build` of a project, into a build folder of the caller's own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOILKG_BUILD", str(build))
        # `soilkg build` makes the stores; the site is generated from the public one.
        stores = build_validated(project, include_demo=include_demo)
        return build_site_info(project, stores.path, force=force)


@pytest.fixture(scope="session")
def real_site(project: Project, tmp_path_factory: pytest.TempPathFactory) -> SiteInfo:
    """The site of the repository's real data, built once per session in a temporary build folder."""
    return build_with(project, tmp_path_factory.mktemp("site-real-build"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        return


@pytest.fixture(scope="session")
def site_url(real_site: SiteInfo) -> Iterator[str]:
    """The built site on a real HTTP server on a loopback port (as any static host serves it)."""
    handler = functools.partial(_QuietHandler, directory=str(real_site.path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(REPO)


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A build folder of the session's own, so tests never touch the developer's .soilkg/."""
    yield tmp_path_factory.mktemp("soilkg-build")
