"""CPU time per request of a server's processes, read from /proc (Linux): where the fixed cost goes.

Wall-clock latency on a shared 2-core machine moves with everyone else's load; the CPU a server's
own processes spend on a request moves much less, and it is what limits requests per second once
the cores are busy. For `soilkg serve` it is split into the main process (HTTP, routing, guard,
fairness, result handling) and the query workers (evaluation and serialization), against the one
process of `oxigraph serve-read-only`.
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx

TICKS = os.sysconf("SC_CLK_TCK")
PROC = Path("/proc")


def children(pid: int) -> list[int]:
    """Every descendant of `pid` (the query workers and the fork server under `soilkg serve`)."""
    parents: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time the processes have used so far."""
    total = 0
    for pid in pids:
        try:
            fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / TICKS


def per_request(url: str, query: str, groups: dict[str, list[int]], n: int) -> dict[str, float]:
    """Milliseconds of CPU per request for each group of processes, over n requests sent one at a time."""
    with httpx.Client(timeout=60, headers={"Accept": "application/sparql-results+json"}) as client:
        client.post(url, data={"query": query}).raise_for_status()  # warm: not counted
        before = {name: cpu_seconds(pids) for name, pids in groups.items()}
        for _ in range(n):
            client.post(url, data={"query": query}).raise_for_status()
        return {name: (cpu_seconds(pids) - before[name]) * 1000 / n for name, pids in groups.items()}
