"""The FastAPI application: SPARQL protocol, named queries, linked data, descriptions, query page, site."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse
from starlette.types import ASGIApp

from soilkg import __version__, queries
from soilkg.api import boundary, describe, linked, metrics, named, sparql
from soilkg.api.backend import Backend, EmbeddedBackend, RemoteBackend
from soilkg.api.boundary import ErrorBoundary
from soilkg.api.direct import SparqlDirect
from soilkg.api.encoding import INLINE_MAX_BYTES, LEVEL_PER_ANSWER, MINIMUM_GZIP_BYTES
from soilkg.api.limits import BodyLimit
from soilkg.api.service import QueryService
from soilkg.api.settings import Settings
from soilkg.api.view import ViewMark
from soilkg.api.web import PAGE, Methods, SecurityHeaders, SiteFiles, routes
from soilkg.paths import Project
from soilkg.store import store_path

log = logging.getLogger("soilkg.api")


def make_backend(project: Project, settings: Settings) -> Backend:
    if settings.endpoint:
        return RemoteBackend(settings.endpoint, settings)
    # The public store unless the curators asked for the preview (`serve --include-drafts`).
    return EmbeddedBackend(store_path(project, preview=settings.preview), settings)


def create_app(project: Project, settings: Settings, backend: Backend | None = None, *,
               files: type[SiteFiles] = SiteFiles) -> FastAPI:
    """The application over a backend (the embedded store's workers unless settings.endpoint is set).

    `backend` and `files` (what serves the site and /static) are for tests, which pass their own to
    force an error where none can be provoked over HTTP; `soilkg serve` passes neither."""
    chosen = backend or make_backend(project, settings)
    site = project.site_dir(preview=settings.preview)
    static = project.root / "server" / "static"

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await chosen.start()
        app.state.graphs = await chosen.graphs()
        try:
            yield
        finally:
            await chosen.close()

    # No CDN-hosted Swagger UI (and no inline script): /docs is our own page over /openapi.json.
    # FastAPI's own OpenTelemetry hooks are off: /metrics is ours (Prometheus), and the hooks' per-request
    # check of the global providers is a cost on the path every query takes.
    app = FastAPI(title="Soil Biodiversity Knowledge Graph API", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None, telemetry={"tracing": False, "metrics": False, "logs": False},
                  description="Read-only SPARQL 1.1 endpoint, reporters' named queries and linked data for the "
                  "International Initiative for the Conservation and Sustainable Use of Soil Biodiversity.")
    app.state.settings = settings
    app.state.backend = chosen
    app.state.service = QueryService(chosen, settings)
    app.state.graphs = set()
    app.state.queries = queries.load_all(project.queries) if project.queries.is_dir() else {}
    app.state.site = site if (site / "index.html").is_file() else None
    app.state.metrics = metrics.Metrics()
    boundary.install(app)
    for router in (sparql.router, named.router, linked.router, describe.router, metrics.router):
        app.include_router(router)
    # Innermost: /sparql skips the router (soilkg/api/direct.py); every middleware below still sees it.
    app.add_middleware(SparqlDirect, routes=list(routes(app.router)))
    # Bodies are bounded before anything reads one; what it refuses is an error like any other.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(ErrorBoundary)
    app.add_middleware(metrics.MetricsMiddleware, metrics=app.state.metrics, router=app.router)
    app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_credentials=False,
                       allow_methods=["GET", "POST", "OPTIONS"], allow_headers=["Accept", "Content-Type"],
                       max_age=600)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(Methods, router=app.router)

    @app.get("/health", tags=["Operations"], summary="Liveness and what the server runs on")
    async def health(request: Request) -> dict[str, Any]:
        return {"status": "ok", "backend": chosen.name, "graphs": len(request.app.state.graphs),
                "queries": len(request.app.state.queries), **chosen.stats()}

    if (static / "query.html").is_file():
        @app.get("/query", include_in_schema=False)
        async def query_page() -> FileResponse:
            return FileResponse(static / "query.html", media_type="text/html", headers={"Cache-Control": PAGE})

        @app.get("/docs", include_in_schema=False)
        async def docs_page() -> FileResponse:
            return FileResponse(static / "docs.html", media_type="text/html", headers={"Cache-Control": PAGE})

        app.mount("/static", files(directory=static), name="static")
    if app.state.site is not None:
        # Last, so that every API path above wins over a file of the same name.
        app.mount("/", files(directory=site, html=True), name="site")
    return app


def asgi(project: Project, settings: Settings) -> ASGIApp:
    """What uvicorn serves: the app behind its view mark and compression."""
    app = ViewMark(create_app(project, settings), settings.preview)
    # Outermost, so that what the view mark adds is compressed too (soilkg.api.encoding: what is not
    # sent compressed already).
    return GZipMiddleware(app, minimum_size=MINIMUM_GZIP_BYTES, compresslevel=LEVEL_PER_ANSWER,
                          thread_minimum_size=INLINE_MAX_BYTES)

