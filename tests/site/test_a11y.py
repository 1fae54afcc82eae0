"""Phones and keyboards, on every page kind of the real data's site, in headless Debian Chromium:
nothing wider than a 390 px phone in any language, axe-core finds no serious or critical violation
(English and Arabic), every control shows a focus ring, and the language menu leaves nothing drawn
once focus moves on. axe-core is vendored for the tests only (tests/site/vendor/axe-core/)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from soilkg.sitegen import SiteInfo
from soilkg.sitegen.graph import LANGS
from tests.i18n.test_every_kind import page_kinds

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
PHONE = 390
AXE_LANGS = ("en", "ar")
RUN_AXE = """async () => {
    const result = await axe.run(document, {resultTypes: ['violations']});
    return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')]);
}"""
FOCUS_RING = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const s = getComputedStyle(e);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    return [e.tagName.toLowerCase() + '.' + [...e.classList].join('.'), ring];
}"""


def open_tab(browser: Any, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    return page


def visit(page: Any, site_url: str, path: str, lang: str) -> None:
    page.goto(f"{site_url}{path}#lang={lang}")
    page.wait_for_function(f"() => document.documentElement.lang === {lang!r}")


def switch_language(page: Any, lang: str) -> None:
    """As a reader does: the language menu's link, on the page already open."""
    page.evaluate(f"() => document.querySelector('.md-select__link[hreflang={lang}]').click()")
    page.wait_for_function(f"() => document.documentElement.lang === {lang!r}")


@dataclass
class Crawl:
    wide: dict[str, int] = field(default_factory=dict)  # "lang kind" -> page width at 390 px
    axe: dict[str, list[Any]] = field(default_factory=dict)  # "lang kind" -> serious/critical violations
    problems: list[str] = field(default_factory=list)
    pages: int = 0


@pytest.fixture(scope="module")
def crawl(browser: Any, real_site: SiteInfo, site_url: str) -> Crawl:
    """Every page kind opened once at phone width, then shown in each language from its menu: the width
    measured in all six, axe-core run in English and Arabic (one load per page kind keeps this fast)."""
    found = Crawl()
    script = AXE.read_text(encoding="utf-8")
    page = open_tab(browser, PHONE)
    try:
        for kind, path in page_kinds(real_site.path).items():
            visit(page, site_url, path, "en")
            page.add_script_tag(content=script)
            found.pages += 1
            for lang in ["en", *(code for code in LANGS if code != "en")]:
                if lang != "en":
                    switch_language(page, lang)
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > PHONE:
                    found.wide[f"{lang} {kind}"] = width
                if lang in AXE_LANGS:
                    violations = page.evaluate(RUN_AXE)
                    if violations:
                        found.axe[f"{lang} {kind}"] = violations
        found.problems = page.problems
    finally:
        page.context.close()
    return found


def test_no_page_kind_is_wider_than_a_phone(crawl: Crawl) -> None:
    assert crawl.pages >= 40
    assert crawl.wide == {}, f"pages wider than {PHONE} px: {crawl.wide}"
    assert crawl.problems == []


def test_axe_finds_no_serious_or_critical_violation(crawl: Crawl) -> None:
    assert crawl.axe == {}, f"axe-core: {crawl.axe}"


def test_axe_does_report_a_violation(browser: Any) -> None:
    """The check is not vacuous: axe flags an image without a name in the same browser set-up."""
    page = open_tab(browser, 1280)
    try:
        page.set_content('<html lang="en"><head><title>t</title></head>'
                         '<body><main><img src="x.png"></main></body></html>')
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        assert "image-alt" in [v[0] for v in page.evaluate(RUN_AXE)]
    finally:
        page.context.close()


@pytest.mark.parametrize("path", ["index.html", "network/index.html", "network/netsob/index.html"])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_control_shows_a_focus_ring(browser: Any, site_url: str, path: str, lang: str) -> None:
    page = open_tab(browser, 1280)
    try:
        visit(page, site_url, path, lang)
        seen, without = 0, set()
        for _ in range(45):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUS_RING)
            if focused is None:
                continue
            seen += 1
            if not focused[1]:
                without.add(focused[0])
        assert seen >= 15, seen
        assert without == set(), f"focused without a visible ring on {path} ({lang}): {sorted(without)}"
    finally:
        page.context.close()


@pytest.mark.parametrize("width", [1280, PHONE])
def test_the_language_menu_leaves_nothing_drawn_once_focus_moves_on(browser: Any, site_url: str,
                                                                    width: int) -> None:
    page = open_tab(browser, width)
    try:
        visit(page, site_url, "index.html", "en")
        menu = page.locator(".md-select__inner").first
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("() => !!document.activeElement.closest('.md-select')") and menu.is_visible():
                break
        assert page.evaluate("() => !!document.activeElement.closest('.md-select')"), "the menu takes the focus"
        for _ in range(12):  # past the six languages
            page.keyboard.press("Tab")
            if not page.evaluate("() => !!document.activeElement.closest('.md-select')"):
                break
        page.wait_for_timeout(50)  # well inside the menu's fade-out
        state = menu.evaluate("e => { const s = getComputedStyle(e); return [s.visibility, s.opacity]; }")
        assert state[0] == "hidden" or state[1] == "0", state
    finally:
        page.context.close()
