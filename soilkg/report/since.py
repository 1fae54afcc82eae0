"""What was added or changed since a date: the git history of data/, plus the graph's own dates.

Git tells when a resource's file was added or last changed (committed, or changed and not yet
committed); the graph tells which figures are dated, and which works are published or due, on or
after the date. Together they say what the next report should start from.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from soilkg.errors import SoilkgError
from soilkg.namespaces import ID, SKG
from soilkg.paths import Project
from soilkg.periods import parse
from soilkg.report.gather import Gathered, QueryRunner
from soilkg.report.model import Change
from soilkg.report.text import human_date


@dataclass(frozen=True)
class FileChange:
    path: str  # repository-relative
    change: str  # added | changed | changed, not yet committed
    when: str
    commit: str


def _git(root: Path, *args: str) -> str:
    git = shutil.which("git")
    if git is None:
        raise SoilkgError("--since reads the git history of data/, and git is not installed. Install git.", exit_code=2)
    result = subprocess.run([git, "-C", str(root), *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SoilkgError(f"--since reads the git history of data/, but {root} has none (git: "
                          f"{result.stderr.strip().splitlines()[0] if result.stderr.strip() else 'failed'}). "
                          "Run the command in a clone of the repository.", exit_code=2)
    return result.stdout


def file_changes(project: Project, since: date) -> list[FileChange]:
    """Files under data/ added or changed in commits after ``since``, then those changed in the working tree."""
    log = _git(project.root, "log", f"--since={since.isoformat()}T00:00:00", "--format=%x1e%H%x1f%cI",
               "--name-status", "--no-renames", "--", "data")
    seen: dict[str, FileChange] = {}
    for block in log.split("\x1e")[1:]:
        header, _, body = block.partition("\n")
        commit, _, when = header.partition("\x1f")
        for line in body.splitlines():
            status, _, path = line.partition("\t")
            if not path.endswith(".ttl") or status.startswith("D"):
                continue
            # Newest commits come first: the first time we see a file gives its latest change; an older
            # "added" in the window turns it into an addition.
            previous = seen.get(path)
            change = "added" if status.startswith("A") else "changed"
            if previous is None:
                seen[path] = FileChange(path, change, when[:10], commit[:10])
            elif change == "added":
                seen[path] = FileChange(path, "added", previous.when, previous.commit)
    status = _git(project.root, "status", "--porcelain", "--untracked-files=all", "--", "data")
    for line in status.splitlines():
        code, path = line[:2], line[3:].strip()
        if path.endswith(".ttl") and "D" not in code:
            what = "added, not yet committed" if code == "??" or "A" in code else "changed, not yet committed"
            seen[path] = FileChange(path, what, "working tree", "")
    return sorted(seen.values(), key=lambda c: c.path)


def _iri_of(path: str) -> str | None:
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == "data" and parts[2].endswith(".ttl"):
        return f"{ID}{parts[1]}/{parts[2][:-4]}"
    return None


def _label(runner: QueryRunner, iri: str) -> str:
    labels = {r.get("language", ""): r["label"] for r in runner.rows("report-labels", resource=iri)}
    return labels.get("en") or labels.get("") or iri.rsplit("/", 1)[-1]


def changes_since(project: Project, runner: QueryRunner, g: Gathered, since: date) -> list[Change]:
    changes: list[Change] = []
    for fc in file_changes(project, since):
        iri = _iri_of(fc.path)
        if iri is None:
            continue
        evidence = f"git commit {fc.commit} ({fc.path})" if fc.commit else f"{fc.path} (working tree)"
        changes.append(Change(iri, _label(runner, iri), iri[len(ID):].split("/", 1)[0], fc.change, fc.when,
                              evidence))
    for row in g.figures:
        dated = parse(row.get("asOf", ""))
        if dated is not None and dated.on_or_after(since):
            changes.append(Change(row["figure"], row.get("measures", row["figure"]), "figure", "dated on or after",
                                  human_date(row["asOf"]), "skg:asOf in the graph"))
    for row in g.facts:
        year = parse(row["value"]) if row["property"] == str(SKG.year) else None
        if year is not None and year.on_or_after(since):
            changes.append(Change(row["resource"], _label(runner, row["resource"]), "publication",
                                  "published or due in the year of the date or later", row["value"][:4],
                                  "skg:year in the graph"))
    unique: dict[tuple[str, str], Change] = {}
    for change in changes:
        unique.setdefault((change.iri, change.change), change)
    return list(unique.values())
