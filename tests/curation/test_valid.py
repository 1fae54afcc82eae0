"""The synthetic valid case studies and the demonstrations pass; demonstrations say so wherever they
show and stay out of the public build unless asked for."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, Namespace

from tests.curation.sandbox import HERE, REPO, Sandbox

SKG = Namespace("https://w3id.org/soilkg/ontology#")
DEMOS = sorted((REPO / "examples" / "case-studies").glob("*.ttl"))
DEMO_COUNT = ("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?c a "
              "<https://w3id.org/soilkg/ontology#DemonstrationCaseStudy> } }")


def _violations(result_stdout: str) -> list[dict[str, object]]:
    return [f for f in json.loads(result_stdout)["findings"] if f["severity"] == "Violation"]


def test_valid_case_studies_and_demonstrations_pass(sandbox: Sandbox) -> None:
    files = [f"data/case-study/{p.name}" for p in sorted((HERE / "valid").glob("*.ttl"))]
    files += [f"examples/case-studies/{p.name}" for p in DEMOS]
    result = sandbox.run("validate", *files, "--format", "json")
    assert "Traceback" not in result.stderr
    assert _violations(result.stdout) == []
    assert result.returncode == 0, result.stdout + result.stderr


def test_demonstrations_are_marked_wherever_they_show() -> None:
    assert len(DEMOS) >= 3
    for path in DEMOS:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# DEMONSTRATION"), path.name
        graph = Graph().parse(path)
        cases = list(graph.subjects(RDF.type, SKG.CaseStudy))
        assert len(cases) == 1, path.name
        case = cases[0]
        assert (case, RDF.type, SKG.DemonstrationCaseStudy) in graph
        assert (case, SKG.demonstration, Literal(True)) in graph
        assert all(str(t).startswith("Demonstration") for t in graph.objects(case, RDFS.label))
        assert (case, SKG.reviewStatus, SKG.published) in graph  # so they show when included
        assert "DEMONSTRATION ONLY" in str(graph.value(case, Namespace("http://purl.org/dc/terms/").abstract))


def _demo_count(build: Path) -> int:
    rows = ox.Store.read_only(str((build / "store").resolve())).query(DEMO_COUNT)
    assert isinstance(rows, ox.QuerySolutions)
    return int(next(iter(rows))["n"].value)


def test_public_build_leaves_demonstrations_out(fresh_sandbox: Sandbox) -> None:
    public = fresh_sandbox.run("build")
    assert public.returncode == 0, public.stdout + public.stderr
    assert _demo_count(fresh_sandbox.build) == 0
    with_demo = fresh_sandbox.run("build", "--include-demo")
    assert with_demo.returncode == 0, with_demo.stdout + with_demo.stderr
    assert _demo_count(fresh_sandbox.build) == len(DEMOS)


def test_only_published_case_studies_are_public(sandbox: Sandbox) -> None:
    from soilkg.curation.workflow import unpublished_case_studies

    # valid-full is published; valid-minimal is a draft: in the curators' preview store only.
    preview = ox.Store.read_only(str((sandbox.build / "store-preview").resolve()))
    assert unpublished_case_studies(preview) == {"https://w3id.org/soilkg/id/case-study/valid-minimal"}
    public = ox.Store.read_only(str((sandbox.build / "store").resolve()))
    assert unpublished_case_studies(public) == set()
