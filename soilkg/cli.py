"""The `soilkg` command. Each sub-command lives in soilkg/commands/<name>.py and is imported lazily,
so that `soilkg validate FILE` does not pay for the web server's imports."""

from __future__ import annotations

import importlib
import sys

import typer

from soilkg.errors import SoilkgError

app = typer.Typer(
    name="soilkg",
    help="Soil Biodiversity Knowledge Graph: validate, build, serve, generate the site and draft reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# name -> module under soilkg.commands that defines `register(app)`.
COMMAND_MODULES = ("validate", "build", "serve", "site", "report", "new", "importer")


def _register_all() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"soilkg.commands.{name}")
        module.register(app)


def main() -> None:
    _register_all()
    try:
        app()
    except SoilkgError as error:
        from soilkg.output import print_error

        print_error(error)
        sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
