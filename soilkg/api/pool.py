"""A pool of evaluation processes; a query that overruns is stopped by killing its process.

pyoxigraph has no timeout and holds the GIL-free Rust evaluation until it finishes, so the only
way to really stop an ORDER BY or COUNT over a cartesian product is to end the process that runs
it. Each worker serves one query at a time; a killed worker is replaced in the background while
the others keep answering.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from soilkg.api import worker as worker_module
from soilkg.api.problems import ApiError

log = logging.getLogger("soilkg.api")
START_TIMEOUT = 60.0  # a new worker imports pyoxigraph and opens the store


def _wake(ready: asyncio.Future[None]) -> None:
    if not ready.done():
        ready.set_result(None)


@dataclass(eq=False)  # identity, so workers can live in a set
class Worker:
    process: BaseProcess
    conn: Connection

    async def call(self, job: dict[str, Any], timeout: float) -> tuple[Any, ...]:
        """Send a job and wait for its reply; ("timeout",) when the time is up, ("died",) when the worker
        ended (out of memory or crashed).

        Waits on the pipe with the event loop's reader (no thread hop per query).
        """
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()
        fd = self.conn.fileno()
        try:
            self.conn.send(job)
            loop.add_reader(fd, _wake, ready)
            try:
                await asyncio.wait_for(ready, timeout)
            finally:
                loop.remove_reader(fd)
            # uvloop's add_reader leaves the pipe non-blocking: a reply larger than one read (the
            # header and body arrive apart) would fail with EAGAIN. The reply is on its way, so block.
            os.set_blocking(fd, True)
            reply: tuple[Any, ...] = self.conn.recv()
            return reply
        except TimeoutError:
            return ("timeout",)
        except (EOFError, OSError):
            return ("died",)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    def __init__(self, store_link: Path, size: int, memory_mb: int = 0) -> None:
        self.store_link = store_link
        self.memory_mb = memory_mb
        self.size = max(1, size)
        # Never fork the threaded server itself: a single-threaded fork server that has imported only
        # the worker module forks each worker, so a replacement is ready in milliseconds, not seconds.
        self.context = mp.get_context("forkserver")
        self.context.set_forkserver_preload(["soilkg.api.forkserver_guard", worker_module.__name__])
        self.threads = ThreadPoolExecutor(max_workers=self.size + 2, thread_name_prefix="soilkg-worker-wait")
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.all: set[Worker] = set()
        self.killed = 0
        self.started = 0
        self._closing = False
        self._tasks: set[asyncio.Task[None]] = set()

    def _spawn(self) -> Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=worker_module.main, args=(child, str(self.store_link), self.memory_mb),
                                       daemon=True, name="soilkg-query-worker")
        process.start()
        child.close()
        worker = Worker(process, parent)
        try:
            hello = parent.recv() if parent.poll(START_TIMEOUT) else None
        except (EOFError, OSError):
            hello = None
        if hello is None:
            worker.kill()
            raise RuntimeError("a query worker did not start")
        if hello[0] != "ready":
            worker.kill()
            raise ApiError(503, "store_unavailable", str(hello[1]))
        self.started += 1
        return worker

    async def start(self) -> None:
        # Start the fork server from this (the main, long-lived) thread: the kernel's parent-death
        # signal follows the thread that created it, and the executor's threads may come and go.
        forkserver.ensure_running()
        loop = asyncio.get_running_loop()
        workers = await asyncio.gather(*(loop.run_in_executor(self.threads, self._spawn) for _ in range(self.size)))
        for w in workers:
            self.all.add(w)
            self.idle.put_nowait(w)

    async def _replace(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            fresh = await loop.run_in_executor(self.threads, self._spawn)
        except (RuntimeError, ApiError, OSError) as error:
            log.error("could not start a replacement query worker: %s", error)
            return
        if self._closing:
            fresh.kill()
            return
        self.all.add(fresh)
        self.idle.put_nowait(fresh)

    @property
    def busy(self) -> int:
        return len(self.all) - self.idle.qsize()

    async def run(self, job: dict[str, Any], timeout: float) -> tuple[Any, ...]:
        """The worker's reply; ApiError 503 when no worker frees up in time, 504 when the query overruns."""
        try:
            worker = await asyncio.wait_for(self.idle.get(), timeout)
        except TimeoutError:
            raise ApiError(503, "busy", "Every query worker stayed busy for the whole timeout; try again later.",
                           headers={"Retry-After": str(int(timeout) + 1)}) from None
        try:
            reply = await worker.call(job, timeout)
        except asyncio.CancelledError:
            self._retire(worker)  # the client left: free the CPU rather than finish its query
            raise
        if reply[0] == "died":
            self._retire(worker)
            raise ApiError(422, "resources_exceeded",
                           f"The query needed more memory than a query may use here ({self.memory_mb} MB) and was "
                           "stopped. Narrow it (fewer joins, no cross products) or add a LIMIT without ORDER BY.",
                           {"memory_mb": self.memory_mb})
        if reply[0] == "timeout":
            self._retire(worker)
            raise ApiError(504, "timeout",
                           f"The query ran longer than {timeout:g} s and was stopped. Narrow it (fewer joins, "
                           "a LIMIT, no cross products) or run it on your own copy of the data.",
                           {"timeout_seconds": timeout})
        self.idle.put_nowait(worker)
        return reply

    def _retire(self, worker: Worker) -> None:
        """Kill a worker that overran, crashed or was abandoned (the CPU is free at once); start another."""
        self.all.discard(worker)
        if worker.process.is_alive():
            worker.process.kill()  # SIGKILL now; reaping it (which can take a while) happens off the loop
        self.killed += 1
        task = asyncio.create_task(self._reap_and_replace(worker))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _reap_and_replace(self, worker: Worker) -> None:
        await asyncio.get_running_loop().run_in_executor(self.threads, worker.kill)
        await self._replace()

    async def close(self) -> None:
        self._closing = True
        for w in list(self.all):
            w.kill()
        self.all.clear()
        self.threads.shutdown(wait=False, cancel_futures=True)
