"""server/deploy/nginx.conf, as written, in front of two `soilkg serve` replicas on loopback: the site
from its folder, the API from either replica, GET answers cached and revalidated, a replica down."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from soilkg.api.web import CSP
from tests.api.conftest import REPO, Server, free_port, start_serve, stop

DEPLOY = REPO / "server" / "deploy"
NETWORKS = "SELECT ?n WHERE { ?n a <https://w3id.org/soilkg/ontology#Network> }"


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).is_file()), None)


@dataclass
class Deployment:
    base: str
    replicas: list[Server]


@pytest.fixture(scope="module")
def deployment(api_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    binary = nginx_binary()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("nginx is not installed: .ci/setup must install it (apt-get install nginx-light)")
        pytest.skip("nginx is not installed (Debian: apt-get install nginx-light)")
    folder = tmp_path_factory.mktemp("nginx")
    site = folder / "site"
    (site / "queries").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Catalogue</title><p>The catalogue</p>")
    (site / "queries" / "index.html").write_text("<!doctype html><title>Reference</title><p>Reference</p>")
    replicas = [start_serve(api_build), start_serve(api_build)]
    port = free_port()
    config = (DEPLOY / "nginx.conf").read_text()
    for old, new in [("127.0.0.1:8001", replicas[0].base.removeprefix("http://")),
                     ("127.0.0.1:8002", replicas[1].base.removeprefix("http://")),
                     ("listen 80;", f"listen 127.0.0.1:{port};"), ("/srv/soilkg/site", str(site)),
                     ("/var/cache/nginx/soilkg", str(folder / "cache")),
                     ("/run/nginx-soilkg.pid", str(folder / "nginx.pid")),
                     ("http {", f"http {{\n    client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;"
                                f"\n    access_log off; error_log {folder}/error.log;")]:
        assert old in config, f"nginx.conf no longer has `{old}`: update this test with it"
        config = config.replace(old, new, 1)
    if os.geteuid() == 0:  # nginx's workers would drop to `nobody`, who cannot read pytest's folders
        config = "user root;\n" + config
    (folder / "nginx.conf").write_text(config)
    for part in ("nginx-api.conf", "nginx-site-headers.conf"):
        shutil.copy(DEPLOY / part, folder / part)
    process = subprocess.Popen([binary, "-p", str(folder), "-c", str(folder / "nginx.conf"),
                                "-g", f"daemon off; error_log {folder}/error.log;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if process.poll() is not None:
                raise RuntimeError(f"nginx exited: {process.stderr.read().decode() if process.stderr else ''}")
            try:
                httpx.get(base + "/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield Deployment(base, replicas)
    finally:
        stop(process)
        for replica in replicas:
            if replica.process.poll() is None:
                stop(replica.process)


def test_the_site_comes_from_its_folder_with_the_same_headers(deployment: Deployment) -> None:
    home = httpx.get(deployment.base + "/")
    assert home.status_code == 200 and "The catalogue" in home.text
    assert home.headers["content-security-policy"] == CSP  # one policy, whoever serves the page
    reference = httpx.get(deployment.base + "/queries/index.html")
    assert reference.status_code == 200 and "Reference" in reference.text


def test_the_api_answers_and_repeated_gets_come_from_the_cache(deployment: Deployment) -> None:
    params = {"query": NETWORKS}
    first = httpx.get(deployment.base + "/sparql", params=params)
    assert first.status_code == 200 and len(first.json()["results"]["bindings"]) == 5
    second = httpx.get(deployment.base + "/sparql", params=params)
    assert second.headers["x-cache-status"] == "HIT" and second.content == first.content
    named = httpx.get(deployment.base + "/queries/publications-since")
    assert named.status_code == 200 and named.headers["content-type"].startswith("application/sparql-results+json")
    assert httpx.get(deployment.base + "/queries").json()["queries"]


def test_a_replica_down_is_not_noticed(deployment: Deployment) -> None:
    stop(deployment.replicas[0].process)
    for n in range(6):  # least_conn would send some of these to the stopped replica
        response = httpx.get(deployment.base + "/sparql", params={"query": f"ASK {{ ?s ?p {n} }}"})
        assert response.status_code == 200, response.text
