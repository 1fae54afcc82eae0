"""Fixtures for the catalogue site: sites built into the session's own build folders, a loopback
static server, and headless Debian Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from soilkg.paths import Project
from soilkg.sitegen import SiteInfo, build_site_info

FIXTURE = Path(__file__).resolve().parent / "fixture"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def build_with(project: Project, build: Path, *, include_demo: bool = False, force: bool = False) -> SiteInfo:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOILKG_BUILD", str(build))
        return build_site_info(project, include_demo=include_demo, force=force)


@pytest.fixture(scope="session")
def site_builder() -> Callable[..., SiteInfo]:
    """``build(project, build_folder, **options)``: a site built in a build folder of the test's own."""
    return build_with


@pytest.fixture(scope="session")
def fixture_project() -> Project:
    """A few resources whose facts all come from the source document (tests/site/fixture/README.md)."""
    return Project(FIXTURE)


@pytest.fixture(scope="session")
def real_site(project: Project, tmp_path_factory: pytest.TempPathFactory) -> SiteInfo:
    """The site of the repository's real data, built once per session in a temporary build folder."""
    return build_with(project, tmp_path_factory.mktemp("site-real-build"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        return


@pytest.fixture(scope="session")
def site_url(real_site: SiteInfo) -> Iterator[str]:
    """The built site on a real HTTP server on a loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(real_site.path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
