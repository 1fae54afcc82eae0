"""The query page in headless Chromium: examples load, a query runs, nothing is fetched off-site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.api.conftest import REPO, Server
from tests.api.named_cases import EXPECTED

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page of the session's Chromium (tests/conftest.py)."""
    opened = browser.new_page(viewport={"width": 1300, "height": 900})
    yield opened
    opened.close()


def test_query_page_runs_a_named_query_offline(embedded: Server, page: Any) -> None:
    off_site: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: off_site.append(r.url) if not r.url.startswith(embedded.base) else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    # A script the Content-Security-Policy blocks shows only as a console error.
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    response = page.goto(embedded.base + "/query")
    assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    # The catalogue's header, with the way back.
    assert page.locator("header a[href='/index.html']").first.is_visible()
    page.wait_for_selector("#examples button[data-query='publications-since']")
    page.click("button[data-query='publications-since']")
    page.locator(".yasqe_queryButton:visible").click()
    page.wait_for_selector(".yasr table tbody tr", timeout=15000)
    rows = page.locator(".yasr table tbody tr:visible").count()
    expected = json.loads((EXPECTED / "publications-since.json").read_text())["rows"]
    assert rows == len(expected)  # the default parameter: from 2024 on
    assert off_site == [] and errors == []


def test_a_linked_query_opens_in_the_editor(embedded: Server, page: Any) -> None:
    """The catalogue's named-query pages link to /query?query=...: the page must open that query."""
    from urllib.parse import quote

    sparql = "SELECT ?n WHERE { ?n a <https://w3id.org/soilkg/ontology#Network> } # linked-from-site"
    page.goto(embedded.base + "/query?query=" + quote(sparql))
    page.wait_for_function("() => window.soilkgYasgui && window.soilkgYasgui.getTab()")
    shown = page.evaluate("() => window.soilkgYasgui.getTab().getQuery()")
    assert "linked-from-site" in shown
    page.locator(".yasqe_queryButton:visible").click()
    page.wait_for_selector(".yasr table tbody tr:visible", timeout=15000)
    assert page.locator(".yasr table tbody tr:visible").count() == 5  # the five GSP networks


def test_api_reference_page_renders_offline_under_the_csp(embedded: Server, page: Any) -> None:
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("request", lambda r: problems.append(r.url) if not r.url.startswith(embedded.base) else None)
    page.goto(embedded.base + "/docs")
    page.wait_for_selector("section.skg-op")
    assert "POST /sparql" in page.locator("#operations").inner_text()
    assert page.locator("header a[href='/index.html']").first.is_visible()
    assert problems == []


def test_every_field_of_the_query_page_has_a_name(embedded: Server, page: Any) -> None:
    """YASGUI draws its editor, endpoint box and results' fields without labels: each gets one, also for
    the fields drawn once results are shown (in the reader's language where the catalogue's strings
    are served beside the API; this server runs without the site, so its English)."""
    page.goto(embedded.base + "/query")
    page.wait_for_selector("#examples button[data-query='publications-since']")
    page.locator(".yasqe_queryButton:visible").click()
    page.wait_for_selector(".yasr table tbody tr", timeout=15000)
    unnamed = page.evaluate("""() => [...document.querySelectorAll('#yasgui input, #yasgui textarea, #yasgui select')]
        .filter(e => e.type !== 'hidden' && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
                     && !(e.id && document.querySelector(`label[for='${e.id}']`)) && !e.closest('label'))
        .map(e => e.outerHTML.slice(0, 120))""")
    assert unnamed == []
    editor = page.locator(".yasqe textarea").first.get_attribute("aria-label")
    assert editor == json.loads((REPO / "site" / "i18n" / "en.json").read_text(encoding="utf-8"))["chrome.field_query"]
