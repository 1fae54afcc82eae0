"""`soilkg validate [PATH...]`: check Turtle sources against the shapes and the named checks.

Exit codes: 0 clean (warnings allowed), 1 violations, 2 unusable input (a file that does not
parse, a path that does not exist, git trouble with --changed)."""

from __future__ import annotations

import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from soilkg.errors import UNREADABLE_RULES, Finding, Severity, SoilkgError


class Format(StrEnum):
    text = "text"
    json = "json"


def exit_code(findings: list[Finding]) -> int:
    if any(f.rule in UNREADABLE_RULES for f in findings):
        return 2
    return 1 if any(f.severity is Severity.VIOLATION for f in findings) else 0


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders stand for every .ttl file below them."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.rglob("*.ttl")))
        elif path.exists():
            files.append(path)
        else:
            raise SoilkgError(f"No such file or folder: {path}.", exit_code=2)
    return files


def summary(findings: list[Finding], checked: str, seconds: float) -> str:
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    files = len({f.file for f in findings})
    if not findings:
        return f"[green]OK[/green]: {checked}, no findings ({seconds:.2f} s)."
    parts = [f"{n} {s.value.lower()}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    return f"{', '.join(parts)} in {files} file{'s' if files != 1 else ''}; {checked} ({seconds:.2f} s)."


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate_command(
        paths: Annotated[list[Path] | None, typer.Argument(
            help="Files or folders to check against the whole graph (default: every source file).")] = None,
        fmt: Annotated[Format, typer.Option("--format", "-f", help="text for people, json for machines.")
                       ] = Format.text,
        changed: Annotated[bool, typer.Option(
            "--changed", help="Only the files changed against --base (git), checked against the whole graph.")
        ] = False,
        base: Annotated[str, typer.Option("--base", help="Base branch for --changed.")] = "main",
        include_demo: Annotated[bool, typer.Option("--include-demo", help="Also check examples/case-studies.")
                                ] = False,
    ) -> None:
        """Validate the Turtle sources: syntax, SHACL shapes and named checks, with file and line."""
        from soilkg.output import print_findings, stderr
        from soilkg.paths import Project
        from soilkg.validation import validate
        from soilkg.validation.changed import changed_sources

        started = time.perf_counter()
        project = Project.here()
        files: list[Path] | None = expand(paths) if paths else None
        if changed:
            changes = changed_sources(project, base)
            if changes.global_change:
                files = None
            elif not changes.files:
                if fmt is Format.json:
                    print_findings([], "json")
                else:
                    stderr.print(f"No Turtle source changed against {base}: nothing to validate.")
                raise typer.Exit(0)
            else:
                files = changes.files
        findings = validate(project, files, include_demo=include_demo)
        if fmt is Format.json:
            print_findings(findings, "json")
        else:
            print_findings(findings)
            checked = "every source file" if files is None else f"{len(files)} file{'s' if len(files) != 1 else ''}"
            stderr.print(summary(findings, checked, time.perf_counter() - started), markup=True)
        raise typer.Exit(exit_code(findings))
