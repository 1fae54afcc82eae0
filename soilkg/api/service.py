"""One way in for every query the API evaluates: the result cache, then fairness, then the backend.

The store is looked at once per request (backend.snapshot(), one readlink): after a rebuild the
cache and the past timings are dropped, so nothing from the old store is answered, and an answer
is kept only when the worker says it came from the store that was looked at.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Awaitable
from dataclasses import replace
from typing import TypeVar

from soilkg.api.backend import NO_DATASET, Answer, Backend, Dataset
from soilkg.api.cache import ResultCache
from soilkg.api.encoding import kept_gzip_form
from soilkg.api.fairness import Timings, Trials, reads_cheap, shape
from soilkg.api.problems import ApiError
from soilkg.api.protocol import COSTLY_CODES
from soilkg.api.settings import Settings
from soilkg.api.storelink import Snapshot

SLOW = math.inf  # recorded for a shape that overran or exhausted memory
T = TypeVar("T", Answer, Answer | None)


class QueryService:
    def __init__(self, backend: Backend, settings: Settings) -> None:
        self.backend = backend
        self.settings = settings
        self.cache = ResultCache(settings.cache_bytes)
        self.timings = Timings(settings.cheap_ms / 1000)
        self.trials = Trials()
        self._version: str | None = None

    def snapshot(self) -> Snapshot | None:
        """The store being served; a new version (a rebuild) empties the cache and the timings."""
        current = self.backend.snapshot()
        version = current.version if current is not None else None
        if version != self._version:
            self._version = version
            self.cache.clear()
            self.timings.clear()
        return current if version is not None else None

    @staticmethod
    def etag(snapshot: Snapshot | None, *parts: object) -> str | None:
        """A weak validator for an answer: the store version plus everything that shapes the answer."""
        if snapshot is None:
            return None
        # The whole version (fingerprint and view: public and preview answers differ) and the request.
        digest = hashlib.blake2b(repr((snapshot.version, parts)).encode(), digest_size=16).hexdigest()
        return f'W/"{digest}"'

    async def answer(self, query: str, media_type: str, dataset: Dataset = NO_DATASET, *, client: str = "",
                     trusted: bool = False, snapshot: Snapshot | None = None) -> Answer:
        """Evaluate (or recall) a query. `trusted`: a named query or the server's own look-up (cheap lane).
        `snapshot`: the store as the request already looked at it (for its ETag), else looked at here."""
        seen = snapshot if snapshot is not None else self.snapshot()
        key = (query, media_type, dataset)
        if seen is not None and self.cache.max_bytes:
            hit = self.cache.get(key)
            if hit is not None:
                return hit
        answer = await self._fairly(query, media_type, dataset, client, trusted)
        if seen is not None and self.cache.max_bytes and answer.store == seen.target and self.cache.fits(answer):
            # Compressed once here rather than by the middleware at each request that repeats it.
            answer = replace(answer, gzipped=await kept_gzip_form(answer.body, answer.media_type))
            self.cache.put(key, answer)
        return answer

    async def _fairly(self, query: str, media_type: str, dataset: Dataset, client: str, trusted: bool) -> Answer:
        key = shape(query)
        cost = self.timings.cost(key)
        backend = self.backend
        # Named queries, our own look-ups and texts that can only be cheap (an ASK or a bounded SELECT over
        # one pattern) are presumed cheap until one of them runs slow (a named query can grow costly with
        # the data): then it shares the general lane like any other. No history is needed, and a client's
        # slow queries never hold back its cheap ones.
        if cost == "cheap" or (cost == "unknown" and (trusted or reads_cheap(query))):
            return await self._timed(key, backend.execute(query, media_type, dataset, want="cheap"))
        if cost == "unknown" and not backend.general_idle() and self.trials.may_try(client):
            budget = self.settings.try_fast_seconds
            async with self.trials.trial(client):
                started = time.perf_counter()
                answer = await self._timed(key, backend.try_fast(query, media_type, dataset, budget))
            if answer is not None:
                return answer
            if time.perf_counter() - started >= budget:  # it overran the try: slow, and this client waits
                self.timings.record(key, SLOW)
                self.trials.overran_try(client)
        return await self._timed(key, backend.execute(query, media_type, dataset, want="general", client=client))

    async def _timed(self, key: str, evaluation: Awaitable[T]) -> T:
        try:
            answer = await evaluation
        except ApiError as error:
            if error.code in COSTLY_CODES:
                self.timings.record(key, SLOW)
            raise
        if answer is not None:
            self.timings.record(key, answer.seconds)
        return answer
