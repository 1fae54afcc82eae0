"""A fresh clone after the README's two commands (`make up`, `make test`) has a clean `git status`:
everything they create (the virtual environment, the store, the site, caches) is ignored, so a new
contributor's first `git add -A` commits nothing derived."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clone_of_working_tree(target: Path) -> None:
    """What a clone would hold: the tracked files plus new files not ignored, as the working tree has them."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git = ["git", "-c", "user.name=fresh clone", "-c", "user.email=clone@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "fresh clone"]):
        subprocess.run([*git, *args], cwd=target, check=True, capture_output=True)


def test_fresh_clone_stays_clean_after_the_two_commands(tmp_path: Path) -> None:
    venv = Path(sys.prefix)
    stamp = venv / f".installed-{hashlib.sha256((REPO / 'pyproject.toml').read_bytes()).hexdigest()[:16]}"
    if sys.prefix == sys.base_prefix or not stamp.is_file():
        message = "run the tests through `make test` (the project's venv, set up for this pyproject.toml)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    clone = tmp_path / "clone"
    clone.mkdir()
    clone_of_working_tree(clone)
    # The clone's `make` finds the venv already set up (as after a first `make up`), without a second install.
    (clone / ".venv").symlink_to(venv)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOILKG_", "PYTEST_"))}
    port = free_port()
    log = (tmp_path / "make-up.log").open("w+b")  # a file, not a pipe: a full pipe would stall the server
    server = subprocess.Popen(["make", "up", "HOST=127.0.0.1", f"PORT={port}"], cwd=clone, env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and server.poll() is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(1)
        else:
            log.seek(0)
            told = log.read().decode(errors="replace")[-2000:]
            raise AssertionError(f"`make up` did not serve: {told}")
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=10).status_code == 200
    finally:
        with contextlib.suppress(ProcessLookupError):  # already gone when `make up` failed
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
    # `make test` as the README gives it, on one small test file (the whole suite runs in CI already).
    tested = subprocess.run(["make", "test"], cwd=clone, capture_output=True, text=True, timeout=600,
                            env={**env, "PYTEST_ADDOPTS": "-q tests/core/test_citation.py"})
    assert tested.returncode == 0, tested.stdout[-2000:] + tested.stderr[-2000:]
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True,
                            check=True).stdout
    assert status == "", f"add these to .gitignore:\n{status}"
