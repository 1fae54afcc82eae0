"""A build that meets a broken case study stops, and the last good store stays as it was: same
link target, same manifest, same data, still readable."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from tests.curation.sandbox import HERE, Sandbox

CASE_STUDIES = ("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?c a "
                "<https://w3id.org/soilkg/ontology#CaseStudy> } }")


@pytest.mark.parametrize("name", ["turtle-syntax", "missing-required-licence", "coordinates-outside-country",
                                  "duplicate-identifier"])
def test_failed_build_leaves_last_good_store(sandbox: Sandbox, name: str) -> None:
    link = sandbox.build / "store"
    before_target = link.resolve()
    before_manifest = (link / "manifest.json").read_bytes()
    relative = f"data/case-study/{name}.ttl"
    shutil.copy2(HERE / "invalid" / f"{name}.ttl", sandbox.root / relative)
    try:
        result = sandbox.run("build")
    finally:
        (sandbox.root / relative).unlink()
    output = result.stdout + result.stderr
    # Bad Turtle is unusable input (exit 2, as `soilkg validate` says); the others are violations (exit 1).
    assert result.returncode == (2 if name == "turtle-syntax" else 1), output
    assert "Traceback" not in output
    assert relative in output
    assert link.resolve() == before_target
    assert (link / "manifest.json").read_bytes() == before_manifest
    # The old store is complete and readable: the two synthetic valid case studies, no broken one.
    store = ox.Store.read_only(str(before_target))
    rows = store.query(CASE_STUDIES)
    assert isinstance(rows, ox.QuerySolutions)
    assert [int(row["n"].value) for row in rows] == [2]
