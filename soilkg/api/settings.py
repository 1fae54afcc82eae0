"""API settings: one frozen object, filled from the command line and SOILKG_API_* variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

# Trusted SPARQL endpoints a query may name in SERVICE when the operator allows them (--allow-service).
KNOWN_SERVICES: dict[str, str] = {
    "agrovoc": "https://agrovoc.fao.org/sparql",
    "wikidata": "https://query.wikidata.org/sparql",
    "unsdg": "https://metadata.un.org/sdg/sparql",
}


@dataclass(frozen=True)
class Settings:
    timeout: float = 10.0  # seconds of evaluation before the worker is killed
    workers: int = 2  # evaluation processes (embedded store only)
    max_rows: int = 100_000  # solutions or triples in one answer
    max_response_bytes: int = 50 * 1024 * 1024
    max_body_bytes: int = 1024 * 1024  # request bodies (a query is small; a 20 MB body is abuse)
    # Heap of one query worker: a cartesian ORDER BY grows by gigabytes a second, so the timeout alone cannot
    # protect the machine's memory. Over the limit the worker dies and is replaced (0: no limit).
    max_worker_memory_mb: int = 2048
    allowed_services: tuple[str, ...] = ()  # SERVICE IRIs that may be called; none by default
    cors_origins: tuple[str, ...] = ()  # explicit allow-list, never "*" with credentials
    endpoint: str | None = None  # serve over this SPARQL endpoint instead of the embedded store
    # Fairness (server/README.md): workers kept for cheap queries; per client, how many costly queries
    # may wait at once, and how long one waits, while others wait and it runs its share, before 429.
    fast_workers: int = 1
    client_queue: int = 16
    queue_seconds: float = 2.0
    cheap_ms: float = 200.0  # a query shape that ran faster than this is "cheap"
    try_fast_seconds: float = 0.25  # budget of an unknown query on an idle fast worker
    cache_bytes: int = 64 * 1024 * 1024  # in-process answers, by size (0: no result cache)
    cache_max_age: int = 60  # seconds a proxy or browser may reuse a GET answer without asking
    # The public address (https://soil.example.org): Service Description, VoID and links are built on
    # it, never on the request's Host header. Unset: the address the server listens on.
    base_url: str | None = None
    preview: bool = False  # the curators' preview store (drafts too; `serve --include-drafts`), marked as such

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then SOILKG_API_* variables, then explicit overrides (the CLI's options)."""
        env = os.environ
        base = cls()
        values: dict[str, object] = {}
        for name, cast in (("timeout", float), ("workers", int), ("max_rows", int),
                           ("max_response_bytes", int), ("max_body_bytes", int), ("max_worker_memory_mb", int),
                           ("fast_workers", int), ("client_queue", int), ("queue_seconds", float),
                           ("cheap_ms", float), ("try_fast_seconds", float), ("cache_bytes", int),
                           ("cache_max_age", int)):
            raw = env.get(f"SOILKG_API_{name.upper()}")
            if raw:
                values[name] = cast(raw)
        for name in ("allowed_services", "cors_origins"):
            raw = env.get(f"SOILKG_API_{name.upper()}")
            if raw:
                values[name] = tuple(resolve_service(v) if name == "allowed_services" else v.strip()
                                     for v in raw.split(",") if v.strip())
        for name in ("endpoint", "base_url"):
            if env.get(f"SOILKG_API_{name.upper()}"):
                values[name] = env[f"SOILKG_API_{name.upper()}"]
        values.update({k: v for k, v in overrides.items() if v is not None and v != ()})
        return replace(base, **values)  # type: ignore[arg-type]


def resolve_service(value: str) -> str:
    """A short name from KNOWN_SERVICES, or an endpoint IRI as given."""
    value = value.strip()
    return KNOWN_SERVICES.get(value.lower(), value)
