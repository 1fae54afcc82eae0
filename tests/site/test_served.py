"""`soilkg serve`'s app serves the site and the API on one origin: a resource IRI's path
opens its catalogue page. Real uvicorn on a loopback port, real HTTP client, real Chromium."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from soilkg.paths import Project
from soilkg.sitegen import SiteInfo
from tests.conftest import REPO

app_module = pytest.importorskip("soilkg.api.app")
settings_module = pytest.importorskip("soilkg.api.settings")
uvicorn = pytest.importorskip("uvicorn")


@pytest.fixture(scope="module")
def served(project: Project, real_site: SiteInfo) -> Iterator[str]:
    with pytest.MonkeyPatch.context() as patch:
        # The app finds the store and the site in the build folder the site was built in.
        patch.setenv("SOILKG_BUILD", str(real_site.path.parent))
        # What `soilkg serve` runs: the app behind its compression and limits.
        app = app_module.asgi(project, settings_module.Settings(workers=1))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "uvicorn did not start"
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
        server.should_exit = True
        thread.join(timeout=10)


def test_resource_iri_path_redirects_to_its_page(served: str) -> None:
    with httpx.Client(base_url=served, timeout=30) as client:
        answer = client.get("/id/network/netsob", headers={"Accept": "text/html"})
        assert answer.status_code == 303
        assert answer.headers["location"] == "/network/netsob/"
        page = client.get(answer.headers["location"])
        assert page.status_code == 200 and "International Network on Soil Biodiversity" in page.text
        home = client.get("/")
        assert home.status_code == 200 and 'class="skg-entries"' in home.text


def test_browser_follows_an_iri_to_its_page(browser: Any, served: str) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(served + "/id/organisation/fao")
    assert page.url == served + "/organisation/fao/"
    assert page.locator("h1").inner_text().startswith("Food and Agriculture Organization")
    # Relative links work from the directory URL the server redirects to.
    page.locator(".skg-kind a").first.click()
    assert page.url == served + "/organisation/index.html"
    assert page.locator(".skg-list tbody tr").count() > 1
    assert problems == []
    page.close()


def test_home_page_weighs_at_most_300_kb_transferred(browser: Any, served: str) -> None:
    """Bytes on the wire for the home page and everything it loads (search index included), as
    Chromium counts them (Network.loadingFinished encodedDataLength), from the served site."""
    page = browser.new_page()
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes: dict[str, int] = {}
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(served + "/index.html")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    total = sum(sizes.values())
    page.close()
    assert 0 < total <= 300_000, f"home page: {total} bytes transferred"


def test_query_page_wears_the_site_header(browser: Any, served: str) -> None:
    page = browser.new_page()
    page.goto(served + "/query")
    home = page.locator("header.skg-bar a.skg-bar__home")
    assert home.count() == 1
    home.click()
    page.wait_for_selector(".skg-entries")
    assert page.locator("link[href$='skg-bar.css']").count() == 0, "back on a catalogue page"
    page.close()


@pytest.mark.parametrize(("path", "heading"), [("/query", "chrome.query_title"), ("/docs", "chrome.docs_title")])
@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_query_and_api_pages_speak_the_readers_language(browser: Any, served: str, path: str, heading: str,
                                                        lang: str) -> None:
    """The language the catalogue remembers carries over: words, `lang`, `dir`, the header bar (one copy,
    server/static/bar.js); what exists only in English (YASGUI, the API's descriptions) is marked so."""
    strings = json.loads((REPO / "site" / "i18n" / f"{lang}.json").read_text(encoding="utf-8"))
    page = browser.new_page()
    try:
        page.goto(f"{served}{path}#lang={lang}")
        page.wait_for_function(f"() => document.documentElement.lang === {lang!r}")
        assert page.locator("h1").inner_text() == strings[heading]
        assert page.evaluate("() => document.documentElement.dir") == strings["_dir"]
        assert page.locator("header.skg-bar a.skg-bar__home").inner_text() == strings["site_name"]
        assert page.locator("header.skg-bar a[aria-current='page']").count() == 1
        assert page.locator("#yasgui[lang='en'], #operations[lang='en']").count() == 1
    finally:
        page.close()
