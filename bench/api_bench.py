"""Benchmark the SPARQL API against `oxigraph serve-read-only` and rdflib-endpoint on the same SYNTHETIC data.

    python bench/api_bench.py --case-studies 5000 [--requests 200] [--no-rdflib] [--json out.json]

Makes a temporary project (the repository's ontology/shapes/data plus bench/synthetic.py output in its
data/), builds the store, and measures over HTTP on loopback, in one run beside `oxigraph
serve-read-only` (found beside this Python, else on PATH):
- latency p50/p99 one request at a time and throughput at concurrency 8, for the same queries, with
  our result cache off (SOILKG_API_CACHE_BYTES=0), then with it on (reported separately); the
  servers take turns request by request (one at a time) or in rounds of 16 (at concurrency 8), so
  that both meet the same load on a shared machine;
- a simple ASK's latency under two attacks: 4 clients each keeping a slow query running, and a
  burst of 100 slow queries from one client (clients told apart by X-Forwarded-For, which the
  server trusts from loopback as it would from its proxy), with the status codes each side got;
- the CPU time each server's processes spend per request (bench/cpu_cost.py), split for us into the
  main process and the query workers: the fixed cost per request, less moved by a busy machine;
- the restart time of `soilkg serve` with the store unchanged.
Prints tables and ratios. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import httpx
import pyoxigraph as ox

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import synthetic  # noqa: E402
from cpu_cost import children, per_request  # noqa: E402

from soilkg import queries  # noqa: E402
from soilkg.paths import Project  # noqa: E402
from soilkg.store import build  # noqa: E402

QUERIES = {
    # The reference query: filter, join, ORDER BY, LIMIT 50.
    "filter-join-order-limit": """PREFIX skg: <https://w3id.org/soilkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?cs ?label ?country ?area WHERE {
  ?cs a skg:CaseStudy ; rdfs:label ?label ; skg:country ?country ; skg:areaHectares ?area ;
      skg:practice <https://w3id.org/soilkg/id/practice/biofertilizers> .
  FILTER(?area > 1000)
} ORDER BY DESC(?area) LIMIT 50""",
}
NAMED = ["figures-by-programme", "countries-by-programme", "publications-since"]
# Slow but finite: a bounded cross product (4 million pairs), seconds of work that ends well within
# the 10 s timeout, so a well-behaved slow client should get its answer.
SLOW_QUERY = ("SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?a WHERE { ?a ?b ?c } LIMIT 2000 } "
              "{ SELECT ?d WHERE { ?d ?e ?f } LIMIT 2000 } }")
ATTACK_SECONDS = 8.0


def oxigraph_binary() -> str:
    """The oxigraph CLI installed beside this Python (the venv's bin/), else the one on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise SystemExit("oxigraph is not installed: pip install oxigraph (the server CLI)")
    return found


def serve_oxigraph(workdir: Path, dump: Path, timeout: int) -> tuple[subprocess.Popen[bytes], str]:
    """`oxigraph serve-read-only --union-default-graph` over `dump` loaded into workdir/oxdb; its query URL."""
    oxigraph = oxigraph_binary()
    subprocess.run([oxigraph, "load", "--location", str(workdir / "oxdb"), "--file", str(dump)], check=True,
                   capture_output=True)
    port = free_port()
    server = subprocess.Popen([oxigraph, "serve-read-only", "--location", str(workdir / "oxdb"), "--bind",
                               f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", str(timeout)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return server, f"http://127.0.0.1:{port}/query"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code < 500:
                return
        except httpx.TransportError:
            time.sleep(0.05)
    raise SystemExit(f"{url} did not come up")


def make_project(workdir: Path, case_studies: int) -> Project:
    root = workdir / "project"
    root.mkdir()
    for name in ("ontology", "shapes", "server"):
        if (REPO / name).exists():
            (root / name).symlink_to(REPO / name)
    shutil.copytree(REPO / "data", root / "data")
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    files = synthetic.write(root / "data", case_studies)
    print(f"synthetic: {files} SYNTHETIC files for {case_studies} case studies")
    return Project(root)


CPU_ROUNDS = 8  # alternating rounds of the CPU-per-request measure
ROUND_REQUESTS = 10  # per server and turn at a concurrency (one at a time: turns of one request)


def side_by_side(targets: dict[str, tuple[str, str]], query: str, n: int, concurrency: int
                 ) -> dict[str, dict[str, float]]:
    """Latency percentiles (ms) and requests/s of each target ({name: (url, "post" or "named")}) for n
    requests at a concurrency; NaN for a server that fails.

    The machine's speed drifts by tens of per cent within seconds (shared cores), so the servers take
    turns as often as they can: request by request one at a time, in short rounds of ROUND_REQUESTS
    (at least two per client) at a concurrency, over kept-alive connections opened and warmed before
    the first turn, so that every server meets the same machine.
    """
    size = 1 if concurrency == 1 else max(ROUND_REQUESTS, 2 * concurrency)
    rounds = max(1, n // size)
    latencies: dict[str, list[float]] = {name: [] for name in targets}
    elapsed = dict.fromkeys(targets, 0.0)
    failed: set[str] = set()
    clients = {name: [httpx.Client(timeout=60) for _ in range(concurrency)] for name in targets}
    try:
        with ThreadPoolExecutor(concurrency) as pool:
            for name, (url, method) in targets.items():
                try:
                    list(pool.map(partial(_one, url=url, method=method, query=query), clients[name]))  # connect, warm
                except httpx.HTTPError as error:
                    print(f"  ({name}: {type(error).__name__}; counted as failed)")
                    failed.add(name)
            for _ in range(rounds):
                for name, (url, method) in targets.items():
                    if name in failed:
                        continue
                    own = clients[name]
                    started = time.perf_counter()
                    try:
                        got = list(pool.map(partial(_one, url=url, method=method, query=query),
                                            [own[k % concurrency] for k in range(size)]))
                    except httpx.HTTPError as error:
                        print(f"  ({name}: {type(error).__name__}; counted as failed)")
                        failed.add(name)
                        continue
                    elapsed[name] += time.perf_counter() - started
                    latencies[name] += got
    finally:
        for own in clients.values():
            for client in own:
                client.close()
    out = {}
    for name, values in latencies.items():
        if name in failed or not values:
            out[name] = {"p50_ms": float("nan"), "p99_ms": float("nan"), "req_per_s": 0.0}
            continue
        values.sort()
        out[name] = {"p50_ms": statistics.median(values),
                     "p99_ms": values[min(len(values) - 1, int(len(values) * 0.99))],
                     "req_per_s": len(values) / elapsed[name]}
    return out


def _one(client: httpx.Client, url: str, method: str, query: str) -> float:
    """One request's latency in ms (an error status raises)."""
    started = time.perf_counter()
    if method == "named":
        response = client.get(url, headers={"Accept": "application/sparql-results+json"})
    else:
        response = client.post(url, data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    response.raise_for_status()
    return (time.perf_counter() - started) * 1000


def print_rows(name: str, rows: dict[str, dict[str, float]]) -> None:
    print(f"\n{name}")
    print(f"  {'server':<20}{'p50 ms':>9}{'p99 ms':>9}{'req/s':>9}")
    for server, m in rows.items():
        print(f"  {server:<20}{m['p50_ms']:>9.1f}{m['p99_ms']:>9.1f}{m['req_per_s']:>9.1f}")


def attack(url: str, shape: str) -> dict[str, object]:
    """ASK latency (a fresh literal each time, so no cache helps) while slow queries run: `hold4`, four
    clients each keeping one running for ATTACK_SECONDS; `burst100`, one client sending 100 at once."""
    stop = threading.Event()
    slow_statuses: list[int] = []

    def slow(client: str, repeat: bool) -> None:
        with httpx.Client(timeout=120, headers={"X-Forwarded-For": client}) as c:
            while True:
                try:
                    slow_statuses.append(c.post(url, data={"query": SLOW_QUERY}).status_code)
                except httpx.HTTPError:
                    slow_statuses.append(0)
                if not repeat or stop.is_set():
                    return

    with httpx.Client(timeout=60) as warm:  # the ASK's shape is known, as a returning client's would be
        warm.post(url, data={"query": 'ASK { ?s ?p "warm-up" }'})
    if shape == "hold4":
        threads = [threading.Thread(target=slow, args=(f"10.1.0.{k}", True)) for k in range(4)]
    else:
        threads = [threading.Thread(target=slow, args=("10.2.0.1", False)) for _ in range(100)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # the attack is under way
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    started = time.perf_counter()
    with httpx.Client(timeout=60, headers={"X-Forwarded-For": "10.3.0.1",
                                           "Accept": "application/sparql-results+json"}) as client:
        k = 0
        while time.perf_counter() - started < ATTACK_SECONDS and (shape == "hold4" or any(
                t.is_alive() for t in threads)):
            k += 1
            t = time.perf_counter()
            try:
                status = client.post(url, data={"query": f'ASK {{ ?s ?p "bench-{k}" }}'}).status_code
            except httpx.HTTPError:
                status = 0
            latencies.append((time.perf_counter() - t) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
            time.sleep(0.02)
    stop.set()
    for thread in threads:
        thread.join()
    latencies.sort()
    counted: dict[int, int] = {}
    for status in slow_statuses:
        counted[status] = counted.get(status, 0) + 1
    return {"asks": len(latencies), "ask_p50_ms": statistics.median(latencies),
            "ask_p95_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))],
            "ask_statuses": statuses, "slow_statuses": counted}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case-studies", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rdflib-requests", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--restart-only", action="store_true",
                        help="only build and time `soilkg serve` start and restart (for N = 100k)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="soilkg-bench-"))
    processes: list[subprocess.Popen[bytes]] = []
    report: dict[str, object] = {"case_studies": args.case_studies, "label": "SYNTHETIC data"}
    try:
        project = make_project(workdir, args.case_studies)
        env = {**os.environ, "SOILKG_ROOT": str(project.root), "SOILKG_BUILD": str(workdir / "build")}
        os.environ.update({"SOILKG_BUILD": env["SOILKG_BUILD"]})
        t = time.perf_counter()
        info = build(project)
        report["build_s"] = time.perf_counter() - t
        report["quads"] = info.quads
        print(f"store: {info.quads} quads from {info.files} files, built in {report['build_s']:.1f} s")

        if args.restart_only:
            for attempt in ("first start", "restart, store unchanged"):
                t = time.perf_counter()
                info = build(project)
                check_s = time.perf_counter() - t
                port = free_port()
                proc = subprocess.Popen([sys.executable, "-m", "soilkg.cli", "serve", "--no-build", "--port",
                                         str(port), "--workers", str(args.workers)], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                wait_up(f"http://127.0.0.1:{port}/health")
                total = time.perf_counter() - t
                print(f"{attempt}: store check {check_s:.2f} s (rebuilt: {info.rebuilt}), answering after "
                      f"{total:.2f} s")
                report[attempt] = total
                proc.terminate()
                proc.wait(timeout=30)
            if args.json:
                args.json.write_text(json.dumps(report, indent=1))
            return

        # Oxigraph's own server over the same quads (loaded with its CLI).
        dump = workdir / "all.nq"
        ox.Store.read_only(str(info.path)).dump(str(dump), format=ox.RdfFormat.N_QUADS)
        ox_server, ox_url = serve_oxigraph(workdir, dump, 10)  # the same limit as ours
        processes.append(ox_server)

        def start_api(cache: bool) -> tuple[subprocess.Popen[bytes], str, float]:
            port = free_port()
            started = time.perf_counter()
            build(project)  # what `soilkg serve` does first: a stat-only check when nothing changed
            proc = subprocess.Popen([sys.executable, "-m", "soilkg.cli", "serve", "--no-build", "--port", str(port),
                                     "--workers", str(args.workers)],
                                    env={**env, "SOILKG_API_CACHE_BYTES": str(64 << 20 if cache else 0)},
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait_up(f"http://127.0.0.1:{port}/health")
            return proc, f"http://127.0.0.1:{port}", time.perf_counter() - started

        api, api_base, first_start = start_api(cache=False)
        processes.append(api)
        wait_up(ox_url + "?query=ASK%7B%7D")

        rdflib_url = None
        if not args.no_rdflib and shutil.which("rdflib-endpoint"):
            rd_port = free_port()
            processes.append(subprocess.Popen(["rdflib-endpoint", "serve", str(dump), "--host", "127.0.0.1",
                                               "--port", str(rd_port)], stdout=subprocess.DEVNULL,
                                              stderr=subprocess.DEVNULL))
            rdflib_url = f"http://127.0.0.1:{rd_port}/"
            t = time.perf_counter()
            wait_up(rdflib_url + "?query=ASK%7B%7D")
            print(f"rdflib-endpoint loaded in {time.perf_counter() - t:.1f} s")

        library = queries.load_all(project.queries)
        cases = [(name, text) for name, text in QUERIES.items()]
        cases += [(name, queries.inline(library[name], {})) for name in NAMED if name in library]
        n = args.requests
        results: dict[str, dict[str, dict[str, float]]] = {}
        print("\n== without our result cache (SOILKG_API_CACHE_BYTES=0) ==")
        for name, text in cases:
            rows = {}
            for concurrency in (1, 8):
                targets = {f"soilkg-c{concurrency}": (api_base + "/sparql", "post"),
                           f"oxigraph-c{concurrency}": (ox_url, "post")}
                if concurrency == 1 and name in library:
                    targets["soilkg-named-c1"] = (f"{api_base}/queries/{name}", "named")
                rows.update(side_by_side(targets, text, n, concurrency))
                if rdflib_url:
                    rows.update(side_by_side({f"rdflib-c{concurrency}": (rdflib_url, "post")}, text,
                                             args.rdflib_requests, concurrency))
            results[name] = rows
            print_rows(name, rows)
            ours, theirs = rows["soilkg-c1"]["p50_ms"], rows["oxigraph-c1"]["p50_ms"]
            line = (f"  p50 soilkg/oxigraph {ours / theirs:.2f}x (target <= 1.2x from 5 ms); req/s at c8 "
                    f"soilkg/oxigraph {rows['soilkg-c8']['req_per_s'] / rows['oxigraph-c8']['req_per_s']:.2f}x "
                    "(target >= 0.9x)")
            if rdflib_url:
                line += f"; rdflib/soilkg: {rows['rdflib-c1']['p50_ms'] / ours:.0f}x"
            print(line)
        report["results"] = results

        print("\n== CPU per request, one at a time (/proc accounting: where the fixed cost goes) ==")
        groups = {"soilkg main": [api.pid], "soilkg workers": children(api.pid), "oxigraph": [ox_server.pid]}
        costs: dict[str, dict[str, float]] = {}
        own_groups = {k: v for k, v in groups.items() if k != "oxigraph"}
        for name, text in cases:
            # In alternating rounds, like the latencies: both servers meet the same machine.
            parts: list[dict[str, float]] = []
            for _ in range(CPU_ROUNDS):
                parts.append(per_request(api_base + "/sparql", text, own_groups, max(1, n // CPU_ROUNDS)))
                parts.append(per_request(ox_url, text, {"oxigraph": groups["oxigraph"]}, max(1, n // CPU_ROUNDS)))
            cost = costs[name] = {group: statistics.mean(p[group] for p in parts if group in p) for group in groups}
            total = cost["soilkg main"] + cost["soilkg workers"]
            print(f"  {name:<26} soilkg main {cost['soilkg main']:6.2f} ms + workers {cost['soilkg workers']:6.2f} ms"
                  f" = {total:6.2f} ms; oxigraph {cost['oxigraph']:6.2f} ms ({total / cost['oxigraph']:.2f}x)")
        report["cpu_ms_per_request"] = costs

        print("\n== a simple ASK under attack (default settings: 2 general workers, 1 for cheap queries, "
              "timeout 10 s) ==")
        t = time.perf_counter()
        httpx.post(ox_url, data={"query": SLOW_QUERY}, timeout=120)
        print(f"slow query on Oxigraph alone: {time.perf_counter() - t:.2f} s ({SLOW_QUERY})")
        attacks: dict[str, dict[str, object]] = {}
        for shape in ("hold4", "burst100"):
            for server, url in (("soilkg", api_base + "/sparql"), ("oxigraph", ox_url)):
                found = attack(url, shape)
                attacks[f"{shape}-{server}"] = found
                print(f"  {shape:<9} {server:<9} ASK p50 {found['ask_p50_ms']:>8.1f} ms  p95 "
                      f"{found['ask_p95_ms']:>8.1f} ms  ASK statuses {found['ask_statuses']}  "
                      f"slow clients got {found['slow_statuses']}")
        report["attacks"] = attacks
        api.terminate()
        api.wait(timeout=30)

        # The same server with its result cache on (restarted: the store is unchanged).
        cached, cached_base, restart_s = start_api(cache=True)
        processes.append(cached)
        print("\n== with our result cache (default 64 MB) ==")
        cached_results: dict[str, dict[str, dict[str, float]]] = {}
        for name, text in cases:
            rows = {}
            for c in (1, 8):
                rows.update(side_by_side({f"soilkg-cached-c{c}": (cached_base + "/sparql", "post"),
                                          f"oxigraph-c{c}": (ox_url, "post")}, text, n, c))
            cached_results[name] = rows
            print_rows(name, rows)
        report["cached"] = cached_results
        report["first_start_s"] = first_start
        report["restart_s"] = restart_s
        print(f"\nserve start: first {first_start:.2f} s; restart with unchanged store {restart_s:.2f} s "
              "(target < 2 s)")
        if args.json:
            args.json.write_text(json.dumps(report, indent=1))
    finally:
        stop_all(processes)
        shutil.rmtree(workdir, ignore_errors=True)


def stop_all(processes: list[subprocess.Popen[bytes]]) -> None:
    """End the servers a benchmark started (SIGTERM, then SIGKILL after 20 s)."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


if __name__ == "__main__":
    main()
