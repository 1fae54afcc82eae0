"""`soilkg import FILE.csv`: turn the rows of the case-study spreadsheet into Turtle files and
validate them, reporting by row and column. (The module is `importer`: `import` is a keyword.)"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from soilkg.errors import SoilkgError
from soilkg.output import print_findings, stdout
from soilkg.paths import Project


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_command(
        csv_file: Annotated[Path, typer.Argument(
            help="The spreadsheet (`soilkg new csv-template`) as CSV: comma, semicolon or tab separated, as Excel or "
            "LibreOffice save it in any locale.")],
        demo: Annotated[bool, typer.Option(help="Rows are made-up demonstrations (examples/case-studies/).")] = False,
        force: Annotated[bool, typer.Option(help="Replace case-study files that already exist.")] = False,
        keep_invalid: Annotated[bool, typer.Option(help="Keep the files of rows with errors.")] = False,
        fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
        encoding: Annotated[str | None, typer.Option(
            help="The file's encoding when it is not UTF-8 or UTF-16 (Excel's plain \"CSV\": cp1252, cp1251, "
            "cp1256 or gb18030).")] = None,
    ) -> None:
        """Turn each spreadsheet row into data/case-study/SLUG.ttl and validate it against the whole graph."""
        from soilkg.curation.importer import import_csv

        if not csv_file.is_file():
            raise SoilkgError(f"No such file: {csv_file}. Give the CSV file to import.", exit_code=2)
        project = Project.here()
        result = import_csv(project, csv_file, demonstration=demo, force=force, keep_invalid=keep_invalid,
                            encoding=encoding)
        print_findings(result.findings, fmt=fmt)
        if fmt == "text":
            for row, path in sorted(result.written.items()):
                stdout.print(f"row {row}: wrote {project.relative(path)}", markup=False)
            for row, path in sorted(result.removed.items()):
                stdout.print(f"row {row}: not imported (see above); {project.relative(path)} was not kept",
                             markup=False)
        if not result.ok:
            raise typer.Exit(1)
