"""Where queries are evaluated: the embedded store (a worker pool) or any SPARQL 1.1 endpoint."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlencode

import httpx

from soilkg.api.pool import Want
from soilkg.api.problems import ApiError
from soilkg.api.settings import Settings
from soilkg.store import MANIFEST, graph_iri


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


class Backend(Protocol):
    name: str

    async def start(self) -> None: ...

    async def execute(self, query: str, media_type: str, dataset: Dataset = NO_DATASET,
                      want: Want = "general", client: str = "") -> Answer: ...

    async def try_fast(self, query: str, media_type: str, dataset: Dataset, budget: float) -> Answer | None:
        """The answer from an idle worker kept for cheap queries within `budget` s, else None."""

    def general_idle(self) -> bool:
        """True when a query of unknown cost would start at once in the general lane."""

    def version(self) -> str | None:
        """What identifies the data answered from (changes with every build); None when unknown."""

    async def graphs(self) -> Set[str]: ...

    async def close(self) -> None: ...

    def stats(self) -> dict[str, int]: ...


def _answer(reply: tuple[object, ...], seconds: float = 0.0) -> Answer:
    if reply[0] == "ok":
        media_type, body = reply[1], reply[2]
        assert isinstance(media_type, str) and isinstance(body, bytes)
        return Answer(media_type, body, seconds)
    _, status, code, message, detail = reply
    assert isinstance(status, int) and isinstance(code, str) and isinstance(message, str)
    raise ApiError(status, code, message, detail if isinstance(detail, dict) else None)


class EmbeddedBackend:
    """The pyoxigraph store built from the repository, evaluated in killable worker processes."""

    name = "embedded"

    def __init__(self, store_link: Path, settings: Settings) -> None:
        from soilkg.api.pool import WorkerPool  # multiprocessing only where it is used

        self.store_link = store_link
        self.settings = settings
        self.pool = WorkerPool(store_link, settings.workers, settings.max_worker_memory_mb, settings.fast_workers,
                               settings.client_queue, settings.queue_seconds)
        self._target = ""
        self._version: str | None = None

    async def start(self) -> None:
        if not (self.store_link / MANIFEST).is_file():
            raise ApiError(503, "store_unavailable", "No store has been built yet. Run `soilkg build`.")
        await self.pool.start()

    def _job(self, query: str, media_type: str, dataset: Dataset) -> dict[str, object]:
        return {"query": query, "format": media_type, "union": not dataset.default_graphs,
                "default_graph": list(dataset.default_graphs), "named_graphs": list(dataset.named_graphs),
                "max_rows": self.settings.max_rows, "max_bytes": self.settings.max_response_bytes}

    async def execute(self, query: str, media_type: str, dataset: Dataset = NO_DATASET,
                      want: Want = "general", client: str = "") -> Answer:
        reply, seconds = await self.pool.run(self._job(query, media_type, dataset), self.settings.timeout, want,
                                             client)
        return _answer(reply, seconds)

    async def try_fast(self, query: str, media_type: str, dataset: Dataset, budget: float) -> Answer | None:
        tried = await self.pool.try_fast(self._job(query, media_type, dataset), budget)
        return None if tried is None else _answer(*tried)

    def general_idle(self) -> bool:
        return self.pool.idle_count("general") > 0

    def version(self) -> str | None:
        """The manifest's fingerprint and view (public or preview), re-read only when a build swapped the link:
        one readlink per request. Replicas built from the same sources share it, and so their ETags."""
        try:
            target = os.readlink(self.store_link)
        except OSError:
            return self._version
        if target != self._target:
            try:
                manifest = json.loads((self.store_link / MANIFEST).read_text())
            except (OSError, ValueError):
                return self._version  # mid-swap: the next request looks again
            self._version = f"{manifest.get('fingerprint', '')}-{manifest.get('view', 'store')}"
            self._target = target
        return self._version

    async def graphs(self) -> Set[str]:
        """The named graphs, one per source file, as the manifest of the store being served lists them."""
        return LiveGraphs(self.store_link)

    async def close(self) -> None:
        await self.pool.close()

    def stats(self) -> dict[str, int]:
        return {"workers": len(self.pool.all), "workers_busy": self.pool.busy,
                "workers_killed": self.pool.killed, "workers_started": self.pool.started}


class LiveGraphs(Set[str]):
    """The graphs of the store the link points at NOW: after a rebuild, the FROM / GRAPH allow-list
    follows the new store without a restart (the manifest is re-read only when the link changes)."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self._target = ""
        self._graphs: frozenset[str] = frozenset()

    def _current(self) -> frozenset[str]:
        # One readlink per look (a build swaps the link), not a full path resolution.
        try:
            target = os.readlink(self.link)
        except OSError:
            target = str(self.link)  # a plain folder (not a build's link): read its manifest once
        if target != self._target:
            try:
                manifest = json.loads((self.link / MANIFEST).read_text())
            except (OSError, ValueError):
                return self._graphs  # mid-swap or gone: keep the last good list
            self._graphs = frozenset(graph_iri(relative) for relative in manifest.get("files", {}))
            self._target = target
        return self._graphs

    def __contains__(self, graph: object) -> bool:
        return graph in self._current()

    def __iter__(self) -> Iterator[str]:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self._current())


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

    def version(self) -> str | None:
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
                        raise ApiError(422, "response_too_large",
                                       f"The answer is larger than {limit} bytes; add a LIMIT.", {"limit": limit})
                    chunks.append(chunk)
        except httpx.TimeoutException:
            self.timeouts += 1
            raise ApiError(504, "timeout", f"The query ran longer than {self.settings.timeout:g} s and was stopped.",
                           {"timeout_seconds": self.settings.timeout}) from None
        except httpx.TransportError:
            raise ApiError(502, "endpoint_unreachable", f"The SPARQL endpoint {self.endpoint} did not answer.") \
                from None
        body = b"".join(chunks)
        if response.status_code >= 400:
            text = body.decode("utf-8", errors="replace").strip()[:2000]
            if response.status_code == 400:
                raise ApiError(400, "malformed_query", f"The query is not valid SPARQL: {text}")
            raise ApiError(502, "endpoint_error", f"The SPARQL endpoint answered {response.status_code}: {text}")
        answered = response.headers.get("content-type", media_type).split(";", 1)[0].strip()
        return Answer(answered or media_type, body)

    async def graphs(self) -> Set[str]:
        if self._graphs is None:
            answer = await self.execute("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }", "application/sparql-results+json")
            rows = json.loads(answer.body)["results"]["bindings"]
            self._graphs = {row["g"]["value"] for row in rows if "g" in row}
        return self._graphs

    async def close(self) -> None:
        if self.client is not None:
            await self.client.aclose()

    def stats(self) -> dict[str, int]:
        return {"endpoint_timeouts": self.timeouts}
