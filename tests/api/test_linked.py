"""Linked data: our IRIs dereference to HTML for browsers and to RDF with provenance by Accept."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import rdflib

from tests.api.conftest import Server, start_serve

NETSOB = "https://w3id.org/soilkg/id/network/netsob"
SKG = rdflib.Namespace("https://w3id.org/soilkg/ontology#")


@pytest.mark.parametrize("accept,rdflib_format", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                                  ("application/n-triples", "nt")])
def test_rdf_with_provenance(api: Server, accept: str, rdflib_format: str) -> None:
    response = httpx.get(api.base + "/id/network/netsob", headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    sources = set(graph.objects(rdflib.URIRef(NETSOB), SKG.statedIn))
    assert sources, "netsob has no skg:statedIn"
    # The paragraphs that state it come with their text.
    assert all(graph.value(s, SKG.text) is not None for s in sources)


def test_browser_gets_html(api: Server) -> None:
    browser = "text/html,application/xhtml+xml,*/*;q=0.8"
    response = httpx.get(api.base + "/id/network/netsob", headers={"Accept": browser}, follow_redirects=True)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "NETSOB" in response.text or "International Network on Soil Biodiversity" in response.text


def test_unknown_resource_is_404(api: Server) -> None:
    response = httpx.get(api.base + "/id/network/no-such-network", headers={"Accept": "text/turtle"})
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_browser_is_sent_to_the_catalogue_page_when_the_site_exists(api_build: Path, tmp_path: Path) -> None:
    build_dir = tmp_path / "build"
    build_dir.mkdir()
    (build_dir / "store").symlink_to((api_build / "store").resolve())
    page = build_dir / "site" / "network" / "netsob" / "index.html"
    page.parent.mkdir(parents=True)
    (build_dir / "site" / "index.html").write_text("<!doctype html><title>catalogue</title>")
    page.write_text("<!doctype html><title>NETSOB page</title>")
    server = start_serve(build_dir)
    try:
        browser = "text/html,application/xhtml+xml,*/*;q=0.8"
        response = httpx.get(server.base + "/id/network/netsob", headers={"Accept": browser})
        assert response.status_code == 303 and response.headers["location"].endswith("/network/netsob/")
        assert "NETSOB page" in httpx.get(server.base + "/network/netsob/").text
        part = httpx.get(server.base + "/id/document/cgrfa-20-item-8-4/p4", headers={"Accept": browser})
        # The report's page may not exist in this fake site: then the plain page is served.
        assert part.status_code in (200, 303)
        assert httpx.get(server.base + "/sparql", params={"query": "ASK {}"}).json()["boolean"] is True
    finally:
        server.process.terminate()
        server.process.wait(timeout=10)
