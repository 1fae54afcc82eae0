"""Bidirectional text on Arabic pages, measured in Chromium on every page kind.

Every name, number, symbol and date the catalogue inserts (links to resources, composed titles'
runs, paragraph marks, figures, dates, citations, text in another language) must be isolated, so an
Arabic line never splits such a run or mirrors its brackets: each run is laid out in one piece on
every line it occupies. Measured from the layout itself: the boxes of a run's text on one line must
touch each other (nothing of the surrounding Arabic between them), and the run must be isolated
(computed `unicode-bidi`, or a <bdi>).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.i18n.test_every_kind import page_kinds
from tests.i18n.test_measure import address, evaluate_on

pytestmark = pytest.mark.browser

RUNS = """() => {
  const SELECTOR = "[data-iri], [data-part], [data-fig], [data-fig-when], [data-num], [data-date], time, bdi, "
    + ".skg-cite, [lang]:not(html):not([lang^='ar'])";
  const broken = [];
  for (const el of document.body.querySelectorAll(SELECTOR)) {
    if (el.closest("svg, script, style, .md-search, .md-header, .md-select") || !el.getClientRects().length) continue;
    const text = el.textContent.trim();
    if (!text || !/[A-Za-z0-9]/.test(text)) continue;
    const style = getComputedStyle(el);
    if (style.display !== "inline") continue;
    if (!/isolate|plaintext/.test(style.unicodeBidi) && el.tagName !== "BDI") {
      broken.push("not isolated: " + el.outerHTML.slice(0, 120));
      continue;
    }
    const range = document.createRange();
    range.selectNodeContents(el);
    const lines = {};
    for (const r of range.getClientRects()) {
      if (r.width < 0.5) continue;
      const key = Math.round(r.top + r.height / 2);
      (lines[key] = lines[key] || []).push([r.left, r.right]);
    }
    for (const boxes of Object.values(lines)) {
      boxes.sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < boxes.length; i++) {
        if (boxes[i][0] - boxes[i - 1][1] > 1.5) {
          broken.push("split on a line: " + text.slice(0, 80));
          i = boxes.length;
        }
      }
    }
  }
  return [...new Set(broken)];
}"""


def test_every_inserted_run_stays_whole_on_arabic_pages(browser: Any, built_site: Path, site_url: str) -> None:
    found = {}
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        try:
            for kind, path in page_kinds(built_site).items():
                page.goto(address(built_site, site_url, path, "ar"))
                page.wait_for_function("() => document.documentElement.lang === 'ar'")
                broken = page.evaluate(RUNS)
                if broken:
                    found[f"{kind} at {width} px"] = broken[:5]
        finally:
            context.close()
    assert found == {}, f"runs split or not isolated on Arabic pages: {found}"


def test_the_check_finds_a_run_that_an_arabic_line_splits(browser: Any) -> None:
    """Not vacuous: an English name with a bracketed acronym and a date, not isolated, is split."""
    page = ('<html lang="ar" dir="rtl"><body style="width:260px;font:16px sans-serif">'
            '<p>البيانات <span data-iri="x" style="unicode-bidi:normal">Progress report on the (COP 15) '
            'implementation</span> 2025-03-24 المصدر <bdi data-iri="y">Isolated (COP 15) name</bdi> نص</p>'
            '</body></html>')
    broken = evaluate_on(browser, page, RUNS)
    assert any(b.startswith("not isolated") and "Progress" in b for b in broken), broken
    assert not any("Isolated" in b for b in broken), broken
