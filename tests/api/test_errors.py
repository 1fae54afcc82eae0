"""One error boundary: an unexpected exception on any route family is answered in the one JSON shape
(a page for a browser on a page route), tells nothing of the server's inside, and is logged.

No request can provoke an internal error in a healthy server, so the app is built over a backend
and a site server that fail (create_app's test-only parameters; `soilkg serve` never passes them),
and served by uvicorn on a loopback port like any other."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator, Set

import httpx
import pytest
import uvicorn
from starlette.responses import Response
from starlette.types import Scope

from soilkg.api.app import create_app
from soilkg.api.backend import NO_DATASET, Answer, Dataset
from soilkg.api.pool import Want
from soilkg.api.settings import Settings
from soilkg.api.storelink import Snapshot
from soilkg.api.web import CSP, SiteFiles
from soilkg.paths import Project
from tests.api.conftest import REPO

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


@pytest.fixture(scope="module")
def failing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    build = tmp_path_factory.mktemp("failing-build")
    (build / "site").mkdir()
    (build / "site" / "index.html").write_text("<!doctype html><title>catalogue</title>")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOILKG_BUILD", str(build))
        app = create_app(Project(REPO), Settings(), FailingBackend(), files=FailingFiles)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)


NETSOB = "https://w3id.org/soilkg/id/network/netsob"
# One request of each route family, each failing inside its own handler.
FAMILIES = {
    "sparql GET (direct path)": ("GET", "/sparql", {"query": "ASK { ?s ?p ?o }"}, None),
    "sparql POST (direct path)": ("POST", "/sparql", None, {"query": "ASK { ?s ?p ?o }"}),
    "graph store": ("GET", "/graph", {"graph": "https://w3id.org/soilkg/source/data/network/netsob.ttl"}, None),
    "named query": ("GET", "/queries/publications-since", None, None),
    "linked data (RDF)": ("GET", "/id/network/netsob", {"format": "turtle"}, None),
    "void": ("GET", "/void", None, None),
    "health": ("GET", "/health", None, None),
    "metrics": ("GET", "/metrics", None, None),
    "site page": ("GET", "/", None, None),
}


@pytest.mark.parametrize("family", list(FAMILIES))
def test_an_internal_error_is_the_one_json_shape(failing: str, family: str, caplog: pytest.LogCaptureFixture
                                                 ) -> None:
    method, path, params, form = FAMILIES[family]
    with caplog.at_level(logging.ERROR, logger="soilkg.api"):
        response = httpx.request(method, failing + path, params=params, data=form,
                                 headers={"Accept": "application/json, */*;q=0.5"}, timeout=30)
    assert response.status_code == 500, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"error": {"status": 500, "code": "internal_error",
                                         "message": response.json()["error"]["message"]}}
    assert SECRET not in response.text and "Traceback" not in response.text and "Broken" not in response.text
    assert SECRET in caplog.text  # the operator sees what happened


@pytest.mark.parametrize("path", ["/", "/id/network/netsob"], ids=["site page", "linked data (browser)"])
def test_an_internal_error_on_a_page_is_a_page(failing: str, path: str) -> None:
    response = httpx.get(failing + path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, timeout=30)
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert "internal_error" in response.text and SECRET not in response.text

