"""`soilkg serve`: the read-only SPARQL API (and the catalogue site, when built) on one origin."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from soilkg.errors import SoilkgError
from soilkg.output import stderr
from soilkg.paths import Project
from soilkg.store import MANIFEST, current_store_path


def ensure_store(project: Project) -> None:
    """Bring the store up to date: validated build when engineer B's module exists, plain build otherwise."""
    try:
        from soilkg.validation import build_validated  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        from soilkg.store import build

        info = build(project)
    else:
        info = build_validated(project)
    stderr.print(f"store: {info.quads} quads from {info.files} files "
                 f"({'rebuilt' if info.rebuilt else 'unchanged'}, {info.seconds:.2f} s)")


def ensure_site(project: Project) -> None:
    try:
        from soilkg.sitegen import build_site  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return  # no site generator in this checkout: the API serves plain pages
    build_site(project)


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        host: str = typer.Option("127.0.0.1", help="Address to listen on (keep 127.0.0.1 behind a proxy)."),
        port: int = typer.Option(8000, help="Port to listen on."),
        endpoint: str | None = typer.Option(None, help="Serve the API over this SPARQL 1.1 endpoint instead of "
                                            "the embedded store (it must use the union of named graphs as its "
                                            "default graph)."),
        timeout: float | None = typer.Option(None, help="Seconds a query may run before it is stopped [10]."),
        workers: int | None = typer.Option(None, help="Query worker processes for the embedded store [2]."),
        allow_service: Annotated[list[str] | None, typer.Option(
            "--allow-service", help="A trusted SERVICE endpoint (agrovoc, wikidata, unsdg or a URL); repeat.")] = None,
        cors_origin: Annotated[list[str] | None, typer.Option(
            "--cors-origin", help="An origin allowed to call the API from a browser; repeat for more.")] = None,
        no_build: bool = typer.Option(False, "--no-build", help="Serve the last built store as it is."),
    ) -> None:
        """Serve the read-only SPARQL API, named queries, linked data and the query page."""
        import uvicorn

        from soilkg.api.app import asgi
        from soilkg.api.settings import Settings, resolve_service

        if timeout is not None and timeout <= 0:
            raise SoilkgError("--timeout must be a positive number of seconds.")
        if workers is not None and workers < 1:
            raise SoilkgError("--workers must be at least 1.")
        project = Project.here()
        settings = Settings.from_env(timeout=timeout, workers=workers, endpoint=endpoint,
                                     allowed_services=tuple(resolve_service(s) for s in allow_service or ()),
                                     cors_origins=tuple(cors_origin or ()))
        if not settings.endpoint and not no_build:
            ensure_store(project)
            ensure_site(project)
        if not settings.endpoint and not (current_store_path(project) / MANIFEST).is_file():
            raise SoilkgError(f"No store under {project.build}: run `soilkg build` (or drop --no-build).")
        stderr.print(f"serving on http://{host}:{port}/ (SPARQL at /sparql, query page at /query, docs at /docs;"
                     f" timeout {settings.timeout:g} s, pid {os.getpid()})")
        uvicorn.run(asgi(project, settings), host=host, port=port, log_level="warning", access_log=False)
