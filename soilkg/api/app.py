"""The FastAPI application: SPARQL protocol, named queries, linked data, descriptions, query page, site."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp

from soilkg import __version__, queries
from soilkg.api import describe, linked, metrics, named, problems, sparql
from soilkg.api.backend import Backend, EmbeddedBackend, RemoteBackend
from soilkg.api.limits import BodyLimit
from soilkg.api.settings import Settings
from soilkg.paths import Project
from soilkg.store import current_store_path

log = logging.getLogger("soilkg.api")


def make_backend(project: Project, settings: Settings) -> Backend:
    if settings.endpoint:
        return RemoteBackend(settings.endpoint, settings)
    return EmbeddedBackend(current_store_path(project), settings)


def create_app(project: Project, settings: Settings, backend: Backend | None = None) -> FastAPI:
    """The application over a backend (the embedded store's workers unless settings.endpoint is set)."""
    chosen = backend or make_backend(project, settings)
    site = project.build / "site"
    static = project.root / "server" / "static"

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await chosen.start()
        app.state.graphs = await chosen.graphs()
        try:
            yield
        finally:
            await chosen.close()

    app = FastAPI(title="Soil Biodiversity Knowledge Graph API", version=__version__, lifespan=lifespan,
                  description="Read-only SPARQL 1.1 endpoint, reporters' named queries and linked data for the "
                  "International Initiative for the Conservation and Sustainable Use of Soil Biodiversity.")
    app.state.settings = settings
    app.state.backend = chosen
    app.state.graphs = set()
    app.state.queries = queries.load_all(project.queries) if project.queries.is_dir() else {}
    app.state.site = site if (site / "index.html").is_file() else None
    app.state.metrics = metrics.Metrics()
    problems.install(app)
    app.add_middleware(metrics.MetricsMiddleware, metrics=app.state.metrics)
    app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_credentials=False,
                       allow_methods=["GET", "POST", "OPTIONS"], allow_headers=["Accept", "Content-Type"],
                       max_age=600)
    for router in (sparql.router, named.router, linked.router, describe.router, metrics.router):
        app.include_router(router)

    @app.get("/health", tags=["Operations"], summary="Liveness and what the server runs on")
    async def health(request: Request) -> dict[str, Any]:
        return {"status": "ok", "backend": chosen.name, "graphs": len(request.app.state.graphs),
                "queries": len(request.app.state.queries), **chosen.stats()}

    if (static / "query.html").is_file():
        @app.get("/query", include_in_schema=False)
        async def query_page() -> FileResponse:
            return FileResponse(static / "query.html", media_type="text/html")

        app.mount("/static", StaticFiles(directory=static), name="static")
    if app.state.site is not None:
        # Last, so that every API path above wins over a file of the same name.
        app.mount("/", StaticFiles(directory=site, html=True), name="site")
    return app


def asgi(project: Project, settings: Settings) -> ASGIApp:
    """What uvicorn serves: the app behind the request-body limit (outermost, before any parsing)."""
    return BodyLimit(create_app(project, settings), settings.max_body_bytes)

