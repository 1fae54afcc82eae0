"""The SPARQL endpoint's short way through the application: /sparql without FastAPI's routing.

Every request to /sparql crossed FastAPI's router, route matching, dependency solving and its
exception middlewares before reaching our handler: about 0.2 ms of Python per request, as much as
uvicorn's own HTTP handling (profiled; bench/README.md). For the one path that carries the query
load, this innermost middleware calls the same handlers (soilkg.api.sparql.sparql_get and
sparql_post, which the routes declare and the OpenAPI document describes) straight away, with the
same parameters FastAPI would pass (the last value of a repeated one, as FastAPI takes it) and the
same error shape. The middlewares outside it (HEAD and OPTIONS, CORS, metrics, security headers,
body limit, view mark, compression) still see every request.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from soilkg.api import sparql
from soilkg.api.problems import ApiError, error_response

PATH = "/sparql"
METHODS = ("GET", "POST")


class SparqlDirect:
    def __init__(self, app: ASGIApp, route: BaseRoute) -> None:
        self.app = app
        self.route = route  # the declared /sparql route: metrics label the request with its path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] not in METHODS:
            await self.app(scope, receive, send)
            return
        scope["route"] = self.route
        request = Request(scope, receive)
        params = request.query_params
        response: Response
        try:
            if scope["method"] == "POST":
                response = await sparql.sparql_post(request, format=params.get("format"))
            else:
                response = await sparql.sparql_get(request, query=params.get("query"), format=params.get("format"))
        except ApiError as error:
            response = error_response(error)
        await response(scope, receive, send)
