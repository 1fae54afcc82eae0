"""The query page in headless Chromium: examples load, a query runs, nothing is fetched off-site."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.api.conftest import Server
from tests.api.named_cases import EXPECTED

pytestmark = pytest.mark.browser

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def test_query_page_runs_a_named_query_offline(embedded: Server) -> None:
    if shutil.which("chromium") is None and not __import__("os").path.exists("/usr/bin/chromium"):
        pytest.skip("Debian chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            off_site: list[str] = []
            errors: list[str] = []
            page.on("request", lambda r: off_site.append(r.url) if not r.url.startswith(embedded.base) else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(embedded.base + "/query")
            page.wait_for_selector("#examples button[data-query='publications-since']")
            page.click("button[data-query='publications-since']")
            page.locator(".yasqe_queryButton:visible").click()
            page.wait_for_selector(".yasr table tbody tr", timeout=15000)
            rows = page.locator(".yasr table tbody tr:visible").count()
            expected = json.loads((EXPECTED / "publications-since.json").read_text())["rows"]
            assert rows == len(expected)  # the default parameter: from 2024 on
            assert off_site == [] and errors == []
        finally:
            browser.close()


def test_a_linked_query_opens_in_the_editor(embedded: Server) -> None:
    """The catalogue's named-query pages link to /query?query=...: the page must open that query."""
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    sparql = "SELECT ?n WHERE { ?n a <https://w3id.org/soilkg/ontology#Network> } # linked-from-site"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 900})
            page.goto(embedded.base + "/query?query=" + quote(sparql))
            page.wait_for_function("() => window.soilkgYasgui && window.soilkgYasgui.getTab()")
            shown = page.evaluate("() => window.soilkgYasgui.getTab().getQuery()")
            assert "linked-from-site" in shown
            page.locator(".yasqe_queryButton:visible").click()
            page.wait_for_selector(".yasr table tbody tr:visible", timeout=15000)
            assert page.locator(".yasr table tbody tr:visible").count() == 5  # the five GSP networks
        finally:
            browser.close()
