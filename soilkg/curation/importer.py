"""`soilkg import case-studies.csv`: one Turtle file per spreadsheet row, validated against the whole
graph, with every problem reported by spreadsheet row and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from soilkg.curation.csvfile import read_records
from soilkg.curation.render import FILE_PREFIXES, prefix_iri, render
from soilkg.curation.rows import draft_from_row
from soilkg.curation.schema import all_columns, column_of_property
from soilkg.curation.shape_rules import node_paths, read_shapes
from soilkg.curation.template import target_path
from soilkg.errors import Finding, Severity
from soilkg.paths import Project


@dataclass
class ImportResult:
    written: dict[int, Path] = field(default_factory=dict)  # row -> file kept
    removed: dict[int, Path] = field(default_factory=dict)  # row -> file written, then removed as invalid
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity is Severity.VIOLATION for f in self.findings)


def _column_number(name: str) -> int | None:
    columns = all_columns()
    if name.startswith("impact_N_"):
        name = name.replace("impact_N_", "impact_1_")
    return columns.index(name) + 1 if name in columns else None


def _cell_finding(shown: str, row: int, column: str, message: str, rule: str, severity: Severity,
                  turtle: str = "") -> Finding:
    where = f" (in {turtle})" if turtle else ""
    return Finding(shown, row, f"column `{column}`: {message}{where}" if column else message + where,
                   severity, rule=rule, column=_column_number(column))


def _column_for(finding: Finding, by_shape: dict[str, str]) -> str:
    if finding.rule == "case-study-person-name" and finding.path:
        return "reviewer_name" if finding.path.endswith("reviewer") else "compiler_name"
    path = finding.path or by_shape.get(finding.rule, "")  # a rule over several properties: the one it asks for
    if path:
        return column_of_property(path, {p: prefix_iri(p) for p in FILE_PREFIXES}) or ""
    return ""


def import_csv(project: Project, csv_path: Path, *, demonstration: bool = False, force: bool = False,
               keep_invalid: bool = False, encoding: str | None = None) -> ImportResult:
    from soilkg.validation import validate

    shown = csv_path.as_posix()
    result = ImportResult()
    files: dict[Path, int] = {}
    for record in read_records(csv_path, shown, encoding):
        row = draft_from_row(project, dict(record.cells), demonstration)
        for column, message in row.errors:
            result.findings.append(_cell_finding(shown, record.row, column, message, "csv-cell", Severity.VIOLATION))
        if row.draft is None:
            continue
        path = target_path(project, row.draft.slug, demonstration)
        if path in files:
            result.findings.append(_cell_finding(shown, record.row, "slug", f"row {files[path]} already has the slug "
                                                 f"\"{row.draft.slug}\"; each case study needs its own.",
                                                 "csv-duplicate", Severity.VIOLATION))
            continue
        if path.exists() and not force:
            result.findings.append(_cell_finding(shown, record.row, "slug", f"{project.relative(path)} already "
                                                 "exists. Choose another slug, or import with --force to replace "
                                                 "it.", "csv-exists", Severity.VIOLATION))
            continue
        row.draft.header = [f"Imported from {csv_path.name} (row {record.row}) by `soilkg import` on "
                            f"{date.today().isoformat()}.",
                            "Edit this file from now on, or fix the spreadsheet and import again with --force."]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(row.draft), encoding="utf-8")
        files[path] = record.row
    if files:
        by_file = {project.relative(p): (p, r) for p, r in files.items()}
        paths = node_paths(read_shapes(project.shapes))
        for finding in validate(project, list(files), include_demo=demonstration):
            if finding.file not in by_file:
                result.findings.append(finding)  # another file, broken by these rows (a duplicate, say)
                continue
            turtle = finding.where()
            row_number = by_file[finding.file][1]
            result.findings.append(_cell_finding(shown, row_number, _column_for(finding, paths), finding.message,
                                                 finding.rule, finding.severity, turtle))
    bad_rows = {f.line for f in result.findings if f.file == shown and f.severity is Severity.VIOLATION}
    for path, row_number in files.items():
        if row_number in bad_rows and not keep_invalid:
            path.unlink()  # only files this import wrote: a broken row leaves nothing behind
            result.removed[row_number] = path
        else:
            result.written[row_number] = path
    return result
