"""What the public store costs at build time: the extra seconds of `soilkg build` for the public copy
(every statement except the non-public files, soilkg.visibility), beside the build without one.

    .venv/bin/python bench/public_bench.py --case-studies 5000 --drafts 0.1 --runs 3

Builds a temporary project: the repository's ontology/, shapes/ and data/ plus SYNTHETIC case studies
(bench/synthetic.py), of which the given share is set to `draft` and the rest to `published`. Each
run is a forced build of the stores (parsing every file; no SHACL validation, which is the same
with or without the public copy). The baseline is the same build with every case study published,
where the public store is the preview folder itself. Medians of the runs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

import synthetic  # noqa: E402

from soilkg import store  # noqa: E402
from soilkg.paths import Project  # noqa: E402

STATUS = re.compile(r"skg:reviewStatus skg:\w+")


def make_project(work: Path, case_studies: int, drafts: float) -> Project:
    root = work / "project"
    for folder in ("ontology", "shapes", "data"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "pyproject.toml").write_text("")
    synthetic.write(root / "data", case_studies)  # SYNTHETIC: lives in the temporary project only
    set_drafts(root, drafts)
    return Project(root)


def set_drafts(root: Path, share: float) -> int:
    """Every `share`-th synthetic case study a draft, the others published; returns the drafts."""
    files = sorted((root / "data" / "case-study").glob("synthetic-*.ttl"))
    every = round(1 / share) if share > 0 else 0
    count = 0
    for n, path in enumerate(files):
        draft = every > 0 and n % every == 0
        count += draft
        text = STATUS.sub("skg:reviewStatus skg:" + ("draft" if draft else "published"), path.read_text())
        path.write_text(text)
    return count


def runs(project: Project, n: int) -> list[store.StoreInfo]:
    return [store.build(project, force=True) for _ in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case-studies", type=int, default=5000)
    parser.add_argument("--drafts", type=float, default=0.1, help="share of the case studies left as drafts")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="soilkg-public-bench-") as tmp:
        work = Path(tmp)
        project = make_project(work, args.case_studies, args.drafts)
        os.environ["SOILKG_BUILD"] = str(work / "build")
        with_drafts = runs(project, args.runs)
        set_drafts(project.root, 0)
        baseline = runs(project, args.runs)
    last = with_drafts[-1]
    total = statistics.median(i.seconds for i in with_drafts)
    public = statistics.median(i.public_seconds for i in with_drafts)
    base = statistics.median(i.seconds for i in baseline)
    print(f"{args.case_studies} synthetic case studies, {last.hidden_files} drafts ({args.drafts:.0%}); "
          f"{last.files} files, {last.quads} quads (public store: {last.public_quads}); medians of {args.runs}")
    print(f"  build with the public copy    {total:7.2f} s   (of which the public copy {public:.2f} s)")
    print(f"  build, everything published   {base:7.2f} s   (one store, no copy)")
    share = public / (total - public)
    print(f"  extra for the public copy     {public:7.2f} s   = {share:.1%} of the rest of the build")


if __name__ == "__main__":
    main()
