"""Running `soilkg` as a user does: a subprocess with its own root and build folder (shared by the report tests;
a module of its own name, since every test folder has a conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Cli:
    env: dict[str, str]
    cwd: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "soilkg.cli", *args], cwd=self.cwd, env=self.env,
                              capture_output=True, text=True, timeout=300, check=False)


def cli_for(root: Path, build: Path) -> Cli:
    env = {**os.environ, "SOILKG_ROOT": str(root), "SOILKG_BUILD": str(build), "NO_COLOR": "1",
           "COLUMNS": "200"}
    return Cli(env, root)
