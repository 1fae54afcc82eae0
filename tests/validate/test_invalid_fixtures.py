"""Every broken curator file of tests/fixtures/invalid/ gives exactly one message, of its rule, on its
line, with the right exit code, through the real `soilkg validate FILE` on a copy of the repository's
sources that has a good build, and never a traceback. The command runs in this process (typer's
runner on the real application, so that some eighty files take seconds, not minutes); the human
output and the whole-graph run go through a subprocess as a curator types them.

The files follow one dialect (tests/fixtures/invalid/README.md): named after the rule they break,
first line `# expect: <rule> line <N>`."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from soilkg import cli
from tests.curation.sandbox import Sandbox, built_sandbox, copy_sources

from .helpers import INVALID, BrokenFixture, broken_fixtures, fixture_text

FIXTURES = broken_fixtures()
# Each class of problem a curator's file can have (issue 10) has at least this many fixtures.
CLASSES: dict[str, tuple[set[str], int]] = {
    "ownership": ({"foreign-statement", "two-resources", "foreign-identity"}, 6),
    "nothing silently ignored": ({"empty-file", "unknown-namespace", "blank-node-resource", "untyped-resource",
                                  "no-resource", "wrong-resource", "no-folder"}, 6),
    "value rules": ({"case-study-area-positive", "case-study-cost-not-negative", "orcid-check-digit",
                     "case-study-reviewer-not-compiler", "case-study-start-in-future", "currency-code",
                     "language-code", "case-study-end-before-start", "case-study-coordinates-range",
                     "case-study-reviewer-for-published"}, 7),
    "encodings": ({"encoding"}, 1),
}


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    """The repository's sources plus the valid synthetic case studies, with a good build."""
    box = built_sandbox(tmp_path_factory.mktemp("invalid-fixtures"))
    yield box


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    if not cli.app.registered_commands:
        cli._register_all()
    return CliRunner()


def _placed(sandbox: Sandbox, fixture: BrokenFixture) -> tuple[Path, bytes | None]:
    target = sandbox.root / fixture.target
    target.parent.mkdir(parents=True, exist_ok=True)
    before = target.read_bytes() if target.is_file() else None
    shutil.copyfile(fixture.path, target)
    return target, before


def _restore(target: Path, before: bytes | None) -> None:
    if before is None:
        target.unlink()
    else:
        target.write_bytes(before)


def _tell(fixture: BrokenFixture, findings: list[dict[str, object]]) -> str:
    """What a curator reads when a fixture does not give its one message."""
    got = "\n".join(f"  {f['file']}:{f['line']} {f['message']} ({f['rule']})" for f in findings) or "  nothing"
    return (f"{fixture.path.name} must give exactly one `{fixture.rule}` message on line {fixture.line} of "
            f"{fixture.target}. `soilkg validate {fixture.target}` gave:\n{got}\nRun it on a copy of the repository "
            f"with tests/fixtures/invalid/{fixture.path.name} placed there to see the same.")


def test_every_fixture_is_named_after_its_rule() -> None:
    assert len(FIXTURES) >= 60
    for fixture in FIXTURES:
        assert fixture.name.split("--")[0] == fixture.rule, \
            f"{fixture.path.name} breaks `{fixture.rule}`: name it {fixture.rule}.ttl or {fixture.rule}--<what>.ttl"
        assert fixture.messages, f"{fixture.path.name}: add a `# message:` line with a part of the expected message"
        assert re.match(r"^(data|examples)/", fixture.target), fixture.path.name


def test_every_class_of_problem_has_fixtures() -> None:
    rules = [f.rule for f in FIXTURES]
    for name, (members, at_least) in CLASSES.items():
        found = [r for r in rules if r in members]
        assert len(found) >= at_least, f"{name}: {len(found)} fixtures, want at least {at_least}"


def test_there_is_one_dialect() -> None:
    assert not (INVALID.parent.parent / "curation" / "invalid").exists()
    for fixture in FIXTURES:
        text = fixture_text(fixture.path)
        assert not re.search(r"^# (rule|expect-line):", text, flags=re.MULTILINE), fixture.path.name


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_one_message_on_its_line(sandbox: Sandbox, runner: CliRunner, fixture: BrokenFixture) -> None:
    target, before = _placed(sandbox, fixture)
    try:
        result = runner.invoke(cli.app, ["validate", str(target), "--format", "json"], env=sandbox.env(),
                               catch_exceptions=True)
    finally:
        _restore(target, before)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    findings = json.loads(result.stdout)["findings"]
    mine = [f for f in findings if f["severity"] == fixture.severity]
    assert len(mine) == 1 and mine[0]["rule"] == fixture.rule and mine[0]["line"] == fixture.line, \
        _tell(fixture, findings)
    assert mine[0]["file"] == fixture.target
    for text in fixture.messages:
        assert text in mine[0]["message"], _tell(fixture, findings)
    assert result.exit_code == fixture.exit, f"{fixture.path.name}: exit {result.exit_code}, want {fixture.exit}"


@pytest.mark.parametrize("name", ["turtle-syntax", "two-resources--second-case-study",
                                  "unknown-namespace--misspelt-skg"])
def test_people_read_file_line_and_message(sandbox: Sandbox, name: str) -> None:
    """The human output: `file:line: Violation message (rule)`, one line per finding, no traceback."""
    fixture = next(f for f in FIXTURES if f.name == name)
    target, before = _placed(sandbox, fixture)
    try:
        result = sandbox.run("validate", fixture.target)
    finally:
        _restore(target, before)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    found = re.findall(rf"^{re.escape(fixture.target)}:(\d+)(?::\d+)?: Violation ", output, flags=re.MULTILINE)
    assert found == [str(fixture.line)], output


def test_whole_graph_run_gives_each_broken_file_its_one_message(sandbox: Sandbox, tmp_path: Path) -> None:
    """The same files together in one repository, validated as a whole (as `soilkg build` does): each
    still gives its one message, and no other file is blamed for them."""
    root = tmp_path / "repo"
    root.mkdir()
    copy_sources(root)
    together = [f for f in FIXTURES if f.rule in CLASSES["ownership"][0] | CLASSES["nothing silently ignored"][0]
                and not (sandbox.root / f.target).exists()]
    assert len({f.target for f in together}) == len(together), "fixtures of a whole-graph run need distinct targets"
    for fixture in together:
        (root / fixture.target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(fixture.path, root / fixture.target)
    result = Sandbox(root, tmp_path / "build").run("validate", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    by_file: dict[str, list[tuple[str, int]]] = {}
    for finding in findings:
        by_file.setdefault(finding["file"], []).append((finding["rule"], finding["line"]))
    assert by_file == {f.target: [(f.rule, f.line)] for f in together}, json.dumps(findings, indent=1)
    assert result.returncode == 1
