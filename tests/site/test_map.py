"""The map as FAO publishes maps, in headless Debian Chromium on the real data's site: areas drawn apart
from every country in a neutral style, boundaries not yet agreed dashed, parts that are not UN member
states drawn with the one the UN recognises, FAO's disclaimer in the page's language (the English
original beside every translation), and a map that fits a phone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from soilkg.sitegen.graph import LANGS
from soilkg.sitegen.mapdata import AREAS_APART, DISPUTED_BOUNDARIES, DRAWN_AS_PART_OF

pytestmark = pytest.mark.browser

I18N = Path(__file__).resolve().parents[2] / "site" / "i18n"


def strings(lang: str) -> dict[str, str]:
    return json.loads((I18N / f"{lang}.json").read_text(encoding="utf-8"))


def open_map(browser: Any, site_url: str, width: int, lang: str = "en") -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.goto(site_url + f"map/index.html#lang={lang}")
    page.wait_for_function(f"document.documentElement.lang === '{lang}'")
    page.wait_for_selector(".skg-map svg .skg-country--disputed")
    return page


@pytest.fixture()
def page(browser: Any, site_url: str) -> Any:
    opened = open_map(browser, site_url, 1280)
    yield opened
    assert opened.problems == []
    opened.context.close()


def test_areas_apart_are_their_own_neutral_paths(page: Any) -> None:
    relation_fills = set(page.eval_on_selector_all(
        ".skg-country--active", "els => els.map(e => getComputedStyle(e).fill)"))
    assert relation_fills, "the real data maps countries with a relation"
    for m49 in AREAS_APART:
        area = page.locator(f".skg-map svg [data-m49='{m49}']")
        assert area.count() == 1, m49
        assert area.evaluate("e => e.tagName") == "path"
        classes = area.evaluate("e => [...e.classList]")
        assert "skg-country--disputed" in classes and "skg-country--active" not in classes, classes
        # Not a link to a country page, not a country's colour, outlined with dashes.
        assert area.evaluate("e => e.closest('a') === null")
        style = area.evaluate("e => { const s = getComputedStyle(e); return [s.fill, s.strokeDasharray]; }")
        assert style[0] not in relation_fills, style
        assert style[1] not in ("none", ""), style


def test_western_sahara_is_apart_from_morocco_which_is_coloured(page: Any) -> None:
    # Morocco joined RECISOIL: coloured; Western Sahara beside it stays neutral.
    assert "732" in AREAS_APART
    morocco = page.locator(".skg-map svg path[data-m49='504']")
    assert "skg-country--joined" in morocco.get_attribute("class")
    assert page.locator(".skg-map svg path[data-m49='732']").get_attribute("d") != morocco.get_attribute("d")


def test_boundaries_not_yet_agreed_are_dashed(page: Any) -> None:
    for a, b, _box in DISPUTED_BOUNDARIES:
        line = page.locator(f".skg-map__disputed-boundary[data-between='{a}-{b}']")
        assert line.count() == 1, (a, b)
        style = line.evaluate("e => { const s = getComputedStyle(e); return [s.fill, s.strokeDasharray]; }")
        assert style[0] == "none" and style[1] not in ("none", ""), (a, b, style)
        assert len(line.get_attribute("d") or "") > 10, (a, b)
    # Only the Jammu and Kashmir part of the India-Pakistan border is dashed: its lowest point lies
    # north of Punjab (31.5 N), in the map's own projection.
    below_punjab = page.evaluate("""() => {
        const projection = d3.geoNaturalEarth1().fitSize([960, 500], {type: 'Sphere'});
        const box = document.querySelector("[data-between='356-586']").getBBox();
        return box.y + box.height < projection([74.4, 31.5])[1]; }""")
    assert below_punjab


def test_parts_that_are_not_un_members_are_drawn_with_their_state(page: Any) -> None:
    counts = page.evaluate("""() => [SKG_WORLD.objects.countries.geometries.length,
        Object.keys(SKG_MAP_APART.partOf).length,
        document.querySelectorAll('.skg-map__svg path.skg-country').length]""")
    assert counts[1] == len(DRAWN_AS_PART_OF)
    assert counts[2] == counts[0] - counts[1], counts


@pytest.mark.parametrize("lang", LANGS)
def test_disclaimer_is_in_the_page_language(browser: Any, site_url: str, lang: str) -> None:
    page = open_map(browser, site_url, 1280, lang)
    try:
        expected, english = strings(lang), strings("en")
        assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
        disclaimer = page.locator(".skg-disclaimer")
        assert disclaimer.inner_text().strip() == expected["map_disclaimer"]
        assert page.locator(".skg-map__apart").inner_text().strip() == expected["map_apart_note"]
        # The text carries no language of its own: it is in the page's (lang/dir of <html>).
        assert disclaimer.evaluate("e => e.closest('[lang]').getAttribute('lang')") == lang
        note = page.locator(".skg-disclaimer-note")
        if lang == "en":
            assert not note.is_visible()
        else:
            assert expected["map_disclaimer"] != english["map_disclaimer"]
            assert note.is_visible()
            assert expected["map_disclaimer_note"] in note.inner_text()
            # FAO's English wording, which governs, beside the translation and isolated as English.
            original = note.locator(".skg-disclaimer-en")
            assert original.inner_text().strip() == english["map_disclaimer"]
            assert original.get_attribute("lang") == "en" and original.get_attribute("dir") == "ltr"
        assert page.problems == []
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["fr", "ar", "zh"])
def test_what_a_screen_reader_says_of_the_map_is_in_the_page_language(browser: Any, site_url: str,
                                                                      lang: str) -> None:
    page = open_map(browser, site_url, 1280, lang)
    try:
        said = page.locator(".skg-map__canvas").get_attribute("aria-label") or ""
        opening = strings(lang)["map_alt"].split("{names}", 1)[0]
        assert said.startswith(opening) and opening != strings("en")["map_alt"].split("{names}", 1)[0]
        # The countries are named in the page's language too (Armenia joined RECISOIL).
        armenia = {"fr": "Arménie", "ar": "أرمينيا", "zh": "亚美尼亚"}[lang]
        assert armenia in said, said
    finally:
        page.context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_map_fits_a_phone_with_readable_names(browser: Any, site_url: str, lang: str) -> None:
    page = open_map(browser, site_url, 390, lang)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        heights = page.eval_on_selector_all(".skg-map__label", "ls => ls.map(l => l.getBoundingClientRect().height)")
        assert heights and min(heights) >= 12, heights
        assert page.problems == []
    finally:
        page.context.close()


LABELS = """() => {
    const svg = document.querySelector('.skg-map__svg');
    const marks = [...svg.querySelectorAll('.skg-map__mark')].map(m => {
        const [x, y] = m.getAttribute('data-anchor').split(',').map(Number);
        const country = svg.querySelector(`path.skg-country--active[data-m49='${m.getAttribute('data-m49')}']`);
        const label = m.querySelector('.skg-map__label');
        const r = label.getBoundingClientRect();
        return {m49: m.getAttribute('data-m49'), name: label.textContent, box: [r.left, r.top, r.right, r.bottom],
                anchorInside: country.isPointInFill(new DOMPoint(x, y)),
                inside: label.classList.contains('skg-map__label--inside'), marker: !!m.querySelector('circle')};
    });
    const frame = svg.getBoundingClientRect();
    return {marks, active: svg.querySelectorAll('path.skg-country--active').length,
            frame: [frame.left, frame.top, frame.right, frame.bottom]};
}"""


def intersect(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", LANGS)
def test_every_marked_country_is_labelled_without_overlaps(browser: Any, site_url: str, lang: str,
                                                            width: int) -> None:
    """A name for every country the map colours, anchored inside its own outline (a marker with a
    leader line where the name does not fit inside), and no two names overlapping, at desk and phone
    width in every language (the names' lengths differ)."""
    page = open_map(browser, site_url, width, lang)
    try:
        found = page.evaluate(LABELS)
        marks = found["marks"]
        assert found["active"] >= 8 and len(marks) == found["active"], (found["active"], [m["name"] for m in marks])
        assert len({m["m49"] for m in marks}) == len(marks)
        for mark in marks:
            assert mark["anchorInside"], f"{mark['name']}'s anchor is outside its own outline"
            assert mark["inside"] or mark["marker"], mark
            left, top, right, bottom = found["frame"]
            box = mark["box"]
            assert box[0] >= left - 1 and box[2] <= right + 1 and box[1] >= top - 1 and box[3] <= bottom + 1, mark
        overlapping = [(a["name"], b["name"]) for i, a in enumerate(marks) for b in marks[i + 1:]
                       if intersect(a["box"], b["box"])]
        assert overlapping == [], overlapping
        assert page.problems == []
    finally:
        page.context.close()


def test_the_overlap_rule_can_fail() -> None:
    assert intersect([0, 0, 10, 10], [9, 9, 20, 20]) and not intersect([0, 0, 10, 10], [10, 0, 20, 10])
