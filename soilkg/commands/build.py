"""`soilkg build`: load every source file into the store (one named graph each), refusing sources
with violations; the last good store stays in place when the build stops."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("build")
    def build_command(
        include_demo: Annotated[bool, typer.Option("--include-demo", help="Also load examples/case-studies.")
                                ] = False,
        force: Annotated[bool, typer.Option("--force", help="Rebuild even when no source changed.")] = False,
    ) -> None:
        """Build the store from ontology/, shapes/ and data/ (validated first)."""
        from soilkg.errors import SoilkgError
        from soilkg.paths import Project
        from soilkg.validation import build_validated
        from soilkg.validation.report import print_for_people, stderr, stdout

        project = Project.here()
        try:
            info = build_validated(project, include_demo=include_demo, force=force)
        except SoilkgError as error:
            if not error.findings:
                raise  # the CLI prints the message and exits with its code
            print_for_people(error.findings, console=stderr)
            stderr.print(f"[bold red]error:[/bold red] {error.message}")
            raise typer.Exit(error.exit_code) from error
        where = project.relative(info.path)
        if info.rebuilt:
            stdout.print(f"Built {where}: {info.files} files, {info.quads} quads, validated, "
                         f"in {info.seconds:.2f} s.")
        else:
            stdout.print(f"Up to date: {where} ({info.files} files, {info.quads} quads; nothing changed, "
                         f"checked in {info.seconds:.2f} s). Use --force to rebuild.")
