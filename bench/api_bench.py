"""Benchmark the SPARQL API against `oxigraph serve-read-only` and rdflib-endpoint on the same SYNTHETIC data.

    python bench/api_bench.py --case-studies 5000 [--requests 200] [--rdflib-requests 20] [--json out.json]

Makes a temporary project (the repository's ontology/shapes/data plus bench/synthetic.py output in its
data/), builds the store, and measures over HTTP on loopback: latency p50/p99 one request at a time and
throughput at concurrency 8, for the same queries on each server; then the restart time of `soilkg
serve` with the store unchanged. Prints a table and the ratios. Not a test: nothing here asserts.
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
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pyoxigraph as ox

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import synthetic  # noqa: E402

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


def measure(url: str, method: str, query: str, n: int, concurrency: int) -> dict[str, float]:
    """Latency percentiles (ms) and requests/s for n requests at a concurrency; NaN when a server fails."""
    try:
        return _measure(url, method, query, n, concurrency)
    except httpx.HTTPError as error:
        print(f"  ({url}: {type(error).__name__}; counted as failed)")
        return {"p50_ms": float("nan"), "p99_ms": float("nan"), "req_per_s": 0.0}


def _measure(url: str, method: str, query: str, n: int, concurrency: int) -> dict[str, float]:
    def one(client: httpx.Client) -> float:
        started = time.perf_counter()
        if method == "named":
            response = client.get(url, headers={"Accept": "application/sparql-results+json"})
        else:
            response = client.post(url, data={"query": query}, headers={"Accept": "application/sparql-results+json"})
        response.raise_for_status()
        return (time.perf_counter() - started) * 1000

    clients = [httpx.Client(timeout=60) for _ in range(concurrency)]
    one(clients[0])  # warm-up
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = list(pool.map(lambda k: one(clients[k % concurrency]), range(n)))
    elapsed = time.perf_counter() - started
    for c in clients:
        c.close()
    latencies.sort()
    return {"p50_ms": statistics.median(latencies), "p99_ms": latencies[min(len(latencies) - 1,
                                                                           int(len(latencies) * 0.99))],
            "req_per_s": n / elapsed}


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
        subprocess.run(["oxigraph", "load", "--location", str(workdir / "oxdb"), "--file", str(dump)], check=True,
                       capture_output=True)
        ox_port = free_port()
        processes.append(subprocess.Popen(["oxigraph", "serve-read-only", "--location", str(workdir / "oxdb"),
                                           "--bind", f"127.0.0.1:{ox_port}", "--union-default-graph"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        ox_url = f"http://127.0.0.1:{ox_port}/query"

        def start_api() -> tuple[subprocess.Popen[bytes], str, float]:
            port = free_port()
            started = time.perf_counter()
            build(project)  # what `soilkg serve` does first: a stat-only check when nothing changed
            proc = subprocess.Popen([sys.executable, "-m", "soilkg.cli", "serve", "--no-build", "--port", str(port),
                                     "--workers", str(args.workers), "--timeout", "60"], env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wait_up(f"http://127.0.0.1:{port}/health")
            return proc, f"http://127.0.0.1:{port}", time.perf_counter() - started

        api, api_base, first_start = start_api()
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
        results: dict[str, dict[str, dict[str, float]]] = {}
        for name, text in cases:
            rows = {}
            for concurrency in (1, 8):
                n = args.requests
                rows[f"soilkg-c{concurrency}"] = measure(api_base + "/sparql", "post", text, n, concurrency)
                rows[f"oxigraph-c{concurrency}"] = measure(ox_url, "post", text, n, concurrency)
                if rdflib_url:
                    rows[f"rdflib-c{concurrency}"] = measure(rdflib_url, "post", text, args.rdflib_requests,
                                                             concurrency)
            if name in library:
                rows["soilkg-named-c1"] = measure(f"{api_base}/queries/{name}", "named", "", n, 1)
            results[name] = rows
            print(f"\n{name}")
            print(f"  {'server':<18}{'p50 ms':>9}{'p99 ms':>9}{'req/s':>9}")
            for server, m in rows.items():
                print(f"  {server:<18}{m['p50_ms']:>9.1f}{m['p99_ms']:>9.1f}{m['req_per_s']:>9.1f}")
            ours, theirs = rows["soilkg-c1"]["p50_ms"], rows["oxigraph-c1"]["p50_ms"]
            line = f"  p50 ratio soilkg/oxigraph: {ours / theirs:.2f}x (target <= 1.5x)"
            if rdflib_url:
                line += f"; rdflib/soilkg: {rows['rdflib-c1']['p50_ms'] / ours:.0f}x (target >= 50x)"
            print(line)
        report["results"] = results

        # Restart with the store unchanged: stat-only build check, then the server up and answering.
        api.terminate()
        api.wait(timeout=30)
        restarted, _, restart_s = start_api()
        processes.append(restarted)
        report["first_start_s"] = first_start
        report["restart_s"] = restart_s
        print(f"\nserve start: first {first_start:.2f} s; restart with unchanged store {restart_s:.2f} s "
              "(target < 2 s)")
        if args.json:
            args.json.write_text(json.dumps(report, indent=1))
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
