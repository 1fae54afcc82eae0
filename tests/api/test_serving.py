"""Serving at the limit: ETag and 304, a rebuild followed without restart, cheap queries never queued
behind slow ones, the public base URL, site pages never shadowed, CSP, compression, cache headers."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from soilkg.paths import Project
from soilkg.store import build
from tests.api.conftest import REPO, Server, start_serve, stop

BASE_URL = "https://soil.example.org"
NETWORKS = "SELECT ?n WHERE { ?n a <https://w3id.org/soilkg/ontology#Network> }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # runs into the timeout
SLOW_TIMEOUT = 5.0
NETSOB_FILE = "data/network/netsob.ttl"
# A stand-in for the catalogue (the site generator is tested in tests/site): what matters here is how
# the server serves whatever the generator wrote.
SITE = {
    "index.html": "<!doctype html><title>Catalogue</title><p>" + "Soil biodiversity. " * 100,
    "queries/index.html": "<!doctype html><title>Reference</title><h1>Reference: named queries</h1>",
    "assets/javascripts/bundle.5090c770.min.js": "console.log('bundle');",
    "assets/css/skg.css": "body { color: #111; }",
}


def _build(folder: Path, files: list[Path] | None = None) -> None:
    old = os.environ.get("SOILKG_BUILD")
    os.environ["SOILKG_BUILD"] = str(folder)
    try:
        build(Project(REPO), files=files)
    finally:
        if old is None:
            os.environ.pop("SOILKG_BUILD")
        else:
            os.environ["SOILKG_BUILD"] = old


@pytest.fixture(scope="module")
def own_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build folder of this module's own: the rebuild test changes its store."""
    folder = tmp_path_factory.mktemp("serving-build")
    _build(folder)
    for relative, text in SITE.items():
        (folder / "site" / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / "site" / relative).write_text(text)
    return folder


@pytest.fixture(scope="module")
def served(own_build: Path) -> Iterator[Server]:
    server = start_serve(own_build, "--base-url", BASE_URL, "--timeout", str(SLOW_TIMEOUT),
                         env={"SOILKG_API_QUEUE_SECONDS": "0.5"})
    yield server
    stop(server.process)


def test_a_repeated_get_is_answered_304(served: Server) -> None:
    first = httpx.get(served.sparql, params={"query": NETWORKS})
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public, max-age=")
    again = httpx.get(served.sparql, params={"query": NETWORKS}, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    # Another format is another answer, with another validator.
    csv = httpx.get(served.sparql, params={"query": NETWORKS, "format": "csv"}, headers={"If-None-Match": etag})
    assert csv.status_code == 200 and csv.headers["etag"] != etag


def test_head_and_options(served: Server) -> None:
    head = httpx.head(served.sparql, params={"query": NETWORKS})
    assert head.status_code == 200 and head.content == b""
    options = httpx.options(served.sparql)
    assert options.status_code == 204
    assert [m.strip() for m in options.headers["allow"].split(",")] == ["GET", "HEAD", "POST", "OPTIONS"]
    refused = httpx.put(served.sparql, content=b"x")
    assert refused.status_code == 405 and "POST" in refused.headers["allow"]


def test_base_url_ignores_the_host_header(served: Server) -> None:
    for path in ("/sparql", "/void"):
        response = httpx.get(served.base + path, headers={"Host": "evil.example", "Accept": "text/turtle"})
        assert response.status_code == 200, response.text
        assert f"<{BASE_URL}/sparql>" in response.text and "evil.example" not in response.text
    listing = httpx.get(served.base + "/queries", headers={"Host": "evil.example"}).json()
    assert all(q["links"]["run"].startswith(BASE_URL + "/queries/") for q in listing["queries"])


def test_site_pages_under_queries_are_served_not_shadowed(served: Server) -> None:
    page = httpx.get(served.base + "/queries/index.html")
    assert page.status_code == 200 and "Reference: named queries" in page.text
    assert page.headers["content-type"].startswith("text/html")
    # A named query that exists still answers; an unknown name is still the API's 404.
    assert httpx.get(served.base + "/queries/publications-since").status_code == 200
    unknown = httpx.get(served.base + "/queries/no-such-query")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "unknown_query"


def test_every_html_page_has_the_csp_and_assets_are_cached(served: Server) -> None:
    pages = ["/", "/index.html", "/queries/", "/queries/index.html", "/query", "/docs",
             "/id/network/no-such-page-so-the-plain-html"]
    for path in pages:
        response = httpx.get(served.base + path, headers={"Accept": "text/html"})
        if response.headers.get("content-type", "").startswith("text/html"):
            csp = response.headers.get("content-security-policy", "")
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0], \
                path
    netsob = httpx.get(served.base + "/id/network/netsob", headers={"Accept": "text/html"})
    assert netsob.status_code == 200 and "script-src 'self'" in netsob.headers["content-security-policy"]
    hashed = httpx.get(served.base + "/assets/javascripts/bundle.5090c770.min.js")
    assert hashed.headers["cache-control"] == "public, max-age=31536000, immutable"
    home = httpx.get(served.base + "/", headers={"Accept-Encoding": "gzip"})
    assert home.headers["content-encoding"] == "gzip" and "must-revalidate" in home.headers["cache-control"]


def test_a_cheap_query_is_answered_while_every_slow_lane_is_busy(served: Server) -> None:
    """Two clients fill both general workers with queries that run into the timeout; a named query, a
    query shape known to be cheap and a new query are still answered at once. When a third client
    waits, the client that asks for more than its share is told to come back (429 with Retry-After);
    the third, within its share, is served when a worker frees (never 429 or 503)."""
    known = "ASK { ?s ?p ?o }"
    assert httpx.get(served.sparql, params={"query": known}).status_code == 200  # its shape is now known cheap
    # The worker kept for cheap queries answers its first query from cold caches: warm it (as any
    # running server is) so that what is timed below is the queueing, not a cold start.
    assert httpx.get(served.base + "/queries/publications-since").status_code == 200
    slow: dict[str, httpx.Response] = {}

    def hold(client: str) -> None:
        slow[client] = httpx.get(served.sparql, params={"query": SLOW}, headers={"X-Forwarded-For": client},
                                 timeout=SLOW_TIMEOUT + 10)

    threads = [threading.Thread(target=hold, args=(f"10.0.0.{n}",)) for n in (1, 2, 3)]
    for thread in threads[:2]:
        thread.start()
    for _ in range(50):  # until both general workers are busy
        if httpx.get(served.base + "/health").json()["workers_busy"] >= 2:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the slow queries never occupied the general workers")
    timings = {}
    for name, params, path in [("named", {"since": "2023-01-01"}, "/queries/publications-since"),
                               ("known", {"query": known.replace("?o", "<urn:x:1>")}, "/sparql"),
                               ("new", {"query": "SELECT ?l WHERE { ?n a <urn:x:kind> ; ?p ?l } LIMIT 3"},
                                "/sparql")]:
        started = time.perf_counter()
        response = httpx.get(served.base + path, params=params, headers={"X-Forwarded-For": "10.0.0.9"})
        timings[name] = time.perf_counter() - started
        assert response.status_code == 200, (name, response.text)
    assert threads[0].is_alive(), "the slow queries ended before the cheap ones were measured"
    threads[2].start()  # a third client: it waits for the general lane
    time.sleep(0.2)
    over = httpx.get(served.sparql, params={"query": SLOW + " # again"}, headers={"X-Forwarded-For": "10.0.0.1"})
    for thread in threads:
        thread.join()
    assert all(seconds < 1.0 for seconds in timings.values()), timings
    assert over.status_code == 429 and over.headers["retry-after"] and over.json()["error"]["code"] == \
        "too_many_queries"
    assert {r.status_code for r in slow.values()} == {504} and len(slow) == 3


def test_a_rebuild_changes_the_etag_and_nothing_stale_is_served(served: Server, own_build: Path) -> None:
    netsob = "https://w3id.org/soilkg/id/network/netsob"
    from_netsob = f"SELECT ?p WHERE {{ <{netsob}> ?p ?o }} LIMIT 1"
    graph = f"https://w3id.org/soilkg/source/{NETSOB_FILE}"
    before = httpx.get(served.sparql, params={"query": NETWORKS})
    assert netsob in before.text
    assert httpx.get(served.sparql, params={"query": f"SELECT * FROM <{graph}> WHERE {{ ?s ?p ?o }} LIMIT 1"}
                     ).status_code == 200
    assert httpx.get(served.sparql, params={"query": from_netsob}).json()["results"]["bindings"]
    files = [f for f in Project(REPO).source_files() if not str(f).endswith(NETSOB_FILE)]
    _build(own_build, files)  # the server is not restarted
    after = httpx.get(served.sparql, params={"query": NETWORKS}, headers={"If-None-Match": before.headers["etag"]})
    assert after.status_code == 200 and after.headers["etag"] != before.headers["etag"]
    assert netsob not in after.text  # not the cached answer of the old store
    assert not httpx.get(served.sparql, params={"query": from_netsob}).json()["results"]["bindings"]
    refused = httpx.get(served.sparql, params={"query": f"SELECT * FROM <{graph}> WHERE {{ ?s ?p ?o }} LIMIT 1"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "graph_refused"


def test_site_files_from_memory_answer_as_the_files_on_disk(served: Server, own_build: Path) -> None:
    """Pages are held in memory with their gzip form (soilkg/api/filecache.py): each answer is the file as
    it is on disk now, in either encoding, with the file's validators; a file replaced on disk (as a
    rebuilt site is swapped in) is served new at once; HEAD and ranges keep working."""
    page = own_build / "site" / "index.html"
    on_disk = page.read_bytes()
    first = httpx.get(served.base + "/", headers={"Accept-Encoding": "gzip"})
    again = httpx.get(served.base + "/", headers={"Accept-Encoding": "gzip"})
    plain = httpx.get(served.base + "/", headers={"Accept-Encoding": "identity"})
    assert first.content == again.content == plain.content == on_disk  # httpx decodes the gzip body
    assert first.headers["content-encoding"] == again.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers and "Accept-Encoding" in plain.headers["vary"]
    assert int(first.headers["content-length"]) < len(on_disk) / 5  # one sentence said 100 times
    assert first.headers["etag"] == plain.headers["etag"] and "must-revalidate" in first.headers["cache-control"]
    assert httpx.get(served.base + "/", headers={"If-None-Match": first.headers["etag"]}).status_code == 304
    head = httpx.head(served.base + "/")
    assert head.status_code == 200 and head.content == b"" and head.headers["etag"] == first.headers["etag"]
    ranged = httpx.get(served.base + "/", headers={"Range": "bytes=0-14", "Accept-Encoding": "identity"})
    assert ranged.status_code == 206 and ranged.content == on_disk[:15]

    replaced = own_build / "site" / "index.new"
    replaced.write_bytes(on_disk.replace(b"Soil biodiversity.", b"Soil life."))
    try:
        os.replace(replaced, page)  # a new inode under the same name, as a swapped-in site has
        now = httpx.get(served.base + "/", headers={"Accept-Encoding": "gzip"})
        assert b"Soil life." in now.content and b"Soil biodiversity." not in now.content
        assert now.headers["etag"] != first.headers["etag"]
    finally:
        page.write_bytes(on_disk)


def _raw(url: str, params: dict[str, str], accept_encoding: str) -> httpx.Response:
    """The response as it came over the wire (httpx leaves the body encoded when streamed raw)."""
    with httpx.Client() as client:
        request = client.build_request("GET", url, params=params, headers={"Accept-Encoding": accept_encoding})
        response = client.send(request, stream=True)
        response._content = b"".join(response.iter_raw())
        response.close()
        return response


@pytest.mark.parametrize("limit", [300, 4000])  # compressed on the event loop, and off it (over 128 KiB)
def test_a_kept_answer_goes_in_its_gzip_form_to_whoever_accepts_it(served: Server, limit: int) -> None:
    """An answer kept in the result cache keeps its gzip form (soilkg/api/encoding.py), sent as it is to a
    client that accepts gzip and never to one that does not; both say the answer varies with
    Accept-Encoding and carry the one ETag. (That the form is made once, not per request, is what
    bench/README.md measures: over HTTP the bytes are those the middleware would make.)"""
    import gzip

    params = {"query": f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o }} ORDER BY ?s ?p ?o LIMIT {limit}"}
    first = _raw(served.sparql, params, "gzip")
    again = _raw(served.sparql, params, "gzip")
    plain = _raw(served.sparql, params, "identity")
    assert first.status_code == again.status_code == plain.status_code == 200
    assert first.headers["content-encoding"] == again.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert first.content == again.content
    assert gzip.decompress(first.content) == plain.content and plain.content.startswith(b"{")
    assert (len(plain.content) > 128 * 1024) is (limit > 1000)
    for response in (first, again, plain):
        assert {"Accept", "Accept-Encoding"} <= {v.strip() for v in response.headers["vary"].split(",")}
        assert response.headers["etag"] == first.headers["etag"]  # one answer, whichever encoding
