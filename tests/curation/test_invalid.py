"""Every file in invalid/ breaks one rule (named after it) and must give exactly one clear finding,
naming the file and the line, through the real `soilkg validate FILE` — never a traceback."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.curation.sandbox import HERE, Sandbox

INVALID = sorted((HERE / "invalid").glob("*.ttl"))
MARKER = "# <- mistake"


def expectations(path: Path) -> tuple[str, int]:
    """The message fragment and the line a file's header promises."""
    text = path.read_text(encoding="utf-8")
    header = dict(re.findall(r"^# (expect|expect-line): (.+)$", text, flags=re.MULTILINE))
    lines = text.splitlines()
    where = header["expect-line"].strip()
    marked = next((n for n, line in enumerate(lines, start=1) if MARKER in line), None)
    if where == "marker":
        assert marked is not None, f"{path.name} has no '{MARKER}' line"
        return header["expect"], marked
    if where == "next":  # the parser stops at the token after the mistake
        assert marked is not None
        return header["expect"], marked + 1
    if where.startswith("text "):  # the first line holding this text (the property the finding names)
        needle = where[len("text "):]
        return header["expect"], next(n for n, line in enumerate(lines, start=1)
                                      if needle in line and not line.startswith("#"))
    assert where == "subject", f"{path.name}: unknown expect-line {where}"
    return header["expect"], next(n for n, line in enumerate(lines, start=1) if line.startswith("casestudy:"))


def test_there_is_one_file_per_common_mistake() -> None:
    assert len(INVALID) >= 15
    for path in INVALID:
        assert f"# rule: {path.stem}\n" in path.read_text(encoding="utf-8"), f"{path.name} must name its rule"


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_one_clear_message_with_file_and_line(sandbox: Sandbox, path: Path) -> None:
    fragment, line = expectations(path)
    relative = f"data/case-study/{path.name}"
    shutil.copy2(path, sandbox.root / relative)
    try:
        result = sandbox.run("validate", relative, "--format", "json")
    finally:
        (sandbox.root / relative).unlink()
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    syntax = path.stem in ("turtle-syntax", "undeclared-prefix")
    assert result.returncode in ((1, 2) if syntax else (1,)), output
    findings = json.loads(result.stdout)["findings"]
    assert len(findings) == 1, json.dumps(findings, indent=1)
    finding = findings[0]
    assert finding["file"] == relative
    assert finding["line"] == line, finding
    assert finding["severity"] == "Violation"
    assert fragment in finding["message"], finding["message"]


@pytest.mark.parametrize("name", ["turtle-syntax", "unknown-country", "coordinates-outside-country"])
def test_people_read_file_line_and_message(sandbox: Sandbox, name: str) -> None:
    """The human output: `file:line: Violation message (rule)`, no traceback."""
    relative = f"data/case-study/{name}.ttl"
    shutil.copy2(HERE / "invalid" / f"{name}.ttl", sandbox.root / relative)
    try:
        result = sandbox.run("validate", relative)
    finally:
        (sandbox.root / relative).unlink()
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    _fragment, line = expectations(HERE / "invalid" / f"{name}.ttl")
    assert re.search(rf"^{re.escape(relative)}:{line}(:\d+)?: Violation ", output, flags=re.MULTILINE), output
