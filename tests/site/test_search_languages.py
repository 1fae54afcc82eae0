"""An English title typed on a page in any language still finds it: the index is one for all six
languages, and the search pipeline stems English beside the others (site/mkdocs.yml)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

SOP = "publication/sop-soil-respiration-rate/index.html"


@pytest.mark.parametrize("lang", ["es", "ar", "zh", "ru"])
def test_soil_respiration_finds_the_sop_on_every_language_page(browser: Any, site_url: str, lang: str) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{site_url}index.html#lang={lang}")
        page.wait_for_function(f"() => document.documentElement.lang === {lang!r}")
        page.locator("input.md-search__input").click()
        page.fill("input.md-search__input", "soil respiration")
        page.keyboard.press("End")  # Material reads the box on a key event
        page.locator(".md-search-result__item a").first.wait_for(state="attached", timeout=20000)
        page.wait_for_timeout(300)
        hrefs = page.locator(".md-search-result__item > a").evaluate_all("as => as.map(a => a.href)")
    finally:
        page.close()
    assert any(SOP in h for h in hrefs[:5]), hrefs[:5]
