"""Refuse request bodies over the limit before reading them whole, whatever their framing (ASGI middleware).

A declared Content-Length over the limit is refused before a byte is read. A body without one
(`Transfer-Encoding: chunked`) is read here up to the limit, then handed on whole (a query is
small, so holding it costs nothing), or refused as soon as it passes the limit. Either way the
refusal is the one error shape, raised to the error boundary that sits outside this layer, and
counted in /metrics under the route it was sent to.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from soilkg.api.problems import ApiError
from soilkg.api.web import HttpOnly


class BodyLimit(HttpOnly):
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        super().__init__(app)
        self.max_bytes = max_bytes

    def _refusal(self) -> ApiError:
        # The rest of the body is never read: the connection cannot carry another request.
        return ApiError(413, "body_too_large", f"The request body is larger than {self.max_bytes} bytes. A SPARQL "
                        "query is small: send the query, not data.", {"limit": self.max_bytes},
                        headers={"Connection": "close"})

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        if declared is not None:
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise self._refusal()
            await self.app(scope, receive, send)  # the server reads exactly that many bytes, no more
            return
        if b"transfer-encoding" not in headers:
            await self.app(scope, receive, send)  # no body
            return
        await self.app(scope, await self._whole(receive), send)

    async def _whole(self, receive: Receive) -> Receive:
        """Read a body of unknown length up to the limit; a receive that gives it in one piece."""
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break  # the client left: the app sees the same
            parts.append(message.get("body", b""))
            size += len(parts[-1])
            if size > self.max_bytes:
                raise self._refusal()
            if not message.get("more_body", False):
                break
        whole: Message | None = {"type": "http.request", "body": b"".join(parts), "more_body": False}

        async def replay() -> Message:
            nonlocal whole
            if whole is not None:
                message, whole = whole, None
                return message
            return await receive()  # after the body: wait for the disconnect, as the server would give it

        return replay
