"""No unmarked English on an Arabic or Chinese page of any page kind, measured in Chromium.

test_measure.py allows a small share of Latin words on three pages; this one opens a page of every
kind (home, each list, a resource of each kind, figures, map, timeline, named queries, the report
draft, the ontology's pages, downloads) and allows none: every Latin-script word left on the page
must be marked as another language (source text, names without a translation, identifiers:
`lang="en"`, `lang="mul"`, `lang="zxx"`) or be an acronym (tests/i18n/latin_share.js says exactly
what counts). The page kinds are read from the built site, so a new kind is measured too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.i18n.test_measure import MEASURE, address, evaluate_on

pytestmark = pytest.mark.browser

SINGLE_PAGES = {"home": "index.html", "catalogue": "catalogue/index.html", "figures": "figures/index.html",
                "map": "map/index.html", "timeline": "timeline/index.html", "queries": "queries/index.html",
                "report": "report/index.html", "downloads": "downloads/index.html",
                "ontology": "ontology/index.html", "ontology-class": "ontology/network/index.html",
                "ontology-properties": "ontology/properties/index.html"}
NOT_KINDS = {"assets", "search", "curators", *(path.split("/")[0] for path in SINGLE_PAGES.values() if "/" in path)}
SITE = Path(__file__).resolve().parents[2]


def page_kinds(site: Path) -> dict[str, str]:
    """Page kind -> one page of it: the single pages, each list, the first resource of each kind."""
    pages = {kind: path for kind, path in SINGLE_PAGES.items() if (site / path).is_file()}
    for folder in sorted(p for p in site.iterdir() if p.is_dir() and p.name not in NOT_KINDS):
        if (folder / "index.html").is_file():
            pages[f"list-{folder.name}"] = f"{folder.name}/index.html"
        resources = sorted(p.name for p in folder.iterdir() if (p / "index.html").is_file())
        if resources:
            pages[f"resource-{folder.name}"] = f"{folder.name}/{resources[0]}/index.html"
    return pages


def test_every_page_kind_is_found(built_site: Path) -> None:
    kinds = page_kinds(built_site)
    assert {"home", "figures", "list-decision", "resource-decision", "resource-network", "ontology"} <= set(kinds)
    assert len([k for k in kinds if k.startswith("resource-")]) >= 15


def measure(page: Any, site: Path, base: str, path: str, lang: str) -> dict[str, Any]:
    """The measure on one page, opened in `page` (one tab per language: the chosen language is kept
    from page to page, as for a reader; a new browser context per page cost 1.8 s each)."""
    page.goto(address(site, base, path, lang))
    # The list pages draw their rows and filters from the index script once the language is loaded.
    page.wait_for_function(f"() => document.documentElement.lang === {lang!r}")
    result: dict[str, Any] = page.evaluate(MEASURE)
    return result


@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_no_unmarked_english_on_any_page_kind(browser: Any, built_site: Path, site_url: str, lang: str) -> None:
    found = {}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        for kind, path in page_kinds(built_site).items():
            result = measure(page, built_site, site_url, path, lang)
            print(f"{lang} {kind}: {result['latin']} Latin of {result['latin'] + result['own']:.0f} counted words")
            if result["latin"]:
                found[kind] = result["samples"][:8]
    finally:
        context.close()
    assert found == {}, f"unmarked English words on {lang} pages (element: word, count): {found}"


def test_the_check_fails_on_an_unmarked_english_word(browser: Any) -> None:
    """The rule is not vacuous: one unmarked word counts; marked text and an acronym do not."""
    result = evaluate_on(browser, '<html lang="zh"><head><title>目录</title></head><body><p>网络 FAO '
                         '<span lang="en">Soil Doctors</span> <a lang="zxx" dir="ltr">Wikidata Q1</a></p>'
                         '<p>资源 Turtle</p></body></html>', MEASURE)
    assert result["latin"] == 1 and result["samples"][0][0] == "p: Turtle"
