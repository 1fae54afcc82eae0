"""Each curated file of the repository, by name: it validates against the whole graph. A failure
speaks to the curator who wrote the file: what is wrong, where, and the command that shows how to
fix it (as a registry curated in git does for its records)."""

from __future__ import annotations

import pytest

from soilkg.errors import Finding, Severity
from soilkg.paths import Project
from soilkg.validation import validate

from .helpers import REPO

PROJECT = Project(REPO)
CURATED = sorted(PROJECT.relative(p) for p in PROJECT.source_files(include_demo=True)
                 if PROJECT.relative(p).startswith(("data/", "examples/")))


@pytest.fixture(scope="module")
def findings() -> dict[str, list[Finding]]:
    by_file: dict[str, list[Finding]] = {}
    for finding in validate(PROJECT, include_demo=True):
        by_file.setdefault(finding.file, []).append(finding)
    return by_file


def test_every_curated_folder_is_checked() -> None:
    assert any(r.startswith("data/network/") for r in CURATED) and any(r.startswith("examples/") for r in CURATED)


@pytest.mark.parametrize("relative", CURATED)
def test_file_validates(findings: dict[str, list[Finding]], relative: str) -> None:
    problems = [f for f in findings.get(relative, []) if f.severity is Severity.VIOLATION]
    assert not problems, (f"{relative} has {len(problems)} problem(s):\n"
                          + "\n".join(f"  {f.where()}: {f.message} ({f.rule})" for f in problems)
                          + f"\nRun `soilkg validate {relative}` and fix each line it names; it says how.")
