"""A test-only application: the API over a backend and a site server that fail after a normal start, so
that tests/api/test_errors.py can see an internal error on every route family over real HTTP
(`uvicorn --factory tests.api.failing_app:app`). Never part of `soilkg serve`."""

from __future__ import annotations

from collections.abc import Set

from fastapi import FastAPI
from starlette.responses import Response
from starlette.types import Scope

from soilkg.api.app import create_app
from soilkg.api.backend import NO_DATASET, Answer, Dataset
from soilkg.api.pool import Want
from soilkg.api.settings import Settings
from soilkg.api.storelink import Snapshot
from soilkg.api.web import SiteFiles
from soilkg.paths import Project

SECRET = "injected fault 7f3a"  # must never reach a client


class Broken(RuntimeError):
    """What the test doubles raise: not an ApiError, so nothing in the app expects it."""


class FailingBackend:
    """A backend whose every evaluation and counter fails after a normal start."""

    name = "failing"

    async def start(self) -> None:
        """Starts like any backend."""

    async def execute(self, query: str, media_type: str, dataset: Dataset = NO_DATASET, want: Want = "general",
                      client: str = "") -> Answer:
        raise Broken(SECRET)

    async def try_fast(self, query: str, media_type: str, dataset: Dataset, budget: float) -> Answer | None:
        raise Broken(SECRET)

    def general_idle(self) -> bool:
        return True

    def snapshot(self) -> Snapshot | None:
        return None

    async def graphs(self) -> Set[str]:
        return {"https://w3id.org/soilkg/source/data/network/netsob.ttl"}

    async def close(self) -> None:
        """Nothing to release."""

    def stats(self) -> dict[str, int]:
        raise Broken(SECRET)


class FailingFiles(SiteFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        raise Broken(SECRET)


def app() -> FastAPI:
    return create_app(Project.here(), Settings(), FailingBackend(), files=FailingFiles)
