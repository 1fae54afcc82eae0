"""Under 2 % English in what the catalogue composes, on every page kind in fr, es, ar, zh and ru.

Measured in Chromium (tests/i18n/english_share.js says exactly what counts): every visible letter
of the page's own text, less what the page marks as another language (quoted source passages,
titles of works, names and literals that exist only in English, identifiers). A word counts as
English when the English page has it and the language's own strings and labels do not. The test
prints every page's share and lists what is left.

Marking is not a way out for what the catalogue composes: every title it composes from data
(decisions, paragraphs, footnotes, figures: soilkg/sitegen/titles.py) must be drawn in the page's
language wherever it is shown, never left as the English label marked lang="en".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.i18n.measure_script import measure_script
from tests.i18n.test_every_kind import page_kinds
from tests.i18n.test_measure import address, evaluate_on

pytestmark = pytest.mark.browser

SHARE = measure_script("english_share.js")
MAX_SHARE = 0.02
LANGS = ("fr", "es", "ar", "zh", "ru")
WORDS = r"""() => { const out = new Set(); const word = /[\p{L}][\p{L}\p{M}'’-]*/gu;
  (document.title.match(word) || []).forEach((w) => out.add(w.toLowerCase()));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement || n.parentElement.closest("script,style")) continue;
    (n.textContent.match(word) || []).forEach((w) => out.add(w.toLowerCase()));
  }
  return [...out]; }"""
# Elements showing a resource or passage whose title the catalogue composes in this language, still English.
COMPOSED_LEFT_ENGLISH = """(code) => Array.from(document.querySelectorAll("[data-iri]"))
  .filter((el) => Array.isArray(((window.SKG_LABELS || {})[code] || {})[el.getAttribute("data-iri")]))
  .filter((el) => el.getClientRects().length && el.textContent === el.getAttribute("data-en"))
  .map((el) => el.getAttribute("data-iri") + ": " + el.textContent.slice(0, 80))"""


def switch_to(page: Any, lang: str) -> None:
    """The reader's own switch: the language menu's link, drawn in place (no reload: one tab measures
    a page in five languages)."""
    page.evaluate(f"() => document.querySelector('a[hreflang={lang}]').click()")
    page.wait_for_function(f"() => document.documentElement.lang === {lang!r}")


def test_composed_text_is_under_two_percent_english_on_every_page_kind(browser: Any, built_site: Path,
                                                                       site_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    over: dict[str, object] = {}
    composed: dict[str, list[str]] = {}
    try:
        for kind, path in page_kinds(built_site).items():
            page.goto(address(built_site, site_url, path, "en"))
            page.wait_for_function("() => document.documentElement.lang === 'en'")
            words = page.evaluate(WORDS)
            for lang in LANGS:
                switch_to(page, lang)
                result = page.evaluate(SHARE, words)
                print(f"{lang} {kind}: {result['share']:.2%} English of {result['letters']} letters; "
                      f"left: {result['left'][:10]}")
                if result["share"] >= MAX_SHARE:
                    over[f"{lang} {kind}"] = (round(result["share"], 4), result["left"][:15])
                left = page.evaluate(COMPOSED_LEFT_ENGLISH, lang)
                if left:
                    composed[f"{lang} {kind}"] = left[:5]
    finally:
        context.close()
    assert over == {}, f"pages with 2 % or more English in composed text (share, element: word, count): {over}"
    assert composed == {}, f"composed titles left in English: {composed}"


def test_the_share_counts_english_words_and_leaves_out_marked_text(browser: Any) -> None:
    """One unmarked English word counts; a French word the English page also has, marked text and an
    acronym do not."""
    page = ('<html lang="fr"><head><title>Catalogue</title></head><body><p>Paragraphe 4 of FAO</p>'
            '<p>Source</p><p lang="en">Progress report</p></body></html>')
    english = ["paragraph", "of", "source", "progress", "report", "catalogue"]
    setup = "window.SKG_I18N = {fr: {source: 'Source', catalogue: 'Catalogue'}};"
    result = evaluate_on(browser, page.replace("</head>", f"<script>{setup}</script></head>"),
                         f"(() => {{ const f = {SHARE}; return f({english!r}); }})")
    assert result["left"] == [["p: of", 1]], result
    assert result["english"] == 2 and result["letters"] == len("CatalogueParagrapheofSource")
