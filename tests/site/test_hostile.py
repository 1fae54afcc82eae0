"""Safe rendering: a SYNTHETIC project copy whose titles, descriptions, labels, units and IRIs carry
markup and script is built with the real CLI, then every page kind and the search are opened in
headless Chromium. Nothing may run (no dialog) and no injected element may exist. The hostile files
are written into a temporary copy only, never into data/."""

from __future__ import annotations

import csv
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
# Every payload marks what it would inject with `data-injected`, so the test finds any that got through.
PAYLOAD = ('<script data-injected>alert("t")</script><img src=x data-injected onerror="alert(1)">'
           '</script><script data-injected>alert(2)</script>')
TITLE = f'=HYPERLINK("http://x") Synthetic XSS probe {PAYLOAD}'
PREFIXES = """@prefix skg: <https://w3id.org/soilkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix publication: <https://w3id.org/soilkg/id/publication/> .
@prefix figure: <https://w3id.org/soilkg/id/figure/> .
@prefix casestudy: <https://w3id.org/soilkg/id/case-study/> .
@prefix country: <https://w3id.org/soilkg/id/country/> .
@prefix organisation: <https://w3id.org/soilkg/id/organisation/> .
@prefix report: <https://w3id.org/soilkg/id/document/cgrfa-20-item-8-4/> .
"""


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


FILES = {
    "publication/synthetic-xss-probe.ttl": f"""# SYNTHETIC hostile test data (tests/site/test_hostile.py)
{PREFIXES}
publication:synthetic-xss-probe
    a skg:Publication ;
    rdfs:label {_lit(TITLE)}@en ;
    skos:prefLabel {_lit(TITLE)}@en ;
    skos:altLabel {_lit('"><svg data-injected onload=alert(3)>')}@en ;
    dct:description {_lit("Synthetic description " + PAYLOAD)}@en ;
    skg:seriesTitle {_lit("@SUM(1+1) " + PAYLOAD)} ;
    skg:year "2024"^^xsd:gYear ;
    skg:publishedBy organisation:fao ;
    skg:website <https://example.org/x'onmouseover='alert(4)'data-injected='1> ;
    skg:status skg:published ;
    skg:statedIn report:p9 .
""",
    "figure/synthetic-xss-figure.ttl": f"""# SYNTHETIC hostile test data (tests/site/test_hostile.py)
{PREFIXES}
figure:synthetic-xss-figure
    a skg:ReportedFigure ;
    rdfs:label {_lit("Synthetic figure " + PAYLOAD)}@en ;
    skg:value 7 ;
    skg:comparator skg:moreThan ;
    skg:unit {_lit("-units " + PAYLOAD)}@en ;
    skg:measures {_lit("+things " + PAYLOAD)}@en ;
    skg:about publication:synthetic-xss-probe ;
    skg:statedIn report:p9 .
""",
}
# A case study that validates: a demonstration one (shown with --include-demo), retitled with the payload.
DEMO = REPO / "examples" / "case-studies" / "demo-biofertilizers-ashanti.ttl"


def _hostile_project(root: Path) -> None:
    for folder in ("data", "ontology", "shapes", "server", "examples"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "pyproject.toml").write_text("")
    for name, text in FILES.items():
        (root / "data" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "data" / name).write_text(text, encoding="utf-8")
    case = DEMO.read_text(encoding="utf-8").replace("demo-biofertilizers-ashanti", "synthetic-xss-case")
    case = case.replace('rdfs:label "Demonstration: biofertilizers',
                        f'rdfs:label {_lit("Demonstration: synthetic case " + PAYLOAD)[:-1]} ')
    (root / "examples" / "case-studies" / "synthetic-xss-case.ttl").write_text(case, encoding="utf-8")
    togo = root / "data" / "country" / "TGO.ttl"  # a country whose label reaches the map and its table
    togo.write_text(togo.read_text(encoding="utf-8").replace('rdfs:label "Togo"@en',
                                                             f'rdfs:label {_lit("Togo " + PAYLOAD)}@en'))


def _run(root: Path, build: Path, *args: str) -> None:
    env = {**os.environ, "SOILKG_ROOT": str(root), "SOILKG_BUILD": str(build), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "soilkg.cli", *args], capture_output=True, text=True, env=env,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    _hostile_project(tmp / "project")
    _run(tmp / "project", tmp / "build", "build", "--include-demo")
    _run(tmp / "project", tmp / "build", "site", "build", "--include-demo", "--out", str(tmp / "site"))
    return tmp / "site"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        return


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(hostile_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


PAGES = ["index.html", "publication/index.html", "publication/synthetic-xss-probe/index.html",
         "figure/index.html", "figure/synthetic-xss-figure/index.html", "case-study/index.html",
         "case-study/synthetic-xss-case/index.html", "country/TGO/index.html", "country/index.html",
         "map/index.html", "figures/index.html", "timeline/index.html", "catalogue/index.html",
         "organisation/fao/index.html", "downloads/index.html"]


@pytest.mark.browser
def test_hostile_strings_run_nothing_and_inject_nothing(browser: Any, hostile_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []

    def dismiss(dialog: Any) -> None:
        dialogs.append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    for path in PAGES:
        for lang in ("", "#lang=ar"):
            page.goto(hostile_url + path + lang)
            page.wait_for_load_state("load")
            assert page.locator("[data-injected]").count() == 0, path
    # The page shows the hostile title as text, exactly as written.
    page.goto(hostile_url + "publication/synthetic-xss-probe/index.html")
    assert "Synthetic XSS probe <script data-injected>" in page.locator("h1").inner_text()
    assert "Synthetic XSS probe <script" in page.title()
    for query in ("Synthetic XSS", "alert"):
        page.goto(hostile_url + "index.html")
        page.locator("input.md-search__input").click()
        page.keyboard.type(query, delay=20)
        page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=20000)
        page.wait_for_timeout(300)
        assert page.locator("[data-injected]").count() == 0, query
    context.close()
    assert dialogs == []


def test_csv_cells_cannot_start_a_formula(hostile_site: Path) -> None:
    cells = [cell for path in hostile_site.rglob("*.csv") if path.parent.name != "curators"
             for row in csv.reader(path.read_text(encoding="utf-8").splitlines()) for cell in row]
    assert any("Synthetic XSS probe" in c for c in cells)
    assert [c for c in cells if c[:1] in ("=", "+", "-", "@")] == []


def test_json_ld_blocks_cannot_be_closed_early(hostile_site: Path) -> None:
    page = (hostile_site / "publication" / "synthetic-xss-probe" / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert blocks and all("<" not in b for b in blocks)


def test_no_inline_script_and_no_javascript_link(hostile_site: Path) -> None:
    for path in hostile_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        inline = [m for m in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", text)
                  if "application/ld+json" not in m and "application/json" not in m]
        assert inline == [], path
        assert 'href="javascript:' not in text.lower(), path
