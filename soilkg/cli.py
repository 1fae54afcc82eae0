"""The `soilkg` command. Each sub-command lives in soilkg/commands/<name>.py and is imported lazily,
so that `soilkg validate FILE` does not pay for the web server's imports."""

from __future__ import annotations

import importlib
import sys
import tempfile
from pathlib import Path

import typer

from soilkg import diskfull
from soilkg.errors import SoilkgError

app = typer.Typer(
    name="soilkg",
    help="Soil Biodiversity Knowledge Graph: validate, build, serve, generate the site and draft reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# name -> module under soilkg.commands that defines `register(app)`.
COMMAND_MODULES = ("validate", "build", "serve", "site", "report", "new", "importer", "docs")


def _register_all() -> None:
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"soilkg.commands.{name}")
        module.register(app)


def main() -> None:
    _register_all()
    try:
        try:
            app()
        except OSError as error:
            if not diskfull.is_full(error):
                raise
            # A full disk outside the store's build (which says more itself): the site, a report draft...
            from soilkg.paths import Project

            where = diskfull.fullest(error, Project.here().build, Path(tempfile.gettempdir()), Path.cwd())
            raise SoilkgError(diskfull.message(where, error, None, "writing"), exit_code=2) from None
        except MemoryError:
            raise SoilkgError("The command needed more memory than this process may use (`soilkg serve "
                              "--max-memory-mb`, SOILKG_MAX_MEMORY_MB) and stopped. If the store is damaged, "
                              "`soilkg build --force` rebuilds it from the sources.", exit_code=2) from None
    except SoilkgError as error:
        from soilkg.output import print_error

        print_error(error)
        sys.exit(error.exit_code)


if __name__ == "__main__":
    main()
