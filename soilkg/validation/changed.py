"""`soilkg validate --changed`: the source files a branch changed against its base, via git."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from soilkg.errors import SoilkgError
from soilkg.paths import SOURCE_DIRS, Project

SOURCE_PREFIXES = tuple(f"{d}/" for d in SOURCE_DIRS) + ("examples/",)


@dataclass(frozen=True)
class Changes:
    files: list[Path]  # added, modified or renamed Turtle sources that exist now
    global_change: bool  # a deletion, or a change to shapes/checks: every file must be checked


def _git(project: Project, *args: str) -> str:
    try:
        result = subprocess.run(["git", "-C", str(project.root), *args], capture_output=True, text=True,
                                check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SoilkgError(f"Could not run git ({type(error).__name__}). Install git or list the files to "
                          "validate instead of --changed.", exit_code=2) from error
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "git failed"
        raise SoilkgError(f"git {' '.join(args)}: {detail}. Is {project.root} a git checkout, and does the "
                          "base branch exist (try --base origin/main)?", exit_code=2)
    return result.stdout


def changed_sources(project: Project, base: str) -> Changes:
    """Files changed since the branch left `base`: commits, staged and unstaged edits, new files."""
    merge_base = _git(project, "merge-base", base, "HEAD").strip()
    status = _git(project, "diff", "--name-status", "--no-renames", merge_base)
    untracked = _git(project, "ls-files", "--others", "--exclude-standard")
    files: list[Path] = []
    global_change = False
    entries = [line.split("\t", 1) for line in status.splitlines() if "\t" in line]
    entries += [["A", name] for name in untracked.splitlines() if name]
    for code, name in entries:
        if not name.startswith(SOURCE_PREFIXES):
            continue
        if name.startswith("shapes/checks/") or (code.startswith("D") and name.endswith(".ttl")):
            global_change = True  # a check changed or a resource vanished: anything may be affected
            continue
        path = project.root / name
        if name.endswith(".ttl") and path.is_file():
            files.append(path)
    return Changes(sorted(set(files)), global_change)
