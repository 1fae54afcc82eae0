"""Linked data: our IRIs dereference to HTML for browsers and to RDF with provenance by Accept."""

from __future__ import annotations

import httpx
import pytest
import rdflib

from tests.api.conftest import Server

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
