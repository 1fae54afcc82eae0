"""Which view a server shows, on every response: ``X-Soilkg-View: public`` or ``preview``.

The public view is the store without unpublished or non-public files (soilkg.visibility); the
curators' preview (``soilkg serve --include-drafts``) has everything, so each of its HTML pages also
carries a banner saying so. Pure ASGI, outermost, so that every answer is marked: API, errors, the
site's files and the request-body limit's refusals alike.
"""

from __future__ import annotations

import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from soilkg.api.web import HttpOnly
from soilkg.visibility import PREVIEW_BANNER

HEADER = b"x-soilkg-view"
MARKER = b"skg-preview"  # the class of the banner; pages built as a preview already carry it
BANNER = PREVIEW_BANNER.encode()
_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


def mark_html(body: bytes) -> bytes:
    """The page with the preview banner first in its body (unchanged when it already has one)."""
    if MARKER in body:
        return body
    found = _BODY.search(body)
    at = found.end() if found else 0
    return body[:at] + BANNER + body[at:]


class ViewMark(HttpOnly):
    def __init__(self, app: ASGIApp, preview: bool) -> None:
        super().__init__(app)
        self.view = b"preview" if preview else b"public"
        self.preview = preview

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        held: Message | None = None
        chunks: list[bytes] = []

        async def marked(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != HEADER]
                headers.append((HEADER, self.view))
                message = {**message, "headers": headers}
                fields = {k.lower(): v for k, v in headers}
                if (self.preview and scope.get("method") != "HEAD"
                        and fields.get(b"content-type", b"").startswith(b"text/html")
                        and b"content-encoding" not in fields):
                    held = message  # sent with the banner once the whole page is here
                    return
            elif message["type"] == "http.response.body" and held is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = mark_html(b"".join(chunks))
                headers = [(k, v) for k, v in held["headers"] if k.lower() != b"content-length"]
                headers.append((b"content-length", str(len(body)).encode()))
                await send({**held, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, marked)
