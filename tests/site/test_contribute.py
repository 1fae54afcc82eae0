"""The contribution page, opened from disk in headless Chromium: filled in English and in Arabic, it
gives a case-study file that `soilkg validate` accepts in a sandbox copy of the sources, and a
spreadsheet row that `soilkg import` turns into the same case study; a missing required field shows
the validator's own message and gives no file. All values are SYNTHETIC test data."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, SH, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from soilkg.curation.csvfile import INERT
from soilkg.namespaces import PREFIXES, SKG
from soilkg.sitegen import SiteInfo
from tests.curation.sandbox import REPO, Sandbox, copy_sources

pytestmark = pytest.mark.browser

DCT = "http://purl.org/dc/terms/"
# Quotes, backslashes, line breaks and cells a spreadsheet would run as formulas (=, +, -, @).
TRICKY = 'Synthetic: line one with a "quote" and a backslash \\ ;\nline two ends here.'
CASES: dict[str, dict[str, str | list[str]]] = {
    "en": {
        "slug": "synthetic-contribution-en", "title": 'Synthetic: "quoted" compost \\ test',
        "summary": '=HYPERLINK("https://example.org/") synthetic summary.', "description": TRICKY,
        "practices": ["biofertilizers"], "organism_groups": ["microorganisms"], "threats": ["erosion"],
        "land_uses": ["agricultural-land"], "country": "GHA", "administrative_area": "-Ashanti Region",
        "latitude": "6.6885", "longitude": "-1.6244", "implementer": "+Synthetic farmers' group",
        "start_date": "2022-04", "scale": "farm", "cost_amount": "40", "cost_currency": "GHS",
        "reference_urls": "https://example.org/synthetic/contribution?a=1 b",
        "license": "CC-BY-4.0", "compiler_orcid": "0000-0002-1825-0097",
        "compiler_name": "@Josiah Carberry (fictitious ORCID test record)",
        "impact_1_on": "soil biodiversity", "impact_1_direction": "improvement",
        "impact_1_description": "Synthetic: more earthworms.",
        # The second impact is left empty and the third filled in: the file gets two impacts.
        "impact_3_on": "soil health", "impact_3_direction": "decline", "impact_3_description": "Synthetic.",
        "impact_3_indicator": "soil organic carbon, 0-30 cm", "impact_3_value": "-0.4", "impact_3_unit": "t C/ha",
    },
    "ar": {
        "slug": "synthetic-contribution-ar", "title": 'دراسة حالة اصطناعية: "سماد" \\ اختبار',
        "summary": "بيانات اختبار اصطناعية.", "description": 'بيانات اصطناعية، "دون" مشروع حقيقي.\nسطر ثانٍ.',
        "practices": ["bioremediation", "biostimulants"], "organism_groups": ["nematodes"],
        "threats": ["soil-pollution"], "land_uses": ["agricultural-land"], "country": "TGO",
        "administrative_area": "Région des Plateaux", "implementer": "مجموعة مزارعين اصطناعية",
        "start_date": "2024", "scale": "plot", "dois": "10.4060/cc9423en", "license": "CC0-1.0",
        "compiler_orcid": "https://orcid.org/0000-0002-1825-0097", "compiler_name": "Josiah Carberry",
        "impact_1_on": "soil health", "impact_1_direction": "no change", "impact_1_description": "اصطناعي.",
    },
}


@pytest.fixture()
def page(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    opened.problems = []
    opened.on("pageerror", lambda e: opened.problems.append(str(e)))
    opened.on("console", lambda m: opened.problems.append(m.text) if m.type == "error" else None)
    yield opened
    context.close()


def open_form(page: Any, site: SiteInfo, lang: str) -> dict[str, Any]:
    page.goto((site.path / "curators" / "contribute" / "index.html").as_uri() + f"#lang={lang}")
    page.wait_for_function(f"document.documentElement.lang === '{lang}'")
    page.wait_for_timeout(200)
    return dict(json.loads(page.text_content("#skg-contribute-spec")))


def fill(page: Any, values: dict[str, str | list[str]]) -> None:
    for column, value in values.items():
        target = page.locator(f"#f-{column}")
        if isinstance(value, list):
            for item in value:
                page.check(f"input[name='{column}'][value='{item}']")
        elif target.evaluate("e => e.tagName") == "SELECT":
            target.select_option(value)
        else:
            target.fill(value)


def download(page: Any, link: str) -> str:
    with page.expect_download() as event:
        page.click(link)
    return Path(event.value.path()).read_text(encoding="utf-8")


def parse(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_form_gives_a_file_the_validator_accepts(page: Any, real_site: SiteInfo, tmp_path: Path,
                                                      lang: str) -> None:
    spec = open_form(page, real_site, lang)
    # Vocabularies in the reader's language, from the graph's translations.
    practice = f"{PREFIXES['practice']}biofertilizers"
    shown = page.locator("input[name='practices'][value='biofertilizers'] + span").inner_text()
    assert shown == spec["labels"][lang][practice]
    assert (shown != spec["labels"]["en"][practice]) == (lang != "en")
    assert page.input_value("#f-language") == lang, "the case study's language follows the reader's"

    values = CASES[lang]
    fill(page, values)
    page.click("button[type=submit]")
    assert page.locator("#skg-contribute-done").is_visible()
    assert page.locator(".skg-field--invalid").count() == 0
    turtle = download(page, "#skg-download-ttl")
    sheet = download(page, "#skg-download-csv")
    assert page.problems == []

    box = Sandbox(tmp_path / "repo", tmp_path / "repo" / ".soilkg")
    box.root.mkdir()
    copy_sources(box.root)
    slug = str(values["slug"])
    target = box.root / "data" / "case-study" / f"{slug}.ttl"
    target.write_text(turtle, encoding="utf-8")
    checked = box.run("validate", target.relative_to(box.root).as_posix(), "--format", "json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert json.loads(checked.stdout)["findings"] == []

    # Every string arrives as typed: quotes, backslashes and line breaks escaped, not lost.
    graph = parse(turtle)
    case = URIRef(f"{PREFIXES['casestudy']}{slug}")
    assert graph.value(case, URIRef(DCT + "description")) == Literal(str(values["description"]), lang=lang)
    assert str(graph.value(case, URIRef(str(PREFIXES["rdfs"]) + "label"))) == values["title"]
    assert len(list(graph.objects(case, SKG.impact))) == (2 if lang == "en" else 1)

    # The spreadsheet row: formulas made inert, and `soilkg import` makes the same case study of it.
    header, row = list(csv.reader(io.StringIO(sheet.lstrip("\ufeff"), newline="")))
    cells = dict(zip(header, row, strict=True))
    if lang == "en":
        assert cells["summary"].startswith(INERT + "=") and cells["implementer"].startswith(INERT + "+")
        assert cells["compiler_name"].startswith(INERT + "@") and cells["longitude"] == "-1.6244"
    target.unlink()
    (box.root / "row.csv").write_text(sheet, encoding="utf-8")
    imported = box.run("import", "row.csv")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert isomorphic(parse(target.read_text(encoding="utf-8")), graph)


def test_a_missing_required_field_shows_the_validators_message_and_gives_no_file(page: Any,
                                                                                real_site: SiteInfo) -> None:
    open_form(page, real_site, "en")
    fill(page, {k: v for k, v in CASES["en"].items() if k != "administrative_area"})
    page.click("button[type=submit]")
    shapes = Graph().parse(REPO / "shapes" / "case-study.ttl")
    shape = next(s for s in shapes.subjects(SH.path, SKG.administrativeArea) if (s, SH.minCount, None) in shapes)
    assert (shape, RDF.type, SH.PropertyShape) in shapes
    message = page.locator("#e-administrative_area .skg-field__message")
    assert message.is_visible()
    assert message.inner_text() == str(shapes.value(shape, SH.message))
    assert page.locator(".skg-field--invalid").count() == 1
    assert page.locator("#skg-contribute-done").is_hidden()
    assert page.get_attribute("#skg-download-ttl", "href") == "#", "no file is offered"
    assert page.evaluate("document.activeElement.id") == "f-administrative_area"
    # Filled in, the message goes and the files are offered.
    page.fill("#f-administrative_area", "Ashanti Region")
    page.click("button[type=submit]")
    assert message.is_hidden() and page.locator("#skg-contribute-done").is_visible()
    assert page.problems == []


def test_the_case_study_section_and_the_guide_link_to_the_form(real_site: SiteInfo) -> None:
    form = real_site.path / "curators" / "contribute" / "index.html"
    assert form.is_file()
    for page, link in [("index.html", "curators/contribute/index.html"),
                       ("case-study/index.html", "../curators/contribute/index.html"),
                       ("curators/index.html", "contribute/index.html")]:
        assert f'href="{link}"' in (real_site.path / page).read_text(encoding="utf-8"), page


def test_served_by_a_static_host_the_form_asks_nothing_of_the_network(page: Any, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "curators/contribute/index.html#lang=fr")
    page.wait_for_function("document.documentElement.lang === 'fr'")
    fill(page, {"slug": "x"})
    page.click("button[type=submit]")
    assert page.locator(".skg-field--invalid").count() > 1
    assert page.inner_text("#skg-contribute-status").endswith("voir les messages en dessous.")
    assert [u for u in requested if not u.startswith(site_url)] == []
    assert page.problems == []
