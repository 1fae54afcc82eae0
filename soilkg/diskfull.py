"""A command that runs out of disk space: say what ran out, where, and how much the build needs.

RocksDB reports a full disk as an OSError without an errno ("IO error: No space left on device: While
appending to file: ..."), Python's own writes with errno ENOSPC; a quota gives EDQUOT. Both are the
user's to fix (exit 2, unusable environment), never a traceback.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from soilkg.errors import SoilkgError

_CODES = (errno.ENOSPC, errno.EDQUOT)
_TEXTS = tuple(os.strerror(code) for code in _CODES)

# What a build needs at its peak (write-ahead log, unmerged files, the compaction's copies), measured on
# tmpfs filesystems of decreasing size: 10.1 MB for the real sources (0.37 MB of Turtle), 285-290 MB
# for 5,000 synthetic case studies (13.2 MB). Fixed part plus a factor of the sources, with ~10% margin.
NEED_FIXED = 4 * 1024 * 1024
NEED_PER_SOURCE_BYTE = 24


def is_full(error: BaseException) -> bool:
    """A full disk (or an exceeded quota), from Python or from RocksDB."""
    if not isinstance(error, OSError):
        return False
    return error.errno in _CODES or any(text in str(error) for text in _TEXTS)


def build_needs(source_bytes: int) -> int:
    return NEED_FIXED + NEED_PER_SOURCE_BYTE * source_bytes


def _mount_point(path: Path) -> Path:
    while not path.exists() or not os.path.ismount(path):
        path = path.parent
    return path


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def fullest(error: OSError, *candidates: Path) -> Path:
    """Where a write most likely failed: the file the error names, else the candidate folder (the build
    folder, the temporary folder...) whose filesystem has the least space left."""
    named = [Path(str(name)) for name in (error.filename, error.filename2) if name]
    for path in named:
        return path if path.is_dir() else path.parent
    existing = [folder for folder in candidates if folder.exists()]
    return min(existing, key=lambda folder: shutil.disk_usage(folder).free) if existing else Path.cwd()


def message(folder: Path, error: OSError, needs: int | None, doing: str) -> str:
    """What ran out (space, file entries or quota), where, what is free and what is needed."""
    mount = _mount_point(folder)
    usage = shutil.disk_usage(mount)
    vfs = os.statvfs(mount)
    if error.errno == errno.EDQUOT or os.strerror(errno.EDQUOT) in str(error):
        what = "Your disk quota ran out"
    elif vfs.f_files and vfs.f_favail == 0:
        what = "The filesystem ran out of file entries (inodes)"
    else:
        what = "The disk ran out of space"
    text = (f"{what} while {doing} in {folder} (on the filesystem mounted at {mount}: "
            f"{_mb(usage.free)} free of {_mb(usage.total)}).")
    if needs is not None:
        text += f" A build of these sources needs about {_mb(needs)} free there."
    return text + (" Free some space, or set SOILKG_BUILD to a folder on a larger disk, and run the command "
                   "again.")


@contextmanager
def translated(folder: Path, doing: str, needs: int | None = None, after: str = "") -> Iterator[None]:
    """Turn a full disk inside the block into a SoilkgError (exit 2) with `message` and then `after`.
    The message is made after the block's own clean-up ran, so the free space it gives is true."""
    try:
        yield
    except OSError as error:
        if not is_full(error):
            raise
        raise SoilkgError(message(folder, error, needs, doing) + (" " + after if after else ""),
                          exit_code=2) from None
