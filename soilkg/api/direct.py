"""The SPARQL endpoint's short way through the application: /sparql without FastAPI's routing.

For the one path that carries the query load, this innermost middleware calls the endpoints the
/sparql routes declare (and the OpenAPI document describes) straight away, with the parameters
their signatures name taken from the query string (the last value of a repeated one, as FastAPI
takes it), skipping FastAPI's route matching, dependency solving and exception layers (a cost of
the same order as uvicorn's own HTTP handling, profiled: bench/README.md). Errors go to the error
boundary outside it (soilkg.api.boundary), like the router's; every middleware still sees it.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable

from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

PATH = "/sparql"
METHODS = ("GET", "POST")

Endpoint = Callable[..., Awaitable[Response]]


class SparqlDirect:
    def __init__(self, app: ASGIApp, routes: Iterable[object]) -> None:
        self.app = app
        declared = [r for r in routes if isinstance(r, APIRoute) and r.path == PATH]
        self.routes: dict[str, APIRoute] = {m: r for r in declared for m in r.methods or () if m in METHODS}
        missing = set(METHODS) - set(self.routes)
        assert not missing, f"no declared {PATH} route for {missing}"
        # The endpoints' own parameters besides the request: all optional query-string values.
        self.parameters = {m: [n for n in inspect.signature(r.endpoint).parameters if n != "request"]
                           for m, r in self.routes.items()}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        route = self.routes.get(scope["method"]) if scope["type"] == "http" and scope["path"] == PATH else None
        if route is None:
            await self.app(scope, receive, send)
            return
        scope["route"] = route  # metrics label the request with its path
        request = Request(scope, receive)
        params = request.query_params
        endpoint: Endpoint = route.endpoint
        response = await endpoint(request, **{name: params.get(name) for name in self.parameters[scope["method"]]})
        await response(scope, receive, send)
