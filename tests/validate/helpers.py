"""Helpers for the validation tests: a throw-away repository made of the real ontology/ and
shapes/ plus the small valid graph of tests/fixtures/valid/, and the broken fixtures' headers."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
INVALID = FIXTURES / "invalid"
_HEADER = re.compile(r"^#\s*(rule|target|expect|exit|line|severity):\s?(.*)$")


@dataclass
class BrokenFixture:
    path: Path
    rule: str
    target: str
    expect: list[str] = field(default_factory=list)
    exit: int = 1
    line: int | None = None
    severity: str = "Violation"

    @property
    def name(self) -> str:
        return self.path.stem


def read_fixture(path: Path) -> BrokenFixture:
    header: dict[str, list[str]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if match := _HEADER.match(line):
            header.setdefault(match.group(1), []).append(match.group(2))
    marked = [n for n, line in enumerate(lines, start=1) if line.rstrip().endswith("# <- here")]
    line_no = int(header["line"][0]) if "line" in header else (marked[0] if marked else None)
    return BrokenFixture(path, header["rule"][0], header["target"][0], header.get("expect", []),
                         int(header.get("exit", ["1"])[0]), line_no, header.get("severity", ["Violation"])[0])


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
