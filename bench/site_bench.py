"""Benchmark `soilkg site build` on the real data and on SYNTHETIC case studies, against a plain
`mkdocs build` of the same number of trivial pages in the same run.

    python bench/site_bench.py [--sizes 1000 10000] [--json out.json]

For each size it makes a temporary project (the repository's ontology and data plus bench/synthetic.py
output, every label "Synthetic ...", in a data/ folder of the temporary project, never the repository's),
builds the store (timed apart), then times page generation (one bulk SPARQL read, Markdown, downloads,
JSON index) and the mkdocs-material build, and reports time per page and the built size. The baseline
is mkdocs-material with its search plugin on N one-paragraph pages. Not a test: nothing here asserts.
Target from issue 4: the 10k build under 2 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import synthetic  # noqa: E402

from soilkg import store as store_module  # noqa: E402
from soilkg.paths import Project  # noqa: E402
from soilkg.sitegen import build as site_build  # noqa: E402


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def make_project(work: Path, case_studies: int) -> Project:
    root = work / "project"
    shutil.copytree(REPO / "ontology", root / "ontology")
    shutil.copytree(REPO / "data", root / "data")
    if case_studies:
        synthetic.write(root / "data", case_studies)  # SYNTHETIC: lives in the temporary project only
    return Project(root)


def site_run(project: Project, work: Path) -> dict[str, float]:
    os.environ["SOILKG_BUILD"] = str(work / "build")
    started = time.perf_counter()
    store_dir = store_module.build(project).path  # the public store: what the site shows
    store_seconds = time.perf_counter() - started
    started = time.perf_counter()
    prepared = site_build.prepare(project, store_dir, work / "site-work")
    generate = time.perf_counter() - started
    pages = sum(1 for _ in (work / "site-work" / "docs").rglob("*.md"))
    started = time.perf_counter()
    site_build.run_mkdocs(prepared.config)
    mkdocs_seconds = time.perf_counter() - started
    started = time.perf_counter()
    prepared.finish()
    generate += time.perf_counter() - started
    return {"pages": pages, "store_s": store_seconds, "generate_s": generate, "mkdocs_s": mkdocs_seconds,
            "site_s": generate + mkdocs_seconds, "size_mb": size_mb(work / "site-work" / "site")}


def baseline(pages: int, work: Path) -> dict[str, float]:
    """Plain mkdocs-material (search plugin) on the same number of trivial pages."""
    docs = work / "plain" / "docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n")
    for i in range(pages - 1):
        (docs / "p" / f"{i}.md").write_text(f"# Page {i}\n\nA trivial page number {i}.\n")
    config = work / "plain" / "mkdocs.yml"
    config.write_text("site_name: plain\nuse_directory_urls: false\ntheme:\n  name: material\nnav:\n"
                      "  - Home: index.md\nplugins:\n  - search\n")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    seconds = time.perf_counter() - started
    return {"plain_s": seconds, "plain_size_mb": size_mb(work / "plain" / "site")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000],
                        help="numbers of synthetic case studies (0 = the real data only); add 100000 if you have time")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results = []
    for size in [0, *[s for s in args.sizes if s]]:
        with tempfile.TemporaryDirectory(prefix="soilkg-site-bench-") as tmp:
            work = Path(tmp)
            project = make_project(work, size)
            row: dict[str, float | str] = {"data": "real" if size == 0 else f"real + {size} synthetic"}
            row.update(site_run(project, work))
            row.update(baseline(int(row["pages"]), work))
            results.append(row)
            pages = float(row["pages"])
            print(f"{row['data']:>24}: {int(pages)} pages | store {row['store_s']:.1f} s | generate "
                  f"{row['generate_s']:.1f} s + mkdocs {row['mkdocs_s']:.1f} s = {row['site_s']:.1f} s "
                  f"({1000 * float(row['site_s']) / pages:.1f} ms/page), {row['size_mb']:.0f} MB | plain mkdocs "
                  f"{row['plain_s']:.1f} s ({1000 * float(row['plain_s']) / pages:.1f} ms/page), "
                  f"{row['plain_size_mb']:.0f} MB | ratio {float(row['site_s']) / float(row['plain_s']):.2f}",
                  flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
