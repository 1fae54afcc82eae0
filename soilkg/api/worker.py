"""Evaluation inside a worker process: open the store read-only, run one query at a time, serialize.

The parent kills this process when a query overruns its time (pyoxigraph cannot be interrupted),
so everything here may stop at any instruction without harm: the store is opened read-only.
Imports stay light (no FastAPI) because a replacement worker must start fast.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing as mp
import os
import re
import resource
import signal
from collections.abc import Iterator
from itertools import islice
from multiprocessing import forkserver
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO, Any, cast

import pyoxigraph as ox

from soilkg.api.protocol import (
    MALFORMED,
    NOT_EVALUABLE,
    STORE_ERROR,
    STORE_UNAVAILABLE,
    TOO_LARGE,
    TOO_MANY_RESULTS,
    Done,
    Failed,
    Job,
    Ready,
    Reply,
)
from soilkg.api.storelink import StoreLink
from soilkg.namespaces import PREFIXES, XSD

XSD_STRING = str(XSD.string)
_POSITION = re.compile(r"at (\d+):(\d+)")
# Output prefixes: the shared ones plus the parts of the report and of decision 15/28, so that
# Turtle shows report:p4 rather than document:cgrfa-20-item-8-4\/p4.
OUTPUT_PREFIXES = {**PREFIXES, "report": PREFIXES["id"] + "document/cgrfa-20-item-8-4/",
                   "dec15-28": PREFIXES["id"] + "decision/cbd-cop-dec-15-28/"}


def used_prefixes(triples: list[ox.Triple]) -> dict[str, str]:
    """Only the prefixes whose namespace some IRI of the answer has (not fifty unused lines)."""
    spaces: set[str] = set()
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.NamedNode):
                value = term.value
                spaces.add(value[:max(value.rfind("/"), value.rfind("#")) + 1])
    return {prefix: space for prefix, space in OUTPUT_PREFIXES.items() if space in spaces}


def term_json(term: Any) -> dict[str, Any]:
    """A term in SPARQL 1.1 JSON results form (with the RDF-star 'triple' extension)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": term_json(term.subject), "predicate": term_json(term.predicate),
                                        "object": term_json(term.object)}}


def _too_many(limit: int, what: str) -> Failed:
    return Failed(TOO_MANY_RESULTS, f"The answer has more than {limit} {what}; this server does not send truncated "
                  "answers. Add a LIMIT (and OFFSET to page) or narrow the query.", {"limit": limit})


def _too_big(limit: int) -> Failed:
    return Failed(TOO_LARGE, f"The answer is larger than {limit} bytes; add a LIMIT or select fewer columns.",
                  {"limit": limit})


MIN_ROW_BYTES = 3  # no row of any results format is shorter ("{}," in JSON, a line end in CSV)


class _TooLarge(Exception):
    """The serialized answer passed max_bytes: writing stops there."""


class _Capped:
    """A write target for pyoxigraph's serializer that stops it past `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.parts: list[bytes] = []

    def write(self, chunk: bytes) -> int:
        self.size += len(chunk)
        if self.size > self.limit:
            raise _TooLarge
        self.parts.append(bytes(chunk))
        return len(chunk)

    def flush(self) -> None:
        """Nothing is buffered here."""


def _select(solutions: ox.QuerySolutions, fmt: ox.QueryResultsFormat, job: Job) -> bytes | Failed:
    # The library's serializer (Rust, written in chunks) is many times faster than building the rows
    # in Python; rows are counted afterwards, and only when the answer is big enough to have too many.
    target = _Capped(job.max_bytes)
    try:
        solutions.serialize(cast(IO[bytes], target), format=fmt)  # a duck-typed writer is all it needs
    except _TooLarge:
        return _too_big(job.max_bytes)
    body = b"".join(target.parts)
    if len(body) > MIN_ROW_BYTES * job.max_rows:
        parsed = ox.parse_query_results(body, format=fmt)
        assert isinstance(parsed, ox.QuerySolutions)
        if sum(1 for _ in islice(parsed, job.max_rows + 1)) > job.max_rows:
            return _too_many(job.max_rows, "rows")
    return body


def _graph(triples: Iterator[ox.Triple], fmt: ox.RdfFormat, job: Job) -> bytes | Failed:
    kept = list(islice(triples, job.max_rows + 1))
    if len(kept) > job.max_rows:
        return _too_many(job.max_rows, "triples")
    prefixes = used_prefixes(kept) if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    body = ox.serialize(kept, format=fmt, prefixes=prefixes)
    assert body is not None  # no output file given: the bytes are returned
    return body


def _results_format(media_type: str) -> ox.QueryResultsFormat:
    found = ox.QueryResultsFormat.from_media_type(media_type)
    if found is None:
        raise TypeError(f"{media_type} is not a query results format")
    return found


def _rdf_format(media_type: str) -> ox.RdfFormat:
    found = ox.RdfFormat.from_media_type(media_type)
    if found is None:
        raise TypeError(f"{media_type} is not an RDF format")
    return found


def evaluate(store: ox.Store, job: Job, answered_from: str = "") -> Reply:
    """Run one query job and serialize its answer; errors come back as values, never raised.

    Which media types suit which query form was decided before the job was sent (the API's content
    negotiation, from pyoxigraph's own format classes); a mismatch here is an evaluation error."""
    # The protocol's dataset (SPARQL 1.1 Protocol 2.1.4): with no graph named at all the default graph is
    # the union of the files' graphs; with only named graphs given, it is the store's own default graph,
    # which the build leaves empty.
    options: dict[str, Any] = {"use_default_graph_as_union": not (job.default_graphs or job.named_graphs)}
    if job.default_graphs:
        options = {"default_graph": [ox.NamedNode(g) for g in job.default_graphs]}
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    body: bytes | Failed
    try:
        result = store.query(job.query, **options)
        if isinstance(result, ox.QueryBoolean):
            body = result.serialize(format=_results_format(job.media_type)) or b""
        elif isinstance(result, ox.QuerySolutions):
            body = _select(result, _results_format(job.media_type), job)
        else:
            body = _graph(result, _rdf_format(job.media_type), job)
    except SyntaxError as error:
        message = str(error.msg if hasattr(error, "msg") else error)
        match = _POSITION.search(message)
        detail = {"line": int(match.group(1)), "column": int(match.group(2))} if match else None
        return Failed(MALFORMED, f"The query is not valid SPARQL: {message}", detail)
    except (ValueError, TypeError) as error:
        return Failed(NOT_EVALUABLE, f"The query cannot be evaluated: {error}")
    except OSError:
        return Failed(STORE_ERROR, "The store could not be read. Rebuild it with `soilkg build`.")
    if isinstance(body, Failed):
        return body
    if len(body) > job.max_bytes:
        return _too_big(job.max_bytes)
    return Done(job.media_type, body, answered_from)


# What the fork server imports once, so that every worker it forks is ready in milliseconds.
FORK_SERVER_PRELOAD = ["soilkg.api.forkserver_guard", __name__]


def start_fork_server() -> None:
    """Start the single-threaded process that forks the query workers (a no-op when it runs already).

    `soilkg serve` calls it before importing the web stack, so that the fork server's imports
    (pyoxigraph) and the server's (FastAPI) run at the same time on two cores; the pool calls it
    again when it starts. Call it from the API's main thread: the kernel's parent-death signal
    (soilkg.api.forkserver_guard) follows the thread that started the process."""
    mp.get_context("forkserver").set_forkserver_preload(FORK_SERVER_PRELOAD)
    forkserver.ensure_running()


def die_with_parent() -> None:
    """Linux: ask the kernel to SIGKILL this process when its parent thread ends (PR_SET_PDEATHSIG)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: an idle worker still ends at the pipe's EOF


def main(conn: Connection, store_link: str, memory_mb: int = 0, log_path: str = "") -> None:
    """Worker loop: announce readiness, then answer jobs until the pipe closes or we are killed."""
    die_with_parent()  # the fork server is our parent: end with it
    if log_path:
        # The runtime's last words (Rust's "has overflowed its stack" or "memory allocation of ... failed")
        # go to a file of this worker's own, so the parent can tell the client which limit the query hit.
        log_fd = os.open(log_path, os.O_WRONLY | os.O_TRUNC | os.O_APPEND)
        os.dup2(log_fd, 2)
        os.close(log_fd)
    if memory_mb > 0:
        # RLIMIT_DATA covers the heap and anonymous mappings (Rust's allocations), not the store's
        # file mappings: a runaway query aborts this process instead of exhausting the machine.
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    link = StoreLink(Path(store_link))
    try:
        link.store()
    except OSError:
        conn.send(Failed(STORE_UNAVAILABLE, "The store could not be opened. Run `soilkg build`."))
        return
    conn.send(Ready(os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            store, target = link.store()
        except OSError:
            conn.send(Failed(STORE_UNAVAILABLE, "The store could not be opened. Run `soilkg build`."))
            continue
        if log_path and os.fstat(2).st_size:
            os.ftruncate(2, 0)  # only this job's words matter; the file never grows
        conn.send(evaluate(store, job, target))
