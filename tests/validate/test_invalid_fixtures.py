"""Every broken fixture gives exactly one finding of its rule, at its file and line, with its
message, both when the whole graph is validated and when only the broken file is."""

from __future__ import annotations

import shutil

import pytest

from soilkg.commands.validate import exit_code
from soilkg.errors import Finding, Severity
from soilkg.paths import Project
from soilkg.validation import validate

from .helpers import BrokenFixture, broken_fixtures

FIXTURES = broken_fixtures()


def _place(project: Project, fixture: BrokenFixture) -> None:
    target = project.root / fixture.target
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(fixture.path, target)


def _assert_one(findings: list[Finding], fixture: BrokenFixture) -> None:
    severity = Severity(fixture.severity)
    mine = [f for f in findings if f.severity is severity]
    assert [f.rule for f in mine] == [fixture.rule], "\n".join(f"{f.where()} {f.message} ({f.rule})" for f in findings)
    found = mine[0]
    assert found.file == fixture.target
    assert found.line == fixture.line, found
    for text in fixture.expect:
        assert text in found.message, found.message
    assert exit_code(findings) == fixture.exit


def test_every_fixture_names_its_rule_and_place() -> None:
    assert len(FIXTURES) >= 15
    for fixture in FIXTURES:
        assert fixture.name.startswith(fixture.rule), f"{fixture.path.name} must be named after {fixture.rule}"
        assert fixture.expect and fixture.line is not None, fixture.path.name


def test_valid_graph_is_clean(repo: Project) -> None:
    assert validate(repo) == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_fixture_whole_graph(repo: Project, fixture: BrokenFixture) -> None:
    _place(repo, fixture)
    _assert_one(validate(repo), fixture)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_fixture_single_file(repo: Project, fixture: BrokenFixture) -> None:
    _place(repo, fixture)
    _assert_one(validate(repo, [repo.root / fixture.target]), fixture)
