"""`soilkg validate` (not yet implemented)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command("validate", hidden=True)
    def _stub() -> None:
        """Not yet implemented."""
        raise typer.Exit(2)
