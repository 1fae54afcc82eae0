"""`soilkg build`: load every source file into the store (one named graph each), refusing sources
with violations; the last good store stays in place when the build stops."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from soilkg.paths import Project as Paths
    from soilkg.store import StoreInfo


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
        stdout.print(describe(project, info), markup=False)


def describe(project: Paths, info: StoreInfo) -> str:
    """One line on what the build made (or found up to date), with the public view's share."""
    where = project.relative(info.path)
    if info.rebuilt:
        line = f"Built {where}: {info.files} files, {info.quads} quads, validated, in {info.seconds:.2f} s."
    else:
        line = (f"Up to date: {where} ({info.files} files, {info.quads} quads; nothing changed, "
                f"checked in {info.seconds:.2f} s). Use --force to rebuild.")
    if info.hidden_files:
        line += (f" Public view: {info.hidden_files} file(s) left out (unpublished or marked non-public), "
                 f"{info.public_quads} quads; the curators' preview (--include-drafts) has everything.")
    else:
        # The folder is named after the preview, which is then also the public view: say so.
        line += " Everything is public: the API, site and report read this store."
    return line
