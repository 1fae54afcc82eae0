"""Real servers for the API tests: `soilkg serve` (uvicorn subprocess) over a temp build of the repo's
files, and two external engines over the same quads, `oxigraph serve-read-only` and OpenLink Virtuoso,
each with `soilkg serve --endpoint` in front."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from soilkg.paths import Project
from soilkg.store import build
from tests.api.virtuoso import SERVE_TIMEOUT, end, mark_differences, start_virtuoso

REPO = Path(__file__).resolve().parents[2]
TEST_TIMEOUT = 2.0  # seconds; hostile queries must end within this plus 1 s
TEST_MEMORY_MB = 512  # per query worker: a cartesian ORDER BY passes it well within the timeout
ALLOWED_ORIGIN = "https://reporter.example.org"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {process.stderr.read().decode()[-2000:]}"
                               if process.stderr else "server exited")
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]
    kind: str

    @property
    def sparql(self) -> str:
        return self.base + "/sparql"


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def api_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store built from the repository's files in a build folder of the session's own."""
    folder = tmp_path_factory.mktemp("api-build")
    old = os.environ.get("SOILKG_BUILD")
    os.environ["SOILKG_BUILD"] = str(folder)
    try:
        build(Project(REPO))
    finally:
        if old is None:
            os.environ.pop("SOILKG_BUILD")
        else:
            os.environ["SOILKG_BUILD"] = old
    yield folder


@pytest.fixture(scope="session")
def local_store(api_build: Path) -> ox.Store:
    """The same store opened in the test process: the reference answers come from here."""
    return ox.Store.read_only(str((api_build / "store").resolve()))


def start_serve(build_dir: Path, *args: str, env: dict[str, str] | None = None) -> Server:
    """`soilkg serve` on a free port; later options win over the defaults given here (--timeout...)."""
    port = free_port()
    env = {**os.environ, "SOILKG_BUILD": str(build_dir), "SOILKG_ROOT": str(REPO),
           "SOILKG_API_MAX_WORKER_MEMORY_MB": str(TEST_MEMORY_MB), **(env or {})}
    process = subprocess.Popen([sys.executable, "-m", "soilkg.cli", "serve", "--no-build", "--port", str(port),
                                "--timeout", str(TEST_TIMEOUT), "--workers", "2",
                                "--cors-origin", ALLOWED_ORIGIN, *args],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/health", process)
    return Server(base, process, "remote" if "--endpoint" in args else "embedded")


def server_fixture(*args: str, env: dict[str, str] | None = None) -> Any:
    """A module's own `soilkg serve` over the session's build, with these options (tests that kill its
    workers or fill its lanes must not disturb the shared one)."""

    @pytest.fixture(scope="module")
    def served(api_build: Path) -> Iterator[Server]:
        server = start_serve(api_build, *args, env=env)
        yield server
        stop(server.process)

    return served


@pytest.fixture(scope="session")
def embedded(api_build: Path) -> Iterator[Server]:
    server = start_serve(api_build)
    yield server
    stop(server.process)


@pytest.fixture(scope="session")
def nquads_dump(local_store: ox.Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store's N-Quads dump (one named graph per source file), which each external engine loads."""
    dump = tmp_path_factory.mktemp("dump") / "all.nq"
    local_store.dump(str(dump), format=ox.RdfFormat.N_QUADS)
    return dump


@pytest.fixture(scope="session")
def oxigraph_endpoint(nquads_dump: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.skip("the oxigraph server CLI (PyPI package oxigraph) is not installed")
    folder = tmp_path_factory.mktemp("oxigraph")
    subprocess.run([binary, "load", "--location", str(folder / "db"), "--file", str(nquads_dump)], check=True,
                   capture_output=True)
    port = free_port()
    process = subprocess.Popen([binary, "serve-read-only", "--location", str(folder / "db"), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph", "--timeout-s", str(int(TEST_TIMEOUT))],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_until_up(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", process)
    yield f"http://127.0.0.1:{port}/query"
    stop(process)


@pytest.fixture(scope="session")
def virtuoso_endpoint(nquads_dump: Path, local_store: ox.Store,
                      tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    http_port = free_port()
    process = start_virtuoso(tmp_path_factory.mktemp("virtuoso"), nquads_dump, local_store, free_port(), http_port,
                             engine_timeout=SERVE_TIMEOUT + 3)
    yield f"http://127.0.0.1:{http_port}/sparql"
    end(process)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_differences(items)


def _over(api_build: Path, endpoint: str, *args: str) -> Iterator[Server]:
    server = start_serve(api_build, "--endpoint", endpoint, *args)
    yield server
    stop(server.process)


@pytest.fixture(scope="session")
def remote(api_build: Path, oxigraph_endpoint: str) -> Iterator[Server]:
    yield from _over(api_build, oxigraph_endpoint)


@pytest.fixture(scope="session")
def remote_virtuoso(api_build: Path, virtuoso_endpoint: str) -> Iterator[Server]:
    yield from _over(api_build, virtuoso_endpoint, "--timeout", str(SERVE_TIMEOUT))


@pytest.fixture(scope="session", params=["remote", "remote_virtuoso"])
def remotes(request: pytest.FixtureRequest) -> Server:
    """`soilkg serve --endpoint` over each external engine in turn."""
    server: Server = request.getfixturevalue(request.param)
    return server


@pytest.fixture(scope="session", params=["embedded", "remote", "remote_virtuoso"])
def api(request: pytest.FixtureRequest) -> Server:
    """Each protocol test runs against the embedded store and, through `--endpoint`, against each engine."""
    server: Server = request.getfixturevalue(request.param)
    return server


