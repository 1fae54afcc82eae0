"""`soilkg serve --endpoint` over two external engines, Oxigraph's server and OpenLink Virtuoso, beside each
engine queried directly, on the same SYNTHETIC data in one run.

    python bench/engines_bench.py --case-studies 1000 [--requests 100] [--json out.json]

Builds a temporary project like bench/api_bench.py (the real files plus bench/synthetic.py output), loads
the store's N-Quads dump into `oxigraph serve-read-only --union-default-graph` and into Virtuoso (the tests'
set-up, tests/api/virtuoso.py), starts one `soilkg serve --endpoint` in front of each, and measures the same
queries (api_bench's reference query and named queries, inlined) at concurrency 1 and 8 with the servers
taking turns (api_bench.side_by_side). Our result cache is off with --endpoint, so every request reaches the
engine. Prints tables; nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox
from api_bench import (
    NAMED,
    QUERIES,
    free_port,
    make_project,
    print_rows,
    serve_oxigraph,
    side_by_side,
    stop_all,
    wait_up,
)

from soilkg import queries
from soilkg.store import build
from tests.api.virtuoso import end, start_virtuoso

TIMEOUT = 10  # seconds, soilkg's and the engines' (Virtuoso's a little longer: its limit answers a partial 200)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case-studies", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="soilkg-engines-"))
    processes: list[subprocess.Popen[bytes]] = []
    virtuoso: subprocess.Popen[bytes] | None = None
    try:
        project = make_project(workdir, args.case_studies)
        env = {**os.environ, "SOILKG_ROOT": str(project.root), "SOILKG_BUILD": str(workdir / "build")}
        os.environ["SOILKG_BUILD"] = env["SOILKG_BUILD"]
        info = build(project)
        store = ox.Store.read_only(str(info.path))
        dump = workdir / "all.nq"
        store.dump(str(dump), format=ox.RdfFormat.N_QUADS)
        print(f"store: {info.quads} quads (SYNTHETIC: {args.case_studies} case studies + the real files)")

        ox_server, ox_url = serve_oxigraph(workdir, dump, TIMEOUT)
        processes.append(ox_server)
        engines = {"oxigraph": ox_url}
        wait_up(engines["oxigraph"] + "?query=ASK%7B%7D")
        (workdir / "virtuoso").mkdir()
        v_port = free_port()
        virtuoso = start_virtuoso(workdir / "virtuoso", dump, store, free_port(), v_port, engine_timeout=TIMEOUT + 3)
        engines["virtuoso"] = f"http://127.0.0.1:{v_port}/sparql"

        fronts = {}
        for name, url in engines.items():
            port = free_port()
            processes.append(subprocess.Popen([sys.executable, "-m", "soilkg.cli", "serve", "--port", str(port),
                                               "--timeout", str(TIMEOUT), "--endpoint", url], env=env,
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            fronts[name] = f"http://127.0.0.1:{port}"
            wait_up(fronts[name] + "/health")

        library = queries.load_all(project.queries)
        cases = [*QUERIES.items(), *((name, queries.inline(library[name], {})) for name in NAMED)]
        results: dict[str, dict[str, dict[str, float]]] = {}
        for name, text in cases:
            rows = {}
            for concurrency in (1, 8):
                targets = {f"{engine}-c{concurrency}": (url, "post") for engine, url in engines.items()}
                targets |= {f"soilkg->{engine}-c{concurrency}": (base + "/sparql", "post")
                            for engine, base in fronts.items()}
                rows.update(side_by_side(targets, text, args.requests, concurrency))
            results[name] = rows
            print_rows(name, rows)
        if args.json:
            args.json.write_text(json.dumps({"quads": info.quads, "results": results}, indent=1))
    finally:
        stop_all(processes)
        if virtuoso is not None:
            end(virtuoso)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
