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
        from soilkg.output import stdout
        from soilkg.paths import Project
        from soilkg.validation import build_validated

        project = Project.here()
        # A build that stops raises SoilkgError: soilkg.cli prints its findings and exits with its code.
        info = build_validated(project, include_demo=include_demo, force=force)
        where = project.relative(info.path)
        if info.rebuilt:
            stdout.print(f"Built {where}: {info.files} files, {info.quads} quads, validated, "
                         f"in {info.seconds:.2f} s.")
        else:
            stdout.print(f"Up to date: {where} ({info.files} files, {info.quads} quads; nothing changed, "
                         f"checked in {info.seconds:.2f} s). Use --force to rebuild.")
