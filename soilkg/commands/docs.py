"""`soilkg docs ontology`: the reference for query writers in ontology/README.md, generated from the ontology."""

from __future__ import annotations

from typing import Annotated

import typer

from soilkg.errors import SoilkgError
from soilkg.output import stdout
from soilkg.paths import Project

docs_app = typer.Typer(help="Generated documentation.", no_args_is_help=True)


@docs_app.command("ontology")
def ontology(
    check: Annotated[bool, typer.Option(
        "--check", help="Only tell whether ontology/README.md is current (exit 1 when it is not); write nothing.",
    )] = False,
) -> None:
    """Write the generated part of ontology/README.md: every class and property with its domain, range, an
    example triple from data/ and the named queries that use it."""
    from soilkg.docs_ontology import README, stale_message, write
    from soilkg.store import load_memory

    project = Project.here()
    files = [f for f in project.source_files() if not f.is_relative_to(project.shapes)]
    store, findings = load_memory(project, files)
    if findings:
        raise SoilkgError(f"{findings[0].where()}: {findings[0].message} Fix it, then run `soilkg docs ontology`.",
                          exit_code=2)
    current = write(project, store, check)
    if current:
        stdout.print(f"{README} is up to date.")
    elif check:
        raise SoilkgError(stale_message(), exit_code=1)
    else:
        stdout.print(f"Wrote the reference into {README}.")


def register(app: typer.Typer) -> None:
    app.add_typer(docs_app, name="docs")
