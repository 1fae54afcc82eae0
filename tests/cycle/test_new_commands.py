"""Every `soilkg new` command of the reporting cycle through the real CLI, on a copy of the repository:
each writes a file that validates clean, and after `soilkg build` the new resources are in the store
and in the named queries (in process and over HTTP from `soilkg serve`). All values are SYNTHETIC."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from soilkg import queries
from soilkg.api.worker import term_json
from soilkg.namespaces import ID
from tests.cycle.conftest import SOILKG, Repo

EXPECTED = Path(__file__).parent / "expected"

# A synthetic source document in Markdown (made up for this test; never in data/).
SYNTHETIC_DOCUMENT = """# Synthetic progress report (test data)

Item 8.4 of the Provisional Agenda

Twenty-first Regular Session

## I. Introduction

1. SYNTHETIC. This paragraph is made up for the tests (doi 10.4060/synthetic01).[^1]
2. SYNTHETIC. The Global Soil Doctors Programme has built the capacity of 700 trainers.

[^1]: SYNTHETIC footnote.
"""

# (arguments, file written): the order matters, later commands cite what earlier ones wrote.
COMMANDS: list[tuple[tuple[str, ...], str]] = [
    (("new", "source", "{doc}", "--slug", "synthetic-report", "--meeting", "meeting:cgrfa-20", "--date",
      "2027-01-15", "--url", "https://example.org/synthetic-report"), "data/document/synthetic-report.ttl"),
    (("new", "web-page", "--url", "https://example.org/synthetic-page", "--title", "Synthetic web page",
      "--accessed", "2026-05-04"), "data/web-page/synthetic-web-page.ttl"),
    (("new", "publication", "--title", "Synthetic procedure for nematodes", "--year", "2026", "--issued",
      "2026-03-01", "--doi", "10.4060/synthetic01", "--author", "Synthetic, A.", "--author", "Csorba, C.",
      "--publisher", "organisation:fao", "--status", "published", "--source", "document:synthetic-report/p1"),
     "data/publication/synthetic-procedure-for-nematodes.ttl"),
    (("new", "figure", "--updates", "figure:global-soil-doctors-trainers", "--value", "700", "--as-of",
      "2026-06-30", "--source", "document:synthetic-report/p2"),
     "data/figure/global-soil-doctors-trainers-2026-06-30.ttl"),
    (("new", "figure", "--updates", "figure:global-soil-doctors-trainers-2026-06-30", "--value", "1 200",
      "--more-than", "--as-of", "2026-12-31", "--source", "web-page:synthetic-web-page"),
     "data/figure/global-soil-doctors-trainers-2026-12-31.ttl"),
    (("new", "status", "--of", "publication:sop-nematodes", "--status", "published", "--date", "2026-02-01",
      "--source", "web-page:synthetic-web-page"), "data/status-change/sop-nematodes-published.ttl"),
    (("new", "meeting", "--body", "cgrfa", "--session", "21", "--place", "Rome", "--start", "2027-03-22",
      "--end", "2027-03-26", "--source", "document:synthetic-report/p2"), "data/meeting/cgrfa-21.ttl"),
]

# Named query -> parameters whose answers tests/cycle/expected/ holds (after the synthetic updates).
ANSWERS = {
    "figure-latest": {"about": "programme:global-soil-doctors"},
    "figure-series": {"figure": "figure:global-soil-doctors-trainers-2026-06-30"},
    "status-history": {"resource": "publication:sop-nematodes"},
}


def _rows(solutions: ox.QuerySolutions) -> list[str]:
    names = [v.value for v in solutions.variables]
    rows = [{n: term_json(t)["value"] for n in names if (t := s[n]) is not None} for s in solutions]
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows)


def _expected(name: str) -> list[str]:
    data = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    assert data["synthetic"] is True and data["params"] == ANSWERS[name]
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in data["rows"])


@pytest.fixture(scope="module")
def built(module_repo: Repo) -> Repo:
    """The copy after every command ran and `soilkg build` succeeded."""
    document = module_repo.root.parent / "synthetic-report.md"
    document.write_text(SYNTHETIC_DOCUMENT, encoding="utf-8")
    for args, written in COMMANDS:
        done = module_repo.ok(*(a.replace("{doc}", str(document)) for a in args))
        assert f"Wrote {written}" in done.stdout and "Valid." in done.stdout
        checked = module_repo.run("validate", written, "--format", "json")
        assert json.loads(checked.stdout)["findings"] == [] and checked.returncode == 0, checked.stdout
    module_repo.ok("build")
    return module_repo


def test_files_are_commented_and_cite_one_passage(built: Repo) -> None:
    for _args, written in COMMANDS:
        text = (built.root / written).read_text(encoding="utf-8")
        assert text.startswith("# ") and "Written by `soilkg new" in text
        if "document/" not in written:
            # One skg:statedIn: the default rule gives every statement of the file that source.
            assert len(re.findall(r"^    skg:statedIn ", text, re.MULTILINE)) == 1, written
    person = (built.root / "data/person/synthetic-a.ttl").read_text(encoding="utf-8")
    assert 'rdfs:label "Synthetic, A."@en' in person
    assert not (built.root / "data/person/csorba-c-2.ttl").exists()  # an author already there is reused


def test_new_resources_are_in_the_store(built: Repo) -> None:
    store = ox.Store.read_only(str((built.root / ".soilkg" / "store").resolve()))
    for _args, written in COMMANDS:
        kind, slug = Path(written).parent.name, Path(written).stem
        asked = store.query(f"ASK {{ GRAPH ?g {{ <{ID}{kind}/{slug}> a ?class }} }}")
        assert asked, written
    paragraphs = store.query(f"""SELECT (COUNT(?p) AS ?n) WHERE {{ GRAPH ?g {{
        ?p <https://w3id.org/soilkg/ontology#paragraphOf> <{ID}document/synthetic-report> }} }}""")
    assert isinstance(paragraphs, ox.QuerySolutions)
    assert next(paragraphs)["n"].value == "2"


def test_named_queries_in_process(built: Repo) -> None:
    store = ox.Store.read_only(str((built.root / ".soilkg" / "store").resolve()))
    library = queries.load_all(built.root / "server" / "queries")
    for name, params in ANSWERS.items():
        assert _rows(queries.run(store, library[name], params)) == _expected(name), name


@pytest.fixture(scope="module")
def server(built: Repo) -> Iterator[str]:
    from tests.api.conftest import free_port, stop, wait_until_up

    port = free_port()
    process = subprocess.Popen([str(SOILKG), "serve", "--no-build", "--port", str(port), "--workers", "1"],
                               cwd=built.root, env=built.env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/health", process)
        yield base
    finally:
        stop(process)


def test_named_queries_over_http(server: str) -> None:
    listed = {q["name"]: q for q in httpx.get(server + "/queries", timeout=30).json()["queries"]}
    for name, params in ANSWERS.items():
        assert listed[name]["description"] and [p["name"] for p in listed[name]["parameters"]] == list(params)
        response = httpx.get(f"{server}/queries/{name}", params=params, timeout=30)
        assert response.status_code == 200, response.text
        bindings = response.json()["results"]["bindings"]
        rows = sorted(json.dumps({k: v["value"] for k, v in b.items()}, sort_keys=True, ensure_ascii=False)
                      for b in bindings)
        assert rows == _expected(name), name


def test_new_resources_are_served(server: str) -> None:
    for _args, written in COMMANDS:
        kind, slug = Path(written).parent.name, Path(written).stem
        response = httpx.get(f"{server}/id/{kind}/{slug}", headers={"Accept": "text/turtle"}, timeout=30)
        assert response.status_code == 200, (written, response.status_code)
        subjects = {t.subject for t in ox.parse(response.content, ox.RdfFormat.TURTLE, base_iri=server)}
        assert ox.NamedNode(f"{ID}{kind}/{slug}") in subjects, written
