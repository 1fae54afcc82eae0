"""One query worker process as the pool sees it: its pipe, its lane, and how to tell why it ended.

The process itself runs soilkg.api.worker.main; the pool (soilkg.api.pool) hands it jobs.
"""

from __future__ import annotations

import asyncio
import os
import signal
from dataclasses import dataclass
from enum import Enum
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Literal

from soilkg.api.protocol import MEMORY, STACK, WORKER_CRASHED, WORKER_KILLED, Failed, Job, Reply

Lane = Literal["general", "fast"]


class Outcome(Enum):
    """How a call ended when no reply came."""

    NOT_STARTED = "the worker had ended before it took the job"  # so any other worker may run it
    ENDED = "the worker ended while it ran the job"
    OVERRAN = "the time was up"


def _wake(ready: asyncio.Future[None]) -> None:
    if not ready.done():
        ready.set_result(None)


MEMORY_WORDS = (b"memory allocation of", b"MemoryError", b"Cannot allocate memory")
STACK_WORDS = (b"overflowed its stack", b"stack overflow")
LOST_WITH_FORK_SERVER = 255  # the exit code multiprocessing reports when the fork server that knew it is gone


@dataclass(eq=False)  # identity, so workers can live in a set
class Worker:
    process: BaseProcess
    conn: Connection
    lane: Lane
    log_path: Path  # the worker's stderr: how it died (stack overflow, allocation failure) is read here

    def ended(self) -> bool:
        """True when the worker has gone: an idle worker's pipe is readable only at its end (EOF)."""
        try:
            return self.conn.poll()
        except OSError:
            return True

    async def call(self, job: Job, timeout: float) -> Reply | Outcome:
        """Send a job and wait for its reply, or for the time to run out, or for the worker's end.

        Waits on the pipe with the event loop's reader (no thread hop per query).
        """
        if self.ended():  # killed while idle: the job never reached it
            return Outcome.NOT_STARTED
        loop = asyncio.get_running_loop()
        ready: asyncio.Future[None] = loop.create_future()
        fd = self.conn.fileno()
        try:
            self.conn.send(job)
        except OSError:
            return Outcome.NOT_STARTED
        try:
            loop.add_reader(fd, _wake, ready)
            try:
                await asyncio.wait_for(ready, timeout)
            finally:
                loop.remove_reader(fd)
            # uvloop's add_reader leaves the pipe non-blocking: a reply larger than one read (the
            # header and body arrive apart) would fail with EAGAIN. The reply is on its way, so block.
            os.set_blocking(fd, True)
            reply: Reply = self.conn.recv()
            return reply
        except TimeoutError:
            return Outcome.OVERRAN
        except (EOFError, OSError):
            return Outcome.ENDED

    def death(self, memory_mb: int, retry_after: int) -> Failed:
        """Why the worker ended mid-query, from its exit status and its last words on stderr: the memory
        limit (an allocation fails and Rust aborts, or Python raises MemoryError), the stack (deep nesting
        or a 10 000-branch UNION hits the guard page: SIGSEGV, or Rust's "has overflowed its stack"),
        a signal from outside (kill, the kernel's OOM killer, its fork server's end), or a crash."""
        self.process.join(timeout=1)  # the pipe has closed: the process is ending, reap it for its exit code
        code = self.process.exitcode
        try:
            with self.log_path.open("rb") as log_file:
                log_file.seek(max(0, self.log_path.stat().st_size - 4096))
                tail = log_file.read()
        except OSError:
            tail = b""
        if any(words in tail for words in MEMORY_WORDS):
            return Failed(MEMORY, f"The query needed more memory than a query may use here ({memory_mb} MB) and was "
                          "stopped. Narrow it (fewer joins, no cross products) or add a LIMIT without ORDER BY.",
                          {"memory_mb": memory_mb})
        if code == -signal.SIGSEGV or any(words in tail for words in STACK_WORDS):
            return Failed(STACK, "The query is nested too deeply for the evaluator (it ran out of stack) and was "
                          "stopped. Flatten it: fewer nested groups, sub-queries or UNION branches.")
        if code is not None and (code < 0 or code == LOST_WITH_FORK_SERVER):
            name = signal.Signals(-code).name if code < 0 and -code in signal.valid_signals() else "unknown"
            return Failed(WORKER_KILLED, "The process evaluating this query was killed from outside the server "
                          "(not by a limit of this query). Send it again.", {"signal": name}, retry_after)
        return Failed(WORKER_CRASHED, "The process evaluating this query crashed; the query was not answered. "
                      "If it happens again with this query, report it with the query.", {"exit_code": code})

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()
        self.log_path.unlink(missing_ok=True)
