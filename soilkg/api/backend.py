"""Where queries are evaluated: the embedded store (a worker pool) or any SPARQL 1.1 endpoint."""

from __future__ import annotations

import json
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlencode

import httpx

from soilkg.api import guard
from soilkg.api.engine_answers import as_boolean
from soilkg.api.pool import Want
from soilkg.api.problems import api_error
from soilkg.api.protocol import (
    ENDPOINT_ERROR,
    ENDPOINT_UNREACHABLE,
    MALFORMED,
    STORE_UNAVAILABLE,
    TIMEOUT,
    TOO_LARGE,
    Failed,
    Job,
    Reply,
)
from soilkg.api.settings import Settings
from soilkg.api.storelink import LiveGraphs, Snapshot, StoreLink
from soilkg.store import MANIFEST


@dataclass(frozen=True)
class Dataset:
    """The protocol's default-graph-uri / named-graph-uri; empty means the union of all named graphs."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


NO_DATASET = Dataset()


@dataclass(frozen=True)
class Answer:
    media_type: str
    body: bytes
    seconds: float = 0.0  # evaluation time (not the wait for a worker): what the fairness timings record
    store: str = ""  # the store (the link's target) it came from: only such answers are kept in the cache
    gzipped: bytes | None = None  # the body's gzip form, made once when the answer is kept (soilkg.api.encoding)


class Backend(Protocol):
    name: str

    async def start(self) -> None: ...

    async def execute(self, query: str, media_type: str, dataset: Dataset = NO_DATASET,
                      want: Want = "general", client: str = "") -> Answer: ...

    async def try_fast(self, query: str, media_type: str, dataset: Dataset, budget: float) -> Answer | None:
        """The answer from an idle worker kept for cheap queries within `budget` s, else None."""

    def general_idle(self) -> bool:
        """True when a query of unknown cost would start at once in the general lane."""

    def snapshot(self) -> Snapshot | None:
        """The data answered from now (its version changes with every build); None when unknown."""

    async def graphs(self) -> Set[str]: ...

    async def close(self) -> None: ...

    def stats(self) -> dict[str, int]: ...


def _answer(reply: Reply, seconds: float = 0.0) -> Answer:
    if isinstance(reply, Failed):
        raise api_error(reply)
    return Answer(reply.media_type, reply.body, seconds, reply.store)


class EmbeddedBackend:
    """The pyoxigraph store built from the repository, evaluated in killable worker processes."""

    name = "embedded"

    def __init__(self, store_link: Path, settings: Settings) -> None:
        from soilkg.api.pool import WorkerPool  # multiprocessing only where it is used

        self.link = StoreLink(store_link)
        self.settings = settings
        self.pool = WorkerPool(store_link, settings.workers, settings.max_worker_memory_mb, settings.fast_workers,
                               settings.client_queue, settings.queue_seconds)

    async def start(self) -> None:
        if not (self.link.link / MANIFEST).is_file():
            raise api_error(Failed(STORE_UNAVAILABLE, "No store has been built yet. Run `soilkg build`."))
        await self.pool.start()

    def _job(self, query: str, media_type: str, dataset: Dataset) -> Job:
        return Job(query, media_type, dataset.default_graphs, dataset.named_graphs, self.settings.max_rows,
                   self.settings.max_response_bytes)

    async def execute(self, query: str, media_type: str, dataset: Dataset = NO_DATASET,
                      want: Want = "general", client: str = "") -> Answer:
        return _answer(*await self.pool.run(self._job(query, media_type, dataset), self.settings.timeout, want,
                                            client))

    async def try_fast(self, query: str, media_type: str, dataset: Dataset, budget: float) -> Answer | None:
        tried = await self.pool.try_fast(self._job(query, media_type, dataset), budget)
        return None if tried is None else _answer(*tried)

    def general_idle(self) -> bool:
        return self.pool.idle_count("general") > 0

    def snapshot(self) -> Snapshot | None:
        """The store being served now (one readlink per call; the manifest is re-read after a swap)."""
        return self.link.snapshot()

    async def graphs(self) -> Set[str]:
        """The named graphs, one per source file, as the manifest of the store being served lists them."""
        return LiveGraphs(self.link)

    async def close(self) -> None:
        await self.pool.close()

    def stats(self) -> dict[str, int]:
        return {"workers": len(self.pool.all), "workers_busy": self.pool.busy,
                "workers_killed": self.pool.killed, "workers_started": self.pool.started,
                "workers_lost": self.pool.lost}


class RemoteBackend:
    """Any SPARQL 1.1 Protocol endpoint (Oxigraph server, Fuseki, QLever...), queried over HTTP.

    The endpoint must treat its default graph as the union of the named graphs (Oxigraph:
    ``--union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph true``) for answers to match.
    """

    name = "remote"

    def __init__(self, endpoint: str, settings: Settings) -> None:
        self.endpoint = endpoint
        self.settings = settings
        self.client: httpx.AsyncClient | None = None
        self._graphs: set[str] | None = None
        self.timeouts = 0

    async def start(self) -> None:
        self.client = httpx.AsyncClient(timeout=httpx.Timeout(self.settings.timeout, connect=5.0),
                                        limits=httpx.Limits(max_connections=64, max_keepalive_connections=16))

    async def try_fast(self, query: str, media_type: str, dataset: Dataset, budget: float) -> Answer | None:
        return None  # the engine schedules its own queries

    def general_idle(self) -> bool:
        return True

    def snapshot(self) -> Snapshot | None:
        return None  # the engine's data may change under us: no ETag, no result cache

    async def execute(self, query: str, media_type: str, dataset: Dataset = NO_DATASET,
                      want: Want = "general", client: str = "") -> Answer:
        assert self.client is not None, "start() first"
        form = [("query", query), *(("default-graph-uri", g) for g in dataset.default_graphs),
                *(("named-graph-uri", g) for g in dataset.named_graphs)]
        limit = self.settings.max_response_bytes
        try:
            async with self.client.stream("POST", self.endpoint, content=urlencode(form),
                                          headers={"Accept": media_type,
                                                   "Content-Type": "application/x-www-form-urlencoded"}) as response:
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise api_error(Failed(TOO_LARGE, f"The answer is larger than {limit} bytes; add a LIMIT.",
                                               {"limit": limit}))
                    chunks.append(chunk)
        except httpx.TimeoutException:
            self.timeouts += 1
            raise api_error(Failed(TIMEOUT, f"The query ran longer than {self.settings.timeout:g} s and was stopped.",
                                   {"timeout_seconds": self.settings.timeout})) from None
        except httpx.TransportError:
            raise api_error(Failed(ENDPOINT_UNREACHABLE, f"The SPARQL endpoint {self.endpoint} did not answer.")) \
                from None
        body = b"".join(chunks)
        if response.status_code >= 400:
            text = body.decode("utf-8", errors="replace").strip()[:2000]
            if response.status_code == 400:
                raise api_error(Failed(MALFORMED, f"The query is not valid SPARQL: {text}"))
            raise api_error(Failed(ENDPOINT_ERROR, f"The SPARQL endpoint answered {response.status_code}: {text}"))
        answered = response.headers.get("content-type", media_type).split(";", 1)[0].strip() or media_type
        if guard.inspect(query).form == "ASK":
            body = as_boolean(answered, body) or body
        return Answer(answered, body)

    async def graphs(self) -> Set[str]:
        if self._graphs is None:
            # Virtuoso 7 answers `GRAPH ?g {}` with no rows (SPARQL 1.1 18.6: one per named graph); the
            # scan of every quad is asked only then, since it is the slower query on other engines (GROUP BY:
            # Virtuoso's DISTINCT over it runs past its time limit).
            self._graphs = (await self._graph_names("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }")
                            or await self._graph_names("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"))
        return self._graphs

    async def _graph_names(self, query: str) -> set[str]:
        answer = await self.execute(query, "application/sparql-results+json")
        rows = json.loads(answer.body)["results"]["bindings"]
        return {row["g"]["value"] for row in rows if "g" in row}

    async def close(self) -> None:
        if self.client is not None:
            await self.client.aclose()

    def stats(self) -> dict[str, int]:
        return {"endpoint_timeouts": self.timeouts}
