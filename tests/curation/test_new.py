"""`soilkg new case-study` writes a commented template that fails on its placeholders and validates
once they are filled in; bad answers get a clear message and exit code 2."""

from __future__ import annotations

import json

from tests.curation.sandbox import Sandbox

NEW = ("new", "case-study", "--no-input", "--title", "Composting with earthworms", "--country", "Ghana",
       "--orcid", "0000-0002-1825-0097", "--name", "Josiah Carberry", "--practice", "biofertilizers")
FILE = "data/case-study/composting-with-earthworms.ttl"

# What a curator types over the placeholders (synthetic test values).
FILLED = {
    '"TODO: the impact in words."': '"Synthetic: more earthworms."',
    '"TODO: two or three sentences."': '"Synthetic test case study."',
    '"TODO: what was done, where, why and by whom."': '"Synthetic test data."',
    "organismgroup:TODO": "organismgroup:invertebrates",
    "threat:TODO": "threat:erosion",
    "landuse:TODO": "landuse:agricultural-land",
    '"TODO: region, province or district"': '"Ashanti Region"',
    '"TODO: who implemented the practice"': '"Synthetic farmers\' group"',
    '"TODO: 2021-03-15"': '"2021-03-15"^^xsd:date',
    '"TODO: plot, field, farm, watershed, district or national"': '"farm"',
    "https://TODO.example/": "https://example.org/",
}
# A placeholder IRI (`threat:TODO`) is told as a placeholder, not as an undefined resource.
PLACEHOLDER_RULES = {"case-study-placeholder", "Dates-startDate", "ill-typed-literal"}


def test_template_fails_on_placeholders_then_validates_when_filled(fresh_sandbox: Sandbox) -> None:
    created = fresh_sandbox.run(*NEW)
    assert created.returncode == 0, created.stdout + created.stderr
    path = fresh_sandbox.root / FILE
    text = path.read_text(encoding="utf-8")
    assert "country:GHA" in text and "practice:biofertilizers" in text and "TODO" in text
    assert text.count("\n    # ") > 10  # commented: every field says what goes there

    empty = fresh_sandbox.run("validate", FILE, "--format", "json")
    assert empty.returncode == 1
    findings = json.loads(empty.stdout)["findings"]
    assert len(findings) >= len(FILLED) - 1
    assert {f["rule"] for f in findings} <= PLACEHOLDER_RULES, findings
    assert all(f["file"] == FILE and f["line"] for f in findings)

    for old, new in FILLED.items():
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    filled = fresh_sandbox.run("validate", FILE, "--format", "json")
    assert json.loads(filled.stdout)["findings"] == [], filled.stdout
    assert filled.returncode == 0
    built = fresh_sandbox.run("build")
    assert built.returncode == 0, built.stdout + built.stderr


def test_existing_file_is_not_overwritten(fresh_sandbox: Sandbox) -> None:
    assert fresh_sandbox.run(*NEW).returncode == 0
    again = fresh_sandbox.run(*NEW)
    assert again.returncode == 2
    assert "already exists" in again.stderr and "Traceback" not in again.stderr


def test_bad_answers_say_what_was_meant(fresh_sandbox: Sandbox) -> None:
    country = fresh_sandbox.run("new", "case-study", "--no-input", "--title", "X", "--country", "Ghanna")
    assert country.returncode == 2
    assert "Did you mean GHA" in country.stderr and "Traceback" not in country.stderr
    practice = fresh_sandbox.run("new", "case-study", "--no-input", "--title", "X", "--practice", "biofertiliser")
    assert practice.returncode == 2
    assert "Did you mean `biofertilizers`" in practice.stderr
    orcid = fresh_sandbox.run("new", "case-study", "--no-input", "--title", "X", "--orcid", "1234")
    assert orcid.returncode == 2 and "ORCID" in orcid.stderr
    assert not (fresh_sandbox.root / "data" / "case-study" / "x.ttl").exists()


def test_demonstration_template_is_marked(fresh_sandbox: Sandbox) -> None:
    made = fresh_sandbox.run("new", "case-study", "--no-input", "--demo", "--title", "Mulching")
    assert made.returncode == 0, made.stderr
    text = (fresh_sandbox.root / "examples" / "case-studies" / "mulching.ttl").read_text(encoding="utf-8")
    assert text.startswith("# DEMONSTRATION")
    assert 'rdfs:label "Demonstration: Mulching"@en' in text
    assert "skg:DemonstrationCaseStudy" in text and "skg:demonstration true" in text
