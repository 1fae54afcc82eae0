"""Answers kept in memory between builds: the store is immutable until the next build, so an identical
request has an identical answer. Bounded by bytes (a few large answers cannot push out everything,
and memory stays what the operator set); least recently used answers go first."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from soilkg.api.backend import Answer

ENTRY_SHARE = 8  # one answer may take at most 1/8 of the budget


def _cost(answer: Answer) -> int:
    return len(answer.body) + len(answer.gzipped or b"") + 200  # the key and bookkeeping, roughly


class ResultCache:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max(0, max_bytes)
        self.entries: OrderedDict[Hashable, Answer] = OrderedDict()
        self.size = 0

    def get(self, key: Hashable) -> Answer | None:
        answer = self.entries.get(key)
        if answer is None:
            return None
        self.entries.move_to_end(key)
        return answer

    def fits(self, answer: Answer) -> bool:
        """Whether an answer of this size (and a gzip form at most as big) may be kept."""
        return _cost(answer) + len(answer.body) <= self.max_bytes // ENTRY_SHARE

    def put(self, key: Hashable, answer: Answer) -> None:
        cost = _cost(answer)
        if cost > self.max_bytes // ENTRY_SHARE or key in self.entries:
            return
        self.entries[key] = answer
        self.size += cost
        while self.size > self.max_bytes:
            _, dropped = self.entries.popitem(last=False)
            self.size -= _cost(dropped)

    def clear(self) -> None:
        self.entries.clear()
        self.size = 0
