"""Replay a reporter's day against `soilkg serve` (under uvicorn and under granian) and Oxigraph's server.

    python bench/reporter_day.py --case-studies 5000 [--seconds 3] [--rounds 3] [--json out.json]

Needs `wrk` (Debian: apt-get install wrk), the load generator: written in C, it leaves the two cores
to the servers, where a Python client would take one of them. The same SYNTHETIC data as
bench/api_bench.py (the repository's files plus bench/synthetic.py output), built once; the site is
built too, as `soilkg serve` does.

The day (seeded, the same for every server): named queries with the parameters the tests use and
varied dates, ad hoc SPARQL (GET, as SPARQLWrapper and browsers send it) with varied literals,
`/id/` linked data in Turtle, and catalogue pages, drawn with a Zipf popularity so that the popular
ones repeat as they do in real traffic. Oxigraph's server answers only SPARQL, so each item has its
SPARQL equivalent there: a named query's text with its parameters bound (what `/queries/{name}`
evaluates), the same ad hoc query, and for a `/id/` or catalogue page of a resource the CONSTRUCT of
that resource's statements (a listing page: the SELECT of the labels it lists).

Measured, the servers taking turns in rounds of `--seconds` (the machine's speed drifts): requests per
second and p50/p99 latency at concurrency 1 and 8 for
- the day with plain clients, and with clients that keep an HTTP cache (If-None-Match on a repeat: a
  browser, a caching proxy; Oxigraph sends no ETag, so its clients cannot);
- the fixed cost per request: a sub-5 ms query (countries-by-programme), made unique per request by a
  comment the wrk script adds (a counter per connection), so that no cache answers it, in any round.
Prints tables and ratios. Not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote, urlencode

import pyoxigraph as ox

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from api_bench import QUERIES, free_port, make_project, oxigraph_binary, stop_all, wait_up  # noqa: E402
from cpu_cost import children, cpu_seconds  # noqa: E402

from soilkg import queries  # noqa: E402
from soilkg.sitegen import build_site_info  # noqa: E402
from soilkg.store import build  # noqa: E402
from tests.api.named_cases import cases as named_cases  # noqa: E402

LUA = REPO / "bench" / "reporter_day.lua"
JSON_RESULTS = "application/sparql-results+json"
TURTLE = "text/turtle"
HTML = "text/html"
ID = "https://w3id.org/soilkg/id/"
DATES = ("2020-01-01", "2023-06-01", "2024-01-01", "2025-01-01", "2025-03-29")
FIXED_COST_QUERY = "countries-by-programme"
LISTING = ("SELECT ?s ?label WHERE { ?s a ?kind ; <http://www.w3.org/2000/01/rdf-schema#label> ?label . "
           "FILTER(STRSTARTS(STR(?s), \"%s\")) } LIMIT 500")


@dataclass(frozen=True)
class Item:
    """One request of the day: to soilkg, and its equivalent to Oxigraph's server ("GET", path, Accept)."""

    soilkg: tuple[str, str, str]
    oxigraph: tuple[str, str, str]


def _sparql_get(query: str, accept: str = JSON_RESULTS, path: str = "/sparql") -> tuple[str, str, str]:
    return ("GET", f"{path}?{urlencode({'query': query}, quote_via=quote)}", accept)


def _construct(iri: str) -> str:
    return f"CONSTRUCT {{ <{iri}> ?p ?o }} WHERE {{ <{iri}> ?p ?o }}"


def pool_of_items(project_queries: Path, store: ox.Store, site: Path, rng: random.Random) -> list[Item]:
    """Every distinct request a reporter's day may hold."""
    library = queries.load_all(project_queries)
    items: list[Item] = []
    for name, params, _ in named_cases():
        variants = [params] + [{**params, "since": d} for d in DATES if "since" in params or
                               any(p.name == "since" for p in library[name].parameters)]
        for values in variants:
            text = queries.inline(library[name], values)
            path = f"/queries/{name}" + (f"?{urlencode(values, quote_via=quote)}" if values else "")
            items.append(Item(("GET", path, JSON_RESULTS), _sparql_get(text, path="/query")))
    for area in (100, 500, 1000, 2000, 5000):
        text = QUERIES["filter-join-order-limit"].replace("?area > 1000", f"?area > {area}")
        items.append(Item(_sparql_get(text), _sparql_get(text, path="/query")))
    found = store.query("SELECT ?s WHERE { ?s a <https://w3id.org/soilkg/ontology#CaseStudy> }",
                        use_default_graph_as_union=True)
    assert isinstance(found, ox.QuerySolutions)
    case_studies = [str(row["s"].value) for row in found]
    for iri in rng.sample(case_studies, min(60, len(case_studies))):
        items.append(Item(("GET", "/id/" + iri.removeprefix(ID), TURTLE),
                          _sparql_get(_construct(iri), TURTLE, "/query")))
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("*/*/index.html"))
    for page in ["", *rng.sample(pages, min(80, len(pages))), *sorted({p.split("/")[0] for p in pages})]:
        iri = ID + page
        equivalent = _construct(iri) if page.count("/") == 1 else LISTING % iri
        accept = TURTLE if page.count("/") == 1 else JSON_RESULTS
        items.append(Item(("GET", "/" + page + ("/" if page else ""), HTML),
                          _sparql_get(equivalent, accept, "/query")))
    return items


def the_day(items: list[Item], length: int, rng: random.Random) -> list[Item]:
    """`length` requests drawn from the items with Zipf popularity (rank r weighs 1/r)."""
    ranked = items[:]
    rng.shuffle(ranked)
    return rng.choices(ranked, weights=[1 / (rank + 1) for rank in range(len(ranked))], k=length)


def write_day(path: Path, requests: list[tuple[str, str, str]]) -> Path:
    path.write_text("".join(f"{method}\t{target}\t{accept}\n" for method, target, accept in requests))
    return path


@dataclass(frozen=True)
class Measure:
    req_per_s: float
    p50_ms: float
    p99_ms: float
    errors: int
    statuses: dict[str, int]
    cpu_ms_per_request: float  # user + system time of the server's processes (workers included) per answer


@dataclass(frozen=True)
class Target:
    base: str  # URL
    day: Path  # the requests, in the wrk script's format
    pid: int  # the server's first process: its CPU time is counted with every process it started


def tree_cpu_seconds(pid: int) -> float:
    """CPU time so far of a server's process and every process under it (query workers, fork server)."""
    return cpu_seconds([pid, *children(pid)])


Mode = Literal["plain", "revalidate", "unique"]


def wrk(base: str, day: Path, concurrency: int, seconds: float, mode: Mode) -> dict[str, Any]:
    """One wrk run: one connection per thread (the script's cache follows its one connection). `mode`:
    plain clients, clients that revalidate what they hold, or every SPARQL text made unique."""
    out = subprocess.run(["wrk", "-t", str(concurrency), "-c", str(concurrency), "-d", f"{max(1, round(seconds))}s",
                          "--timeout", "30s", "-s", str(LUA), base, "--", str(day),
                          mode, str(time.time_ns())], capture_output=True, text=True, check=True)
    found: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return found


def side_by_side(targets: dict[str, Target], concurrency: int, seconds: float, rounds: int,
                 mode: Mode = "plain") -> dict[str, Measure]:
    """The targets in turns; req/s over all rounds, medians of p50/p99, CPU time per request over all."""
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in targets}
    cpu = {name: 0.0 for name in targets}
    for _ in range(rounds):
        for name, target in targets.items():
            before = tree_cpu_seconds(target.pid)
            runs[name].append(wrk(target.base, target.day, concurrency, seconds, mode))
            cpu[name] += tree_cpu_seconds(target.pid) - before
    out = {}
    for name, found in runs.items():
        statuses: dict[str, int] = {}
        for run in found:
            for status, n in run["statuses"].items():
                statuses[status] = statuses.get(status, 0) + int(n)
        out[name] = Measure(sum(r["requests"] for r in found) / sum(r["seconds"] for r in found),
                            statistics.median(r["p50_ms"] for r in found),
                            statistics.median(r["p99_ms"] for r in found),
                            sum(r["errors"] for r in found), statuses,
                            1000 * cpu[name] / max(1, sum(r["requests"] for r in found)))
    return out


def print_table(title: str, rows: dict[str, Measure], baseline: str) -> None:
    print(f"\n{title}")
    print(f"  {'server':<18}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms/req':>12}  {'req/s vs ' + baseline:>18}"
          "  statuses")
    for name, row in rows.items():
        ratio = row.req_per_s / rows[baseline].req_per_s if rows[baseline].req_per_s else float("nan")
        print(f"  {name:<18}{row.req_per_s:>9.1f}{row.p50_ms:>9.2f}{row.p99_ms:>9.2f}{row.cpu_ms_per_request:>12.2f}"
              f"  {ratio:>17.2f}x"
              f"  {row.statuses}{' errors ' + str(row.errors) if row.errors else ''}")


def start(command: list[str], env: dict[str, str], health: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_up(health)
    return process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case-studies", type=int, default=5000)
    parser.add_argument("--length", type=int, default=2000, help="requests in the day")
    parser.add_argument("--seconds", type=float, default=3.0, help="per server and turn")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian: apt-get install wrk)")

    workdir = Path(tempfile.mkdtemp(prefix="soilkg-day-"))
    processes: list[subprocess.Popen[bytes]] = []
    report: dict[str, object] = {"case_studies": args.case_studies, "label": "SYNTHETIC data",
                                 "load_before": os.getloadavg()}
    try:
        project = make_project(workdir, args.case_studies)
        env = {**os.environ, "SOILKG_ROOT": str(project.root), "SOILKG_BUILD": str(workdir / "build"),
               "SOILKG_API_WORKERS": str(args.workers)}
        os.environ["SOILKG_BUILD"] = env["SOILKG_BUILD"]
        info = build(project)
        build_site_info(project, info.path)
        store = ox.Store.read_only(str(info.path))
        dump = workdir / "all.nq"
        store.dump(str(dump), format=ox.RdfFormat.N_QUADS)
        print(f"store: {info.quads} quads; site built")

        oxigraph = oxigraph_binary()
        subprocess.run([oxigraph, "load", "--location", str(workdir / "oxdb"), "--file", str(dump)], check=True,
                       capture_output=True)
        ports = {name: free_port() for name in ("uvicorn", "granian", "oxigraph")}
        oxigraph_server = start([oxigraph, "serve-read-only", "--location", str(workdir / "oxdb"), "--bind",
                                f"127.0.0.1:{ports['oxigraph']}", "--union-default-graph", "--timeout-s", "10"],
                               env, f"http://127.0.0.1:{ports['oxigraph']}/query?query=ASK%7B%7D")
        uvicorn_server = start([sys.executable, "-m", "soilkg.cli", "serve", "--no-build", "--port",
                                str(ports["uvicorn"]), "--workers", str(args.workers)], env,
                               f"http://127.0.0.1:{ports['uvicorn']}/health")
        granian = str(Path(sys.executable).parent / "granian")
        granian_server = start([granian, "--interface", "asgi", "--factory", "--working-dir", str(REPO / "bench"),
                                "--host", "127.0.0.1", "--port", str(ports["granian"]), "--no-ws", "--loop",
                                "uvloop", "--log-level", "warning", "granian_app:app"], env,
                               f"http://127.0.0.1:{ports['granian']}/health")
        processes.extend([oxigraph_server, uvicorn_server, granian_server])
        pids = {"soilkg-uvicorn": uvicorn_server.pid, "soilkg-granian": granian_server.pid,
                "oxigraph": oxigraph_server.pid}
        bases = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}

        rng = random.Random(22)
        day = the_day(pool_of_items(project.queries, store, project.site_dir(), rng), args.length, rng)
        ours = write_day(workdir / "day-soilkg.tsv", [item.soilkg for item in day])
        theirs = write_day(workdir / "day-oxigraph.tsv", [item.oxigraph for item in day])
        print(f"day: {len(day)} requests, {len(set(day))} distinct")
        targets = {"soilkg-uvicorn": Target(bases["uvicorn"], ours, pids["soilkg-uvicorn"]),
                   "soilkg-granian": Target(bases["granian"], ours, pids["soilkg-granian"]),
                   "oxigraph": Target(bases["oxigraph"], theirs, pids["oxigraph"])}
        for target in targets.values():  # warm: every distinct request once (caches, page cache)
            wrk(target.base, target.day, 1, 2, "plain")

        results: dict[str, object] = {}
        for concurrency in (1, 8):
            for revalidate in (False, True):
                key = f"day-c{concurrency}-{'revalidating' if revalidate else 'plain'}"
                rows = side_by_side(targets, concurrency, args.seconds, args.rounds,
                                    "revalidate" if revalidate else "plain")
                results[key] = {name: asdict(row) for name, row in rows.items()}
                print_table(f"{key} clients", rows, "oxigraph")

        library = queries.load_all(project.queries)
        text = queries.inline(library[FIXED_COST_QUERY], {})
        fixed_ours = write_day(workdir / "fixed-soilkg.tsv", [_sparql_get(text)])
        fixed_theirs = write_day(workdir / "fixed-oxigraph.tsv", [_sparql_get(text, path="/query")])
        fixed = {name: Target(target.base, fixed_theirs if name == "oxigraph" else fixed_ours, target.pid)
                 for name, target in targets.items()}
        for concurrency in (1, 8):
            rows = side_by_side(fixed, concurrency, args.seconds, args.rounds, "unique")
            results[f"fixed-c{concurrency}"] = {name: asdict(row) for name, row in rows.items()}
            print_table(f"fixed cost: {FIXED_COST_QUERY}, no cache can answer, c{concurrency}", rows, "oxigraph")
        report["results"] = results
        report["load_after"] = os.getloadavg()
        print(f"\nload average before {report['load_before']}, after {report['load_after']}")
        if args.json:
            args.json.write_text(json.dumps(report, indent=1))
    finally:
        stop_all(processes)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
