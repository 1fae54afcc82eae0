"""The real `soilkg` command in a subprocess, on copies of the repository: the issue's "done when"
cases give one clear message naming file and line, the right exit code, and never a traceback."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers import INVALID, REPO, read_fixture

DONE_WHEN = ["turtle-syntax", "LabelledResource-label", "undefined-reference", "Identifiers-doi",
             "ill-typed-literal", "Figure-statedIn", "wrong-resource--copy-not-renamed"]


def soilkg(root: Path, build: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOILKG_ROOT": str(root), "SOILKG_BUILD": str(build), "NO_COLOR": "1",
           "COLUMNS": "400"}
    return subprocess.run(["soilkg", *args], cwd=root, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("name", DONE_WHEN)
def test_done_when_case(repo_root: Path, tmp_path: Path, name: str) -> None:
    fixture = read_fixture(INVALID / f"{name}.ttl")
    target = repo_root / fixture.target
    shutil.copyfile(fixture.path, target)
    result = soilkg(repo_root, tmp_path / "build", "validate", fixture.target)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode == fixture.exit, output
    violations = [line for line in result.stdout.splitlines() if " Violation " in line]
    assert len(violations) == 1, output
    assert violations[0].startswith(f"{fixture.target}:{fixture.line}"), violations[0]
    for text in fixture.messages:
        assert text in violations[0]


def test_json_format(repo_root: Path, tmp_path: Path) -> None:
    fixture = read_fixture(INVALID / "Identifiers-doi.ttl")
    shutil.copyfile(fixture.path, repo_root / fixture.target)
    result = soilkg(repo_root, tmp_path / "build", "validate", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["counts"]["Violation"] == 1
    [finding] = report["findings"]
    assert (finding["file"], finding["line"], finding["rule"]) == (fixture.target, fixture.line, fixture.rule)
    assert finding["value"] == "https://doi.org/10.4060/cc9423en"


def test_missing_path_is_unusable_input(repo_root: Path, tmp_path: Path) -> None:
    result = soilkg(repo_root, tmp_path / "build", "validate", "data/network/nope.ttl")
    assert result.returncode == 2
    assert "No such file" in result.stderr and "Traceback" not in result.stderr


def test_shipped_data_is_clean(tmp_path: Path) -> None:
    """`soilkg validate` on the repository's own ontology, shapes and data: no violation, exit 0."""
    root = tmp_path / "copy"
    for folder in ("ontology", "shapes", "data"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copyfile(REPO / "pyproject.toml", root / "pyproject.toml")
    result = soilkg(root, tmp_path / "build", "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert " Violation " not in result.stdout


def test_build_refuses_violations_and_keeps_last_good_store(repo_root: Path, tmp_path: Path) -> None:
    build = tmp_path / "build"
    first = soilkg(repo_root, build, "build")
    assert first.returncode == 0, first.stderr
    assert "Built" in first.stdout and "quads" in first.stdout
    good = (build / "store").resolve()
    again = soilkg(repo_root, build, "build")
    assert again.returncode == 0 and "Up to date" in again.stdout
    fixture = read_fixture(INVALID / "Figure-statedIn.ttl")
    shutil.copyfile(fixture.path, repo_root / fixture.target)
    broken = soilkg(repo_root, build, "build")
    assert broken.returncode == 1
    assert f"{fixture.target}:{fixture.line}" in broken.stderr and "A figure without a source" in broken.stderr
    assert "Traceback" not in broken.stdout + broken.stderr
    assert (build / "store").resolve() == good


def test_changed_against_base_branch(repo_root: Path, tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=repo_root,
                       check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", ".")
    git("commit", "-q", "-m", "base")
    git("checkout", "-q", "-b", "curator-edit")
    nothing = soilkg(repo_root, tmp_path / "build", "validate", "--changed")
    assert nothing.returncode == 0 and "nothing to validate" in nothing.stderr
    fixture = read_fixture(INVALID / "undefined-reference.ttl")
    shutil.copyfile(fixture.path, repo_root / fixture.target)
    git("commit", "-q", "-am", "edit")
    result = soilkg(repo_root, tmp_path / "build", "validate", "--changed")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{fixture.target}:{fixture.line}" in result.stdout
    assert "1 file" in result.stderr
    missing = soilkg(repo_root, tmp_path / "build", "validate", "--changed", "--base", "no-such-branch")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_a_broken_file_that_others_cite_gives_one_message(repo_root: Path, tmp_path: Path) -> None:
    """NETSOB is cited by a dozen files: when its file does not parse, the syntax error is the one
    message; the references to it are not reported again as undefined."""
    netsob = repo_root / "data" / "network" / "netsob.ttl"
    # The ' ;' that ends the skg:unitOf line goes missing (whatever annotation the line carries).
    netsob.write_text(re.sub(r"(skg:unitOf organisation:gsp[^;\n]*);", r"\1", netsob.read_text(), count=1))
    result = soilkg(repo_root, tmp_path / "build", "validate")
    output = result.stdout + result.stderr
    assert result.returncode == 2 and "Traceback" not in output
    violations = [line for line in result.stdout.splitlines() if " Violation " in line]
    assert len(violations) == 1, output
    assert violations[0].startswith("data/network/netsob.ttl:") and "Turtle syntax error" in violations[0]
