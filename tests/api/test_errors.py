"""One error boundary: an unexpected exception on any route family is answered in the one JSON shape
(a page for a browser on a page route), tells nothing of the server's inside, and is logged.

No request can provoke an internal error in a healthy server, so the app is built over a backend
and a site server that fail (create_app's test-only parameters, in tests/api/failing_app.py;
`soilkg serve` never passes them), and served by uvicorn on a loopback port like any other."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from soilkg.api.web import CSP
from tests.api.conftest import REPO, free_port, stop, wait_until_up
from tests.api.failing_app import SECRET


@pytest.fixture(scope="module")
def failing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    build = tmp_path_factory.mktemp("failing-build")
    (build / "site").mkdir()
    (build / "site" / "index.html").write_text("<!doctype html><title>catalogue</title>")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "tests.api.failing_app:app",
                                "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                               cwd=REPO, env={**os.environ, "SOILKG_BUILD": str(build), "SOILKG_ROOT": str(REPO)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/openapi.json", process)
    yield base, process
    stop(process)


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
def test_an_internal_error_is_the_one_json_shape(failing: tuple[str, subprocess.Popen[bytes]], family: str) -> None:
    base, _ = failing
    method, path, params, form = FAMILIES[family]
    response = httpx.request(method, base + path, params=params, data=form,
                             headers={"Accept": "application/json, */*;q=0.5"}, timeout=30)
    assert response.status_code == 500, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"error": {"status": 500, "code": "internal_error",
                                         "message": response.json()["error"]["message"]}}
    assert SECRET not in response.text and "Traceback" not in response.text and "Broken" not in response.text


@pytest.mark.parametrize("path", ["/", "/id/network/netsob"], ids=["site page", "linked data (browser)"])
def test_an_internal_error_on_a_page_is_a_page(failing: tuple[str, subprocess.Popen[bytes]], path: str) -> None:
    response = httpx.get(failing[0] + path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, timeout=30)
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert "internal_error" in response.text and SECRET not in response.text



def test_the_operator_sees_what_happened(failing: tuple[str, subprocess.Popen[bytes]]) -> None:
    """What the client is not told is in the server's log, with its traceback."""
    base, process = failing
    assert httpx.get(base + "/health").status_code == 500
    stop(process)
    assert process.stderr is not None
    log = process.stderr.read().decode(errors="replace")
    assert "unexpected error while answering a request" in log and SECRET in log and "Traceback" in log
