"""Only published case studies reach the public site; `soilkg site build --include-drafts` previews the
others with a "Draft — not public" banner. Synthetic case studies on the site fixture, real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from soilkg.paths import Project

CASE = """# SYNTHETIC test case study (tests/site/test_drafts.py): no real project.
@prefix skg: <https://w3id.org/soilkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix casestudy: <https://w3id.org/soilkg/id/case-study/> .
@prefix country: <https://w3id.org/soilkg/id/country/> .

casestudy:{slug}
    a skg:CaseStudy ;
    rdfs:label "{title}"@en ;
    dct:abstract "Synthetic test data for {title}."@en ;
    skg:country country:GHA ;
    skg:reviewStatus skg:{status} .
"""
DRAFT = "Synthetic Zebrawood Mulch Trial"  # a title no other file contains
PUBLISHED = "Synthetic Published Compost Trial"


def _write_project(fixture: Project, root: Path) -> None:
    shutil.copytree(fixture.root / "data", root / "data")
    shutil.copytree(fixture.root / "ontology", root / "ontology")
    _write_project_case_studies(root)


def _site(root: Path, build: Path, out: Path, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOILKG_ROOT": str(root), "SOILKG_BUILD": str(build), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "soilkg.cli", "site", "build", "--out", str(out), *flags],
                          capture_output=True, text=True, env=env, timeout=300, check=False)


def _files_mentioning(site: Path, text: str) -> list[str]:
    suffixes = {".html", ".json", ".js", ".ttl", ".trig", ".nq", ".jsonld", ".csv", ".xml"}
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*")
                  if path.is_file() and path.suffix in suffixes
                  and text in path.read_text(encoding="utf-8", errors="replace"))


@pytest.fixture(scope="module")
def built(fixture_project: Project, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The public site and the curator's preview of the same project."""
    tmp = tmp_path_factory.mktemp("drafts")
    _write_project(fixture_project, tmp / "project")
    public = _site(tmp / "project", tmp / "build", tmp / "public")
    assert public.returncode == 0, public.stderr
    preview = _site(tmp / "project", tmp / "build", tmp / "preview", "--include-drafts")
    assert preview.returncode == 0, preview.stderr
    assert "do not publish" in preview.stderr
    return tmp / "public", tmp / "preview"


def test_public_site_leaves_unpublished_case_studies_out_everywhere(built: tuple[Path, Path]) -> None:
    public, _preview = built
    assert (public / "case-study" / "synthetic-published" / "index.html").is_file()
    assert _files_mentioning(public, PUBLISHED), "the published case study is on the site"
    assert not (public / "case-study" / "synthetic-draft").exists()
    assert not (public / "case-study" / "synthetic-reviewed").exists()
    # Lists, search index, map, home page, downloads (Turtle, TriG, N-Quads, JSON-LD): nowhere.
    assert _files_mentioning(public, DRAFT) == []
    assert _files_mentioning(public, "case-study/synthetic-draft") == []
    assert "Draft — not public" not in (public / "case-study" / "synthetic-published" / "index.html").read_text()


def test_preview_shows_drafts_with_a_banner(built: tuple[Path, Path]) -> None:
    _public, preview = built
    for slug in ("synthetic-draft", "synthetic-reviewed"):
        page = (preview / "case-study" / slug / "index.html").read_text(encoding="utf-8")
        assert DRAFT in page and "Draft — not public" in page, slug
    published = (preview / "case-study" / "synthetic-published" / "index.html").read_text(encoding="utf-8")
    assert "Draft — not public" not in published
    assert "synthetic-draft" in (preview / "case-study" / "index.html").read_text(encoding="utf-8")


def test_curator_guide_previews_the_draft_with_the_flag() -> None:
    guide = (Path(__file__).resolve().parents[2] / "site" / "pages" / "curators" / "index.md").read_text(
        encoding="utf-8")
    preview = guide.split("### 5. Preview it in the local site", 1)[1].split("\n### ", 1)[0]
    commands = [line for line in preview.splitlines() if line.startswith("$ soilkg site build")]
    assert commands and all("--include-drafts" in c for c in commands), commands
    assert "Draft — not public" in preview


def test_drafts_reach_neither_the_report_nor_its_site_page(tmp_path: Path) -> None:
    """The report draft (and the site's "Latest report draft" page built from it) lists published
    case studies only: a draft linked from the report broke the public site's build."""
    repo = Path(__file__).resolve().parents[2]
    root = tmp_path / "project"
    for folder in ("data", "ontology", "server"):
        shutil.copytree(repo / folder, root / folder)
    (root / "pyproject.toml").write_text("")
    _write_project_case_studies(root)
    env = {**os.environ, "SOILKG_ROOT": str(root), "SOILKG_BUILD": str(tmp_path / "build"), "NO_COLOR": "1"}
    report = subprocess.run([sys.executable, "-m", "soilkg.cli", "report", "--session", "20", "--format", "md",
                             "--out", str(tmp_path / "r.md")], capture_output=True, text=True, env=env, timeout=300)
    assert report.returncode == 0, report.stderr
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert PUBLISHED in text and DRAFT not in text
    public = _site(root, tmp_path / "build", tmp_path / "public")
    assert public.returncode == 0, public.stderr
    assert _files_mentioning(tmp_path / "public", DRAFT) == []


def _write_project_case_studies(root: Path) -> None:
    folder = root / "data" / "case-study"
    folder.mkdir(exist_ok=True)
    for slug, title, status in (("synthetic-draft", DRAFT, "draft"), ("synthetic-reviewed", DRAFT + " II", "reviewed"),
                                ("synthetic-published", PUBLISHED, "published")):
        (folder / f"{slug}.ttl").write_text(CASE.format(slug=slug, title=title, status=status), encoding="utf-8")
