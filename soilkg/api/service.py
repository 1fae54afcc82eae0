"""One way in for every query the API evaluates: the result cache, then fairness, then the backend.

The store version (backend.version(), one readlink per request) is checked first: after a rebuild
the cache and the past timings are dropped, so nothing from the old store is answered.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Awaitable
from typing import TypeVar

from soilkg.api.backend import NO_DATASET, Answer, Backend, Dataset
from soilkg.api.cache import ResultCache
from soilkg.api.fairness import Timings, Trials, shape
from soilkg.api.problems import ApiError
from soilkg.api.settings import Settings

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

    def version(self) -> str | None:
        """The store version; a change (a rebuild) empties the cache and the timings."""
        current = self.backend.version()
        if current != self._version:
            self._version = current
            self.cache.clear()
            self.timings.clear()
        return current

    def etag(self, *parts: object) -> str | None:
        """A weak validator for an answer: the store version plus everything that shapes the answer."""
        version = self.version()
        if version is None:
            return None
        # The whole version (fingerprint and view: public and preview answers differ) and the request.
        digest = hashlib.blake2b(repr((version, parts)).encode(), digest_size=16).hexdigest()
        return f'W/"{digest}"'

    async def answer(self, query: str, media_type: str, dataset: Dataset = NO_DATASET, *, client: str = "",
                     trusted: bool = False) -> Answer:
        """Evaluate (or recall) a query. `trusted`: a named query or the server's own look-up (cheap lane)."""
        version = self.version()
        key = (query, media_type, dataset)
        if version is not None and self.cache.max_bytes:
            hit = self.cache.get(key)
            if hit is not None:
                return hit
        answer = await self._fairly(query, media_type, dataset, client, trusted)
        if version is not None and self.cache.max_bytes and self.version() == version:
            self.cache.put(key, answer)
        return answer

    async def _fairly(self, query: str, media_type: str, dataset: Dataset, client: str, trusted: bool) -> Answer:
        key = shape(query)
        cost = self.timings.cost(key)
        backend = self.backend
        # Named queries and our own look-ups are presumed cheap until one of them runs slow (a named
        # query can grow costly with the data): then it shares the general lane like any other.
        if cost == "cheap" or (trusted and cost == "unknown"):
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
            if error.status in (422, 504) and error.code != "too_many_results":
                self.timings.record(key, SLOW)
            raise
        if answer is not None:
            self.timings.record(key, answer.seconds)
        return answer
