"""The real data's site in headless Debian Chromium, as a policy officer would use it."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

RECISOIL_M49 = {"188", "288", "484", "768", "051", "398", "504", "860"}  # CR GH MX TG AM KZ MA UZ


@pytest.fixture()
def page(browser: Any, site_url: str) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on("console", lambda m: opened.problems.append(f"console {m.type}: {m.text}")
              if m.type == "error" else None)
    opened.on("pageerror", lambda e: opened.problems.append(f"page error: {e}"))
    # A request cut short because the page moved on (the search worker still loading its language
    # files when a link is clicked) is not a failure; anything else (refused, blocked, missing) is.
    opened.on("requestfailed", lambda r: opened.problems.append(f"request failed: {r.url} ({r.failure})")
              if r.failure != "net::ERR_ABORTED" else None)
    yield opened
    context.close()


def test_home_page_renders_without_console_errors(page: Any, site_url: str) -> None:
    page.goto(site_url + "index.html")
    assert page.locator("h1").first.inner_text() == "Soil Biodiversity Knowledge Graph"
    assert page.locator(".skg-card").count() > 0, "key reported figures"
    assert page.locator(".skg-entries a").count() == 6, "entry points"
    page.wait_for_timeout(300)
    assert page.problems == []


def test_map_shows_the_eight_recisoil_countries(page: Any, site_url: str) -> None:
    page.goto(site_url + "map/index.html")
    page.wait_for_selector(".skg-map svg")
    shown = set(page.eval_on_selector_all(".skg-country--active", "els => els.map(e => e.dataset.m49)"))
    assert shown == RECISOIL_M49
    assert page.locator("#map-countries-table tbody tr").count() == 8
    assert page.problems == []


def test_filter_on_a_list_page_narrows_its_rows(page: Any, site_url: str) -> None:
    page.goto(site_url + "publication/index.html")
    rows = page.locator(".skg-list tbody tr")
    before = rows.count()
    select = page.locator("select[data-facet='year']")
    years = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    assert len(years) > 1
    select.select_option(years[0])
    after = rows.count()
    assert 0 < after < before
    years_shown = rows.locator("td[data-label='Year']").all_inner_texts()
    assert years_shown and all(r == years[0] for r in years_shown)
    page.locator("input[data-facet='text']").fill("zzzz-no-such-name")
    assert rows.count() == 0
    page.locator(".skg-reset").click()
    assert rows.count() == before
    assert page.problems == []


def test_search_finds_netsob(page: Any, site_url: str) -> None:
    page.goto(site_url + "index.html")
    page.locator("input.md-search__input").click()
    # Material's search reacts to key presses (as a person types), not to a value set by script.
    page.keyboard.type("NETSOB", delay=30)
    page.locator(".md-search-result__item a").first.wait_for(state="attached", timeout=20000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("as => as.map(a => a.href)")
    assert any("network/netsob/index.html" in h for h in hrefs)
    assert page.problems == []


def test_resource_page_shows_where_its_facts_come_from(page: Any, site_url: str) -> None:
    page.goto(site_url + "network/netsob/index.html")
    section = page.locator(".skg-sources")
    assert "Paragraph 4" in section.inner_text()
    assert "International Network on Soil Biodiversity (NETSOB)" in section.locator("blockquote").first.inner_text()
    section.locator("a").first.click()
    page.wait_for_url("**/document/cgrfa-20-item-8-4/index.html#p*")
    assert page.problems == []


def _choose_language(page: Any, name: str) -> None:
    page.locator(".md-select button").first.hover()
    link = page.get_by_role("link", name=name)
    code = link.get_attribute("hreflang")
    link.click()
    # The language's strings load on demand (assets/lang/<code>.js), then the page switches.
    page.wait_for_function(f"document.documentElement.lang === '{code}'")
    assert page.url.endswith("#lang=" + code), "a copied address keeps the language"


def test_switching_to_french_and_arabic_changes_the_interface(page: Any, site_url: str) -> None:
    page.goto(site_url + "organisation/fao/index.html")
    heading = page.locator("h2#where-from")
    assert heading.inner_text() == "Where this comes from"
    _choose_language(page, "Français")
    assert heading.inner_text() == "D'où cela vient"
    _choose_language(page, "العربية")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert heading.inner_text() == "مصدر المعلومات"
    # Resource labels follow the language (FAO's official Arabic name), English where there is none.
    assert page.locator("h1").inner_text() == "منظمة الأغذية والزراعة للأمم المتحدة"
    # The choice persists from page to page.
    page.goto(site_url + "network/netsob/index.html")
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.locator("h2#where-from").inner_text() == "مصدر المعلومات"
    assert page.locator("h1").inner_text() == "International Network on Soil Biodiversity (NETSOB)"
    assert page.problems == []


HEADINGS = """() => Array.from(document.querySelectorAll('article h1, article h2, article h3, article h4'))
    .filter(h => h.offsetParent !== null).map(h => Number(h.tagName[1]))"""


@pytest.mark.parametrize("path", ["index.html", "network/netsob/index.html", "publication/index.html",
                                  "document/cgrfa-20-item-8-4/index.html", "figures/index.html"])
def test_headings_in_order_and_pictures_have_text(page: Any, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    levels = page.evaluate(HEADINGS)
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    unnamed = page.evaluate("""() => Array.from(document.querySelectorAll('article img, article svg[role=img]'))
        .filter(e => !(e.getAttribute('alt') || e.getAttribute('aria-label'))).length""")
    assert unnamed == 0
    # Every form control has a label (list filters).
    unlabelled = page.evaluate("""() => Array.from(document.querySelectorAll('article select, article input'))
        .filter(e => !(e.labels && e.labels.length)).length""")
    assert unlabelled == 0


def test_the_built_folder_works_from_disk(browser: Any, real_site: Any) -> None:
    """Relative links, bundled scripts and the offline search: no server at all (file://)."""
    page = browser.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.goto(real_site.path.as_uri() + "/map/index.html")
    page.wait_for_selector(".skg-map svg")
    assert page.locator(".skg-country--active").count() == 8
    page.locator("input.md-search__input").click()
    page.keyboard.type("NETSOB", delay=30)
    page.locator(".md-search-result__item a[href*='network/netsob/index.html']").first.wait_for(
        state="attached", timeout=20000)
    page.goto(real_site.path.as_uri() + "/network/netsob/index.html")
    page.locator(".skg-kind a").first.click()
    assert page.url.endswith("/network/index.html")
    page.locator(".skg-list tbody tr").nth(1).wait_for(state="attached")  # the list's script fills it in
    assert problems == []
    page.close()
