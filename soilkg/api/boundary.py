"""The one error boundary: whatever goes wrong on any route, the client gets the one error shape.

Every error is an ApiError by the time it is written: the API's own, FastAPI's and Starlette's
(404, 405, parameter validation, soilkg.api.problems.install), and any unexpected exception
(logged with its traceback here, answered as a 500 that tells nothing of the server's inside).
API paths answer `{"error": {...}}`; pages (the catalogue, /query, /docs, /id/... for a browser)
answer the same fields as a small HTML page. The direct /sparql path (soilkg.api.direct) sits
inside this boundary like the router, so it converts nothing itself.
"""

from __future__ import annotations

import html
import json
import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import HTMLResponse, Response
from starlette.types import Message, Receive, Scope, Send

from soilkg.api.formats import prefers_html
from soilkg.api.problems import ApiError, error_body, error_response
from soilkg.api.web import HttpOnly

log = logging.getLogger("soilkg.api")

# Paths whose answers are data: their errors are JSON whatever the client accepts.
API_PATHS = frozenset({"/sparql", "/graph", "/void", "/.well-known/void", "/health", "/metrics", "/openapi.json",
                       "/queries"})
INTERNAL = ApiError(500, "internal_error", "Something went wrong on the server while answering this request; it "
                    "has been logged. Try again, and if it persists tell the operators what you asked.")
TITLES = {400: "Bad request", 403: "Refused", 404: "Not found", 405: "Method not allowed", 406: "Not acceptable",
          413: "Request too large", 415: "Unsupported content type", 422: "Over a limit", 429: "Too many queries",
          500: "Server error", 502: "Engine error", 503: "Busy", 504: "Timeout"}


def wants_html(scope: Scope) -> bool:
    """A browser asking for a page: errors are a page too."""
    if scope.get("method") not in ("GET", "HEAD") or scope.get("path") in API_PATHS:
        return False
    accept = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"accept"), None)
    return accept is not None and prefers_html(accept)


def error_page(error: ApiError) -> HTMLResponse:
    title = html.escape(f"{error.status} {TITLES.get(error.status, 'Error')}")
    detail = json.dumps(error_body(error.status, error.code, error.message, error.detail), ensure_ascii=False,
                        indent=1)
    body = (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{title}</title>"
            "<meta name=viewport content='width=device-width'></head><body>"
            f"<h1>{title}</h1><p>{html.escape(error.message)}</p>"
            f"<details><summary>Error <code>{html.escape(error.code)}</code></summary><pre>{html.escape(detail)}"
            "</pre></details><p><a href='/'>The catalogue</a> · <a href='/query'>Query the graph</a> · "
            "<a href='/docs'>API reference</a></p></body></html>")
    return HTMLResponse(body, status_code=error.status, headers=error.headers)


def render(scope: Scope, error: ApiError) -> Response:
    """The error as this request's client should see it: the one JSON shape, or a page for a browser."""
    return error_page(error) if wants_html(scope) else error_response(error)


def as_api_error(exc: Exception) -> ApiError:
    """Any exception as the error the client is told about; an unexpected one is logged in full."""
    if isinstance(exc, ApiError):
        return exc
    log.error("unexpected error while answering a request", exc_info=exc)
    return INTERNAL


class ErrorBoundary(HttpOnly):
    """Pure ASGI, inside the metrics (so an error is counted with its status) and the security and CORS
    headers (so an error page carries them), outside everything that can raise."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except ClientDisconnect:
            return  # nobody is listening for an answer
        except Exception as exc:
            if started:
                raise  # half an answer has gone out: the server ends the connection
            await render(scope, as_api_error(exc))(scope, receive, send)


_CODES = {404: "not_found", 405: "method_not_allowed", 406: "not_acceptable", 413: "body_too_large"}


def _from_http(exc: HTTPException) -> ApiError:
    code = _CODES.get(exc.status_code, "http_error")
    message = exc.detail if isinstance(exc.detail, str) else "Request failed."
    if exc.status_code == 404:
        message = "No such resource or API path. See /docs for the API and /queries for named queries."
    return ApiError(exc.status_code, code, message, headers=dict(exc.headers or {}))


def _from_validation(exc: RequestValidationError) -> ApiError:
    problems = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg", "")}
                for e in exc.errors()]
    return ApiError(400, "bad_request", "The request's parameters are not valid.", {"problems": problems})


def install(app: FastAPI) -> None:
    """FastAPI's and Starlette's own errors, which their routing answers before our boundary sees them, in
    the same shape; and the last resort of Starlette's outermost layer (an error in a middleware outside
    the boundary) too. ApiError itself needs no handler: it reaches the boundary."""

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return render(request.scope, _from_http(exc))

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return render(request.scope, _from_validation(exc))

    async def on_anything(request: Request, exc: Exception) -> Response:
        return render(request.scope, as_api_error(exc))

    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_anything)
