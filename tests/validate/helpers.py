"""Helpers for the validation tests: a throw-away repository made of the real ontology/ and
shapes/ plus the small valid graph of tests/fixtures/valid/, and the broken fixtures' headers
(tests/fixtures/invalid/README.md)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from soilkg.sourcefile import decode_lenient

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
INVALID = FIXTURES / "invalid"
# The one dialect of broken fixtures: the first line names the rule and the line of its one finding.
_EXPECT = re.compile(r"^# expect: (?P<rule>[\w-]+) line (?P<line>\d+)\s*$")
_HEADER = re.compile(r"^# (target|message|exit|severity): ?(.*)$")


@dataclass
class BrokenFixture:
    path: Path
    rule: str
    line: int
    target: str  # where it goes in a copy of the repository (replacing the file there, or added)
    messages: list[str] = field(default_factory=list)
    exit: int = 1
    severity: str = "Violation"

    @property
    def name(self) -> str:
        return self.path.stem


def fixture_text(path: Path) -> str:
    """A fixture's text as the validator reads it (some are written with a byte-order mark, or in Latin-1)."""
    return decode_lenient(path.read_bytes())


def read_fixture(path: Path) -> BrokenFixture:
    lines = fixture_text(path).splitlines()
    expect = _EXPECT.match(lines[0]) if lines else None
    if expect is None:
        raise ValueError(f"{path.name}: the first line must be `# expect: <rule> line <N>`")
    header: dict[str, list[str]] = {}
    for line in lines[1:]:
        if match := _HEADER.match(line):
            header.setdefault(match.group(1), []).append(match.group(2))
    return BrokenFixture(path, expect["rule"], int(expect["line"]),
                         header.get("target", [f"data/case-study/{path.stem}.ttl"])[0], header.get("message", []),
                         int(header.get("exit", ["1"])[0]), header.get("severity", ["Violation"])[0])


def broken_fixtures() -> list[BrokenFixture]:
    return [read_fixture(p) for p in sorted(INVALID.glob("*.ttl"))]


def make_repo(root: Path) -> Path:
    """A repository copy: real ontology/ and shapes/, the valid test graph as data/."""
    root.mkdir(parents=True, exist_ok=True)
    for folder in ("ontology", "shapes"):
        shutil.copytree(REPO / folder, root / folder)
    shutil.copytree(FIXTURES / "valid" / "data", root / "data")
    (root / "pyproject.toml").write_text("[project]\nname = 'soilkg-test-copy'\n")
    return root
