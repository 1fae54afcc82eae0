"""Statement-level sources at scale: build time against a baseline tree, and `statement-sources` latency.

    python bench/provenance_bench.py --baseline /tmp/prov-base --case-studies 5000

For each tree (the baseline, a checkout of the commit before statement-level sources, made with
`git worktree add /tmp/prov-base <commit>`; and this repository) it makes a temporary project of that
tree's ontology, shapes and data plus the SYNTHETIC case studies of bench/synthetic.py, and runs that
tree's own code for a forced store build (parsing every file, with the annotation rewrite in the new
tree) and then the validation that `soilkg build` runs on it, `--repeat` times, in a fresh process
each (the SYNTHETIC data has findings of its own, so the two are timed apart rather than stopping).
Then, on this repository's build (the preview store: it holds every file), it runs the named query
`statement-sources` for (NETSOB, leads implementation of, Plan of Action) and for a synthetic case study, and reports
medians (wall-clock and CPU time of the build process: CPU time is what to compare on a shared
machine) and the build-time ratio (target: within 1.3x; p50 under 20 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

import synthetic  # noqa: E402

BUILD = """
import json, sys, time
from pathlib import Path
# Run the given tree's code, not the editable install's (its finder comes before sys.path).
sys.meta_path = [f for f in sys.meta_path if "__editable__" not in getattr(f, "__module__", "")]
sys.path.insert(0, sys.argv[2])
import soilkg
assert soilkg.__file__.startswith(sys.argv[2]), soilkg.__file__
import pyoxigraph as ox
from soilkg.paths import Project
from soilkg.store import build
from soilkg.validation.engine import check_store
project = Project(Path(sys.argv[1]))
started, cpu = time.perf_counter(), time.process_time()
info = build(project, force=True)
built, built_cpu = time.perf_counter(), time.process_time()
# The validation a `soilkg build` runs, timed on its own: SYNTHETIC data is not curated data, so its
# findings (demonstration case studies in data/ ...) are not the point here, only the work.
store = ox.Store.read_only(str(info.path))
check_store(store, project.source_files())
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                  "store_s": built - started, "check_s": time.perf_counter() - built, "quads": info.quads}))
"""


def make_project(tree: Path, workdir: Path, case_studies: int) -> Path:
    root = workdir / tree.name / "project"
    root.mkdir(parents=True)
    for name in ("ontology", "shapes", "server"):
        (root / name).symlink_to(tree / name)
    shutil.copytree(tree / "data", root / "data")
    shutil.copy(tree / "pyproject.toml", root / "pyproject.toml")
    synthetic.write(root / "data", case_studies)
    return root


def timed_build(tree: Path, root: Path) -> dict[str, float]:
    env = {**os.environ, "SOILKG_BUILD": str(root.parent / "build")}
    done = subprocess.run([sys.executable, "-c", BUILD, str(root), str(tree)], env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"build of {tree} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def query_latency(root: Path, baseline: Path, repeat: int) -> None:
    """p50 of `statement-sources`, and of the named queries that now read statement-level sources
    beside the baseline tree's text of the same query, on this repository's store."""
    os.environ["SOILKG_BUILD"] = str(root.parent / "build")
    from soilkg import queries
    from soilkg.paths import Project
    from soilkg.provenance import statement_sources
    from soilkg.store import open_read_only

    store = open_read_only(Project(root), preview=True)  # SYNTHETIC case studies are demonstrations: not public
    cases = [("statement-sources", {"subject": "network:netsob", "predicate": "skg:leadsImplementationOf"}),
             ("statement-sources", {"subject": "casestudy:synthetic-cs-000042", "predicate": "skg:practice"}),
             ("statement-sources", {"subject": "figure:global-soil-doctors-trainers", "predicate": "skg:value"}),
             ("countries-by-programme", {}), ("collaborations", {}), ("decision-invitations", {})]

    def p50(query: queries.NamedQuery, values: dict[str, str]) -> float:
        rows = list(queries.run(store, query, values))  # warm-up, and a check that it answers
        assert rows, f"{query.name} returned nothing for {values}"
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            list(queries.run(store, query, values))
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    started = time.perf_counter()
    found = statement_sources(store)
    print(f"soilkg.provenance.statement_sources (the work of the validation check and of the site's and report's "
          f"look-ups): {time.perf_counter() - started:.2f} s for {len(found)} statements", flush=True)
    for name, values in cases:
        now = p50(queries.parse_query_file(REPO / "server" / "queries" / f"{name}.rq"), values)
        line = f"{name} {values or ''}: p50 {now:.1f} ms"
        before = baseline / "server" / "queries" / f"{name}.rq"
        if before.is_file():
            then = p50(queries.parse_query_file(before), values)
            line += f" (baseline query text {then:.1f} ms, {now / then:.2f}x)"
        print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, required=True, help="a checkout of the baseline commit")
    parser.add_argument("--case-studies", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3, help="builds per tree (median reported)")
    parser.add_argument("--queries", type=int, default=50, help="runs of each named query (median reported)")
    parser.add_argument("--queries-only", action="store_true", help="skip the build comparison")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="prov-bench-") as tmp:
        work = Path(tmp)
        if args.queries_only:
            root = make_project(REPO, work / "current", args.case_studies)
            os.environ["SOILKG_BUILD"] = str(root.parent / "build")
            from soilkg.paths import Project
            from soilkg.store import build

            build(Project(root), force=True)
            query_latency(root, args.baseline.resolve(), args.queries)
            return
        results = {}
        for label, tree in (("baseline", args.baseline.resolve()), ("current", REPO)):
            root = make_project(tree, work / label, args.case_studies)
            runs = [timed_build(tree, root) for _ in range(args.repeat)]
            results[label] = {"build_s": statistics.median(r["seconds"] for r in runs),
                              "cpu_s": statistics.median(r["cpu"] for r in runs),
                              "quads": runs[-1]["quads"], "root": root}
            print(f"{label}: build + validation {results[label]['build_s']:.2f} s wall (store "
                  f"{statistics.median(r['store_s'] for r in runs):.2f} s, validation "
                  f"{statistics.median(r['check_s'] for r in runs):.2f} s), {results[label]['cpu_s']:.2f} s CPU "
                  f"(medians of {args.repeat}), {int(runs[-1]['quads'])} quads", flush=True)
        for measure in ("build_s", "cpu_s"):
            ratio = results["current"][measure] / results["baseline"][measure]
            print(f"{measure} ratio current/baseline at {args.case_studies} SYNTHETIC case studies: {ratio:.2f}x "
                  "(target within 1.3x; CPU time is the steadier figure on a shared machine)")
        current_root = results["current"]["root"]
        assert isinstance(current_root, Path)
        print("named queries on this repository's store (target: statement-sources p50 under 20 ms):")
        query_latency(current_root, args.baseline.resolve(), args.queries)


if __name__ == "__main__":
    main()
