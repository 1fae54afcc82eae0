"""The validation messages a curator complained about, through the real CLI on a
synthetic case study (tests/curation/valid/valid-full.ttl): each mistake gets one finding, on the
line where it is written, saying what to write instead."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.curation.sandbox import Sandbox, copy_sources

FILE = "data/case-study/valid-full.ttl"


@pytest.fixture(scope="module")
def box(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    root = tmp_path_factory.mktemp("messages") / "repo"
    root.mkdir()
    copy_sources(root)
    yield Sandbox(root, root / ".soilkg")


def _validate_edited(box: Sandbox, old: str, new: str, occurrence: int = 1) -> list[dict[str, object]]:
    """Validate the case study with the `occurrence`-th `old` replaced by `new`, then restore it."""
    path = box.root / FILE
    original = path.read_text(encoding="utf-8")
    parts = original.split(old)
    assert len(parts) > occurrence, f"{old!r} occurs fewer than {occurrence} times"
    path.write_text(old.join(parts[:occurrence]) + new + old.join(parts[occurrence:]), encoding="utf-8")
    try:
        result = box.run("validate", FILE, "--format", "json")
    finally:
        path.write_text(original, encoding="utf-8")
    assert "Traceback" not in result.stderr
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"] if result.stdout.strip() else []
    return findings


def _line_of(box: Sandbox, text: str, occurrence: int = 1) -> int:
    lines = (box.root / FILE).read_text(encoding="utf-8").splitlines()
    return [n for n, line in enumerate(lines, start=1) if text in line][occurrence - 1]


def test_a_missing_semicolon_shows_the_line_before(box: Sandbox) -> None:
    path = box.root / FILE
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace('    skg:scale "farm" ;', '    skg:scale "farm"'), encoding="utf-8")
    try:
        result = box.run("validate", FILE)
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    out = result.stdout + result.stderr
    scale = _line_of(box, "skg:scale")
    assert f"{FILE}:{scale + 1}:" in out, out
    assert f"The line before ({scale}) reads: `skg:scale \"farm\"`" in out, out


def test_a_problem_inside_an_impact_is_reported_on_the_impact(box: Sandbox) -> None:
    # The second impact's direction, misspelt: its own line, not the case study's first line.
    [typo] = _validate_edited(box, "skg:impactDirection skg:noChange", "skg:impactDirection skg:noChang")
    assert typo["line"] == _line_of(box, "skg:impactDirection", occurrence=2), typo
    # A missing description in the second impact: where that impact opens (`] , [`).
    [missing] = _validate_edited(box, '        dct:description "Synthetic: yields unchanged."@en ;\n', "")
    assert missing["rule"] == "Impact-description"
    assert missing["line"] == _line_of(box, "] , ["), missing
    # A wrong value in the first impact: that value's line.
    [value] = _validate_edited(box, "schema:value 35", 'schema:value "thirty-five"')
    assert value["line"] == _line_of(box, "schema:value"), value


def test_an_unknown_review_status_lists_the_allowed_values(box: Sandbox) -> None:
    [finding] = _validate_edited(box, "skg:reviewStatus skg:published", "skg:reviewStatus skg:publshed")
    message = str(finding["message"])
    assert "no file defines it" not in message
    assert "`skg:draft`, `skg:submitted`, `skg:reviewed`, `skg:published`" in message
    assert message.endswith("Did you mean `skg:published`?"), message
    assert finding["line"] == _line_of(box, "skg:reviewStatus")


def test_a_misspelt_required_property_gives_one_message(box: Sandbox) -> None:
    [finding] = _validate_edited(box, "    skg:landUse landuse:", "    skg:landUze landuse:")
    message = str(finding["message"])
    assert finding["rule"] == "unknown-term" and finding["line"] == _line_of(box, "skg:landUse")
    assert "Did you mean `skg:landUse`" in message and "`skg:landUse` is required" in message
    assert "skg:LandUse" not in message, "a property is not misspelt for a class"


def test_a_case_study_title_in_one_language_is_not_a_missing_translation(box: Sandbox) -> None:
    title = "Synthetic test case study: biofertilizers on maize"
    assert _validate_edited(box, f'"{title}"@en', f'"{title}"@fr') == []
    # Other resources still get the warning.
    path = box.root / "data" / "country" / "GHA.ttl"
    original = path.read_text(encoding="utf-8")
    assert original.count('rdfs:label "Ghana"@en') == 1
    path.write_text(original.replace('rdfs:label "Ghana"@en', 'rdfs:label "Ghana"@fr , "Ghana"@en'), encoding="utf-8")
    try:
        result = box.run("validate", "data/country/GHA.ttl", "--format", "json")
    finally:
        path.write_text(original, encoding="utf-8")
    # (The added French name also lacks a source: statement-sources says so; not this test's concern.)
    assert "missing-translation" in [f["rule"] for f in json.loads(result.stdout)["findings"]]


def test_locate_finds_each_impact_by_what_it_holds(tmp_path: Path) -> None:
    from soilkg.locate import index_text

    text = (Path(__file__).parent / "valid" / "valid-full.ttl").read_text(encoding="utf-8")
    index = index_text(text)
    case = "https://w3id.org/soilkg/id/case-study/valid-full"
    impact = "https://w3id.org/soilkg/ontology#impact"
    lines = text.splitlines()
    second = index.blank_node_line(case, impact, {"https://w3id.org/soilkg/ontology#onYields"})
    assert second is not None and lines[second - 1].strip() == "] , ["
    first = index.blank_node_line(case, impact, {"Synthetic: microbial biomass rose."}, "https://schema.org/value")
    assert first is not None and "schema:value" in lines[first - 1]
