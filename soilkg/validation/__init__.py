"""Validation of the Turtle sources: SHACL shapes (shapes/*.ttl), named checks (shapes/checks/),
findings with file, line, a curator's message and a severity.

Entry points used by the rest of the project:
- ``validate(project, files=None, include_demo=False)``: every source, or some files against the whole graph;
- ``check_store(store, files)``: the ``check`` callback of ``soilkg.store.build``;
- ``build_validated(project, include_demo=False, force=False)``: build the store, refusing bad sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from soilkg.errors import Finding, Severity, SoilkgError
from soilkg.paths import Project
from soilkg.store import StoreInfo, build
from soilkg.validation.engine import check_store, validate_all, validate_files

__all__ = ["validate", "check_store", "build_validated", "Finding", "Severity"]


def validate(project: Project, files: Sequence[Path] | None = None, *, include_demo: bool = False) -> list[Finding]:
    """Findings for every source file, or for `files` checked against the whole graph."""
    if files is None:
        return validate_all(project, project.source_files(include_demo=include_demo))
    missing = [p for p in files if not p.is_file()]
    if missing:
        raise SoilkgError(f"No such file: {missing[0]}. Give Turtle files (or folders) of this repository.",
                          exit_code=2)
    demo = project.demo.resolve()
    include_demo = include_demo or any(demo in p.resolve().parents for p in files)
    return validate_files(project, [p.resolve() for p in files], include_demo)


def build_validated(project: Project, *, include_demo: bool = False, force: bool = False) -> StoreInfo:
    """Build the store from the sources; on violations raise SoilkgError (exit 1), keeping the last good store."""
    return build(project, force=force, check=check_store, files=project.source_files(include_demo=include_demo))
