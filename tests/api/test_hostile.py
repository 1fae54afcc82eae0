"""Pathological queries are stopped: the worker is killed and replaced, others are answered meanwhile."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import TEST_TIMEOUT, Server, server_fixture, start_serve
from tests.api.processes import alive, descendants

CROSS_ORDER = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?l ?a"
CROSS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _health(server: Server) -> dict[str, int]:
    data: dict[str, int] = httpx.get(server.base + "/health").json()
    return data


MEMORY_CAPPED_MB = 192  # far below what the cross product's ORDER BY needs, reached in well under a second
MEMORY_CAPPED_TIMEOUT = 10.0  # ...so that even on a loaded machine the memory limit, not the clock, stops it


# A server whose workers have little memory and much time: the ORDER BY must end on the memory limit.
memory_capped = server_fixture("--timeout", str(MEMORY_CAPPED_TIMEOUT),
                               env={"SOILKG_API_MAX_WORKER_MEMORY_MB": str(MEMORY_CAPPED_MB)})


@pytest.mark.parametrize("query,server_name,status,code", [(CROSS_ORDER, "memory_capped", 422, "resources_exceeded"),
                                                           (CROSS_COUNT, "embedded", 504, "timeout")],
                         ids=["order-by", "count"])
def test_cartesian_product_is_stopped_and_others_answered_meanwhile(request: pytest.FixtureRequest, api_build: Path,
                                                                      query: str, server_name: str, status: int,
                                                                      code: str) -> None:
    """ORDER BY over a cross product grows memory fast and hits the worker's memory limit; COUNT runs in
    constant memory and hits the timeout. Either way the worker is killed and replaced."""
    embedded: Server = request.getfixturevalue(server_name)
    manifest_before = (api_build / "store" / "manifest.json").read_text()
    killed_before = _health(embedded)["workers_killed"]
    outcome: dict[str, httpx.Response] = {}

    def hostile() -> None:
        outcome["bad"] = httpx.get(embedded.sparql, params={"query": query}, timeout=MEMORY_CAPPED_TIMEOUT + 10)

    thread = threading.Thread(target=hostile)
    thread.start()
    # While the bad query runs, a simple ASK is answered by the other worker.
    answered_while_running = []
    for _ in range(5):
        ask = httpx.get(embedded.sparql, params={"query": "ASK { ?s ?p ?o }"}, timeout=TEST_TIMEOUT + 10)
        answered_while_running.append(ask.status_code == 200 and ask.json()["boolean"] is True and thread.is_alive())
    thread.join()
    assert any(answered_while_running), "no ASK was answered while the hostile query was still running"
    bad = outcome["bad"]
    assert bad.status_code == status, bad.text[:500]
    error = bad.json()["error"]
    assert error["code"] == code
    if code == "timeout":
        assert error["detail"]["timeout_seconds"] == TEST_TIMEOUT
    else:
        assert error["detail"]["memory_mb"] == MEMORY_CAPPED_MB
    # The worker that ran it was killed, and a replacement joins the pool.
    assert _health(embedded)["workers_killed"] == killed_before + 1
    follow = httpx.get(embedded.sparql, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}, timeout=30)
    assert follow.status_code == 200
    assert int(follow.json()["results"]["bindings"][0]["n"]["value"]) == json.loads(manifest_before)["quads"]
    assert (api_build / "store" / "manifest.json").read_text() == manifest_before


@pytest.mark.parametrize("query", [
    "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000,
    "SELECT * WHERE { " + " UNION ".join(f"{{ ?s ?p {n} }}" for n in range(10_000)) + " }",
], ids=["nested-groups", "union-10000"])
def test_a_stack_overflow_is_named_as_such(embedded: Server, query: str) -> None:
    killed_before = _health(embedded)["workers_killed"]
    response = httpx.post(embedded.sparql, data={"query": query}, timeout=TEST_TIMEOUT + 10)
    assert response.status_code == 422, response.text[:300]
    error = response.json()["error"]
    assert error["code"] == "too_deeply_nested" and "memory" not in error["message"]
    assert _health(embedded)["workers_killed"] == killed_before + 1


def test_pool_recovers_to_full_size(embedded: Server) -> None:
    for _ in range(100):
        health = _health(embedded)
        if health["workers"] == 3:
            break
        threading.Event().wait(0.1)
    assert health["workers"] == 3 and health["workers_busy"] == 0  # two general workers, one for cheap queries


def test_remote_engine_timeout_is_an_error_not_a_truncated_200(remotes: Server) -> None:
    response = httpx.get(remotes.sparql, params={"query": CROSS_COUNT}, timeout=TEST_TIMEOUT + 10)
    assert response.status_code in (502, 504), response.text[:300]
    assert response.json()["error"]["code"] in ("timeout", "endpoint_error")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")
def test_no_query_outlives_a_killed_server(api_build: Path) -> None:
    server = start_serve(api_build)

    def hostile() -> None:
        try:
            httpx.get(server.sparql, params={"query": CROSS_COUNT}, timeout=10)
        except httpx.HTTPError:
            pass  # the server is killed under it: no answer is expected

    thread = threading.Thread(target=hostile)
    try:
        thread.start()
        for _ in range(50):  # until the hostile query is running in a worker
            if _health(server)["workers_busy"] >= 1:
                break
            threading.Event().wait(0.1)
        below = descendants(server.process.pid)
        assert below, "the server has no worker processes"
    finally:
        server.process.kill()  # SIGKILL: no shutdown handler runs
        server.process.wait()
    thread.join()
    for _ in range(100):
        if not any(alive(pid) for pid in below):
            break
        threading.Event().wait(0.1)
    assert not any(alive(pid) for pid in below), "worker or fork server processes outlived the server"


def _chunks(total: int, size: int = 64 * 1024) -> Iterator[bytes]:
    """A body in pieces: httpx sends a generator with Transfer-Encoding: chunked and no Content-Length."""
    sent = 0
    while sent < total:
        piece = min(size, total - sent)
        sent += piece
        yield b"x" * piece


@pytest.mark.parametrize("content_type", ["application/sparql-query", "application/x-www-form-urlencoded"],
                         ids=["query", "form"])
def test_a_chunked_body_over_the_limit_is_413_json_and_counted(embedded: Server, content_type: str) -> None:
    before = httpx.get(embedded.base + "/metrics").text
    response = httpx.post(embedded.sparql, content=_chunks(3 * 1024 * 1024), headers={"Content-Type": content_type},
                          timeout=30)
    assert response.request.headers.get("transfer-encoding") == "chunked"
    assert "content-length" not in response.request.headers
    assert response.status_code == 413, response.text[:300]
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["code"] == "body_too_large"
    line = 'soilkg_http_requests_total{method="POST",route="/sparql",status="413"}'
    after = httpx.get(embedded.base + "/metrics").text
    assert _count(after, line) == _count(before, line) + 1


def test_a_chunked_query_within_the_limit_is_answered(embedded: Server) -> None:
    def body() -> Iterator[bytes]:
        yield b"query=ASK%20%7B%20%3Fs%20%3Fp"
        yield b"%20%3Fo%20%7D"

    response = httpx.post(embedded.sparql, content=body(),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 200, response.text
    assert response.json()["boolean"] is True


def _count(metrics: str, line: str) -> float:
    return next((float(s.rsplit(" ", 1)[1]) for s in metrics.splitlines() if s.startswith(line + " ")), 0.0)
