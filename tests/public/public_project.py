"""Helpers of the public-view tests: a temporary copy of the project with one SYNTHETIC draft case
study and one SYNTHETIC published one (made from the demonstration files in examples/; nothing is
added to data/), and real `soilkg serve` servers on loopback ports over its stores."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from soilkg.paths import Project
from tests.api.conftest import free_port, stop, wait_until_up

REPO = Path(__file__).resolve().parents[2]
ID = "https://w3id.org/soilkg/id/"
DRAFT = "synthetic-public-view-draft"
PUBLISHED = "synthetic-public-view-published"
DRAFT_TITLE = "Synthetic draft case study for the public-view test"
PUBLISHED_TITLE = "Synthetic published case study for the public-view test"
DRAFT_IRI = ID + "case-study/" + DRAFT
DRAFT_GRAPH = "https://w3id.org/soilkg/source/data/case-study/" + DRAFT + ".ttl"
# A named query of the test project only: every case study, whatever its status, so that the answer
# shows which store /queries runs on.
EVERY_CASE_STUDY = """# title: Every case study (test)
# description: Every case study with its title, whatever its review status.
PREFIX skg: <https://w3id.org/soilkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?caseStudy ?label WHERE { ?caseStudy a skg:CaseStudy ; rdfs:label ?label } ORDER BY ?caseStudy
"""


def case_study(demo: str, slug: str, title: str, status: str, extra: str = "") -> str:
    """A demonstration case study turned into a synthetic one of the test project."""
    text = (REPO / "examples" / "case-studies" / f"{demo}.ttl").read_text(encoding="utf-8")
    text = text.replace(f"casestudy:{demo}", f"casestudy:{slug}")
    text = re.sub(r'rdfs:label "Demonstration:[^"]*"@en', f'rdfs:label "{title}"@en', text, count=1)
    text = text.replace("skg:reviewStatus skg:published .", f"skg:reviewStatus skg:{status} {extra}.")
    return "# SYNTHETIC test data: describes nothing real.\n" + text


def make_project(root: Path, *, draft_status: str = "draft") -> Project:
    for name in ("ontology", "shapes", "data", "server"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("deploy"))
    (root / "pyproject.toml").write_text("")
    folder = root / "data" / "case-study"
    folder.mkdir(exist_ok=True)
    write_draft(root, draft_status)
    # The published one points at the draft: the public view must drop that statement too.
    (folder / f"{PUBLISHED}.ttl").write_text(case_study(
        "demo-bioremediation-hidalgo", PUBLISHED, PUBLISHED_TITLE, "published",
        f"; <http://www.w3.org/2000/01/rdf-schema#seeAlso> casestudy:{DRAFT} "), encoding="utf-8")
    (root / "server" / "queries" / "test-every-case-study.rq").write_text(EVERY_CASE_STUDY, encoding="utf-8")
    return Project(root)


def write_draft(root: Path, status: str) -> None:
    (root / "data" / "case-study" / f"{DRAFT}.ttl").write_text(case_study(
        "demo-biofertilizers-ashanti", DRAFT, DRAFT_TITLE, status), encoding="utf-8")


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]

    def get(self, path: str, **kwargs: object) -> httpx.Response:
        return httpx.get(self.base + path, timeout=30, **kwargs)  # type: ignore[arg-type]

    def sparql(self, query: str, accept: str = "application/sparql-results+json") -> httpx.Response:
        return httpx.post(self.base + "/sparql", data={"query": query}, headers={"Accept": accept}, timeout=30)


def serve(project: Project, build: Path, *extra: str, timeout: float = 90,
          no_build: bool = True) -> Iterator[Server]:
    """`soilkg serve` on a free loopback port; `--no-build` unless asked (the tests build the stores)."""
    port = free_port()
    env = {**os.environ, "SOILKG_ROOT": str(project.root), "SOILKG_BUILD": str(build), "NO_COLOR": "1"}
    process = subprocess.Popen([sys.executable, "-m", "soilkg.cli", "serve", *(["--no-build"] if no_build else []),
                                "--port", str(port), "--workers", "1", *extra], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/health", process, timeout)
        yield Server(base, process)
    finally:
        stop(process)
