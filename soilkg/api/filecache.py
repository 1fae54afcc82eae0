"""The site's files held in memory, each with its gzip form made once.

Catalogue pages and assets are most of a reporter's day after the cached queries (bench/README.md):
served by Starlette's FileResponse, each answer opened and read the file in a worker thread and was
gzipped again by the compression middleware, together about a third of the server's busy core under a
reporter's day (profiled with py-spy). A file is kept under its path with what identifies its content on disk
(device, inode, size, modification time): a rebuilt site, swapped in whole, has new inodes, so a
changed file is read again at its first request and the old entry is replaced. Entries are bounded
in number of bytes (least recently used go first); bigger files and range requests take the usual
streamed way.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from dataclasses import dataclass

from soilkg.api.encoding import LEVEL_PER_FILE, gzip_form

# A file held is at most this big, all of them together at most the budget (a small part of the main
# process's 4 GB heap limit).
MAX_FILE_BYTES = 1 << 20
BUDGET_BYTES = 64 << 20


@dataclass(frozen=True)
class Held:
    identity: tuple[int, int, int, int]  # st_dev, st_ino, st_size, st_mtime_ns of the file read
    body: bytes
    gzipped: bytes | None  # None: not worth compressing (small, or a kind that is compressed already)

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")


def identity_of(stat_result: os.stat_result) -> tuple[int, int, int, int]:
    return stat_result.st_dev, stat_result.st_ino, stat_result.st_size, stat_result.st_mtime_ns


class FileCache:
    def __init__(self, budget: int = BUDGET_BYTES, max_file: int = MAX_FILE_BYTES) -> None:
        self.budget, self.max_file = budget, max_file
        self.entries: OrderedDict[str, Held] = OrderedDict()
        self.bytes = 0

    def get(self, path: str, stat_result: os.stat_result, media_type: str) -> Held | None:
        """The file's content as it is on disk now, or None when it is not to be held (too big, or gone)."""
        if stat_result.st_size > self.max_file:
            return None
        identity = identity_of(stat_result)
        held = self.entries.get(path)
        if held is not None and held.identity == identity:
            self.entries.move_to_end(path)
            return held
        try:
            with open(path, "rb") as handle:
                body = handle.read(self.max_file + 1)
                now = identity_of(os.fstat(handle.fileno()))
        except OSError:
            return None  # gone between the lookup and the read: the streamed way answers as it would
        if now != identity or len(body) != stat_result.st_size:
            return None  # replaced while read: not held, the next request reads it again
        fresh = Held(identity, body, gzip_form(body, media_type, LEVEL_PER_FILE))
        self._put(path, fresh)
        return fresh

    def _put(self, path: str, held: Held) -> None:
        old = self.entries.pop(path, None)
        if old is not None:
            self.bytes -= old.size
        self.entries[path] = held
        self.bytes += held.size
        while self.bytes > self.budget and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.bytes -= dropped.size
