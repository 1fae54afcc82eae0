"""A build that meets a broken case study stops, and the last good store stays as it was: same
link target, same manifest, same data, still readable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.curation.sandbox import Sandbox
from tests.validate.helpers import INVALID, read_fixture

CASE_STUDIES = ("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?c a "
                "<https://w3id.org/soilkg/ontology#CaseStudy> } }")


@pytest.mark.parametrize("name", ["turtle-syntax--case-study", "CaseStudy-license--missing-required-licence",
                                  "case-study-coordinates-in-country--coordinates-outside-country",
                                  "wrong-resource--copied-case-study", "two-resources--second-case-study"])
def test_failed_build_leaves_last_good_store(sandbox: Sandbox, name: str) -> None:
    link = sandbox.build / "store"
    before_target = link.resolve()
    before_manifest = (link / "manifest.json").read_bytes()
    before_count = _case_studies(before_target)
    fixture = read_fixture(INVALID / f"{name}.ttl")
    relative = fixture.target
    shutil.copy2(fixture.path, sandbox.root / relative)
    try:
        result = sandbox.run("build")
    finally:
        (sandbox.root / relative).unlink()
    output = result.stdout + result.stderr
    # Bad Turtle is unusable input (exit 2, as `soilkg validate` says); the others are violations (exit 1).
    assert result.returncode == fixture.exit, output
    assert "Traceback" not in output
    assert relative in output
    assert link.resolve() == before_target
    assert (link / "manifest.json").read_bytes() == before_manifest
    # The old store is complete and readable: the same case studies as before, no broken one.
    assert _case_studies(before_target) == before_count >= 1


def _case_studies(store_path: Path) -> int:
    store = ox.Store.read_only(str(store_path))
    rows = store.query(CASE_STUDIES)
    assert isinstance(rows, ox.QuerySolutions)
    return sum(int(row["n"].value) for row in rows)
