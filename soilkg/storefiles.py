"""The folders a build leaves under ``stores/``: the record of what it wrote, the check that a store
still holds it, and the clean-up after builds that were killed or stores that failed their check.

pyoxigraph exposes no verification of RocksDB's files, and RocksDB reads a truncated or garbled
``.sst`` file only when a query reaches it (then it crashes the reader, or grows it to gigabytes). So
the build records the name, size and SHA-256 of every file of a finished store in its manifest, and
``build``/``serve`` check them before serving. The check reads every byte once, sizes first; SHA-256
because CPUs hash it in hardware (it ran faster here than BLAKE2 or MD5).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import time
from pathlib import Path

MANIFEST = "manifest.json"
RECORD = "store_files"  # the manifest's key: file name -> {"size", "sha256"}
STAGING = ".building-"  # <fingerprint>.building-<pid>: a build in progress (or one that was killed)
ASIDE = ".failed-check-"  # <build>.failed-check-<time>: a store moved aside after failing its check


def _unrecorded(name: str) -> bool:
    """RocksDB's own text log (rotated by read-write opens) and lock, and our manifest, which
    `soilkg build` rewrites when only source mtimes changed: none of them is store data."""
    return name == MANIFEST or name == "LOCK" or name.startswith("LOG")


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def record(folder: Path) -> dict[str, dict[str, object]]:
    """Name, size and SHA-256 of each file of a finished (closed) store."""
    return {path.name: {"size": path.stat().st_size, "sha256": _sha256(path)}
            for path in sorted(folder.iterdir()) if path.is_file() and not _unrecorded(path.name)}


def problem(folder: Path, manifest: dict[str, object] | None) -> str | None:
    """What is wrong with a store folder against its manifest's record, or None when it holds what
    the build wrote. Sizes first (a truncated file costs no read), then the hashes."""
    files = manifest.get(RECORD) if manifest else None
    if not isinstance(files, dict) or not files:
        return "its manifest lists no files the build wrote: an older or unfinished build"
    for name, entry in files.items():
        path = folder / name
        try:
            size = path.stat().st_size
        except OSError:
            return f"{name} is missing"
        if size != entry.get("size"):
            return f"{name} has {size:,} bytes where the build wrote {entry.get('size'):,}"
    for name, entry in files.items():
        try:
            digest = _sha256(folder / name)
        except OSError:
            return f"{name} cannot be read"
        if digest != entry.get("sha256"):
            return f"{name} does not hold what the build wrote (its SHA-256 differs)"
    return None


def move_aside(build_folder: Path) -> Path | None:
    """Move a build (its preview and public stores) out of the way, keeping only the newest one moved
    aside for inspection: readers that still have it open keep reading until they follow the link.
    None when another process (a `serve` beside a `build`) moved it first."""
    aside = build_folder.with_name(f"{build_folder.name}{ASIDE}{time.time_ns():x}")
    for older in build_folder.parent.glob(f"*{ASIDE}*"):
        shutil.rmtree(older, ignore_errors=True)
    try:
        build_folder.rename(aside)
    except FileNotFoundError:
        return None
    return aside


def new_staging(stores: Path, fingerprint: str) -> tuple[Path, int]:
    """This build's staging folder, locked (flock) for as long as the returned descriptor is open: the
    lock ends with the process however it ends, so a later build can tell a killed build's folder."""
    staging = stores / f"{fingerprint}{STAGING}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    descriptor = os.open(staging, os.O_RDONLY)
    fcntl.flock(descriptor, fcntl.LOCK_EX)
    return staging, descriptor


def remove_abandoned(stores: Path) -> list[Path]:
    """Remove the staging folders of builds whose process is gone (killed, or the machine stopped).
    A folder is left when its process is alive (even if the number was reused) or when someone holds
    its lock (a build in another PID namespace sharing the folder)."""
    removed = []
    for folder in stores.glob(f"*{STAGING}*"):
        pid = folder.name.rpartition(STAGING)[2]
        if not pid.isdigit() or int(pid) == os.getpid() or _alive(int(pid)) or not _unlocked(folder):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _unlocked(folder: Path) -> bool:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return False  # gone already, or not ours to open
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(descriptor)
    return True
