"""`soilkg serve`: the read-only SPARQL API (and the catalogue site, when built) on one origin."""

from __future__ import annotations

import os
import resource
from typing import Annotated

import typer

from soilkg.errors import SoilkgError
from soilkg.output import stderr
from soilkg.paths import Project
from soilkg.store import MANIFEST, check_served, store_path

# The heap of this process (RLIMIT_DATA, as for each query worker): it builds the store and the site at
# start-up, then holds the answer cache and the answers in flight. Its peak is a few hundred MB even with
# 5,000 case studies, at start-up or serving large answers; 4 GB leaves room for dozens of the largest
# answers at once, and stops a runaway (a reader of a garbled store grew to 24 GB) long before it takes
# the machine.
MAIN_MEMORY_MB = 4096


def limit_memory(megabytes: int) -> None:
    """Cap this process's heap (soft limit only: the query workers, forked below it, set their own)."""
    if megabytes <= 0:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))


def prepare(project: Project, preview: bool) -> None:
    """The one validated build of the stores, then the site from the store that will be served."""
    from soilkg.commands.build import describe
    from soilkg.sitegen import build_site_info
    from soilkg.validation import build_validated

    info = build_validated(project)
    stderr.print(describe(project, info), markup=False)
    served = info.preview if preview and info.preview is not None else info.path
    build_site_info(project, served, include_drafts=preview)


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
        no_build: bool = typer.Option(False, "--no-build", help="Serve the last built store as it is (after "
                                      "checking it holds what its build wrote)."),
        max_memory_mb: int = typer.Option(MAIN_MEMORY_MB, "--max-memory-mb", envvar="SOILKG_MAX_MEMORY_MB",
                                          help="Heap limit of the main process in MB (0: none); each query "
                                          "worker has its own (SOILKG_API_MAX_WORKER_MEMORY_MB)."),
        base_url: str | None = typer.Option(None, "--base-url", help="The public address (https://soil.example."
                                            "org) the descriptions and links name, never the Host header "
                                            "[SOILKG_API_BASE_URL; else the address listened on]."),
        include_drafts: bool = typer.Option(
            False, "--include-drafts", help="A curators' preview: serve the store and site with unpublished "
            "case studies too; every response says `X-Soilkg-View: preview` and every page shows a banner. "
            "Never expose it publicly."),
    ) -> None:
        """Serve the read-only SPARQL API, named queries, linked data and the query page."""
        from soilkg.api.settings import Settings, resolve_service

        if timeout is not None and timeout <= 0:
            raise SoilkgError("--timeout must be a positive number of seconds.")
        if workers is not None and workers < 1:
            raise SoilkgError("--workers must be at least 1.")
        limit_memory(max_memory_mb)
        project = Project.here()
        settings = Settings.from_env(timeout=timeout, workers=workers, endpoint=endpoint,
                                     allowed_services=tuple(resolve_service(s) for s in allow_service or ()),
                                     cors_origins=tuple(cors_origin or ()), preview=include_drafts,
                                     base_url=base_url)
        if include_drafts and settings.endpoint:
            raise SoilkgError("--include-drafts previews the embedded store; it cannot be used with --endpoint.")
        if not settings.endpoint and not no_build:
            prepare(project, include_drafts)
        if not settings.endpoint and not (store_path(project, include_drafts) / MANIFEST).is_file():
            raise SoilkgError(f"No store under {project.build}: run `soilkg build` (or drop --no-build).")
        if not settings.endpoint and no_build:
            check_served(project, include_drafts)  # a build checks the stores itself
        if include_drafts:
            stderr.print("Preview with unpublished case studies: do not expose this server publicly.", markup=False)
        if not settings.endpoint:
            from soilkg.api.worker import start_fork_server

            start_fork_server()  # its imports run while the web stack's below do (a restart ~0.1 s sooner)
        import uvicorn

        from soilkg.api.app import asgi

        stderr.print(f"serving on http://{host}:{port}/ (SPARQL at /sparql, query page at /query, docs at /docs;"
                     f" timeout {settings.timeout:g} s, pid {os.getpid()})")
        uvicorn.run(asgi(project, settings), host=host, port=port, log_level="warning", access_log=False)
