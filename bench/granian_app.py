"""The API's ASGI application as a factory for granian (a Rust HTTP server for Python applications),
so that bench/reporter_day.py can measure it beside uvicorn with the same application and settings:

    SOILKG_ROOT=... SOILKG_BUILD=... granian --interface asgi --factory --working-dir bench granian_app:app

Settings come from SOILKG_API_* variables, as for `soilkg serve`. Two guarantees that uvicorn gives
`soilkg serve` by itself are added here, as a switch of server would have to: X-Forwarded-For from the
proxy on loopback names the client (the fair share is per client), and granian's worker process, where
the application and its query workers live, ends with granian's main process (a `kill -9` of the
server leaves nothing running; granian alone leaves the worker serving). And one difference is taken
away: granian offers ASGI's `http.response.pathsend`, with which Starlette's FileResponse hands the
server a file's path and the compression middleware never sees the body (pages went out uncompressed).
"""

from __future__ import annotations

from typing import Any, cast

from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from soilkg.api.app import asgi
from soilkg.api.settings import Settings
from soilkg.api.worker import die_with_parent
from soilkg.paths import Project

PATHSEND = "http.response.pathsend"


class NoPathsend:
    """Files sent as bodies (compressed like every other answer), as under uvicorn."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        extensions = scope.get("extensions") or {}
        if PATHSEND in extensions:
            scope = {**scope, "extensions": {k: v for k, v in extensions.items() if k != PATHSEND}}
        await self.app(scope, receive, send)


def app() -> ASGIApp:
    die_with_parent()
    # uvicorn's and Starlette's ASGI type names differ; the protocol is the same.
    inner: Any = NoPathsend(asgi(Project.here(), Settings.from_env()))
    return cast(ASGIApp, ProxyHeadersMiddleware(inner, trusted_hosts="127.0.0.1"))
