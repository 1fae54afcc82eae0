"""What the API and its query workers say to each other, typed: a job goes down the pipe, a reply comes
back, and each way a query can fail is a Problem whose HTTP status is decided here, once.

Import-light (dataclasses only): the workers import it, and they must not pay for FastAPI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Problem:
    """A way a query can fail: its code in the error shape, its HTTP status, and whether it says the query's
    shape is costly (the fairness timings then record it slow)."""

    code: str
    status: int
    costly: bool = False


MALFORMED = Problem("malformed_query", 400)
NOT_EVALUABLE = Problem("query_error", 400)
TOO_MANY_RESULTS = Problem("too_many_results", 422)  # the answer is big, not the work: not costly
TOO_LARGE = Problem("response_too_large", 422, costly=True)
MEMORY = Problem("resources_exceeded", 422, costly=True)
STACK = Problem("too_deeply_nested", 422, costly=True)
TIMEOUT = Problem("timeout", 504, costly=True)
STORE_ERROR = Problem("store_error", 500)
STORE_UNAVAILABLE = Problem("store_unavailable", 503)
WORKER_KILLED = Problem("worker_killed", 503)  # by a signal from outside the server, not by a limit
WORKER_CRASHED = Problem("worker_crashed", 500)
BUSY = Problem("busy", 503)  # no worker could take the query in time
OVER_SHARE = Problem("too_many_queries", 429)  # this client runs its share of the general lane while others wait
ENDPOINT_UNREACHABLE = Problem("endpoint_unreachable", 502)  # --endpoint: the engine did not answer
ENDPOINT_ERROR = Problem("endpoint_error", 502)  # --endpoint: the engine answered with an error of its own

PROBLEMS = (MALFORMED, NOT_EVALUABLE, TOO_MANY_RESULTS, TOO_LARGE, MEMORY, STACK, TIMEOUT, STORE_ERROR,
            STORE_UNAVAILABLE, WORKER_KILLED, WORKER_CRASHED, BUSY, OVER_SHARE, ENDPOINT_UNREACHABLE, ENDPOINT_ERROR)
COSTLY_CODES = frozenset(p.code for p in PROBLEMS if p.costly)


@dataclass(frozen=True, slots=True)
class Job:
    """One query for a worker: its text, the answer's media type, the dataset and the answer's bounds."""

    query: str
    media_type: str
    default_graphs: tuple[str, ...] = ()  # empty: the union of the named graphs
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 100_000
    max_bytes: int = 50 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Done:
    """The serialized answer, and the store (the link's target) it was evaluated on."""

    media_type: str
    body: bytes
    store: str = ""


@dataclass(frozen=True, slots=True)
class Failed:
    problem: Problem
    message: str
    detail: dict[str, Any] | None = field(default=None)
    retry_after: int | None = None  # seconds, for a passing condition (sent as Retry-After)


Reply = Done | Failed


@dataclass(frozen=True, slots=True)
class Ready:
    """A new worker's first message: it has opened the store."""

    pid: int
