"""`soilkg import` turns spreadsheet rows into case-study files, validates them against the whole
graph and reports every problem by row and column; broken rows leave no file behind."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from soilkg.curation.csvfile import template_text
from soilkg.curation.schema import all_columns
from tests.curation.sandbox import REPO, Sandbox


def _rows(sandbox: Sandbox, name: str, changes: list[dict[str, str]]) -> Path:
    """The template with its example row turned into one data row per change."""
    made = sandbox.run("new", "csv-template", name)
    assert made.returncode == 0, made.stderr
    path = sandbox.root / name
    header, help_row, example = list(csv.reader(path.open(encoding="utf-8", newline="")))
    base = dict(zip(header, example, strict=True))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerows([header, help_row])
        for change in changes:
            row = {**base, "reference_urls": "https://example.org/synthetic", "title": "Synthetic import test",
                   **change}
            writer.writerow([row[h] for h in header])
    return path


def test_template_has_every_column_and_skipped_help_rows(fresh_sandbox: Sandbox) -> None:
    made = fresh_sandbox.run("new", "csv-template", "sheet.csv")
    assert made.returncode == 0
    rows = list(csv.reader((fresh_sandbox.root / "sheet.csv").open(encoding="utf-8", newline="")))
    assert rows[0] == all_columns()
    assert all(row[0].startswith("#") for row in rows[1:])
    imported = fresh_sandbox.run("import", "sheet.csv")  # help and example rows only: nothing to do
    assert imported.returncode == 0, imported.stdout + imported.stderr


def test_site_offers_the_current_template() -> None:
    site_copy = REPO / "site" / "pages" / "curators" / "case-studies-template.csv"
    assert site_copy.read_bytes() == template_text().encode("utf-8"), \
        "regenerate it: soilkg new csv-template site/pages/curators/case-studies-template.csv --force"


def test_rows_become_files_and_problems_are_reported_by_row_and_column(fresh_sandbox: Sandbox) -> None:
    sheet = _rows(fresh_sandbox, "sheet.csv", [
        {"slug": "synthetic-good"},                                                     # row 3
        {"slug": "synthetic-cells", "country": "Ghanna", "latitude": "6.7 N",          # row 4
         "practices": "biofertiliser"},
        {"slug": "synthetic-rules", "latitude": "-6.7", "status": "published"},       # row 5
    ])
    result = fresh_sandbox.run("import", sheet.name, "--format", "json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    findings = json.loads(result.stdout)["findings"]
    where = {(f["line"], f["message"].split("`")[1]) for f in findings if f["severity"] == "Violation"}
    assert where == {(4, "country"), (4, "latitude"), (4, "practices"), (5, "country"), (5, "status")}, findings
    columns = all_columns()
    for finding in findings:
        assert finding["file"] == "sheet.csv"
        name = finding["message"].split("`")[1]
        assert finding["column"] == columns.index(name) + 1
    messages = " ".join(f["message"] for f in findings)
    assert "Did you mean GHA" in messages and 'Did you mean "biofertilizers"' in messages
    assert "outside `country:GHA`" in messages and "no reviewer" in messages

    cases = fresh_sandbox.root / "data" / "case-study"
    assert (cases / "synthetic-good.ttl").is_file()
    assert not (cases / "synthetic-cells.ttl").exists() and not (cases / "synthetic-rules.ttl").exists()
    good = fresh_sandbox.run("validate", "data/case-study/synthetic-good.ttl", "--format", "json")
    assert good.returncode == 0 and json.loads(good.stdout)["findings"] == []


def test_unknown_column_is_named_with_a_suggestion(fresh_sandbox: Sandbox) -> None:
    sheet = fresh_sandbox.root / "sheet.csv"
    sheet.write_text(",".join(c if c != "country" else "contry" for c in all_columns()) + "\n", encoding="utf-8")
    result = fresh_sandbox.run("import", "sheet.csv")
    assert result.returncode == 2
    assert "sheet.csv:1" in result.stderr and "Did you mean `country`?" in result.stderr
    assert "Traceback" not in result.stderr


def test_curator_guide_names_every_column_and_links_the_template() -> None:
    guide = (REPO / "site" / "pages" / "curators" / "index.md").read_text(encoding="utf-8")
    assert "](case-studies-template.csv)" in guide
    for column in all_columns():
        assert column.replace("impact_1_", "impact_N_").replace("impact_2_", "impact_N_").replace(
            "impact_3_", "impact_N_") in guide, column
