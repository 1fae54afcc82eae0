"""Request metrics in Prometheus format at /metrics, one registry per app (tests run several)."""

from __future__ import annotations

import time

from fastapi import APIRouter, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from soilkg.api.web import HttpOnly, routes

router = APIRouter(tags=["Operations"])


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("soilkg_http_requests", "HTTP requests answered", ["method", "route", "status"],
                                registry=self.registry)
        self.seconds = Histogram("soilkg_http_request_seconds", "Time to answer a request", ["route"],
                                 registry=self.registry,
                                 buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
        self.backend = Gauge("soilkg_backend", "Query backend counters (workers, kills, timeouts)", ["what"],
                             registry=self.registry)


class MetricsMiddleware(HttpOnly):
    """Pure ASGI (BaseHTTPMiddleware costs more than everything else we do per request)."""

    def __init__(self, app: ASGIApp, metrics: Metrics, router: ASGIApp) -> None:
        super().__init__(app)
        self.metrics = metrics
        self.router = router  # to name the route of a request refused before routing (413, 404)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        status = 500

        async def tracking_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        finally:
            # The route's template, not the raw path, so /id/... does not make one series per resource.
            name = getattr(scope.get("route") or route_of(self.router, scope), "path", "unmatched")
            self.metrics.requests.labels(scope["method"], name, str(status)).inc()
            self.metrics.seconds.labels(name).observe(time.perf_counter() - started)


def route_of(router: ASGIApp, scope: Scope) -> object | None:
    """The declared route a request was for, when it was answered before routing chose one."""
    return next((r for r in routes(router) if isinstance(r, APIRoute) and r.matches(scope)[0] is Match.FULL), None)


@router.get("/metrics", summary="Prometheus metrics", response_class=Response,
            responses={200: {"description": "Prometheus text format",
                             "content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}}}})
async def metrics(request: Request) -> Response:
    state = request.app.state
    for what, value in state.backend.stats().items():
        state.metrics.backend.labels(what).set(value)
    return Response(generate_latest(state.metrics.registry), media_type=CONTENT_TYPE_LATEST)
