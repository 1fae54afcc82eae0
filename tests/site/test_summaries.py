"""A resource page's summary line never drops a fact silently: each list in it names every item or
says "and N more", checked against the page's own Facts (and paragraphs) on every resource page."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import html as lxml_html

from soilkg.sitegen import SiteInfo
from soilkg.sitegen.i18n import Strings
from soilkg.sitegen.resource import Row, one_sentence

FACT_ROW = "//tr[@data-fact='{}']/td"


def summary_facts(page: lxml_html.HtmlElement) -> list[tuple[str, int, int]]:
    """(property, values named, N of 'and N more') of each fact in the summary line."""
    found = []
    for fact in page.xpath("//p[@class='skg-summary']/bdi[@data-fact]"):
        named = len(fact.xpath("./bdi[@class='skg-summary__value']"))
        more = fact.xpath("./span[@data-i18n='summary.and_more']/@data-i18n-vars")
        found.append((fact.get("data-fact"), named, int(json.loads(more[0])["n"]) if more else 0))
    return found


def values_in_row(cell: lxml_html.HtmlElement) -> int:
    """A Facts cell holds its values one per line (<br> between them)."""
    return len(re.split(r"<br\s*/?>", lxml_html.tostring(cell, encoding="unicode")))


def test_every_summary_names_every_value_or_says_how_many_more(real_site: SiteInfo) -> None:
    site: Path = real_site.path
    checked = 0
    wrong = []
    for file in sorted(site.glob("*/*/index.html")):
        page = lxml_html.fromstring(file.read_text(encoding="utf-8"))
        for prop, named, more in summary_facts(page):
            counts = {values_in_row(cell) for cell in page.xpath(FACT_ROW.format(prop))}
            checked += 1
            if named + more not in counts:
                wrong.append(f"{file.relative_to(site)}: {prop} names {named} and {more} more; Facts: {counts}")
    assert wrong == []
    assert checked > 50


def test_a_long_list_ends_with_and_n_more() -> None:
    strings = Strings({"en": {"summary.and_more": "and {n} more"}})
    row = Row("Joined by", [f"<a>C{i}</a>" for i in range(6)], "https://w3id.org/soilkg/ontology#joinedBy")
    text = one_sentence(["Initiative"], [row], strings)
    assert text.count('class="skg-summary__value"') == 3 and "and 3 more" in text
    short = one_sentence([], [Row("Joined by", ["<a>A</a>"] * 4, row.predicate)], strings)
    assert short.count('class="skg-summary__value"') == 4 and "more" not in short
