"""A pool of evaluation processes in two lanes; a query that overruns is stopped by killing its process.

pyoxigraph has no timeout and holds the GIL-free Rust evaluation until it finishes, so the only
way to really stop an ORDER BY or COUNT over a cartesian product is to end the process that runs
it. Each worker serves one query at a time; a killed worker is replaced in the background while
the others keep answering.

Lanes (see server/README.md, "Fairness"): `general` workers run any query; `fast` workers are kept
for queries known to be cheap (named queries, the server's own look-ups, shapes that ran fast
before), so that a cheap query never queues behind slow ones. A query of unknown cost may *try*
an idle fast worker for a short budget when every general worker is busy; past the budget that
worker is killed (a fresh one is forked in milliseconds) and the query goes to the general lane.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
import tempfile
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from soilkg.api import worker as worker_module
from soilkg.api.problems import ApiError, api_error
from soilkg.api.protocol import (
    BUSY,
    MEMORY,
    OVER_SHARE,
    STACK,
    TIMEOUT,
    Failed,
    Job,
    Ready,
    Reply,
)
from soilkg.api.workerproc import Lane, Outcome, Worker

log = logging.getLogger("soilkg.api")
START_TIMEOUT = 60.0  # a new worker imports pyoxigraph and opens the store
GENERAL: Lane = "general"
FAST: Lane = "fast"
# What a request may use: "cheap" takes a fast worker first, else a general one; "general" only a
# general one; "try-fast" an idle fast worker or nothing (no waiting).
Want = Literal["cheap", "general", "try-fast"]


@dataclass
class _Waiter:
    want: Want
    client: str
    future: asyncio.Future[Worker] = field(repr=False)


class WorkerPool:
    def __init__(self, store_link: Path, size: int, memory_mb: int = 0, fast: int = 1, client_queue: int = 16,
                 queue_seconds: float = 2.0) -> None:
        self.store_link = store_link
        self.memory_mb = memory_mb
        self.sizes: dict[Lane, int] = {GENERAL: max(1, size), FAST: max(0, fast)}
        # Never fork the threaded server itself: a single-threaded fork server that has imported only
        # the worker module forks each worker, so a replacement is ready in milliseconds, not seconds.
        self.context = mp.get_context("forkserver")
        self.threads = ThreadPoolExecutor(max_workers=sum(self.sizes.values()) + 2,
                                          thread_name_prefix="soilkg-worker-wait")
        self.idle: dict[Lane, list[Worker]] = {GENERAL: [], FAST: []}
        self.waiters: deque[_Waiter] = deque()
        self.client_queue = max(1, client_queue)
        self.queue_seconds = queue_seconds
        self.running: dict[str, int] = {}  # general-lane queries of unknown or high cost, per client
        self.all: set[Worker] = set()
        self.killed = 0
        self.started = 0
        self.lost = 0  # workers found ended (killed from outside or crashed), each replaced
        self._closing = False
        self._tasks: set[asyncio.Task[None]] = set()

    def _spawn(self, lane: Lane) -> Worker:
        handle, name = tempfile.mkstemp(prefix="soilkg-worker-", suffix=".log")
        os.close(handle)
        parent, child = self.context.Pipe()
        process = self.context.Process(target=worker_module.main,
                                       args=(child, str(self.store_link), self.memory_mb, name),
                                       daemon=True, name=f"soilkg-query-worker-{lane}")
        process.start()
        child.close()
        worker = Worker(process, parent, lane, Path(name))
        try:
            hello = parent.recv() if parent.poll(START_TIMEOUT) else None
        except (EOFError, OSError):
            hello = None
        if hello is None:
            worker.kill()
            raise RuntimeError("a query worker did not start")
        if not isinstance(hello, Ready):
            worker.kill()
            raise api_error(hello)
        self.started += 1
        return worker

    async def start(self) -> None:
        # From this (the main, long-lived) thread: the kernel's parent-death signal follows the thread
        # that created the fork server, and the executor's threads may come and go.
        worker_module.start_fork_server()
        loop = asyncio.get_running_loop()
        lanes: list[Lane] = [lane for lane, n in self.sizes.items() for _ in range(n)]
        workers = await asyncio.gather(*(loop.run_in_executor(self.threads, self._spawn, lane) for lane in lanes))
        for w in workers:
            self.all.add(w)
            self._release(w)

    @property
    def busy(self) -> int:
        return len(self.all) - sum(len(v) for v in self.idle.values())

    def idle_count(self, lane: Lane) -> int:
        return len(self.idle[lane])

    @staticmethod
    def _fits(want: Want, lane: Lane) -> bool:
        return lane == FAST if want == "try-fast" else (want == "cheap" or lane == GENERAL)

    def _release(self, worker: Worker) -> None:
        """Hand a free worker to a waiter it may serve, else keep it idle. Cheap queries first; then, for a
        general worker, the waiting client that runs the fewest costly queries now (fair share; among
        equals, the longest waiting), so one client's queue never stands in front of another's."""
        best: _Waiter | None = None
        best_rank = (0, 0)
        for n, waiter in enumerate(self.waiters):
            if waiter.future.done() or not self._fits(waiter.want, worker.lane):
                continue
            rank = (-1 if waiter.want != "general" else self.running.get(waiter.client, 0), n)
            if best is None or rank < best_rank:
                best, best_rank = waiter, rank
        if best is not None:
            self.waiters.remove(best)
            best.future.set_result(worker)
            return
        self.idle[worker.lane].append(worker)

    def _over_share(self, client: str) -> bool:
        """True when other clients wait for the general lane and this one already runs its fair share."""
        waiting = {w.client for w in self.waiters if w.want == "general"}
        if not waiting - {client}:
            return False  # alone: every worker may serve it
        active = len(waiting | {c for c, n in self.running.items() if n})
        return self.running.get(client, 0) >= max(1, self.sizes[GENERAL] // active)

    def _too_many(self) -> Exception:
        return api_error(Failed(OVER_SHARE, "You have more costly queries running and waiting here than your share "
                                "while others wait; send the next one when an answer has come. Other clients are "
                                "not affected.", {"queued_limit": self.client_queue},
                                max(1, round(self.queue_seconds))))

    async def _acquire(self, want: Want, wait: float, client: str = "") -> Worker | None:
        orders: dict[Want, tuple[Lane, ...]] = {"cheap": (FAST, GENERAL), "general": (GENERAL,), "try-fast": (FAST,)}
        order = orders[want]
        for lane in order:
            if self.idle[lane]:
                return self.idle[lane].pop()
        if want == "try-fast":
            return None
        if want == "general" and sum(w.client == client for w in self.waiters) >= self.client_queue:
            raise self._too_many()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Worker] = loop.create_future()
        waiter = _Waiter(want, client, future)
        self.waiters.append(waiter)
        deadline = loop.time() + wait
        try:
            while True:
                # In steps of queue_seconds: a client over its share while others wait is refused (429)
                # after one step; anyone else waits up to the whole timeout (then 503: truly busy).
                step = min(self.queue_seconds, deadline - loop.time())
                try:
                    return await asyncio.wait_for(asyncio.shield(future), max(0.0, step))
                except TimeoutError:
                    if future.done():  # handed over just as the wait ended: use it
                        return future.result()
                    if want == "general" and self._over_share(client):
                        self.waiters.remove(waiter)
                        raise self._too_many() from None
                    if loop.time() >= deadline:
                        self.waiters.remove(waiter)
                        return None
        except asyncio.CancelledError:
            if future.done():
                self._release(future.result())
            elif waiter in self.waiters:
                self.waiters.remove(waiter)
            raise

    async def run(self, job: Job, timeout: float, want: Want = "general", client: str = "") -> tuple[Reply, float]:
        """The reply and the seconds it took the worker (not the wait for it). A worker found ended before it
        took the job is replaced and the job goes to another (queries are read-only: nothing ran). Raises
        ApiError 429 for a client over its share; a reply says 503 when no worker frees up in time."""
        # Each running query ends within the timeout (or is killed), so a client within its share is
        # served within about one timeout; twice that before 503 means the server is truly overloaded.
        loop = asyncio.get_running_loop()
        deadline = loop.time() + (2 * timeout if want == "general" else timeout)
        while True:
            worker = await self._acquire(want, max(0.0, deadline - loop.time()), client)
            if worker is None:
                return Failed(BUSY, "No query worker could take the query in time; try again shortly.",
                              retry_after=int(timeout) + 1), 0.0
            counted = want == "general"
            if counted:
                self.running[client] = self.running.get(client, 0) + 1
            started = time.perf_counter()
            try:
                outcome = await self._call(worker, job, timeout)
            finally:
                if counted:
                    self.running[client] -= 1
                    if not self.running[client]:
                        del self.running[client]
            if outcome is Outcome.NOT_STARTED:
                continue
            if outcome is Outcome.OVERRAN:
                return Failed(TIMEOUT, f"The query ran longer than {timeout:g} s and was stopped. Narrow it (fewer "
                              "joins, a LIMIT, no cross products) or run it on your own copy of the data.",
                              {"timeout_seconds": timeout}), time.perf_counter() - started
            return outcome, time.perf_counter() - started

    async def try_fast(self, job: Job, budget: float) -> tuple[Reply, float] | None:
        """Run on an idle fast worker within `budget` seconds; None when none is idle or the budget ran out
        (then the worker was killed and replaced, and the caller runs the query in the general lane)."""
        while True:
            worker = await self._acquire("try-fast", 0)
            if worker is None:
                return None
            started = time.perf_counter()
            outcome = await self._call(worker, job, budget)
            if outcome is Outcome.OVERRAN:
                return None
            if outcome is not Outcome.NOT_STARTED:
                return outcome, time.perf_counter() - started

    async def _call(self, worker: Worker, job: Job, timeout: float
                    ) -> Reply | Literal[Outcome.NOT_STARTED, Outcome.OVERRAN]:
        """The worker's reply, a Failed that says why it ended mid-job, or NOT_STARTED / OVERRAN; every
        worker that did not answer is retired (killed if need be, and replaced)."""
        try:
            outcome = await worker.call(job, timeout)
        except asyncio.CancelledError:
            self._retire(worker)  # the client left: free the CPU rather than finish its query
            raise
        if outcome is Outcome.NOT_STARTED or outcome is Outcome.ENDED:
            failed = None if outcome is Outcome.NOT_STARTED else worker.death(self.memory_mb, retry_after=1)
            self._retire(worker)
            if failed is None or failed.problem not in (MEMORY, STACK):  # not the query's doing
                self.lost += 1
                log.warning("a query worker ended %s: %s; replaced", "while idle" if failed is None else
                            "mid-query", "the query goes to another" if failed is None else failed.problem.code)
                self._retire_ended()  # its fork server may have taken the others with it: replace them all now
            return Outcome.NOT_STARTED if failed is None else failed
        if outcome is Outcome.OVERRAN:
            self._retire(worker)
            return outcome
        self._release(worker)
        return outcome

    def _retire_ended(self) -> None:
        """Retire every idle worker that has ended too (all of them, when the fork server was killed)."""
        for lane, idle in self.idle.items():
            ended = [w for w in idle if w.ended()]
            self.idle[lane] = [w for w in idle if w not in ended]
            for gone in ended:
                self.lost += 1
                self._retire(gone)

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
        loop = asyncio.get_running_loop()
        # Reaped while its replacement starts (it was SIGKILLed: its memory goes as it ends), so that a
        # lane is whole again as soon as a new process can open the store.
        reaped = loop.run_in_executor(self.threads, worker.kill)
        try:
            # A fork server that died (killed, or out of memory) is started again, from this thread: the
            # kernel's parent-death signal that ties it to the API follows the thread that starts it.
            worker_module.start_fork_server()
            fresh = await loop.run_in_executor(self.threads, self._spawn, worker.lane)
        except (RuntimeError, ApiError, OSError) as error:
            log.error("could not start a replacement query worker: %s", error)
            return
        finally:
            await reaped
        if self._closing:
            fresh.kill()
            return
        self.all.add(fresh)
        self._release(fresh)

    async def close(self) -> None:
        self._closing = True
        for w in list(self.all):
            w.kill()
        self.all.clear()
        self.threads.shutdown(wait=False, cancel_futures=True)
