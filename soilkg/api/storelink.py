"""The one object that follows the `store` link a build swaps, and the manifest of what it points at.

The API reads the version (ETags, the result cache) and the named graphs (the FROM allow-list)
from it; each worker opens the store through it. One readlink per look tells whether a build
swapped the link (a full path resolution costs more); the manifest is read again only then.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Set
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from soilkg.store import MANIFEST, graph_iri


@dataclass(frozen=True)
class Snapshot:
    """What the link pointed at when looked at: its target, the data's version and its named graphs."""

    target: str
    version: str | None  # the manifest's fingerprint and view: replicas built from the same sources share it
    graphs: frozenset[str]


NOTHING = Snapshot("", None, frozenset())


class StoreLink:
    def __init__(self, link: Path) -> None:
        self.link = link
        self._snapshot = NOTHING
        self._store: ox.Store | None = None
        self._store_target = ""

    def target(self) -> str:
        try:
            return os.readlink(self.link)
        except OSError:
            return str(self.link)  # a plain folder, not a build's link: read once

    def snapshot(self) -> Snapshot:
        """The link now; the last good snapshot while a build swaps it (the manifest is mid-write or gone)."""
        target = self.target()
        if target != self._snapshot.target:
            try:
                manifest = json.loads((self.link / MANIFEST).read_text())
            except (OSError, ValueError):
                return self._snapshot  # the next look tries again
            self._snapshot = Snapshot(target, f"{manifest.get('fingerprint', '')}-{manifest.get('view', 'store')}",
                                      frozenset(graph_iri(relative) for relative in manifest.get("files", {})))
        return self._snapshot

    def store(self) -> tuple[ox.Store, str]:
        """The store read-only (reopened after a swap) and the target it was opened from (in a worker)."""
        target = self.target()
        if self._store is None or target != self._store_target:
            self._store = ox.Store.read_only(str(self.link.resolve()))
            self._store_target = target
        return self._store, target


class LiveGraphs(Set[str]):
    """The graphs of the store the link points at NOW: after a rebuild the FROM / GRAPH allow-list follows
    the new store without a restart."""

    def __init__(self, link: StoreLink) -> None:
        self.link = link

    def __contains__(self, graph: object) -> bool:
        return graph in self.link.snapshot().graphs

    def __iter__(self) -> Iterator[str]:
        return iter(self.link.snapshot().graphs)

    def __len__(self) -> int:
        return len(self.link.snapshot().graphs)
