"""What is sent compressed, and how: one rule for the compression middleware, the site's files held
in memory (soilkg.api.filecache) and the answers kept in the result cache (soilkg.api.service).

A body is made gzip once where it is kept (a file, a cached answer) and sent as it is to each client
that accepts it; the middleware (soilkg.api.app.asgi) compresses what nothing kept, and passes a body
that says its content encoding unchanged.
"""

from __future__ import annotations

import asyncio
import gzip

from starlette.datastructures import Headers
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES

MINIMUM_GZIP_BYTES = 1024  # smaller bodies go as they are
# Per request (the middleware) and per kept answer: most of the size gain for a small part of the CPU
# that higher levels cost (bench/README.md). A site file is compressed once for all its requests, so
# its smallest form is worth the CPU.
LEVEL_PER_ANSWER = 1
LEVEL_PER_FILE = 9
# As the middleware does (its thread_minimum_size): a bigger body is compressed off the event loop.
INLINE_MAX_BYTES = 128 * 1024
EXCLUDED = frozenset(DEFAULT_EXCLUDED_CONTENT_TYPES)  # what the middleware leaves as it is (images, fonts)


def compressible(media_type: str) -> bool:
    kind = media_type.partition(";")[0].strip().lower()
    return not {kind, kind.partition("/")[0] + "/*"} & EXCLUDED


def gzip_form(body: bytes, media_type: str, level: int) -> bytes | None:
    """The body's gzip form, or None when it is not worth sending (small, already compressed, no smaller)."""
    if len(body) < MINIMUM_GZIP_BYTES or not compressible(media_type):
        return None
    packed = gzip.compress(body, compresslevel=level, mtime=0)
    return packed if len(packed) < len(body) else None


async def kept_gzip_form(body: bytes, media_type: str) -> bytes | None:
    """The gzip form of an answer to keep, made off the event loop when the body is big."""
    if len(body) <= INLINE_MAX_BYTES:
        return gzip_form(body, media_type, LEVEL_PER_ANSWER)
    return await asyncio.to_thread(gzip_form, body, media_type, LEVEL_PER_ANSWER)


def choose(body: bytes, gzipped: bytes | None, request: Headers, headers: dict[str, str]) -> bytes:
    """The body to send: its gzip form to a client that accepts gzip (`headers` gain Content-Encoding);
    whenever a gzip form exists, caches are told that the answer varies with Accept-Encoding."""
    if gzipped is None:
        return body
    vary = headers.get("Vary") or headers.get("vary")
    headers.pop("vary", None)
    headers["Vary"] = f"{vary}, Accept-Encoding" if vary else "Accept-Encoding"
    if "gzip" in request.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        return gzipped
    return body
