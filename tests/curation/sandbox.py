"""The curation tests' sandbox: a private copy of the repository's sources. The real CLI runs on it in a
subprocess (SOILKG_ROOT, SOILKG_BUILD), so tests never touch the working tree or its .soilkg/. The
synthetic valid case studies of tests/curation/valid/ sit in its data/case-study/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
COPIED = ("pyproject.toml", "ontology", "shapes", "data", "examples")


@dataclass(frozen=True)
class Sandbox:
    root: Path
    build: Path

    def env(self) -> dict[str, str]:
        return {**os.environ, "SOILKG_ROOT": str(self.root), "SOILKG_BUILD": str(self.build), "NO_COLOR": "1",
                "COLUMNS": "200"}

    def run(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        """`soilkg ARGS` as a curator types it, in the sandbox."""
        return subprocess.run([sys.executable, "-m", "soilkg.cli", *args], cwd=self.root, env=self.env(),
                              capture_output=True, text=True, input=stdin, timeout=120, check=False)


def copy_sources(target: Path) -> None:
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.is_file():
            shutil.copy2(source, target / name)
    case_studies = target / "data" / "case-study"
    case_studies.mkdir(parents=True, exist_ok=True)
    for valid in sorted((HERE / "valid").glob("*.ttl")):
        shutil.copy2(valid, case_studies / valid.name)


def built_sandbox(root: Path) -> Sandbox:
    """The sources plus the valid synthetic case studies in `root`, with a good build (the "last good store")."""
    copy_sources(root)
    box = Sandbox(root, root / ".soilkg")
    built = box.run("build")
    assert built.returncode == 0, "The valid sources must build first:\n" + built.stdout + built.stderr
    return box
