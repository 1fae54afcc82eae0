"""The catalogue as a policy officer uses it (issue 11), in headless Debian Chromium on the real data's
site: entry points, list pages per kind, decisions in order, honest figures, a publishable map,
readable resource pages, search, the footer, narrow screens and the Arabic interface."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from soilkg.citation import CITATION_TEXT, DATA_LICENCE_IRI

pytestmark = pytest.mark.browser

# One page of each kind a policy officer opens.
PAGE_KINDS = ["index.html", "decision/index.html", "publication/index.html", "network/index.html",
              "programme/index.html", "initiative/index.html", "organisation/index.html", "meeting/index.html",
              "country/index.html", "case-study/index.html", "figure/index.html", "theme/index.html",
              "catalogue/index.html", "network/netsob/index.html", "publication/background-study-paper-74/index.html",
              "decision/cbd-cop-dec-15-28/index.html", "country/GHA/index.html", "initiative/recisoil/index.html",
              "document/cgrfa-20-item-8-4/index.html", "map/index.html", "figures/index.html",
              "timeline/index.html", "ontology/index.html", "downloads/index.html"]


@pytest.fixture()
def page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.problems = []
    opened.on("pageerror", lambda e: opened.problems.append(f"page error: {e}"))
    yield opened
    context.close()


@pytest.fixture()
def phone(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    opened = context.new_page()
    yield opened
    context.close()


def test_home_says_what_this_is_and_where_to_click(page: Any, site_url: str) -> None:
    page.goto(site_url + "index.html")
    lead = page.locator(".skg-lead").inner_text()
    assert "International Initiative for the Conservation and Sustainable Use of Soil Biodiversity" in lead
    entries = page.locator(".skg-entries a")
    targets = entries.evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert {"decision/index.html", "map/index.html", "case-study/index.html", "publication/index.html",
            "figures/index.html"} <= set(targets)
    # The entry points are on the first screen.
    assert entries.last.bounding_box()["y"] < 900
    # Key figures as the source states them, with their qualifier.
    cards = " ".join(page.locator(".skg-card__value").all_inner_texts())
    assert "more than 11 500 farmers" in cards.replace("\u00a0", " ").lower()
    # Case studies: always a section; none is published, so it says so, names the compilation
    # (paragraph 9: "will be published in 2025") and how to contribute.
    section = page.locator("#case-studies ~ p").first.inner_text()
    assert "No case study has been published" in section and "2025" in section
    assert page.locator("a[href='curators/index.html']").count() >= 1
    # Latest published items only: nothing "in preparation" among them.
    latest = page.locator("#latest-publications + ul").inner_text()
    assert "Compilation of case studies" not in latest
    assert page.problems == []


def test_navigation_groups_kinds_and_hides_type_themes(page: Any, site_url: str) -> None:
    page.goto(site_url + "decision/index.html")
    nav = page.locator(".md-sidebar--primary").inner_text()
    assert "Case studies" in nav and "Everything in the catalogue" in nav
    for rare in ("Surveys", "Land uses", "Datasets"):  # one- or two-item kinds live on the catalogue page
        assert rare not in nav, rare
    page.goto(site_url + "theme/index.html")
    themes = page.locator(".skg-list tbody").inner_text()
    for repeated in ("Publications", "Networks", "Initiatives"):
        assert repeated not in themes.split("\n"), repeated


def test_decisions_list_has_their_columns_in_date_order(page: Any, site_url: str) -> None:
    page.goto(site_url + "decision/index.html")
    headers = page.locator(".skg-list thead th").all_inner_texts()
    assert headers[:2] == ["Symbol", "Title"] and "Paragraphs cited" in headers and "Official text" in headers
    symbols = page.locator("td[data-label='Symbol']").all_inner_texts()
    assert [s.rsplit("/", 2)[-2] + "/" + s.rsplit("/", 1)[-1] for s in symbols] == ["VI/5", "VIII/23", "15/28"]
    # No blank column: every column has a value in at least one row.
    columns = page.evaluate("""() => { const rows = [...document.querySelectorAll('.skg-list tbody tr')];
        return [...document.querySelectorAll('.skg-list thead th')].map((_, i) =>
            rows.some(r => r.children[i].textContent.trim() !== '')); }""")
    assert all(columns), columns
    official = page.locator("td[data-label='Official text'] a").evaluate_all("as => as.map(a => a.href)")
    assert official[0] == "https://www.cbd.int/doc/decisions/cop-06/cop-06-dec-05-en.pdf"
    assert official[2] == "https://www.cbd.int/doc/decisions/cop-15/cop-15-dec-28-en.pdf"
    assert "2002" in page.locator("td[data-label='Year']").first.inner_text()
    assert "no date" in page.locator(".skg-list__intro").inner_text()


def test_list_filters_live_in_the_address(page: Any, site_url: str) -> None:
    page.goto(site_url + "publication/index.html")
    total = page.locator(".skg-list tbody tr").count()
    page.locator("select[data-facet='year']").select_option("2024")
    assert "year=2024" in page.url
    shared = page.url
    page.goto(site_url + "index.html")
    page.goto(shared)
    assert page.locator("select[data-facet='year']").input_value() == "2024"
    years = page.locator("td[data-label='Year']").all_inner_texts()
    assert years and set(years) == {"2024"} and len(years) < total
    page.locator("th button").nth(0).click()
    assert "sort=" in page.url


def test_timeline_shows_dated_decisions_and_lists_the_undated(page: Any, site_url: str) -> None:
    page.goto(site_url + "timeline/index.html")
    timeline = page.locator(".skg-timeline").inner_text()
    assert re.search(r"2002\s+Decisions\s+CBD COP decision VI/5", timeline)
    undated = page.locator("#undated ~ ul").first.inner_text()
    assert "CBD COP decision 15/28" in undated and "COP 15" in undated
    assert "15/28" not in timeline


def test_figures_keep_their_qualifier_and_never_invent_dates(page: Any, site_url: str) -> None:
    page.goto(site_url + "figures/index.html")
    assert "their dates" not in page.locator("h1").inner_text()
    text = page.locator("article").inner_text().replace("\u00a0", " ").lower()
    assert "more than 11 500 farmers" in text and "more than 70 000 researchers and practitioners" in text
    # Labels are never cut: no ellipsis inside a chart.
    assert page.locator("svg.skg-bars text:has-text('…')").count() == 0
    # One scale per unit: every chart's bars share one unit.
    for chart in page.locator("svg.skg-bars").all():
        units = {t.split()[-1] for t in chart.locator(".skg-bars__value").all_inner_texts()}
        assert len(units) == 1, units


def test_map_is_publishable(page: Any, site_url: str) -> None:
    page.goto(site_url + "map/index.html")
    page.wait_for_selector(".skg-map svg")
    legend = page.locator(".skg-legend").inner_text()
    assert "implemented" in legend and "Joined" in legend and "Western Sahara" in legend
    fills = page.evaluate("""() => ['implemented', 'joined'].map(k => getComputedStyle(
        document.querySelector('.skg-country--' + k)).fill)""")
    assert fills[0] != fills[1]
    assert "do not imply the expression of any opinion whatsoever on the part of FAO" in \
        page.locator(".skg-disclaimer").inner_text()
    assert "RECISOIL" in page.locator(".skg-map__caption").inner_text()
    # Western Sahara is drawn apart from Morocco, neutral and dashed.
    disputed = page.locator(".skg-country--disputed")
    assert disputed.count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('.skg-country--disputed')).strokeDasharray") \
        not in ("none", "")
    # Small countries carry a name; no two names overlap (Ghana and Togo).
    boxes = page.locator(".skg-map__label").evaluate_all("""ls => ls.map(l => {
        const b = l.getBoundingClientRect(); return [l.textContent, b.x, b.y, b.width, b.height]; })""")
    names = [b[0] for b in boxes]
    assert "Ghana" in names and "Togo" in names
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap = a[1] < b[1] + b[3] and b[1] < a[1] + a[3] and a[2] < b[2] + b[4] and b[2] < a[2] + a[4]
            assert not overlap, (a[0], b[0])
    table = page.locator("#map-countries-table").inner_text()
    assert "Armenia joined RECISOIL" in table and "RECISOIL is implemented in Ghana" in table


def test_resource_page_reads_as_prose_with_a_source_per_fact(page: Any, site_url: str) -> None:
    page.goto(site_url + "network/netsob/index.html")
    assert page.locator(".skg-summary").inner_text().startswith("Network")
    labels = page.locator("table.skg-facts th[scope='row']").all_inner_texts()
    assert labels and all(label[:1].isupper() for label in labels), labels
    body = page.locator("article").inner_text()
    assert "Curated in" not in body and "data/network" not in body
    assert page.locator("a:has-text('Suggest a change')").count() >= 1
    # Each fact links to its own passage: "unit of GSP" to paragraph 4, "collaborates with GLOSOLAN" to ¶7.
    cites = page.locator("table.skg-facts .skg-cite a").evaluate_all("as => as.map(a => a.href)")
    assert cites and all(re.search(r"document/cgrfa-20-item-8-4/index.html#(p|fn)\d+$", c) for c in cites)
    assert len(set(cites)) > 1, "facts cite different paragraphs"
    # Nothing under "Linked from" repeats a link under "Facts".
    facts = set(page.locator("h2#facts + table a[data-iri]").evaluate_all("as => as.map(a => a.href)"))
    linked = set(page.locator("h2#linked-here + table a[data-iri]").evaluate_all("as => as.map(a => a.href)"))
    assert facts and not facts & linked


def _search(page: Any, site_url: str, query: str) -> list[str]:
    page.goto(site_url + "index.html")
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)
    page.locator(".md-search-result__item a").first.wait_for(state="attached", timeout=20000)
    page.wait_for_timeout(500)
    return page.locator(".md-search-result__item > a").evaluate_all("as => as.map(a => a.href)")


def test_search_shows_resources_first_with_readable_previews(page: Any, site_url: str) -> None:
    # "Network" is also an ontology class page: the networks, and the lists of them (the search stems
    # words, so "Networks" pages match too), come before it.
    hrefs = _search(page, site_url, "Network")
    assert not any("ontology/" in h for h in hrefs[:8]), hrefs[:8]
    assert any("/network/" in h for h in hrefs[:6]), hrefs[:6]
    hrefs = _search(page, site_url, "NETSOB")
    assert "network/netsob/index.html" in hrefs[0]
    preview = page.locator(".md-search-result__item").first.inner_text()
    # A sentence, not table cells run together ("NameTypeYear...").
    assert "International Network on Soil Biodiversity" in preview
    assert not re.search(r"[a-z][A-Z][a-z]+[A-Z]", preview), preview


@pytest.mark.parametrize("query", ["Réseaux", "Redes", "Сети", "الشبكات", "网络"])
def test_search_finds_the_networks_by_their_kind_in_other_languages(page: Any, site_url: str, query: str) -> None:
    """The index holds the kind's name in six languages, and the search knows the word characters of
    each (without them an Arabic, Cyrillic or Chinese query finds nothing); Chinese is cut into words."""
    page.goto(site_url + "index.html")
    page.locator("input.md-search__input").click()
    page.fill("input.md-search__input", query)  # typed as text: scripts a keyboard cannot type key by key
    page.keyboard.press("End")  # Material reads the box on a key event
    page.locator(".md-search-result__item a").first.wait_for(state="attached", timeout=20000)
    page.wait_for_timeout(300)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("as => as.map(a => a.href)")
    assert any("/network/" in h for h in hrefs[:10]), (query, hrefs[:10])


def _result_count(page: Any, site_url: str, query: str) -> int:
    page.goto(site_url + "index.html#lang=zh")
    page.locator("input.md-search__input").click()
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")
    page.locator(".md-search-result__meta").wait_for(state="visible", timeout=20000)
    page.wait_for_timeout(800)  # the index loads once; the count settles after it
    return int(page.locator(".md-search-result__item").count())


@pytest.mark.parametrize("phrase", ["已发布", "可持续发展目标", "全球土壤实验室网络"])
def test_a_chinese_phrase_typed_without_spaces_is_found(page: Any, site_url: str, phrase: str) -> None:
    """Chinese has no spaces between words: the index is cut into words at build time, and the query is
    cut into the index's words in the browser (assets/js/skg-search.js with the build's
    skg-zh-words.js). Without that script the same phrase finds nothing."""
    assert _result_count(page, site_url, phrase) > 0
    value = page.evaluate("document.querySelector('input.md-search__input').value")
    assert value.replace("\u200b", "") == phrase  # the reader still sees what they typed
    without = page.context.new_page()  # a new page: the same address again would not reload the scripts
    without.route("**/skg-search.js", lambda route: route.fulfill(body="", content_type="text/javascript"))
    assert _result_count(without, site_url, phrase) == 0


@pytest.mark.parametrize("path", ["index.html", "decision/index.html", "network/netsob/index.html", "map/index.html"])
def test_footer_on_every_page(page: Any, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    footer = page.locator("footer.skg-footer")
    text = footer.inner_text()
    assert CITATION_TEXT in text and "Data as of" in text and "2025-03-24" in text
    assert footer.locator(f"a[href='{DATA_LICENCE_IRI}']").count() == 1
    assert "not an official publication" in text


def test_no_horizontal_overflow_at_390_px(phone: Any, site_url: str) -> None:
    wide = []
    for path in PAGE_KINDS:
        phone.goto(site_url + path)
        phone.wait_for_timeout(100)
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide.append((path, width))
    assert wide == []
    phone.goto(site_url + "publication/index.html")
    # Cards, not a table: each row is a block with its column names.
    assert phone.evaluate("getComputedStyle(document.querySelector('.skg-list tbody tr')).display") == "block"


def test_arabic_isolates_text_from_the_source(page: Any, site_url: str) -> None:
    page.goto(site_url + "network/netsob/index.html#lang=ar")
    page.wait_for_function("document.documentElement.dir === 'rtl'")
    quote = page.locator(".skg-sources blockquote").first
    assert quote.get_attribute("lang") == "en"
    assert page.evaluate("getComputedStyle(document.querySelector('.skg-sources blockquote')).unicodeBidi") in (
        "isolate", "plaintext")
    # Activities stay English, marked as such.
    assert page.locator(".skg-activities [lang='en']").count() > 0


def test_search_index_has_no_run_together_table_text(real_site: Any) -> None:
    """Table headers and cells glued into one word ("ValueWhat it countsAs of") made previews unreadable;
    tables are left out of the index and resources say what they are in a sentence."""
    index = json.loads((real_site.path / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [entry["text"] for entry in index["docs"]]
    glued = [t[:80] for t in texts if re.search(r"ValueWhat|countsAs of|CountryWhat|\[¶\d", t)]
    assert glued == []
