"""Faults an operator meets, survived with nothing lost (issue 22, points 3-5): a store file truncated or
garbled is found, moved aside and rebuilt from the sources; a killed build's staging folder is removed
by the next build (never a live build's); a full disk stops the build with a message and exit 2, and
the last good store keeps serving. All through the real `soilkg` command on a copy of the sources."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from soilkg import storefiles
from soilkg.paths import Project
from soilkg.store import build, check_served, read_manifest
from tests.curation.sandbox import Sandbox, copy_sources

EVERYTHING = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Sandbox:
    """The sources (with the valid synthetic case studies, one of them a draft: two stores) and a good build."""
    root = tmp_path_factory.mktemp("faults-repo")
    copy_sources(root)
    box = Sandbox(root, root / ".soilkg")
    result = box.run("build")
    assert result.returncode == 0, result.stdout + result.stderr
    return box


def copy_of(built: Sandbox, build: Path) -> Sandbox:
    """The same sources with a build folder of the test's own (a copy of the good build: links are relative)."""
    shutil.copytree(built.build, build, symlinks=True)
    return Sandbox(built.root, build)


def count(store: Path) -> int:
    rows = ox.Store.read_only(str(store)).query(EVERYTHING)
    assert isinstance(rows, ox.QuerySolutions)
    return int(next(iter(rows))["n"].value)


def largest_sst(store: Path) -> Path:
    return max(store.glob("*.sst"), key=lambda p: p.stat().st_size)


def truncate(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def garble(path: Path) -> None:
    """8 KB of noise in the middle of the file (as a failing disk or a careless copy would leave it)."""
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(os.urandom(8192))


def staging_folders(box: Sandbox) -> list[Path]:
    return sorted((box.build / "stores").glob(f"*{storefiles.STAGING}*"))


@pytest.mark.parametrize("damage", [truncate, garble], ids=["truncated", "garbled"])
def test_a_damaged_store_file_is_moved_aside_and_rebuilt(built: Sandbox, tmp_path: Path, damage: object) -> None:
    box = copy_of(built, tmp_path / "build")
    link = box.build / "store"
    served, quads = link.resolve(), count(link.resolve())
    victim = largest_sst(served)
    assert victim.stat().st_size > 16384, "the largest file must be big enough to garble 8 KB in its middle"
    assert callable(damage)
    damage(victim)

    result = box.run("build")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Traceback" not in output
    (line,) = [text for text in output.splitlines() if "failed its check" in text]
    assert victim.name in line and "moved aside" in line and "rebuilding it from the sources" in line
    assert "Built " in output  # rebuilt, not "Up to date"
    assert link.resolve() != served and count(link.resolve()) == quads
    aside = list((box.build / "stores").glob(f"{served.parent.name}{storefiles.ASIDE}*"))
    assert len(aside) == 1 and not served.exists()
    assert storefiles.problem(link.resolve(), _manifest(link)) is None


def test_serve_no_build_refuses_a_damaged_store(built: Sandbox, tmp_path: Path) -> None:
    box = copy_of(built, tmp_path / "build")
    garble(largest_sst((box.build / "store").resolve()))
    result = box.run("serve", "--no-build", "--port", "0")
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "failed its check" in output and "soilkg build" in output and "Traceback" not in output


def test_reading_a_store_leaves_its_record_true(built: Sandbox, tmp_path: Path) -> None:
    """Readers (workers, the site build) open read-only: nothing they do may make a good store look damaged."""
    box = copy_of(built, tmp_path / "build")
    for link in ("store", "store-preview"):
        assert count((box.build / link).resolve()) > 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOILKG_BUILD", str(box.build))
        check_served(Project(box.root))
        check_served(Project(box.root), preview=True)
        assert not build(Project(box.root)).rebuilt  # what `soilkg build` and `serve` do first: up to date


def test_a_killed_builds_staging_folder_goes_with_the_next_build(built: Sandbox, tmp_path: Path) -> None:
    box = copy_of(built, tmp_path / "build")
    killed = _start_build(box)
    (leftover,) = _wait_for_staging(box, killed)
    while killed.poll() is None and not any(leftover.rglob("*.log")):
        time.sleep(0.01)  # until RocksDB writes into it: the store is open, the build well under way
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait(timeout=30)
    assert leftover.exists() and any(leftover.rglob("*")), "kill -9 leaves the staging folder (the fault)"

    live = _start_build(box)
    try:
        (own,) = _wait_for_staging(box, live)
        assert not leftover.exists(), "the next build removes the killed build's staging folder"
        # Another build starting now must leave the live one's folder alone.
        assert storefiles.remove_abandoned(box.build / "stores") == []
        assert own.exists()
    finally:
        out, err = live.communicate(timeout=120)
    assert live.returncode == 0, out + err
    assert staging_folders(box) == []


def _start_build(box: Sandbox) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "soilkg.cli", "build", "--force"], cwd=box.root, env=box.env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_staging(box: Sandbox, process: subprocess.Popen[str]) -> list[Path]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        found = [p for p in staging_folders(box) if p.name.endswith(f"{storefiles.STAGING}{process.pid}")]
        if found:
            return found
        time.sleep(0.01)
    raise AssertionError(f"no staging folder of build {process.pid} appeared")


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 32 MB tmpfs of the test's own (the build needs about 11 MB at its peak here): never the real disk."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount)], capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        message = f"cannot mount a tmpfs here ({done.stderr.strip()}): run as root"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_stops_the_build_with_a_message_and_keeps_the_last_good_store(
        built: Sandbox, small_disk: Path) -> None:
    box = copy_of(built, small_disk / "build")
    link = box.build / "store"
    served, manifest, quads = link.resolve(), (link / "manifest.json").read_bytes(), count(link.resolve())
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (shutil.disk_usage(small_disk).free - 1_000_000))

    result = box.run("build", "--force")
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    assert "ran out of space" in output and str(small_disk) in output
    assert "needs about" in output and "The last good store is unchanged." in output
    assert staging_folders(box) == [], "nothing left behind"
    assert link.resolve() == served and (link / "manifest.json").read_bytes() == manifest
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOILKG_BUILD", str(box.build))
        check_served(Project(box.root))  # the last good store still holds what its build wrote
    assert count(served) == quads


def _manifest(link: Path) -> dict[str, object]:
    manifest = read_manifest(link)
    assert manifest is not None
    return manifest


def test_the_main_process_has_a_memory_limit(built: Sandbox, tmp_path: Path) -> None:
    """Like each query worker: the process that builds the site at start-up cannot take the machine."""
    from soilkg.commands.serve import MAIN_MEMORY_MB

    box = copy_of(built, tmp_path / "build")
    server = subprocess.Popen([sys.executable, "-m", "soilkg.cli", "serve", "--no-build", "--port", "0"],
                              cwd=box.root, env=box.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            limits = Path(f"/proc/{server.pid}/limits").read_text()
            (soft,) = [line.split()[3] for line in limits.splitlines() if line.startswith("Max data size")]
            if soft != "unlimited":
                break
            time.sleep(0.05)
        assert soft == str(MAIN_MEMORY_MB * 1024 * 1024)
    finally:
        server.terminate()
        server.wait(timeout=30)
