"""`build_site` on a small project: pages, downloads, skipping unchanged builds, keeping the last good site."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest

from soilkg.errors import SoilkgError
from soilkg.paths import Project
from soilkg.sitegen import SiteInfo

Build = Callable[..., SiteInfo]

REPO_SITE = Path(__file__).resolve().parents[2] / "site"


def test_builds_pages_and_skips_when_unchanged(site_builder: Build, fixture_project: Project, tmp_path: Path) -> None:
    first = site_builder(fixture_project, tmp_path)
    assert first.rebuilt and (first.path / "index.html").is_file()
    assert (first.path / "network" / "netsob" / "index.html").is_file()
    again = site_builder(fixture_project, tmp_path)
    assert not again.rebuilt and again.pages == first.pages
    forced = site_builder(fixture_project, tmp_path, force=True)
    assert forced.rebuilt


def test_resource_page_shows_sources_links_both_ways_and_schema_org(site_builder: Build, fixture_project: Project,
                                                                    tmp_path: Path) -> None:
    site = site_builder(fixture_project, tmp_path).path
    fao = (site / "organisation" / "fao" / "index.html").read_text()
    # Incoming link read from FAO's side: paragraph 7 of decision 15/28 invites FAO.
    assert ">Invited by<" in fao and "decision/cbd-cop-dec-15-28/index.html#p7" in fao
    assert 'id="where-from"' in fao and "Paragraph 4 of" in fao and "invited FAO through the Global Soil" in fao
    # Labels in other languages are listed (searchable) and shipped for the language switch.
    assert "Organisation des Nations Unies pour l" in fao and "Продовольственная и сельскохозяйственная" in fao
    labels = (site / "assets" / "lang" / "ar.js").read_text()
    assert "organisation/fao/" in labels and "منظمة الأغذية والزراعة" in labels
    assert "منظمة الأغذية والزراعة" not in (site / "assets" / "lang" / "fr.js").read_text()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', fao, re.S)
    assert match, "schema.org JSON-LD is embedded"
    data = json.loads(match.group(1))
    assert data["@type"] == "Organization" and data["@id"] == "https://w3id.org/soilkg/id/organisation/fao"
    assert "http://www.wikidata.org/entity/Q82151" in data["sameAs"]


def test_downloads_parse_and_lists_have_csv(site_builder: Build, fixture_project: Project, tmp_path: Path) -> None:
    site = site_builder(fixture_project, tmp_path).path
    netsob = ox.NamedNode("https://w3id.org/soilkg/id/network/netsob")
    turtle = list(ox.parse(path=str(site / "network" / "netsob" / "resource.ttl")))
    assert any(t.subject == netsob for t in turtle)
    jsonld = list(ox.parse(path=str(site / "network" / "netsob" / "resource.jsonld"), format=ox.RdfFormat.JSON_LD))
    assert set(jsonld) == set(turtle)
    with (site / "country" / "country.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    # The countries list has the columns a country needs: its name and what happens there.
    assert len(rows) == 8 and all(r["Name"] and r["What happens there"] and r["page"].endswith("index.html")
                                  for r in rows)
    whole = list(ox.parse(path=str(site / "downloads" / "soilkg.nq"), format=ox.RdfFormat.N_QUADS))
    assert len(whole) > len(turtle)


def test_failed_build_keeps_the_last_good_site(site_builder: Build, fixture_project: Project, tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    shutil.copytree(fixture_project.root / "data", project.root / "data")
    shutil.copytree(fixture_project.root / "ontology", project.root / "ontology")
    shutil.copytree(REPO_SITE, project.root / "site", ignore=shutil.ignore_patterns("pages"))
    good = site_builder(project, tmp_path / "build")
    before = (good.path / "index.html").read_text()
    home = project.root / "site" / "templates" / "home.md.j2"
    home.write_text(home.read_text() + "\n[a broken link](nowhere.md)\n")
    with pytest.raises(SoilkgError) as caught:
        site_builder(project, tmp_path / "build")
    assert "nowhere.md" in caught.value.message and "last good site is unchanged" in caught.value.message
    assert (good.path / "index.html").read_text() == before


def _cli(root: Path, build: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOILKG_ROOT": str(root), "SOILKG_BUILD": str(build)}
    return subprocess.run([sys.executable, "-m", "soilkg.cli", "site", "build", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_cli_builds_and_reports_bad_turtle_without_traceback(fixture_project: Project, tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(fixture_project.root / "data", root / "data")
    shutil.copytree(fixture_project.root / "ontology", root / "ontology")
    done = _cli(root, tmp_path / "build", "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "Built" in done.stdout and (tmp_path / "out" / "index.html").is_file()
    netsob = root / "data" / "network" / "netsob.ttl"
    netsob.write_text(netsob.read_text() + '\nnetwork:x a skg:Network ; rdfs:label "x"@en\n')
    failed = _cli(root, tmp_path / "build", "--out", str(tmp_path / "out"))
    assert failed.returncode == 2, "bad Turtle is unusable input: exit 2, as for soilkg validate"
    assert "data/network/netsob.ttl:" in failed.stderr and "Turtle syntax error" in failed.stderr
    assert "Traceback" not in failed.stderr
    assert (tmp_path / "out" / "index.html").is_file(), "the last good site stays"
