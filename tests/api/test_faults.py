"""Workers that tell the truth: a query worker or its fork server killed from outside (as an operator's
`kill -9` or the kernel would) costs no query that had not started, and a query whose worker is killed
under it is told so (503 with Retry-After), never that it ran out of memory."""

from __future__ import annotations

import os
import signal
import threading
import time
from itertools import count
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import Server, server_fixture
from tests.api.processes import alive, children, command, cpu_ticks, descendants, parent

pytestmark = pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs Linux /proc")

TIMEOUT = 10.0  # room for a new fork server's imports on a busy machine; the killed query is stopped by hand
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
_unique = count()


def fork_server(server: Server) -> int:
    """The fork server below the server's process (a grandchild when the app runs in an HTTP server's own
    worker process): the forked process whose parent is not forked from it too (its workers are)."""
    forked = {p for p in descendants(server.process.pid) if "multiprocessing.forkserver" in command(p)}
    found = [p for p in forked if parent(p) not in forked]
    assert len(found) == 1, found
    return found[0]


def workers(server: Server) -> list[int]:
    return children(fork_server(server))


def health(server: Server) -> dict[str, int]:
    data: dict[str, int] = httpx.get(server.base + "/health", timeout=30).json()
    return data


def wait_for_full_pool(server: Server) -> None:
    for _ in range(300):
        state = health(server)
        if state["workers"] == 3 and state["workers_busy"] == 0 and len(workers(server)) == 3:
            return
        time.sleep(0.1)
    pytest.fail(f"the pool did not come back to three idle workers: {health(server)}")


def kill_and_wait(pids: list[int]) -> None:
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    for _ in range(100):
        if not any(alive(pid) for pid in pids):
            return
        time.sleep(0.05)
    pytest.fail(f"{pids} still alive after SIGKILL")


def cheap_at_once(server: Server, n: int = 3) -> list[httpx.Response]:
    """n cheap queries sent together, each a new text (the result cache must not answer them)."""
    answers: list[httpx.Response] = []

    def ask() -> None:
        query = f"ASK {{ ?s ?p <urn:x:fault-{next(_unique)}> }}"
        answers.append(httpx.get(server.sparql, params={"query": query}, timeout=TIMEOUT + 20))

    threads = [threading.Thread(target=ask) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


served = server_fixture("--timeout", str(TIMEOUT))


def test_killed_idle_workers_are_never_handed_a_query(served: Server) -> None:
    wait_for_full_pool(served)
    lost_before = health(served)["workers_lost"]
    victims = workers(served)
    kill_and_wait(victims)  # every idle worker: whichever the pool picks first is dead
    answers = cheap_at_once(served)
    assert [a.status_code for a in answers] == [200] * 3, [a.text for a in answers]
    assert health(served)["workers_lost"] >= lost_before + 1
    wait_for_full_pool(served)
    assert not set(workers(served)) & set(victims)


def test_a_killed_fork_server_is_started_again(served: Server) -> None:
    wait_for_full_pool(served)
    old = fork_server(served)
    old_workers = workers(served)
    kill_and_wait([old])
    for pid in old_workers:  # they end with it (they ask the kernel to)
        for _ in range(100):
            if not alive(pid):
                break
            time.sleep(0.05)
    answers = cheap_at_once(served)
    assert [a.status_code for a in answers] == [200] * 3, [a.text for a in answers]
    wait_for_full_pool(served)
    assert fork_server(served) != old


def test_a_worker_killed_mid_query_is_reported_as_killed_not_as_memory(served: Server) -> None:
    wait_for_full_pool(served)
    outcome: dict[str, httpx.Response] = {}

    def slow() -> None:
        outcome["slow"] = httpx.get(served.sparql, params={"query": SLOW}, timeout=TIMEOUT + 20)

    thread = threading.Thread(target=slow)
    thread.start()
    for _ in range(100):
        if health(served)["workers_busy"] >= 1:
            break
        time.sleep(0.05)
    before = {pid: cpu_ticks(pid) for pid in workers(served)}
    time.sleep(0.5)
    busy = max(before, key=lambda pid: cpu_ticks(pid) - before[pid])  # the one evaluating the cross product
    kill_and_wait([busy])
    thread.join()
    killed = outcome["slow"]
    assert killed.status_code == 503, killed.text
    assert killed.headers["retry-after"].isdigit()
    error = killed.json()["error"]
    assert error["code"] == "worker_killed" and error["detail"]["signal"] == "SIGKILL"
    assert "memory" not in error["message"]
    answers = cheap_at_once(served)
    assert [a.status_code for a in answers] == [200] * 3, [a.text for a in answers]
