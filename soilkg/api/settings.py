"""API settings: one frozen object, filled from the command line and SOILKG_API_* variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

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
    # Heap of one query worker: a cartesian ORDER BY grows by ~2 GB/s, so the timeout alone cannot
    # protect the machine's memory. Over the limit the worker dies and is replaced (0: no limit).
    max_worker_memory_mb: int = 2048
    allowed_services: tuple[str, ...] = ()  # SERVICE IRIs that may be called; none by default
    cors_origins: tuple[str, ...] = ()  # explicit allow-list, never "*" with credentials
    endpoint: str | None = None  # serve over this SPARQL endpoint instead of the embedded store
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then SOILKG_API_* variables, then explicit overrides (the CLI's options)."""
        env = os.environ
        base = cls()
        values: dict[str, object] = {}
        for name, cast in (("timeout", float), ("workers", int), ("max_rows", int),
                           ("max_response_bytes", int), ("max_body_bytes", int), ("max_worker_memory_mb", int)):
            raw = env.get(f"SOILKG_API_{name.upper()}")
            if raw:
                values[name] = cast(raw)
        for name in ("allowed_services", "cors_origins"):
            raw = env.get(f"SOILKG_API_{name.upper()}")
            if raw:
                values[name] = tuple(resolve_service(v) if name == "allowed_services" else v.strip()
                                     for v in raw.split(",") if v.strip())
        if env.get("SOILKG_API_ENDPOINT"):
            values["endpoint"] = env["SOILKG_API_ENDPOINT"]
        values.update({k: v for k, v in overrides.items() if v is not None and v != ()})
        return replace(base, **values)  # type: ignore[arg-type]


def resolve_service(value: str) -> str:
    """A short name from KNOWN_SERVICES, or an endpoint IRI as given."""
    value = value.strip()
    return KNOWN_SERVICES.get(value.lower(), value)
