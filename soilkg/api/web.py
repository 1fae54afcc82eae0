"""How everything is served: security headers on HTML, cache headers for site files, OPTIONS and Allow.

Pure ASGI middlewares (BaseHTTPMiddleware costs more per request than all of these together).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Match, Mount, Route
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from soilkg.api.encoding import choose
from soilkg.api.filecache import FileCache

# No inline script anywhere (data strings cannot become code); styles may be inline (mkdocs-material
# and YASGUI set style attributes). Everything comes from this origin: the site works offline.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
       "base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
HTML_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                (b"referrer-policy", b"strict-origin-when-cross-origin")]
# mkdocs-material names its bundles by content (bundle.5090c770.min.js): such a name never changes
# content, so browsers and proxies keep it for a year.
HASHED = re.compile(r"\.[0-9a-f]{8,}\.(?:min\.)?(?:js|css)$")
IMMUTABLE = "public, max-age=31536000, immutable"
PAGE = "public, max-age=0, must-revalidate"  # pages: always revalidated (ETag/Last-Modified), never stale
ASSET = "public, max-age=3600"


def cache_control(path: str) -> str:
    if HASHED.search(path):
        return IMMUTABLE
    return PAGE if path.endswith((".html", "/")) or "." not in os.path.basename(path) else ASSET


class SiteFiles(StaticFiles):
    """The catalogue site (and /static): StaticFiles with Cache-Control by kind of file, answered from
    memory with each file's gzip form made once (soilkg.api.filecache)."""

    @cached_property
    def held(self) -> FileCache:
        return FileCache()

    def file_response(self, full_path: str | os.PathLike[str], stat_result: os.stat_result, scope: Scope,
                      status_code: int = 200) -> Response:
        request = Headers(scope=scope)
        # FileResponse's own headers (ETag and Last-Modified from the file's stat, its media type): the
        # same validators whichever way the body goes.
        streamed = FileResponse(full_path, status_code=status_code, stat_result=stat_result)
        streamed.headers["Cache-Control"] = cache_control(str(full_path))
        if self.is_not_modified(streamed.headers, request):
            return NotModifiedResponse(streamed.headers)
        held = None if "range" in request else self.held.get(str(full_path), stat_result, streamed.media_type or "")
        if held is None:
            return streamed
        headers = {k: v for k, v in streamed.headers.items() if k != "content-length"}
        body = choose(held.body, held.gzipped, request, headers)
        return Response(body, status_code=status_code, headers=headers)


def site_file(site: Path | None, relative: str) -> Path | None:
    """A file of the built site at this path (never outside it), or None."""
    if site is None:
        return None
    candidate = (site / relative).resolve()
    if not candidate.is_relative_to(site.resolve()):
        return None
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


class HttpOnly:
    """A pure ASGI middleware for HTTP requests: every other scope (the lifespan) passes straight through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.http(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class SecurityHeaders(HttpOnly):
    """Content-Security-Policy (and nosniff, Referrer-Policy) on every HTML answer, whoever made it."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                kind = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if kind.startswith(b"text/html"):
                    message["headers"] = [*headers, *HTML_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def routes(container: object) -> Iterator[BaseRoute]:
    """Every route, looking into included routers (FastAPI wraps them)."""
    for route in getattr(container, "routes", []):
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from routes(inner)
        else:
            yield route


def allowed_methods(app: ASGIApp, scope: Scope) -> list[str]:
    """Every method some route answers at this path (HEAD with GET, OPTIONS always)."""
    probe = {**scope, "method": "GET"}
    methods: set[str] = set()
    for route in routes(app):
        match, _ = route.matches(probe)
        if match is Match.NONE:
            continue
        if isinstance(route, Mount):
            methods |= {"GET", "HEAD"}
        elif isinstance(route, Route) and route.methods:
            methods |= route.methods
    if "GET" in methods:
        methods.add("HEAD")
    if not methods:
        return []
    order = ["GET", "HEAD", "POST", "OPTIONS"]
    return sorted(methods | {"OPTIONS"}, key=lambda m: (order.index(m) if m in order else len(order), m))


class Methods(HttpOnly):
    """OPTIONS answers with the path's Allow list (CORS preflights go on to the CORS middleware); a 405
    names every method of the path, not only those of the first route that matched it; HEAD is GET
    without a body everywhere."""

    def __init__(self, app: ASGIApp, router: ASGIApp) -> None:
        super().__init__(app)
        self.router = router

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers", []))
        preflight = b"origin" in headers and b"access-control-request-method" in headers
        if scope["method"] == "OPTIONS" and not preflight:
            allow = allowed_methods(self.router, scope)
            if allow:
                await send({"type": "http.response.start", "status": 204,
                            "headers": [(b"allow", ", ".join(allow).encode()), (b"content-length", b"0")]})
                await send({"type": "http.response.body", "body": b""})
                return

        head = scope["method"] == "HEAD"

        async def full_allow(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                allow = ", ".join(allowed_methods(self.router, scope)).encode()
                message["headers"] = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                message["headers"].append((b"allow", allow))
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # HEAD: GET's headers, no body
            await send(message)

        # HEAD is GET without the body, on every path that answers GET.
        await self.app({**scope, "method": "GET"} if head else scope, receive, full_allow)
